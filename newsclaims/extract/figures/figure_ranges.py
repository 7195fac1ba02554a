"""The shape of a figure around its number: the qualifier before it ("more than", "nearly"), a
range ("between 30 and 40", "16-20"), a ratio ("one in four") or a fraction ("two-thirds").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..base.labels import VERB_POS
from .figure_context import Draft, FigureContext, UnitKind
from .figure_exclusions import YEAR_RE, is_identifier
from .figure_units import AGE_RE, noun_run
from .numbers import fraction_value, read_number, word_value

MAX_RATIO_NUMERATOR = 99
_RATIO_RE = re.compile(r"(?:\s+(?P<noun>[a-z]+))?\s+(?:in|out\s+of)\s+", re.IGNORECASE)
_BETWEEN_LINK_RE = re.compile(r"\s+and\s+")
_RANGE_LINK_RE = re.compile(r"[-–]|\s+[-–]\s+|\s+(?:to|or)\s+")
_SCALE_WORD_RE = re.compile(
    r"(?<=[\d\s])(?:thousand|million|billion|trillion|lakhs?|crores?|bn|mn|m|k)\b", re.IGNORECASE
)
_FRACTION_FOLLOW_RE = re.compile(
    r"\s+(?:of|the|their|its|his|her|our|them|those|these|all)\b|\s*[.,;:!?)”\"']|\s*$", re.I
)


def read_fraction(context: FigureContext, pos: int) -> Draft | None:
    """'half', 'a third', 'two-thirds', 'a quarter' as percent, when used as a proportion."""
    text, rules, patterns = context.text, context.rules, context.patterns
    match = patterns.fraction.match(text, pos)
    if not match:
        return None
    den_word = match.group("den").lower()
    num_word = (match.group("num") or "").lower()
    if not num_word and den_word != "half":
        return None
    numerator = 1 if not num_word or num_word in rules.indefinite_articles else word_value(num_word, rules)
    if numerator is None or numerator >= rules.denominators[den_word]:
        return None
    qualifier_match = patterns.qualifier.search(text, max(0, pos - 20), pos)
    if numerator == 1 and not _is_proportion(context, pos, match.end(), has_qualifier=bool(qualifier_match)):
        return None
    start = qualifier_match.start("q") if qualifier_match else pos
    qualifier = qualifier_match.group("q") if qualifier_match else None
    value = fraction_value(numerator, rules.denominators[den_word])
    return Draft(start, match.end(), value, qualifier=qualifier, unit="percent", kind=UnitKind.PERCENT)


def _is_proportion(context: FigureContext, start: int, end: int, *, has_qualifier: bool) -> bool:
    """Whether 'half' / 'a third' / 'a quarter' is a share of something, not 'the first half',
    'a year and a half', 'a third compound' or 'a quarter century'."""
    before = context.text[max(0, start - 12) : start].lower().split()
    den = context.patterns.fraction.match(context.text, start)
    half = den is not None and den.group("den").lower() in context.rules.half_denominators
    if before and before[-1] in context.rules.fraction_blockers and (before[-1] != "and" or half):
        return False  # "a year and a half", but "… and a third involved forced marriage"
    if has_qualifier or _FRACTION_FOLLOW_RE.match(context.text, end):
        return True
    following = context.token_after(end)
    return following is not None and following.pos_ in VERB_POS


def read_ratio(context: FigureContext, draft: Draft) -> Draft | None:
    """'one in four', 'fewer than one in ten boats', '1 in 3', 'one family in five' as percent."""
    text = context.text
    link = _RATIO_RE.match(text, draft.end)
    if not link or draft.kind != UnitKind.BARE or draft.value > MAX_RATIO_NUMERATOR:
        return None
    if YEAR_RE.match(text, link.end()):
        return None
    if link.group("noun"):  # "one family in five": only a singular count noun may come between
        noun = context.token(link.start("noun"))
        if noun is None or noun.tag_ != "NN":
            return None
    second = read_number(text, link.end(), context.rules)
    if second is None or second[0] <= draft.value or second[0] < 2:
        return None
    if context.patterns.time.match(text, second[1]) or AGE_RE.match(text, second[1]):
        return None
    end = second[1]
    head = noun_run(context, end)
    if head is not None:
        end = head[1]
    value = fraction_value(draft.value, second[0])
    return replace(draft, end=end, value=value, unit="percent", kind=UnitKind.PERCENT)


def read_range(context: FigureContext, draft: Draft) -> Draft:
    """Upper bound of 'between 30 and 40', '16-20', 'seven or eight', '4 million or 5 million';
    a bare lower bound takes the upper one's scale word ('between 2 and 3 million')."""
    text, rules = context.text, context.rules
    between = (draft.qualifier or "").lower() == "between"
    link = (_BETWEEN_LINK_RE if between else _RANGE_LINK_RE).match(text, draft.end)
    if not link:
        return draft
    cursor = link.end()
    prefix = context.patterns.currency_prefix_at.match(text, cursor)
    if prefix and draft.kind == UnitKind.MONEY:
        cursor = prefix.end()
    second = read_number(text, cursor, rules)
    if second is None or (second[2] != draft.in_words and not between):  # "between six and 14"
        return draft
    high, end, _ = second
    low = draft.value
    scale = _SCALE_WORD_RE.search(text, cursor, end)
    if scale and not _SCALE_WORD_RE.search(text, draft.numeral_start, draft.end):
        factor = rules.number_scales.get(scale.group().lower()) or rules.scale_suffixes[scale.group().lower()]
        if low < high / factor:
            low *= factor
    if not low < high or is_identifier(text, cursor, end, context.patterns, check_before=False):
        return draft
    return replace(draft, value=low, value_max=high, end=end)
