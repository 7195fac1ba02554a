"""The published instance in-process: real metadata.yml, templates and plugins over a real database."""

from __future__ import annotations

import csv
import importlib.util
import io
import shutil
import sqlite3
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette
from dbfixture import (
    CHOU,
    CHOU_QUOTES,
    DOLLAR_QUOTE,
    FIGURE_COUNT,
    HOTLINE_ID,
    IOM,
    NCCT,
    QUOTE_COUNT,
    SCAM_ID,
    fixture_rows,
    write_fixture_db,
)
from markupsafe import escape

from newsclaims import publish
from newsclaims.asgi import make_datasette
from newsclaims.browse import FACETS
from newsclaims.queries import QUERIES, SEARCH_BEST, STORED, stored_query_table
from newsclaims.schema import TABLES, table

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fixture_db(tmp_path_factory.mktemp("datasette"))


@pytest.fixture
def ds(db_path: Path) -> Datasette:
    """The instance as served (``newsclaims.asgi.make_datasette``): immutable database, the
    committed metadata.yml, our templates, plugins and settings."""
    return make_datasette(db_path, REPO / "metadata.yml")


@pytest.fixture(scope="module")
def article_page_module():
    """plugins/article_page.py imported directly, to test its pure helpers."""
    path = REPO / "plugins" / "article_page.py"
    spec = importlib.util.spec_from_file_location("newsclaims_test_article_page", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


async def _rows(ds: Datasette, path: str) -> list[dict]:
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    return response.json()


def _quote_texts(rows: list[dict], key: str = "quote") -> set[str]:
    return {row[key] for row in rows}


@pytest.mark.asyncio
async def test_search_quotes_query_finds_matching_quotes(ds):
    rows = await _rows(ds, "/newsclaims/search_quotes.json?_shape=array&q=victims")
    assert _quote_texts(rows) == {
        DOLLAR_QUOTE,
        "We cannot protect victims if we do not know where they are,",
        "it had helped more than 120 victims since January",
    }
    by_quote = {row["quote"]: row for row in rows}
    assert by_quote[DOLLAR_QUOTE]["speaker"] == "Chou Bun Eng"
    assert (
        by_quote[DOLLAR_QUOTE]["article_title"] == "Police free 23 workers from Sihanoukville scam compound"
    )
    assert by_quote[DOLLAR_QUOTE]["article_id"] == SCAM_ID


@pytest.mark.asyncio
async def test_search_quotes_query_returns_the_best_matches_of_many(db_path: Path, tmp_path: Path):
    """With more matches than it shows, the query gives the SEARCH_BEST best ones in the order
    ranking every match gives (bm25, then quote id), not the first ones the index yields."""
    many = tmp_path / "newsclaims.db"
    shutil.copyfile(db_path, many)
    conn = sqlite3.connect(many)
    columns = [row[1] for row in conn.execute("pragma table_info(quotes)")]
    template = dict(zip(columns, conn.execute("select * from quotes limit 1").fetchone(), strict=True))
    for n in range(SEARCH_BEST + 50):
        words = " ".join(["monsoon"] * (1 + n % 7) + ["rain"] * (n % 11))  # varied bm25, some ties
        row = {**template, "id": f"q-monsoon-{n:03d}", "text": f"{words} number {n}", "start": 10_000 + n}
        conn.execute(
            f"insert into quotes ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )
    conn.commit()
    expected = [
        r[0]
        for r in conn.execute(
            "select quotes.id from quotes_fts join quotes on quotes.rowid = quotes_fts.rowid "
            "where quotes_fts match 'monsoon' order by bm25(quotes_fts), quotes.id"
        )
    ]
    conn.close()
    rows = await _rows(
        make_datasette(many, REPO / "metadata.yml"), "/newsclaims/search_quotes.json?_shape=array&q=monsoon"
    )
    assert len(expected) == SEARCH_BEST + 50
    assert [row["quote_id"] for row in rows] == expected[:SEARCH_BEST]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "q",
    [
        pytest.param("", id="empty"),
        pytest.param('"unbalanced', id="stray-quote"),
        pytest.param("AND OR NOT (", id="fts-operators"),
    ],
)
async def test_search_quotes_query_survives_awkward_input(ds, q):
    response = await ds.client.get("/newsclaims/search_quotes.json", params={"_shape": "array", "q": q})
    assert response.status_code == 200, response.text


@pytest.mark.asyncio
async def test_search_quotes_query_stems_words(ds):
    rows = await _rows(ds, "/newsclaims/search_quotes.json?_shape=array&q=protecting")
    assert _quote_texts(rows) == {"We cannot protect victims if we do not know where they are,"}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "person",
    [
        pytest.param(CHOU, id="id"),
        pytest.param("chou bun eng", id="name-any-case"),
        pytest.param("Bun Eng", id="alias"),
    ],
)
async def test_person_quotes_query_finds_everything_one_person_said(ds, person):
    rows = await _rows(ds, f"/newsclaims/person_quotes.json?_shape=array&person={person}")
    assert [row["quote"] for row in rows] == list(CHOU_QUOTES)
    assert {row["speaker"] for row in rows} == {"Chou Bun Eng"}


@pytest.mark.asyncio
async def test_person_quotes_query_unknown_person_gives_no_rows(ds):
    assert await _rows(ds, "/newsclaims/person_quotes.json?_shape=array&person=nobody") == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        pytest.param("NCCT", set(CHOU_QUOTES[:2]), id="acronym-via-affiliated-speaker"),
        pytest.param(IOM, {"it would fund a joint hotline"}, id="id-organisation-speaker"),
        pytest.param("Labour Ministry", {fixture_rows()["quotes"][3].text}, id="alias"),
    ],
)
async def test_organisation_quotes_query(ds, organisation, expected):
    rows = await _rows(ds, f"/newsclaims/organisation_quotes.json?_shape=array&organisation={organisation}")
    assert _quote_texts(rows) == expected


@pytest.mark.asyncio
async def test_figures_with_claimants_query_gives_claimant_and_quote(ds):
    rows = await _rows(ds, "/newsclaims/figures_with_claimants.json?_shape=array")
    assert len(rows) == FIGURE_COUNT
    by_figure = {row["figure"]: row for row in rows}
    assert by_figure["$1,500"]["claimant"] == "Chou Bun Eng"
    assert by_figure["$1,500"]["claimant_type"] == "person"
    assert by_figure["$1,500"]["quote"] == DOLLAR_QUOTE
    assert by_figure["$1,500"]["unit"] == "USD"
    assert by_figure["more than 3,000"]["claimant"] is None
    assert by_figure["more than 3,000"]["quote"] is None
    assert by_figure["between two and five years"]["value_max"] == 5


@pytest.mark.asyncio
@pytest.mark.parametrize("name", STORED)
async def test_stored_canned_queries_serve_what_their_sql_counts_now(ds, db_path, name):
    """A stored summary is its defining SQL's result over the current tables, row for row, in order."""
    served = await _rows(ds, f"/newsclaims/{name}.json?_shape=array&_size=max")
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    live = [dict(row) for row in conn.execute(QUERIES[name][2])]
    conn.close()
    assert served and served == live
    published = yaml.safe_load((REPO / "metadata.yml").read_text(encoding="utf-8"))
    assert stored_query_table(name) in published["databases"]["newsclaims"]["queries"][name]["sql"]


@pytest.mark.asyncio
async def test_organisation_activity_query_counts(ds):
    rows = await _rows(ds, "/newsclaims/organisation_activity.json?_shape=array")
    assert len(rows) == len(fixture_rows()["organisations"])
    ncct = next(row for row in rows if row["organisation_id"] == NCCT)
    assert (ncct["articles"], ncct["quotes"], ncct["figures"], ncct["people"]) == (1, 2, 3, 1)
    assert rows[0]["organisation_id"] == NCCT  # most quoted first


@pytest.mark.asyncio
async def test_people_with_roles_query(ds):
    rows = await _rows(ds, "/newsclaims/people_with_roles.json?_shape=array")
    chou = next(row for row in rows if row["person_id"] == CHOU)
    assert chou["roles"] == "Permanent Vice-Chair (National Committee for Counter Trafficking)"
    assert (chou["articles"], chou["quotes"], chou["figures"]) == (2, 3, 3)


@pytest.mark.asyncio
async def test_figures_by_organisation_type_query(ds):
    rows = await _rows(ds, "/newsclaims/figures_by_organisation_type.json?_shape=array")
    by_type = {row["claimant_type"]: row for row in rows}
    assert by_type["government"]["figures"] == 6  # ministries, and the people holding roles in them
    assert by_type["ngo"]["figures"] == 1
    assert by_type["reporter"]["figures"] == 1
    assert sum(row["figures"] for row in rows) == FIGURE_COUNT


@pytest.mark.asyncio
async def test_article_quotes_query_reading_order(ds):
    rows = await _rows(ds, f"/newsclaims/article_quotes.json?_shape=array&article={HOTLINE_ID}")
    assert [row["quote"] for row in rows] == [
        q.text for q in sorted(fixture_rows()["quotes"], key=lambda q: q.start) if q.article_id == HOTLINE_ID
    ]


@pytest.mark.asyncio
async def test_database_page_lists_every_canned_query(ds):
    response = await ds.client.get("/newsclaims")
    assert response.status_code == 200
    for name, (title, _, _) in publish.QUERIES.items():
        assert f'href="/newsclaims/{name}"' in response.text
        assert str(escape(title)) in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("table_name", "column", "value"),
    [
        pytest.param("quotes", "kind", "indirect", id="quotes-kind"),
        pytest.param("quotes", "speaker_person_id", CHOU, id="quotes-speaker"),
        pytest.param("organisations", "type", "government", id="organisations-type"),
        pytest.param("figures", "unit", "USD", id="figures-unit"),
        pytest.param("articles", "publication", "Mekong Post", id="articles-publication"),
    ],
)
async def test_default_facets_appear(ds, table_name, column, value):
    data = (await ds.client.get(f"/newsclaims/{table_name}.json")).json()
    assert value in {r["value"] for r in data["facet_results"][column]["results"]}
    html = (await ds.client.get(f"/newsclaims/{table_name}")).text
    assert f'data-column="{column}"' in html


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("source", "column"), [(s, c) for s, cs in FACETS.items() for c in cs], ids=lambda v: str(v)
)
async def test_stored_facet_counts_equal_live_counts(ds, db_path, source, column):
    """The unfiltered page reads the build's counts; they must be what a GROUP BY gives now."""
    data = (await ds.client.get(f"/newsclaims/{source}.json?_size=0")).json()
    shown = {r["value"]: r["count"] for r in data["facet_results"][column]["results"]}
    conn = sqlite3.connect(db_path)
    live = dict(
        conn.execute(
            f"select [{column}], count(*) from [{source}] where [{column}] is not null group by [{column}]"
        )
    )
    conn.close()
    assert shown and shown == live


def _with_false_counts(db_path: Path, folder: Path) -> Path:
    """A copy of the database whose stored facet count for quotes.kind says 999 for every kind."""
    copy = folder / "newsclaims.db"
    shutil.copy(db_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("update facet_counts set count = 999 where source = 'quotes' and column_name = 'kind'")
    conn.commit()
    conn.close()
    return copy


@pytest.mark.asyncio
async def test_unfiltered_facets_come_from_stored_counts_filtered_ones_are_live(db_path, tmp_path):
    ds = make_datasette(_with_false_counts(db_path, tmp_path), REPO / "metadata.yml")
    unfiltered = (await ds.client.get("/newsclaims/quotes.json")).json()["facet_results"]["kind"]
    assert {r["count"] for r in unfiltered["results"]} == {999}
    filtered = (await ds.client.get("/newsclaims/quotes.json?kind=indirect")).json()
    kinds = {r["value"]: r["count"] for r in filtered["facet_results"]["kind"]["results"]}
    assert kinds == {"indirect": filtered["filtered_table_rows_count"]}
    searched = (await ds.client.get("/newsclaims/quotes.json?_search=hotline")).json()
    assert {r["count"] for r in searched["facet_results"]["kind"]["results"]} == {1}


@pytest.mark.asyncio
async def test_speaker_facet_shows_names(ds):
    data = (await ds.client.get("/newsclaims/quotes.json")).json()
    labels = {r["value"]: r["label"] for r in data["facet_results"]["speaker_person_id"]["results"]}
    assert labels[CHOU] == "Chou Bun Eng"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("table_name", "search", "key", "expected"),
    [
        pytest.param("quotes", "hotline", "text", {"it would fund a joint hotline"}, id="quotes"),
        pytest.param(
            "articles",
            "hotline",
            "title",
            {"Cambodia and Thailand agree to share trafficking data"},
            id="articles",
        ),
        pytest.param("people", "Somchai", "name", {"Somchai Wongsa"}, id="people"),
        pytest.param(
            "organisations", "LSCW", "name", {"Legal Support for Children and Women"}, id="organisations"
        ),
    ],
)
async def test_search_tables(ds, table_name, search, key, expected):
    rows = await _rows(ds, f"/newsclaims/{table_name}.json?_shape=array&_search={search}")
    assert {row[key] for row in rows} == expected


@pytest.mark.asyncio
async def test_table_json_shape_array(ds):
    rows = await _rows(ds, "/newsclaims/quotes.json?_shape=array&_size=max")
    assert len(rows) == QUOTE_COUNT
    assert list(rows[0]) == table("quotes").column_names


@pytest.mark.asyncio
async def test_table_csv_download(ds):
    response = await ds.client.get("/newsclaims/figures.csv?_stream=on")
    assert response.status_code == 200
    assert (
        response.headers["content-type"].startswith("text/plain") or "csv" in response.headers["content-type"]
    )
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == table("figures").column_names
    assert len(rows) == FIGURE_COUNT


@pytest.mark.asyncio
async def test_canned_query_csv_download(ds):
    response = await ds.client.get("/newsclaims/figures_with_claimants.csv")
    assert response.status_code == 200
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == FIGURE_COUNT


@pytest.mark.asyncio
async def test_sql_over_http(ds):
    rows = await _rows(
        ds,
        "/newsclaims.json?_shape=array&sql=select kind, count(*) as n from quotes group by kind order by kind",
    )
    assert rows == [{"kind": "direct", "n": 2}, {"kind": "indirect", "n": QUOTE_COUNT - 2}]


@pytest.mark.asyncio
async def test_database_download(ds, db_path):
    response = await ds.client.get("/newsclaims.db")
    assert response.status_code == 200
    assert response.content == db_path.read_bytes()


@pytest.mark.asyncio
@pytest.mark.parametrize("schema_table", [pytest.param(t, id=t.name) for t in TABLES])
async def test_table_page_renders_descriptions(ds, schema_table):
    html = (await ds.client.get(f"/newsclaims/{schema_table.name}")).text
    assert str(escape(schema_table.description)) in html
    for column in schema_table.columns:
        assert (
            f"<dt>{column.name}</dt><dd>{escape(publish.column_description(schema_table, column.name))}</dd>"
            in html
        )


@pytest.mark.asyncio
@pytest.mark.parametrize("view", [v for v in publish.VIEWS if v not in publish.QUERIES])
async def test_view_page_renders_descriptions(ds, view):
    html = (await ds.client.get(f"/newsclaims/{view}")).text
    assert str(escape(publish.VIEWS[view][0])) in html
    assert 'data-column="' in html


@pytest.mark.asyncio
async def test_label_columns_show_names_for_foreign_keys(ds):
    html = (await ds.client.get("/newsclaims/quotes")).text
    assert f'<a href="/newsclaims/people/{CHOU}">Chou Bun Eng</a>' in html
    assert (
        f'<a href="/newsclaims/articles/{SCAM_ID}">Police free 23 workers from Sihanoukville scam compound</a>'
        in html
    )
    rows = await _rows(ds, "/newsclaims/figures.json?_shape=array&_labels=on&unit=USD")
    assert rows[0]["claimant_person_id"] == {"value": CHOU, "label": "Chou Bun Eng"}


@pytest.mark.asyncio
async def test_articles_table_links_to_article_page(ds):
    html = (await ds.client.get("/newsclaims/articles")).text
    assert f'href="/newsclaims/article/{SCAM_ID}"' in html
    html = (await ds.client.get(f"/newsclaims/articles/{SCAM_ID}")).text
    assert f'href="/newsclaims/article/{SCAM_ID}"' in html


@pytest.mark.asyncio
async def test_query_results_link_ids_to_pages(ds):
    html = (await ds.client.get("/newsclaims/search_quotes?q=victims")).text
    assert f'<a href="/newsclaims/article/{SCAM_ID}"' in html
    assert f'<a href="/newsclaims/people/{CHOU}">{CHOU}</a>' in html
    html = (await ds.client.get("/newsclaims/quotes_with_speakers")).text
    assert f'<a href="/newsclaims/article/{HOTLINE_ID}"' in html


@pytest.mark.asyncio
async def test_home_and_about_pages(ds):
    home = (await ds.client.get("/")).text
    assert "Trafficking news claims" in home
    assert "CC BY 4.0" in home
    about = await ds.client.get("/about")
    assert about.status_code == 200
    assert "publishers" in about.text


class _MarkCollector(HTMLParser):
    """Collects quote marks and figure spans of the article body: classes, links, text."""

    def __init__(self) -> None:
        super().__init__()
        self.in_body = False
        self.stack: list[dict] = []
        self.quotes: list[dict] = []
        self.figures: list[dict] = []
        self.paragraphs = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("class") == "article-body":
            self.in_body = True
        if not self.in_body:
            return
        classes = (attrs.get("class") or "").split()
        if tag == "p":
            self.paragraphs += 1
        elif tag == "mark" and "quote" in classes:
            self.stack.append(
                {
                    "kind": "quote",
                    "classes": classes,
                    "text": "",
                    "href": None,
                    "figures": [],
                    "continues": attrs.get("data-continues"),
                }
            )
        elif tag == "a" and self.stack and self.stack[-1]["kind"] == "quote":
            self.stack[-1]["href"] = attrs["href"]
        elif tag == "span" and "figure" in classes:
            self.stack.append({"kind": "figure", "title": attrs.get("title"), "text": ""})

    def handle_endtag(self, tag):
        if tag == "div" and self.in_body:
            self.in_body = False
        if tag in ("mark", "span") and self.stack and self.in_body:
            item = self.stack.pop()
            if item["kind"] == "quote" and item["continues"] and self.quotes:
                self.quotes[-1]["text"] += "\n\n" + item["text"]  # a quote split at a paragraph break
                self.quotes[-1]["figures"] += item["figures"]
            elif item["kind"] == "quote":
                self.quotes.append(item)
            else:
                self.figures.append(item)
                if self.stack:
                    self.stack[-1]["figures"].append(item["text"])

    def handle_data(self, data):
        for item in self.stack:
            item["text"] += data


@pytest.mark.asyncio
async def test_article_page_highlights_quotes_linked_to_speakers(ds):
    response = await ds.client.get(f"/newsclaims/article/{SCAM_ID}")
    assert response.status_code == 200
    page = _MarkCollector()
    page.feed(response.text)
    expected = sorted((q for q in fixture_rows()["quotes"] if q.article_id == SCAM_ID), key=lambda q: q.start)
    assert [q["text"] for q in page.quotes] == [q.text for q in expected]
    for mark, quote in zip(page.quotes, expected, strict=True):
        assert f"quote-{quote.kind}" in mark["classes"]
        if quote.speaker_person_id:
            assert mark["href"] == f"/newsclaims/people/{quote.speaker_person_id}"
        else:
            assert mark["href"] == f"/newsclaims/organisations/{quote.speaker_organisation_id}"
    assert page.paragraphs == 5


@pytest.mark.asyncio
async def test_article_page_marks_figures_nested_in_quotes(ds):
    response = await ds.client.get(f"/newsclaims/article/{SCAM_ID}")
    page = _MarkCollector()
    page.feed(response.text)
    expected = sorted(
        (f for f in fixture_rows()["figures"] if f.article_id == SCAM_ID), key=lambda f: f.start
    )
    assert [f["text"] for f in page.figures] == [f.text for f in expected]
    dollar = next(q for q in page.quotes if q["text"] == DOLLAR_QUOTE)
    assert dollar["figures"] == ["$1,500", "16 hours"]
    titles = {f["text"]: f["title"] for f in page.figures}
    assert titles["$1,500"] == "1,500 USD (claimed by Chou Bun Eng)"
    assert titles["about 40 percent"] == "about 40 percent (claimed by Chou Bun Eng)"


@pytest.mark.asyncio
async def test_article_page_marks_figures_outside_quotes(ds):
    response = await ds.client.get(f"/newsclaims/article/{HOTLINE_ID}")
    page = _MarkCollector()
    page.feed(response.text)
    titles = {f["text"]: f["title"] for f in page.figures}
    assert titles["more than 3,000"] == "more than 3,000 people (claimed by the reporter)"
    assert all("more than 3,000" not in q["text"] for q in page.quotes)


@pytest.mark.asyncio
async def test_article_page_escapes_body_text(ds):
    html = (await ds.client.get(f"/newsclaims/article/{SCAM_ID}")).text
    assert "Ministry of Labour &amp; Vocational Training said" in html
    assert "Labour & Vocational" not in html


@pytest.mark.asyncio
async def test_article_page_unknown_article_is_404(ds):
    response = await ds.client.get("/newsclaims/article/0000000000000000")
    assert response.status_code == 404
    assert "No article with id 0000000000000000" in response.text


def _mark(module, start, end, name, attributes=""):
    return module.Mark(start, end, f"<{name}{attributes}>", f"</{name}>")


@pytest.mark.parametrize(
    ("body", "quotes", "figures", "expected"),
    [
        pytest.param(
            "a <b> & c",
            [(2, 5)],
            [],
            "<p>a <q>&lt;b&gt;</q> &amp; c</p>",
            id="escapes-text",
        ),
        pytest.param(
            "one\n\ntwo",
            [(0, 8)],
            [],
            "<p><q>one</q></p>\n<p><q>two</q></p>",
            id="quote-across-paragraphs-is-split",
        ),
        pytest.param(
            "one\n\ntwo",
            [(0, 8, ' id="q1"')],
            [],
            '<p><q id="q1">one</q></p>\n<p><q data-continues="q1">two</q></p>',
            id="split-quote-keeps-id-once",
        ),
        pytest.param(
            "he said 20 boys",
            [(3, 15)],
            [(8, 10)],
            "<p>he <q>said <f>20</f> boys</q></p>",
            id="figure-nested-in-quote",
        ),
        pytest.param(
            "he said 20 boys",
            [(0, 9)],
            [(8, 10)],
            "<p><q>he said 2</q>0 boys</p>",
            id="figure-across-quote-edge-unmarked",
        ),
        pytest.param(
            "12 and 13",
            [],
            [(0, 2), (1, 9)],
            "<p><f>12</f> and 13</p>",
            id="overlapping-figure-dropped",
        ),
        pytest.param("abc", [(2, 99)], [(-1, 1)], "<p>abc</p>", id="out-of-range-ignored"),
    ],
)
def test_highlight_builds_well_formed_html(article_page_module, body, quotes, figures, expected):
    html = article_page_module.highlight(
        body,
        [_mark(article_page_module, *q[:2], "q", *q[2:]) for q in quotes],
        [_mark(article_page_module, *f[:2], "f") for f in figures],
    )
    assert str(html) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(1500.0, "1,500", id="whole"),
        pytest.param(2.5, "2.5", id="fraction"),
        pytest.param(None, "", id="none"),
    ],
)
def test_format_value(article_page_module, value, expected):
    assert article_page_module.format_value(value) == expected


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/newsclaims/quotes/a/b/c", id="no-route"),
        pytest.param("/newsclaims/nope", id="no-table"),
        pytest.param("/nope.json", id="no-database"),
    ],
)
async def test_unknown_paths_are_404_not_500(ds, path):
    assert (await ds.client.get(path)).status_code == 404


@pytest.mark.asyncio
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
async def test_write_methods_are_refused(ds, method):
    response = await ds.client.request(method, "/newsclaims/person_quotes", json={"person": CHOU})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"


@pytest.fixture
def built_ds(built_db: Path) -> Datasette:
    """The served configuration over the session's real pipeline build (tests/conftest.py)."""
    return make_datasette(built_db, REPO / "metadata.yml")


@pytest.mark.asyncio
@pytest.mark.parametrize("name", list(publish.QUERIES))
async def test_real_build_canned_queries_run(built_ds, name):
    params = {"_shape": "array", "q": "trafficking", "person": "%", "organisation": "%", "article": "%"}
    response = await built_ds.client.get(f"/newsclaims/{name}.json", params=params)
    assert response.status_code == 200, response.text


@pytest.mark.asyncio
async def test_real_build_article_pages_mark_every_quote_and_figure(built_ds, built_db):
    import sqlite3

    conn = sqlite3.connect(built_db)
    article_ids = [row[0] for row in conn.execute("select id from articles order by id")]
    assert article_ids
    for article_id in article_ids:
        response = await built_ds.client.get(f"/newsclaims/article/{article_id}")
        assert response.status_code == 200
        page = _MarkCollector()
        page.feed(response.text)
        quotes = [
            t
            for (t,) in conn.execute(
                "select text from quotes where article_id = ? order by start", [article_id]
            )
        ]
        figures = [
            t
            for (t,) in conn.execute(
                "select text from figures where article_id = ? order by start", [article_id]
            )
        ]
        assert [q["text"] for q in page.quotes] == quotes, article_id
        assert [f["text"] for f in page.figures] == figures, article_id
