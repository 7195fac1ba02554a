"""Plain text: title line, optional header lines (format E), then blank-line-separated paragraphs.

The header lines recognised right after the title are general newspaper conventions, any order:
a "Publication – Section" line, a "By <name> | <date>" byline, a line that is only a date.
Whatever is not recognised is body, so a plain file without a header loses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsclaims.readers.common import (
    FormatProblem,
    Parsed,
    clean_or_none,
    clean_text,
    ends_sentence,
    is_blank,
    looks_like_name,
    paragraphs_from_lines,
    split_blocks,
    strip_trailing_boilerplate,
)
from newsclaims.readers.dates import find_date, parse_date

_MAX_NAME_WORDS = 7
_MAX_HEADER_WORDS = 12
_BYLINE = re.compile(r"^by\s+(?P<rest>.+)$", re.IGNORECASE)
# "in Vientiane", "for The Ledger", "at the Harbour Desk" after a byline name: where, not who.
_BYLINE_PLACE = re.compile(r"\s+(?:in|at|from|for)\s+.*?(?=\s+(?:and|&)\s+|$)", re.IGNORECASE)
_BYLINE_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[–—-]\s+")
_PUBLICATION_SECTION = re.compile(r"^(?P<publication>\S.*?)\s+[–—|-]\s+(?P<section>\S.*)$")
_DATE_LABEL = re.compile(r"^(?:published|posted|updated|date)\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Header:
    publication: str | None = None
    byline: str | None = None
    published_date: str | None = None


def read_plain(text: str) -> Parsed:
    """First non-blank line is the title; header lines after it are metadata; the rest is body.

    :raises FormatProblem: no body text after the title.
    """
    lines = text.split("\n")
    while lines and is_blank(lines[0]):
        lines.pop(0)
    title = clean_or_none(lines[0]) if lines else None
    rest = lines[1:]
    header, rest = _take_header(rest)
    paragraphs, rebuilt = paragraphs_from_lines(strip_trailing_boilerplate(rest))
    if not paragraphs:
        raise FormatProblem("no article text after the title line")
    return Parsed(
        paragraphs=tuple(paragraphs),
        raw_format="wrapped" if rebuilt else "plain",
        title=title,
        publication=header.publication,
        byline=header.byline,
        published_date=header.published_date,
    )


def _take_header(lines: list[str]) -> tuple[_Header, list[str]]:
    """Consume header lines directly under the title (same block), or a block made only of them."""
    header = _Header()
    index = 0
    while index < len(lines) and not is_blank(lines[index]):
        updated = _header_line(lines[index], header)
        if updated is None:
            return header, lines[index:]
        header, index = updated, index + 1
    blocks = split_blocks(lines[index:])
    if blocks and len(blocks[0].lines) <= 3:
        trial = header
        for line in blocks[0].lines:
            trial = _header_line(line, trial)
            if trial is None:
                return header, lines[index:]
        first_body = next(i for i in range(index, len(lines)) if not is_blank(lines[i]))
        return trial, lines[first_body + len(blocks[0].lines) :]
    return header, lines[index:]


def _header_line(line: str, header: _Header) -> _Header | None:
    """``header`` updated with what ``line`` states, or ``None`` when it is not a header line."""
    text = clean_text(line)
    if len(text.split()) > _MAX_HEADER_WORDS or text.endswith("."):
        return None
    if header.byline is None and (byline := _byline(text)):
        name, date = byline
        return replace(header, byline=name, published_date=header.published_date or date)
    if header.published_date is None and (date := parse_date(_DATE_LABEL.sub("", text))):
        return replace(header, published_date=date)
    if header.publication is None and not ends_sentence(text):
        match = _PUBLICATION_SECTION.match(text)
        if (
            match
            and looks_like_name(match["publication"], max_words=8)
            and looks_like_name(match["section"], max_words=4)
        ):
            return replace(header, publication=match["publication"])
    return None


def _byline(text: str) -> tuple[str, str | None] | None:
    """(name, ISO date or None) of a "By <name>[ in <place>][, role] [| <date>]" line."""
    match = _BYLINE.match(text)
    if match is None:
        return None
    parts = _BYLINE_SEPARATOR.split(match["rest"])
    name = _BYLINE_PLACE.sub("", parts[0].split(",")[0]).strip()
    if not looks_like_name(name, max_words=_MAX_NAME_WORDS):
        return None
    date = next((d for part in parts[1:] if (d := find_date(part))), None)
    return name, date
