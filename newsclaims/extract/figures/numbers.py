"""Reading numbers as written in English news text: digits, number words, scales and fractions.

Kept apart from figure detection so the arithmetic ("1.2 billion", "three dozen",
"one hundred and twenty", "two-thirds") can be tested on its own and reused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..base.rules import Rules

DIGITS_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def is_digits(word: str) -> bool:
    """True for a plain written number: "45", "1,200", "2.5", "40,000.75"."""
    return bool(DIGITS_RE.match(word))


def parse_digits(word: str) -> float:
    """The value of a digit string with thousands commas ("1,140" -> 1140.0)."""
    return float(word.replace(",", ""))


def word_value(word: str, rules: Rules) -> int | None:
    """Value of one number word below a hundred, hyphenated or not ("Fourteen", "twenty-five")."""
    units, tens = rules.number_units, rules.number_tens
    low = word.lower()
    if low in units:
        return units[low]
    if low in tens:
        return tens[low]
    head, sep, tail = low.partition("-")
    if sep and head in tens and tail in units and 0 < units[tail] < 10:
        return tens[head] + units[tail]
    return None


def parse_number_words(words: Sequence[str], rules: Rules) -> tuple[float, int] | None:
    """Read the longest number spelt in words from the start of ``words``.

    Handles "three", "twenty-five", "one hundred and twenty", "three dozen", "two million",
    "a dozen", "a hundred". Returns (value, words consumed), or None when words[0] starts no number.
    A trailing "and" is never consumed.
    """
    scales = rules.number_scales
    total = 0.0
    current = 0.0
    used = 0
    seen_number = False
    i = 0
    if (
        words
        and words[0].lower() in rules.indefinite_articles
        and len(words) > 1
        and words[1].lower() in scales
    ):
        current, i, seen_number, used = 1.0, 1, True, 1
    while i < len(words):
        low = words[i].lower()
        value = word_value(low, rules)
        if value is not None:
            current += value
            seen_number = True
        elif low in scales and seen_number:
            scale = scales[low]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0.0
            else:
                current = (current or 1) * scale
        elif (
            low == "and"
            and seen_number
            and i + 1 < len(words)
            and word_value(words[i + 1], rules) is not None
        ):
            i += 1
            continue
        else:
            break
        i += 1
        used = i
    if not seen_number:
        return None
    return total + current, used


def fraction_value(numerator: float, denominator: float) -> float:
    """A proportion in percent, to one decimal: (1, 3) -> 33.3, (1, 4) -> 25.0."""
    return round(numerator * 100 / denominator, 1)


_DIGITS_AT = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?")
_WORD_AT = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_GAP = re.compile(r"[ \t]+")
_SCALE_AFTER_DIGITS = re.compile(
    r"(?:[ \t]+(?P<word>hundred|thousand|million|billion|trillion|dozen|lakhs?|crores?)\b"
    r"|(?P<suffix>k|m|mn|bn)\b)",
    re.IGNORECASE,
)


_SCALED_FRACTION = re.compile(
    r"(?:(?P<num>an?|one|two|three)[\s-]+)?(?P<den>half|thirds?|quarters?)[ \t]+(?:of[ \t]+)?an?[ \t]+"
    r"(?P<scale>hundred|thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)


def read_scaled_fraction(text: str, pos: int, rules: Rules) -> tuple[float, int] | None:
    """ "half a billion" -> 500000000, "three quarters of a million" -> 750000: (value, end)."""
    match = _SCALED_FRACTION.match(text, pos)
    if not match:
        return None
    num_word = (match.group("num") or "a").lower()
    numerator = 1 if num_word in rules.indefinite_articles else rules.number_units[num_word]
    denominator = rules.denominators[match.group("den").lower()]
    if numerator >= denominator:
        return None
    return numerator * rules.number_scales[match.group("scale").lower()] / denominator, match.end()


def read_number(text: str, pos: int, rules: Rules) -> tuple[float, int, bool] | None:
    """Read the number written at ``text[pos:]``: digits with an optional scale, or number words.

    Returns (value, end offset, spelt_in_words), or None when no number starts at ``pos``.
    "2.5 million" -> 2500000; "4m" -> 4000000; "three dozen" -> 36; "a dozen" -> 12.
    """
    digits = _DIGITS_AT.match(text, pos)
    if digits:
        value = parse_digits(digits.group())
        end = digits.end()
        scale = _SCALE_AFTER_DIGITS.match(text, end)
        if scale:
            key = (scale.group("word") or scale.group("suffix")).lower()
            value *= rules.number_scales.get(key) or rules.scale_suffixes[key]
            end = scale.end()
        return value, end, False
    words: list[re.Match[str]] = []
    cursor = pos
    while len(words) < 8:
        word = _WORD_AT.match(text, cursor)
        if not word:
            break
        words.append(word)
        gap = _GAP.match(text, word.end())
        if not gap:
            break
        cursor = gap.end()
    parsed = parse_number_words([w.group() for w in words], rules)
    if parsed is None:
        head = words[0].group().split("-", 1)[0] if words else ""
        value = word_value(head, rules)
        # A number word opening a hyphenated modifier: "two-day", "three-year-old".
        return None if value is None or head == words[0].group() else (float(value), pos + len(head), True)
    value, used = parsed
    return value, words[used - 1].end(), True
