"""What the parse around a name chunk says it names: a person, an organisation, a place or a role.

Name chunks are classified from evidence in the parse rather than from spaCy's NER alone: a title
before the name, a role in apposition ("X, deputy chief of ..."), being the subject of a reporting
verb, an organisation keyword ("Ministry", "Sdn Bhd"), a locative preposition before a place.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..base.labels import (
    ACRONYM_DEPS,
    DESCRIPTION_DEPS,
    GEO_ENTS,
    ORG_ENTS,
    PLACE_ENTS,
    PLACE_OR_NATIONALITY_ENTS,
    SUBJECT_OR_POSSESSOR_DEPS,
    VERB_OR_SUBORDINATOR_POS,
    WH_TAGS,
)
from ..base.rules import Rules
from .mononyms import mononym_cue
from .names import NameChunk, chunk_root, keyword_is_family_name, speaking_subject, word_before
from .org_names import (
    bracketed_acronym,
    chunk_acronym,
    generic_acronym,
    named_as_organisation,
    org_keyword_type,
    spells_name,
)
from .roles import (
    is_anaphoric,
    is_role,
    preceding_role,
    role_before_comma,
    role_phrase,
)


@dataclass
class Evidence:
    """What one chunk's context says about it (mutable while the cues are read)."""

    person: bool = False
    weak_person: bool = False  # only spaCy's PERSON label speaks for it
    is_role: bool = False
    org: bool = False
    place: bool = False
    role: str | None = None
    role_head: Token | None = None
    title_role: bool = False  # the role is a title or rank before the name; an appositive role wins
    mononym: bool = False  # a one-word name the context shows is a person's ("his sister, Suryani")
    org_type: str | None = None
    law: bool = False  # the name of a law or treaty ("… Manpower Act"): no entity at all
    acronym_only: bool = False  # only its capitals speak for an organisation ("UAE", "IOM")
    org_speaker: bool = False  # tagged an organisation and speaks ("Microsoft said")

    def describe(self, role: str, head: Token | None) -> None:
        """Record a role written beside the name ("X, deputy director of …", "the agency's
        director, X"): it replaces a rank or title before the name ("Pol Lt Gen X, commander …")."""
        if self.role is None or self.title_role:
            self.role, self.title_role = role, False
            self.role_head = head if head is not None else self.role_head


def read_evidence(doc: Doc, chunk: NameChunk, rules: Rules) -> Evidence:
    """Classify ``chunk`` from the words and parse around it."""
    ev = Evidence()
    root = chunk_root(doc, chunk)
    span = doc[chunk.start : chunk.end]
    words = chunk.text.split()
    ents = {t.ent_type_ for t in span}
    prev = word_before(doc, chunk)
    if _law_name(words, rules):
        ev.law = True
        return ev
    if generic_acronym(doc, chunk, rules):
        return ev  # "an NGO", "a microfinance institution (MFI)": a kind of body, not one body
    kw_type = None if _keyword_in_other_name(doc, chunk, words, rules) else org_keyword_type(words, rules)
    if kw_type and not _place_not_body(words, root, rules):
        ev.org, ev.org_type = True, kw_type
        return ev
    if words[-1].lower() in rules.role_nouns or words[-1].lower() in rules.person_titles:
        ev.is_role = True
        return ev  # a role written in capitals ("Technical Coordinator"), not a name
    if chunk.title is not None:
        title = chunk.title.text
        honorific = all(w.lower() in rules.gender_cues for w in title.split())
        ev.person, ev.role = True, None if honorific else title
        ev.title_role = not honorific
    pre_role = preceding_role(doc, chunk, rules)
    if pre_role and (not ev.role or ev.title_role):
        ev.person, ev.role, ev.title_role = True, pre_role, True
    if (
        root.dep_ == "appos"
        and root.head.text.islower()
        and is_role(root.head, rules)
        and not (ev.title_role and is_anaphoric(root.head, rules))
    ):
        ev.person = True
        ev.describe(role_phrase(root.head), root.head)
        ev.role_head = ev.role_head or root.head
    if root.dep_ == "appos" and root.head.lower_ == "one":
        ev.person = True
        for prep in root.head.children:
            for pobj in prep.children:
                if prep.lower_ == "of" and pobj.dep_ == "pobj":
                    ev.role = ev.role or pobj.lemma_.lower()
    for child in root.children:
        if child.dep_ == "appos" and is_role(child, rules):
            ev.person = True
            ev.describe(role_phrase(child), child)
            ev.role_head = ev.role_head or child
        if child.dep_ == "appos" and child.like_num:
            ev.person = True
    _surface_evidence(doc, chunk, rules, ev)
    if len(words) >= 2 and "PERSON" in ents and not (ents & GEO_ENTS):
        ev.weak_person = True
    located = prev is not None and prev.lower_ in rules.locative_prepositions
    speaks = speaking_subject(root, rules)
    if speaks and len(words) >= 2 and not located:
        ev.person = True
    to = doc[prev.i - 1] if prev is not None and prev.lower_ == "the" and prev.i > 0 else prev
    according = to is not None and to.i > 0 and doc[to.i - 1].lower_ == "according"  # "according to (the) X"
    branded = any(any(c.isdigit() for c in w) and any(c.isalpha() for c in w) for w in words)
    if (speaks or according) and ("ORG" in ents or branded) and "PERSON" not in ents and chunk.title is None:
        # "Microsoft announced …", "according to Reuters": the tagger's organisation speaking is
        # one, keyword or not; so is a name mixing letters and digits ("TVN24 reported …", "N1
        # said"), which no person's name does, even where the tagger has no label for it
        ev.org_speaker = True
    if prev is not None and prev.lower_ in rules.locative_prepositions and not ev.person and not according:
        ev.place = True
    if (
        prev is not None
        and prev.lower_ == "the"
        and prev.i > 0
        and doc[prev.i - 1].lower_ in rules.locative_prepositions
        and not according
    ):
        ev.place = ev.place or not ev.person
    if ents and ents <= PLACE_ENTS and not ev.person:
        ev.place = True
    if (
        words[-1] in rules.place_words
        or _numbered(doc, chunk)
        or _place_noun_follows(doc, chunk, rules)
        or _place_noun_before(doc, chunk, rules)
    ):
        ev.place, ev.person = True, False
    head_phrase = root.head.lower_
    if root.dep_ in DESCRIPTION_DEPS and not ev.person:
        two = f"{doc[root.head.i - 1].lower_} {head_phrase}" if root.head.i > 0 else head_phrase
        noun_type = rules.org_nouns.get(two) or rules.org_nouns.get(head_phrase)
        if (
            (noun_type or root.head.lemma_.lower() in rules.document_nouns)
            and not (ents & PLACE_OR_NATIONALITY_ENTS)
            and not _generic_modifier(chunk, root.head)
        ):
            ev.org, ev.org_type, ev.place = True, noun_type, False
    org_type = named_as_organisation(doc, chunk, root, rules)
    if org_type is not None and ev.role is None and chunk.title is None and not ev.org:
        ev.org, ev.org_type, ev.person, ev.weak_person, ev.place = True, org_type or None, False, False, False
    if ev.org_speaker and not ev.person and not ev.place and not ev.is_role:
        ev.org = True
    if (
        ents == ORG_ENTS
        and not (ev.person or ev.place or ev.is_role)
        and not _bracketed(doc, chunk)
        and rules.org_keywords.get(chunk.text) != "media"  # "the Post": a masthead's short form, read apart
        and _tagged_org_throughout(doc, chunk.text)
    ):
        ev.org = True  # "Apple", "Walmart", "General Motors": the tagger's organisation, again and again
    acronym = chunk_acronym(chunk, rules)
    if ev.place:
        ev.weak_person = False
    ev.person = ev.person or ev.weak_person
    if (
        acronym
        and not ev.person
        and not ev.place
        and (root.dep_ in ACRONYM_DEPS or "ORG" in ents or len(words) > 1)
    ):
        ev.org, ev.acronym_only = True, not ev.org
    if spells_name(bracketed_acronym(doc, chunk), words) and chunk.title is None:
        # "Mekong Fishers’ Voice (MFV) said": a name its bracketed acronym spells is a body's
        ev.org, ev.person, ev.weak_person, ev.place, ev.acronym_only = True, False, False, False, False
    return ev


_ORG_TEXTS_KEY = "newsclaims.org_texts"
ORG_REPEATS = 2  # times the tagger must read a name as an organisation, and never otherwise


def _tagged_org_throughout(doc: Doc, text: str) -> bool:
    """The tagger labels ``text`` an organisation at least ``ORG_REPEATS`` times and nothing else
    anywhere: one ORG tag is a guess (it tags products and formats too: "iPad", "Wi-Fi"), a
    name it reads the same way each time it recurs is a body's."""
    counts = doc.user_data.get(_ORG_TEXTS_KEY)
    if counts is None:
        counts = {}
        for ent in doc.ents:
            org, other = counts.get(ent.text, (0, 0))
            counts[ent.text] = (org + 1, other) if ent.label_ == "ORG" else (org, other + 1)
            words = ent.text.split()
            # "Pence" of "Mike Pence": a person's name read as a body; "Post" of "Phnom Penh
            # Post": a short form, which the longer name's entity takes as its alias or not at all
            for word in words if ent.label_ == "PERSON" or len(words) > 1 else ():
                org, other = counts.get(word, (0, 0))
                counts[word] = (org, other + 1)
        doc.user_data[_ORG_TEXTS_KEY] = counts
    org, other = counts.get(text, (0, 0))
    return org >= ORG_REPEATS and other == 0


def _bracketed(doc: Doc, chunk: NameChunk) -> bool:
    """ "((WN)) What do you …": a label in brackets, an interview's turn mark, not a mention."""
    return (
        chunk.start > 0
        and chunk.end < len(doc)
        and doc[chunk.start - 1].text == "("
        and doc[chunk.end].text == ")"
    )


def _keyword_in_other_name(doc: Doc, chunk: NameChunk, words: list[str], rules: Rules) -> bool:
    """An organisation keyword that does not make the name an organisation's: a street's name
    ("Church Street", "Court Road": the place word ends it), or a person's family name after a
    person's title ("Senator Frank Church", "Judge Mary Court")."""
    if words[-1] in rules.street_words:
        return True
    return chunk.title is not None and keyword_is_family_name(doc, list(range(chunk.start, chunk.end)), rules)


def _place_not_body(words: list[str], root: Token, rules: Rules) -> bool:
    """ "in Kasaoka, Okayama Prefecture": a name ending in a word for both a place and its
    government names the place, unless it acts or owns ("Okayama Prefecture said", "… 's audit")."""
    last = words[-1]
    return (
        last in rules.place_words
        and last in rules.org_keywords
        and root.dep_ not in SUBJECT_OR_POSSESSOR_DEPS
    )


def _law_name(words: list[str], rules: Rules) -> bool:
    """ "Employment of Foreign Manpower Act", "Palermo Protocol": a name ending in a law word names
    a text, not a body, unless an organisation keyword heads it ("Institute for Supply Chain Law")."""
    if len(words) < 2 or words[-1] not in rules.law_words:
        return False
    return not any(
        w.lower() in rules.head_connectors and any(x in rules.org_keywords for x in words[:k])
        for k, w in enumerate(words)
    )


def _place_noun_follows(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """ "Phnom Penh's Sen Sok district", "Kampong Chhnang province": a name qualifying a lower-case
    kind of place is that place's name."""
    nxt = doc[chunk.end] if chunk.end < len(doc) else None
    return nxt is not None and nxt.text.islower() and nxt.text.capitalize() in rules.place_words


def _place_noun_before(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """ "the provinces of Siem Reap", "the city of Batam": a name after a lower-case kind of place
    and "of" is that place's name."""
    i = chunk.first
    if i < 2 or doc[i - 1].lower_ != "of":
        return False
    noun = doc[i - 2]
    return noun.text.islower() and noun.lemma_.capitalize() in rules.place_words


def _numbered(doc: Doc, chunk: NameChunk) -> bool:
    """ "the Fu Sheng 88", "Section 24": a name with a number after it names a vessel, a law or a
    product, not a person ("Slamet Riyadi, 24," has a comma)."""
    return chunk.end < len(doc) and doc[chunk.end].like_num and doc[chunk.end - 1].whitespace_ == " "


def _generic_modifier(chunk: NameChunk, noun: Token) -> bool:
    """ "Thai police", "Korean authorities", "a Vientiane recruiter": one capitalised word before a
    common noun names a nationality or a place, not an organisation ("the KMFU office" does)."""
    words = chunk.words
    return len(words) == 1 and not words[0].isupper() and noun.i == chunk.end


def _surface_evidence(doc: Doc, chunk: NameChunk, rules: Rules, ev: Evidence) -> None:
    """Word-order cues that survive a bad parse of an unfamiliar name.

    "X’s son" (a relation noun after the possessive), "X, deputy director of …" (a role after the
    comma), "the agency’s director, X" (a role before the comma), "X said".
    """
    n = len(doc)
    after = chunk.end
    if (
        after + 1 < n
        and doc[after].text in rules.possessive_clitics
        and doc[after + 1].lower_ in rules.kin_nouns
    ):
        ev.person = True
    if after + 1 < n and doc[after].text == ",":
        for j in range(after + 1, min(after + 6, n)):
            tok = doc[j]
            if (
                tok.is_punct
                or tok.pos_ in VERB_OR_SUBORDINATOR_POS
                or tok.tag_ in WH_TAGS
                or tok.lower_ in rules.role_prepositions
            ):
                break  # "East Lombok, where brokers …": a relative clause, not a role
            if tok.text.islower() and (
                tok.lower_ in rules.role_nouns or tok.lemma_.lower() in rules.role_nouns
            ):
                nxt = doc[j + 1] if j + 1 < n else None
                if nxt is None or nxt.is_punct or nxt.lower_ in rules.role_prepositions:
                    ev.person = True
                    ev.describe(doc[after + 1 : j + 1].text.removeprefix("a ").removeprefix("the "), tok)
                break
    lo = chunk.first
    role = role_before_comma(doc, lo, rules)
    if role is not None:
        ev.person = ev.mononym = True
        if not (ev.title_role and is_anaphoric(role, rules)):
            ev.describe(role_phrase(role), role)
    if mononym_cue(doc, chunk, rules):
        ev.person = ev.mononym = True  # "who gave his name only as Rashed", "Nok, 24,"
    prev = word_before(doc, chunk)
    located = prev is not None and prev.lower_ in rules.locative_prepositions
    if (
        after < n
        and doc[after].lemma_.lower() in rules.reporting_verbs
        and doc[after].pos_ == "VERB"
        and not located
    ):
        ev.person = ev.person or len(chunk.words) >= 2
