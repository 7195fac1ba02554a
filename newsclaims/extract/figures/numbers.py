"""Reading numbers as written in English news text: digits, number words, scales and fractions.

Kept apart from figure detection so the arithmetic ("1.2 billion", "three dozen",
"one hundred and twenty", "two-thirds") can be tested on its own and reused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,  # South Asian scales: "Rs 5 lakh", "Tk 2.5 crore"
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
# Scale abbreviations glued to digits: "4m", "2.5bn", "300k".
SCALE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
# Denominator words of fractions, singular and plural: "a third", "two-thirds", "three quarters".
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}

DIGITS_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def is_digits(word: str) -> bool:
    """True for a plain written number: "45", "1,200", "2.5", "40,000.75"."""
    return bool(DIGITS_RE.match(word))


def parse_digits(word: str) -> float:
    """The value of a digit string with thousands commas ("1,140" -> 1140.0)."""
    return float(word.replace(",", ""))


def word_value(word: str) -> int | None:
    """Value of one number word below a hundred, hyphenated or not ("Fourteen", "twenty-five")."""
    low = word.lower()
    if low in UNITS:
        return UNITS[low]
    if low in TENS:
        return TENS[low]
    head, sep, tail = low.partition("-")
    if sep and head in TENS and tail in UNITS and 0 < UNITS[tail] < 10:
        return TENS[head] + UNITS[tail]
    return None


def parse_number_words(words: Sequence[str]) -> tuple[float, int] | None:
    """Read the longest number spelt in words from the start of ``words``.

    Handles "three", "twenty-five", "one hundred and twenty", "three dozen", "two million",
    "a dozen", "a hundred". Returns (value, words consumed), or None when words[0] starts no number.
    A trailing "and" is never consumed.
    """
    total = 0.0
    current = 0.0
    used = 0
    seen_number = False
    i = 0
    if words and words[0].lower() in {"a", "an"} and len(words) > 1 and words[1].lower() in SCALES:
        current, i, seen_number, used = 1.0, 1, True, 1
    while i < len(words):
        low = words[i].lower()
        value = word_value(low)
        if value is not None:
            current += value
            seen_number = True
        elif low in SCALES and seen_number:
            scale = SCALES[low]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0.0
            else:
                current = (current or 1) * scale
        elif low == "and" and seen_number and i + 1 < len(words) and word_value(words[i + 1]) is not None:
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


def read_scaled_fraction(text: str, pos: int) -> tuple[float, int] | None:
    """ "half a billion" -> 500000000, "three quarters of a million" -> 750000: (value, end)."""
    match = _SCALED_FRACTION.match(text, pos)
    if not match:
        return None
    num_word = (match.group("num") or "a").lower()
    numerator = 1 if num_word in {"a", "an"} else UNITS[num_word]
    denominator = DENOMINATORS[match.group("den").lower()]
    if numerator >= denominator:
        return None
    return numerator * SCALES[match.group("scale").lower()] / denominator, match.end()


def read_number(text: str, pos: int) -> tuple[float, int, bool] | None:
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
            value *= SCALES.get(key) or SCALE_SUFFIXES[key]
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
    parsed = parse_number_words([w.group() for w in words])
    if parsed is None:
        head = words[0].group().split("-", 1)[0] if words else ""
        value = word_value(head)
        # A number word opening a hyphenated modifier: "two-day", "three-year-old".
        return None if value is None or head == words[0].group() else (float(value), pos + len(head), True)
    value, used = parsed
    return value, words[used - 1].end(), True
