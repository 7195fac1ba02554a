"""Finding the figures an article claims: counts, money, percentages, ages, durations, ranges.

A figure is read outward from a number: the qualifier and currency sign written before it, then a
range tail (``figure_ranges``), then its unit (``figure_units``: currency name, percent, "years
old", a time unit or the counted noun). Numbers that only name or date something (years, dates,
times, ordinals, article numbers, phone numbers, numbers inside names) are dropped
(``figure_context`` masks, ``figure_exclusions``), and so is a bare "one"/"a", which in news text
is almost always a pronoun or an article rather than a claim. Word lists live in ``rules/``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ...records import Figure
from ..base.rules import Rules, load_rules
from .currencies import local_currencies
from .figure_context import Draft, FigureContext, UnitKind
from .figure_exclusions import is_excluded, is_identifier
from .figure_patterns import candidate_starts
from .figure_ranges import read_fraction, read_range, read_ratio
from .figure_units import read_unit
from .numbers import read_number, read_scaled_fraction

RATE_PERIODS = "year|month|week|day|hour"
LETTER_SIGN_MIN = 1000  # "P2 million", "P500,000" are pesos; "P6" (a school grade) is a code
_RATE_RE = re.compile(rf"\s+(?:a|an|per|each|every)\s+(?:{RATE_PERIODS})\b", re.IGNORECASE)


def find_figures(doc: Doc, *, rules: Rules | None = None) -> list[Figure]:
    """All figures in the text of ``doc``, sorted by start and non-overlapping.

    ``doc`` is the parsed article body. Claimant and quote index are left ``None``: the pipeline
    assigns them from quote spans. Every figure's ``text == doc.text[start:end]``. ``rules``
    defaults to ``load_rules()`` (this is an entry point, called alone by tests and tools).
    """
    rules = rules or load_rules()
    context = FigureContext(doc, rules)
    drafts: list[Draft] = []
    covered_until = 0
    for start in candidate_starts(context.text, context.patterns):
        if start < covered_until or context.masked[start]:
            continue
        draft = _read_figure(context, start, drafts)
        if draft is None:
            continue
        drafts.append(draft)
        covered_until = draft.end
    local = local_currencies(context.text, rules)
    figures = [_to_figure(context.text, draft, local) for draft in drafts]
    return _without_overlaps(figures)


def _to_figure(text: str, draft: Draft, local: dict[str, str]) -> Figure:
    return Figure(
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        value=draft.value,
        value_max=draft.value_max,
        qualifier=draft.qualifier.lower() if draft.qualifier else None,
        unit=local.get(draft.unit, draft.unit) if draft.unit else draft.unit,
    )


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    for figure in sorted(figures, key=lambda f: (f.start, -f.end)):
        if kept and figure.start < kept[-1].end:
            continue
        kept.append(figure)
    return kept


def _letter_code(text: str, prefix: re.Match[str], value: float) -> bool:
    """A one-letter currency sign glued to a small number: a code or grade, not an amount."""
    return len(prefix.group("sym")) == 1 and prefix.group("sym").isalpha() and value < LETTER_SIGN_MIN


def _read_figure(context: FigureContext, pos: int, earlier: list[Draft]) -> Draft | None:
    """Read the figure whose number starts at ``pos``, or None when it is no figure."""
    text, rules, patterns = context.text, context.rules, context.patterns
    scaled = read_scaled_fraction(text, pos, rules)
    fraction = read_fraction(context, pos) if scaled is None else None
    if fraction is not None:
        return fraction
    number = (*scaled, True) if scaled is not None else read_number(text, pos, rules)
    if number is None:
        article = patterns.a_time.match(text, pos)
        if article is None:
            return None
        number = (1.0, article.end(), True)
    value, end, in_words = number
    if not in_words and is_identifier(text, pos, end, patterns):
        return None
    start = pos
    unit: str | None = None
    kind = UnitKind.BARE
    prefix = patterns.currency_prefix.search(text, max(0, pos - 4), pos)
    if prefix and not in_words and _letter_code(text, prefix, value):
        return None  # "P6 pupils", "P4": a one-letter sign before a small number is a code
    if prefix and not in_words:
        unit, kind, start = rules.currency_symbols[prefix.group("sym")], UnitKind.MONEY, prefix.start()
    qualifier_match = patterns.qualifier.search(text, max(0, start - 20), start)
    qualifier = qualifier_match.group("q") if qualifier_match else None
    if qualifier_match:
        start = qualifier_match.start("q")
    draft = Draft(start, end, value, None, qualifier, unit, kind, in_words, numeral_start=pos)
    ratio = read_ratio(context, draft)
    if ratio is not None:
        draft = ratio
    else:
        draft = read_range(context, draft)
        draft = read_unit(context, draft, earlier)
    if is_excluded(context, draft, pos):
        return None
    if draft.kind in {UnitKind.MONEY, UnitKind.INHERITED, UnitKind.PERCENT}:
        rate = _RATE_RE.match(text, draft.end)
        if rate:
            draft = replace(draft, end=rate.end())
    return draft
