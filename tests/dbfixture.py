"""A small hand-made newsclaims database for the publishing tests.

Two invented articles with quotes (direct and indirect, by people and by organisations), figures
inside and outside quotes, people, organisations and a role each. Offsets are found in the body
text, so they are right by construction. When the pipeline's ``built_db`` fixture lands this can
be swapped for it; the constants below name what the tests expect to see.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from newsclaims.records import Article
from newsclaims.resolve import article_row
from newsclaims.schema import (
    AffiliationRow,
    ArticleOrganisationRow,
    ArticlePersonRow,
    FigureRow,
    OrganisationRow,
    PersonRow,
    QuoteRow,
)
from newsclaims.store import write_database

SCAM_ARTICLE = Article(
    source_file="mekong-post/2023-08-14-scam-compound.txt",
    source_sha256=hashlib.sha256(b"scam compound raw bytes").hexdigest(),
    title="Police free 23 workers from Sihanoukville scam compound",
    publication="Mekong Post",
    url="https://news.example.org/2023/08/14/scam-compound",
    published_date="2023-08-14",
    byline="By Sokha Chan",
    body="\n\n".join(
        [
            "Cambodian police freed 23 Thai nationals from an online scam compound in Sihanoukville "
            "on Saturday, the Ministry of Interior said.",
            "“The victims were promised jobs paying $1,500 a month, but they were forced to work 16 "
            "hours a day,” said Chou Bun Eng, Permanent Vice-Chair of the National Committee for "
            "Counter Trafficking.",
            "Chou Bun Eng said about 40 percent of the people rescued this year were women.",
            "The Ministry of Labour & Vocational Training said recruiters who send workers abroad "
            "without a licence face between two and five years in prison.",
            "Legal Support for Children and Women (LSCW) said it had helped more than 120 victims "
            "since January.",
        ]
    ),
)

HOTLINE_ARTICLE = Article(
    source_file="regional-wire/2024-02-02-data-sharing.html",
    source_sha256=hashlib.sha256(b"data sharing raw bytes").hexdigest(),
    title="Cambodia and Thailand agree to share trafficking data",
    publication="Regional Wire",
    url=None,
    published_date="2024-02-02",
    byline=None,
    raw_format="html",
    body="\n\n".join(
        [
            "Officials from Cambodia and Thailand agreed on Friday to share data on trafficking "
            "cases, after more than 3,000 people were sent home from scam compounds last year.",
            "“We cannot protect victims if we do not know where they are,” Chou Bun Eng told "
            "reporters in Bangkok.",
            "Somchai Wongsa, a spokesman for the Royal Thai Police, said 14 of those sent home were "
            "children.",
            "The International Organization for Migration (IOM) said it would fund a joint hotline.",
        ]
    ),
)

SCAM_ID = SCAM_ARTICLE.id
HOTLINE_ID = HOTLINE_ARTICLE.id

CHOU = "chou-bun-eng"
SOMCHAI = "somchai-wongsa"
INTERIOR = "ministry-of-interior"
NCCT = "national-committee-for-counter-trafficking"
LABOUR = "ministry-of-labour-and-vocational-training"
LSCW = "legal-support-for-children-and-women"
IOM = "international-organization-for-migration"
THAI_POLICE = "royal-thai-police"

PEOPLE = (
    PersonRow(CHOU, "Chou Bun Eng", ("Bun Eng",)),
    PersonRow(SOMCHAI, "Somchai Wongsa", ()),
)
ORGANISATIONS = (
    OrganisationRow(INTERIOR, "Ministry of Interior", None, (), "government", None),
    OrganisationRow(NCCT, "National Committee for Counter Trafficking", "NCCT", (), "government", INTERIOR),
    OrganisationRow(
        LABOUR,
        "Ministry of Labour & Vocational Training",
        None,
        ("Labour Ministry",),
        "government",
        None,
    ),
    OrganisationRow(LSCW, "Legal Support for Children and Women", "LSCW", ("LSCW",), "ngo", None),
    OrganisationRow(
        IOM, "International Organization for Migration", "IOM", ("IOM",), "intergovernmental", None
    ),
    OrganisationRow(THAI_POLICE, "Royal Thai Police", None, (), "government", None),
)

# (article, kind, text, person, organisation, speaker_text, cue)
_QUOTES: tuple[tuple[Article, str, str, str | None, str | None, str, str], ...] = (
    (
        SCAM_ARTICLE,
        "indirect",
        "Cambodian police freed 23 Thai nationals from an online scam compound in Sihanoukville on Saturday",
        None,
        INTERIOR,
        "the Ministry of Interior",
        "said",
    ),
    (
        SCAM_ARTICLE,
        "direct",
        "The victims were promised jobs paying $1,500 a month, but they were forced to work 16 hours a day,",
        CHOU,
        None,
        "Chou Bun Eng",
        "said",
    ),
    (
        SCAM_ARTICLE,
        "indirect",
        "about 40 percent of the people rescued this year were women",
        CHOU,
        None,
        "Chou Bun Eng",
        "said",
    ),
    (
        SCAM_ARTICLE,
        "indirect",
        "recruiters who send workers abroad without a licence face between two and five years in prison",
        None,
        LABOUR,
        "The Ministry of Labour & Vocational Training",
        "said",
    ),
    (
        SCAM_ARTICLE,
        "indirect",
        "it had helped more than 120 victims since January",
        None,
        LSCW,
        "Legal Support for Children and Women (LSCW)",
        "said",
    ),
    (
        HOTLINE_ARTICLE,
        "direct",
        "We cannot protect victims if we do not know where they are,",
        CHOU,
        None,
        "Chou Bun Eng",
        "told",
    ),
    (
        HOTLINE_ARTICLE,
        "indirect",
        "14 of those sent home were children",
        SOMCHAI,
        None,
        "Somchai Wongsa",
        "said",
    ),
    (
        HOTLINE_ARTICLE,
        "indirect",
        "it would fund a joint hotline",
        None,
        IOM,
        "The International Organization for Migration (IOM)",
        "said",
    ),
)

# (article, text, value, value_max, qualifier, unit, person, organisation, inside a quote)
_FIGURES: tuple[
    tuple[Article, str, float, float | None, str | None, str, str | None, str | None, bool], ...
] = (
    (SCAM_ARTICLE, "23", 23, None, None, "Thai nationals", None, INTERIOR, True),
    (SCAM_ARTICLE, "$1,500", 1500, None, None, "USD", CHOU, None, True),
    (SCAM_ARTICLE, "16 hours", 16, None, None, "hours", CHOU, None, True),
    (SCAM_ARTICLE, "about 40 percent", 40, None, "about", "percent", CHOU, None, True),
    (SCAM_ARTICLE, "between two and five years", 2, 5, "between", "years", None, LABOUR, True),
    (SCAM_ARTICLE, "more than 120", 120, None, "more than", "victims", None, LSCW, True),
    (HOTLINE_ARTICLE, "more than 3,000", 3000, None, "more than", "people", None, None, False),
    (HOTLINE_ARTICLE, "14", 14, None, None, "children", SOMCHAI, None, True),
)

# Constants the tests assert on.
QUOTE_COUNT = len(_QUOTES)
FIGURE_COUNT = len(_FIGURES)
CHOU_QUOTES = tuple(q[2] for q in _QUOTES if q[3] == CHOU)
DOLLAR_QUOTE = _QUOTES[1][2]


def _span(article: Article, text: str) -> tuple[int, int]:
    start = article.body.index(text)
    return start, start + len(text)


def _paragraph(article: Article, start: int) -> int:
    return article.body.count("\n\n", 0, start) + 1


def _quote_rows() -> list[QuoteRow]:
    rows = []
    for article, kind, text, person, organisation, speaker_text, cue in _QUOTES:
        start, end = _span(article, text)
        rows.append(
            QuoteRow(
                id=f"{article.id}q{start}",
                article_id=article.id,
                kind=kind,
                text=text,
                speaker_person_id=person,
                speaker_organisation_id=organisation,
                speaker_text=speaker_text,
                cue=cue,
                paragraph=_paragraph(article, start),
                start=start,
                end=end,
            )
        )
    return rows


def _figure_rows(quotes: list[QuoteRow]) -> list[FigureRow]:
    rows = []
    for article, text, value, value_max, qualifier, unit, person, organisation, quoted in _FIGURES:
        start, end = _span(article, text)
        holder = next(
            (q.id for q in quotes if q.article_id == article.id and q.start <= start and end <= q.end),
            None,
        )
        assert (holder is not None) == quoted, text
        rows.append(
            FigureRow(
                id=f"{article.id}f{start}",
                article_id=article.id,
                text=text,
                value=float(value),
                value_max=None if value_max is None else float(value_max),
                qualifier=qualifier,
                unit=unit,
                claimant_person_id=person,
                claimant_organisation_id=organisation,
                quote_id=holder,
                start=start,
                end=end,
            )
        )
    return rows


def fixture_rows() -> dict[str, list[Any]]:
    """Rows of every table (table name -> row dataclasses), as ``write_database`` takes them."""
    quotes = _quote_rows()
    return {
        "articles": [article_row(SCAM_ARTICLE), article_row(HOTLINE_ARTICLE)],
        "people": list(PEOPLE),
        "organisations": list(ORGANISATIONS),
        "affiliations": [
            AffiliationRow(f"{SCAM_ID}:{CHOU}:{NCCT}", CHOU, NCCT, "Permanent Vice-Chair", SCAM_ID),
            AffiliationRow(
                f"{HOTLINE_ID}:{SOMCHAI}:{THAI_POLICE}", SOMCHAI, THAI_POLICE, "spokesman", HOTLINE_ID
            ),
        ],
        "article_people": [
            ArticlePersonRow(SCAM_ID, CHOU, 2),
            ArticlePersonRow(HOTLINE_ID, CHOU, 1),
            ArticlePersonRow(HOTLINE_ID, SOMCHAI, 1),
        ],
        "article_organisations": [
            ArticleOrganisationRow(SCAM_ID, INTERIOR, 1),
            ArticleOrganisationRow(SCAM_ID, NCCT, 1),
            ArticleOrganisationRow(SCAM_ID, LABOUR, 1),
            ArticleOrganisationRow(SCAM_ID, LSCW, 1),
            ArticleOrganisationRow(HOTLINE_ID, THAI_POLICE, 1),
            ArticleOrganisationRow(HOTLINE_ID, IOM, 1),
        ],
        "quotes": quotes,
        "figures": _figure_rows(quotes),
    }


def write_fixture_db(folder: Path) -> Path:
    """Write the fixture database as ``folder/newsclaims.db`` (so Datasette names it newsclaims)."""
    path = folder / "newsclaims.db"
    write_database(path, fixture_rows())
    return path
