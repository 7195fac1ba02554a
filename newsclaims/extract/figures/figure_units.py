"""What a number counts: a currency name, percent, an age, a time unit or the counted noun after
it, else a unit taken from context (an earlier amount's currency, "of them", "aged 41").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from ..base.labels import (
    COUNTED_NOUN_TAGS,
    DETERMINER_TAGS,
    NOMINAL_POS,
    NOUN_RUN_TAGS,
    PLURAL_TAGS,
    PREDICATE_DEPS,
    UNIT_NON_PERSON_ENTS,
)
from ..base.rules import Rules
from .figure_context import Draft, FigureContext, UnitKind
from .figure_exclusions import is_year

MAX_AGE = 110
_PERCENT_RE = re.compile(r"\s*%|\s+(?:percent|per\s+cent)\b|\s+(?P<points>percentage\s+points?)\b", re.I)
AGE_RE = re.compile(r"-years?-olds?\b|\s+years?\s+old\b|\s+years?\s+of\s+age\b", re.IGNORECASE)
_PRONOUN_PARTITIVE_RE = re.compile(r"\s+of\s+(?:them|those|these|whom|us)\b", re.IGNORECASE)
_PARTITIVE_RE = re.compile(r"\s+of\s+(?P<det>the|its|their|his|her|our|these|those)\s+", re.IGNORECASE)
_AGO_RE = re.compile(r"\s+(?:ago|earlier|previously)\b", re.IGNORECASE)  # a point in time, not a duration


def read_unit(context: FigureContext, draft: Draft, earlier: list[Draft]) -> Draft:
    """Extend a number over what it counts and name the unit."""
    text, end, rules, patterns = context.text, draft.end, context.rules, context.patterns
    if draft.kind == UnitKind.MONEY:
        return draft
    if match := patterns.currency_name.match(text, end):
        unit = rules.currency_names[match.group("name").lower()]
        return replace(draft, end=match.end(), unit=unit, kind=UnitKind.MONEY)
    if match := _PERCENT_RE.match(text, end):
        unit = "percentage points" if match.group("points") else "percent"
        return replace(draft, end=match.end(), unit=unit, kind=UnitKind.PERCENT)
    if match := AGE_RE.match(text, end):
        return replace(draft, end=match.end(), unit="years old", kind=UnitKind.AGE)
    if match := patterns.hyphen_time.match(text, end):
        unit = rules.unit_time[match.group("unit").lower()]
        noun = noun_run(context, match.end())
        return replace(draft, end=noun[1] if noun else match.end(), unit=unit, kind=UnitKind.TIME)
    if match := patterns.time.match(text, end):
        unit = patterns.time_plurals[match.group("unit").lower()]
        if _AGO_RE.match(text, match.end()):
            return replace(draft, kind=UnitKind.AGO)
        return _in_years(replace(draft, end=match.end(), unit=unit, kind=UnitKind.TIME), rules)
    if _age_limit(context, draft):
        return replace(draft, unit="years old", kind=UnitKind.AGE)
    if noun := noun_run(context, end):
        unit_start, unit_end = noun
        return replace(draft, end=unit_end, unit=text[unit_start:unit_end], kind=UnitKind.NOUN)
    if nationality := _nationality_after(context, end):
        return replace(
            draft, end=nationality.idx + len(nationality.text), unit=nationality.text, kind=UnitKind.NOUN
        )
    if match := _PRONOUN_PARTITIVE_RE.match(text, end):
        if named := noun_run(context, match.end()):  # "42 of them women"
            return replace(draft, end=named[1], unit=text[named[0] : named[1]], kind=UnitKind.NOUN)
        return replace(draft, unit=_antecedent_unit(context, draft, earlier), kind=UnitKind.PRONOUN)
    if match := _PARTITIVE_RE.match(text, end):
        noun = noun_run(context, match.end())
        if noun and not re.search(r"\d", text[match.end() : noun[1]]):
            definite = match.group("det").lower() in context.rules.partitive_definite_determiners
            new_end = noun[1] if definite else draft.end
            return replace(draft, end=new_end, unit=text[noun[0] : noun[1]], kind=UnitKind.NOUN)
        if noun:
            return replace(draft, unit=text[noun[0] : noun[1]], kind=UnitKind.NOUN)
    return _bare_unit(context, draft, earlier)


def _in_years(draft: Draft, rules: Rules) -> Draft:
    """ "more than a decade" is 10 years, "two decades" 20 years: durations in the unit gold uses."""
    factor = rules.years_per_unit.get(draft.unit or "")
    if factor is None:
        return draft
    high = draft.value_max * factor if draft.value_max is not None else None
    return replace(draft, value=draft.value * factor, value_max=high, unit="years")


def noun_run(context: FigureContext, offset: int) -> tuple[int, int] | None:
    """Char span of the counted noun phrase right after ``offset``: adjectives and nouns ending
    in a plural noun ('recruitment agencies', 'European hospital groups', 'gross tonnes')."""
    token = context.token_after(offset)
    if token is None or token.idx < offset:
        return None
    doc = context.doc
    run: list[Token] = []
    for candidate in doc[token.i : token.i + 6]:
        if not run and _is_mistagged_plural(candidate):
            run.append(candidate)
            break
        if candidate.tag_ in NOUN_RUN_TAGS or (
            candidate.tag_ == "CC"
            and run
            and candidate.i + 1 < len(doc)
            and doc[candidate.i + 1].tag_ in NOUN_RUN_TAGS
        ):
            if candidate.like_num or candidate.text[:1].isdigit():
                break
            run.append(candidate)
            continue
        break
    heads = [i for i, t in enumerate(run) if _is_plural_noun(t, context.rules)]
    if not heads:
        return None
    head = heads[-1]
    first = 0
    for i in range(head):
        if run[i].tag_ == "CC":
            first = i + 1
    if run[first].tag_ == "HYPH":
        first += 1
    return run[first].idx, run[head].idx + len(run[head].text)


def _nationality_after(context: FigureContext, offset: int) -> Token | None:
    """ "21 Chinese", "81 Vietnamese": a nationality noun counted by the number before it."""
    token = context.token_after(offset)
    if token is None or token.idx < offset or context.text[offset : token.idx].strip():
        return None
    return token if token.ent_type_ == "NORP" and token.text[:1].isupper() else None


def _is_plural_noun(token: Token, rules: Rules) -> bool:
    return (
        token.tag_ in PLURAL_TAGS
        or token.lower_ in rules.unit_plural_invariant
        or token.lower_ in rules.measure_units
        or _is_mistagged_plural(token)
    )


def _is_mistagged_plural(token: Token) -> bool:
    """A plural noun the tagger read as a verb after a determined number ('the 300 returnees her
    group surveyed'): a determiner before a number needs a noun after it, not a verb."""
    if token.tag_ != "VBZ" or not token.lower_.endswith("s") or token.i < 2:
        return False
    number, determiner = token.nbor(-1), token.nbor(-2)
    return number.tag_ == "CD" and determiner.tag_ in DETERMINER_TAGS


def _antecedent_unit(context: FigureContext, draft: Draft, earlier: list[Draft]) -> str | None:
    """What 'of them' refers to: the noun of the latest counted figure in this or the previous
    paragraph, else the nearest plural noun earlier in the sentence."""
    paragraph = context.paragraph_of(draft.start)
    for previous in reversed(earlier):
        if (
            previous.kind in {UnitKind.NOUN, UnitKind.ELLIPTICAL}
            and paragraph - context.paragraph_of(previous.start) <= 1
        ):
            return previous.unit
    token = context.token(draft.numeral_start)
    if token is None:
        return None
    for candidate in reversed(list(token.sent)[: token.i - token.sent.start]):
        if candidate.tag_ in PLURAL_TAGS:
            return candidate.text
    return None


def _bare_unit(context: FigureContext, draft: Draft, earlier: list[Draft]) -> Draft:
    """A number with nothing after it: an age from context, or an amount of a nearby currency."""
    text = context.text
    qualifier = (draft.qualifier or "").lower()
    before = text[max(0, draft.start - 40) : draft.start]
    if qualifier in context.rules.age_qualifiers or re.search(r"\bage[ds]?\s+$", before, re.IGNORECASE):
        return replace(draft, unit="years old", kind=UnitKind.AGE)
    if (
        qualifier in context.rules.age_bound_qualifiers
        and _after_be(context, draft.start)
        and draft.value < 100
    ):
        return replace(draft, unit="years old", kind=UnitKind.AGE)
    if (not draft.in_words and _is_apposed_age(context, draft)) or _is_stated_age(context, draft):
        return replace(draft, unit="years old", kind=UnitKind.AGE)
    if is_year(text, draft.numeral_start, draft):
        return draft
    return _elliptical_unit(context, draft, earlier)


def _elliptical_unit(context: FigureContext, draft: Draft, earlier: list[Draft]) -> Draft:
    """A bare number sharing the unit of the figure before it: '20,000 baht ... he owes 45,000'
    (same paragraph), 'nearly 500 people in 2015 and more than 700 in 2016' (same sentence)."""
    paragraph = context.paragraph_of(draft.start)
    token = context.token(draft.numeral_start)
    sentence_start = token.sent.start_char if token is not None else draft.start
    for previous in reversed(earlier):
        if context.paragraph_of(previous.start) != paragraph:
            break
        if previous.kind in {UnitKind.MONEY, UnitKind.INHERITED} and not draft.in_words:
            return replace(draft, unit=previous.unit, kind=UnitKind.INHERITED)
        if previous.kind in {UnitKind.NOUN, UnitKind.ELLIPTICAL} and previous.start >= sentence_start:
            return replace(draft, unit=previous.unit, kind=UnitKind.ELLIPTICAL)
    if token is not None and not draft.in_words:
        counted = _counted_in_sentence(context, token)
        if counted is not None:
            return replace(draft, unit=counted, kind=UnitKind.ELLIPTICAL)
    return draft


def _counted_in_sentence(context: FigureContext, number: Token) -> str | None:
    """The X of 'the number of X' / 'the total of X' earlier in the number's sentence."""
    for token in number.doc[number.sent.start : number.i]:
        if (
            token.lower_ in context.rules.count_heads
            and token.i + 1 < number.i
            and token.nbor(1).lower_ == "of"
        ):
            noun = noun_run(context, token.nbor(1).idx + 2)
            if noun is not None and noun[1] <= number.idx:
                return context.text[noun[0] : noun[1]]
    return None


def _age_limit(context: FigureContext, draft: Draft) -> bool:
    """ "children under 18 working in bars", "girls under 18.": "under/over N" right after a
    plural noun and not followed by a noun of its own is an age limit on those people, not a
    count of the next word ("firms under 50 employees" still counts employees)."""
    if (
        draft.qualifier is None
        or draft.qualifier.lower() not in context.rules.age_bound_qualifiers
        or draft.value_max is not None
    ):
        return False
    if draft.in_words or draft.value != int(draft.value) or not 0 < draft.value < 100:
        return False
    number = context.token(draft.numeral_start)
    if number is None or number.i < 2 or number.nbor(-1).lower_ != draft.qualifier.lower():
        return False
    person = number.nbor(-2)
    after = context.token_after(draft.end)
    participle = after is not None and after.lower_.endswith("ing")  # "under 15 selling flowers"
    counts_next = after is not None and after.tag_ in COUNTED_NOUN_TAGS and not participle
    return person.tag_ == "NNS" and person.text.isalpha() and not counts_next


def _after_be(context: FigureContext, offset: int) -> bool:
    words = context.text[max(0, offset - 12) : offset].split()
    return bool(words) and words[-1].lower() in context.rules.be_forms


def _is_apposed_age(context: FigureContext, draft: Draft) -> bool:
    """'Jocelyn Abad, 41,' and 'Phuc, now 24,': a small whole number set off after a name."""
    text = context.text
    if draft.value_max is not None or draft.value != int(draft.value) or not 0 < draft.value <= MAX_AGE:
        return False
    if not re.match(r"\s*[,)]", text[draft.end : draft.end + 3]):
        return False
    window = max(0, draft.start - 12)
    lead = re.search(r"[,(]\s*(?:now\s+|aged?\s+)?$", text[window : draft.start])
    if not lead:
        return False
    name = context.token(window + lead.start() - 1)
    return name is not None and (name.ent_type_ == "PERSON" or name.tag_ == "NNP")


def _is_stated_age(context: FigureContext, draft: Draft) -> bool:
    """ "Minh was 15 when he left", "she is 16", "Now 14, she says": a small whole number said of
    a person with "be", or "now N" before a personal pronoun."""
    if draft.value_max is not None or draft.value != int(draft.value) or not 0 < draft.value <= MAX_AGE:
        return False
    token = context.token(draft.numeral_start)
    if token is None:
        return False
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    if (
        prev is not None
        and prev.lower_ == "now"
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == ","
        and doc[token.i + 2].lower_ in context.rules.person_subjects
    ):
        return True
    head = token.head
    if head.lemma_ != "be" or token.dep_ not in PREDICATE_DEPS:
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.lower_ in context.rules.person_subjects
        or subject.ent_type_ == "PERSON"
        or (
            subject.pos_ in NOMINAL_POS
            and subject.text.istitle()
            and not any(c.dep_ == "det" for c in subject.children)
            and subject.ent_type_ not in UNIT_NON_PERSON_ENTS
        )
    )
