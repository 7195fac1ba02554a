"""Storing rows in SQLite and packaging them as CSV + a Frictionless datapackage."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest
import sqlite_utils

from newsclaims import package
from newsclaims.errors import PackageInvalidError
from newsclaims.resolve import resolve
from newsclaims.schema import TABLES
from newsclaims.store import VIEWS, write_database
from tests.records_factory import pairs


@pytest.fixture
def rows():
    return resolve(pairs())


@pytest.fixture
def db(tmp_path, rows):
    path = tmp_path / "newsclaims.db"
    write_database(path, rows.by_table())
    return sqlite_utils.Database(path)


def test_store_creates_every_schema_table_with_declared_foreign_keys(db):
    for table in TABLES:
        assert db[table.name].exists()
        declared = {(fk.column, fk.other_table, fk.other_column) for fk in db[table.name].foreign_keys}
        assert declared == set(table.foreign_keys)


def test_every_faceted_or_sorted_table_column_is_indexed(db):
    """Table pages facet and sort on these columns: unindexed, each page scans the whole table."""
    from newsclaims.browse import FACETS, SORT

    schema_tables = {t.name for t in TABLES}
    for name in schema_tables:
        indexed = {ix.columns[0] for ix in db[name].indexes}
        wanted = set(FACETS.get(name, ())) | ({SORT[name][1]} if name in SORT else set())
        assert wanted - set(db[name].pks) <= indexed, name


def test_canned_queries_use_indexes_not_scans_per_row(db):
    """The per-article listings walk (article_id, start) instead of sorting the whole table."""
    for table in ("quotes", "figures"):
        plan = " ".join(
            str(r[-1])
            for r in db.conn.execute(
                f"explain query plan select * from {table} where article_id = 'a' order by start"
            )
        )
        assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan


def test_store_enforces_foreign_keys(db):
    db.conn.execute("pragma foreign_keys = on")
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(
            "insert into quotes (id, article_id, kind, text, paragraph, start, end) "
            "values ('x', 'no-such-article', 'direct', 't', 1, 0, 1)"
        )


def test_store_full_text_search_has_triggers(db):
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert db["articles"].detect_fts() == "articles_fts"
    article_id = db.execute("select id from articles limit 1").fetchone()[0]
    db["quotes"].insert(
        {
            "id": "new",
            "article_id": article_id,
            "kind": "direct",
            "text": "zebra crossing",
            "paragraph": 1,
            "start": 0,
            "end": 1,
        }
    )
    hits = list(db["quotes"].search("zebra"))
    assert [h["id"] for h in hits] == ["new"]


def test_store_views_answer(db):
    for view in VIEWS:
        assert db[view].exists()
    speakers = {r["speaker"] for r in db.query("select speaker from quotes_with_speakers")}
    assert speakers == {"Lina Mor"}


def test_store_refuses_to_overwrite(tmp_path, rows):
    path = tmp_path / "x.db"
    write_database(path, rows.by_table())
    with pytest.raises(FileExistsError):
        write_database(path, rows.by_table())


def test_package_csvs_are_deterministic_and_sorted(tmp_path, rows):
    first = tmp_path / "a"
    second = tmp_path / "b"
    first.mkdir()
    second.mkdir()
    package.write_csvs(first, rows.by_table())
    reversed_rows = {name: tuple(reversed(r)) for name, r in rows.by_table().items()}
    package.write_csvs(second, reversed_rows)
    for table in TABLES:
        assert (first / f"{table.name}.csv").read_bytes() == (second / f"{table.name}.csv").read_bytes()


def test_package_cells_format_nulls_arrays_and_numbers(tmp_path, rows):
    text = package.csv_text(next(t for t in TABLES if t.name == "figures"), rows.figures)
    assert ",40," in text and "40.0" not in text
    people = package.csv_text(next(t for t in TABLES if t.name == "people"), rows.people)
    assert '"[""Mor""]"' in people


def _write_package(folder, by_table):
    package.write_csvs(folder, by_table)
    package.write_descriptor(folder / "datapackage.json")
    return folder / "datapackage.json"


def test_package_validates_with_frictionless(tmp_path, rows):
    package.validate_package(_write_package(tmp_path, rows.by_table()))


def test_package_descriptor_carries_keys_and_constraints():
    descriptor = package.package_descriptor("data/")
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    assert quotes["path"] == "data/quotes.csv"
    assert quotes["schema"]["primaryKey"] == ["id"]
    kind = next(f for f in quotes["schema"]["fields"] if f["name"] == "kind")
    assert kind["constraints"] == {"required": True, "enum": ["direct", "indirect"]}
    refs = {fk["fields"][0]: fk["reference"]["resource"] for fk in quotes["schema"]["foreignKeys"]}
    assert refs == {
        "article_id": "articles",
        "speaker_person_id": "people",
        "speaker_organisation_id": "organisations",
    }
    json.dumps(descriptor)


def test_package_invalid_rows_fail_with_frictionless_report(tmp_path, rows):
    broken = rows.by_table()
    figure = dataclasses.replace(broken["figures"][0], quote_id="no-such-quote")
    broken["figures"] = (figure, *broken["figures"][1:])
    speaker = dataclasses.replace(broken["quotes"][0], kind="rumour")
    broken["quotes"] = (speaker, *broken["quotes"][1:])
    with pytest.raises(PackageInvalidError) as info:
        package.validate_package(_write_package(tmp_path, broken))
    report = info.value.report
    assert "quotes | 2 | kind | constraint-error" in report
    assert "figures | " in report and "foreign-key" in report


def test_package_csv_structure_gate_reports_ragged_rows(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n3\n", encoding="utf-8")
    assert package.check_csv_structure([path]) == ["t.csv: data row 2: Expected 2 columns, found 1 columns"]


def test_store_parents_may_sort_after_children_across_insert_batches(tmp_path):
    from newsclaims.schema import OrganisationRow

    # 400 organisations: sqlite-utils inserts them in several statements, and every child
    # ("a-...") sorts before its parent ("z-..."), so a one-pass insert would break the foreign key.
    orgs = [
        OrganisationRow(f"z-parent-{i:03d}", f"Parent {i}", None, (), "government", None) for i in range(200)
    ]
    orgs += [
        OrganisationRow(f"a-child-{i:03d}", f"Child {i}", None, (), "government", f"z-parent-{i:03d}")
        for i in range(200)
    ]
    path = tmp_path / "orgs.db"
    write_database(path, {"organisations": orgs})
    db = sqlite_utils.Database(path)
    assert db.execute("select count(*) from organisations where parent_id is not null").fetchone()[0] == 200
    assert db.execute("pragma foreign_key_check").fetchall() == []


@pytest.mark.parametrize("view", ["quotes_with_speakers", "figure_claims", "people_roles"])
def test_views_open_in_their_default_order_without_sorting_every_row(db, view):
    """The build runs ANALYZE: without statistics SQLite joins every row of a view and sorts it to
    show the first page in the default order (0.7 s at a million quotes)."""
    from newsclaims.browse import SORT

    key, column = SORT[view]
    order = f"{column} desc" if key == "sort_desc" else column
    plan = " ".join(
        str(r[-1])
        for r in db.conn.execute(f"explain query plan select * from {view} order by {order} limit 51")
    )
    assert "TEMP B-TREE" not in plan, plan
    assert db.conn.execute("select count(*) from sqlite_stat1").fetchone()[0] > 0
