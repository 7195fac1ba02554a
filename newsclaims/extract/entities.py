"""People and organisations named in a body, with aliases, roles, affiliations, types and parents.

Name chunks (``names``) are classified from evidence in the parse rather than from spaCy's NER
alone: a title before the name, a role in apposition ("X, deputy chief of ..."), being the subject
of a reporting verb, an organisation keyword ("Ministry", "Sdn Bhd"), a locative preposition before
a place. Shorter forms and misspellings become aliases of the fullest name they denote in context,
so people sharing a family name stay distinct.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from ..records import OrganisationMention, PersonMention
from .names import NameChunk, find_name_chunks
from .rules import Rules

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ACRONYM_DEPS = frozenset({"nsubj", "nsubjpass", "pobj", "dobj", "poss", "appos", "conj"})
ROLE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
FUZZY_MIN_RATIO = 80
FUZZY_MIN_LENGTH = 5


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

    def chunk_at(self, token: Token) -> NameChunk | None:
        """The name chunk covering ``token`` (or its title), if any."""
        for chunk in self.chunks:
            lo = chunk.title_start if chunk.title_start is not None else chunk.start
            if lo <= token.i < chunk.end:
                return chunk
        return None

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


def _root(doc: Doc, chunk: NameChunk) -> Token:
    """The chunk's syntactic head: its last token attached outside it (names are head-final)."""
    span = doc[chunk.start : chunk.end]
    external = [t for t in span if not chunk.start <= t.head.i < chunk.end or t.head.i == t.i]
    return external[-1] if external else span[-1]


def _prev_word(doc: Doc, chunk: NameChunk) -> Token | None:
    i = (chunk.title_start if chunk.title_start is not None else chunk.start) - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _role_phrase(head: Token) -> str:
    """ "deputy chief", "Technical Coordinator", "enforcement director": the noun and its modifiers."""
    mods = [c for c in head.children if c.dep_ in ROLE_MODIFIER_DEPS and c.i < head.i]
    start = min([head.i, *(m.i for m in mods)])
    doc = head.doc
    return doc[start : head.i + 1].text


def _is_role(tok: Token, rules: Rules) -> bool:
    low = tok.lower_
    return low in rules.role_nouns or low in rules.person_titles or tok.lemma_.lower() in rules.role_nouns


def _preceding_role(doc: Doc, chunk: NameChunk, rules: Rules) -> str | None:
    """Lower-case role words right before the name: "deputy prime minister Sar Kheng"."""
    prev = _prev_word(doc, chunk)
    if prev is None or not prev.text.islower() or not _is_role(prev, rules):
        return None
    start = prev.i
    while start > 0 and doc[start - 1].text.islower() and doc[start - 1].pos_ in {"NOUN", "ADJ", "PROPN"}:
        if start - 1 < prev.i - 3:
            break
        start -= 1
    return doc[start : prev.i + 1].text


@dataclass
class _Evidence:
    person: bool = False
    weak_person: bool = False  # only spaCy's PERSON label speaks for it
    is_role: bool = False
    org: bool = False
    place: bool = False
    role: str | None = None
    role_head: Token | None = None
    org_type: str | None = None


def _org_keyword_type(words: list[str], rules: Rules) -> str | None:
    types = [rules.org_keywords[w] for w in words if w in rules.org_keywords]
    content = [
        w for w in words if w not in rules.org_keywords and w.lower() not in {"of", "for", "and", "at", "on"}
    ]
    return types[-1] if types and content else None


def _acronym(chunk: NameChunk, rules: Rules) -> str | None:
    for w in chunk.text.split():
        if len(w) >= 3 and w.isupper() and w.isalpha() and w not in rules.non_names:
            return w
    return None


def _evidence(doc: Doc, chunk: NameChunk, rules: Rules) -> _Evidence:
    ev = _Evidence()
    root = _root(doc, chunk)
    span = doc[chunk.start : chunk.end]
    words = chunk.text.split()
    ents = {t.ent_type_ for t in span}
    prev = _prev_word(doc, chunk)
    kw_type = _org_keyword_type(words, rules)
    if kw_type:
        ev.org, ev.org_type = True, kw_type
        return ev
    if words[-1].lower() in rules.role_nouns or words[-1].lower() in rules.person_titles:
        ev.is_role = True
        return ev  # a role written in capitals ("Technical Coordinator"), not a name
    if chunk.title:
        honorific = all(w.lower() in rules.gender_cues for w in chunk.title.split())
        ev.person, ev.role = True, None if honorific else chunk.title
    pre_role = _preceding_role(doc, chunk, rules)
    if pre_role and not ev.role:
        ev.person, ev.role = True, pre_role
    if root.dep_ == "appos" and _is_role(root.head, rules):
        ev.person, ev.role, ev.role_head = True, ev.role or _role_phrase(root.head), root.head
    if root.dep_ == "appos" and root.head.lower_ == "one":
        ev.person = True
        for prep in root.head.children:
            for pobj in prep.children:
                if prep.lower_ == "of" and pobj.dep_ == "pobj":
                    ev.role = ev.role or pobj.lemma_.lower()
    for child in root.children:
        if child.dep_ == "appos" and _is_role(child, rules):
            ev.person = True
            ev.role = ev.role or _role_phrase(child)
            ev.role_head = ev.role_head or child
        if child.dep_ == "appos" and child.like_num:
            ev.person = True
    _surface_evidence(doc, chunk, rules, ev)
    if len(words) >= 2 and "PERSON" in ents and not (ents & {"GPE", "LOC"}):
        ev.weak_person = True
    if root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in rules.reporting_verbs and len(words) >= 2:
        ev.person = True
    if prev is not None and prev.lower_ in rules.locative_prepositions and not ev.person:
        ev.place = True
    if (
        prev is not None
        and prev.lower_ == "the"
        and prev.i > 0
        and doc[prev.i - 1].lower_ in rules.locative_prepositions
    ):
        ev.place = ev.place or not ev.person
    if ents and ents <= PLACE_ENTS and not ev.person:
        ev.place = True
    if words[-1] in rules.place_words:
        ev.place, ev.person = True, False
    head_phrase = root.head.lower_
    if root.dep_ in {"compound", "amod", "nmod"} and not ev.person:
        two = f"{doc[root.head.i - 1].lower_} {head_phrase}" if root.head.i > 0 else head_phrase
        noun_type = rules.org_nouns.get(two) or rules.org_nouns.get(head_phrase)
        if (noun_type or root.head.lemma_.lower() in rules.document_nouns) and not (ents & {"GPE", "LOC"}):
            ev.org, ev.org_type, ev.place = True, noun_type, False
    acronym = _acronym(chunk, rules)
    if ev.place:
        ev.weak_person = False
    ev.person = ev.person or ev.weak_person
    if (
        acronym
        and not ev.person
        and not ev.place
        and (root.dep_ in ACRONYM_DEPS or "ORG" in ents or len(words) > 1)
    ):
        ev.org = True
    return ev


def _surface_evidence(doc: Doc, chunk: NameChunk, rules: Rules, ev: _Evidence) -> None:
    """Word-order cues that survive a bad parse of an unfamiliar name.

    "X’s son" (a relation noun after the possessive), "X, deputy director of …" (a role after the
    comma), "the agency’s director, X" (a role before the comma), "X said".
    """
    n = len(doc)
    after = chunk.end
    if after + 1 < n and doc[after].text in {"’s", "'s"} and doc[after + 1].lower_ in rules.kin_nouns:
        ev.person = True
    if after + 1 < n and doc[after].text == ",":
        for j in range(after + 1, min(after + 6, n)):
            tok = doc[j]
            if tok.is_punct or tok.pos_ in {"VERB", "AUX"} or tok.lower_ in {"of", "at", "for", "with", "in"}:
                break
            if tok.text.islower() and (
                tok.lower_ in rules.role_nouns or tok.lemma_.lower() in rules.role_nouns
            ):
                nxt = doc[j + 1] if j + 1 < n else None
                if nxt is None or nxt.is_punct or nxt.lower_ in {"of", "at", "for", "with", "in"}:
                    ev.person = True
                    if ev.role is None:
                        ev.role = doc[after + 1 : j + 1].text.removeprefix("a ").removeprefix("the ")
                        ev.role_head = tok
                break
    lo = chunk.title_start if chunk.title_start is not None else chunk.start
    if lo >= 2 and doc[lo - 1].text == "," and doc[lo - 2].text.islower() and _is_role(doc[lo - 2], rules):
        ev.person = True
        if ev.role is None:
            ev.role, ev.role_head = _role_phrase(doc[lo - 2]), doc[lo - 2]
    if after < n and doc[after].lemma_.lower() in rules.reporting_verbs and doc[after].pos_ == "VERB":
        ev.person = ev.person or len(chunk.words) >= 2


class _Builder:
    """Turns classified chunks into entities, longest names first, then attaches short forms."""

    def __init__(self, doc: Doc, rules: Rules) -> None:
        self.doc, self.rules = doc, rules
        self.entities: list[Entity] = []
        self.chunk_entity: dict[int, Entity] = {}

    def _find_exact(self, kind: str, text: str) -> Entity | None:
        for e in self.entities:
            if e.kind == kind and (e.name == text or text in e.aliases or e.acronym == text):
                return e
        return None

    def add(self, chunk: NameChunk, kind: str) -> Entity:
        entity = self._find_exact(kind, chunk.text) or self._match_short(chunk, chunk.start_char)
        if entity is None or entity.kind != kind:
            entity = Entity(kind=kind, name=chunk.text, words=tuple(chunk.words))
            self.entities.append(entity)
        entity.mentions.append(chunk.start_char)
        if chunk.text != entity.name:
            entity.add_alias(chunk.text)
        self.chunk_entity[chunk.start] = entity
        return entity

    def _match_short(self, chunk: NameChunk, pos: int) -> Entity | None:
        """The entity a shorter form, acronym or misspelling denotes, by recency when ambiguous."""
        words = chunk.words
        found = []
        for e in self.entities:
            if e.kind == "organisation":
                if e.acronym == chunk.text or (
                    len(words) < len(e.words) and list(e.words[: len(words)]) == words
                ):
                    found.append(e)
                continue
            n = len(words)
            if n < len(e.words) and any(
                list(e.words[i : i + n]) == words for i in range(len(e.words) - n + 1)
            ):
                found.append(e)
        if not found and len(words) == 1 and len(words[0]) >= FUZZY_MIN_LENGTH:
            for e in self.entities:
                if e.kind == "person" and any(
                    w[:1] == words[0][:1] and fuzz.ratio(w, words[0]) >= FUZZY_MIN_RATIO for w in e.words
                ):
                    found.append(e)
        if not found:
            return None
        before = [(max((m for m in e.mentions if m < pos), default=-1), e) for e in found]
        before.sort(key=lambda x: -x[0])
        return before[0][1]

    def attach(self, chunk: NameChunk) -> Entity | None:
        entity = self._match_short(chunk, chunk.start_char)
        if entity is not None:
            entity.mentions.append(chunk.start_char)
            entity.add_alias(chunk.text)
            self.chunk_entity[chunk.start] = entity
        return entity


def build_entities(doc: Doc, *, rules: Rules) -> EntityIndex:
    """Find the people and organisations of ``doc`` and index which chunk denotes which.

    :returns: an ``EntityIndex`` whose entities are in order of first mention.
    """
    chunks = find_name_chunks(doc, rules=rules)
    evidence = {c.start: _evidence(doc, c, rules) for c in chunks}
    _spread_person_evidence(doc, chunks, evidence)
    builder = _Builder(doc, rules)
    by_length = sorted(chunks, key=lambda c: (-len(c.words), c.start))
    pending = []
    for chunk in by_length:
        ev = evidence[chunk.start]
        if ev.org:
            entity = builder.add(chunk, "organisation")
            entity.type = ev.org_type or entity.type
            entity.acronym = entity.acronym or _bracketed_acronym(doc, chunk) or _acronym(chunk, rules)
        elif ev.person and not ev.place and not ev.is_role and (len(chunk.words) >= 2 or chunk.title):
            known = builder._match_short(chunk, chunk.start_char)
            if known is not None and (known.kind == "organisation" or len(chunk.words) < 2):
                pending.append(chunk)
            else:
                builder.add(chunk, "person")
        else:
            pending.append(chunk)
    for chunk in sorted(pending, key=lambda c: c.start):
        ev = evidence[chunk.start]
        if ev.place and not _possessive_or_subject(doc, chunk):
            continue
        builder.attach(chunk)
    _media_mentions(doc, rules, builder)
    entities = sorted(builder.entities, key=lambda e: min(e.mentions))
    for e in entities:
        e.mentions.sort()
        if e.acronym and e.acronym != e.name:
            e.add_alias(e.acronym)
    index = EntityIndex(doc, rules, entities, chunks, builder.chunk_entity)
    _roles_and_affiliations(index, evidence)
    _parents(index)
    return index


def _bracketed_acronym(doc: Doc, chunk: NameChunk) -> str | None:
    """ "the Legal Aid Network for Migrants (LANM)": the acronym in brackets after a name."""
    i = chunk.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        word = doc[i + 1].text
        if len(word) >= 2 and word.isupper() and word.isalpha():
            return word
    return None


def _possessive_or_subject(doc: Doc, chunk: NameChunk) -> bool:
    root = _root(doc, chunk)
    return root.dep_ in SUBJECT_DEPS | {"poss"}


def _spread_person_evidence(doc: Doc, chunks: list[NameChunk], evidence: dict[int, _Evidence]) -> None:
    """A name coordinated with a person's name is a person's too ("Ramil Tuazon and Dennis Tuazon")."""
    by_root = {_root(doc, c).i: c for c in chunks}
    for chunk in chunks:
        root = _root(doc, chunk)
        if root.dep_ == "conj" and root.head.i in by_root:
            other = by_root[root.head.i]
            a, b = evidence[chunk.start], evidence[other.start]
            if a.is_role or b.is_role:
                continue
            if (
                (a.person or b.person)
                and not (a.org or b.org)
                and len(chunk.words) >= 2
                and len(other.words) >= 2
            ):
                a.person = b.person = True
                a.place = b.place = False


def _media_mentions(doc: Doc, rules: Rules, builder: _Builder) -> None:
    """'told the Post': the publication named by its one-word short name."""
    for tok in doc:
        if (
            rules.org_keywords.get(tok.text) == "media"
            and tok.i > 0
            and doc[tok.i - 1].lower_ == "the"
            and tok.dep_ in {"dobj", "pobj", "dative"}
            and tok.head.lemma_ in {"tell", "to"}
        ):
            chunk = NameChunk(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text)
            entity = builder.add(chunk, "organisation")
            entity.type = "media"
            entity.add_alias(f"the {tok.text}")


def _nominal_org(index: EntityIndex, tok: Token) -> Entity | None:
    """ "the bureau", "the agency": the most recent organisation whose name holds that noun."""
    from .speakers import resolve_org_noun  # local: speakers builds on entities

    return resolve_org_noun(index, tok)


def _org_in(index: EntityIndex, head: Token) -> Entity | None:
    """The organisation a role belongs to: "director of the Z", "Y's country director"."""
    for child in head.children:
        if child.dep_ == "compound" and index.entity_at(child) is not None:
            ent = index.entity_at(child)
            if ent is not None and ent.kind == "organisation":
                return ent
        if child.dep_ == "poss":
            ent = index.entity_at(child) or _nominal_org(index, child)
            if ent is not None and ent.kind == "organisation":
                return ent
        if child.dep_ == "prep" and child.lower_ in {"of", "at", "for", "with", "in"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    ent = index.entity_at(pobj) or _nominal_org(index, pobj)
                    if ent is not None and ent.kind == "organisation":
                        return ent
    return None


def _roles_and_affiliations(index: EntityIndex, evidence: dict[int, _Evidence]) -> None:
    doc, rules = index.doc, index.rules
    for chunk in index.chunks:
        entity = index.chunk_entity.get(chunk.start)
        if entity is None or entity.kind != "person":
            continue
        ev = evidence[chunk.start]
        if ev.role and entity.role is None:
            entity.role = ev.role
        if ev.role_head is not None and entity.organisation is None:
            entity.organisation = _org_in(index, ev.role_head)
        words = (chunk.title or "").lower().split() + (entity.role or "").lower().split()
        for w in words:
            cue = rules.gender_cues.get(w)
            if cue is None and (w.endswith("man") or w.endswith("woman")) and w in rules.role_nouns:
                cue = "f" if w.endswith("woman") else "m"
            entity.gender = entity.gender or cue
        root = _root(doc, chunk)
        if root.dep_ == "appos" and root.head.lower_ in rules.gender_cues:
            entity.gender = entity.gender or rules.gender_cues[root.head.lower_]
        for child in root.children:
            if child.dep_ == "appos" and child.lower_ in rules.gender_cues:
                entity.gender = entity.gender or rules.gender_cues[child.lower_]


def _parents(index: EntityIndex) -> None:
    """ "the Ministry of Interior's Department of X" and "the Department of X of the Ministry of Y"."""
    doc = index.doc
    orgs = [(c, index.chunk_entity.get(c.start)) for c in index.chunks]
    orgs = [(c, e) for c, e in orgs if e is not None and e.kind == "organisation"]
    for (a, ea), (b, eb) in pairwise(orgs):
        gap = [t.lower_ for t in doc[a.end : b.title_start if b.title_start is not None else b.start]]
        if ea is eb:
            continue
        if gap in (["’s"], ["'s"]) and eb.parent is None:
            eb.parent = ea
        elif gap in (["of", "the"], ["of"]) and ea.parent is None:
            ea.parent = eb


def to_records(index: EntityIndex) -> tuple[tuple[PersonMention, ...], tuple[OrganisationMention, ...]]:
    """Convert the index's entities into the frozen mention records of ``Extraction``."""
    people = tuple(
        PersonMention(
            name=e.name,
            aliases=tuple(e.aliases),
            mentions=len(e.mentions),
            role=e.role,
            organisation=e.organisation.name if e.organisation is not None else None,
        )
        for e in index.people()
    )
    orgs = tuple(
        OrganisationMention(
            name=e.name,
            acronym=e.acronym if e.acronym != e.name else None,
            aliases=tuple(e.aliases),
            type=e.type,
            parent=e.parent.name if e.parent is not None and e.parent is not e else None,
            mentions=len(e.mentions),
        )
        for e in index.organisations()
    )
    return people, orgs
