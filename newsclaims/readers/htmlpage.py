"""Format D: an HTML page. Body = the story's ``<p>`` elements; metadata from ``<head>`` tags.

The story's ``<p>`` elements inside ``<article>`` are the body exactly as annotated, so they are
preferred; paragraphs in the article's header/footer/asides, or whose class marks them as a
byline, kicker, caption, editor's note, ad or teaser, are left out. When the article marks its
story container (``itemprop="articleBody"``, a class such as ``article-body`` or
``entry-content``), paragraphs outside that container (notes, captions, promos placed after the
story) are left out too. A page without ``<article>`` uses such a container instead, and a page
with neither falls back to trafilatura's main-text extraction.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from newsclaims.readers.common import (
    FormatProblem,
    Parsed,
    clean_or_none,
    clean_text,
    is_boilerplate_line,
    is_chrome_paragraph,
)
from newsclaims.readers.dates import find_date, parse_date

_LOOKS_HTML = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</?(?:html|body|article|p|div)\b[^>]*>", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MIN_TAGS_FOR_FRAGMENT = 2
_MIN_SENTENCE_WORDS = 6

# Elements whose paragraphs are never story text, wherever they sit.
_NON_STORY_TAG_LIST = "header footer aside nav figure figcaption form button noscript script style template"
NON_STORY_TAGS = frozenset(_NON_STORY_TAG_LIST.split())
# Class/id words marking page furniture ("byline", "ad-slot", "related-stories").
NON_STORY_CLASS = re.compile(
    r"(?:^|[-_\s])(?:byline|kicker|dateline|caption|credits?|meta|share|sharing|social|related|teasers?|"
    r"promo|advert\w*|ads?|sponsored|newsletter|subscribe|cookies?|consent|tags?|authors?|timestamp|"
    r"breadcrumbs?|comments?|sidebar|footer|header|nav|notes?|corrections?|clarifications?|disclaimers?)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)
# Containers that hold exactly the story text: schema.org articleBody, or a class/id such as
# "article-body", "story-body", "entry-content", "post-content", "article__text".
_BODY_CONTAINER_CLASS = re.compile(
    r"(?:^|\s)(?:article|story|entry|post|news|content)[-_]*(?:body|content|text)(?:$|\s)", re.IGNORECASE
)
TITLE_META = ("og:title", "twitter:title", "dc.title")
PUBLICATION_META = ("og:site_name", "application-name")
URL_META = ("og:url",)
DATE_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "date")
AUTHOR_META = ("author", "article:author", "dc.creator", "byl")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")


def looks_like_html(text: str) -> bool:
    """An HTML document (doctype/html/head/body first), or text made mostly of HTML tags."""
    if _LOOKS_HTML.match(text):
        return True
    return text.lstrip().startswith("<") and len(_HTML_TAGS.findall(text)) >= _MIN_TAGS_FOR_FRAGMENT


def read_html(text: str) -> Parsed:
    """Story paragraphs and meta-tag metadata of an HTML page.

    :raises FormatProblem: the page has no article text.
    """
    try:
        doc = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FormatProblem("HTML page has no article text") from exc
    meta = _meta_tags(doc)
    publication = _first(meta, PUBLICATION_META)
    title = _first(meta, TITLE_META) or _page_title(doc, publication)
    paragraphs = _article_paragraphs(doc) or _trafilatura_paragraphs(text, title)
    if not paragraphs:
        raise FormatProblem("HTML page has no article text")
    date = _first(meta, DATE_META)
    author = _first(meta, AUTHOR_META)
    return Parsed(
        paragraphs=tuple(paragraphs),
        raw_format="html",
        title=title,
        publication=publication,
        url=_first(meta, URL_META) or _canonical(doc),
        published_date=(parse_date(date) or find_date(date)) if date else None,
        byline=author if author and not author.startswith(("http://", "https://")) else None,
    )


def _article_paragraphs(doc: lxml.html.HtmlElement) -> list[str]:
    """Paragraphs of the ``<article>`` (else story container) holding the most story text."""
    roots = list(doc.iter("article")) or _outer_body_containers(doc)
    best: list[str] = []
    for root in roots:
        paragraphs = _root_paragraphs(root)
        if _size(paragraphs) > _size(best):
            best = paragraphs
    return best


def _root_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    """Story paragraphs under ``root``; only those in its story container when it marks one.

    The container wins only when it holds at least half the text, so a mislabelled summary box
    cannot hide the story.
    """
    found = [
        (p, text) for p in root.iter("p") if (text := _story_text(p, root)) and not is_chrome_paragraph(text)
    ]
    everything = [text for _, text in found]
    inside = [text for p, text in found if _in_body_container(p, root)]
    return inside if inside and 2 * _size(inside) >= _size(everything) else everything


def _is_body_container(element: lxml.html.HtmlElement) -> bool:
    if not isinstance(element.tag, str):
        return False
    if (element.get("itemprop") or "").strip().lower() == "articlebody":
        return True
    return bool(_BODY_CONTAINER_CLASS.search(f"{element.get('class', '')} {element.get('id', '')}"))


def _in_body_container(paragraph: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    element = paragraph.getparent()
    while element is not None and element is not root:
        if _is_body_container(element):
            return True
        element = element.getparent()
    return False


def _outer_body_containers(doc: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Story containers of the page that are not inside another story container."""
    chosen = [e for e in doc.iter() if _is_body_container(e)]
    inner = {id(d) for e in chosen for d in e.iterdescendants()}
    return [e for e in chosen if id(e) not in inner]


def _size(paragraphs: list[str]) -> int:
    return sum(map(len, paragraphs))


def _story_text(paragraph: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> str | None:
    element = paragraph
    while element is not None:
        if element is not root and element.tag in NON_STORY_TAGS:
            return None
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if NON_STORY_CLASS.search(marks):
            return None
        if element is root:
            break
        element = element.getparent()
    return clean_or_none(paragraph.text_content())


def _trafilatura_paragraphs(text: str, title: str | None) -> list[str]:
    import trafilatura  # only pages without story markup need it; it is slow to import

    extracted = trafilatura.extract(
        text,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    if not extracted:
        return []
    lines = (clean_text(line) for line in extracted.split("\n"))
    kept = [line for line in lines if line and line != title and not is_boilerplate_line(line)]
    # Menus and one-line notices are not an article: ask for at least one sentence-sized line.
    return kept if any(len(line.split()) >= _MIN_SENTENCE_WORDS for line in kept) else []


def _meta_tags(doc: lxml.html.HtmlElement) -> dict[str, str]:
    """First non-empty content of each ``<meta property|name|itemprop=...>``, keys lower-cased."""
    found: dict[str, str] = {}
    for meta in doc.iter("meta"):
        content = clean_or_none(meta.get("content"))
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and content and key not in found:
                found[key] = content
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if k in meta), None)


def _page_title(doc: lxml.html.HtmlElement, publication: str | None) -> str | None:
    """``<title>`` without a trailing " | Publication", else the first ``<h1>``."""
    element = doc.find(".//title")
    title = clean_or_none(element.text_content()) if element is not None else None
    if title and publication:
        for separator in _TITLE_SEPARATORS:
            if title.endswith(separator + publication):
                return title[: -len(separator + publication)].strip() or None
    if title:
        return title
    heading = doc.find(".//h1")
    return clean_or_none(heading.text_content()) if heading is not None else None


def _canonical(doc: lxml.html.HtmlElement) -> str | None:
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return clean_or_none(link.get("href"))
    return None
