"""Places recognised from other places: "the provinces of Siem Reap, Battambang and Kampong Cham",
"through Batam and Tanjung Balai Karimun", and later bare mentions of a name shown to be a place.

The tagger often calls a two-word Asian place name a person's. When nothing but that label speaks
for a person (no title, no role, no age, not the subject of a reporting verb), a name listed with
a place, or written elsewhere in the article where it is plainly a place, is a place too.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .name_evidence import SUBJECT_DEPS, Evidence
from .names import NameChunk, chunk_root
from .rules import Rules

LIST_WORDS = frozenset({"and", "or"})
MAX_PASSES = 4


def _weak_person(doc: Doc, chunk: NameChunk, ev: Evidence, rules: Rules) -> bool:
    """Only the tagger (or nothing) says the name is a person's, or only its capitals an
    organisation's ("Saudi Arabia, the UAE and Kuwait")."""
    if (
        (ev.org and not ev.acronym_only)
        or ev.law
        or ev.role is not None
        or ev.mononym
        or chunk.title is not None
    ):
        return False
    root = chunk_root(doc, chunk)
    return not (root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in rules.reporting_verbs)


def _listed_with(doc: Doc, a: NameChunk, b: NameChunk) -> bool:
    """``a`` and ``b`` are items of one list: coordinated in the parse, or joined by "and"/"or"."""
    ra, rb = chunk_root(doc, a), chunk_root(doc, b)
    if (ra.dep_ == "conj" and ra.head.i == rb.i) or (rb.dep_ == "conj" and rb.head.i == ra.i):
        return True
    left, right = (a, b) if a.end <= b.first else (b, a)
    gap = [t.lower_ for t in doc[left.end : right.first]]
    return gap in (["and"], ["or"], [",", "and"], [",", "or"])


def spread_place_evidence(
    doc: Doc, chunks: list[NameChunk], evidence: dict[int, Evidence], rules: Rules
) -> None:
    """Mark as places the weakly-personal names listed with a place or written like a known place."""
    for _ in range(MAX_PASSES):
        places = [c for c in chunks if evidence[c.start].place]
        names = {c.text for c in places}
        changed = False
        for chunk in chunks:
            ev = evidence[chunk.start]
            if ev.place or not _weak_person(doc, chunk, ev, rules):
                continue
            if chunk.text in names or any(_listed_with(doc, chunk, p) for p in places):
                ev.place, ev.person, ev.weak_person, ev.org = True, False, False, False
                changed = True
        if not changed:
            return
