"""Dates to ISO 8601 (``YYYY-MM-DD``), only when the text is unambiguous.

ISO dates and datetimes keep their date part (the publication's local date). Printed dates
need a month name ("14 June 2023", "June 14, 2023"); all-numeric day/month forms such as
"03/04/2023" are ambiguous and give ``None`` rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ISO = re.compile(
    r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$",
    re.IGNORECASE,
)
_PRINTED_FORMS = (rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}", rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}")
_PRINTED = tuple(re.compile(rf"\b{form}\b", re.IGNORECASE) for form in _PRINTED_FORMS)
_PRINTED_WHOLE = tuple(re.compile(rf"^{_WEEKDAY}{form}$", re.IGNORECASE) for form in _PRINTED_FORMS)


def parse_date(text: str) -> str | None:
    """ISO date for a string that is entirely one date, or ``None`` (not a date, or invalid)."""
    value = " ".join(text.split())
    match = _ISO.match(value)
    if match is None:
        match = next((m for p in _PRINTED_WHOLE if (m := p.match(value))), None)
    return _to_iso(match) if match else None


def find_date(text: str) -> str | None:
    """ISO date of the first unambiguous date inside ``text`` (ISO or with a month name)."""
    value = " ".join(text.split())
    for word in value.split():
        if (match := _ISO.match(word.rstrip(",;"))) and (iso := _to_iso(match)):
            return iso
    for pattern in _PRINTED:
        for match in pattern.finditer(value):
            if iso := _to_iso(match):
                return iso
    return None


def require_date(value: str) -> str:
    """``parse_date`` for metadata the user wrote: a value that is no valid date is an error.

    :raises ValueError: with the reason "invalid published date '...'".
    """
    iso = parse_date(value)
    if iso is None:
        raise ValueError(f"invalid published date '{value}' (expected YYYY-MM-DD)")
    return iso


def _to_iso(match: re.Match[str]) -> str | None:
    month = match["month"]
    number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    try:
        return dt.date(int(match["year"]), number, int(match["day"])).isoformat()
    except ValueError:
        return None
