"""What every reader shares: the ``Parsed`` result, text cleaning, and paragraph building.

Paragraph building lives here (not in each reader) because the same blank-line conventions,
hard-wrap repair and trailing boilerplate (copyright, tag lines) occur in every text format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

RAW_FORMATS = ("plain", "scraped", "wrapped", "frontmatter", "html")
METADATA_FIELDS = ("title", "publication", "url", "published_date", "byline")

# Words of site chrome: menus, search boxes, sharing and account links. A short line made only
# of these is navigation, not article text.
_MENU_WORD_LIST = """
    search form subscribe subscription subscriptions sign signin signup in up out log login logout
    register account my menu main home homepage skip to content navigation nav toggle close open
    share print email e-mail newsletter newsletters follow us advertisement advertisements
    advertise sponsored related stories story articles article more read also back top latest news
    trending popular most comments comment reply contact about privacy policy terms of use cookies
    cookie settings accept all edition english language languages sections section video videos
    photos photo gallery podcast podcasts listen watch donate support facebook twitter x whatsapp
    telegram linkedin instagram youtube rss feed next previous prev page this on via min mins
    minute minutes
"""
MENU_WORDS = frozenset(_MENU_WORD_LIST.split())

# Lines closing a page that are not article text.
_TRAILING_BOILERPLATE = (
    re.compile(r"^\s*(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}\b))", re.IGNORECASE),
    re.compile(r"\ball rights reserved\b", re.IGNORECASE),
    re.compile(
        r"^\s*(?:tags?|topics?|keywords?|categories|category|filed under|related topics)\s*:",
        re.IGNORECASE,
    ),
)

# Lower-case particles allowed inside a personal name ("Maria de la Cruz", "Ahmad bin Ali").
_NAME_PARTICLE_LIST = "and & de da del della der den di do dos das du la le van von bin binti bte al el y"
NAME_PARTICLES = frozenset(_NAME_PARTICLE_LIST.split())

_WHITESPACE = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?…:;")
_CLOSERS = "\"'”’»)]"
# A wrapped file needs at least this many fragment joins, most of them mid-sentence.
_MIN_WRAP_JOINS = 2
_MIN_OPEN_SHARE = 0.5


class FormatProblem(ValueError):
    """The text cannot become an article; the message is the reason a user reads."""


@dataclass(frozen=True)
class Parsed:
    """A reader's result: body paragraphs (clean) plus the metadata it found."""

    paragraphs: tuple[str, ...]
    raw_format: str
    title: str | None = None
    publication: str | None = None
    url: str | None = None
    published_date: str | None = None
    byline: str | None = None

    def metadata(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in METADATA_FIELDS}


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines, and how many blank lines came before them."""

    lines: tuple[str, ...]
    gap_before: int

    @property
    def text(self) -> str:
        return clean_text(" ".join(self.lines))


def clean_text(text: str) -> str:
    """NFC, every whitespace run (newlines included) collapsed to one space, stripped."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def clean_or_none(text: str | None) -> str | None:
    """``clean_text``, with empty results as ``None`` (metadata is never an empty string)."""
    if text is None:
        return None
    cleaned = clean_text(text)
    return cleaned or None


def is_blank(line: str) -> bool:
    return not line.strip()


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (full stop, ?, !, colon...), closing quotes aside."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def word_list(line: str) -> list[str]:
    return _WORDS.findall(line.lower())


def looks_like_name(text: str, *, max_words: int) -> bool:
    """Capitalised words (particles aside), few of them: a name, not the start of a sentence."""
    words = text.split()
    return 0 < len(words) <= max_words and all(
        w[0].isupper() or w.lower() in NAME_PARTICLES or not w[0].isalpha() for w in words
    )


def is_menu_line(line: str, *, max_words: int = 6) -> bool:
    """A short line made only of site-chrome words ("Search form", "Subscribe Search", "Share")."""
    words = word_list(line)
    return 0 < len(words) <= max_words and not ends_sentence(line) and all(w in MENU_WORDS for w in words)


def is_boilerplate_line(line: str) -> bool:
    """Copyright, "All rights reserved", "Tags: ..." lines, or navigation words."""
    return any(p.search(line) for p in _TRAILING_BOILERPLATE) or is_menu_line(line)


def is_chrome_paragraph(paragraph: str) -> bool:
    """A stray piece of page furniture inside the story ("Advertisement", "Read more", "© ...")."""
    return is_menu_line(paragraph, max_words=3) or paragraph.startswith("©")


def strip_trailing_boilerplate(lines: Sequence[str]) -> list[str]:
    """Drop blank and boilerplate lines from the end of a page (copyright, tags, menus)."""
    kept = list(lines)
    while kept and (is_blank(kept[-1]) or is_boilerplate_line(kept[-1])):
        kept.pop()
    return kept


def split_blocks(lines: Sequence[str]) -> list[Block]:
    """Group lines into blocks of non-blank lines, remembering the blank-line gap before each."""
    blocks: list[Block] = []
    current: list[str] = []
    gap = 0
    for line in lines:
        if is_blank(line):
            if current:
                blocks.append(Block(tuple(current), gap))
                current, gap = [], 0
            gap += 1
        else:
            current.append(line)
    if current:
        blocks.append(Block(tuple(current), gap))
    return blocks


def is_hard_wrapped(blocks: Sequence[Block]) -> bool:
    """Whether blocks are fragments of lines cut mid-sentence (format B), not whole paragraphs.

    In a hard-wrapped scrape one blank line separates fragments and two separate paragraphs;
    most single-blank joins then fall mid-sentence. A page whose paragraphs are separated by one
    or two blank lines has its single-blank joins after complete sentences instead.
    """
    later = blocks[1:]
    if not any(b.gap_before >= 2 for b in later):
        return False
    joins = [blocks[i] for i in range(len(blocks) - 1) if blocks[i + 1].gap_before == 1]
    if len(joins) < _MIN_WRAP_JOINS:
        return False
    open_joins = sum(1 for block in joins if not ends_sentence(block.text))
    return open_joins / len(joins) >= _MIN_OPEN_SHARE


def paragraphs_from_lines(lines: Sequence[str]) -> tuple[list[str], bool]:
    """Body paragraphs from text lines, and whether hard-wrapped fragments were rejoined.

    Paragraphs are blank-line-separated blocks whose lines are joined with spaces; when the
    text is hard-wrapped (see ``is_hard_wrapped``) a paragraph is instead everything between
    two-blank-line gaps.
    """
    blocks = split_blocks(lines)
    if not is_hard_wrapped(blocks):
        return [p for p in (b.text for b in blocks) if p], False
    paragraphs: list[list[str]] = []
    for block in blocks:
        if not paragraphs or block.gap_before >= 2:
            paragraphs.append([])
        paragraphs[-1].append(block.text)
    return [p for p in (clean_text(" ".join(parts)) for parts in paragraphs) if p], True
