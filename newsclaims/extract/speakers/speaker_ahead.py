"""Speakers described before they are named: "…, a senior provincial police officer said." followed
by "Brig Gen X, deputy chief of the Provincial Police, …"; and unnamed spokespeople of a body.

A lead often credits an unnamed official whom the next paragraph names; the words describing the
speaker (role, unit) are matched against the role and organisation of the person named next.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..base.labels import (
    COMPOUND_DEPS,
    DESCRIPTION_DEPS,
    DETERMINER_DEPS,
    MODIFIER_CLAUSE_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
)
from ..base.rules import Rules
from ..base.textindex import doc_text
from ..entities.entity_index import Entity, EntityIndex

PARAGRAPHS_AHEAD = 2


def title_word_runs(person: Entity) -> list[list[str]]:
    """The lower-case words of a person's role and of each title, in order, one list per text."""
    return [
        [w.rstrip(".") for w in text.lower().replace("-", " ").split()]
        for text in [person.role or "", *person.titles]
    ]


def title_words(person: Entity, rules: Rules) -> set[str]:
    """Lower-case words of a person's role and titles, abbreviated ranks spelt out."""
    return {rules.rank_abbreviations.get(w, w) for words in title_word_runs(person) for w in words}


def paragraph_end(text: str, offset: int, paragraphs: int) -> int:
    """Char offset of the end of the ``paragraphs``-th paragraph from the one holding ``offset``."""
    end = offset
    for _ in range(paragraphs):
        nxt = text.find("\n\n", end + 1)
        if nxt < 0:
            return len(text)
        end = nxt
    return end


def _described_as(person: Entity, tok: Token, rules: Rules) -> bool:
    """The modifiers of ``tok`` ("senior provincial police officer") name the person's unit or
    role ("deputy chief of the Provincial Police")."""
    mods = {c.lower_ for c in tok.children if c.dep_ in DESCRIPTION_DEPS and c.i < tok.i}
    org = person.organisation
    known = title_words(person, rules) | {
        w.lower() for o in (org, org.parent if org else None) if o is not None for w in o.words
    }
    return bool(mods & known)


def introduced_as(person: Entity, tok: Token, rules: Rules) -> bool:
    """``person`` is the one ``tok`` ("their lawyer", "a manager") introduces: named in the same
    sentence, holding that role or described by its modifiers, or named right after "The lawyer,"."""
    doc, lemma = tok.doc, tok.lemma_.lower()
    first = min(person.mentions)
    if tok.sent.start_char <= first < tok.sent.end_char or lemma in title_words(person, rules):
        return True
    if _described_as(person, tok, rules):
        return True
    span = doc.char_span(first, first + 1, alignment_mode="expand")
    if span is None:
        return False
    before = [t for t in doc[max(span.start - 6, 0) : span.start] if not t.is_space]
    return any(t.lemma_.lower() == lemma for t in before) and any(t.text == "," for t in before)


def _complement_of(tok: Token, entity: Entity) -> bool:
    """ "The lawyer for John Smith said", "the mother of the victim, Ana Cruz": a name inside the
    noun's prepositional complement is who the speaker is related to, not the speaker (except a
    spokesperson's: "a spokesperson for X" speaks as X)."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    for m in entity.mentions:
        if not lo <= m < hi:
            continue
        span = tok.doc.char_span(m, m + 1, alignment_mode="expand")
        node = span[0] if span is not None else None
        while node is not None and node.i != tok.i and node.head.i != node.i:
            if node.dep_ in MODIFIER_CLAUSE_DEPS:
                break  # "a manager, who gave his name only as Rashed,": the clause names him
            if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i == tok.i:
                return True
            node = node.head
    return False


def _introducing(index: EntityIndex, tok: Token) -> bool:
    """ "a migrant rights group", "their lawyer"; or "the provincial police chief" before anyone of
    the story is named (a lead that names the speaker in the next paragraph)."""
    first = tok.left_edge
    dets = {c.lower_ for c in tok.children if c.dep_ in DETERMINER_DEPS} | {first.lower_}
    if dets & index.rules.introducing_determiners:
        return True
    return bool(dets & index.rules.speaker_definite_determiners) and not index.mentioned_before(
        "person", tok.idx
    )


def named_next(index: EntityIndex, tok: Token) -> Entity | None:
    """ "…, a migrant rights group said." / "…, their lawyer said." followed by "The Shwe Pyi
    Network (SMJN) …" / "The lawyer, Prakash Adhikari, …": an indefinite or possessed noun
    introduces a speaker whom the next sentences name; the first entity of its kind named
    after it, in its own or the next paragraph, is the speaker."""
    doc, rules = tok.doc, index.rules
    if not _introducing(index, tok):
        return None
    lemma = tok.lemma_.lower()
    org_type = rules.org_nouns.get(lemma)
    kind = "organisation" if org_type else "person" if lemma in rules.role_nouns else None
    if kind is None:
        return None
    limit = paragraph_end(doc_text(doc), tok.idx, PARAGRAPHS_AHEAD)
    later = [
        (min(m for m in e.mentions if m > tok.idx), e)
        for e in index.entities
        if e.kind == kind and any(tok.idx < m < limit for m in e.mentions)
    ]
    for _, entity in sorted(later, key=lambda x: x[0]):
        if min(entity.mentions) < tok.idx:
            continue  # someone named before would have been named here
        if kind == "organisation" and entity.type not in (org_type, "other", "ngo"):
            continue
        if kind == "person" and not introduced_as(entity, tok, rules):
            continue
        if lemma not in rules.spokespeople and _complement_of(tok, entity):
            continue
        return entity
    return None


def spokesperson_org(index: EntityIndex, tok: Token) -> Entity | None:
    """ "A spokesperson for the Anti-Fraud Directorate said …", "officials at the Provincial
    Department said …", "a Home Office spokesperson said …" with no name given: the body speaks."""
    rules, lemma = index.rules, tok.lemma_.lower()
    if lemma not in rules.spokespeople and not (lemma in rules.body_voices and tok.tag_ == "NNS"):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in rules.body_prepositions:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                ent = index.entity_at(obj)
                if ent is not None and ent.kind == "organisation":
                    return ent
    mods = [mod for mod in tok.children if mod.dep_ in COMPOUND_DEPS and mod.i < tok.i]
    for mod in mods:  # "A Home Office spokesperson said", "a police spokesman"
        ent = index.entity_at(mod)
        if ent is not None and ent.kind == "organisation":
            return ent
    if mods:  # "USAF officials said": a modifier the recogniser did not tag, written as a body's name
        run = tok.doc[mods[0].left_edge.i : tok.i].text
        return next(
            (org for org in index.organisations() if run in (org.name, org.acronym, *org.aliases)), None
        )
    return None


def statement_issuer(index: EntityIndex, doc_tok: Token) -> Entity | None:
    """Who issued the statement ``doc_tok`` names: "In a statement to Radio X, the retailer Y said"
    -> Y, "Trump, in a statement delivered via the press secretary, announced" -> Trump (the
    subject of the clause it introduces), else an organisation in its phrase other than the one it
    was given to."""
    prep = doc_tok.head
    if doc_tok.dep_ == "pobj" and prep.head.pos_ in VERB_POS:
        for child in prep.head.children:
            if child.dep_ in SUBJECT_DEPS:
                ent = index.entity_at(child)
                if ent is not None:
                    return ent
    for sub in doc_tok.subtree:
        if sub.dep_ == "pobj" and sub.head.lower_ in index.rules.recipient_prepositions:
            continue
        ent = index.entity_at(sub)
        if ent is not None and ent.kind == "organisation" and not _received(sub, doc_tok, index.rules):
            return ent
    return None


def _received(tok: Token, doc_tok: Token, rules: Rules) -> bool:
    """``tok`` sits in a "to …" phrase of ``doc_tok`` (the statement's recipient)."""
    node = tok
    while node.i != doc_tok.i and node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in rules.recipient_prepositions:
            return True
        node = node.head
    return False
