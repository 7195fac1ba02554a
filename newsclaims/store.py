"""Storing: the dataset's rows into one SQLite database, tables created from the schema source.

The only module that imports sqlite-utils. Tables are created with their foreign keys declared
at creation, rows are inserted sorted by primary key (so the file diffs cleanly), full-text
search gets triggers, and views cover the joins researchers ask for most.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from .schema import TABLES, Table, row_to_dict

VIEWS: dict[str, str] = {
    "quotes_with_speakers": """
select
  quotes.id as quote_id,
  quotes.article_id,
  articles.title as article_title,
  articles.publication,
  articles.published_date,
  quotes.kind,
  quotes.text,
  coalesce(people.name, organisations.name) as speaker,
  case when people.id is not null then 'person'
       when organisations.id is not null then 'organisation' end as speaker_type,
  quotes.speaker_person_id,
  quotes.speaker_organisation_id,
  quotes.speaker_text,
  quotes.cue,
  quotes.paragraph
from quotes
join articles on articles.id = quotes.article_id
left join people on people.id = quotes.speaker_person_id
left join organisations on organisations.id = quotes.speaker_organisation_id
""",
    "figure_claims": """
select
  figures.id as figure_id,
  figures.article_id,
  articles.title as article_title,
  figures.text,
  figures.value,
  figures.value_max,
  figures.qualifier,
  figures.unit,
  coalesce(people.name, organisations.name) as claimant,
  case when people.id is not null then 'person'
       when organisations.id is not null then 'organisation' end as claimant_type,
  figures.quote_id,
  quotes.text as quote_text
from figures
join articles on articles.id = figures.article_id
left join people on people.id = figures.claimant_person_id
left join organisations on organisations.id = figures.claimant_organisation_id
left join quotes on quotes.id = figures.quote_id
""",
    "people_roles": """
select
  affiliations.id as affiliation_id,
  people.id as person_id,
  people.name as person,
  affiliations.role,
  organisations.id as organisation_id,
  organisations.name as organisation,
  organisations.type as organisation_type,
  affiliations.article_id,
  articles.title as article_title
from affiliations
join people on people.id = affiliations.person_id
left join organisations on organisations.id = affiliations.organisation_id
join articles on articles.id = affiliations.article_id
""",
}


def sort_key(table: Table) -> Any:
    """Rows of a table sort by primary key, so output order never depends on build order."""
    return lambda row: tuple(getattr(row, c) for c in table.primary_key)


def create_tables(db: sqlite_utils.Database) -> None:
    """Create every schema table (empty) with types, not-nulls, primary and foreign keys."""
    for table in TABLES:
        columns = {c.name: c.sqlite_type for c in table.columns}
        not_null = {c.name for c in table.columns if not c.nullable}
        pk: str | tuple[str, ...] = table.primary_key[0] if len(table.primary_key) == 1 else table.primary_key
        db[table.name].create(
            columns,
            pk=pk,
            not_null=not_null,
            foreign_keys=table.foreign_keys,
        )
        for column, _, _ in table.foreign_keys:
            db[table.name].create_index([column])


def write_database(path: Path, rows: Mapping[str, Sequence[Any]]) -> None:
    """Write a fresh SQLite database at ``path`` holding ``rows`` (table name -> row dataclasses).

    :raises FileExistsError: ``path`` exists; the caller builds into a fresh folder.
    """
    if path.exists():
        raise FileExistsError(f"{path}: refusing to overwrite; build into a fresh folder")
    db = sqlite_utils.Database(path)
    # A fresh file in a temporary folder, swapped in only after validation: no journal needed.
    db.conn.execute("pragma journal_mode = off")
    db.conn.execute("pragma synchronous = off")
    db.conn.execute("pragma foreign_keys = on")
    create_tables(db)
    for table in TABLES:
        insert_rows(db, table, rows.get(table.name, ()))
    for table in TABLES:
        if table.fts:
            db[table.name].enable_fts(list(table.fts), create_triggers=True, tokenize="porter")
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip())
    db.conn.execute("pragma journal_mode = delete")
    db.close()


def insert_rows(db: sqlite_utils.Database, table: Table, rows: Iterable[Any]) -> None:
    """Insert rows sorted by primary key.

    A column referencing its own table (an organisation's parent) is filled in a second pass:
    sqlite-utils splits a long insert into several statements, and a child may sort before its
    parent, which foreign-key enforcement would refuse.
    """
    dicts = [row_to_dict(r) for r in sorted(rows, key=sort_key(table))]
    self_refs = [column for column, other, _ in table.foreign_keys if other == table.name]
    links = [
        (d[table.primary_key[0]], {c: d[c] for c in self_refs})
        for d in dicts
        if any(d[c] is not None for c in self_refs)
    ]
    if links:
        dicts = [{**d, **dict.fromkeys(self_refs)} for d in dicts]
    db[table.name].insert_all(dicts, batch_size=500)
    for key, values in links:
        db[table.name].update(key, values)
