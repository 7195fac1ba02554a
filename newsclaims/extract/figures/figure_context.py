"""The text figures are read from: where a figure may start, which spans never hold one, and the
``Draft`` record every reader extends.

Masked spans (dates, times, URLs, phone numbers, codes, ordinals) are marked once per document so
no reader has to re-check them; a candidate is any digit or number word outside them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from ..base.rules import Rules
from ..base.textindex import breaks_before, doc_text
from .figure_patterns import figure_patterns

# Web and e-mail addresses. Tried at every word boundary it is most of the masking time, so it
# runs only on text holding one of the literals any match must contain (``_WEB_ANCHORS``).
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|org|net|gov|example)\S*")
_WEB_ANCHORS = re.compile(r"https?://|www\.|@|\.(?:com|org|net|gov|example)")

# Spans whose digits are no figures. The digit-led ones start with the digit and check the word
# boundary behind it ("\d(?<!\w\d)" is "\b\d"), so the regex engine skips ahead to digits
# instead of trying every position: the same matches in about half the time.
_MASKS = (
    re.compile(r"\d(?<!\w\d)\d{3}[-/.]\d{1,2}[-/.]\d{1,2}\b"),  # ISO dates
    re.compile(r"\d(?<!\w\d)\d?[-/.]\d{1,2}[-/.]\d{2,4}\b"),  # 14/06/2023
    re.compile(r"\d(?<!\w\d)(?:\d?:\d{2}(?!\d)|\d?\.\d{2}\s*[ap]\.?m\b)", re.IGNORECASE),  # times
    re.compile(r"\d(?<!\w\d)\d?\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)", re.IGNORECASE),
    _WEB_ADDRESS,
    re.compile(r"(?<!\w)\+?\(?\d{2,4}\)?(?:[ \-]\d{2,4}){2,}(?!\d)"),  # phone numbers
    re.compile(r"0(?<![\w.,]0)\d{3,}(?:[ \-]\d+)*"),  # 09610-102030, 0123 456: a leading 0 is a code
    re.compile(r"\d(?<!\w\d)\d{1,3}/\d{1,4}\b"),  # 24/7, law 2008/12
    re.compile(r"\d(?<!\w\d)\d*(?:st|nd|rd|th)\b", re.IGNORECASE),  # ordinals
)


class UnitKind(StrEnum):
    """How a figure's unit was found; bare numbers need context, and later figures inherit units."""

    MONEY = "money"
    INHERITED = "inherited"  # the currency of an earlier amount
    PERCENT = "percent"
    AGE = "age"
    TIME = "time"
    NOUN = "noun"
    PRONOUN = "pronoun"  # "of them"
    ELLIPTICAL = "elliptical"  # the unit of an earlier count
    AGO = "ago"
    BARE = "bare"  # none found


@dataclass(frozen=True)
class Draft:
    """A figure being read; ``kind`` says how its unit was found (bare numbers need context)."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    kind: UnitKind = UnitKind.BARE
    in_words: bool = False
    numeral_start: int = 0


class FigureContext:
    """The doc plus lookups built once: char -> token, masked chars, paragraph starts; and the
    word lists and patterns every reader consults."""

    def __init__(self, doc: Doc, rules: Rules) -> None:
        self.doc = doc
        self.rules = rules
        self.patterns = figure_patterns(rules)
        self.text = doc_text(doc)
        # Token starts and lengths read in one pass of the C arrays; ``token`` bisects them. (A
        # char -> token list filled from the Token objects was a tenth of figure time.)
        columns = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self._starts = [start for start, _ in columns]
        self._ends = [start + length for start, length in columns]
        self.masked = bytearray(len(self.text) + 1)  # 1 where a mask covers the char
        has_address = _WEB_ANCHORS.search(self.text) is not None
        for pattern in _MASKS:
            if pattern is _WEB_ADDRESS and not has_address:
                continue
            for match in pattern.finditer(self.text):
                self.masked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())

    def token(self, offset: int) -> Token | None:
        """The token holding char ``offset``; None on whitespace between tokens or outside the text."""
        if not 0 <= offset < len(self.text):
            return None
        i = bisect_right(self._starts, offset) - 1
        return self.doc[i] if i >= 0 and offset < self._ends[i] else None

    def token_after(self, offset: int) -> Token | None:
        while offset < len(self.text) and self.text[offset].isspace():
            offset += 1
        return self.token(offset)

    def paragraph_of(self, offset: int) -> int:
        return breaks_before(self.text, offset)
