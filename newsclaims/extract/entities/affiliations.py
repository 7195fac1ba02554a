"""Who belongs to what: a person's role, organisation and gender, and an organisation's parent.

Run once every chunk denotes an entity, since the organisation a role belongs to ("director of
the Z", "Y's country director", "the bureau") is looked up among them.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from ..base.labels import NOUN_OBJECT_DEPS
from ..names.name_evidence import Evidence
from ..names.names import chunk_root
from .entity_index import Entity, EntityIndex
from .org_nouns import resolve_org_noun


def assign_roles_and_affiliations(index: EntityIndex, evidence: dict[int, Evidence]) -> None:
    """Give each person the titles, role, organisation and gender its mentions' evidence states."""
    doc, rules = index.doc, index.rules
    for chunk in index.chunks:
        entity = index.chunk_entity.get(chunk.start)
        if entity is None or entity.kind != "person":
            continue
        ev = evidence[chunk.start]
        title = chunk.title.text if chunk.title is not None else ""
        if title and title not in entity.titles:
            entity.titles.append(title)
        if ev.role and entity.role is None:
            entity.role = ev.role
        if ev.role_head is not None and entity.organisation is None:
            entity.organisation = _org_in(index, ev.role_head)
        if entity.organisation is None:
            entity.organisation = _org_led(index, chunk_root(doc, chunk))
        words = title.lower().split() + (entity.role or "").lower().split()
        for w in words:
            cue = rules.gender_cues.get(w)
            if cue is None and (w.endswith("man") or w.endswith("woman")) and w in rules.role_nouns:
                cue = "f" if w.endswith("woman") else "m"
            entity.gender = entity.gender or cue
        root = chunk_root(doc, chunk)
        if root.dep_ == "appos" and root.head.lower_ in rules.gender_cues:
            entity.gender = entity.gender or rules.gender_cues[root.head.lower_]
        for child in root.children:
            if child.dep_ == "appos" and child.lower_ in rules.gender_cues:
                entity.gender = entity.gender or rules.gender_cues[child.lower_]


def assign_parents(index: EntityIndex) -> None:
    """ "the Ministry of Interior's Department of X" and "the Department of X of the Ministry of Y"."""
    doc = index.doc
    orgs = [(c, index.chunk_entity.get(c.start)) for c in index.chunks]
    orgs = [(c, e) for c, e in orgs if e is not None and e.kind == "organisation"]
    for (a, ea), (b, eb) in pairwise(orgs):
        gap = [t.lower_ for t in doc[a.end : b.first]]
        if ea is eb:
            continue
        if len(gap) == 1 and gap[0] in index.rules.possessive_clitics and eb.parent is None:
            eb.parent = ea
        elif tuple(gap) in index.rules.parent_org_gaps and ea.parent is None:
            ea.parent = eb


def _org_in(index: EntityIndex, head: Token) -> Entity | None:
    """The organisation a role belongs to: "director of the Z", "Y's country director", "director
    of the bureau" (a noun the organisation's name holds)."""
    for child in head.children:
        if child.dep_ == "compound" and index.entity_at(child) is not None:
            ent = index.entity_at(child)
            if ent is not None and ent.kind == "organisation":
                return ent
        if child.dep_ == "poss":
            ent = index.entity_at(child) or resolve_org_noun(index, child)
            if ent is not None and ent.kind == "organisation":
                return ent
        if child.dep_ == "prep" and child.lower_ in index.rules.role_prepositions:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    named = [index.entity_at(c) for c in pobj.children if c.dep_ == "appos"]
                    ent = index.entity_at(pobj) or next((e for e in named if e is not None), None)
                    ent = ent or resolve_org_noun(index, pobj)
                    if ent is not None and ent.kind == "organisation":
                        return ent
    return None


def _org_led(index: EntityIndex, root: Token) -> Entity | None:
    """ "X, who heads the Tak Border Task Force, …": the organisation a relative clause says the
    person leads or works for."""
    for clause in root.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in index.rules.lead_verbs:
            continue
        for obj in clause.subtree:
            ent = index.entity_at(obj)
            if ent is not None and ent.kind == "organisation" and obj.dep_ in NOUN_OBJECT_DEPS:
                return ent
    return None
