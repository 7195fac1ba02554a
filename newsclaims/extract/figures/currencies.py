"""Currencies: the signs written before an amount, the names written after it, and which country's
currency a name shared by several countries means in a given article.
"""

from __future__ import annotations

import re

from .figure_rules import alternation, load_rule_table

CURRENCY_SYMBOLS = load_rule_table("currency_symbols.txt")
# A currency code read from a name several countries share -> the code of each country, with the
# words that say the story is about it ("India" keeps INR when it is named more often).
SHARED_CURRENCY_NAMES = {
    "INR": {
        "INR": ("India", "Indian"),
        "NPR": ("Nepal", "Kathmandu"),
        "PKR": ("Pakistan",),
        "LKR": ("Sri Lanka",),
    },
}
CURRENCY_NAMES = {name.lower(): code for name, code in load_rule_table("currency_names.txt").items()}
PREFIX_RE = re.compile(rf"(?<![A-Za-z])(?P<sym>{alternation(list(CURRENCY_SYMBOLS))}) ?$")
PREFIX_AT_RE = re.compile(rf"(?:{alternation(list(CURRENCY_SYMBOLS))}) ?")
CURRENCY_NAME_RE = re.compile(rf"(?:\s+|-)(?P<name>{alternation(list(CURRENCY_NAMES))})\b", re.IGNORECASE)


def local_currencies(text: str) -> dict[str, str]:
    """Codes of currencies named alike in several countries, read for the article's country:
    "Rs" and "rupees" are Nepali rupees in a story about Nepal, Indian ones by default."""
    out = {}
    for code, countries in SHARED_CURRENCY_NAMES.items():
        counts = {alt: sum(text.count(w) for w in words) for alt, words in countries.items()}
        best = max(counts, key=lambda alt: counts[alt])
        if counts[best] > 0:
            out[code] = best
    return out
