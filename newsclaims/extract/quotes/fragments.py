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

from ..base.labels import (
    FRAGMENT_COMPLEMENT_DEPS,
    NAME_OR_PRONOUN_POS,
    PASSIVE_DEPS,
    PREP_OBJECT_DEPS,
    VERB_OBJECT_DEPS,
)
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
        if verb is None:
            verb, subject = _described_as(span.root, rules)
        if verb is not None and subject is not None and not (span.start <= subject.i < span.end):
            yield Fragment(quote, verb, subject)


def _governing_verb(root: Token, rules: Rules) -> Token | None:
    """The verb of naming or saying the fragment completes ('called it “X”'), through a linking
    'be' ('asking her to be “patient”'); not a passive one ('described by critics as “X”'), whose
    subject is what was named."""
    if (
        root.dep_ == "amod"
        and root.head.dep_ == "dobj"
        and root.head.i < root.left_edge.i
        and root.head.head.lemma_.lower() in rules.naming_verbs
    ):
        root = root.head  # 'calling the agreements “legitimate”': the complement read as a modifier
    prep = root.head
    if root.dep_ in PREP_OBJECT_DEPS and prep.lower_ == "of" and prep.dep_ == "prep":
        # 'accused the network of “swindling”': the charge, in the accuser's words
        owner = prep.head
        verb = owner.head if owner.dep_ in VERB_OBJECT_DEPS else owner
        return verb if verb.lemma_.lower() in rules.accusing_verbs and not _passive(verb) else None
    if root.dep_ not in FRAGMENT_COMPLEMENT_DEPS or root.head.i == root.i:
        return None
    verb = root.head
    if verb.lemma_ == "be" and verb.dep_ == "xcomp":
        verb = verb.head
    if verb.pos_ != "VERB" or _passive(verb):
        return None
    lemma = verb.lemma_.lower()
    if root.dep_ == "dobj" and (lemma in rules.listener_verbs or root.pos_ == "PROPN"):
        return None  # 'quotes a “Senate aide” as saying': who is quoted, not what
    return verb if lemma in rules.naming_verbs or lemma in rules.reporting_verbs else None


def _described_as(root: Token, rules: Rules) -> tuple[Token | None, Token | None]:
    """ "described the plan as “reckless”": a naming verb's "as" complement, said by the verb's
    subject; in the passive, by its agent ('a pattern described by Marine Bulletin as “rather
    hectic”'), when the agent is named ('described by critics as a “back door”' stays a scare
    quote), and by nobody when there is none ('was described as “calm”')."""
    prep = root.head
    if prep.lemma_ == "be" and prep.dep_ == "pcomp":  # 'as being “quick, surgical”'
        prep = prep.head
    if prep.lower_ != "as" or prep.dep_ != "prep" or prep.i == root.i:
        return None, None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.naming_verbs:
        return None, None
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        named = next((c for c in agent.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        return (verb, named) if named is not None else (None, None)  # 'by critics as a “back door”'
    if _passive(verb) or verb.tag_ == "VBN":
        return None, None
    subject = verb_subject(verb, rules)
    if subject is None or not _can_speak(subject, rules):
        return None, None  # 'said the kickbacks amounted to …, and described': a misread coordination
    return verb, subject


def _passive(verb: Token) -> bool:
    """ "was accused of", "was described by": the subject is who was named, not who named."""
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def _can_speak(tok: Token, rules: Rules) -> bool:
    """A name, a pronoun, or a noun for a person, office holder or body ('the judge', 'the ministry')."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ in NAME_OR_PRONOUN_POS
        or lemma in rules.person_nouns
        or lemma in rules.role_nouns
        or lemma in rules.org_nouns
        or lemma in rules.spokespeople
    )


def _is_nickname(doc: Doc, span: Span) -> bool:
    """'Kittipong “Ton” Rattanasiri': a quoted word between the parts of a name."""
    before = doc[span.start - 2] if span.start >= 2 else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return all(t is not None and t.pos_ == "PROPN" for t in (before, after))
