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
LEAD_VERBS = frozenset(
    {"head", "lead", "run", "chair", "direct", "manage", "found", "co-found", "work", "represent"}
)
ROLE_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "poss"})
OFFICE_NOUNS = frozenset(
    {
        "chairperson",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "president",
        "founder",
        "co-founder",
        "secretary",
        "coordinator",
        "co-ordinator",
        "head",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "researcher",
        "manager",
        "member",
        "staff",
        "executive",
        "treasurer",
        "trustee",
        "adviser",
        "advisor",
        "lawyer",
        "employee",
        "volunteer",
        "analyst",
        "official",
    }
)
HEAD_CONNECTORS = frozenset({"of", "for", "on"})
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
    title_role: bool = False  # the role is a title or rank before the name; an appositive role wins
    mononym: bool = False  # a one-word name the context shows is a person's ("his sister, Suryani")

    def describe(self, role: str, head: Token | None) -> None:
        """Record a role written beside the name ("X, deputy director of …", "the agency's
        director, X"): it replaces a rank or title before the name ("Pol Lt Gen X, commander …")."""
        if self.role is None or self.title_role:
            self.role, self.title_role = role, False
            self.role_head = head if head is not None else self.role_head

    org_type: str | None = None


def _org_keyword_type(words: list[str], rules: Rules) -> str | None:
    """The type of the name's head keyword: the last one before "of/for/on" ("Department of
    Fisheries", "Ministry of International Cooperation"), else the last one ("Amnesty
    International", "Golden Crest Manpower Sdn Bhd")."""
    head = words
    for k, w in enumerate(words):
        if w in HEAD_CONNECTORS and any(x in rules.org_keywords for x in words[:k]):
            head = words[:k]
            break
    types = [rules.org_keywords[w] for w in head if w in rules.org_keywords]
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
        ev.title_role = not honorific
    pre_role = _preceding_role(doc, chunk, rules)
    if pre_role and not ev.role:
        ev.person, ev.role, ev.title_role = True, pre_role, True
    if (
        root.dep_ == "appos"
        and root.head.text.islower()
        and _is_role(root.head, rules)
        and not (ev.title_role and _anaphoric(root.head))
    ):
        ev.person = True
        ev.describe(_role_phrase(root.head), root.head)
        ev.role_head = ev.role_head or root.head
    if root.dep_ == "appos" and root.head.lower_ == "one":
        ev.person = True
        for prep in root.head.children:
            for pobj in prep.children:
                if prep.lower_ == "of" and pobj.dep_ == "pobj":
                    ev.role = ev.role or pobj.lemma_.lower()
    for child in root.children:
        if child.dep_ == "appos" and _is_role(child, rules):
            ev.person = True
            ev.describe(_role_phrase(child), child)
            ev.role_head = ev.role_head or child
        if child.dep_ == "appos" and child.like_num:
            ev.person = True
    _surface_evidence(doc, chunk, rules, ev)
    if len(words) >= 2 and "PERSON" in ents and not (ents & {"GPE", "LOC"}):
        ev.weak_person = True
    if root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in rules.reporting_verbs and len(words) >= 2:
        ev.person = True
    according = prev is not None and prev.i > 0 and doc[prev.i - 1].lower_ == "according"
    if prev is not None and prev.lower_ in rules.locative_prepositions and not ev.person and not according:
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
    if words[-1] in rules.place_words or _numbered(doc, chunk):
        ev.place, ev.person = True, False
    head_phrase = root.head.lower_
    if root.dep_ in {"compound", "amod", "nmod"} and not ev.person:
        two = f"{doc[root.head.i - 1].lower_} {head_phrase}" if root.head.i > 0 else head_phrase
        noun_type = rules.org_nouns.get(two) or rules.org_nouns.get(head_phrase)
        if (
            (noun_type or root.head.lemma_.lower() in rules.document_nouns)
            and not (ents & {"GPE", "LOC", "NORP"})
            and not _generic_modifier(chunk, root.head)
        ):
            ev.org, ev.org_type, ev.place = True, noun_type, False
    org_type = _named_as_organisation(doc, chunk, root, rules)
    if org_type is not None and ev.role is None and not chunk.title and not ev.org:
        ev.org, ev.org_type, ev.person, ev.weak_person, ev.place = True, org_type or None, False, False, False
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


def _role_before_comma(doc: Doc, lo: int, rules: Rules) -> Token | None:
    """ "the agency's director, X" / "a spokeswoman for Tegal Police, X": the role noun whose
    phrase ends right before the comma preceding the name."""
    if lo < 2 or doc[lo - 1].text != ",":
        return None
    tok = doc[lo - 2]
    for _ in range(4):
        if tok.text.islower() and _is_role(tok, rules):
            return tok
        if tok.dep_ not in ROLE_PHRASE_DEPS or tok.head.i >= tok.i:
            return None
        tok = tok.head
    return None


def _anaphoric(head: Token) -> bool:
    """ "The officer, Police Major General X": a bare "the <noun>" points back to someone already
    mentioned; unlike "the agency's director" or "a spokeswoman for …" it states no role."""
    mods = [c for c in head.children if c.dep_ != "punct" and c.i < head.i]
    after = [c for c in head.children if c.dep_ == "prep" and c.i > head.i]
    return not after and len(mods) == 1 and mods[0].lower_ in {"the", "this", "that"}


def _org_noun_type(tok: Token, rules: Rules) -> str | None:
    """The organisation type a common noun names ("group", "rights group", "charity", "NGO")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return rules.org_nouns.get(f"{prev} {lemma}") or rules.org_nouns.get(lemma) or rules.org_nouns.get(low)


def _named_as_organisation(doc: Doc, chunk: NameChunk, root: Token, rules: Rules) -> str | None:
    """The type of organisation the words around a name call it, or None.

    "rights group Amnesty International", "the charity Passerelle Asie" (the noun before the
    name), "A French charity, Passerelle Asie," / "Passerelle Asie, a French charity," (in
    apposition), "chairperson of Saathi Sangam Nepal" (what an office-holder's role belongs to).
    Such words outweigh a name's look or its being the subject of "said", not a title or a role.
    """
    prev = _prev_word(doc, chunk)
    if prev is not None and prev.text.islower() and prev.pos_ == "NOUN" and _org_noun_type(prev, rules):
        return _org_noun_type(prev, rules)
    for child in root.children:
        if child.i < chunk.start and child.dep_ in {"compound", "nmod"} and child.text.islower():
            found = _org_noun_type(child, rules)
            if found:
                return found
        if child.dep_ == "appos" and child.i > root.i and child.text.islower():
            found = _org_noun_type(child, rules)
            if found and not any(c.dep_ == "appos" and c.i < chunk.start for c in child.children):
                return found
    head = root.head
    if root.dep_ == "appos" and head.text.islower() and head.i < chunk.start:
        found = _org_noun_type(head, rules)
        if found:
            return found
    if root.dep_ == "pobj" and head.lower_ in {"of", "at"} and head.head.text.islower():
        office = head.head
        if office.lemma_.lower() in OFFICE_NOUNS and office.i < chunk.start:
            return _org_keyword_type(chunk.words, rules) or ""  # an organisation of unknown type
    return None


def _numbered(doc: Doc, chunk: NameChunk) -> bool:
    """ "the Fu Sheng 88", "Section 24": a name with a number after it names a vessel, a law or a
    product, not a person ("Slamet Riyadi, 24," has a comma)."""
    return chunk.end < len(doc) and doc[chunk.end].like_num and doc[chunk.end - 1].whitespace_ == " "


def _generic_modifier(chunk: NameChunk, noun: Token) -> bool:
    """ "Thai police", "Korean authorities", "a Vientiane recruiter": one capitalised word before a
    common noun names a nationality or a place, not an organisation ("the KMFU office" does)."""
    words = chunk.words
    return len(words) == 1 and not words[0].isupper() and noun.i == chunk.end


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
                    ev.describe(doc[after + 1 : j + 1].text.removeprefix("a ").removeprefix("the "), tok)
                break
    lo = chunk.title_start if chunk.title_start is not None else chunk.start
    role = _role_before_comma(doc, lo, rules)
    if role is not None:
        ev.person = ev.mononym = True
        if not (ev.title_role and _anaphoric(role)):
            ev.describe(_role_phrase(role), role)
    if (
        lo >= 3
        and doc[lo - 1].lower_ == "as"
        and any(t.lower_ == "name" for t in doc[max(lo - 4, 0) : lo - 1])
    ):
        ev.person = ev.mononym = True  # "who gave his name only as Rashed"
    if after < n and doc[after].lemma_.lower() in rules.reporting_verbs and doc[after].pos_ == "VERB":
        ev.person = ev.person or len(chunk.words) >= 2


def _short_org_name(words: list[str], full: list[str]) -> bool:
    """ "Sonali Horizon" for "Sonali Horizon Overseas Ltd", "Bahari Samudra" for "PT Bahari Samudra
    Mandiri": the name's first words, or two or more of its words in a row."""
    n = len(words)
    if n >= len(full):
        return False
    if full[:n] == words:
        return True
    return n >= 2 and any(full[i : i + n] == words for i in range(1, len(full) - n + 1))


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
                if (
                    e.acronym == chunk.text
                    or chunk.text in e.aliases
                    or _short_org_name(words, list(e.words))
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

    def add_alias_mention(self, entity: Entity, chunk: NameChunk) -> None:
        """ "… Human Rights, known as Licadho": another name of ``entity`` written beside it."""
        entity.mentions.append(chunk.start_char)
        entity.add_alias(chunk.text)
        self.chunk_entity[chunk.start] = entity

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
    aliases = _alias_chunks(doc, chunks, evidence)
    by_length = sorted(chunks, key=lambda c: (-len(c.words), c.start))
    pending = []
    for chunk in by_length:
        ev = evidence[chunk.start]
        if chunk.start in aliases:
            continue
        if ev.org:
            entity = builder.add(chunk, "organisation")
            entity.type = ev.org_type or entity.type
            entity.acronym = entity.acronym or _bracketed_acronym(doc, chunk) or _acronym(chunk, rules)
        elif (
            ev.person
            and not ev.place
            and not ev.is_role
            and (len(chunk.words) >= 2 or chunk.title or ev.mononym)
        ):
            known = builder._match_short(chunk, chunk.start_char)
            if known is not None and (known.kind == "organisation" or len(chunk.words) < 2):
                pending.append(chunk)
            else:
                builder.add(chunk, "person")
        else:
            pending.append(chunk)
    for alias, named in aliases.items():
        entity = builder.chunk_entity.get(named.start)
        if entity is not None:
            builder.add_alias_mention(entity, next(c for c in chunks if c.start == alias))
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


def _alias_chunks(doc: Doc, chunks: list[NameChunk], evidence: dict[int, _Evidence]) -> dict[int, NameChunk]:
    """Chunks that give another name of the organisation just before them: "the Cambodian League
    for … Human Rights, known as Licadho", "… (also known as X)", "the Lao Women's Union (LWU)".

    :returns: alias chunk start -> the organisation's chunk.
    """
    out: dict[int, NameChunk] = {}
    for named, alias in pairwise(chunks):
        if not evidence[named.start].org:
            continue
        gap = [t.lower_ for t in doc[named.end : alias.title_start or alias.start]]
        closed = alias.end < len(doc) and doc[alias.end].text == ")"
        while gap and gap[0] in {",", "("}:
            gap = gap[1:]
        if (gap == [] and closed and doc[named.end].text == "(") or (
            len(gap) >= 2 and gap[-2:] == ["known", "as"] and len(gap) <= 4
        ):
            out[alias.start] = named
    return out


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
                    named = [index.entity_at(c) for c in pobj.children if c.dep_ == "appos"]
                    ent = index.entity_at(pobj) or next((e for e in named if e is not None), None)
                    ent = ent or _nominal_org(index, pobj)
                    if ent is not None and ent.kind == "organisation":
                        return ent
    return None


def _org_led(index: EntityIndex, root: Token) -> Entity | None:
    """ "X, who heads the Tak Border Task Force, …": the organisation a relative clause says the
    person leads or works for."""
    for clause in root.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in LEAD_VERBS:
            continue
        for obj in clause.subtree:
            ent = index.entity_at(obj)
            if ent is not None and ent.kind == "organisation" and obj.dep_ in {"dobj", "pobj"}:
                return ent
    return None


def _roles_and_affiliations(index: EntityIndex, evidence: dict[int, _Evidence]) -> None:
    doc, rules = index.doc, index.rules
    for chunk in index.chunks:
        entity = index.chunk_entity.get(chunk.start)
        if entity is None or entity.kind != "person":
            continue
        ev = evidence[chunk.start]
        if chunk.title and chunk.title not in entity.titles:
            entity.titles.append(chunk.title)
        if ev.role and entity.role is None:
            entity.role = ev.role
        if ev.role_head is not None and entity.organisation is None:
            entity.organisation = _org_in(index, ev.role_head)
        if entity.organisation is None:
            entity.organisation = _org_led(index, _root(doc, chunk))
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
        elif gap in (["of", "the"], ["of"], ["at", "the"], ["at"], ["under", "the"]) and ea.parent is None:
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
