"""How a name shows it is an organisation's, of what type, and its short forms and acronyms.

The type comes from the name's own head keyword ("Ministry", "Sdn Bhd") or from the common noun
the text calls it by ("rights group Amnesty International", "chairperson of Saathi Sangam Nepal").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..base.labels import COMPOUND_DEPS
from ..base.rules import Rules
from .names import NameChunk, word_before


def org_keyword_type(words: list[str], rules: Rules) -> str | None:
    """The type of the name's head keyword: the last one before "of/for/on" ("Department of
    Fisheries", "Ministry of International Cooperation"), else the last one ("Amnesty
    International", "Golden Crest Manpower Sdn Bhd")."""
    head = words
    for k, w in enumerate(words):
        if w in rules.head_connectors and any(x in rules.org_keywords for x in words[:k]):
            head = words[:k]
            break
    types = [rules.org_keywords[w] for w in head if w in rules.org_keywords]
    content = [w for w in words if w not in rules.org_keywords and w.lower() not in rules.org_name_connectors]
    return types[-1] if types and content else None


def _org_noun_type(tok: Token, rules: Rules) -> str | None:
    """The organisation type a common noun names ("group", "rights group", "charity", "NGO")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return rules.org_nouns.get(f"{prev} {lemma}") or rules.org_nouns.get(lemma) or rules.org_nouns.get(low)


def named_as_organisation(doc: Doc, chunk: NameChunk, root: Token, rules: Rules) -> str | None:
    """The type of organisation the words around a name call it, or None.

    "rights group Amnesty International", "the charity Passerelle Asie" (the noun before the
    name), "A French charity, Passerelle Asie," / "Passerelle Asie, a French charity," (in
    apposition), "chairperson of Saathi Sangam Nepal" (what an office-holder's role belongs to).
    Such words outweigh a name's look or its being the subject of "said", not a title or a role.
    """
    prev = word_before(doc, chunk)
    before = _org_noun_type(prev, rules) if prev is not None and prev.text.islower() else None
    if before and (prev.pos_ == "NOUN" or before == "media"):  # "Greek daily Kathimerini" (tagged ADV)
        return before
    for child in root.children:
        if child.i < chunk.start and child.dep_ in COMPOUND_DEPS and child.text.islower():
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
    if root.dep_ == "pobj" and head.lower_ in rules.org_member_prepositions and head.head.text.islower():
        office = head.head
        if office.lemma_.lower() in rules.office_nouns and office.i < chunk.start:
            if _person_after_org(doc, chunk, head, rules):
                return None
            return org_keyword_type(chunk.words, rules) or ""  # an organisation of unknown type
    return None


def _person_after_org(doc: Doc, chunk: NameChunk, prep: Token, rules: Rules) -> bool:
    """ "Chief financial officer at Angkor Holdings Group Sophea Keo said": the parser ran
    the company and the officer's name into one phrase under "at"; the tagger's person named after
    an organisation's keyword is the officer, and the company is the organisation."""
    between = [t.text for t in doc[prep.i + 1 : chunk.start]]
    tagged = all(t.ent_type_ == "PERSON" for t in doc[chunk.start : chunk.end])
    return tagged and bool(between) and org_keyword_type(between, rules) is not None


def chunk_acronym(chunk: NameChunk, rules: Rules) -> str | None:
    """The first all-capitals word of three or more letters in the name ("IOM", "the KMFU office")."""
    for w in chunk.text.split():
        if len(w) >= 3 and w.isupper() and w.isalpha() and w not in rules.non_names:
            return w
    return None


def generic_acronym(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """ "an NGO", "a microfinance institution (MFI)": an acronym used as a common noun, after an
    indefinite article or abbreviating a lower-case kind of body, names no organisation; nor does
    one after a number, unless it modifies a noun ("10 UN peacekeepers")."""
    if len(chunk.words) != 1 or not chunk.text.isupper():
        return False
    i = chunk.start
    if i > 0 and doc[i - 1].lower_ in rules.indefinite_articles:
        return True
    before = doc[i - 2] if i > 1 and doc[i - 1].text == "(" else doc[i - 1] if i > 0 else None
    if before is not None and any(c.isdigit() for c in before.text) and doc[i].dep_ != "compound":
        return True  # "15:11 GMT", "(2100 UTC)", "500 MW": a time zone or unit after a number
    if i < 2 or doc[i - 1].text != "(" or chunk.end >= len(doc) or doc[chunk.end].text != ")":
        return False
    noun = doc[i - 2]
    return noun.text.islower() and any(
        c.dep_ == "det" and c.lower_ in rules.indefinite_articles for c in noun.children
    )


def bracketed_acronym(doc: Doc, chunk: NameChunk) -> str | None:
    """ "the Legal Aid Network for Migrants (LANM)": the acronym in brackets after a name."""
    i = chunk.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        word = doc[i + 1].text
        if len(word) >= 2 and word.isupper() and word.isalpha():
            return word
    return None


def spells_name(acronym: str | None, words: list[str]) -> bool:
    """ "GDWS" for "Gulf Domestic Workers’ Solidarity": the initials of the name's capitalised words."""
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return acronym is not None and len(initials) >= 2 and acronym == initials


def short_org_name(words: list[str], full: list[str]) -> bool:
    """ "Sonali Horizon" for "Sonali Horizon Overseas Ltd", "Bahari Samudra" for "PT Bahari Samudra
    Mandiri": the name's first words, or two or more of its words in a row."""
    n = len(words)
    if n >= len(full):
        return False
    if full[:n] == words:
        return True
    return n >= 2 and any(full[i : i + n] == words for i in range(1, len(full) - n + 1))
