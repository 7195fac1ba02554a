"""The people and organisations of one body, and which name chunk denotes which of them.

``Entity`` is mutable while ``entities`` assembles it from its mentions; ``EntityIndex`` is what
the speaker resolution and the pipeline look names up in once it is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..base.rules import Rules
from ..names.names import NameChunk


@dataclass
class Entity:
    """A person or organisation being assembled from its mentions (mutable while building)."""

    kind: str  # "person" | "organisation"
    name: str
    words: tuple[str, ...]
    mentions: list[int] = field(default_factory=list)  # char offsets, in text order
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    organisation: Entity | None = None
    gender: str | None = None
    titles: list[str] = field(default_factory=list)  # ranks and titles written before the name
    acronym: str | None = None
    type: str = "other"
    parent: Entity | None = None

    def add_alias(self, text: str) -> None:
        if text != self.name and text not in self.aliases:
            self.aliases.append(text)


@dataclass
class EntityIndex:
    """The entities of one body and which entity each name chunk denotes."""

    doc: Doc
    rules: Rules
    entities: list[Entity]
    chunks: list[NameChunk]
    chunk_entity: dict[int, Entity]  # chunk start token -> entity

    _by_token: dict[int, NameChunk] = field(default_factory=dict, init=False, repr=False)
    _indexed: int = field(default=-1, init=False, repr=False)

    def chunk_at(self, token: Token) -> NameChunk | None:
        """The name chunk covering ``token`` (or its title), if any: the first such in ``chunks``."""
        if self._indexed != len(self.chunks):  # chunks are only ever added, never changed
            self._by_token = {}
            for chunk in self.chunks:
                for i in range(chunk.first, chunk.end):
                    self._by_token.setdefault(i, chunk)
            self._indexed = len(self.chunks)
        return self._by_token.get(token.i)

    def entity_at(self, token: Token) -> Entity | None:
        """The entity whose name chunk covers ``token`` (or its title), if any."""
        chunk = self.chunk_at(token)
        return self.chunk_entity.get(chunk.start) if chunk is not None else None

    def people(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "person"]

    def organisations(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "organisation"]

    def mentioned_before(self, kind: str, pos: int) -> list[Entity]:
        """Entities of ``kind`` mentioned before char ``pos``, most recent first."""
        seen = []
        for e in self.entities:
            prior = [m for m in e.mentions if m < pos]
            if e.kind == kind and prior:
                seen.append((max(prior), e))
        return [e for _, e in sorted(seen, key=lambda x: -x[0])]
