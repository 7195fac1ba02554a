"""The text figures are read from: where a figure may start, which spans never hold one, and the
``Draft`` record every reader extends.

Masked spans (dates, times, URLs, phone numbers, codes, ordinals) are marked once per document so
no reader has to re-check them; a candidate is any digit or number word outside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Token

from ..base.rules import Rules
from ..base.textindex import breaks_before, doc_text
from .figure_patterns import figure_patterns

# Spans whose digits are no figures. The digit-led ones start with the digit and check the word
# boundary behind it ("\d(?<!\w\d)" is "\b\d"), so the regex engine skips ahead to digits
# instead of trying every position: the same matches in about half the time.
_MASKS = (
    re.compile(r"\d(?<!\w\d)\d{3}[-/.]\d{1,2}[-/.]\d{1,2}\b"),  # ISO dates
    re.compile(r"\d(?<!\w\d)\d?[-/.]\d{1,2}[-/.]\d{2,4}\b"),  # 14/06/2023
    re.compile(r"\d(?<!\w\d)(?:\d?:\d{2}(?!\d)|\d?\.\d{2}\s*[ap]\.?m\b)", re.IGNORECASE),  # times
    re.compile(r"\d(?<!\w\d)\d?\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)", re.IGNORECASE),
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|org|net|gov|example)\S*"),
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
        # Filled a slice at a time: a loop per character was a tenth of all extraction time.
        self.token_at: list[int] = [-1] * (len(self.text) + 1)
        for token in doc:
            self.token_at[token.idx : token.idx + len(token)] = [token.i] * len(token)
        self.masked = [False] * (len(self.text) + 1)
        for pattern in _MASKS:
            for match in pattern.finditer(self.text):
                self.masked[match.start() : match.end()] = [True] * (match.end() - match.start())

    def token(self, offset: int) -> Token | None:
        index = self.token_at[offset] if 0 <= offset < len(self.text) else -1
        return self.doc[index] if index >= 0 else None

    def token_after(self, offset: int) -> Token | None:
        while offset < len(self.text) and self.text[offset].isspace():
            offset += 1
        return self.token(offset)

    def paragraph_of(self, offset: int) -> int:
        return breaks_before(self.text, offset)
