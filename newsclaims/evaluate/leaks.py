"""Leaks: predicted items that hold a string the gold file says must not appear.

Checked per kind: ``quotes_that_must_not_appear`` against predicted quote texts,
``people_/organisations_that_must_not_appear`` against every predicted person or organisation
name, acronym and alias (an organisation mislabelled as a person is still a leak), and
``figures_that_must_not_appear`` against predicted figure texts. Cross-kind checks would be
wrong: "2008" is a must-not figure yet sits inside a correct gold quote. "Found in" is
``matching.leaks_into``. A predicted item that matches a gold item by the matching rules (a
quote, a figure; for names, the name itself equals a gold name or alias) is never a leak: the
gold README promises must-not strings are not inside gold texts, so such a hit can only be a
legitimate word the two share.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .gold import entity_names
from .matching import figure_matches, leaks_into, normalise
from .predictions import Prediction


def _leak(kind: str, text: str, must_nots: Iterable[str]) -> list[str]:
    """One leak line for a predicted item hit by any must-not string, else none."""
    hits = [m for m in must_nots if leaks_into(text, m)]
    return [f"{kind} {text!r} (must not: {', '.join(map(repr, hits))})"] if hits else []


def find_leaks(
    prediction: Prediction, gold: Mapping[str, Any], matched_quotes: frozenset[int]
) -> tuple[str, ...]:
    """One line per leaking predicted item (an entity leaks once, whichever of its names hit)."""
    found: list[str] = []
    must_not_quotes = gold.get("quotes_that_must_not_appear") or []
    for i, quote in enumerate(prediction.quotes):
        if i not in matched_quotes:
            found += _leak("quote", quote.text, must_not_quotes)

    gold_names = {
        normalise(n)
        for pool in ("people", "organisations")
        for e in gold.get(pool) or []
        for n in entity_names(e)
    }
    must_not_names = [
        *(gold.get("people_that_must_not_appear") or []),
        *(gold.get("organisations_that_must_not_appear") or []),
    ]
    for kind, entities in (("person", prediction.people), ("organisation", prediction.organisations)):
        for entity in entities:
            leaking = [_leak(kind, n, must_not_names) for n in entity if n and normalise(n) not in gold_names]
            found += next((line for line in leaking if line), [])

    gold_figures = gold.get("figures") or []
    must_not_figures = gold.get("figures_that_must_not_appear") or []
    for figure in prediction.figures:
        if not any(figure_matches(figure, g) for g in gold_figures):
            found += _leak("figure", figure.text, must_not_figures)
    return tuple(found)
