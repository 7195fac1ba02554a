"""What the dataset holds for one article, as the scorer sees it, and the adapter that reads it.

``predictions_from_db`` reads the built SQLite database with plain ``sqlite3`` rather than through
``newsclaims.store``, so scoring does not depend on how the build writes it: only the table and
column names of ``newsclaims.schema`` count. Each entity of a ``Prediction`` is the tuple of all
its names, since any of them may be the one that matches gold.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import NewsClaimsError


@dataclass(frozen=True)
class PredictedQuote:
    text: str
    kind: str
    speaker_names: tuple[str, ...] = ()  # every name of the speaker (name, acronym, aliases)


@dataclass(frozen=True)
class PredictedFigure:
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Prediction:
    """One article as the dataset holds it; each entity is the tuple of all its names."""

    raw_file: str
    title: str | None
    publication: str | None
    body: str
    quotes: tuple[PredictedQuote, ...] = ()
    people: tuple[tuple[str, ...], ...] = ()  # name + aliases
    organisations: tuple[tuple[str, ...], ...] = ()  # name, acronym, aliases
    figures: tuple[PredictedFigure, ...] = ()
    paragraph_count: int | None = None  # None: count blank-line-separated blocks of the body


def _json_list(text: str | None) -> list[str]:
    """An aliases column: a JSON array as text (a non-JSON string counts as one name)."""
    if not text:
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return [text]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else [str(value)]


def _names(*names: str | None) -> tuple[str, ...]:
    """Non-empty names in order, duplicates dropped."""
    return tuple(dict.fromkeys(n for n in names if n and n.strip()))


def _rows(con: sqlite3.Connection, tables: set[str], table: str, sql: str, *args: Any) -> list[sqlite3.Row]:
    """Rows of a query, or none when the table was not built (an extraction-free database)."""
    return con.execute(sql, args).fetchall() if table in tables else []


def predictions_from_db(db_path: Path) -> dict[str, Prediction]:
    """Every article of a built database as a Prediction, keyed by the basename of its source file.

    An article's entities are everything linked to it: mention tables, quote speakers, figure
    claimants and affiliations stated in it.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise NewsClaimsError(f"{db_path}: no such database")
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
        if "articles" not in tables:
            raise NewsClaimsError(f"{db_path}: no articles table")
        people = {
            r["id"]: _names(r["name"], *_json_list(r["aliases"]))
            for r in _rows(con, tables, "people", "select id, name, aliases from people")
        }
        orgs = {
            r["id"]: _names(r["name"], r["acronym"], *_json_list(r["aliases"]))
            for r in _rows(
                con, tables, "organisations", "select id, name, acronym, aliases from organisations"
            )
        }
        out: dict[str, Prediction] = {}
        for art in con.execute("select * from articles order by source_file"):
            key = Path(art["source_file"]).name
            if key in out:
                raise NewsClaimsError(f"{db_path}: two articles read from files named {key}")
            out[key] = _article_prediction(con, tables, art, people, orgs)
        return out
    finally:
        con.close()


def _article_prediction(
    con: sqlite3.Connection,
    tables: set[str],
    art: sqlite3.Row,
    people: Mapping[str, tuple[str, ...]],
    orgs: Mapping[str, tuple[str, ...]],
) -> Prediction:
    aid = art["id"]
    person_ids: dict[str, None] = {}
    org_ids: dict[str, None] = {}
    for r in _rows(
        con, tables, "article_people", "select person_id from article_people where article_id = ?", aid
    ):
        person_ids[r[0]] = None
    for r in _rows(
        con,
        tables,
        "article_organisations",
        "select organisation_id from article_organisations where article_id = ?",
        aid,
    ):
        org_ids[r[0]] = None
    for r in _rows(
        con,
        tables,
        "affiliations",
        "select person_id, organisation_id from affiliations where article_id = ?",
        aid,
    ):
        person_ids[r[0]] = None
        if r[1]:
            org_ids[r[1]] = None

    quotes = []
    for r in _rows(
        con,
        tables,
        "quotes",
        "select kind, text, speaker_person_id, speaker_organisation_id from quotes where article_id = ? order by rowid",
        aid,
    ):
        if r["speaker_person_id"]:
            person_ids[r["speaker_person_id"]] = None
            speaker = people.get(r["speaker_person_id"], ())
        elif r["speaker_organisation_id"]:
            org_ids[r["speaker_organisation_id"]] = None
            speaker = orgs.get(r["speaker_organisation_id"], ())
        else:
            speaker = ()
        quotes.append(PredictedQuote(text=r["text"], kind=r["kind"], speaker_names=speaker))

    figures = []
    for r in _rows(
        con,
        tables,
        "figures",
        "select text, value, value_max, unit, claimant_person_id, claimant_organisation_id"
        " from figures where article_id = ? order by rowid",
        aid,
    ):
        if r["claimant_person_id"]:
            person_ids[r["claimant_person_id"]] = None
        if r["claimant_organisation_id"]:
            org_ids[r["claimant_organisation_id"]] = None
        figures.append(
            PredictedFigure(
                text=r["text"],
                value=math.nan if r["value"] is None else float(r["value"]),  # nan matches nothing
                value_max=None if r["value_max"] is None else float(r["value_max"]),
                unit=r["unit"],
            )
        )

    keys = art.keys()
    return Prediction(
        raw_file=Path(art["source_file"]).name,
        title=art["title"],
        publication=art["publication"],
        body=art["body"] or "",
        quotes=tuple(quotes),
        people=tuple(people.get(i, (i,)) for i in person_ids),
        organisations=tuple(orgs.get(i, (i,)) for i in org_ids),
        figures=tuple(figures),
        paragraph_count=art["paragraph_count"] if "paragraph_count" in keys else None,
    )
