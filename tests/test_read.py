"""Reading stage: every raw format to the right metadata and clean body; every bad input refused."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from newsclaims.errors import ReadError
from newsclaims.read import SIZE_CAP_BYTES, discover_raw_files, orphan_sidecars, read_article
from newsclaims.readers.boilerplate import is_edge_boilerplate, trim_edge_boilerplate
from newsclaims.readers.dates import find_date, parse_date

REPO = Path(__file__).resolve().parents[1]
OWN_RAW = Path(__file__).resolve().parent / "fixtures" / "raw"
CLOSERS = "\"'”’"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _ends_with(body: str, words: str) -> bool:
    """Gold end words may stop before a closing quote mark ("... happening." vs "happening.”")."""
    words = _collapse(words)
    return body.endswith(words) or body.rstrip(CLOSERS).endswith(words.rstrip(CLOSERS))


def _assert_clean_body(body: str) -> None:
    assert body == body.strip()
    assert unicodedata.normalize("NFC", body) == body
    for paragraph in body.split("\n\n"):
        assert paragraph
        assert paragraph == _collapse(paragraph), repr(paragraph)


def _assert_matches_gold(article, gold: dict) -> None:
    assert article.title == gold["title"]
    assert article.publication == gold["publication"]
    assert article.url == gold["url"]
    assert article.body.startswith(_collapse(gold["body_starts_with"]))
    assert _ends_with(article.body, gold["body_ends_with"])
    assert article.paragraph_count == gold["paragraph_count"]
    for boilerplate in gold["boilerplate_not_in_body"]:
        assert _collapse(boilerplate) not in article.body
    _assert_clean_body(article.body)


def _read_text(tmp_path: Path, text: str, name: str = "article.txt") -> object:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_article(path, tmp_path)


# --- the shared evaluation fixtures ---------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize(
    ("raw_file", "raw_format", "published_date", "byline"),
    [
        pytest.param("pp-2009-ngo-raids.txt", "scraped", None, None, id="A-scraped"),
        pytest.param("wrapped-2014-songkhla-fishing-crews.txt", "wrapped", None, None, id="B-wrapped"),
        pytest.param(
            "clean-2017-nghe-an-labour-export-frontmatter.txt",
            "frontmatter",
            "2017-09-14",
            "Lâm Bảo Ngọc",
            id="C-frontmatter-diacritics",
        ),
        pytest.param(
            "clean-2012-phnom-penh-maid-agencies-frontmatter.txt",
            "frontmatter",
            "2012-05-08",
            "Staff reporter",
            id="C-frontmatter",
        ),
        pytest.param("html-2020-klang-glove-factory.html", "html", "2020-08-21", "Farah Idris", id="D-html"),
        pytest.param(
            "cp1252-2023-cebu-scam-compound-verdict.txt",
            "plain",
            "2023-06-14",
            "Ana Liza Peñaranda",
            id="E-cp1252-crlf",
        ),
    ],
)
def test_read_article_eval_fixture_matches_gold(
    eval_articles: Path, raw_file: str, raw_format: str, published_date: str | None, byline: str | None
) -> None:
    path = eval_articles / raw_file
    gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))

    article = read_article(path, eval_articles)

    _assert_matches_gold(article, gold["article"])
    assert article.raw_format == raw_format
    assert article.published_date == published_date
    assert article.byline == byline
    assert article.source_file == raw_file


@pytest.mark.shared
def test_read_article_repo_sample_with_sidecar_matches_sample_gold(shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "eval" / "sample" / "000_4ef8a306a8a290ef.gold.json").read_text())
    path = REPO / "raw" / "000_4ef8a306a8a290ef.txt"

    article = read_article(path, REPO / "raw")

    _assert_matches_gold(article, gold["article"])
    assert article.raw_format == "scraped"
    assert article.published_date is None
    assert (
        article.source_sha256
        == read_article(shared_dir / "raw-samples" / path.name, shared_dir).source_sha256
    )


@pytest.mark.shared
def test_read_article_eval_fixtures_are_deterministic(eval_articles: Path) -> None:
    paths = discover_raw_files(eval_articles)

    first = [read_article(p, eval_articles) for p in paths]
    second = [read_article(p, eval_articles) for p in paths]

    assert first == second
    assert len({a.id for a in first}) == len(first)


# --- our own fixtures (run without ../shared) -----------------------------------------------

OWN_CASES = [
    pytest.param(
        "plain-hotline-calls.txt",
        {
            "raw_format": "plain",
            "title": "Hotline calls about forced labour double in a year",
            "publication": "Open Door Bulletin",  # from the .yml sidecar
            "url": "https://opendoor-news.example/2021/03/hotline-calls-double",
            "published_date": "2021-03-17",
            "byline": None,
        },
        3,
        "Calls to a national hotline",
        "asked for help to bring someone home.",
        ["Hotline calls about forced labour double", "opendoor-news"],
        id="plain-with-yml-sidecar",
    ),
    pytest.param(
        "scraped-border-shelter.txt",
        {
            "raw_format": "scraped",
            "title": "Shelter at border crossing runs out of beds",
            "publication": "Delta Morning Star",
            "url": None,
            "published_date": None,
            "byline": None,
        },
        4,
        "A shelter for people returned across the border",
        "before the rainy season.",
        [
            "Skip to main content",
            "Main menu",
            "Log in",
            "Logo of",
            "Fishing boat crew",
            "45,000 dollars",
            "•",
        ],
        id="A-scraped",
    ),
    pytest.param(
        "wrapped-karaoke-inspections.txt",
        {
            "raw_format": "wrapped",
            "title": "Karaoke venues face surprise inspections",
            "publication": "Lakeside Courier",
            "url": None,
            "published_date": None,
            "byline": None,
        },
        4,
        "Labour officials will carry out surprise inspections of karaoke venues in Siem Reap",
        "its members already checked identity cards.",
        ["Subscribe Search", "Logo of", "Brick kiln families", "•"],
        id="B-wrapped",
    ),
    pytest.param(
        "frontmatter-brick-kiln-debts.txt",
        {
            "raw_format": "frontmatter",
            "title": "Brick kiln families ask for debt relief",
            "publication": "Mekong Daily Wire",
            "url": "https://mekongdailywire.example/2019/11/04/brick-kiln-debt-relief",
            "published_date": "2019-11-04",
            "byline": "Vanny Sok",
        },
        3,
        "Families working at brick kilns",
        "would study the request.",
        ["---", "title:", "tags:", "Vanny Sok"],
        id="C-frontmatter",
    ),
    pytest.param(
        "html-seafood-audit.html",
        {
            "raw_format": "html",
            "title": "Seafood exporter audit finds withheld wages",
            "publication": "Gulf Coast Observer",
            "url": "https://gulfcoastobserver.example/business/2022/05/seafood-audit",
            "published_date": "2022-05-09",
            "byline": "Niran Phol",
        },
        3,
        "An independent audit of a seafood exporter",
        "had paid the wages in full.",
        [
            "cookies",
            "Advertisement",
            "By Niran Phol",
            "Photo: Staff",
            "Related stories",
            "Port workers",
            "©",
            "&",
        ],
        id="D-html-article",
    ),
    pytest.param(
        "html-no-article-element.html",
        {
            "raw_format": "html",
            "title": "Volunteers teach migrants their rights before departure",
            "publication": "Borderlands Weekly",  # from the .json sidecar
            "url": "https://borderlands-weekly.example/2020/02/rights-classes",
            "published_date": None,
            "byline": None,
        },
        3,
        "Volunteers in Battambang have started",
        "according to the organisers.",
        ["Volunteers teach migrants their rights before departure"],
        id="D-html-trafilatura-fallback-with-json-sidecar",
    ),
    pytest.param(
        "legacy-cp1252-visa-scam.txt",
        {
            "raw_format": "plain",
            "title": "Port city police break up visa scam ring",
            "publication": "The Harbour Tribune",
            "url": None,
            "published_date": "2021-02-03",
            "byline": "José Ibañez",
        },
        3,
        "Police in Iloilo said on Tuesday",
        "who had been promised jobs in Dubai.",
        ["Metro", "By José", "©", "All rights reserved", "Tags:", "\r"],
        id="E-cp1252-crlf-header-footer",
    ),
    pytest.param(
        "wire-credits-footer.txt",
        {
            "raw_format": "plain",
            "title": "Fishing crews stranded in port after agency folds",
            "publication": "Harbourline Wire",  # from the .yml sidecar
            "url": None,
            "published_date": "2023-10-02",
            "byline": None,
        },
        3,
        "PORT BLAIR, Oct. 2 (Harbourline Wire) - Forty-one fishermen",
        "in the hold of one trawler.",
        ["Reporting by", "Editing by", "Editor's note", "Read more"],
        id="wire-dateline-kept-credits-note-pointer-dropped",
    ),
    pytest.param(
        "frontmatter-edge-furniture.txt",
        {
            "raw_format": "frontmatter",
            "title": "Night school for domestic workers opens in Kampot",
            "publication": "Coastline Weekly",
            "url": None,
            "published_date": "2022-08-19",
            "byline": None,
        },
        2,
        "Read the notices pinned to the door",
        "most of them women who work in private homes.",
        ["By Chenda Phan", "Photo:", "Lina Sar", "Follow us", "first published", "©"],
        id="C-byline-caption-promo-syndication-copyright-dropped",
    ),
    pytest.param(
        "html-story-body-container.html",
        {
            "raw_format": "html",
            "title": "Garment union wins back pay for night shifts",
            "publication": "Riverside Ledger",
            "url": "https://riversideledger.example/labour/2023/02/union-back-pay",
            "published_date": "2023-02-14",
            "byline": None,
        },
        3,
        "A garment workers’ union in Kandal",
        "two more factories in the province this month.",
        ["freelance reporter", "Correction"],
        id="D-html-split-story-container-wins",
    ),
    pytest.param(
        "legacy-cp1252-byline-place.txt",
        {
            "raw_format": "plain",
            "title": "Recruiters fined for sending teenagers abroad",
            "publication": "The Gulf Sentinel",
            "url": None,
            "published_date": "2022-03-09",
            "byline": "Ramón Dagohoy",
        },
        2,
        "Labour officials in Cebu fined",
        "who declined to be named.",
        ["By Ramón", "Cebu City |", "Nation", "©"],
        id="E-byline-with-place",
    ),
]


@pytest.mark.parametrize(("raw_file", "fields", "paragraphs", "starts", "ends", "absent"), OWN_CASES)
def test_read_article_own_fixture(
    raw_file: str, fields: dict, paragraphs: int, starts: str, ends: str, absent: list[str]
) -> None:
    article = read_article(OWN_RAW / raw_file, OWN_RAW)

    assert {name: getattr(article, name) for name in fields} == fields
    assert article.paragraph_count == paragraphs
    assert article.body.startswith(starts)
    assert article.body.endswith(ends)
    for text in absent:
        assert text not in article.body
    _assert_clean_body(article.body)
    assert article.source_file == raw_file


def test_read_article_cp1252_gives_curly_quotes_and_dashes() -> None:
    article = read_article(OWN_RAW / "legacy-cp1252-visa-scam.txt", OWN_RAW)

    assert "“They took everything my family had saved,”" in article.body
    assert "22 applicants — most of them nurses — who" in article.body


def test_read_article_html_unescapes_entities_and_keeps_link_text() -> None:
    article = read_article(OWN_RAW / "html-seafood-audit.html", OWN_RAW)

    assert "two months’ wages" in article.body
    assert "“The workers were told the money was a deposit,” said auditor Anong Kaew." in article.body


def test_read_article_own_fixtures_are_deterministic() -> None:
    paths = discover_raw_files(OWN_RAW)

    assert [read_article(p, OWN_RAW) for p in paths] == [read_article(p, OWN_RAW) for p in paths]


def test_read_article_source_sha256_is_of_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    raw = b"Title\r\n\r\nBody text.\r\n"
    (tmp_path / "a.txt").write_bytes(raw)

    article = read_article(tmp_path / "a.txt", tmp_path)

    assert article.source_sha256 == hashlib.sha256(raw).hexdigest()


# --- structure, not file name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "renamed", "raw_format"),
    [
        pytest.param("html-seafood-audit.html", "page.txt", "html", id="html-named-txt"),
        pytest.param(
            "frontmatter-brick-kiln-debts.txt", "story.html", "frontmatter", id="frontmatter-named-html"
        ),
        pytest.param("scraped-border-shelter.txt", "noext", "scraped", id="scraped-without-extension"),
    ],
)
def test_read_article_detects_format_by_structure(
    tmp_path: Path, source: str, renamed: str, raw_format: str
) -> None:
    shutil.copy(OWN_RAW / source, tmp_path / renamed)

    assert read_article(tmp_path / renamed, tmp_path).raw_format == raw_format


@pytest.mark.parametrize(
    ("encode", "line_end"),
    [
        pytest.param(lambda t: t.encode("utf-8"), "\n", id="utf8-lf"),
        pytest.param(lambda t: t.encode("utf-8-sig"), "\r\n", id="utf8-bom-crlf"),
        pytest.param(lambda t: t.encode("cp1252"), "\r", id="cp1252-cr"),
        pytest.param(lambda t: t.encode("utf-16"), "\r\n", id="utf16-bom-crlf"),
    ],
)
def test_read_article_encodings_and_line_endings_give_same_article(
    tmp_path: Path, encode, line_end: str
) -> None:
    text = line_end.join(["A “quoted” title", "", "First paragraph’s text.", "", "Second – and last."])
    (tmp_path / "a.txt").write_bytes(encode(text))

    article = read_article(tmp_path / "a.txt", tmp_path)

    assert article.title == "A “quoted” title"
    assert article.body == "First paragraph’s text.\n\nSecond – and last."


def test_read_article_nfc_normalises_decomposed_text(tmp_path: Path) -> None:
    article = _read_text(tmp_path, "Title\n\nNguye\u0302\u0303n said so.\n")

    assert article.body == "Nguy\u1ec5n said so."


def test_read_article_plain_joins_hard_wrapped_lines_and_collapses_spaces(tmp_path: Path) -> None:
    article = _read_text(tmp_path, "Title\n\nOne   paragraph\nwrapped over\tlines.\n\n\n\nAnother one.  \n")

    assert article.body == "One paragraph wrapped over lines.\n\nAnother one."
    assert article.raw_format == "plain"


def test_read_article_scraped_single_blank_paragraphs_are_not_wrapped(tmp_path: Path) -> None:
    text = (
        "Search form\n\nLogo of Hill Times newspaper Hill Times - Rescue at the quarry\n\n"
        "Rescue at the quarry\n\nRescue at the quarry\n\n"
        "Police freed nine workers from a quarry on Sunday.\n\n"
        "The workers said they had not been paid since May.\n\n\n"
        "The owner was arrested, police said.\n"
    )

    article = _read_text(tmp_path, text)

    assert article.raw_format == "scraped"
    assert article.paragraph_count == 3
    assert article.publication == "Hill Times"


def test_read_article_scraped_nav_lines_without_logo_line(tmp_path: Path) -> None:
    text = (
        "Home\n\nSign in\n\nNewsletters\n\nWorkers rescued from quarry\n\nWorkers rescued from quarry\n\n"
        "Police freed nine workers from a quarry on Sunday.\n\n"
        "  • Another story\n\n    Its teaser text that was cut\n"
    )

    article = _read_text(tmp_path, text)

    assert (article.title, article.publication, article.raw_format) == (
        "Workers rescued from quarry",
        None,
        "scraped",
    )
    assert article.body == "Police freed nine workers from a quarry on Sunday."


def test_read_article_plain_without_header_keeps_by_sentence_in_body(tmp_path: Path) -> None:
    article = _read_text(tmp_path, "A title\nBy the time police came, the men had gone.\n\nMore.\n")

    assert (article.byline, article.publication, article.published_date) == (None, None, None)
    assert article.body == "By the time police came, the men had gone.\n\nMore."


@pytest.mark.parametrize(
    ("header", "publication", "byline", "published_date"),
    [
        pytest.param(
            "The Ledger – World\nBy Ana Cruz | 14 June 2023", "The Ledger", "Ana Cruz", "2023-06-14", id="E"
        ),
        pytest.param(
            "By Ana Cruz, Staff Writer\nJune 14, 2023", None, "Ana Cruz", "2023-06-14", id="byline-then-date"
        ),
        pytest.param("By Ana Cruz | 03/04/2023", None, "Ana Cruz", None, id="ambiguous-date-left-out"),
        pytest.param(
            "The Ledger – World\nBy Ana Cruz in Manila | 14 June 2023",
            "The Ledger",
            "Ana Cruz",
            "2023-06-14",
            id="byline-with-place",
        ),
        pytest.param(
            "By Ana Cruz in Manila and Bo Lee in Seoul", None, "Ana Cruz and Bo Lee", None, id="two-bylines"
        ),
        pytest.param(
            "\nBy Maria de la Cruz\nPublished: 2023-06-14",
            None,
            "Maria de la Cruz",
            "2023-06-14",
            id="own-block",
        ),
    ],
)
def test_read_article_plain_header_lines(
    tmp_path: Path, header: str, publication: str | None, byline: str, published_date: str | None
) -> None:
    article = _read_text(tmp_path, f"Court jails recruiter\n{header}\n\nThe body.\n")

    assert (article.title, article.publication, article.byline, article.published_date) == (
        "Court jails recruiter",
        publication,
        byline,
        published_date,
    )
    assert article.body == "The body."


@pytest.mark.parametrize(
    ("text", "body"),
    [
        pytest.param(
            "Title\n\nFirst.\n\nCopyright lawyers say the bill is flawed.\n",
            "First.\n\nCopyright lawyers say the bill is flawed.",
            id="copyright-sentence-is-body",
        ),
        pytest.param(
            "Title\n\nFirst.\n\nCopyright © 2021 The Ledger\nTopics: labour, migration\n",
            "First.",
            id="copyright-and-topics-lines-dropped",
        ),
        pytest.param(
            "Police raid bar\nPHNOM PENH - Police said on Monday that\nthey raided a bar.\n",
            "PHNOM PENH - Police said on Monday that they raided a bar.",
            id="dateline-is-not-publication",
        ),
    ],
)
def test_read_article_plain_boilerplate_rules_keep_story_text(tmp_path: Path, text: str, body: str) -> None:
    article = _read_text(tmp_path, text)

    assert article.body == body
    assert article.publication is None


# --- boilerplate at the body's edges ----------------------------------------------------------

EDGE_BOILERPLATE = [
    pytest.param("Reporting by A Bo in Yangon; Editing by C Di", id="wire-credits"),
    pytest.param("(Reporting by A Bo, writing by C Di. Editing by E Fa)", id="bracketed-credits"),
    pytest.param("(Additional reporting by A Bo)", id="additional-reporting"),
    pytest.param("Associated Desk writers A Bo and C Di contributed to this report.", id="contributed"),
    pytest.param("Editor's note: An earlier version gave the wrong date.", id="editors-note"),
    pytest.param("Correction: This story has been updated.", id="correction"),
    pytest.param("This story was produced with support from a media fund.", id="produced-with-support"),
    pytest.param("A version of this article appeared in print.", id="version-appeared"),
    pytest.param("Read more: Brokers move to new border crossings", id="read-more"),
    pytest.param("Related: Why recruiters target teenagers", id="related"),
    pytest.param("READ MORE", id="read-more-alone"),
    pytest.param("Follow us on Facebook and X", id="follow-us"),
    pytest.param("Click here to download the full report.", id="click-here"),
    pytest.param("Sign up for our free newsletter.", id="sign-up"),
    pytest.param("Subscribe to The Ledger for $1 a week", id="subscribe"),
    pytest.param("Get our morning briefing. Sign up free", id="get-our"),
    pytest.param("Share this article: Facebook X Email", id="share"),
    pytest.param("Listen to this article", id="listen"),
    pytest.param("Copyright The Ledger 2024. All rights reserved.", id="copyright-holder-year"),
    pytest.param("All rights reserved.", id="rights-reserved"),
    pytest.param("Photo: A Bo/The Ledger", id="photo-label"),
    pytest.param("FILE PHOTO: Police outside a compound.", id="file-photo"),
    pytest.param("Image source, Getty", id="image-source"),
    pytest.param("Workers at the port on Monday. Photo: A Bo/The Ledger", id="caption-ending-in-credit"),
    pytest.param("Workers at the port. (Desk Photo/A Bo)", id="agency-photo-credit"),
    pytest.param("A Bo/The Ledger", id="bare-credit"),
    pytest.param("By A Bo in Manila", id="byline"),
    pytest.param("Published: 14 June 2023", id="date-line"),
    pytest.param("* * *", id="separator"),
    pytest.param("(Harbour Wire)", id="agency-signature-bracketed"),
    pytest.param("— Harbour Wire", id="agency-signature-dashed"),
]

STORY_PARAGRAPHS = [
    pytest.param("Reporting by the Ledger revealed that 40 workers had died.", id="reporting-by-sentence"),
    pytest.param("Research by the centre found that 40 percent were in debt.", id="research-by-sentence"),
    pytest.param("Read the full report, she said.", id="read-sentence"),
    pytest.param("Readers wrote in to complain.", id="readers"),
    pytest.param("Photographs shared by workers showed cramped dormitories.", id="photographs-sentence"),
    pytest.param("Photo evidence was presented to the court on Tuesday.", id="photo-evidence"),
    pytest.param("She showed reporters a photo: her son in his uniform.", id="photo-colon-in-sentence"),
    pytest.param("Copyright lawyers say the bill is flawed.", id="copyright-lawyers"),
    pytest.param("Copyright law changed in 2019, making the scheme illegal.", id="copyright-law-year"),
    pytest.param("Support for the victims is now provided by the state.", id="support-sentence"),
    pytest.param("Sign up fees were as high as $3,000.", id="sign-up-fees"),
    pytest.param("Subscribers to the service paid $30 a month.", id="subscribers"),
    pytest.param("Get out, the guard told them.", id="get-out"),
    pytest.param("Follow-up inspections are planned for next year.", id="follow-up"),
    pytest.param("Share prices of the firm fell 12 percent on Monday.", id="share-prices"),
    pytest.param("Related reports have been filed in Thailand and Laos.", id="related-reports"),
    pytest.param("Watch groups say raids rarely lead to convictions.", id="watch-groups"),
    pytest.param("Note that the ministry did not respond.", id="note-that"),
    pytest.param("This report is the third by the group.", id="this-report-is"),
    pytest.param("Updated figures show 40 workers died.", id="updated-figures"),
    pytest.param("By Monday, 40 workers had been freed.", id="by-monday"),
    pytest.param("By the time police came, the men had gone.", id="by-the-time"),
    pytest.param("Images of the workers were shared widely on social media.", id="images-sentence"),
    pytest.param("(She declined to give her name.)", id="bracketed-sentence"),
    pytest.param("Phnom Penh Post", id="short-name-line"),
]


@pytest.mark.parametrize("paragraph", EDGE_BOILERPLATE)
def test_is_edge_boilerplate_recognises_furniture(paragraph: str) -> None:
    assert is_edge_boilerplate(paragraph)


@pytest.mark.parametrize("paragraph", STORY_PARAGRAPHS)
def test_is_edge_boilerplate_keeps_story_paragraphs(paragraph: str) -> None:
    assert not is_edge_boilerplate(paragraph)


@pytest.mark.parametrize("paragraph", STORY_PARAGRAPHS)
def test_read_article_story_paragraph_at_either_edge_stays(tmp_path: Path, paragraph: str) -> None:
    article = _read_text(tmp_path, f"A title\n\n{paragraph}\n\nMiddle.\n\n{paragraph}\n")

    assert article.body == f"{paragraph}\n\nMiddle.\n\n{paragraph}"


def test_trim_edge_boilerplate_only_trims_edges() -> None:
    paragraphs = ["Photo: A Bo", "First.", "Read more: Other story", "Last.", "Editing by C Di"]

    assert trim_edge_boilerplate(paragraphs) == ["First.", "Read more: Other story", "Last."]


def test_trim_edge_boilerplate_keeps_body_that_is_all_furniture() -> None:
    assert trim_edge_boilerplate(["Editing by C Di"]) == ["Editing by C Di"]


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        pytest.param("It ends here. (Reporting by A Bo; Editing by C Di)", "It ends here.", id="credit-cut"),
        pytest.param("It ends (as planned) here. (about 40 people)", None, id="other-brackets-kept"),
    ],
)
def test_read_article_bracketed_credit_glued_to_last_paragraph(
    tmp_path: Path, last: str, kept: str | None
) -> None:
    article = _read_text(tmp_path, f"A title\n\nFirst.\n\n{last}\n")

    assert article.body == f"First.\n\n{kept or last}"


def test_read_article_html_story_container_without_article_element(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Shelter opens</title></head><body>"
        "<div class='sidebar-box'><p>Most read: a different story about something else entirely here.</p></div>"
        "<div itemprop='articleBody'><p>A shelter for returned workers opened in Poipet on Friday.</p>"
        "<p>It has 40 beds, staff said.</p></div>"
        "<div class='promo'><p>Our app brings you every story from the border, free of charge, every day.</p></div>"
        "</body></html>"
    )

    article = _read_text(tmp_path, html, name="page.html")

    assert (
        article.body
        == "A shelter for returned workers opened in Poipet on Friday.\n\nIt has 40 beds, staff said."
    )


@pytest.mark.shared
def test_discover_raw_files_eval_folder_lists_only_articles(eval_articles: Path) -> None:
    found = [p.name for p in discover_raw_files(eval_articles)]

    assert len(found) == 6
    assert all(name.endswith((".txt", ".html")) for name in found)
    assert orphan_sidecars(eval_articles) == []


def test_read_article_front_matter_with_sidecar_override_and_clear(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\ntitle: Old\nbyline: Someone\n---\n\nBody.\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("title: New title\nbyline: null\npublished_date: 2020-02-29\n")

    article = read_article(tmp_path / "a.txt", tmp_path)

    assert (article.title, article.byline, article.published_date) == ("New title", None, "2020-02-29")


# --- bad input: each a ReadError naming the file and the reason -----------------------------

BAD_TEXTS = [
    pytest.param(b"", "empty file", id="empty"),
    pytest.param(b" \r\n\t\n  \n", "empty file (only whitespace)", id="whitespace-only"),
    pytest.param(b"Title\n\nBody\x00\x01\x02 text", "binary file (NUL bytes)", id="binary-nul"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "binary file (PDF document)", id="binary-pdf"),
    pytest.param(b"Title\n\nCaf\xe9 \x81 here", "cannot decode as UTF-8 or Windows-1252", id="undecodable"),
    pytest.param(
        b"<html><head><title>x</title></head><body><nav><a>Home</a></nav></body></html>",
        "HTML page has no article text",
        id="html-without-text",
    ),
    pytest.param(
        b"---\ntitle: [unclosed\n---\n\nBody.\n", "front matter is not valid YAML", id="front-matter-bad-yaml"
    ),
    pytest.param(
        b"---\ntitle: x\n\nBody without closing.\n", "no closing '---' line", id="front-matter-unclosed"
    ),
    pytest.param(
        b"---\n- a\n- b\n---\n\nBody.\n", "front matter must be 'key: value' lines", id="front-matter-list"
    ),
    pytest.param(
        b"---\ntitle: x\npublished: 2019-13-45\n---\n\nBody.\n",
        "invalid published date '2019-13-45'",
        id="front-matter-invalid-date",
    ),
    pytest.param(
        b"---\ntitle: x\n---\n\n\n", "no article text after the front matter", id="front-matter-no-body"
    ),
    pytest.param(b"Just a title line\n", "no article text after the title line", id="title-only"),
]


@pytest.mark.parametrize(("raw", "reason"), BAD_TEXTS)
def test_read_article_bad_input_raises_read_error(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)

    with pytest.raises(ReadError) as caught:
        read_article(path, tmp_path)

    assert caught.value.path == str(path)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")


def test_read_article_over_default_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Title\n\n" + b"word " * int(6.2 * 1024 * 1024 / 5))

    with pytest.raises(ReadError) as caught:
        read_article(path, tmp_path)

    assert caught.value.reason == "file is 6.2 MB, over the 5 MB cap"
    assert caught.value.path == str(path)
    assert SIZE_CAP_BYTES == 5 * 1024 * 1024


def test_read_article_size_cap_is_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\n\n" + b"x" * 2000)

    with pytest.raises(ReadError, match=r"file is 2\.0 KB, over the 1 KB cap"):
        read_article(path, tmp_path, size_cap=1024)
    assert read_article(path, tmp_path, size_cap=4096).title == "Title"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        pytest.param("a.yml", "titel: typo\n", "sidecar a.yml: unknown key(s) 'titel'", id="unknown-key"),
        pytest.param(
            "a.yml",
            "published: 2019-13-45\n",
            "sidecar a.yml: invalid published date '2019-13-45'",
            id="bad-date",
        ),
        pytest.param("a.json", '{"url": "x",}', "sidecar a.json is not valid JSON", id="bad-json"),
        pytest.param("a.yaml", "url: [x\n", "sidecar a.yaml is not valid YAML", id="bad-yaml"),
        pytest.param("a.json", '{"title": ["a", 1]}', "'title' must be text", id="not-text"),
    ],
)
def test_read_article_bad_sidecar_raises_read_error(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")

    with pytest.raises(ReadError) as caught:
        read_article(tmp_path / "a.txt", tmp_path)

    assert caught.value.path == str(tmp_path / "a.txt")
    assert reason in caught.value.reason


def test_read_article_two_sidecars_raise_read_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("title: One\n")
    (tmp_path / "a.json").write_text('{"title": "Two"}')

    with pytest.raises(ReadError, match=r"more than one sidecar \(a.yml, a.json\)"):
        read_article(tmp_path / "a.txt", tmp_path)


def test_read_article_orphan_metadata_file_raises_read_error(tmp_path: Path) -> None:
    (tmp_path / "renamed.yml").write_text("title: T\n")

    with pytest.raises(ReadError, match=r"no raw file named 'renamed\.\*' is beside this one"):
        read_article(tmp_path / "renamed.yml", tmp_path)


def test_read_article_missing_file_raises_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="file not found"):
        read_article(tmp_path / "nope.txt", tmp_path)


# --- discovery -------------------------------------------------------------------------------


def test_discover_raw_files_skips_sidecars_hidden_and_readme_and_sorts(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "b.yml",
        "a.html",
        "a.json",
        "README.md",
        ".hidden.txt",
        ".cache/x.txt",
        "sub/c.txt",
        "sub/c.yaml",
        "sub/README",
        "A-upper.txt",
        "orphan.yml",
        "b.gold.json",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Title\n\nBody.\n")

    found = [p.relative_to(tmp_path).as_posix() for p in discover_raw_files(tmp_path)]

    assert found == ["A-upper.txt", "a.html", "b.txt", "sub/c.txt"]
    assert [p.name for p in orphan_sidecars(tmp_path)] == ["orphan.yml"]


def test_discover_raw_files_own_fixtures() -> None:
    found = [p.name for p in discover_raw_files(OWN_RAW)]

    assert found == sorted(found)
    assert "README.md" not in found
    assert not any(name.endswith((".yml", ".json")) for name in found)
    assert len(found) == 11


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("2023-06-14", "2023-06-14", id="iso"),
        pytest.param("2020-08-21T09:30:00+08:00", "2020-08-21", id="iso-datetime-local-date"),
        pytest.param("14 June 2023", "2023-06-14", id="day-month-year"),
        pytest.param("June 14, 2023", "2023-06-14", id="month-day-year"),
        pytest.param("Wednesday, 3rd Feb. 2021", "2021-02-03", id="weekday-ordinal-abbrev"),
        pytest.param("03/04/2023", None, id="ambiguous-numeric"),
        pytest.param("2019-13-45", None, id="invalid"),
        pytest.param("31 February 2020", None, id="no-such-day"),
        pytest.param("last Tuesday", None, id="not-a-date"),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_find_date_inside_text() -> None:
    assert find_date("Updated 9:30 am, 14 June 2023 (local)") == "2023-06-14"
    assert find_date("no date here, 2023") is None


def test_trim_edge_boilerplate_drops_a_credited_caption_between_story_paragraphs() -> None:
    paragraphs = [
        "A group of teenagers was awarded a silver medal on Tuesday.",
        "The first robotics competition was held this week in Washington D.C. Image: United States Navy.",
        "The team's visas had twice been refused, the organisers said.",
    ]
    assert trim_edge_boilerplate(paragraphs) == [paragraphs[0], paragraphs[2]]


def test_trim_edge_boilerplate_keeps_a_long_story_paragraph_ending_in_a_credit() -> None:
    long = " ".join(["The minister toured the flooded district and met families in three shelters."] * 5)
    paragraphs = ["First.", long + " Photo: Sok Dara", "Last."]
    assert trim_edge_boilerplate(paragraphs) == paragraphs
