"""A real ``datasette`` process serving the database as published: read-only and time-limited."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from dbfixture import CHOU, QUOTE_COUNT, SCAM_ID, write_fixture_db

from newsclaims import publish

pytestmark = pytest.mark.server

REPO = Path(__file__).resolve().parents[1]
RUNAWAY_SQL = "with recursive c(x) as (select 1 union all select x+1 from c) select count(*) from c"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fixture_db(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module", params=[1, 2], ids=["datasette-serve", "two-uvicorn-workers"])
def server(
    request: pytest.FixtureRequest, db_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Base URL of a child server, one process or two (every test here runs against both);
    the context manager kills it at teardown."""
    inspect = tmp_path_factory.mktemp("inspect") / "inspect-data.json"
    publish.write_inspect(db_path, inspect)
    with publish.running_server(
        db_path, metadata=REPO / "metadata.yml", inspect=inspect, workers=request.param
    ) as url:
        yield url


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _quote_count(client: httpx.Client) -> int:
    response = client.get(
        "/newsclaims.json", params={"sql": "select count(*) as n from quotes", "_shape": "array"}
    )
    assert response.status_code == 200
    return response.json()[0]["n"]


def test_serve_answers_pages_and_article(client):
    assert client.get("/").status_code == 200
    assert client.get("/newsclaims/quotes").status_code == 200
    article = client.get(f"/newsclaims/article/{SCAM_ID}")
    assert article.status_code == 200
    assert f'href="/newsclaims/people/{CHOU}"' in article.text


def test_serve_uses_inspect_counts(client):
    data = client.get("/newsclaims/quotes.json").json()
    assert data["filtered_table_rows_count"] == QUOTE_COUNT


@pytest.mark.parametrize(
    "sql",
    [
        pytest.param("insert into people (id, name, aliases) values ('x', 'X', '[]')", id="insert"),
        pytest.param("delete from quotes", id="delete"),
        pytest.param("drop table quotes", id="drop"),
        pytest.param("update people set name = 'X'", id="update"),
    ],
)
def test_serve_refuses_write_sql(client, db_path, sql):
    before = _digest(db_path)
    response = client.get("/newsclaims.json", params={"sql": sql})
    assert 400 <= response.status_code < 500
    assert response.json()["ok"] is False
    assert _digest(db_path) == before
    assert _quote_count(client) == QUOTE_COUNT


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        pytest.param(
            "/newsclaims/people/-/insert", {"row": {"id": "x", "name": "X", "aliases": "[]"}}, id="insert-api"
        ),
        pytest.param("/newsclaims/-/create", {"table": "t", "row": {"id": 1}}, id="create-api"),
        pytest.param("/newsclaims/quotes/-/drop", {"confirm": True}, id="drop-api"),
        pytest.param("/newsclaims/person_quotes", {"person": CHOU}, id="post-to-canned-query"),
    ],
)
def test_serve_refuses_write_requests(client, db_path, path, payload):
    before = _digest(db_path)
    response = client.post(path, json=payload)
    assert response.status_code == 405
    assert "read-only" in response.text
    assert _digest(db_path) == before
    assert _quote_count(client) == QUOTE_COUNT


def test_serve_cuts_off_runaway_query_and_keeps_answering(client):
    response = client.get("/newsclaims.json", params={"sql": RUNAWAY_SQL})
    assert response.status_code == 400
    assert "took too long" in response.json()["error"]
    assert _quote_count(client) == QUOTE_COUNT


def test_serve_allows_database_download(client, db_path):
    response = client.get("/newsclaims.db")
    assert response.status_code == 200
    assert response.content == db_path.read_bytes()


def test_server_command_runs_datasette_for_one_process_and_uvicorn_workers_for_more(db_path):
    one, env = publish.server_command(db_path, port=8123, metadata=REPO / "metadata.yml")
    assert one[1:4] == ["-m", "datasette", "serve"] and env == {}
    two, env = publish.server_command(db_path, port=8123, metadata=REPO / "metadata.yml", workers=2)
    assert two[1:6] == ["-m", "uvicorn", "newsclaims.asgi:app", "--workers", "2"]
    assert env == {"NEWSCLAIMS_DB": str(db_path), "NEWSCLAIMS_METADATA": str(REPO / "metadata.yml")}
    with pytest.raises(ValueError, match="at least 1"):
        publish.server_command(db_path, port=8123, metadata=REPO / "metadata.yml", workers=0)


@pytest.mark.asyncio
async def test_view_pages_take_their_count_from_the_inspect_file(db_path, tmp_path):
    """write_inspect counts views too, and the served instance uses that count, not a live one."""
    from newsclaims.asgi import make_datasette

    inspect = tmp_path / "inspect-data.json"
    publish.write_inspect(db_path, inspect)
    data = json.loads(inspect.read_text())
    tables = data["newsclaims"]["tables"]
    assert tables["quotes_with_speakers"]["count"] == QUOTE_COUNT
    tables["quotes_with_speakers"]["count"] = 12345  # a count no live query could give
    inspect.write_text(json.dumps(data))
    ds = make_datasette(db_path, REPO / "metadata.yml", inspect)
    page = (await ds.client.get("/newsclaims/quotes_with_speakers.json")).json()
    assert page["filtered_table_rows_count"] == 12345
    filtered = (await ds.client.get("/newsclaims/quotes_with_speakers.json?kind=indirect")).json()
    assert filtered["filtered_table_rows_count"] < QUOTE_COUNT
    assert (await ds.client.post("/newsclaims/quotes_with_speakers", json={})).status_code == 405


def test_serve_database_page_lists_tables_and_views(client):
    """The inspect file counts views too (for their pages); the database page must not take them
    for tables (it looked up their foreign keys and failed with a KeyError)."""
    page = client.get("/newsclaims")
    assert page.status_code == 200
    assert 'href="/newsclaims/quotes"' in page.text
    assert 'href="/newsclaims/figure_claims"' in page.text
    data = client.get("/newsclaims.json").json()
    assert "quotes" in {t["name"] for t in data["tables"]}
    assert "figure_claims" in {v["name"] for v in data["views"]}
    assert "figure_claims" not in {t["name"] for t in data["tables"]}
