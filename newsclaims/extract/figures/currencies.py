"""Currencies: which country's currency a name shared by several countries means in a given article.

The signs written before an amount and the names written after it are ``Rules`` lists
(``currency_symbols``, ``currency_names``), matched by ``figure_patterns``.
"""

from __future__ import annotations

from ..base.rules import Rules


def local_currencies(text: str, rules: Rules) -> dict[str, str]:
    """Codes of currencies named alike in several countries, read for the article's country:
    "Rs" and "rupees" are Nepali rupees in a story about Nepal, Indian ones by default."""
    out = {}
    for code, countries in rules.shared_currency_names.items():
        counts = {alt: sum(text.count(w) for w in words) for alt, words in countries.items()}
        best = max(counts, key=lambda alt: counts[alt])
        if counts[best] > 0:
            out[code] = best
    return out
