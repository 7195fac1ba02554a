"""Datasette plugin: an article page with its quotes and figures highlighted, and links to it.

``/newsclaims/article/<id>`` shows an article's metadata and body, each quote marked (class
``quote-direct`` or ``quote-indirect``) and linked to its speaker's row page, each figure marked
(class ``figure``) with its value, unit and claimant in a ``title``. Quotes never overlap each
other; figures may lie inside quotes and are nested there. Offsets index into ``articles.body``;
paragraphs are separated by a blank line and become ``<p>`` elements, a span crossing one is
split so the HTML stays well formed. All text is escaped: article bodies are untrusted input.

``render_cell`` links article titles and, in query and view results, id columns to their pages.
This module is a plain plugins-dir module: it imports only Datasette and the standard library.
Datasette loads it without registering it in ``sys.modules``, so records here are NamedTuples
(dataclasses look their module up there) and annotations are not postponed.
"""

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from datasette import Response, hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

DATABASE = "newsclaims"
_ID_ATTRIBUTE = re.compile(r' id="([^"]*)"')
PARAGRAPH_BREAK = "\n\n"

# In query results and views (which carry no foreign keys) these columns link to a row page.
ID_COLUMN_TABLES = {
    "speaker_person_id": "people",
    "claimant_person_id": "people",
    "person_id": "people",
    "speaker_organisation_id": "organisations",
    "claimant_organisation_id": "organisations",
    "organisation_id": "organisations",
    "quote_id": "quotes",
    "figure_id": "figures",
}
VIEWS = frozenset({"quotes_with_speakers", "figure_claims", "figures_with_claimants", "people_roles"})

_QUOTES_SQL = """
select quotes.id, quotes.kind, quotes.start, quotes."end", quotes.cue, quotes.speaker_text,
  quotes.speaker_person_id, quotes.speaker_organisation_id,
  coalesce(people.name, organisations.name) as speaker
from quotes
left join people on people.id = quotes.speaker_person_id
left join organisations on organisations.id = quotes.speaker_organisation_id
where quotes.article_id = :id
order by quotes.start
"""
_FIGURES_SQL = """
select figures.id, figures.text, figures.start, figures."end", figures.value, figures.value_max,
  figures.qualifier, figures.unit, figures.quote_id,
  figures.claimant_person_id, figures.claimant_organisation_id,
  coalesce(people.name, organisations.name) as claimant
from figures
left join people on people.id = figures.claimant_person_id
left join organisations on organisations.id = figures.claimant_organisation_id
where figures.article_id = :id
order by figures.start
"""


class Mark(NamedTuple):
    """A span of the body to highlight: its offsets, opening tag and closing tag (already HTML)."""

    start: int
    end: int
    open: str
    close: str


def format_value(value: float | None) -> str:
    """1500.0 -> '1,500'; 2.5 -> '2.5': figures read as numbers, not floats."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def figure_reading(figure: dict) -> str:
    """How a figure reads once parsed: qualifier, value or range, unit ('about 40 percent')."""
    amount = format_value(figure["value"])
    qualifier = figure["qualifier"]
    if figure["value_max"] is not None:
        amount += "–" + format_value(figure["value_max"])
        if qualifier == "between":  # "between 2–5" says it twice
            qualifier = None
    return " ".join(p for p in (qualifier, amount, figure["unit"]) if p)


def figure_title(figure: dict) -> str:
    """The hover text of a figure: how it reads and who claims it."""
    return f"{figure_reading(figure)} (claimed by {figure['claimant'] or 'the reporter'})"


def quote_mark(quote: dict, speaker_url: str | None) -> Mark:
    """A quote's mark, a link to its speaker when it has one."""
    speaker = quote["speaker"] or "unattributed"
    title = f"{quote['kind']} quote: {speaker}"
    if quote["cue"]:
        title += f" ({quote['cue']})"
    opening = f'<mark class="quote quote-{escape(quote["kind"])}" id="{escape(quote["id"])}" title="{escape(title)}">'
    if speaker_url:
        return Mark(
            quote["start"], quote["end"], opening + f'<a href="{escape(speaker_url)}">', "</a></mark>"
        )
    return Mark(quote["start"], quote["end"], opening, "</mark>")


def figure_mark(figure: dict) -> Mark:
    opening = f'<span class="figure" id="{escape(figure["id"])}" title="{escape(figure_title(figure))}">'
    return Mark(figure["start"], figure["end"], opening, "</span>")


def highlight(body: str, quotes: Sequence[Mark], figures: Sequence[Mark]) -> Markup:
    """The body as escaped HTML paragraphs, quotes marked and figures marked within them.

    A figure straddling a quote's edge, or overlapping an earlier figure, is left unmarked rather
    than producing tangled tags; so is any span outside the body.
    """
    quotes = _non_overlapping(quotes, len(body))
    outer = _non_overlapping(
        [f for f in figures if not any(_crosses(f, q) for q in quotes) and not _inside_any(f, quotes)],
        len(body),
    )
    inner = _non_overlapping([f for f in figures if _inside_any(f, quotes)], len(body))
    paragraphs = []
    start = 0
    for text in body.split(PARAGRAPH_BREAK):
        end = start + len(text)
        html = _render(
            body, start, end, _clip(quotes, start, end), _clip(inner, start, end), _clip(outer, start, end)
        )
        paragraphs.append(f"<p>{html}</p>")
        start = end + len(PARAGRAPH_BREAK)
    return Markup("\n".join(paragraphs))


def _render(body: str, start: int, end: int, quotes: list[Mark], inner: list[Mark], outer: list[Mark]) -> str:
    """One paragraph: top-level quotes and figures in order, figures nested inside their quote."""
    out = []
    pos = start
    top = [(m, True) for m in quotes] + [(m, False) for m in outer]
    for mark, is_quote in sorted(top, key=lambda pair: pair[0].start):
        out.append(_text(body[pos : mark.start]))
        contents = [m for m in inner if mark.start <= m.start and m.end <= mark.end] if is_quote else []
        out.append(mark.open + _flat(body, mark.start, mark.end, contents) + mark.close)
        pos = mark.end
    out.append(_text(body[pos:end]))
    return "".join(out)


def _flat(body: str, start: int, end: int, marks: list[Mark]) -> str:
    out = []
    pos = start
    for mark in marks:
        out.append(
            _text(body[pos : mark.start]) + mark.open + _text(body[mark.start : mark.end]) + mark.close
        )
        pos = mark.end
    out.append(_text(body[pos:end]))
    return "".join(out)


def _text(text: str) -> str:
    return str(escape(text)).replace("\n", "<br>\n")


def _non_overlapping(marks: Iterable[Mark], length: int) -> list[Mark]:
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if not 0 <= mark.start < mark.end <= length:
            continue
        if kept and mark.start < kept[-1].end:
            continue
        kept.append(mark)
    return kept


def _crosses(a: Mark, b: Mark) -> bool:
    """True when spans overlap without one containing the other."""
    overlap = a.start < b.end and b.start < a.end
    nested = (b.start <= a.start and a.end <= b.end) or (a.start <= b.start and b.end <= a.end)
    return overlap and not nested


def _inside_any(mark: Mark, quotes: Sequence[Mark]) -> bool:
    return any(q.start <= mark.start and mark.end <= q.end for q in quotes)


def _clip(marks: Sequence[Mark], start: int, end: int) -> list[Mark]:
    """The parts of marks within [start, end): a span crossing a paragraph break is split.

    Only the first part keeps the element id (ids are unique); later parts name it in
    ``data-continues`` instead.
    """
    parts = []
    for m in marks:
        piece_start, piece_end = max(m.start, start), min(m.end, end)
        if piece_start < piece_end:
            opening = (
                m.open if piece_start == m.start else _ID_ATTRIBUTE.sub(r' data-continues="\1"', m.open, 1)
            )
            parts.append(Mark(piece_start, piece_end, opening, m.close))
    return parts


def _row_url(datasette, table: str, row_id: str) -> str:
    return datasette.urls.row(DATABASE, table, tilde_encode(str(row_id)))


def article_url(datasette, article_id: str) -> str:
    """Path of an article's highlighted page."""
    return datasette.urls.database(DATABASE) + "/article/" + tilde_encode(str(article_id))


def _speaker_url(datasette, quote: dict) -> str | None:
    if quote["speaker_person_id"]:
        return _row_url(datasette, "people", quote["speaker_person_id"])
    if quote["speaker_organisation_id"]:
        return _row_url(datasette, "organisations", quote["speaker_organisation_id"])
    return None


async def article_page(datasette, request) -> Response:
    """GET /newsclaims/article/<id>: the article with its quotes and figures highlighted."""
    article_id = request.url_vars["id"]
    if DATABASE not in datasette.databases:
        return await _not_found(datasette, request, f"No database named {DATABASE}")
    db = datasette.get_database(DATABASE)
    result = await db.execute("select * from articles where id = :id", {"id": article_id})
    article = result.first()
    if article is None:
        return await _not_found(datasette, request, f"No article with id {article_id}")
    quotes = [dict(r) for r in (await db.execute(_QUOTES_SQL, {"id": article_id})).rows]
    figures = [dict(r) for r in (await db.execute(_FIGURES_SQL, {"id": article_id})).rows]
    for quote in quotes:
        quote["speaker_url"] = _speaker_url(datasette, quote)
        quote["url"] = _row_url(datasette, "quotes", quote["id"])
    for figure in figures:
        figure["reading"] = figure_reading(figure)
        figure["url"] = _row_url(datasette, "figures", figure["id"])
        figure["claimant_url"] = _speaker_url(
            datasette,
            {
                "speaker_person_id": figure["claimant_person_id"],
                "speaker_organisation_id": figure["claimant_organisation_id"],
            },
        )
    body_html = highlight(
        article["body"],
        [quote_mark(q, q["speaker_url"]) for q in quotes],
        [figure_mark(f) for f in figures],
    )
    context = {
        "database": DATABASE,
        "article": dict(article),
        "body_html": body_html,
        "quotes": quotes,
        "figures": figures,
        "row_url": _row_url(datasette, "articles", article_id),
        "quotes_query_url": datasette.urls.query(DATABASE, "article_quotes")
        + "?article="
        + tilde_encode(article_id),
    }
    html = await datasette.render_template("article.html", context, request=request, view_name="article")
    return Response.html(html)


async def _not_found(datasette, request, message: str) -> Response:
    """A 404 page in Datasette's style, returned rather than raised: Datasette logs a full
    traceback for every raised NotFound, which would flood the log of a public instance."""
    context = {"ok": False, "error": message, "status": 404, "title": "Not found"}
    html = await datasette.render_template("error.html", context, request=request)
    return Response.html(html, status=404)


@hookimpl
def register_routes():
    return [(r"^/" + DATABASE + r"/article/(?P<id>[^/]+)$", article_page)]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Article titles link to the article page; in queries and views, id columns link to rows."""
    if database != DATABASE or value in (None, ""):
        return None
    raw = value["value"] if isinstance(value, dict) else value
    if table == "articles" and column == "title":
        return Markup(
            f'<a href="{escape(article_url(datasette, row["id"]))}" title="Read with quotes and figures highlighted">'
            f"{escape(raw)}</a>"
        )
    if table is not None and table not in VIEWS:
        return None
    if column == "article_id":
        return Markup(
            f'<a href="{escape(article_url(datasette, raw))}" title="Read with quotes and figures highlighted">'
            f"{escape(raw)}</a>"
        )
    if column in ID_COLUMN_TABLES:
        url = _row_url(datasette, ID_COLUMN_TABLES[column], raw)
        return Markup(f'<a href="{escape(url)}">{escape(raw)}</a>')
    return None
