"""Organisation nouns ("the ministry", "the taskforce", "a coalition of …") resolved to the
organisation the story names with that noun.

Speakers ("the ministry said") and affiliations ("an official of the ministry") both ask, so it
sits with the entities both build on.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..base.labels import DETERMINER_DEPS, SUBJECT_DEPS
from ..base.rules import Rules
from .entity_index import Entity, EntityIndex


def resolve_org_noun(index: EntityIndex, tok: Token) -> Entity | None:
    """'the ministry', 'the taskforce', 'a coalition of …': the organisation named with that noun.

    The latest organisation mentioned before whose name holds the noun; failing that the first
    one after (a lead that names the body later); failing that the latest of the noun's type.
    """
    rules = index.rules
    low = tok.lemma_.lower()
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    noun_type = rules.org_nouns.get(f"{prev} {low}") or rules.org_nouns.get(low)
    if noun_type is None or index.entity_at(tok) is not None:
        return None
    orgs = index.organisations()

    def holds(e: Entity) -> bool:
        words = [w.lower() for w in e.words]
        return low in words or any(
            "".join(words[i : i + 2]) == low.replace(" ", "") for i in range(len(words))
        )

    before = [e for e in index.mentioned_before("organisation", tok.idx) if holds(e)]
    if before:
        return before[0]
    after = [e for e in orgs if holds(e) and min(e.mentions) > tok.idx]
    if after:
        return after[0]
    if not _definite(tok, rules):
        return None  # "Thai police", "officials": a generic group, not a body named before
    typed = [e for e in index.mentioned_before("organisation", tok.idx) if e.type == noun_type]
    return typed[0] if typed else None


def _definite(tok: Token, rules: Rules) -> bool:
    """ "the ministry", "the group's": a noun pointing back to one body already in the story."""
    return any(c.dep_ in DETERMINER_DEPS and c.lower_ in rules.org_definite_determiners for c in tok.children)


def nearby_organisation(index: EntityIndex, tok: Token) -> Entity | None:
    """ "Consumer Reports declined to give Apple's phone a rating. The group said …": a definite
    organisation noun that ``resolve_org_noun`` cannot place (no organisation of the story holds
    the noun or has its type) stands for the organisation last named as a subject nearby
    (``latest_subject``)."""
    rules = index.rules
    if rules.org_nouns.get(tok.lemma_.lower()) is None or not _definite(tok, rules):
        return None
    return latest_subject(index, tok, "organisation")


def latest_subject(index: EntityIndex, tok: Token, kind: str) -> Entity | None:
    """The entity of ``kind`` last named as a subject in ``tok``'s sentence or the one before,
    for a definite noun (``tok``) pointing back: not merely the last one named ("Apple's phone"),
    and not further back, where the noun is as likely to mean someone else; no speaker is better
    than a wrong one. None when the noun's word was written in that stretch before (then it
    points back to that noun, "Apple sued the group. The group said", not to the subject)."""
    if index.entity_at(tok) is not None:
        return None
    doc, lemma = tok.doc, tok.lemma_
    stretch = range(tok.i - 1, _previous_sentence_start(tok) - 1, -1)  # latest first
    if any(doc[i].lemma_ == lemma for i in stretch):
        return None
    for i in stretch:
        entity = index.entity_at(doc[i])
        if entity is None or entity.kind != kind:
            continue
        root = doc[i]
        while root.head.i != root.i and index.entity_at(root.head) is entity:
            root = root.head
        if root.dep_ in SUBJECT_DEPS:
            return entity
    return None


def _previous_sentence_start(tok: Token) -> int:
    """Index of the first token of the sentence before ``tok``'s (blank-line sentences skipped)."""
    doc, start = tok.doc, tok.sent.start
    while start > 0:
        sent = doc[start - 1].sent
        if not all(t.is_space for t in sent):
            return sent.start
        start = sent.start
    return tok.sent.start
