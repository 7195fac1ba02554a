"""Places recognised from other places: "the provinces of Siem Reap, Battambang and Kampong Cham",
"through Batam and Tanjung Balai Karimun", and later bare mentions of a name shown to be a place.

The tagger often calls a two-word Asian place name a person's. When nothing but that label speaks
for a person (no title, no role, no age, not the subject of a reporting verb), a name listed with
a place, or written elsewhere in the article where it is plainly a place, is a place too.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..base.rules import Rules
from .name_evidence import Evidence
from .names import NameChunk, chunk_root, speaking_subject

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
    return not speaking_subject(root, rules)


class _PlaceIndex:
    """The place chunks found so far, by root token, first token and end token.

    Whether a name is listed with a place is then a handful of lookups around it, not a scan of
    every place for every name (which made long articles quadratic).
    """

    def __init__(self, doc: Doc, places: list[NameChunk], rules: Rules) -> None:
        self.doc = doc
        self.gaps = rules.place_list_gaps
        self.max_gap = max(len(g) for g in self.gaps)
        self.roots = {chunk_root(doc, p).i for p in places}
        self.firsts = {p.first for p in places}
        self.ends = {p.end for p in places}

    def _gap(self, lo: int, hi: int) -> bool:
        return tuple(t.lower_ for t in self.doc[lo:hi]) in self.gaps

    def listed_with(self, chunk: NameChunk) -> bool:
        """``chunk`` and a place are items of one list: coordinated in the parse, or joined by
        "and"/"or" (optionally after a comma)."""
        root = chunk_root(self.doc, chunk)
        if root.dep_ == "conj" and root.head.i in self.roots:
            return True
        if any(c.dep_ == "conj" and c.i in self.roots for c in root.children):
            return True
        for k in range(1, self.max_gap + 1):
            if chunk.end + k in self.firsts and self._gap(chunk.end, chunk.end + k):
                return True
            if chunk.first - k in self.ends and self._gap(chunk.first - k, chunk.first):
                return True
        return False


def spread_place_evidence(
    doc: Doc, chunks: list[NameChunk], evidence: dict[int, Evidence], rules: Rules
) -> None:
    """Mark as places the weakly-personal names listed with a place or written like a known place.

    A one-word name that is the family name of someone the story names in full as a person
    ("Joe Biden", then "His opponent, Biden,") is that person's short form, never spread to: else
    one "Trump" read as a place made every weak "Trump" of a campaign roundup a place and, through
    "neither Trump nor Biden", every weak "Biden" too.
    """
    surnames = {
        c.words[-1]
        for c in chunks
        if len(c.words) >= 2 and evidence[c.start].person and not evidence[c.start].place
    }
    for _ in range(MAX_PASSES):
        places = [c for c in chunks if evidence[c.start].place]
        names = {c.text for c in places}
        index = _PlaceIndex(doc, places, rules)
        changed = False
        for chunk in chunks:
            ev = evidence[chunk.start]
            if ev.place or not _weak_person(doc, chunk, ev, rules):
                continue
            if len(chunk.words) == 1 and chunk.words[0] in surnames:
                continue
            if chunk.text in names or index.listed_with(chunk):
                ev.place, ev.person, ev.weak_person, ev.org = True, False, False, False
                changed = True
        if not changed:
            return
