"""Finding the figures an article claims: counts, money, percentages, ages, durations, ranges.

A figure is read outward from a number: the qualifier and currency sign written before it, then a
range tail, then its unit (currency name, percent, "years old", a time unit or the counted noun).
Numbers that only name or date something (years, dates, times, ordinals, article numbers, phone
numbers, numbers inside names) are dropped, and so is a bare "one"/"a", which in news text is
almost always a pronoun or an article rather than a claim. Word lists live in ``rules/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from newsclaims.extract.numbers import (
    DENOMINATORS,
    SCALE_SUFFIXES,
    SCALES,
    TENS,
    UNITS,
    fraction_value,
    read_number,
    word_value,
)
from newsclaims.records import Figure

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


def _load_rules(name: str) -> list[str]:
    """Entries of ``rules/<name>``: one per line, blank lines and ``# `` comments skipped."""
    lines = (RULES_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("# ")]


def _load_table(name: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in _load_rules(name))


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


CURRENCY_SYMBOLS = _load_table("currency_symbols.txt")
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
CURRENCY_NAMES = {name.lower(): code for name, code in _load_table("currency_names.txt").items()}
QUALIFIERS = frozenset(_load_rules("figure_qualifiers.txt"))
TIME_UNITS = _load_table("unit_time.txt")
TIME_PLURALS = {plural: plural for plural in TIME_UNITS.values()} | TIME_UNITS
LABEL_WORDS = frozenset(_load_rules("figure_label_words.txt"))
DATE_WORDS = frozenset(_load_rules("figure_date_words.txt"))
PLURAL_INVARIANT = frozenset(_load_rules("unit_plural_invariant.txt"))

NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
NOUN_RUN_TAGS = frozenset({"JJ", "NN", "NNS", "NNP", "NNPS", "HYPH"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s"})
AGE_QUALIFIERS = frozenset({"as young as", "as old as"})
RATE_PERIODS = "year|month|week|day|hour"
COUNT_HEADS = frozenset({"number", "numbers", "total", "tally", "count"})
MAX_AGE = 110
MAX_RATIO_NUMERATOR = 99
FRACTION_BLOCKERS = frozenset({"first", "second", "last", "and", "the", "a", "an", "one"})

_PREFIX_RE = re.compile(rf"(?<![A-Za-z])(?P<sym>{_alternation(list(CURRENCY_SYMBOLS))}) ?$")
_QUALIFIER_RE = re.compile(
    rf"(?<![\w'’-])(?:an?\s+)?(?P<q>{_alternation(list(QUALIFIERS))})\s+$", re.IGNORECASE
)
_CURRENCY_NAME_RE = re.compile(rf"\s+(?P<name>{_alternation(list(CURRENCY_NAMES))})\b", re.IGNORECASE)
_PERCENT_RE = re.compile(r"\s*%|\s+(?:percent|per\s+cent)\b|\s+(?P<points>percentage\s+points?)\b", re.I)
_AGE_RE = re.compile(r"-years?-olds?\b|\s+years?\s+old\b|\s+years?\s+of\s+age\b", re.IGNORECASE)
_HYPHEN_TIME_RE = re.compile(rf"-(?P<unit>{_alternation(list(TIME_UNITS))})\b(?!-)", re.IGNORECASE)
_TIME_RE = re.compile(rf"\s+(?P<unit>{_alternation(list(TIME_PLURALS))})\b", re.IGNORECASE)
_RATE_RE = re.compile(rf"\s+(?:a|an|per|each|every)\s+(?:{RATE_PERIODS})\b", re.IGNORECASE)
_PRONOUN_PARTITIVE_RE = re.compile(r"\s+of\s+(?:them|those|these|whom|us)\b", re.IGNORECASE)
_PARTITIVE_RE = re.compile(r"\s+of\s+(?P<det>the|its|their|his|her|our|these|those)\s+", re.IGNORECASE)
_RATIO_RE = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?:18|19|20)\d\d(?![\d,.]?\d)")
_BETWEEN_LINK_RE = re.compile(r"\s+and\s+")
_RANGE_LINK_RE = re.compile(r"[-–]|\s+[-–]\s+|\s+(?:to|or)\s+")
_PREFIX_AT_RE = re.compile(rf"(?:{_alternation(list(CURRENCY_SYMBOLS))}) ?")
_SCALE_WORD_RE = re.compile(
    r"(?<=[\d\s])(?:thousand|million|billion|trillion|lakhs?|crores?|bn|mn|m|k)\b", re.IGNORECASE
)
_A_TIME_RE = re.compile(rf"an?(?=\s+(?:{_alternation(list(TIME_UNITS))})\b)", re.IGNORECASE)
_AGO_RE = re.compile(r"\s+ago\b", re.IGNORECASE)
_NUMERATORS = "|".join(["a", "an", *UNITS])
_FRACTION_RE = re.compile(
    rf"(?:(?P<num>{_NUMERATORS})[\s-]+)?(?P<den>{'|'.join(DENOMINATORS)})\b(?!-)", re.IGNORECASE
)
_FRACTION_FOLLOW_RE = re.compile(
    r"\s+(?:of|the|their|its|his|her|our|them|those|these|all)\b|\s*[.,;:!?)”\"']|\s*$", re.I
)
_CANDIDATE_WORDS = [*UNITS, *TENS, "an?", *DENOMINATORS]
_CANDIDATE_RE = re.compile(rf"(?<![\d.,])\d|\b(?:{'|'.join(_CANDIDATE_WORDS)})\b", re.IGNORECASE)
_MASKS = (
    re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"),  # ISO dates
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"),  # 14/06/2023
    re.compile(r"\b\d{1,2}:\d{2}(?!\d)|\b\d{1,2}\.\d{2}\s*[ap]\.?m\b", re.IGNORECASE),  # times
    re.compile(r"\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)", re.IGNORECASE),
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|org|net|gov|example)\S*"),
    re.compile(r"(?<!\w)\+?\(?\d{2,4}\)?(?:[ \-]\d{2,4}){2,}(?!\d)"),  # phone numbers
    re.compile(r"(?<![\w.,])0\d{3,}(?:[ \-]\d+)*"),  # 09610-102030, 0123 456: a leading 0 is a code
    re.compile(r"\b\d{2,4}/\d{1,4}\b"),  # 24/7, law 2008/12
    re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE),  # ordinals
)


@dataclass(frozen=True)
class _Draft:
    """A figure being read; ``kind`` says how its unit was found (bare numbers need context)."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    # How the unit was found: money, inherited (currency of an earlier amount), percent, age, time,
    # noun, pronoun ('of them'), elliptical (unit of an earlier count), ago, bare (none found).
    kind: str = "bare"
    in_words: bool = False
    numeral_start: int = 0


class _Context:
    """The doc plus lookups built once: char -> token, masked chars, paragraph starts."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.token_at: list[int] = [-1] * (len(self.text) + 1)
        for token in doc:
            for offset in range(token.idx, token.idx + len(token.text)):
                self.token_at[offset] = token.i
        self.masked = [False] * (len(self.text) + 1)
        for pattern in _MASKS:
            for match in pattern.finditer(self.text):
                for offset in range(match.start(), match.end()):
                    self.masked[offset] = True

    def token(self, offset: int) -> Token | None:
        index = self.token_at[offset] if 0 <= offset < len(self.text) else -1
        return self.doc[index] if index >= 0 else None

    def token_after(self, offset: int) -> Token | None:
        while offset < len(self.text) and self.text[offset].isspace():
            offset += 1
        return self.token(offset)

    def paragraph_of(self, offset: int) -> int:
        return self.text.count("\n\n", 0, offset)


def find_figures(doc: Doc) -> list[Figure]:
    """All figures in the text of ``doc``, sorted by start and non-overlapping.

    ``doc`` is the parsed article body. Claimant and quote index are left ``None``: the pipeline
    assigns them from quote spans. Every figure's ``text == doc.text[start:end]``.
    """
    context = _Context(doc)
    drafts: list[_Draft] = []
    covered_until = 0
    for match in _CANDIDATE_RE.finditer(context.text):
        if match.start() < covered_until or context.masked[match.start()]:
            continue
        draft = _read_figure(context, match.start(), drafts)
        if draft is None:
            continue
        drafts.append(draft)
        covered_until = draft.end
    local = _local_currencies(context.text)
    figures = [_to_figure(context.text, draft, local) for draft in drafts]
    return _without_overlaps(figures)


def _local_currencies(text: str) -> dict[str, str]:
    """Codes of currencies named alike in several countries, read for the article's country:
    "Rs" and "rupees" are Nepali rupees in a story about Nepal, Indian ones by default."""
    out = {}
    for code, countries in SHARED_CURRENCY_NAMES.items():
        counts = {alt: sum(text.count(w) for w in words) for alt, words in countries.items()}
        best = max(counts, key=lambda alt: counts[alt])
        if counts[best] > 0:
            out[code] = best
    return out


def _to_figure(text: str, draft: _Draft, local: dict[str, str]) -> Figure:
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


def _read_figure(context: _Context, pos: int, earlier: list[_Draft]) -> _Draft | None:
    """Read the figure whose number starts at ``pos``, or None when it is no figure."""
    text = context.text
    fraction = _read_fraction(context, pos)
    if fraction is not None:
        return fraction
    number = read_number(text, pos)
    if number is None:
        article = _A_TIME_RE.match(text, pos)
        if article is None:
            return None
        number = (1.0, article.end(), True)
    value, end, in_words = number
    if not in_words and _is_identifier(text, pos, end):
        return None
    start = pos
    unit: str | None = None
    kind = "bare"
    prefix = _PREFIX_RE.search(text, max(0, pos - 4), pos)
    if prefix and not in_words:
        unit, kind, start = CURRENCY_SYMBOLS[prefix.group("sym")], "money", prefix.start()
    qualifier_match = _QUALIFIER_RE.search(text, max(0, start - 20), start)
    qualifier = qualifier_match.group("q") if qualifier_match else None
    if qualifier_match:
        start = qualifier_match.start("q")
    draft = _Draft(start, end, value, None, qualifier, unit, kind, in_words, numeral_start=pos)
    ratio = _read_ratio(context, draft)
    if ratio is not None:
        draft = ratio
    else:
        draft = _read_range(context, draft)
        draft = _read_unit(context, draft, earlier)
    if _is_excluded(context, draft, pos):
        return None
    if draft.kind in {"money", "inherited", "percent"}:
        rate = _RATE_RE.match(text, draft.end)
        if rate:
            draft = replace(draft, end=rate.end())
    return draft


def _is_identifier(text: str, start: int, end: int, *, check_before: bool = True) -> bool:
    """Digits glued to letters or codes: "COVID-19", "MH370", "A4", "3G", "1990s", "#5"."""
    if end < len(text) and text[end].isalpha():
        return True
    if not check_before or start == 0:
        return False
    before = text[start - 1]
    if before.isalpha():
        return not _PREFIX_RE.search(text, max(0, start - 4), start)
    return before == "#" or (before in "-/" and start >= 2 and text[start - 2].isalnum())


def _read_fraction(context: _Context, pos: int) -> _Draft | None:
    """'half', 'a third', 'two-thirds', 'a quarter' as percent, when used as a proportion."""
    text = context.text
    match = _FRACTION_RE.match(text, pos)
    if not match:
        return None
    den_word = match.group("den").lower()
    num_word = (match.group("num") or "").lower()
    if not num_word and den_word != "half":
        return None
    numerator = 1 if num_word in {"", "a", "an"} else word_value(num_word)
    if numerator is None or numerator >= DENOMINATORS[den_word]:
        return None
    qualifier_match = _QUALIFIER_RE.search(text, max(0, pos - 20), pos)
    if numerator == 1 and not _is_proportion(context, pos, match.end(), has_qualifier=bool(qualifier_match)):
        return None
    start = qualifier_match.start("q") if qualifier_match else pos
    qualifier = qualifier_match.group("q") if qualifier_match else None
    value = fraction_value(numerator, DENOMINATORS[den_word])
    return _Draft(start, match.end(), value, qualifier=qualifier, unit="percent", kind="percent")


def _is_proportion(context: _Context, start: int, end: int, *, has_qualifier: bool) -> bool:
    """Whether 'half' / 'a third' / 'a quarter' is a share of something, not 'the first half',
    'a year and a half', 'a third compound' or 'a quarter century'."""
    before = context.text[max(0, start - 12) : start].lower().split()
    if before and before[-1] in FRACTION_BLOCKERS:
        return False
    if has_qualifier or _FRACTION_FOLLOW_RE.match(context.text, end):
        return True
    following = context.token_after(end)
    return following is not None and following.pos_ in {"VERB", "AUX"}


def _read_ratio(context: _Context, draft: _Draft) -> _Draft | None:
    """'one in four', 'fewer than one in ten boats', '1 in 3' as percent."""
    text = context.text
    link = _RATIO_RE.match(text, draft.end)
    if not link or draft.kind != "bare" or draft.value > MAX_RATIO_NUMERATOR:
        return None
    if _YEAR_RE.match(text, link.end()):
        return None
    second = read_number(text, link.end())
    if second is None or second[0] <= draft.value or second[0] < 2:
        return None
    if _TIME_RE.match(text, second[1]) or _AGE_RE.match(text, second[1]):
        return None
    end = second[1]
    head = _noun_run(context, end)
    if head is not None:
        end = head[1]
    value = fraction_value(draft.value, second[0])
    return replace(draft, end=end, value=value, unit="percent", kind="percent")


def _read_range(context: _Context, draft: _Draft) -> _Draft:
    """Upper bound of 'between 30 and 40', '16-20', 'seven or eight', '4 million or 5 million';
    a bare lower bound takes the upper one's scale word ('between 2 and 3 million')."""
    text = context.text
    between = (draft.qualifier or "").lower() == "between"
    link = (_BETWEEN_LINK_RE if between else _RANGE_LINK_RE).match(text, draft.end)
    if not link:
        return draft
    cursor = link.end()
    prefix = _PREFIX_AT_RE.match(text, cursor)
    if prefix and draft.kind == "money":
        cursor = prefix.end()
    second = read_number(text, cursor)
    if second is None or second[2] != draft.in_words:
        return draft
    high, end, _ = second
    low = draft.value
    scale = _SCALE_WORD_RE.search(text, cursor, end)
    if scale and not _SCALE_WORD_RE.search(text, draft.numeral_start, draft.end):
        factor = SCALES.get(scale.group().lower()) or SCALE_SUFFIXES[scale.group().lower()]
        if low < high / factor:
            low *= factor
    if not low < high or _is_identifier(text, cursor, end, check_before=False):
        return draft
    return replace(draft, value=low, value_max=high, end=end)


def _read_unit(context: _Context, draft: _Draft, earlier: list[_Draft]) -> _Draft:
    """Extend a number over what it counts and name the unit."""
    text, end = context.text, draft.end
    if draft.kind == "money":
        return draft
    if match := _CURRENCY_NAME_RE.match(text, end):
        return replace(draft, end=match.end(), unit=CURRENCY_NAMES[match.group("name").lower()], kind="money")
    if match := _PERCENT_RE.match(text, end):
        unit = "percentage points" if match.group("points") else "percent"
        return replace(draft, end=match.end(), unit=unit, kind="percent")
    if match := _AGE_RE.match(text, end):
        return replace(draft, end=match.end(), unit="years old", kind="age")
    if match := _HYPHEN_TIME_RE.match(text, end):
        unit = TIME_UNITS[match.group("unit").lower()]
        noun = _noun_run(context, match.end())
        return replace(draft, end=noun[1] if noun else match.end(), unit=unit, kind="time")
    if match := _TIME_RE.match(text, end):
        unit = TIME_PLURALS[match.group("unit").lower()]
        if _AGO_RE.match(text, match.end()):
            return replace(draft, kind="ago")
        return replace(draft, end=match.end(), unit=unit, kind="time")
    if noun := _noun_run(context, end):
        unit_start, unit_end = noun
        return replace(draft, end=unit_end, unit=text[unit_start:unit_end], kind="noun")
    if match := _PRONOUN_PARTITIVE_RE.match(text, end):
        return replace(draft, unit=_antecedent_unit(context, draft, earlier), kind="pronoun")
    if match := _PARTITIVE_RE.match(text, end):
        noun = _noun_run(context, match.end())
        if noun and not re.search(r"\d", text[match.end() : noun[1]]):
            definite = match.group("det").lower() in {"the", "these", "those"}
            new_end = noun[1] if definite else draft.end
            return replace(draft, end=new_end, unit=text[noun[0] : noun[1]], kind="noun")
        if noun:
            return replace(draft, unit=text[noun[0] : noun[1]], kind="noun")
    return _bare_unit(context, draft, earlier)


def _noun_run(context: _Context, offset: int) -> tuple[int, int] | None:
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
    heads = [i for i, t in enumerate(run) if _is_plural_noun(t)]
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


def _is_plural_noun(token: Token) -> bool:
    return token.tag_ in PLURAL_TAGS or token.lower_ in PLURAL_INVARIANT or _is_mistagged_plural(token)


def _is_mistagged_plural(token: Token) -> bool:
    """A plural noun the tagger read as a verb after a determined number ('the 300 returnees her
    group surveyed'): a determiner before a number needs a noun after it, not a verb."""
    if token.tag_ != "VBZ" or not token.lower_.endswith("s") or token.i < 2:
        return False
    number, determiner = token.nbor(-1), token.nbor(-2)
    return number.tag_ == "CD" and determiner.tag_ in {"DT", "PRP$", "POS"}


def _antecedent_unit(context: _Context, draft: _Draft, earlier: list[_Draft]) -> str | None:
    """What 'of them' refers to: the noun of the latest counted figure in this or the previous
    paragraph, else the nearest plural noun earlier in the sentence."""
    paragraph = context.paragraph_of(draft.start)
    for previous in reversed(earlier):
        if previous.kind in {"noun", "elliptical"} and paragraph - context.paragraph_of(previous.start) <= 1:
            return previous.unit
    token = context.token(draft.numeral_start)
    if token is None:
        return None
    for candidate in reversed(list(token.sent)[: token.i - token.sent.start]):
        if candidate.tag_ in PLURAL_TAGS:
            return candidate.text
    return None


def _bare_unit(context: _Context, draft: _Draft, earlier: list[_Draft]) -> _Draft:
    """A number with nothing after it: an age from context, or an amount of a nearby currency."""
    text = context.text
    qualifier = (draft.qualifier or "").lower()
    before = text[max(0, draft.start - 40) : draft.start]
    if qualifier in AGE_QUALIFIERS or re.search(r"\bage[ds]?\s+$", before, re.IGNORECASE):
        return replace(draft, unit="years old", kind="age")
    if qualifier in {"under", "over"} and _after_be(context, draft.start) and draft.value < 100:
        return replace(draft, unit="years old", kind="age")
    if not draft.in_words and _is_apposed_age(context, draft):
        return replace(draft, unit="years old", kind="age")
    if _is_year(text, draft.numeral_start, draft):
        return draft
    return _elliptical_unit(context, draft, earlier)


def _elliptical_unit(context: _Context, draft: _Draft, earlier: list[_Draft]) -> _Draft:
    """A bare number sharing the unit of the figure before it: '20,000 baht ... he owes 45,000'
    (same paragraph), 'nearly 500 people in 2015 and more than 700 in 2016' (same sentence)."""
    paragraph = context.paragraph_of(draft.start)
    token = context.token(draft.numeral_start)
    sentence_start = token.sent.start_char if token is not None else draft.start
    for previous in reversed(earlier):
        if context.paragraph_of(previous.start) != paragraph:
            break
        if previous.kind in {"money", "inherited"} and not draft.in_words:
            return replace(draft, unit=previous.unit, kind="inherited")
        if previous.kind in {"noun", "elliptical"} and previous.start >= sentence_start:
            return replace(draft, unit=previous.unit, kind="elliptical")
    if token is not None and not draft.in_words:
        counted = _counted_in_sentence(context, token)
        if counted is not None:
            return replace(draft, unit=counted, kind="elliptical")
    return draft


def _counted_in_sentence(context: _Context, number: Token) -> str | None:
    """The X of 'the number of X' / 'the total of X' earlier in the number's sentence."""
    for token in number.doc[number.sent.start : number.i]:
        if token.lower_ in COUNT_HEADS and token.i + 1 < number.i and token.nbor(1).lower_ == "of":
            noun = _noun_run(context, token.nbor(1).idx + 2)
            if noun is not None and noun[1] <= number.idx:
                return context.text[noun[0] : noun[1]]
    return None


def _after_be(context: _Context, offset: int) -> bool:
    words = context.text[max(0, offset - 12) : offset].split()
    return bool(words) and words[-1].lower() in BE_FORMS


def _is_apposed_age(context: _Context, draft: _Draft) -> bool:
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


def _is_excluded(context: _Context, draft: _Draft, pos: int) -> bool:
    """Numbers that date, time, order or name something, and bare or pronoun-like ones."""
    text = context.text
    if draft.kind in {"bare", "ago"} or (draft.kind == "pronoun" and draft.unit is None):
        return True
    if draft.in_words and draft.value == 1 and draft.value_max is None:
        return not (draft.qualifier and draft.kind in {"time", "percent"})
    if _is_year(text, pos, draft):
        return True
    before_words = text[max(0, pos - 16) : pos].split()
    if _is_date_part(text, pos, draft, before_words):
        return True
    if before_words and before_words[-1].lower() in LABEL_WORDS:
        word = before_words[-1]
        if word[:1].isupper() or draft.kind not in {"noun", "time"}:
            return True
    token = context.token(pos)
    if token is not None and token.ent_type_ in NAME_LABELS:
        entity = next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)
        if entity is not None and any(t.tag_ in {"NNP", "NNPS"} for t in entity if t.i != token.i):
            return True
    return False


def _is_date_part(text: str, pos: int, draft: _Draft, before_words: list[str]) -> bool:
    """A day number beside a month name: 'March 12', '14 June 2023' (not 'in March 300 workers')."""
    if draft.kind == "noun" or draft.value_max is not None or not 1 <= draft.value <= 31:
        return False
    if before_words and before_words[-1].lower().rstrip(",") in DATE_WORDS:
        return True
    after = text[pos : pos + 20].split()
    return len(after) > 1 and after[1][:1].isupper() and after[1].lower().strip(",.") in DATE_WORDS


def _is_year(text: str, pos: int, draft: _Draft) -> bool:
    """A four-digit number in 1800-2099 that counts nothing: '2009', 'in 2016', 'a 2012 regulation'."""
    if not _YEAR_RE.match(text, pos) or draft.kind not in {"noun", "bare", "pronoun", "inherited"}:
        return False
    return not (draft.kind == "noun" and draft.value_max is None)
