"""The figure regexes built from ``Rules`` word lists, compiled once per ``Rules`` value.

Currency signs and names, time units, qualifiers and number words come from ``rules/``; the
patterns that alternate over them are built here instead of at import, so a ``Rules`` value with
other lists gets patterns of its own. ``figure_patterns`` caches on the (identity-hashed) value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..base.rules import Rules


def alternation(forms: list[str]) -> str:
    """A regex alternation of ``forms``, longest first so that a longer form wins over its prefix."""
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


@dataclass(frozen=True)
class FigurePatterns:
    """Compiled patterns over the figure word lists, and the lookups derived from them."""

    candidate_words: frozenset[str]  # number words a figure may start with, lower case
    qualifier: re.Pattern[str]  # "at least", "nearly" ending right before a number
    fraction: re.Pattern[str]  # "a third", "two-thirds"
    currency_prefix: re.Pattern[str]  # a currency sign ending right before a number
    currency_prefix_at: re.Pattern[str]  # a currency sign starting at an offset
    currency_name: re.Pattern[str]  # a currency name after a number ("500,000 pesos")
    hyphen_time: re.Pattern[str]  # "24-hour"
    time: re.Pattern[str]  # " days", " years"
    a_time: re.Pattern[str]  # the "a" of "a year", "an hour"
    time_plurals: dict[str, str]  # time unit written (singular or plural) -> plural


# A digit not preceded by a digit, "." or ",": the first digit of a numeral. Digit first, so the
# regex engine skips ahead to digits.
_NUMERAL_START = re.compile(r"\d(?<![\d.,]\d)")
_WORD_RUN = re.compile(r"[^\W\d_]+")  # letters only
_WORD = re.compile(r"\w+")


def candidate_starts(text: str, patterns: FigurePatterns) -> list[int]:
    """Offsets where a figure may start, in order: the first digit of a numeral, and every whole
    word (a maximal run of word characters) that is a number word, an article ("a year") or a
    fraction word, in any case.

    The same offsets as ``(?<![\\d.,])\\d|\\b(?:one|two|…)\\b`` under IGNORECASE: the words are
    letters only, so a match is exactly a whole word. That regex tried its alternation at every
    character and was a quarter of figure time; these two scans skip ahead.
    """
    words = patterns.candidate_words
    starts = [m.start() for m in _NUMERAL_START.finditer(text)]
    starts += [m.start() for m in _WORD.finditer(text) if m.group().lower() in words]
    starts.sort()
    return starts


@lru_cache(maxsize=4)
def figure_patterns(rules: Rules) -> FigurePatterns:
    """The patterns of ``rules`` (cached: compiled once per ``Rules`` value)."""
    time_units = rules.unit_time
    time_plurals = {plural: plural for plural in time_units.values()} | time_units
    candidate_words = frozenset(
        w.lower()
        for w in [*rules.number_units, *rules.number_tens, *rules.indefinite_articles, *rules.denominators]
    )
    if not all(_WORD_RUN.fullmatch(w) for w in candidate_words):
        raise ValueError("candidate number words must be single words of letters (see candidate_starts)")
    numerators = "|".join(["a", "an", *rules.number_units])
    symbols = alternation(list(rules.currency_symbols))
    return FigurePatterns(
        candidate_words=candidate_words,
        qualifier=re.compile(
            rf"(?<![\w'’-])(?:an?\s+)?(?P<q>{alternation(list(rules.figure_qualifiers))})\s+$", re.IGNORECASE
        ),
        fraction=re.compile(
            rf"(?:(?P<num>{numerators})[\s-]+)?(?P<den>{'|'.join(rules.denominators)})\b(?!-)", re.IGNORECASE
        ),
        currency_prefix=re.compile(rf"(?<![A-Za-z])(?P<sym>{symbols}) ?$"),
        currency_prefix_at=re.compile(rf"(?:{symbols}) ?"),
        currency_name=re.compile(
            rf"(?:\s+|-)(?P<name>{alternation(list(rules.currency_names))})\b", re.IGNORECASE
        ),
        hyphen_time=re.compile(rf"-(?P<unit>{alternation(list(time_units))})\b(?!-)", re.IGNORECASE),
        time=re.compile(rf"\s+(?P<unit>{alternation(list(time_plurals))})\b", re.IGNORECASE),
        a_time=re.compile(rf"an?(?=\s+(?:{alternation(list(time_units))})\b)", re.IGNORECASE),
        time_plurals=time_plurals,
    )
