"""Numbers that are no claims: years, dates, labels ("Article 5", "Route 9"), numbers inside names,
codes glued to letters, and bare numbers whose unit was never found.
"""

from __future__ import annotations

import re

from ..base.labels import NAME_LABELS, PROPER_NOUN_TAGS
from ..base.rules import Rules
from .figure_context import Draft, FigureContext, UnitKind
from .figure_patterns import FigurePatterns

PERIOD_OF_RE = re.compile(r"\s+of\s+(?:the|this|last|that|\d{4})\b", re.IGNORECASE)
YEAR_RE = re.compile(r"(?:18|19|20)\d\d(?![\d,.]?\d)")


def is_excluded(context: FigureContext, draft: Draft, pos: int) -> bool:
    """Numbers that date, time, order or name something, and bare or pronoun-like ones."""
    text, rules = context.text, context.rules
    if draft.kind in {UnitKind.BARE, UnitKind.AGO} or (draft.kind == UnitKind.PRONOUN and draft.unit is None):
        return True
    if draft.in_words and draft.value == 1 and draft.value_max is None:
        return not (draft.qualifier and draft.kind in {UnitKind.TIME, UnitKind.PERCENT})
    if is_year(text, pos, draft):
        return True
    before_words = text[max(0, pos - 16) : pos].split()
    if _is_date_part(text, pos, draft, before_words, rules):
        return True
    if _is_period(text, draft, before_words, rules) or _is_availability(context, draft):
        return True
    if before_words and before_words[-1].lower() in rules.figure_label_words:
        word = before_words[-1]
        if word[:1].isupper() or draft.kind not in {UnitKind.NOUN, UnitKind.TIME}:
            return True
    token = context.token(pos)
    if token is not None and token.ent_type_ in NAME_LABELS:
        entity = next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)
        if entity is not None and any(t.tag_ in PROPER_NOUN_TAGS for t in entity if t.i != token.i):
            return True
    return False


def _is_period(text: str, draft: Draft, before_words: list[str], rules: Rules) -> bool:
    """ "in the first nine months of the year": the period a count covers, not a claim of its own
    (unlike "the first 48 hours" after a rescue)."""
    return (
        draft.kind == UnitKind.TIME
        and bool(before_words)
        and before_words[-1].lower() in rules.period_words
        and PERIOD_OF_RE.match(text, draft.end) is not None
    )


def _is_availability(context: FigureContext, draft: Draft) -> bool:
    """ "a 24-hour hotline", "a seven-day legal aid desk": a hyphenated span of time modifying a
    service says when it is open, not an amount ("16-hour shifts", "a three-day trek" stay figures)."""
    span = context.text[draft.numeral_start : draft.end]
    hyphen = span.find("-")
    if draft.kind != UnitKind.TIME or draft.value_max is not None or hyphen < 0:
        return False
    unit = context.token(draft.numeral_start + hyphen + 1)
    if unit is None or unit.head is unit or unit.head.i < unit.i:
        return False
    nouns = context.rules.figure_availability_nouns
    return unit.head.lemma_.lower() in nouns or unit.head.lower_ in nouns


def _is_date_part(text: str, pos: int, draft: Draft, before_words: list[str], rules: Rules) -> bool:
    """A day number beside a month name: 'March 12', '14 June 2023' (not 'in March 300 workers')."""
    if draft.kind == UnitKind.NOUN or draft.value_max is not None or not 1 <= draft.value <= 31:
        return False
    if before_words and before_words[-1].lower().rstrip(",") in rules.figure_date_words:
        return True
    after = text[pos : pos + 20].split()
    return (
        len(after) > 1 and after[1][:1].isupper() and after[1].lower().strip(",.") in rules.figure_date_words
    )


def is_year(text: str, pos: int, draft: Draft) -> bool:
    """A four-digit number in 1800-2099 that counts nothing: '2009', 'in 2016', 'a 2012 regulation'."""
    if not YEAR_RE.match(text, pos) or draft.kind not in {
        UnitKind.NOUN,
        UnitKind.BARE,
        UnitKind.PRONOUN,
        UnitKind.INHERITED,
    }:
        return False
    return not (draft.kind == UnitKind.NOUN and draft.value_max is None)


def is_identifier(
    text: str, start: int, end: int, patterns: FigurePatterns, *, check_before: bool = True
) -> bool:
    """Digits glued to letters or codes: "COVID-19", "MH370", "A4", "3G", "1990s", "#5", and
    sub-section numbers glued to a section's ("13(1)", "5(2)(b)")."""
    if end < len(text) and text[end].isalpha():
        return True
    if not check_before or start == 0:
        return False
    before = text[start - 1]
    if before.isalpha():
        return not patterns.currency_prefix.search(text, max(0, start - 4), start)
    glued = start >= 2 and (text[start - 2].isalnum() or text[start - 2] == ")")
    return before == "#" or (before in "-/" and glued) or (before == "(" and glued)
