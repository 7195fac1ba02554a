"""Datasette metadata rendered from the schema source, the serving argv and the inspect file."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
import yaml
from dbfixture import QUOTE_COUNT, write_fixture_db

from newsclaims import publish
from newsclaims.schema import TABLES
from newsclaims.store import VIEWS as STORE_VIEWS

REPO = Path(__file__).resolve().parents[1]
METADATA = REPO / "metadata.yml"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fixture_db(tmp_path_factory.mktemp("publish"))


def _tables_metadata() -> dict:
    return publish.render_metadata()["databases"][publish.DATABASE]["tables"]


def test_metadata_file_is_current():
    assert METADATA.read_text(encoding="utf-8") == publish.metadata_yaml(), (
        "metadata.yml is stale: run `python build.py publish`"
    )


def test_write_metadata_round_trips(tmp_path: Path):
    path = tmp_path / "metadata.yml"
    publish.write_metadata(path)
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == publish.render_metadata()


def test_render_metadata_is_deterministic():
    assert publish.metadata_yaml() == publish.metadata_yaml()


def test_render_metadata_top_level_says_what_and_whose():
    metadata = publish.render_metadata()
    assert "human trafficking in Cambodia" in metadata["description"]
    for word in ("Quotes", "people", "organisations", "figures"):
        assert word in metadata["description"]
    assert "CC BY 4.0" in metadata["license"]
    assert "publishers' copyright" in metadata["license"]
    assert metadata["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert metadata["source"].startswith("News articles collected by the project")


@pytest.mark.parametrize("table", [pytest.param(t, id=t.name) for t in TABLES])
def test_render_metadata_describes_every_schema_column(table):
    meta = _tables_metadata()[table.name]
    assert meta["description"] == table.description
    assert list(meta["columns"]) == table.column_names
    for column in table.columns:
        assert meta["columns"][column.name].startswith(column.description)


def test_render_metadata_column_units_come_from_schema():
    columns = _tables_metadata()["figures"]["columns"]
    assert "ISO 4217" in columns["unit"]
    assert "percentages in percent" in columns["value"]
    assert "One of: ngo, government" in _tables_metadata()["organisations"]["columns"]["type"]


@pytest.mark.parametrize("table", [pytest.param(t, id=t.name) for t in TABLES])
def test_render_metadata_label_and_fts_follow_schema(table):
    meta = _tables_metadata()[table.name]
    assert meta.get("label_column") == table.label_column
    assert meta.get("fts_table") == (f"{table.name}_fts" if table.fts else None)


def test_render_metadata_describes_every_view_column(db_path: Path):
    tables = _tables_metadata()
    conn = sqlite3.connect(db_path)
    assert set(publish.VIEWS) == set(STORE_VIEWS)
    for view in STORE_VIEWS:
        columns = [row[1] for row in conn.execute(f"pragma table_info([{view}])")]
        assert list(tables[view]["columns"]) == columns, view
        assert all(tables[view]["columns"].values()), view


def test_render_metadata_facets_and_sorts_name_real_columns(db_path: Path):
    conn = sqlite3.connect(db_path)
    for name, meta in _tables_metadata().items():
        columns = {row[1] for row in conn.execute(f"pragma table_info([{name}])")}
        facets = {next(iter(f.values())) for f in meta.get("facets", [])}
        named = facets | {meta[k] for k in ("sort", "sort_desc") if k in meta}
        assert named <= columns, name


def test_render_metadata_default_facets():
    tables = _tables_metadata()
    assert tables["quotes"]["facets"] == [
        {"counted": c}
        for c in (
            "kind",
            "speaker_person_id",
            "speaker_organisation_id",
        )
    ]
    assert tables["organisations"]["facets"] == [{"counted": c} for c in ("type",)]
    assert tables["figures"]["facets"] == [
        {"counted": c}
        for c in (
            "unit",
            "qualifier",
        )
    ]
    assert tables["articles"]["facets"] == [{"counted": c} for c in ("publication",)]


@pytest.mark.parametrize("name", list(publish.QUERIES))
def test_render_metadata_canned_queries_compile(db_path: Path, name: str):
    query = publish.render_metadata()["databases"][publish.DATABASE]["queries"][name]
    assert query["title"] and query["description"]
    conn = sqlite3.connect(db_path)
    conn.create_function("escape_fts", 1, lambda q: q)
    params = {p: "x" for p in re.findall(r"(?<!:):(\w+)", query["sql"])}
    conn.execute("explain " + query["sql"], params)


def test_serve_args_serve_read_only_on_loopback():
    args = publish.serve_args(
        Path("data/newsclaims.db"), port=8123, metadata=Path("metadata.yml"), inspect=Path("i.json")
    )
    assert args[:3] == ["serve", "-i", "data/newsclaims.db"]
    pairs = dict(zip(args[3::2], args[4::2], strict=False))
    assert pairs["--host"] == "127.0.0.1"
    assert pairs["--port"] == "8123"
    assert pairs["--inspect-file"] == "i.json"
    assert pairs["--metadata"] == "metadata.yml"
    assert pairs["--template-dir"] == "templates"
    assert pairs["--plugins-dir"] == "plugins"
    settings = {args[i + 1]: args[i + 2] for i, a in enumerate(args) if a == "--setting"}
    assert settings == {
        "sql_time_limit_ms": "1500",
        "max_returned_rows": "1000",
        "allow_download": "on",
        "default_page_size": "50",
        "truncate_cells_html": "400",
        "suggest_facets": "off",
        "num_sql_threads": "0",
    }


def test_write_inspect_counts_rows(db_path: Path, tmp_path: Path):
    path = tmp_path / "inspect-data.json"
    publish.write_inspect(db_path, path)
    data = json.loads(path.read_text())
    assert data["newsclaims"]["tables"]["quotes"]["count"] == QUOTE_COUNT
