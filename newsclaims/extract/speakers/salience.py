"""The person a pronoun speaker most likely points to: the subject of the sentence before.

"Police Colonel X said the company's director, Y, will be summoned. “…,” he said." — recency
alone picks Y; a reader picks X, the subject of the last narrated sentence. Persons named inside a
reported clause, a possessive or a subordinate clause are less salient than the main subject.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Span, Token

from ..base.labels import SUBJECT_DEPS
from ..entities.entity_index import Entity, EntityIndex

SENTENCES_BACK = 2


def _narrated_sentence_before(tok: Token, i: int, inside_quote: Callable[[int], bool]) -> Span | None:
    doc = tok.doc
    while i >= 0 and (doc[i].is_space or doc[i].is_punct or inside_quote(doc[i].idx)):
        i -= 1
    return doc[i].sent if i >= 0 else None


def _subject_entity(index: EntityIndex, sent: Span, resolved: Mapping[int, Entity]) -> Entity | None:
    root = sent.root
    for child in root.children:
        if child.dep_ not in SUBJECT_DEPS:
            continue
        ent = index.entity_at(child) or _resolved_pronoun(child, sent, resolved)
        if ent is None:
            named = [index.entity_at(c) for c in child.children if c.dep_ == "appos"]
            ent = next((e for e in named if e is not None), None)
        return ent
    return None


def _reported_subject(index: EntityIndex, sent: Span) -> Entity | None:
    """ "PBS revealed that Crown Prince Mohammad bin Salman accepted responsibility …": when a
    body reports about a person, the person it reports on is the sentence's subject of note."""
    for comp in sent.root.children:
        if comp.dep_ != "ccomp":
            continue
        for child in comp.children:
            ent = index.entity_at(child) if child.dep_ in SUBJECT_DEPS else None
            if ent is not None and ent.kind == "person":
                return ent
    return None


def _resolved_pronoun(subject: Token, sent: Span, resolved: Mapping[int, Entity]) -> Entity | None:
    """ "In between, she testified, she was raped by Quirin and Redouane. She told the court …": a
    subject pronoun of the sentence before stands for whom the same pronoun there was resolved to
    (a speaker's "she testified"), so the story stays with its subject, not the last name read."""
    if subject.pos_ != "PRON":
        return None
    same = [resolved[t.idx] for t in sent if t.lower_ == subject.lower_ and t.idx in resolved]
    return same[0] if same and all(e is same[0] for e in same) else None


def previous_subject(
    index: EntityIndex,
    tok: Token,
    inside_quote: Callable[[int], bool],
    resolved: Mapping[int, Entity] | None = None,
) -> Entity | None:
    """The person who is the main subject of the nearest narrated sentence before ``tok``'s that
    names anyone, or ``None`` when that sentence's subject is not a named person.

    :param resolved: entities already resolved for pronouns, by the pronoun's char offset; a
        sentence whose subject is such a pronoun has that entity as its subject.
    """
    resolved = resolved or {}
    i = tok.sent.start - 1
    for _ in range(SENTENCES_BACK):
        sent = _narrated_sentence_before(tok, i, inside_quote)
        if sent is None:
            return None
        named = [
            e
            for t in sent
            if not inside_quote(t.idx)
            and (e := index.entity_at(t) or resolved.get(t.idx)) is not None
            and e.kind == "person"
        ]
        if named:
            ent = _subject_entity(index, sent, resolved)
            if ent is not None and ent.kind == "organisation":
                ent = _reported_subject(index, sent) or ent
            return ent if ent is not None and ent.kind == "person" else None
        i = sent.start - 1
    return None
