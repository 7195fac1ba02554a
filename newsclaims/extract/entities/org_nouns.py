"""Organisation nouns ("the ministry", "the taskforce", "a coalition of …") resolved to the
organisation the story names with that noun.

Speakers ("the ministry said") and affiliations ("an official of the ministry") both ask, so it
sits with the entities both build on.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..base.labels import DETERMINER_DEPS
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
