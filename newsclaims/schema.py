"""The one schema source: every table, column, type, key and description of the dataset.

Each table is a frozen row dataclass whose fields carry their description and constraints as
field metadata (the CLDF/lexibank idiom). ``store`` creates SQLite tables from it, ``package``
writes ``datapackage.json`` from it and ``publish`` renders Datasette's ``metadata.yml`` from it,
so the three cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from .records import ORGANISATION_TYPES


def col(
    description: str,
    *,
    primary_key: bool = False,
    unique: bool = False,
    enum: tuple[str, ...] | None = None,
    foreign_key: tuple[str, str] | None = None,
    array: bool = False,
    date: bool = False,
    minimum: int | None = None,
) -> Any:
    """Declare a column: its description and constraints live beside its Python type."""
    return field(
        metadata={
            "description": description,
            "primary_key": primary_key,
            "unique": unique,
            "enum": enum,
            "foreign_key": foreign_key,
            "array": array,
            "date": date,
            "minimum": minimum,
        }
    )


@dataclass(frozen=True)
class ArticleRow:
    id: str = col(
        "Article id: first 16 hex digits of sha256 of the clean body text (stable across rebuilds).",
        primary_key=True,
    )
    title: str | None = col("Headline as printed, or null when the raw file gives none.")
    publication: str | None = col("Name of the publication (newspaper, wire, site), or null when not stated.")
    url: str | None = col("Canonical URL of the article, or null when not stated.")
    published_date: str | None = col(
        "Publication date (ISO 8601, YYYY-MM-DD), or null when not stated: never guessed.", date=True
    )
    byline: str | None = col("Byline as written, or null.")
    body: str = col(
        "Clean article text: paragraphs separated by one blank line; quote and figure offsets index into it."
    )
    paragraph_count: int = col("Number of body paragraphs.", minimum=0)
    word_count: int = col("Number of words in the body.", minimum=0)
    source_file: str = col("Raw file the article was read from, relative to the raw folder.", unique=True)
    source_sha256: str = col("SHA-256 of the raw file's bytes (hex), to check a copy against its source.")
    raw_format: str = col(
        "Raw format the reader recognised: plain, scraped, wrapped, frontmatter or html.",
        enum=("plain", "scraped", "wrapped", "frontmatter", "html"),
    )


@dataclass(frozen=True)
class PersonRow:
    id: str = col("Person id: a slug of the canonical name (ASCII-folded).", primary_key=True)
    name: str = col("Canonical name: the fullest form seen, Unicode NFC.")
    aliases: tuple[str, ...] = col(
        "JSON array of other forms seen for this person (short forms, misspellings).", array=True
    )


@dataclass(frozen=True)
class OrganisationRow:
    id: str = col("Organisation id: a slug of the canonical name (ASCII-folded).", primary_key=True)
    name: str = col("Canonical name: the fullest form seen.")
    acronym: str | None = col("Acronym or short upper-case form, or null.")
    aliases: tuple[str, ...] = col(
        "JSON array of other names seen (short names, acronyms, translated names).", array=True
    )
    type: str = col("Kind of organisation.", enum=ORGANISATION_TYPES)
    parent_id: str | None = col(
        "Parent organisation (e.g. the ministry a department belongs to), or null.",
        foreign_key=("organisations", "id"),
    )


@dataclass(frozen=True)
class AffiliationRow:
    id: str = col("Affiliation id: article id, person id and organisation id joined.", primary_key=True)
    person_id: str = col("The person holding the role.", foreign_key=("people", "id"))
    organisation_id: str | None = col(
        "The organisation the role belongs to, or null when none is named.",
        foreign_key=("organisations", "id"),
    )
    role: str | None = col(
        'Role or title as written in the article ("Technical Coordinator", "Labour Minister").'
    )
    article_id: str = col("Article where the affiliation is stated.", foreign_key=("articles", "id"))


@dataclass(frozen=True)
class ArticlePersonRow:
    article_id: str = col("Article mentioning the person.", foreign_key=("articles", "id"))
    person_id: str = col("Person mentioned.", foreign_key=("people", "id"))
    mentions: int = col(
        "Number of times the person is named in the article (any form, pronouns excluded).", minimum=0
    )


@dataclass(frozen=True)
class ArticleOrganisationRow:
    article_id: str = col("Article mentioning the organisation.", foreign_key=("articles", "id"))
    organisation_id: str = col("Organisation mentioned.", foreign_key=("organisations", "id"))
    mentions: int = col("Number of times the organisation is named in the article (any form).", minimum=0)


@dataclass(frozen=True)
class QuoteRow:
    id: str = col("Quote id: article id, 'q' and the start offset.", primary_key=True)
    article_id: str = col("Article the quote appears in.", foreign_key=("articles", "id"))
    kind: str = col(
        "direct (inside quotation marks) or indirect (reported speech).", enum=("direct", "indirect")
    )
    text: str = col("The quoted or reported words; equals articles.body[start:end].")
    speaker_person_id: str | None = col(
        "Person the quote is attributed to, or null.", foreign_key=("people", "id")
    )
    speaker_organisation_id: str | None = col(
        "Organisation the quote is attributed to, or null.", foreign_key=("organisations", "id")
    )
    speaker_text: str | None = col(
        'Words naming the speaker as written ("he", "Choeuth", "the ministry"), or null.'
    )
    cue: str | None = col('Reporting verb or phrase as written ("said", "told", "according to"), or null.')
    paragraph: int = col("Body paragraph holding the quote (1-based).", minimum=1)
    start: int = col("Start offset of the quote in articles.body (characters, 0-based).", minimum=0)
    end: int = col("End offset (exclusive) of the quote in articles.body (characters).", minimum=0)


@dataclass(frozen=True)
class FigureRow:
    id: str = col("Figure id: article id, 'f' and the start offset.", primary_key=True)
    article_id: str = col("Article the figure appears in.", foreign_key=("articles", "id"))
    text: str = col("The figure as written; equals articles.body[start:end].")
    value: float = col("Numeric value (money in whole currency units, percentages in percent).")
    value_max: float | None = col('Upper bound of a range ("between 16 and 20" gives 20), else null.')
    qualifier: str | None = col(
        "Approximation or bound as written, lower-case (about, at least, more than, up to, between...), or null."
    )
    unit: str | None = col(
        'Unit: the counted noun ("women", "years old"), "percent", or an ISO 4217 currency code.'
    )
    claimant_person_id: str | None = col(
        "Person who claims the figure, or null.", foreign_key=("people", "id")
    )
    claimant_organisation_id: str | None = col(
        "Organisation that claims the figure, or null.", foreign_key=("organisations", "id")
    )
    quote_id: str | None = col(
        "Quote holding the figure, or null when the reporter states it.", foreign_key=("quotes", "id")
    )
    start: int = col("Start offset of the figure in articles.body (characters, 0-based).", minimum=0)
    end: int = col("End offset (exclusive) of the figure in articles.body (characters).", minimum=0)


@dataclass(frozen=True)
class Column:
    """A column as the three consumers need it, derived from a row dataclass field."""

    name: str
    python_type: type
    nullable: bool
    description: str
    primary_key: bool
    unique: bool
    enum: tuple[str, ...] | None
    foreign_key: tuple[str, str] | None
    array: bool
    date: bool
    minimum: int | None

    @property
    def sqlite_type(self) -> type:
        """The Python type sqlite-utils maps to a column affinity (arrays are JSON text)."""
        return str if self.array else self.python_type

    @property
    def frictionless_type(self) -> str:
        if self.array:
            return "array"
        if self.date:
            return "date"
        return {str: "string", int: "integer", float: "number"}[self.python_type]


@dataclass(frozen=True)
class Table:
    """A dataset table: its row class plus what is said of the table as a whole."""

    name: str
    row: type
    description: str
    primary_key: tuple[str, ...] = ("id",)
    label_column: str | None = None
    fts: tuple[str, ...] = ()
    sort_facets: tuple[str, ...] = ()

    @property
    def columns(self) -> list[Column]:
        hints = typing.get_type_hints(self.row)
        out = []
        for f in dataclasses.fields(self.row):
            base, nullable = _unwrap_optional(hints[f.name])
            out.append(
                Column(
                    name=f.name,
                    python_type=base,
                    nullable=nullable,
                    description=f.metadata["description"],
                    primary_key=f.metadata["primary_key"],
                    unique=f.metadata["unique"],
                    enum=f.metadata["enum"],
                    foreign_key=f.metadata["foreign_key"],
                    array=f.metadata["array"],
                    date=f.metadata["date"],
                    minimum=f.metadata["minimum"],
                )
            )
        return out

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(column, other table, other column) triples, in column order."""
        return [(c.name, *c.foreign_key) for c in self.columns if c.foreign_key]


def row_to_dict(row: Any) -> dict[str, Any]:
    """A row dataclass as the dict SQLite and CSV get: arrays become JSON text."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(row):
        value = getattr(row, f.name)
        if f.metadata.get("array"):
            value = json.dumps(list(value), ensure_ascii=False)
        out[f.name] = value
    return out


def _unwrap_optional(hint: Any) -> tuple[type, bool]:
    """``str | None`` -> (str, True); ``tuple[str, ...]`` -> (tuple, False)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _unwrap_optional(args[0])[0], True
    if origin is not None:
        return origin, False
    return hint, False


TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        ArticleRow,
        "News articles: metadata and clean body text, one row per distinct article text.",
        label_column="title",
        fts=("title", "body"),
    ),
    Table(
        "people",
        PersonRow,
        "People named in the articles, one row per person across the whole dataset.",
        label_column="name",
        fts=("name", "aliases"),
    ),
    Table(
        "organisations",
        OrganisationRow,
        "Organisations named in the articles (NGOs, government bodies, companies...), one row each.",
        label_column="name",
        fts=("name", "aliases"),
    ),
    Table(
        "affiliations",
        AffiliationRow,
        "Roles people hold and the organisations they hold them in, as stated by an article.",
        label_column="role",
    ),
    Table(
        "article_people",
        ArticlePersonRow,
        "Which people each article mentions, and how often.",
        primary_key=("article_id", "person_id"),
    ),
    Table(
        "article_organisations",
        ArticleOrganisationRow,
        "Which organisations each article mentions, and how often.",
        primary_key=("article_id", "organisation_id"),
    ),
    Table(
        "quotes",
        QuoteRow,
        "Direct and reported quotes with their speaker; body[start:end] of the article is the text.",
        label_column="text",
        fts=("text", "speaker_text"),
    ),
    Table(
        "figures",
        FigureRow,
        "Numbers the articles claim (counts, money, percentages, ages, durations) and who claims them.",
        label_column="text",
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    """Look up a table by name (KeyError names the unknown table)."""
    return TABLES_BY_NAME[name]
