"""Storing: the dataset's rows into one SQLite database, tables created from the schema source.

The only module that imports sqlite-utils. Tables are created with their foreign keys declared
at creation, rows are inserted sorted by primary key (so the file diffs cleanly), full-text
search gets triggers, and views cover the joins researchers ask for most.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from .browse import FACET_COUNTS, FACETS
from .queries import QUERIES, STORED, stored_query_table
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


# Indexes beyond the foreign-key ones: every column a table page facets or sorts on (see
# publish.FACETS and SORT; a test keeps them in step), and (article_id, start) for the canned
# queries that list an article's quotes and figures in text order; figures (unit, value) also covers
# "count and top value by unit" without touching the table. Without them each table page
# of a 100k-article database scans a million rows per facet.
INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "articles": (("publication",), ("published_date",)),
    "people": (("name",),),
    "organisations": (("type",), ("name",)),
    "article_people": (("mentions",),),
    "article_organisations": (("mentions",),),
    "quotes": (("kind",), ("article_id", "start")),
    "figures": (("unit", "value"), ("qualifier",), ("article_id", "start")),
}


# Unfiltered facet counts of every table and view page (browse.FACETS), stored by the build:
# the database is published immutable, so they never go stale, and a table page of a
# 100k-article database reads them instead of grouping a million rows per facet per visitor
# (plugins/counted_facets.py serves them; filtered pages count live). Not a dataset table:
# hidden in Datasette and left out of the data package, since it is derived from the tables.
FACET_COUNTS_SQL = f"""create table {FACET_COUNTS} (
  source text not null,
  column_name text not null,
  value not null,
  count integer not null,
  primary key (source, column_name, value)
) without rowid"""


def create_derived(conn: Any) -> None:
    """Create the (empty) tables derived from the dataset: facet counts and stored query results.

    ``create table … as`` over the empty dataset gives the same columns as over a full one, so a
    fresh in-memory schema compares equal to a built database's (``can_update``).
    """
    conn.execute(FACET_COUNTS_SQL)
    for name in STORED:
        conn.execute(f"create table {stored_query_table(name)} as select * from ({QUERIES[name][2]}) where 0")


def store_derived(conn: Any) -> None:
    """Replace the derived tables' rows with what the dataset tables and views hold now.

    Facet counts go in sorted by key (``without rowid``), stored query results in the query's
    own order (it orders fully), so the same data gives the same file.
    """
    conn.execute(f"delete from {FACET_COUNTS}")
    for source, columns in FACETS.items():
        for column in columns:
            conn.execute(
                f"insert into {FACET_COUNTS} (source, column_name, value, count) "
                f"select ?, ?, {_q(column)}, count(*) from {_q(source)} "
                f"where {_q(column)} is not null group by {_q(column)} order by {_q(column)}",
                (source, column),
            )
    for name in STORED:
        table = stored_query_table(name)
        conn.execute(f"delete from {table}")
        conn.execute(f"insert into {table} select * from ({QUERIES[name][2]})")


def _analyze(conn: Any) -> None:
    """Give SQLite's planner the tables' statistics (``sqlite_stat1``).

    Without them it reads a view such as quotes_with_speakers "newest first" by joining every quote
    and sorting (0.7 s at a million quotes); with them it walks the published_date index and stops
    after a page (1 ms). The statistics are counts, so the same data gives the same file.
    """
    conn.execute("analyze")
    if conn.in_transaction:
        conn.commit()


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
        for columns in INDEXES.get(table.name, ()):
            db[table.name].create_index(list(columns))


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
    _finish_schema(db)
    db.conn.execute("pragma journal_mode = delete")
    db.close()


def _finish_schema(db: sqlite_utils.Database) -> None:
    """What follows the tables' rows in a fresh build: full-text indexes with their triggers, the
    views, the derived tables filled from the rows, and the planner's statistics. ``_fresh_schema``
    runs it over empty tables, so its schema is the one a build writes."""
    for table in TABLES:
        if table.fts:
            db[table.name].enable_fts(list(table.fts), create_triggers=True, tokenize="porter")
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip())
    create_derived(db.conn)
    store_derived(db.conn)
    db.conn.commit()
    _analyze(db.conn)


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


# -- updating a previous build's database in place ------------------------------------------------


def _fresh_schema() -> list[str]:
    """The schema SQL (tables, indexes, FTS, triggers, views) a fresh build creates."""
    db = sqlite_utils.Database(memory=True)
    create_tables(db)
    _finish_schema(db)
    return schema_of(db.conn)


def schema_of(conn: Any) -> list[str]:
    return sorted(row[0] for row in conn.execute("select sql from sqlite_master where sql is not null"))


def can_update(path: Path) -> bool:
    """Whether ``path`` is a database this code could have written (same tables, FTS, triggers, views)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return schema_of(conn) == _fresh_schema()
        finally:
            conn.close()
    except sqlite3.Error:
        return False


@dataclass
class TableChanges:
    """What an in-place update did to one table: rows inserted or changed (as dicts), keys deleted."""

    upserted: list[dict[str, Any]] = field(default_factory=list)
    deleted: list[tuple] = field(default_factory=list)


def _diff(conn: Any, table: Table, rows: Sequence[Any]) -> TableChanges:
    """Merge-join the table's stored rows with the new ones, both in primary-key order.

    SQLite's binary collation orders UTF-8 text as Python orders str, so one pass finds every
    new, changed and vanished row without holding the stored table in memory.
    """
    names = [c.name for c in table.columns]
    pk_at = [names.index(c) for c in table.primary_key]
    cursor = conn.execute(
        f"select {', '.join(_q(n) for n in names)} from {_q(table.name)} "
        f"order by {', '.join(_q(c) for c in table.primary_key)}"
    )
    new = [row_to_dict(r) for r in sorted(rows, key=sort_key(table))]
    changes = TableChanges()
    old = next(cursor, None)
    for d in new:
        values = tuple(d[n] for n in names)
        key = tuple(values[i] for i in pk_at)
        while old is not None and tuple(old[i] for i in pk_at) < key:
            changes.deleted.append(tuple(old[i] for i in pk_at))
            old = next(cursor, None)
        if old is not None and tuple(old[i] for i in pk_at) == key:
            if tuple(old) != values:
                changes.upserted.append(d)
            old = next(cursor, None)
        else:
            changes.upserted.append(d)
    while old is not None:
        changes.deleted.append(tuple(old[i] for i in pk_at))
        old = next(cursor, None)
    return changes


def _q(name: str) -> str:
    return f'"{name}"'


def update_database(path: Path, rows: Mapping[str, Sequence[Any]]) -> dict[str, TableChanges]:
    """Make the database at ``path`` hold exactly ``rows``, touching only rows that differ.

    One transaction: upserts by primary key and deletes, foreign keys deferred to the end and
    checked there (any violation rolls everything back), full-text indexes kept current by the
    triggers ``enable_fts`` created. Cost follows the change, plus one ordered read of each table.

    :raises ForeignKeyError: the new rows reference rows that do not exist.
    """
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("pragma foreign_keys = on")
        changes = {table.name: _diff(conn, table, rows.get(table.name, ())) for table in TABLES}
        if not any(c.upserted or c.deleted for c in changes.values()):
            return changes
        conn.execute("begin")
        try:
            conn.execute("pragma defer_foreign_keys = on")
            for table in TABLES:
                _upsert(conn, table, changes[table.name].upserted)
            for table in reversed(TABLES):
                where = " and ".join(f"{_q(c)} = ?" for c in table.primary_key)
                conn.executemany(f"delete from {_q(table.name)} where {where}", changes[table.name].deleted)
            store_derived(conn)
            problems = conn.execute("pragma foreign_key_check").fetchmany(20)
            if problems:
                raise ForeignKeyError(
                    [
                        f"{t} rowid {rowid}: no {parent} row for foreign key #{fk}"
                        for t, rowid, parent, fk in problems
                    ]
                )
            conn.execute("commit")
        except BaseException:
            conn.execute("rollback")
            raise
        _analyze(conn)
    finally:
        conn.close()
    return changes


def _upsert(conn: Any, table: Table, dicts: list[dict[str, Any]]) -> None:
    if not dicts:
        return
    names = [c.name for c in table.columns]
    keys = set(table.primary_key)
    others = [n for n in names if n not in keys]
    conflict = ", ".join(_q(c) for c in table.primary_key)
    update = ", ".join(f"{_q(n)} = excluded.{_q(n)}" for n in others)
    sql = (
        f"insert into {_q(table.name)} ({', '.join(_q(n) for n in names)}) "
        f"values ({', '.join('?' for _ in names)}) "
        f"on conflict ({conflict}) do " + (f"update set {update}" if others else "nothing")
    )
    conn.executemany(sql, [tuple(d[n] for n in names) for d in dicts])


class ForeignKeyError(ValueError):
    """New rows reference missing rows; the database is left as it was."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("foreign key check failed:\n" + "\n".join(f"  {p}" for p in problems))
        self.problems = problems
