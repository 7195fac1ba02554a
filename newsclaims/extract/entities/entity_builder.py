"""Merging name chunks into entities: exact repeats, shorter forms, acronyms and misspellings.

Shorter forms and misspellings become aliases of the fullest name they denote in context (the
most recently mentioned one when several fit), so people sharing a family name stay distinct.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..names.names import NameChunk
from ..names.org_names import short_org_name
from .entity_index import Entity

FUZZY_MIN_RATIO = 80
FUZZY_MIN_LENGTH = 5


class EntityBuilder:
    """Turns classified chunks into entities, longest names first, then attaches short forms."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.chunk_entity: dict[int, Entity] = {}
        self._order: dict[int, int] = {}  # id(entity) -> position in ``entities``
        self._by_word: dict[str, list[Entity]] = {}  # a word of the name -> entities holding it
        self._by_initial: dict[str, list[Entity]] = {}  # first letter of a person's name word
        self._by_text: dict[str, list[Entity]] = {}  # a name, alias or acronym -> entities it may be

    def _register(self, entity: Entity) -> None:
        """Index a new entity by its words, so matching a chunk looks at a few candidates only."""
        self._order[id(entity)] = len(self.entities)
        self.entities.append(entity)
        for w in set(entity.words):
            self._by_word.setdefault(w, []).append(entity)
            if entity.kind == "person":
                self._by_initial.setdefault(w[:1], []).append(entity)
        self.note_text(entity, entity.name)

    def note_text(self, entity: Entity, text: str | None) -> None:
        """Index a name, alias or acronym ``entity`` now answers to, so exact matches look it up
        instead of scanning every entity (quadratic in a long story's names). Call it for every
        alias or acronym given to an entity while chunks are still being matched."""
        if text:
            found = self._by_text.setdefault(text, [])
            if all(e is not entity for e in found):
                found.append(entity)

    def entities_with_word(self, word: str) -> list[Entity]:
        """The entities whose name holds ``word``, in the order they were made."""
        return list(self._by_word.get(word, []))

    def _in_order(self, found: list[Entity]) -> list[Entity]:
        unique = {id(e): e for e in found}
        return sorted(unique.values(), key=lambda e: self._order[id(e)])

    def _find_exact(self, kind: str, text: str) -> Entity | None:
        for e in self._in_order(self._by_text.get(text, [])):
            if e.kind == kind and (e.name == text or text in e.aliases or e.acronym == text):
                return e
        return None

    def add(self, chunk: NameChunk, kind: str) -> Entity:
        """The entity of ``kind`` that ``chunk`` names, new unless it repeats or shortens one."""
        entity = self._find_exact(kind, chunk.text) or self.match_short(chunk, chunk.start_char)
        if entity is None or entity.kind != kind:
            entity = Entity(kind=kind, name=chunk.text, words=tuple(chunk.words))
            self._register(entity)
        self.add_mention(entity, chunk)
        return entity

    def match_short(self, chunk: NameChunk, pos: int) -> Entity | None:
        """The entity a shorter form, acronym or misspelling denotes, by recency when ambiguous."""
        words = chunk.words
        if not words:
            return None
        text = chunk.text
        named = [
            e
            for e in self._by_text.get(text, [])
            if e.kind == "organisation" and (e.acronym == text or text in e.aliases)
        ]
        found = []
        for e in self._in_order(self._by_word.get(words[0], []) + named):
            if e.kind == "organisation":
                if e.acronym == chunk.text or chunk.text in e.aliases or short_org_name(words, list(e.words)):
                    found.append(e)
                continue
            n = len(words)
            if n < len(e.words) and any(
                list(e.words[i : i + n]) == words for i in range(len(e.words) - n + 1)
            ):
                found.append(e)
        if not found and len(words) == 1:
            found = self.people_named_in_capitals(words[0])
        if not found and len(words) == 1 and len(words[0]) >= FUZZY_MIN_LENGTH:
            for e in self._in_order(self._by_initial.get(words[0][:1], [])):
                if e.kind == "person" and any(
                    w[:1] == words[0][:1] and fuzz.ratio(w, words[0]) >= FUZZY_MIN_RATIO for w in e.words
                ):
                    found.append(e)
        if not found:
            return None
        before = [(max((m for m in e.mentions if m < pos), default=-1), e) for e in found]
        before.sort(key=lambda x: -x[0])
        return before[0][1]

    def people_named_in_capitals(self, word: str) -> list[Entity]:
        """The people one of whose name words ``word`` is, written in capitals ("TRUMP" in a
        transcript's label, "WALLACE: …"), in the order they were made; none unless it is capitals.
        A word the name itself writes in capitals ("NASA" in "NASA Administrator Charles Bolden")
        is an acronym there too, not a capitals rendering."""
        if not (word.isupper() and len(word) >= 2):
            return []
        low = word.lower()
        return [
            e
            for e in self._in_order(self._by_initial.get(word[:1], []))
            if e.kind == "person" and any(w.lower() == low and not w.isupper() for w in e.words)
        ]

    def add_mention(self, entity: Entity, chunk: NameChunk) -> None:
        """Record ``chunk`` as a mention of ``entity``; a text other than its name is an alias
        ("… Human Rights, known as Licadho")."""
        entity.mentions.append(chunk.start_char)
        entity.add_alias(chunk.text)
        self.note_text(entity, chunk.text)
        self.chunk_entity[chunk.start] = entity

    def attach(self, chunk: NameChunk) -> Entity | None:
        """Attach a short form to the entity it denotes, if any."""
        entity = self._find_exact("person", chunk.text) or self.match_short(chunk, chunk.start_char)
        if entity is not None:
            self.add_mention(entity, chunk)
        return entity
