"""Role words written around a name: "deputy prime minister X", "X, deputy chief of …",
"the agency's director, X".

A role beside a name is the strongest sign it is a person's, and it is what ``affiliations``
follows to the organisation the person speaks for.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..base.labels import MODIFIER_WORD_POS, ROLE_MODIFIER_DEPS, ROLE_PHRASE_DEPS
from ..base.rules import Rules
from .names import NameChunk, word_before


def role_phrase(head: Token) -> str:
    """ "deputy chief", "Technical Coordinator", "enforcement director": the noun and its modifiers."""
    mods = [c for c in head.children if c.dep_ in ROLE_MODIFIER_DEPS and c.i < head.i]
    start = min([head.i, *(m.i for m in mods)])
    doc = head.doc
    return doc[start : head.i + 1].text


def is_role(tok: Token, rules: Rules) -> bool:
    low = tok.lower_
    return low in rules.role_nouns or low in rules.person_titles or tok.lemma_.lower() in rules.role_nouns


def preceding_role(doc: Doc, chunk: NameChunk, rules: Rules) -> str | None:
    """Lower-case role words right before the name: "deputy prime minister Sar Kheng"."""
    prev = word_before(doc, chunk)
    if prev is None or not prev.text.islower() or not is_role(prev, rules):
        return None
    start = prev.i
    while start > 0 and doc[start - 1].text.islower() and doc[start - 1].pos_ in MODIFIER_WORD_POS:
        if start - 1 < prev.i - 3:
            break
        start -= 1
    return doc[start : prev.i + 1].text


def role_before_comma(doc: Doc, lo: int, rules: Rules) -> Token | None:
    """ "the agency's director, X" / "a spokeswoman for Tegal Police, X": the role noun whose
    phrase ends right before the comma preceding the name."""
    if lo < 2 or doc[lo - 1].text != ",":
        return None
    if _possessor(doc, lo, rules):
        return None  # "a spokesperson for Harvest Basket, Australia's largest chain": not the role's holder
    tok = doc[lo - 2]
    for _ in range(4):
        if tok.text.islower() and is_role(tok, rules):
            return tok
        if tok.dep_ not in ROLE_PHRASE_DEPS or tok.head.i >= tok.i:
            return None
        tok = tok.head
    return None


def _possessor(doc: Doc, lo: int, rules: Rules) -> bool:
    """The capitalised words from token ``lo`` end in a possessive "’s"."""
    i = lo
    while i < len(doc) and doc[i].text[:1].isupper():
        i += 1
    return i < len(doc) and doc[i].text in rules.possessive_clitics


def is_anaphoric(head: Token, rules: Rules) -> bool:
    """ "The officer, Police Major General X": a bare "the <noun>" points back to someone already
    mentioned; unlike "the agency's director" or "a spokeswoman for …" it states no role."""
    mods = [c for c in head.children if c.dep_ != "punct" and c.i < head.i]
    after = [c for c in head.children if c.dep_ == "prep" and c.i > head.i]
    return not after and len(mods) == 1 and mods[0].lower_ in rules.demonstrative_determiners
