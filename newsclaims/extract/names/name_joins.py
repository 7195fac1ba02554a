"""Joining capitalised runs into one name across connectors: "Ministry of Labour and Vocational
Training", "League for the Promotion of …", "Women's Rights Centre", "Acme Trading Co., Ltd.".

Runs of capitalised tokens are split by small words; inside an organisation name those words
continue the name, between two names they separate them. The keyword that opens an organisation
name ("Ministry", "Department of …") decides which.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..base.labels import PLACE_OR_NATIONALITY_ENTS, PLURAL_TAGS
from ..base.marks import PLURAL_POSSESSIVES
from ..base.rules import Rules

GERUND_MIN_LEN = 7  # "Smuggling", "Trafficking" (the tagger often calls them nouns); not "Ming"


def has_keyword(doc: Doc, idxs: list[int], rules: Rules) -> bool:
    return any(doc[i].text in rules.org_keywords for i in idxs)


def _has_keyword_of(doc: Doc, idxs: list[int], rules: Rules) -> bool:
    """The chunk reads "<Keyword ...> of/for ..." (an organisation name with a complement)."""
    seen_kw = False
    for i in idxs:
        if doc[i].text in rules.org_keywords:
            seen_kw = True
        elif seen_kw and doc[i].lower_ in rules.of_connectors:
            return True
    return False


def _ent(doc: Doc, idxs: list[int]) -> str:
    labels = {doc[i].ent_type_ for i in idxs}
    return labels.pop() if len(labels) == 1 else ""


def merge_runs(doc: Doc, runs: list[list[int]], rules: Rules) -> list[list[int]]:
    """Join runs separated by one connector, possessive or enumeration comma inside org names."""
    merged: list[list[int]] = []
    k = 0
    while k < len(runs):
        chunk = list(runs[k])
        k += 1
        while k < len(runs):
            nxt = runs[k]
            gap = list(range(chunk[-1] + 1, nxt[0]))
            if _preposition_the(doc, chunk, gap):
                chunk = chunk + gap + nxt  # "Friends Across the Mekong", "Bridges Across the Border"
                k += 1
                continue
            if (
                _of_the(doc, gap, rules)
                and has_keyword(doc, chunk, rules)
                and not has_keyword(doc, nxt, rules)
            ):
                chunk = chunk + gap + nxt  # "League for the Promotion …", "Office of the High Commissioner"
                k += 1
                continue
            if len(gap) != 1:
                break
            sep = doc[gap[0]]
            sep_low = sep.lower_
            join = False
            if sep_low in rules.inner_connectors and _common_words_then_keyword(doc, chunk, sep, nxt, rules):
                join = True
            elif sep_low in rules.of_connectors:
                join = has_keyword(doc, chunk, rules)
            elif sep_low in rules.and_connectors:
                join = _has_keyword_of(doc, chunk, rules) and _and_continues(doc, nxt, rules)
            elif sep_low in rules.at_connectors:
                join = (
                    not has_keyword(doc, chunk, rules)
                    and doc[nxt[-1]].text in rules.org_keywords
                    and _ent(doc, chunk) != "PERSON"
                )
            elif sep.text in rules.patronymic_particles:
                join = not has_keyword(doc, chunk, rules) and not has_keyword(doc, nxt, rules)
            elif sep_low in rules.purpose_connectors:
                # "Committee to Protect Journalists", "Coalition to Abolish Slavery and Trafficking";
                # never "Embassy to Thailand" (a place after "to" is where, not what for),
                # nor "from US Weekly to Time Magazine" (a range of two names)
                join = (
                    doc[chunk[-1]].text in rules.org_keywords
                    and not has_keyword(doc, nxt, rules)
                    and not (chunk[0] > 0 and doc[chunk[0] - 1].lower_ in rules.range_openers)
                    and not any(doc[i].ent_type_ in PLACE_OR_NATIONALITY_ENTS for i in nxt)
                )
            elif sep.text == "-":
                # "Council on American - Islamic Relations": a hyphen written with spaces inside an
                # organisation's complement still joins its words
                join = _has_keyword_of(doc, chunk, rules) and not has_keyword(doc, nxt, rules)
            elif sep.text in rules.possessives:
                join = _possessive_inside_name(doc, chunk, sep, nxt, rules)
            elif sep.text == ",":
                join = _company_suffix(doc, chunk, nxt, rules) or _enumeration_follows(
                    doc, chunk, runs, k, rules
                )
            if not join:
                break
            chunk = chunk + gap + nxt
            k += 1
        merged.append(chunk)
    return merged


def _preposition_the(doc: Doc, chunk: list[int], gap: list[int]) -> bool:
    """ "Friends Across the Mekong": a capitalised preposition closing a run is part of a Title
    Case name, so "the" and the capitalised run after it continue that name."""
    last = doc[chunk[-1]]
    return (
        len(chunk) >= 2
        and len(gap) == 1
        and doc[gap[0]].lower_ == "the"
        and last.tag_ == "IN"
        and last.is_title
    )


def _common_words_then_keyword(doc: Doc, chunk: list[int], sep: Token, nxt: list[int], rules: Rules) -> bool:
    """ "Vientiane Women and Children Centre", "Anti-Trafficking in Persons Task Force": a run
    closed by a capitalised plural before "and" ("Women") or a gerund before "in"
    ("Trafficking"), with no keyword of its own, is the first half of the name of the run after
    it that ends in a keyword. A proper noun ("Hun Sen and Interior Ministry"), a plain noun
    ("Officials in Bangkok Police"), a place after the connector or a lone sentence-opening word
    keeps them apart."""
    last, first = doc[chunk[-1]], doc[nxt[0]]
    if sep.lower_ == "in":
        opens = last.tag_ == "VBG" or (len(last.text) >= GERUND_MIN_LEN and last.lower_.endswith("ing"))
    else:
        opens = last.tag_ in PLURAL_TAGS or last.lower_ in rules.possessive_name_words
    lone_opener = len(chunk) == 1 and bool(last.is_sent_start)  # "Workers and Cambodia Police met"
    return (
        opens
        and not lone_opener
        and not has_keyword(doc, chunk, rules)
        and doc[nxt[-1]].text in rules.org_keywords
        and first.text not in rules.org_keywords
        and last.ent_type_ != "PERSON"
        and first.ent_type_ not in PLACE_OR_NATIONALITY_ENTS
    )


def _of_the(doc: Doc, gap: list[int], rules: Rules) -> bool:
    """ "of the", "for the", and "for a" ("Committee for a Responsible Federal Budget")."""
    if len(gap) != 2 or doc[gap[0]].lower_ not in rules.of_connectors:
        return False
    article = doc[gap[1]].lower_
    return article == "the" or article in rules.indefinite_articles


def _possessive_inside_name(doc: Doc, chunk: list[int], sep: Token, nxt: list[int], rules: Rules) -> bool:
    """A possessive inside one name: "Women's Rights Centre", "Nusantara Fishers' Union",
    "Ministry of Overseas Workers' Welfare", "District Attorney's Office".

    Only a group noun ("Workers'", "Women's") or an office-holder ("Attorney's") is possessed
    inside a name; "Cambodia's Interior Ministry" stays two names (a place and its ministry).
    """
    last = doc[chunk[-1]]
    group = last.lower_ in rules.possessive_name_words or (
        sep.text in PLURAL_POSSESSIVES and last.tag_ in PLURAL_TAGS
    )
    office = (
        last.lower_ in rules.person_titles
        and sep.text not in PLURAL_POSSESSIVES
        and not has_keyword(doc, chunk, rules)
    )
    if office:
        return has_keyword(doc, nxt, rules)
    if not group:
        return False
    if _acronym_spells(doc, chunk + nxt, nxt[-1] + 1):
        return True  # "Gulf Domestic Workers’ Solidarity (GDWS)": its acronym spells the whole name
    if has_keyword(doc, chunk, rules):
        return _has_keyword_of(doc, chunk, rules) and not has_keyword(doc, nxt, rules)
    return has_keyword(doc, nxt, rules)


def _acronym_spells(doc: Doc, words: list[int], i: int) -> bool:
    """The bracketed acronym at token ``i`` is the initials of ``words``' capitalised words."""
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return False
    initials = "".join(doc[w].text[0] for w in words if doc[w].text[:1].isupper())
    return len(initials) >= 2 and doc[i + 1].text == initials


def _enumeration_follows(doc: Doc, chunk: list[int], runs: list[list[int]], k: int, rules: Rules) -> bool:
    """ "Ministry of Women, Family and Community Development": a comma list closed by "and"."""
    if not _has_keyword_of(doc, chunk, rules):
        return False
    j = k
    while j + 1 < len(runs):
        gap = [doc[g].lower_ for g in range(runs[j][-1] + 1, runs[j + 1][0])]
        if tuple(gap) in rules.org_list_closers:
            return True
        if tuple(gap) not in rules.org_list_gaps:
            return False
        j += 1
    return False


def _and_continues(doc: Doc, nxt: list[int], rules: Rules) -> bool:
    """ "Ministry of Labour and Vocational Training", "Association of Mekong and Andaman States":
    after "<Keyword> of X and", a capitalised run continues the name unless it is a place or a
    person shown as one (a title before it, a role or an age after it). The tagger's PERSON label
    alone is no proof: it often calls capitalised common nouns of a long name a person."""
    if _ent(doc, nxt) in PLACE_OR_NATIONALITY_ENTS:
        return False
    if doc[nxt[0]].lower_.rstrip(".") in rules.person_titles:
        return False
    if rules.org_keywords.get(doc[nxt[-1]].text) == "other":
        return False  # "Massachusetts Institute of Technology and Colorado State University": two bodies
    i = nxt[-1] + 1
    if i + 1 < len(doc) and doc[i].text == ",":
        after = doc[i + 1]
        if after.like_num:
            return False
        if after.lower_ in rules.role_leads and i + 2 < len(doc):
            after = doc[i + 2]
        if after.text.islower() and (after.lower_ in rules.role_nouns or after.lemma_ in rules.role_nouns):
            return False
    return True


def _company_suffix(doc: Doc, chunk: list[int], nxt: list[int], rules: Rules) -> bool:
    """ "Mekong Star Manpower Co., Ltd.", "Acme Holdings, Inc.": a company suffix after a comma."""
    company = {w for w, kind in rules.org_keywords.items() if kind == "company"}
    return len(nxt) == 1 and doc[nxt[0]].text in company and doc[chunk[-1]].text in company
