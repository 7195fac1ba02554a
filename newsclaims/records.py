"""Records passed between stages: a read article, and what extraction finds in its body.

Extraction records are article-local: entities are named by their canonical name within the
article, and ``resolve`` turns them into dataset-wide ids. Offsets are ints into ``Article.body``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["person", "organisation"]
QuoteKind = Literal["direct", "indirect"]
ORGANISATION_TYPES = ("ngo", "government", "company", "media", "party", "intergovernmental", "other")

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def article_id_for(body: str) -> str:
    """Content-derived article id: the first 16 hex digits of sha256 of the clean body.

    Deriving it from the text (not the file name or build order) keeps ids stable across
    rebuilds, machines and renames, and makes two files holding the same text one article.
    """
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One article as read from a raw file: metadata plus clean body text.

    ``body`` holds paragraphs separated by exactly one blank line (``"\\n\\n"``), no leading or
    trailing whitespace, NFC-normalised. Metadata found nowhere is ``None``, never guessed.
    """

    source_file: str  # path relative to the raw folder, POSIX separators
    source_sha256: str  # of the raw bytes
    body: str
    title: str | None = None
    publication: str | None = None
    url: str | None = None
    published_date: str | None = None  # ISO 8601 date (YYYY-MM-DD)
    byline: str | None = None
    raw_format: str = "plain"  # which reader produced it (plain, scraped, wrapped, frontmatter, html)

    @property
    def id(self) -> str:
        return article_id_for(self.body)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    @property
    def paragraph_count(self) -> int:
        return len(self.paragraphs)

    @property
    def word_count(self) -> int:
        return len(_WORD.findall(self.body))


@dataclass(frozen=True)
class EntityRef:
    """Who a quote or figure belongs to: a person or organisation by its article-canonical name."""

    kind: EntityKind
    name: str


@dataclass(frozen=True)
class PersonMention:
    """A person named in one article, with the forms used for them and their role there."""

    name: str  # fullest form used in the article
    aliases: tuple[str, ...] = ()  # other forms seen (short forms, misspellings); never pronouns
    mentions: int = 1
    role: str | None = None  # as written: "Technical Coordinator", "Labour Minister"
    organisation: str | None = None  # canonical name of an OrganisationMention of the same article


@dataclass(frozen=True)
class OrganisationMention:
    """An organisation named in one article."""

    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    type: str = "other"  # one of ORGANISATION_TYPES
    parent: str | None = None  # canonical name of another OrganisationMention of the article
    mentions: int = 1


@dataclass(frozen=True)
class Quote:
    """A direct or reported quote; ``body[start:end] == text``."""

    kind: QuoteKind
    text: str
    start: int
    end: int
    paragraph: int  # 1-based
    speaker: EntityRef | None = None
    speaker_text: str | None = None  # the words naming the speaker, as written ("he", "Choeuth")
    cue: str | None = None  # reporting verb as written ("said", "told", "according to")


@dataclass(frozen=True)
class Figure:
    """A number the article claims; ``body[start:end] == text``."""

    text: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    unit: str | None = None  # counted noun, "percent", or ISO 4217 code
    claimant: EntityRef | None = None
    quote_index: int | None = None  # index into Extraction.quotes of the quote holding it


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one article body."""

    people: tuple[PersonMention, ...] = ()
    organisations: tuple[OrganisationMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = field(default_factory=tuple)
