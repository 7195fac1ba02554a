"""People named by one word: survivors under a pseudonym or a first name ("Lina, not her real name",
"Nok, 24,", "Arif, a 31-year-old", "testified under the name Malis", "Yanti's mother").

A lone capitalised word is usually a place, an organisation or a short form of a fuller name, so it
becomes a person only when the words around it say so: an age in apposition, a remark about the
name, a relative "who", a relation noun it possesses, or "the name" just before it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..base.labels import DEMONYM_ENTS, MODIFIER_WORD_POS, MONONYM_NON_PERSON_ENTS
from ..base.marks import APPOSITION_OPENERS, REMARK_CLOSERS, REMARK_OPENERS
from ..base.rules import Rules
from .names import NameChunk, speaking_subject, word_before

MAX_AGE = 110
REMARK_WINDOW = 12


def mononym_cue(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """The words around a one-word name show it is a person's name."""
    if len(chunk.words) != 1 or chunk.title is not None:
        return False
    prev = word_before(doc, chunk)
    if chunk.text in rules.place_words or (prev is not None and prev.lower_ in rules.locative_prepositions):
        return False
    if _name_remark(doc, chunk.end, rules) or _named_before(doc, chunk, rules):
        return True  # said of the name itself: stronger than the tagger's guess
    if _kin_before(doc, chunk, rules) or _demonym_follows(doc, chunk.end, rules):
        return True  # a relative or a national: a person, whatever the tagger guessed
    if doc[chunk.start].ent_type_ in MONONYM_NON_PERSON_ENTS:
        return False
    return (
        _age_follows(doc, chunk.end, rules)
        or _who_follows(doc, chunk.end, rules)
        or _relation_follows(doc, chunk.end, rules)
        or _person_speaking(doc, chunk, rules)
        or _title_word_before(doc, chunk, rules)
    )


def _title_word_before(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """ "Cambodian premier Sokha", "prosecutor Dara": a lower-case title word the parser joins to
    the name as a compound (a capitalised one is split off as the name's title before this)."""
    prev = word_before(doc, chunk)
    return (
        prev is not None
        and prev.is_lower
        and prev.lower_ in rules.person_titles
        and prev.pos_ == "NOUN"
        and prev.dep_ == "compound"
        and prev.head.i == chunk.start
    )


def _person_speaking(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """ "“…,” said Wagner.": the subject of a verb of saying that the tagger reads as a person's name.
    (A short form of someone named in full is matched to them before this is asked.)"""
    tok = doc[chunk.start]
    return tok.ent_type_ == "PERSON" and speaking_subject(tok, rules)


def _age(tok: Token) -> bool:
    text = tok.text.replace(",", "")
    return text.isdigit() and 0 < int(text) <= MAX_AGE


def _age_follows(doc: Doc, i: int, rules: Rules) -> bool:
    """ "Nok, 24, …", "Mai, now 24", "Arif, a 31-year-old …", "Dara (17)"."""
    n = len(doc)
    if i >= n or doc[i].text not in APPOSITION_OPENERS:
        return False
    j = i + 1
    if j < n and doc[j].lower_ in rules.age_leads:
        j += 1
    if j >= n or not _age(doc[j]):
        return False
    return j + 1 >= n or doc[j + 1].text in rules.age_closers or doc[j + 1].text.startswith("-")


def _name_remark(doc: Doc, i: int, rules: Rules) -> bool:
    """ "Mai, not her real name,", "Yanti, whose name has been changed,", "Lina (not her real name)",
    "Sreypov, who asked to be identified only by her first name"."""
    if i >= len(doc) or doc[i].text not in REMARK_OPENERS:
        return False
    lemmas: set[str] = set()
    for tok in doc[i + 1 : min(i + 1 + REMARK_WINDOW, len(doc))]:
        if tok.text in REMARK_CLOSERS or tok.is_sent_start:
            break
        if tok.text[:1].isupper() and tok.pos_ == "PROPN":
            return False  # "Mahachai, a girl who gives her name as Thiri": about the later name
        lemmas.add(tok.lemma_.lower())
        lemmas.add(tok.lower_)
    if lemmas & rules.name_remark_lemmas:
        return True
    return "name" in lemmas and bool(lemmas & rules.name_remark_cues)


def _who_follows(doc: Doc, i: int, rules: Rules) -> bool:
    """ "Dara, who was 16, …": "who" refers to people only."""
    return i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in rules.person_relatives


def _relation_follows(doc: Doc, i: int, rules: Rules) -> bool:
    """ "Yanti's mother", "Dara’s brother": one-word names owning a relative are people's."""
    return (
        i + 1 < len(doc) and doc[i].text in rules.possessive_clitics and doc[i + 1].lower_ in rules.kin_nouns
    )


def _named_before(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """ "testified under the name Malis", "a girl identified only as Dara"."""
    prev = word_before(doc, chunk)
    if prev is None:
        return False
    if prev.lower_ in rules.name_nouns and prev.pos_ == "NOUN":
        return True
    before = {t.lower_ for t in doc[max(prev.i - 3, 0) : prev.i]}
    return prev.lower_ == "as" and bool(before & rules.pseudonym_cues)


def _kin_before(doc: Doc, chunk: NameChunk, rules: Rules) -> bool:
    """ "his cousin Dedi", "their daughter Mali": a relative named after a possessed kin noun."""
    prev = word_before(doc, chunk)
    if prev is None or prev.lower_ not in rules.kin_nouns or prev.i == 0:
        return False
    owner = doc[prev.i - 1]
    return owner.lower_ in rules.possessive_determiners or owner.text in rules.possessive_clitics


def _demonym_follows(doc: Doc, i: int, rules: Rules) -> bool:
    """ "Rahmat, another Indonesian on the boat, …": a nationality used as a noun in apposition
    names a person ("Acme, an Indonesian company" does not: the nationality qualifies a noun)."""
    if i + 3 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in rules.demonym_leads:
        return False
    nationality, after = doc[i + 2], doc[i + 3]
    return (
        nationality.ent_type_ in DEMONYM_ENTS
        and bool(nationality.whitespace_)
        and after.pos_ not in MODIFIER_WORD_POS
    )
