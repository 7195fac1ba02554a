"""Quoted fragments that are a speaker's words in part.

A short or verbless quoted span inside a sentence reads as a scare quote ("so-called “rescue”
raids") and ``quotes.iter_direct_quotes`` skips it. Real reporting quotes speakers that way all the
time: 'called the stabbing “an act of inexplicable barbarity”', 'calling it “null and void”',
'asking Cengiz to be “patient and resilient”'. Such a fragment is the complement of a verb of
naming or saying whose subject is the speaker; this module finds that verb and subject. (A
fragment inside a reported clause takes the clause's speaker; the pipeline does that.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..base.labels import FRAGMENT_COMPLEMENT_DEPS, PASSIVE_DEPS
from ..base.rules import Rules
from .quotes import DirectQuote
from .reported import verb_subject


@dataclass(frozen=True)
class Fragment:
    """A quoted fragment, the verb it completes and that verb's subject (the speaker's word)."""

    quote: DirectQuote
    verb: Token
    subject: Token


def iter_said_fragments(doc: Doc, fragments: list[DirectQuote], rules: Rules) -> Iterator[Fragment]:
    """The fragments completing a verb of naming or saying that has a subject."""
    for quote in fragments:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or _is_nickname(doc, span):
            continue
        verb = _governing_verb(span.root, rules)
        subject = verb_subject(verb, rules) if verb is not None else None
        if verb is not None and subject is not None and not (span.start <= subject.i < span.end):
            yield Fragment(quote, verb, subject)


def _governing_verb(root: Token, rules: Rules) -> Token | None:
    """The verb of naming or saying the fragment completes ('called it “X”'), through a linking
    'be' ('asking her to be “patient”'); not a passive one ('described by critics as “X”'), whose
    subject is what was named."""
    if root.dep_ not in FRAGMENT_COMPLEMENT_DEPS or root.head.i == root.i:
        return None
    verb = root.head
    if verb.lemma_ == "be" and verb.dep_ == "xcomp":
        verb = verb.head
    if verb.pos_ != "VERB" or any(c.dep_ in PASSIVE_DEPS for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if root.dep_ == "dobj" and (lemma in rules.listener_verbs or root.pos_ == "PROPN"):
        return None  # 'quotes a “Senate aide” as saying': who is quoted, not what
    return verb if lemma in rules.naming_verbs or lemma in rules.reporting_verbs else None


def _is_nickname(doc: Doc, span: Span) -> bool:
    """'Kittipong “Ton” Rattanasiri': a quoted word between the parts of a name."""
    before = doc[span.start - 2] if span.start >= 2 else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return all(t is not None and t.pos_ == "PROPN" for t in (before, after))
