"""Indirect (reported) speech: the clause a reporting verb or 'according to' attributes to someone.

Patterns over the dependency parse, each a generator of ``Reported`` candidates:

- ``iter_said_clauses``: "X said (that) …", "X told the Post (that) …", "…, X said.", "In a
  statement, the agency said …", "X, …, rejected the criticism and said …", "…, she said, adding
  that …", and the mid-sentence "Instead, he said, they were …" (the longer side is reported).
- ``iter_according_to``: "According to X, …" and "…, according to X(, …)".

A reporting verb inside a direct quote is never an attribution.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .rules import Rules

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})
COMPLEMENT_DEPS = frozenset({"ccomp"})
PARENTHETICAL_DEPS = frozenset({"parataxis"})
LEADING_SKIP = frozenset({"that"})
MIN_CLAUSE_TOKENS = 3
OBJECT_DEPS = frozenset({"dobj", "xcomp", "attr", "acomp"})
SURFACE_TAIL_MAX = 6
SURFACE_NP_MAX = 9


@dataclass(frozen=True)
class Reported:
    """A reported clause (char offsets into the body) and who it is attributed to."""

    start: int
    end: int
    speaker: int | None  # token index of the speaker's head word
    cue: str


def _in_spans(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= offset < hi for lo, hi in spans)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ("… and said") or that a
    participle hangs from ("…, she said, adding that …")."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        inherits = tok.dep_ == "conj" or (tok.dep_ in INHERIT_DEPS and tok.tag_ == "VBG")
        tok = tok.head if inherits and tok.head.i != tok.i else None
    return None


def _np_head(doc: Doc, a: int, b: int) -> Token | None:
    """Head word of the noun phrase ``doc[a..b]``: its first noun attached outside the phrase."""
    nouns = [t for t in doc[a : b + 1] if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    for t in nouns:
        if not a <= t.head.i <= b:
            return t
    return nouns[0] if nouns else None


def _surface_trailing(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "…, a coalition of groups said this week." when the parse gives the verb no subject.

    The attribution must close the sentence: a comma, a short verbless noun phrase, the verb
    and at most a few verbless words after it; or the inverted "…, said X."
    """
    doc, sent = verb.doc, verb.sent
    tail = [t for t in doc[verb.i + 1 : sent.end] if not t.is_punct]
    if any(t.pos_ in {"VERB", "AUX"} for t in tail) or len(tail) > SURFACE_TAIL_MAX:
        return None
    if verb.i > sent.start and doc[verb.i - 1].text == ",":  # inverted: "…, said X."
        head = _np_head(doc, verb.i + 1, sent.end - 1)
        return (head, (sent.start, verb.i - 2)) if head is not None else None
    for j in range(verb.i - 1, max(sent.start, verb.i - SURFACE_NP_MAX) - 1, -1):
        if doc[j].text == ",":
            if any(t.pos_ in {"VERB", "AUX"} for t in doc[j + 1 : verb.i]):
                return None
            head = _np_head(doc, j + 1, verb.i - 1)
            return (head, (sent.start, j - 1)) if head is not None else None
    return None


def _clip(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Char span of tokens ``a..b`` (inclusive) without a leading 'that', punctuation or quote marks."""
    while a <= b and (doc[a].is_punct or doc[a].is_space or doc[a].lower_ in LEADING_SKIP):
        a += 1
    while b >= a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if b - a + 1 < MIN_CLAUSE_TOKENS:
        return None
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def _overlaps(span: tuple[int, int], quoted: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < hi and lo < span[1] for lo, hi in quoted)


def _clause_span(verb: Token, subject: Token) -> tuple[int, int] | None:
    """Token range (inclusive) of what ``verb`` reports, by the parse around it."""
    doc, sent = verb.doc, verb.sent
    comps = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS]
    attribution_start = min(subject.left_edge.i, verb.i) if subject.head.i == verb.i else verb.i
    if comps:
        if all(c.i < verb.i for c in comps):
            return sent.start, attribution_start - 1
        after = [c for c in comps if c.i > verb.i]
        return min(c.left_edge.i for c in after), max(c.right_edge.i for c in after)
    if verb.dep_ in PARENTHETICAL_DEPS:
        left = (sent.start, verb.left_edge.i - 1)
        right = (verb.right_edge.i + 1, sent.end - 1)
        return max(left, right, key=lambda r: r[1] - r[0])
    before = attribution_start - 1
    if (
        subject.head.i == verb.i
        and before > sent.start
        and doc[before].text == ","
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in OBJECT_DEPS for c in verb.children)
    ):
        return sent.start, before - 1
    return None


def iter_said_clauses(doc: Doc, *, rules: Rules, quoted: Sequence[tuple[int, int]]) -> Iterator[Reported]:
    """Yield clauses reported by a reporting verb with a subject, outside direct quotes.

    :param quoted: char spans of direct quotes, marks included.
    """
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.reporting_verbs:
            continue
        if _in_spans(verb.idx, quoted) or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        subject = _subject(verb)
        rng = _clause_span(verb, subject) if subject is not None else None
        if rng is None:
            found = _surface_trailing(verb)
            if found is None:
                continue
            subject, rng = found
        if _in_spans(subject.idx, quoted):
            continue
        span = _clip(doc, *rng)
        if span is None or _overlaps(span, quoted):
            continue
        yield Reported(span[0], span[1], subject.i, verb.text)


def iter_according_to(doc: Doc, *, rules: Rules, quoted: Sequence[tuple[int, int]]) -> Iterator[Reported]:
    """Yield the clause around 'according to X': after it when it opens the sentence, else before."""
    for tok in doc:
        if tok.lower_ != "according" or _in_spans(tok.idx, quoted):
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is None:
            continue
        sent = tok.sent
        first = sent.start
        while first < tok.i and (doc[first].is_punct or doc[first].is_space):
            first += 1
        phrase_end = max(pobj.right_edge.i, to.i)
        rng = (phrase_end + 1, sent.end - 1) if first == tok.i else (sent.start, tok.i - 1)
        span = _clip(doc, *rng)
        if span is None or _overlaps(span, quoted):
            continue
        yield Reported(span[0], span[1], pobj.i, doc[tok.i : to.i + 1].text)


def iter_reported(doc: Doc, *, rules: Rules, quoted: Sequence[tuple[int, int]]) -> Iterator[Reported]:
    """All indirect-speech candidates of ``doc`` (may overlap; the pipeline dedups)."""
    yield from iter_said_clauses(doc, rules=rules, quoted=quoted)
    yield from iter_according_to(doc, rules=rules, quoted=quoted)
