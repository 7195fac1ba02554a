"""Incremental builds: the previous database updated in place holds exactly what a fresh build of the
same raw folder holds, extracts only the new articles, keeps full-text search current and still
refuses bad output without touching the last good one."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from newsclaims import builder, store
from newsclaims.queries import STORED, stored_query_table
from newsclaims.schema import TABLES
from tests.conftest import FIXTURES
from tests.test_build import csv_snapshot, snapshot

REAL = sorted((FIXTURES / "real").glob("*.txt"))


def table_dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every schema table's rows in primary-key order, the FTS tables' indexed text, and the
    derived tables: facet counts and stored query results (an in-place update must refresh them)."""
    conn = sqlite3.connect(db_path)
    try:
        dump = {}
        for table in TABLES:
            order = ", ".join(table.primary_key)
            dump[table.name] = conn.execute(f"select * from {table.name} order by {order}").fetchall()
            if table.fts:
                cols = ", ".join(table.fts)
                dump[f"{table.name}_fts"] = sorted(
                    conn.execute(f"select {cols} from {table.name}_fts").fetchall()
                )
        dump["facet_counts"] = conn.execute("select * from facet_counts order by 1, 2, 3").fetchall()
        for name in STORED:
            table = stored_query_table(name)
            dump[table] = conn.execute(f"select * from {table} order by rowid").fetchall()
        return dump
    finally:
        conn.close()


@pytest.fixture
def raw(tmp_path, corpus_dir) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(corpus_dir, folder)
    for path in REAL[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def test_adding_articles_updates_in_place_and_equals_a_fresh_build(raw, tmp_path, nlp):
    out = tmp_path / "data"
    first = builder.build(raw, out, jobs=1)
    assert first.updated is None
    for path in REAL[3:5]:
        shutil.copy(path, raw / path.name)

    again = builder.build(raw, out, jobs=1)
    assert (again.extracted, again.cached) == (2, first.extracted)
    assert again.updated is not None
    assert again.updated["articles"] == (2, 0)
    assert "updated in place" in again.format_text()
    new_quotes = again.row_counts["quotes"] - first.row_counts["quotes"]
    assert again.updated["quotes"][0] == new_quotes > 0

    fresh = builder.build(raw, tmp_path / "fresh", jobs=1, full=True)
    assert fresh.updated is None
    assert table_dump(out / builder.DB_NAME) == table_dump(tmp_path / "fresh" / builder.DB_NAME)
    assert csv_snapshot(out) == csv_snapshot(tmp_path / "fresh")


def test_removing_an_article_deletes_its_rows_everywhere(raw, tmp_path, nlp):
    out = tmp_path / "data"
    builder.build(raw, out, jobs=1)
    (raw / REAL[0].name).unlink()
    again = builder.build(raw, out, jobs=1)
    assert again.updated["articles"] == (0, 1)
    assert again.updated["quotes"][1] > 0
    fresh_out = tmp_path / "fresh"
    builder.build(raw, fresh_out, jobs=1, full=True)
    assert table_dump(out / builder.DB_NAME) == table_dump(fresh_out / builder.DB_NAME)
    conn = sqlite3.connect(out / builder.DB_NAME)
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)


def test_full_text_search_finds_words_of_an_added_article(raw, tmp_path, nlp):
    out = tmp_path / "data"
    builder.build(raw, out, jobs=1)
    added = REAL[6]
    shutil.copy(added, raw / added.name)
    builder.build(raw, out, jobs=1)
    conn = sqlite3.connect(out / builder.DB_NAME)
    title = conn.execute("select id, title from articles where source_file = ?", (added.name,)).fetchone()
    word = max(title[1].split(), key=len).strip(",.:'\"")
    hits = conn.execute(
        "select rowid from articles_fts where articles_fts match ?", (f'"{word}"',)
    ).fetchall()
    rowid = conn.execute("select rowid from articles where id = ?", (title[0],)).fetchone()
    assert rowid in hits


def test_unchanged_raw_leaves_the_database_bytes_alone(raw, tmp_path, nlp):
    out = tmp_path / "data"
    builder.build(raw, out, jobs=1)
    before = snapshot(out)
    again = builder.build(raw, out, jobs=1)
    assert sum(u + d for u, d in again.updated.values()) == 0
    assert snapshot(out) == before


def test_failed_validation_of_the_change_keeps_the_previous_output(raw, tmp_path, nlp, monkeypatch):
    out = tmp_path / "data"
    builder.build(raw, out, jobs=1)
    before = snapshot(out)
    shutil.copy(REAL[7], raw / REAL[7].name)
    seen = []

    def invalid(descriptor, resources=None):
        seen.append(descriptor)
        return ["  quotes | 2 | text | type-error | forced by the test"]

    monkeypatch.setattr(builder.package, "validation_errors", invalid)
    with pytest.raises(builder.package.PackageInvalidError, match="forced by the test"):
        builder.build(raw, out, jobs=1)
    assert seen and seen[0].parent.name == builder.DELTA_DIR
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".data.build-*"))


def test_a_database_of_another_schema_is_rebuilt_fresh(raw, tmp_path, nlp):
    out = tmp_path / "data"
    builder.build(raw, out, jobs=1)
    conn = sqlite3.connect(out / builder.DB_NAME)
    conn.execute("create table stray (x)")
    conn.commit()
    conn.close()
    assert not store.can_update(out / builder.DB_NAME)
    again = builder.build(raw, out, jobs=1)
    assert again.updated is None
    assert store.can_update(out / builder.DB_NAME)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_update_refusing_dangling_foreign_keys_changes_nothing(built, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copyfile(built.out_dir / builder.DB_NAME, db)
    conn = sqlite3.connect(db)
    (aid,) = conn.execute("select article_id from quotes limit 1").fetchone()
    conn.close()
    before = _sha(db)
    rows = _rows_from(db)
    assert store.update_database(db, rows)["quotes"].upserted == []  # read back, nothing differs
    orphaned = {**rows, "articles": tuple(a for a in rows["articles"] if a.id != aid)}
    with pytest.raises(store.ForeignKeyError, match="quotes"):
        store.update_database(db, orphaned)
    assert _sha(db) == before


def _rows_from(db: Path) -> dict[str, tuple]:
    """The database's rows as schema row dataclasses (arrays back from JSON)."""
    conn = sqlite3.connect(db)
    out = {}
    for table in TABLES:
        names = [c.name for c in table.columns]
        arrays = {c.name for c in table.columns if c.frictionless_type == "array"}
        rows = []
        for values in conn.execute(f"select {', '.join(names)} from {table.name}"):
            d = dict(zip(names, values, strict=True))
            rows.append(table.row(**{k: tuple(json.loads(v)) if k in arrays else v for k, v in d.items()}))
        out[table.name] = tuple(rows)
    conn.close()
    return out
