"""People and organisations named in a body, with aliases, roles, affiliations, types and parents.

The orchestrator of the entity stage: name chunks (``names``) are classified from the parse around
them (``name_evidence``), merged into entities longest name first (``entity_builder``), then
given roles, organisations and parents (``affiliations``). ``to_records`` freezes the result.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Token

from ...records import OrganisationMention, PersonMention
from ..base.labels import SHORT_MEDIA_DEPS, SUBJECT_OR_POSSESSOR_DEPS
from ..base.lexicon import is_english_word
from ..base.marks import APPOSITION_OPENERS
from ..base.rules import Rules
from ..names.name_evidence import Evidence, read_evidence
from ..names.names import NameChunk, chunk_root, find_name_chunks
from ..names.org_names import bracketed_acronym, chunk_acronym
from ..names.place_evidence import spread_place_evidence
from .affiliations import assign_parents, assign_roles_and_affiliations
from .entity_builder import EntityBuilder
from .entity_index import Entity, EntityIndex


def build_entities(doc: Doc, *, rules: Rules) -> EntityIndex:
    """Find the people and organisations of ``doc`` and index which chunk denotes which.

    :returns: an ``EntityIndex`` whose entities are in order of first mention.
    """
    chunks = find_name_chunks(doc, rules=rules)
    evidence = {c.start: read_evidence(doc, c, rules) for c in chunks}
    _spread_person_evidence(doc, chunks, evidence)
    spread_place_evidence(doc, chunks, evidence, rules)
    builder = EntityBuilder()
    aliases = _alias_chunks(doc, chunks, evidence, rules)
    by_length = sorted(chunks, key=lambda c: (-len(c.words), c.start))
    pending = []
    for chunk in by_length:
        ev = evidence[chunk.start]
        if chunk.start in aliases:
            continue
        if ev.org and ev.org_speaker and _weak_org(builder, chunk):
            pending.append(chunk)
        elif ev.org and len(chunk.words) == 1 and builder.people_named_in_capitals(chunk.words[0]):
            pending.append(chunk)  # "TRUMP: …" after "Donald Trump": the person, not an acronym
        elif ev.org:
            entity = builder.add(chunk, "organisation")
            entity.type = ev.org_type or entity.type
            entity.acronym = entity.acronym or bracketed_acronym(doc, chunk) or chunk_acronym(chunk, rules)
            builder.note_text(entity, entity.acronym)
        elif (
            ev.person
            and not ev.place
            and not ev.is_role
            and (len(chunk.words) >= 2 or chunk.title is not None or ev.mononym)
        ):
            known = builder.match_short(chunk, chunk.start_char)
            if known is not None and (known.kind == "organisation" or len(chunk.words) < 2):
                pending.append(chunk)
            else:
                builder.add(chunk, "person")
        else:
            pending.append(chunk)
    for alias, named in aliases.items():
        entity = builder.chunk_entity.get(named.start)
        if entity is not None:
            builder.add_mention(entity, next(c for c in chunks if c.start == alias))
    for chunk in sorted(pending, key=lambda c: c.start):
        ev = evidence[chunk.start]
        if ev.law or (ev.place and not _possessive_or_subject(doc, chunk)):
            continue
        builder.attach(chunk)
    _media_mentions(doc, rules, builder)
    entities = sorted(builder.entities, key=lambda e: min(e.mentions))
    for e in entities:
        e.mentions.sort()
        if e.acronym and e.acronym != e.name:
            e.add_alias(e.acronym)
    for chunk in chunks:
        entity = builder.chunk_entity.get(chunk.start)
        if entity is not None and entity.kind == "organisation" and _the_in_name(doc, chunk, entity):
            entity.add_alias(f"The {chunk.text}")
    index = EntityIndex(doc, rules, entities, chunks, builder.chunk_entity)
    assign_roles_and_affiliations(index, evidence)
    assign_parents(index)
    return index


def _the_in_name(doc: Doc, chunk: NameChunk, entity: Entity) -> bool:
    """ "reported The Washington Post", "The Guardian said": a capital "The" inside a sentence
    belongs to the name, and so does any "The" before a publication's masthead; the name is also
    written with it ("The Washington Post"), as the publication writes it."""
    first = chunk.first
    if first == 0 or doc[first - 1].text != "The":
        return False
    return not doc[first - 1].is_sent_start or entity.type == "media"


def _weak_org(builder: EntityBuilder, chunk: NameChunk) -> bool:
    """An organisation only by the tagger's word ("Rathbun said", "Church claims") is a short form
    of someone already named, or a capitalised common word, before it is a body of its own."""
    common = len(chunk.words) == 1 and is_english_word(chunk.words[0])
    return common or builder.match_short(chunk, chunk.start_char) is not None


def _alias_chunks(
    doc: Doc, chunks: list[NameChunk], evidence: dict[int, Evidence], rules: Rules
) -> dict[int, NameChunk]:
    """Chunks that give another name of the organisation just before them: "the Cambodian League
    for … Human Rights, known as Licadho", "… (also known as X)", "the Lao Women's Union (LWU)".

    :returns: alias chunk start -> the organisation's chunk.
    """
    out: dict[int, NameChunk] = {}
    for named, alias in pairwise(chunks):
        if named.start < alias.start < named.end:
            out[alias.start] = named  # a nickname written inside the name: "Ratchanee (Jeab) Srisuk"
            continue
        if not evidence[named.start].org:
            continue
        gap = [t.lower_ for t in doc[named.end : alias.first]]
        closed = alias.end < len(doc) and doc[alias.end].text == ")"
        while gap and gap[0] in APPOSITION_OPENERS:
            gap = gap[1:]
        if (gap == [] and closed and doc[named.end].text == "(") or (
            len(gap) >= 2 and tuple(gap[-2:]) in rules.alias_leads and len(gap) <= 4
        ):
            out[alias.start] = named
    return out


def _possessive_or_subject(doc: Doc, chunk: NameChunk) -> bool:
    root = chunk_root(doc, chunk)
    return root.dep_ in SUBJECT_OR_POSSESSOR_DEPS


def _spread_person_evidence(doc: Doc, chunks: list[NameChunk], evidence: dict[int, Evidence]) -> None:
    """A name coordinated with a person's name is a person's too ("Ramil Tuazon and Dennis Tuazon")."""
    by_root = {chunk_root(doc, c).i: c for c in chunks}
    for chunk in chunks:
        root = chunk_root(doc, chunk)
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


def _media_mentions(doc: Doc, rules: Rules, builder: EntityBuilder) -> None:
    """'told the Post', 'reported by the Post': the publication named by its one-word short name,
    a mention of the masthead named in full earlier ("the Bangkok Post") when there is one."""
    for tok in doc:
        if (
            rules.org_keywords.get(tok.text) == "media"
            and tok.i > 0
            and doc[tok.i - 1].lower_ == "the"
            and tok.dep_ in SHORT_MEDIA_DEPS
            and tok.head.lemma_ in rules.short_media_heads
            and tok.i not in builder.chunk_entity
        ):
            masthead = _masthead_ending(builder, tok)
            if masthead is not None:
                masthead.mentions.append(tok.idx)
                masthead.add_alias(f"the {tok.text}")
                builder.note_text(masthead, f"the {tok.text}")
                continue
            chunk = NameChunk.of(doc[tok.i : tok.i + 1])
            entity = builder.add(chunk, "organisation")
            entity.type = "media"
            entity.add_alias(f"the {tok.text}")
            builder.note_text(entity, f"the {tok.text}")


def _masthead_ending(builder: EntityBuilder, tok: Token) -> Entity | None:
    """The media organisation named earlier whose name ends in ``tok``'s word, most recent first."""
    found = [
        e
        for e in builder.entities_with_word(tok.text)
        if e.kind == "organisation"
        and e.type == "media"
        and len(e.words) >= 2
        and e.words[-1] == tok.text
        and e.mentions
        and min(e.mentions) < tok.idx
    ]
    return max(found, key=lambda e: max(m for m in e.mentions if m < tok.idx)) if found else None


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
