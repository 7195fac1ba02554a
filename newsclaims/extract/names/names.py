"""Capitalised name chunks: the raw material for people and organisations.

spaCy's small model often tags Khmer, Thai or Vietnamese names as ORG or misses them, so names
are found from capitalisation and token adjacency instead, and classified later
(``name_evidence``) from the parse around them. A chunk is a run of capitalised tokens, joined
across hyphens ("Ocampo-Niño"), abbreviations ("Ma. Cristina") and, inside organisation names,
across connectors ("Ministry of Labour and Overseas Employment", "Sisters at Work Legal Clinic").
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..base.labels import NAME_PART_TAGS, SUBJECT_DEPS, VERB_POS
from ..base.lexicon import is_english_word
from ..base.marks import DATELINE_DASHES, MONEY_SIGNS, NAME_EDGE_MARKS, NAME_TRAILING_MARKS
from ..base.rules import Rules
from ..base.textindex import doc_text
from .name_joins import has_keyword, merge_runs
from .nicknames import join_nicknames
from .title_chains import person_tail, split_person_tails, split_titled_names

DATELINE_MAX_TOKENS = 12
TITLE_MAX_TOKENS = 8
BURMESE_NAME_MIN_WORDS = 2


@dataclass(frozen=True)
class NameChunk:
    """A capitalised name as written: the name's tokens and the title's before them ("Labour Minister").

    ``text`` and ``end_char`` are kept beside ``span`` because a name is not always its tokens'
    text: a sentence-final "Ltd." leaves its full stop to the sentence (``end_char`` one short of
    the span's), and "Given (Nick) Family" joined by ``join_nicknames`` spans the nickname its
    text leaves out.
    """

    span: Span  # the name's tokens, after the title
    text: str
    end_char: int
    title: Span | None = None

    @classmethod
    def of(cls, span: Span) -> NameChunk:
        """A name that is exactly its tokens' text, with no title."""
        return cls(span, span.text, span.end_char)

    @property
    def start(self) -> int:
        """Token index of the name's first token (after the title)."""
        return self.span.start

    @property
    def end(self) -> int:
        """Token index past the name's last token."""
        return self.span.end

    @property
    def start_char(self) -> int:
        return self.span.start_char

    @property
    def words(self) -> list[str]:
        return self.text.replace("-", " ").split()

    @property
    def first(self) -> int:
        """Token index where the chunk begins as written: its title's first token, else the name's."""
        return self.title.start if self.title is not None else self.span.start


def chunk_root(doc: Doc, chunk: NameChunk) -> Token:
    """The chunk's syntactic head: its last token attached outside it (names are head-final)."""
    for i in range(chunk.end - 1, chunk.start - 1, -1):
        head = doc[i].head.i
        if head == i or not chunk.start <= head < chunk.end:
            return doc[i]
    return doc[chunk.end - 1]


def speaking_subject(tok: Token, rules: Rules) -> bool:
    """``tok`` is the subject of a verb of saying ("Microsoft said", "“…,” said Wagner")."""
    return tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in rules.reporting_verbs


def word_before(doc: Doc, chunk: NameChunk) -> Token | None:
    """The first non-space token before the chunk (and its title), if any."""
    i = chunk.first - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _is_cap(tok: Token, rules: Rules) -> bool:
    text = tok.text
    if not text[:1].isupper():
        return False  # first: it rules out most tokens at once
    if tok.like_num or any(c in MONEY_SIGNS for c in text):
        return False  # "HK$330,000", "US$450": an amount, not a name
    return any(c.isalpha() for c in text) and not tok.is_punct


def _attached(doc: Doc, i: int) -> bool:
    """Token ``i`` touches the token before it (no whitespace between)."""
    return i > 0 and not doc[i - 1].whitespace_


def _arabic_article(doc: Doc, i: int, rules: Rules) -> bool:
    """ "Suleiman al-Amr", "Abdel Fattah el-Sisi": the article hyphened to a family name is part
    of the name, written in lower case."""
    return (
        doc[i].text in rules.arabic_articles
        and doc[i + 1].text == "-"
        and _attached(doc, i + 1)
        and _attached(doc, i + 2)
        and _is_cap(doc[i + 2], rules)
    )


def _lower_name_part(doc: Doc, i: int) -> bool:
    """ "Soo-jin", "Tae-ho": a lower-case syllable hyphenated to a capitalised given name.

    Korean (and some Chinese) given names are written with a lower-case second syllable; the
    parser tags the syllable as a proper noun or part of the person's name, unlike "Anti-trafficking"
    or "Co-founder" whose second part is a common word.
    """
    tok, nxt, prev = doc[i], doc[i + 1], doc[i - 1]
    return (
        tok.text == "-"
        and _attached(doc, i)
        and _attached(doc, i + 1)
        and prev.pos_ in NAME_PART_TAGS
        and nxt.is_alpha
        and nxt.is_lower
        and (nxt.pos_ in NAME_PART_TAGS or (nxt.ent_type_ == "PERSON" and prev.ent_type_ == "PERSON"))
    )


def _name_particles(doc: Doc, i: int, rules: Rules) -> int:
    """How many lower-case particles of a family name start at ``i`` ("von der" of "Ursula von der
    Leyen", "dela" of "Arnel dela Vega"): up to two, read by the entity recogniser as part of a
    person's name, followed by a capitalised word; 0 when there are none."""
    k = 0
    while k < 2 and i + k < len(doc):
        tok = doc[i + k]
        if not (tok.is_lower and tok.text in rules.name_particles and tok.ent_type_ == "PERSON"):
            break
        k += 1
    nxt = doc[i + k] if k and i + k < len(doc) else None
    return k if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha else 0


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """Token indices of wire datelines opening a paragraph: "BANGKOK (Reuters) -", "BOKEO, Laos –".

    A dateline is one or more upper-case words, optionally followed by a capitalised region,
    a date and a bracketed agency, and closed by a dash. It names a place and a news agency,
    never a speaker or an organisation of the story. Found once per Doc (kept in its
    ``user_data``, like ``doc_text``): names and reported speech both ask.
    """
    found = doc.user_data.get(_DATELINES_KEY)
    if found is None:
        found = doc.user_data[_DATELINES_KEY] = frozenset(_find_datelines(doc))
    return found


_DATELINES_KEY = "newsclaims.datelines"


def _find_datelines(doc: Doc) -> set[int]:
    found: set[int] = set()
    for start in _paragraph_starts(doc):
        i = start
        while i < len(doc) and (doc[i].text.isupper() and sum(c.isalpha() for c in doc[i].text) >= 2):
            i += 1
        if i == start:
            continue
        depth = 0
        for j in range(i, min(i + DATELINE_MAX_TOKENS, len(doc))):
            tok = doc[j]
            if tok.text in DATELINE_DASHES and depth == 0:
                found.update(range(start, j + 1))
                break
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth -= 1
            elif not (depth > 0 or tok.text == "," or tok.text[:1].isupper() or tok.like_num):
                break
    return found


def _paragraph_starts(doc: Doc) -> list[int]:
    starts = [0] if len(doc) else []
    for tok in doc:
        if tok.is_space and "\n\n" in tok.text and tok.i + 1 < len(doc):
            starts.append(tok.i + 1)
    return starts


def _runs(doc: Doc, rules: Rules) -> list[list[int]]:
    """Maximal runs of capitalised tokens, with hyphen and abbreviation joins."""
    runs: list[list[int]] = []
    current: list[int] = []
    i = 0
    n = len(doc)
    skip = dateline_tokens(doc)
    while i < n:
        tok = doc[i]
        if _is_cap(tok, rules) and i not in skip:
            current.append(i)
            i += 1
            continue
        if current and i + 1 < n and _lower_name_part(doc, i):
            current.extend([i, i + 1])
            i += 2
            continue
        particles = _name_particles(doc, i, rules) if current else 0
        if particles:
            current.extend(range(i, i + particles + 1))
            i += particles + 1
            continue
        if current and i + 2 < n and _arabic_article(doc, i, rules):
            current.extend([i, i + 1, i + 2])
            i += 3
            continue
        if current and i + 1 < n and _is_cap(doc[i + 1], rules):
            prev = doc[current[-1]]
            joins_hyphen = tok.text == "-" and _attached(doc, i) and _attached(doc, i + 1)
            joins_abbrev = (
                tok.text == "."
                and _attached(doc, i)
                and prev.text[:1].isupper()
                and len(prev.text) <= 3
                and not prev.text.isupper()
                and prev.text not in rules.non_names
                and (len(prev.text) == 1 or _opens_name(doc, current, rules))
            )
            if joins_hyphen or joins_abbrev:
                current.extend([i, i + 1])
                i += 2
                continue
        if current:
            runs.append(current)
            current = []
        i += 1
    if current:
        runs.append(current)
    return runs


def _opens_name(doc: Doc, current: list[int], rules: Rules) -> bool:
    """The run's last token opens a name (only titles before it): "Judge Ma. Cristina" joins,
    "Mae Sot. Thiri" (a place ending a sentence, then a name) does not."""
    return all(doc[c].lower_.rstrip(".") in rules.person_titles for c in current[:-1])


def _person_words(doc: Doc) -> frozenset[str]:
    """Words the tagger reads as part of a person's name somewhere inside a sentence: opening a
    sentence, the same word is that name too, however the tagger reads it there ("Rathbun
    requested donations", tagged a verb, after "Mark Rathbun" was named)."""
    return frozenset(
        t.text
        for t in doc
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.is_title and not _sentence_initial(doc, t.i)
    )


def _strip(doc: Doc, idxs: list[int], rules: Rules, person_words: Set[str] = frozenset()) -> list[int]:
    """Drop leading/trailing non-name words and a sentence-initial common word."""
    while idxs and (doc[idxs[0]].text in rules.non_names or doc[idxs[0]].text in NAME_EDGE_MARKS):
        idxs = idxs[1:]
    while idxs and (
        (
            doc[idxs[-1]].text in rules.non_names
            and not _name_final(doc, idxs, rules)
            and not _article_spelled_name(doc, idxs, rules)
        )
        or doc[idxs[-1]].lower_ in rules.of_connectors | rules.and_connectors | rules.at_connectors
        or doc[idxs[-1]].text in NAME_TRAILING_MARKS
    ):
        idxs = idxs[:-1]
    first = doc[idxs[0]] if idxs else None
    if (
        first is not None
        and _sentence_initial(doc, first.i)
        and first.pos_ != "PROPN"
        and first.text not in rules.org_keywords
        and first.text not in person_words
        and not _acronym_read_as_pronoun(doc, first)
    ):
        idxs = idxs[1:]
    return idxs


def _acronym_read_as_pronoun(doc: Doc, tok: Token) -> bool:
    """ "WHO say iodine deficiency is …", "US officials said": an acronym spelled like a pronoun,
    which the tagger reads as the pronoun when it opens a sentence. Written in capitals before a
    word that is not (a heading in capitals is no acronym), it names an organisation or a place."""
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        tok.pos_ == "PRON"
        and len(tok.text) >= 2
        and tok.text.isupper()
        and tok.is_alpha
        and after is not None
        and not after.text.isupper()
    )


def _article_spelled_name(doc: Doc, idxs: list[int], rules: Rules) -> bool:
    """ "Nguyen Van An, an official": a name part spelled like an article ends the name when no
    noun follows it (an article never ends a noun phrase; a comma, a verb or the end does)."""
    last = doc[idxs[-1]]
    if len(idxs) < 2 or last.lower_ not in rules.indefinite_articles:
        return False
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return after is None or after.is_punct or after.pos_ in VERB_POS


def _name_final(doc: Doc, idxs: list[int], rules: Rules) -> bool:
    """ "Daw Khin May", "Khin May said": a word that is usually a month or a day ends a personal name
    after an honorific ("Daw", "U", "Mr") or when the tagger reads it and the word before it as one
    person's name (not "in May 2023")."""
    last = doc[idxs[-1]]
    before = doc[idxs[-2]] if len(idxs) >= 2 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if (
        before is None
        or not last.text.istitle()
        or len(last.text) < 3
        or (after is not None and after.like_num)
    ):
        return False
    opener = doc[idxs[0]] if len(idxs) >= 3 else doc[idxs[0] - 1] if idxs[0] > 0 else None
    honorific = opener is not None and opener.lower_ in rules.gender_cues.keys() & rules.person_titles
    return honorific or (last.ent_type_ == "PERSON" and before.ent_type_ == "PERSON")


def quoted_title_tokens(doc: Doc, rules: Rules) -> set[int]:
    """Tokens of short Title Case phrases in quote marks: report and campaign titles ("the annual
    “Freedom at Work” report"), which name a document, not a person or an organisation."""
    found: set[int] = set()
    for tok in doc:
        if not tok.is_quote or tok.i + 1 >= len(doc) or not doc[tok.i + 1].text[:1].isupper():
            continue
        words = []
        for j in range(tok.i + 1, min(tok.i + 1 + TITLE_MAX_TOKENS, len(doc))):
            inner = doc[j]
            if inner.is_quote:
                if len(words) >= 2 and doc[words[-1]].text[:1].isupper():
                    found.update(words)
                break
            if not (inner.text[:1].isupper() or inner.lower_ in rules.title_function_words):
                break
            words.append(j)
    return found


def _sentence_initial(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a sentence, possibly after opening quote marks."""
    while (i > 0 and doc[i - 1].is_quote) or (i > 0 and doc[i - 1].is_space):
        i -= 1
    return doc[i].is_sent_start or i == 0


def _absorbs_full_stop(doc: Doc, i: int) -> bool:
    """ "… agency, Sonali Horizon Overseas Ltd. The firm …": an abbreviation ending a sentence
    carries the sentence's full stop, which is not part of the name."""
    tok = doc[i]
    if not tok.text.endswith(".") or len(tok.text) < 3 or "." in tok.text[:-1]:
        return False
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j >= len(doc) or doc[j].text[:1].isupper() or doc[j].is_quote


def _split_title(doc: Doc, idxs: list[int], rules: Rules) -> tuple[list[int], list[int]]:
    """Split "Police Major General Surachet Hakparn" into title tokens and name tokens.

    The title ends at the last title word that leaves a name without organisation keywords, so
    "General Court" or "Minister of Labour" stay whole.
    """
    last = -1
    for pos in range(len(idxs) - 1):
        width = _title_width(doc, idxs, pos, rules)
        rest = idxs[pos + width :]
        if width and rest and not _body_keyword(doc, rest, rules) and not _plural_name(doc, rest):
            last = pos + width - 1
    if last < 0 or (has_keyword(doc, idxs, rules) and doc[idxs[last + 1]].lower_ in rules.of_connectors):
        return [], idxs
    tail = person_tail(doc, idxs)
    if tail is not None and tail > last + 1 and _not_name_words(doc, idxs[last + 1 : tail], rules):
        last = tail - 1  # "Secretary of State Mike Pompeo": the title runs to the name
    name = idxs[last + 1 :]
    while name and doc[name[0]].text in NAME_EDGE_MARKS:
        name = name[1:]
    return idxs[: last + 1], name


def keyword_is_family_name(doc: Doc, idxs: list[int], rules: Rules) -> bool:
    """The name's only organisation keyword is its last word, which the entity recogniser reads as
    part of a person's name: "Frank Church", "Mary Court" (a family name, not a church or a court)."""
    last = doc[idxs[-1]]
    return (
        last.text in rules.org_keywords
        and not has_keyword(doc, idxs[:-1], rules)
        and last.ent_type_ == "PERSON"
    )


def _body_keyword(doc: Doc, idxs: list[int], rules: Rules) -> bool:
    """The words after a title hold an organisation keyword ("General Court"), unless it is a
    family name ("Senator Frank Church")."""
    return has_keyword(doc, idxs, rules) and (len(idxs) < 2 or not keyword_is_family_name(doc, idxs, rules))


def _not_name_words(doc: Doc, idxs: list[int], rules: Rules) -> bool:
    """The words hold a connector, place, organisation keyword or English word ("of State"), so
    they continue a title rather than start a name ("Hồ" of "Hồ Văn Lộc")."""
    return any(
        doc[i].is_lower
        or doc[i].text in rules.place_words
        or doc[i].text in rules.org_keywords
        or is_english_word(doc[i].text)
        for i in idxs
    )


def _plural_name(doc: Doc, idxs: list[int]) -> bool:
    """ "General Motors", "General Dynamics": a single plural proper noun after a title word is
    the rest of a company's name, not a person's (people are not named in the plural), unless the
    entity recogniser reads it as a person: a family name ending in -s ("Professor Burrows",
    "Dr Rhodes") is tagged plural as often as a company's name is."""
    return len(idxs) == 1 and doc[idxs[0]].tag_ == "NNPS" and doc[idxs[0]].ent_type_ != "PERSON"


def _numbered_designation(doc: Doc, run: list[int], rules: Rules) -> bool:
    """ "the Sheng Yu Fa No. 31", "Unit No. 4": a name numbered with "No." designates a vessel,
    unit or document, never a person or an organisation."""
    j = run[-1] + 1
    if doc[run[-1]].text.rstrip(".") not in rules.number_abbreviations:
        return False
    while j < len(doc) and doc[j].text == ".":
        j += 1
    return j < len(doc) and doc[j].like_num


def _title_width(doc: Doc, idxs: list[int], pos: int, rules: Rules) -> int:
    """How many tokens of ``idxs`` from ``pos`` form a title: one word ("Datuk", "Daw"), a pair
    listed as one ("Tan Sri", while "Tan" alone is a family name), or a Burmese honorific ("Ko",
    "Ma") that opens a name of two or more plain words ("Ko Zaw Lin Htet"; "Ma Ying-jeou" and
    "Ma Jun" are Chinese names)."""
    low = doc[idxs[pos]].lower_
    if pos + 1 < len(idxs) and f"{low} {doc[idxs[pos + 1]].lower_}" in rules.person_titles:
        return 2
    if low in rules.person_titles or low.rstrip(".") in rules.person_titles:
        return 1
    rest = [doc[i] for i in idxs[pos + 1 :]]
    opens = all(doc[i].lower_.rstrip(".") in rules.person_titles for i in idxs[:pos])
    plain = len(rest) >= BURMESE_NAME_MIN_WORDS and all(t.is_alpha and t.is_title for t in rest)
    return 1 if low in rules.burmese_honorifics and doc[idxs[pos]].is_title and opens and plain else 0


def find_name_chunks(doc: Doc, *, rules: Rules) -> list[NameChunk]:
    """Capitalised name chunks of ``doc`` in text order, titles split off.

    :returns: one ``NameChunk`` per name as written; single words included (they may be aliases).
    """
    chunks = []
    text = doc_text(doc)
    titles = quoted_title_tokens(doc, rules)
    person_words = _person_words(doc)
    runs = split_person_tails(
        doc, split_titled_names(doc, merge_runs(doc, _runs(doc, rules), rules), rules), rules
    )
    for run in runs:
        if run[0] in titles or _numbered_designation(doc, run, rules):
            continue
        idxs = _strip(doc, run, rules, person_words)
        if not idxs:
            continue
        title, name = _split_title(doc, idxs, rules)
        name = _strip(doc, name, rules) if title else name
        if not name:
            continue
        first, last = doc[name[0]], doc[name[-1]]
        end_char = last.idx + len(last.text) - (1 if _absorbs_full_stop(doc, last.i) else 0)
        chunks.append(
            NameChunk(
                span=doc[name[0] : name[-1] + 1],
                text=text[first.idx : end_char],
                end_char=end_char,
                title=doc[title[0] : title[-1] + 1] if title else None,
            )
        )
    return join_nicknames(doc, chunks, rules)
