"""Direct quotes: spans between double quotation marks, per paragraph.

Only double marks (curly “ ” or straight ") delimit quotes, so single quotes nested inside them
and apostrophes (don’t, worker’s) never break a quote. A quote left open at the end of a
paragraph runs to that paragraph's end (the next paragraph reopens it). Short quoted fragments
inside a sentence with no verb (so-called “rescue” raids, a scheme's name) are scare quotes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

OPEN_MARKS = frozenset({"“", "„"})
CLOSE_MARKS = frozenset({"”"})
STRAIGHT_MARK = '"'
VERB_POS = frozenset({"VERB", "AUX"})
TRAILING_STRIP = " \t\n,;:"
SCARE_MAX_WORDS = 3


@dataclass(frozen=True)
class DirectQuote:
    """A quoted span: ``open``/``close`` are the marks' offsets (``close`` None when left open)."""

    start: int  # first char of the text
    end: int  # past the last char of the text
    open: int
    close: int | None
    paragraph: int  # 1-based
    paragraph_start: int
    paragraph_end: int
    embedded: bool  # preceded by a word in the same sentence (not after , : or a sentence start)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Char ranges of the ``"\\n\\n"``-separated paragraphs of a body."""
    bounds, pos = [], 0
    for part in text.split("\n\n"):
        bounds.append((pos, pos + len(part)))
        pos += len(part) + 2
    return bounds


def paragraph_of(text: str, offset: int) -> int:
    """1-based paragraph number holding char ``offset``."""
    return text.count("\n\n", 0, offset) + 1


def _mark_pairs(text: str, lo: int, hi: int) -> Iterator[tuple[int, int | None]]:
    """(open, close) offsets of the outermost double-quoted spans in ``text[lo:hi]``."""
    depth, opened, straight = 0, -1, False
    for i in range(lo, hi):
        ch = text[i]
        if ch == STRAIGHT_MARK:
            if depth == 0:
                opened, depth, straight = i, 1, True
            elif straight:
                depth = 0
                yield opened, i
        elif ch in OPEN_MARKS and not straight:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in CLOSE_MARKS and depth > 0 and not straight:
            depth -= 1
            if depth == 0:
                yield opened, i
    if depth > 0:
        yield opened, None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING_STRIP:
        end -= 1
    return start, end


def _embedded(text: str, open_at: int, para_start: int) -> bool:
    i = open_at - 1
    while i >= para_start and text[i] == " ":
        i -= 1
    return i >= para_start and (text[i].isalnum() or text[i] in "-’'")


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in VERB_POS for t in span)


def iter_direct_quotes(doc: Doc) -> Iterator[DirectQuote]:
    """Yield every quoted span of ``doc`` that reads as speech, in text order.

    Scare quotes are skipped: spans of at most three words without a verb, and spans inside a
    sentence (preceded by a word) without a verb.
    """
    text = doc.text
    for number, (p_start, p_end) in enumerate(paragraph_bounds(text), start=1):
        for open_at, close_at in _mark_pairs(text, p_start, p_end):
            start, end = _trim(text, open_at + 1, close_at if close_at is not None else p_end)
            if end <= start:
                continue
            words = len(text[start:end].split())
            embedded = _embedded(text, open_at, p_start)
            has_verb = _has_verb(doc, start, end)
            if (embedded and words <= SCARE_MAX_WORDS) or (
                not has_verb and (words <= SCARE_MAX_WORDS or embedded)
            ):
                continue
            yield DirectQuote(start, end, open_at, close_at, number, p_start, p_end, embedded)
