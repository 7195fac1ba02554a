"""Formats A and B: text saved from a news web page, with its navigation and teasers.

The page opens with short navigation lines ("Search form", "Subscribe Search"), an image
alt-text line "Logo of <Publication> newspaper <Publication> - <Title>", and the title (often
twice); after the story come related-story teasers: an indented bullet line, then an indented
blurb. B is the same page hard-wrapped: rejoining its fragments is ``paragraphs_from_lines``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from newsclaims.readers.common import (
    FormatProblem,
    Parsed,
    clean_text,
    ends_sentence,
    is_blank,
    is_chrome_paragraph,
    is_menu_line,
    paragraphs_from_lines,
    strip_trailing_boilerplate,
)

_HEADER_SCAN_LINES = 12
_MAX_NAV_WORDS = 8
_MAX_NAV_CHARS = 60
_LOGO_WORDS = r"(?:newspaper|news\s?paper|magazine|news\s?site|website)"
_LOGO_WITH_TITLE = re.compile(
    rf"^Logo of (?P<publication>.+?)(?: {_LOGO_WORDS})? (?P=publication)\s*[-–—|:]\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
_LOGO = re.compile(rf"^Logo of (?P<publication>.+?)(?:\s+{_LOGO_WORDS}\b.*)?$", re.IGNORECASE)
# A teaser bullet: indented bullet of any kind, or an unindented typographic bullet.
_BULLET = re.compile(r"^(?:[ \t]+[•·▪►‣◦*-]|[ \t]*[•▪►‣◦])[ \t]*\S")


@dataclass(frozen=True)
class ScrapedHeader:
    title: str | None
    publication: str | None
    body_start: int  # index of the first line after the header


def find_scraped_header(lines: Sequence[str]) -> ScrapedHeader | None:
    """The page header, when the text has one: a logo line or a repeated title after nav lines.

    ``None`` means the text does not look like a scraped page (read it as plain text).
    """
    nonblank = ((i, clean_text(line)) for i, line in enumerate(lines) if not is_blank(line))
    head = list(islice(nonblank, _HEADER_SCAN_LINES))
    for k, (index, text) in enumerate(head):
        if (logo := _LOGO_WITH_TITLE.match(text) or _LOGO.match(text)) is not None:
            return _after_logo(logo, head[k + 1 :], index)
        if k + 1 < len(head) and head[k + 1][1] == text and not is_menu_line(text):
            return _after_title(text, None, head[k:], index)
        if not _is_nav_like(text):
            break
    menu = 0
    while menu < len(head) - 2 and is_menu_line(head[menu][1]):
        menu += 1
    if menu:
        index, title = head[menu]
        return _after_title(title, None, head[menu:], index)
    return None


def read_scraped(text: str) -> Parsed:
    """Title and publication from the page header, body without navigation and teasers.

    :raises FormatProblem: the page holds no article text.
    """
    lines = text.split("\n")
    header = find_scraped_header(lines)
    if header is None:
        raise FormatProblem("not a scraped page: no navigation, logo or repeated title line")
    body = strip_trailing_boilerplate(cut_teasers(lines[header.body_start :]))
    paragraphs, rebuilt = paragraphs_from_lines(body)
    paragraphs = [p for p in paragraphs if not is_chrome_paragraph(p)]
    if not paragraphs:
        raise FormatProblem("scraped page has no article text after its header")
    return Parsed(
        paragraphs=tuple(paragraphs),
        raw_format="wrapped" if rebuilt else "scraped",
        title=header.title,
        publication=header.publication,
    )


def cut_teasers(lines: Sequence[str]) -> list[str]:
    """Lines before the related-story teasers: the first bullet after which all text is indented."""
    for i, line in enumerate(lines):
        if _BULLET.match(line) and all(
            is_blank(rest) or rest[:1] in " \t" or _BULLET.match(rest) for rest in lines[i:]
        ):
            return list(lines[:i])
    return list(lines)


def _after_logo(logo: re.Match[str], following: list[tuple[int, str]], index: int) -> ScrapedHeader:
    publication = clean_text(logo["publication"])
    title = clean_text(logo["title"]) if "title" in logo.re.groupindex else None
    if title is None and following and not ends_sentence(following[0][1]):
        title = following[0][1]
    if title is None:
        return ScrapedHeader(None, publication, index + 1)
    return _after_title(title, publication, following, index)


def _after_title(
    title: str, publication: str | None, following: list[tuple[int, str]], index: int
) -> ScrapedHeader:
    """Header ends after the run of lines repeating the title (or at ``index`` + 1 if none)."""
    end = index
    for line_index, text in following:
        if text != title:
            break
        end = line_index
    return ScrapedHeader(title, publication, end + 1)


def _is_nav_like(text: str) -> bool:
    """Short, sentence-less line above the title: menu items, section names, a search box."""
    return (
        len(text.split()) <= _MAX_NAV_WORDS
        and len(text) <= _MAX_NAV_CHARS
        and not ends_sentence(text)
        and not text.endswith(",")
    )
