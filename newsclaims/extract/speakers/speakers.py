"""Who is speaking: attribution of direct quotes and resolution of speaker words to entities.

``find_attribution`` finds the reporting verb next to a direct quote ("…,” said X", "X said:
“…”"). ``SpeakerResolver`` turns the speaker's head word into a person or organisation: a name
(or its appositive name: "the agency's enforcement director, Rosli Hamzah"), a pronoun (nearest
compatible earlier person, with gender learned from titles and pronouns about them), an
organisation noun ("the ministry" -> the latest organisation named with that noun), a role noun
("the deputy director" -> the person with that role) or a document ("the statement", "a report by
X" -> the body that produced it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence, Set

from spacy.symbols import PRON
from spacy.tokens import Doc, Token

from ..base.labels import (
    BOUND_CLAUSE_DEPS,
    MISTAGGED_SUBJECT_DEPS,
    MODIFIER_CLAUSE_DEPS,
    MODIFIER_WORD_POS,
    NAME_OR_PRONOUN_POS,
    NOMINAL_OR_PRONOUN_POS,
    NOMINAL_POS,
    OBJECT_PATH_DEPS,
    PASSIVE_DEPS,
    PLURAL_TAGS,
    PREMODIFIER_DEPS,
    SHARED_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_OBJECT_DEPS,
    VERB_POS,
)
from ..base.marks import ATTRIBUTION_MARKS, OPEN_MARKS, SENTENCE_END, STRAIGHT_MARK
from ..base.rules import Rules
from ..base.textindex import doc_text
from ..entities.entity_index import Entity, EntityIndex
from ..entities.org_nouns import latest_subject, nearby_organisation, resolve_org_noun
from ..quotes.quotes import DirectQuote
from .salience import previous_subject
from .speaker_ahead import named_next, spokesperson_org, statement_issuer, title_word_runs, title_words


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


INITIALS_MAX = 3  # letters of a speaker label read as a person's initials
OBJECT_CLIMB = 4  # words from the end of the listener's phrase up to its reporting verb


def _verb_subject(verb: Token) -> Token | None:
    """The verb's subject; a participle or coordinated verb with none of its own shares its head's
    ("Netanyahu called on Italy to join, adding …", "she paused and said …")."""
    for _ in range(2):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return _nearest_name(subjects)
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i or verb.head.pos_ not in VERB_POS:
            return None
        verb = verb.head
    return None


def _nearest_name(subjects: list[Token]) -> Token:
    """ "Malaysia's Prime Minister, Najib Razak said": the parser gives the verb two subjects, the
    title and the name; the proper noun nearest the verb is the one that names the speaker."""
    names = [s for s in subjects if s.pos_ == "PROPN"]
    return names[-1] if len(subjects) > 1 and names else subjects[0]


def _ends_with_reporting_verb(doc: Doc, region: tuple[int, int], rules: Rules) -> bool:
    """'Tusk wrote "Let's all pray …"', 'He said "I can't …"': the quote opens straight after a
    reporting verb, or after the verb's listener ('told host Mika Brzezinski "…"'), with no comma
    or colon between them."""
    words = [t for t in _tokens(doc, *region) if not t.is_space and not t.is_punct]
    if not words:
        return False
    tok = words[-1]
    lo, hi = region
    for _ in range(OBJECT_CLIMB):  # 'Biden told host Mika Brzezinski "…"', 'she told reporters "…"'
        if tok.pos_ == "VERB" and tok.lemma_.lower() in rules.reporting_verbs:
            return True
        if tok.dep_ not in OBJECT_PATH_DEPS or not lo <= tok.head.idx < hi or tok.head.i > tok.i:
            return False
        tok = tok.head
    return False


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "Detik.com quoted Djamal as saying": the speaker is the one quoted, not the outlet."""
    if verb.lemma_.lower() != "quote":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    saying = any(t.lower_ == "saying" for t in verb.subtree)
    return obj if obj is not None and saying else None


def _after_region(text: str, quote: DirectQuote, next_open: int) -> tuple[int, int]:
    lo = (quote.close if quote.close is not None else quote.paragraph_end) + 1
    hi = min(next_open, quote.paragraph_end)
    for i in range(lo, hi):
        if text[i] in SENTENCE_END and (i + 1 >= hi or text[i + 1].isspace()) and not text[i - 1].isupper():
            return lo, i
    return lo, hi


def _introduces_next(text: str, quote: DirectQuote, after: tuple[int, int], next_open: int) -> bool:
    """'"… exempt?" Vatican archbishop Charles Scicluna said, "People …"': after a quote that ends
    its sentence, a new sentence running straight into the next quote introduces that quote; it
    is not this one's attribution (unlike '"…," he said, "…"', which carries on the sentence)."""
    lo, hi = after
    words = text[lo:hi].strip()
    ends_sentence = text[quote.start : quote.end].rstrip()[-1:] in SENTENCE_END
    return bool(words) and hi == next_open and ends_sentence and words[0].isupper()


def _new_sentence_after(text: str, quote: DirectQuote, after: tuple[int, int]) -> bool:
    """The quote ends its sentence and the words after it start a new one ('"… It never happened."
    Meanwhile, a woman claimed …')."""
    words = text[after[0] : after[1]].lstrip(" \n\"”’'")
    ends_sentence = text[quote.start : quote.end].rstrip()[-1:] in SENTENCE_END
    return ends_sentence and words[:1].isupper()


def _reports_own_content(verb: Token) -> bool:
    """The reporting verb carries a clause of its own ("a woman who claimed Biden commented …"),
    so it reports that, not the quotation before it ('"…." Smith said.' has none)."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def _before_region(
    text: str, quote: DirectQuote, prev_close: int, abbreviations: Set[str] = frozenset()
) -> tuple[int, int]:
    hi = quote.open
    lo = max(quote.paragraph_start, prev_close + 1)
    for i in range(hi - 1, lo - 1, -1):
        # a full stop inside a word ('UOL.com.br', 'U.S') ends no sentence, nor one closing a
        # title's abbreviation (':Special Asst. to the Secretary … Bill Bodie: "…"')
        if (
            text[i] in SENTENCE_END
            and (i + 1 >= hi or not text[i + 1].isalnum())
            and not _closes_abbreviation(text, i, abbreviations)
        ):
            return i + 1, hi
    return lo, hi


def _closes_abbreviation(text: str, i: int, abbreviations: Set[str]) -> bool:
    """``text[i]`` is the full stop of a capitalised abbreviation of a rank or title ("Asst.")."""
    if text[i] != ".":
        return False
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return word[:1].isupper() and word.lower() in abbreviations


def find_attribution(
    doc: Doc, quote: DirectQuote, quotes: Sequence[DirectQuote], *, rules: Rules
) -> tuple[Token, Token] | None:
    """(reporting verb, speaker head) attributing ``quote``, from the words right after or before it.

    Words inside other quotes are never looked at; a quote with no verb beside it gets ``None``
    (the pipeline then gives it the previous speaker of its paragraph or article).
    """
    text = doc_text(doc)
    later = [q.open for q in quotes if q.open > quote.open]
    earlier = [q.close for q in quotes if q.close is not None and q.close < quote.open]
    after = _after_region(text, quote, min(later, default=len(text)))
    before = _before_region(text, quote, max(earlier, default=-1), rules.rank_abbreviations.keys())
    quoted = [(q.open, (q.close + 1) if q.close is not None else q.paragraph_end) for q in quotes]
    if quote.embedded:  # 'he stated the principle that "We build where we sell" applied …'
        governing = _governing_report(doc, quote, quoted, rules)
        if governing is not None:
            return governing
    regions = [] if _introduces_next(text, quote, after, min(later, default=len(text))) else [after]
    if text[before[0] : before[1]].rstrip().endswith(ATTRIBUTION_MARKS) or _ends_with_reporting_verb(
        doc, before, rules
    ):
        regions.append(before)
    new_sentence = _new_sentence_after(text, quote, after)
    for lo, hi in regions:
        toks = _tokens(doc, lo, hi)
        nearest_first = toks if (lo, hi) == after else list(reversed(toks))
        for tok in nearest_first:
            if _is_reporting_verb(tok, rules):
                if new_sentence and (lo, hi) == after and _reports_own_content(tok):
                    continue
                if _mistagged_gerund(tok, rules):
                    subject = _governing_verb_subject(tok)
                else:
                    subject = _quoted_as_saying(tok) or _verb_subject(tok)
                if subject is not None and lo <= subject.idx < hi:
                    return tok, subject
                # a possessive ('recalling their first meeting') names whose, not who
                names = [
                    t for t in toks if t.pos_ in NAME_OR_PRONOUN_POS and t.i != tok.i and t.dep_ != "poss"
                ]
                if names:
                    return tok, names[-1] if names[-1].pos_ == "PROPN" else names[0]
    return (
        _governing_report(doc, quote, quoted, rules)
        or _according_to_before(doc, text, before)
        or _lead_in(doc, quote, quoted, rules)
        or _introducing_clause(doc, text, before, quoted, rules)
    )


def _according_to_before(doc: Doc, text: str, before: tuple[int, int]) -> tuple[Token, Token] | None:
    """'According to a statement released by Erdogan's office, “…”': the quote opened after an
    'according to X,' phrase is X's."""
    lo, hi = before
    if not text[lo:hi].rstrip().endswith(","):
        return None
    for tok in _tokens(doc, lo, hi):
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is not None and lo <= pobj.idx < hi:
                return tok, pobj
    return None


def _introducing_clause(
    doc: Doc, text: str, before: tuple[int, int], quoted: Sequence[tuple[int, int]], rules: Rules
) -> tuple[Token, Token] | None:
    """'Trump, also on Twitter, defended his decision, "As I have stated …"', 'Graham spoke on Fox
    News, "This is …"', ':Secretary of the Air Force James Roche: "No, Sir, …"': a quote opened after
    a comma or colon that ends a clause of its own takes that clause's subject, whatever the verb;
    a bare name before the colon (a transcript or e-mail label) is the speaker itself."""
    lo, hi = before
    written = text[lo:hi].rstrip()
    if not written.endswith(ATTRIBUTION_MARKS):
        return None
    toks = [t for t in _tokens(doc, lo, hi) if not t.is_space and not t.is_punct]
    if not toks:
        return None
    last = toks[-1]
    # a label starts its line, or follows another colon ('… Congressional Record: :Special Asst. …:')
    line = [t for t in toks if t.idx > lo + max(written.rfind("\n"), written[:-1].rfind(":"))]
    if written.endswith(":") and line and _is_label(line, rules):
        return last, last  # a label: "Secretary of the Air Force James Roche:"
    heads = [  # the region's own clause: its verb whose head lies outside it (or is none)
        t
        for t in toks
        if t.pos_ in VERB_POS and (t.head.i == t.i or not lo <= t.head.idx < hi) and _outside(t.idx, quoted)
    ]
    relative = _relative_lead_in(toks, lo, hi, quoted, rules) if written.endswith(":") else None
    if relative is not None:
        return relative
    if not heads:
        return None
    root = heads[0]
    subject = _verb_subject(root)
    if subject is None or not lo <= subject.idx < hi or subject.pos_ not in NOMINAL_OR_PRONOUN_POS:
        return None
    return root, subject


def _is_label(toks: list[Token], rules: Rules) -> bool:
    """Capitalised words, and the small words of a title between them ("Secretary of the Air Force
    James Roche"): a name, with its title, standing as a label."""

    def capital(t: Token) -> bool:
        return t.pos_ == "PROPN" or t.is_title

    inner = toks[1:-1]
    return (
        capital(toks[0])
        and capital(toks[-1])
        and all(capital(t) or t.lower_ in rules.title_small_words for t in inner)
    )


def _relative_lead_in(
    toks: list[Token], lo: int, hi: int, quoted: Sequence[tuple[int, int]], rules: Rules
) -> tuple[Token, Token] | None:
    """'Another was tour manager Thomas Gray, 24, who cited his experience of rugby: “…”': a quote
    opened after a relative clause on a named person is that person's (the clause's antecedent),
    not the subject of the sentence's main verb."""
    verbs = [t for t in toks if t.pos_ in VERB_POS and _outside(t.idx, quoted)]
    if not verbs or verbs[-1].dep_ != "relcl":
        return None
    verb, antecedent = verbs[-1], verbs[-1].head
    relative = any(c.dep_ in SUBJECT_DEPS and c.lower_ in rules.relative_pronouns for c in verb.children)
    if relative and antecedent.pos_ == "PROPN" and lo <= antecedent.idx < hi:
        return verb, antecedent
    return None


def _outside(offset: int, quoted: Sequence[tuple[int, int]]) -> bool:
    return not any(lo <= offset < hi for lo, hi in quoted)


def _reporting_subject(
    verb: Token, quoted: Sequence[tuple[int, int]], rules: Rules, *, naming: bool = False
) -> Token | None:
    """The speaker word of a reporting verb outside the quotations; with ``naming``, of an active
    verb of naming too ('He characterized the conflict as "another small skirmish …"')."""
    if verb.pos_ != "VERB" or not _outside(verb.idx, quoted):
        return None
    if _reports(verb, rules):
        subject = _quoted_as_saying(verb) or _participle_of_report(verb, rules) or _verb_subject(verb)
    elif naming and _names(verb, rules):
        subject = _verb_subject(verb)
    else:
        return None
    return subject if subject is not None and _outside(subject.idx, quoted) else None


def _participle_of_report(verb: Token, rules: Rules) -> Token | None:
    """'Oramah said the use of other currencies "costs Africa $5 billion," further saying, "…"':
    the parser hangs the participle on the reported clause's verb ("costs"), whose subject is
    part of what was said; the one saying it is the subject of the verb reporting that clause."""
    head = verb.head
    if (
        verb.tag_ != "VBG"
        or verb.dep_ != "advcl"
        or head.dep_ != "ccomp"
        or head.head.i == head.i
        or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        or not _is_reporting_verb(head.head, rules)
    ):
        return None
    return _verb_subject(head.head)


def _names(verb: Token, rules: Rules) -> bool:
    return verb.lemma_.lower() in rules.naming_verbs and not any(
        c.dep_ in PASSIVE_DEPS for c in verb.children
    )


def _mistagged_gerund(tok: Token, rules: Rules) -> bool:
    """'… affirmed her willingness to accept the role, writing, “…”': a participle of saying
    between commas right before a quote, which the tagger took for a noun ("writing")."""
    doc = tok.doc
    if tok.tag_ != "NN" or not tok.lower_.endswith("ing") or tok.i == 0 or tok.i + 2 >= len(doc):
        return False
    stem = tok.lower_[:-3]
    bases = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    return (
        bool(bases & rules.reporting_verbs)
        and doc[tok.i - 1].text == ","
        and doc[tok.i + 1].text in ATTRIBUTION_MARKS
        and doc[tok.i + 2].text in OPEN_MARKS | {STRAIGHT_MARK}
    )


def _governing_verb_subject(tok: Token) -> Token | None:
    """The subject of the nearest verb above ``tok`` (a mis-tagged participle hangs on a noun)."""
    head = tok.head
    while head.i != head.head.i and head.pos_ not in VERB_POS:
        head = head.head
    return _verb_subject(head) if head.pos_ in VERB_POS else None


def _is_reporting_verb(tok: Token, rules: Rules) -> bool:
    """A verb of saying, or one the tagger took for a plural noun that still has a subject ("The
    U.S. Department of Agriculture notes, “…”")."""
    if _mistagged_gerund(tok, rules):
        return True
    if tok.lemma_.lower() not in rules.reporting_verbs:
        return False
    if tok.pos_ == "VERB":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NNS"
        and nxt is not None
        and nxt.text in ATTRIBUTION_MARKS
        and any(c.dep_ in MISTAGGED_SUBJECT_DEPS and c.i < tok.i for c in tok.children)
    )


def _reports(verb: Token, rules: Rules) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in rules.reporting_verbs:
        return True
    return lemma in rules.issuing_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in rules.document_nouns for c in verb.children
    )


def _governing_report(
    doc: Doc, quote: DirectQuote, quoted: Sequence[tuple[int, int]], rules: Rules
) -> tuple[Token, Token] | None:
    """'told a news conference they are "planting the seeds"', 'with Zinichev describing the "real
    threat …"': a quoted fragment inside a reported clause takes the speaker of the reporting verb
    the parse puts above it, within its sentence."""
    inside = _tokens(doc, quote.start, quote.end)
    if not inside:
        return None
    sent = inside[0].sent
    tok = inside[0]
    while tok.head.i != tok.i and quote.start <= tok.idx < quote.end:
        tok = tok.head  # leave the quotation by the parse
    for verb in (tok, *tok.ancestors):
        if not sent.start <= verb.i < sent.end:
            break
        subject = _reporting_subject(verb, quoted, rules, naming=True)
        if subject is not None:
            return verb, subject
    return None


def _lead_in(
    doc: Doc, quote: DirectQuote, quoted: Sequence[tuple[int, int]], rules: Rules
) -> tuple[Token, Token] | None:
    """'As Heald told The Huffington Post, ozone has dropped. "Despite …"': a quotation that is a
    sentence of its own takes the speaker of a reporting verb in the sentence just before it: in the
    same paragraph, or ending the paragraph before with a colon or comma ('Obama tweeted:' then a
    block quote)."""
    inside = _tokens(doc, quote.start, quote.end)
    if not inside or quote.embedded:
        return None
    first = inside[0].sent
    j = first.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0:
        return None
    previous = doc[j].sent
    opens_paragraph = doc[j].idx < quote.paragraph_start
    if opens_paragraph and doc[j].text not in ATTRIBUTION_MARKS:
        return None  # across a paragraph break only a lead-in ending 'X stated,' / 'X said:' counts
    for verb in previous:
        subject = _reporting_subject(verb, quoted, rules)
        if subject is not None:
            return verb, subject
    return None


class SpeakerResolver:
    """Resolves speaker head words to entities in text order, remembering who spoke last."""

    def __init__(self, index: EntityIndex, quoted: Sequence[tuple[int, int]]) -> None:
        self.index = index
        self.rules: Rules = index.rules
        self.quoted = quoted
        self.extra: list[tuple[int, Entity]] = []  # speaker mentions resolved from pronouns/nouns
        self.speakers: list[Entity] = []
        self._quoted_chars: bytearray | None = None
        self._by_lemma: dict[str, list[int]] | None = None
        self._mentions: list[tuple[int, int, Entity]] | None = None
        self._mention_offsets: list[int] = []
        self._extra_at: dict[int, Entity] = {}  # dict(self.extra), kept as it grows
        self._learn_genders()

    # -- gender ---------------------------------------------------------------------------
    def _inside_quote(self, offset: int) -> bool:
        if self._quoted_chars is None:  # one pass over the quoted spans, then a lookup per offset
            size = max((hi for _, hi in self.quoted), default=0)
            self._quoted_chars = bytearray(size + 1)
            for lo, hi in self.quoted:
                self._quoted_chars[lo:hi] = b"\x01" * max(0, hi - lo)
        return 0 <= offset < len(self._quoted_chars) and bool(self._quoted_chars[offset])

    def _learn_genders(self) -> None:
        """A 'his'/'her' in a sentence whose subject is a named person tells that person's gender,
        by majority over the story: "Biden commented on the size of her breasts" is one vote
        against every "his choice", "his running mate". A pronoun that is an object of the
        subject's own verb never votes ("Lopez joined him"): it cannot be the subject."""
        doc, index = self.index.doc, self.index
        votes: dict[int, Counter[str]] = {}
        people: dict[int, Entity] = {}
        for tok in doc:
            if tok.pos != PRON:  # first: the integer test rules out most tokens at once
                continue
            gender = self.rules.gender_pronouns.get(tok.lower_)
            if gender is None or self._inside_quote(tok.idx):
                continue
            for cand in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
                ent = index.entity_at(cand)
                if ent is None or ent.kind != "person" or self._inside_quote(cand.idx):
                    continue
                head = cand
                while head.head.i != head.i and index.entity_at(head.head) is ent:
                    head = head.head
                is_subject = head.dep_ in SUBJECT_DEPS or (
                    head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS
                )
                # "Lopez joined him on stage": an object of the subject's own verb is someone else,
                # and so is one of a verb coordinated with it ("Amman sent … and advised her …").
                verb = tok.head
                while verb.dep_ == "conj" and verb.head.i != verb.i and verb.i != head.head.i:
                    verb = verb.head
                co_argument = tok.dep_ in VERB_OBJECT_DEPS and verb.i == head.head.i
                if (
                    is_subject
                    and not co_argument
                    and tok not in list(head.subtree)
                    and ent.gender is None
                    and not _in_modifier_clause(tok, head.head)
                ):
                    votes.setdefault(id(ent), Counter())[gender] += 1
                    people[id(ent)] = ent
                break
        for key, counts in votes.items():
            (top, n), *rest = counts.most_common()
            if not rest or n > rest[0][1]:
                people[key].gender = top

    # -- recency --------------------------------------------------------------------------
    def _recent(self, kind: str, pos: int) -> Iterator[Entity]:
        """The entities of ``kind`` mentioned before ``pos``, latest mention first, lazily: walks
        back from ``pos`` over one sorted list of the story's mentions (built once) merged with
        the speaker mentions resolved so far, so a caller that stops early pays for what it reads."""
        if self._mentions is None:
            ranked = [(m, k, e) for k, e in enumerate(self.index.entities) for m in e.mentions]
            ranked.sort(key=lambda x: (x[0], -x[1]))  # walked backwards: ties in story order
            self._mentions = ranked
            self._mention_offsets = [m for m, _, _ in ranked]
        named = self._mentions
        i = bisect_left(self._mention_offsets, pos) - 1
        extra = sorted(
            ((m, n) for n, (m, e) in enumerate(self.extra) if e.kind == kind and m < pos), reverse=True
        )
        j, seen = 0, set()
        while i >= 0 or j < len(extra):
            if j < len(extra) and (i < 0 or extra[j][0] > named[i][0]):
                entity = self.extra[extra[j][1]][1]
                j += 1
            else:
                entity = named[i][2]
                i -= 1
            if entity.kind == kind and id(entity) not in seen:
                seen.add(id(entity))
                yield entity

    def _mentioned_before(self, entity: Entity, pos: int) -> bool:
        return any(m < pos for m in entity.mentions) or any(m < pos and e is entity for m, e in self.extra)

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, tok: Token) -> Entity | None:
        """The entity ``tok`` (a speaker's head word) denotes, or ``None``."""
        entity = self._resolve(tok)
        if entity is not None:
            self.extra.append((tok.idx, entity))
            self._extra_at[tok.idx] = entity
            self.speakers.append(entity)
        return entity

    def _resolve(self, tok: Token) -> Entity | None:
        index, low = self.index, tok.lower_
        if low in self.rules.relative_speakers and tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "relcl":
            tok = self._relative_antecedent(tok.head.head, low)  # "a statement which said": it speaks
            low = tok.lower_
        named = self._named(tok)
        if named is not None:
            return named
        if low in self.rules.person_pronouns:
            return self._pronoun(tok, self.rules.person_pronouns[low])
        if low in self.rules.org_pronouns:
            orgs = [s for s in reversed(self.speakers) if s.kind == "organisation"]
            return orgs[0] if orgs else next(iter(self._recent("organisation", tok.idx)), None)
        if tok.lemma_.lower() in self.rules.document_nouns:
            return self._document(tok)
        org = resolve_org_noun(index, tok)
        if org is not None:
            return org
        return (
            self._role_noun(tok)
            or self._description(tok)
            or named_next(index, tok)
            or spokesperson_org(index, tok)
            or nearby_organisation(index, tok)
            or self._nearby_officer(tok)
        )

    def _nearby_officer(self, tok: Token) -> Entity | None:
        """ "Mexico's Foreign Secretary Marcelo Ebrard said … The foreign minister said …": a
        definite role noun whose role no person of the story is written with stands for the person
        last named as a subject nearby (``latest_subject``), unless that person's own title holds
        the noun."""
        if tok.lower_ not in self.rules.role_nouns or tok.tag_ in PLURAL_TAGS or not self._definite(tok):
            return None
        person = latest_subject(self.index, tok, "person")
        if person is None or tok.lower_ in title_words(person, self.rules):
            return None  # titled with the noun: ``_role_noun`` judged it ("the governor", not the deputy)
        return person

    def _relative_antecedent(self, noun: Token, relative: str) -> Token:
        """The noun a relative pronoun stands for. The parser hangs "who" on the nearest noun, so in
        "Dara Chan, a labour economist at the Asian Development Bank, who said" it is the bank's; a
        "who" (people only) whose noun names no person climbs out of the prepositional phrases and
        the apposition to the person they describe."""
        if relative not in self.rules.person_relatives or self._is_person(noun):
            return noun
        cur = noun
        while cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
            cur = cur.head.head
        if cur.dep_ == "appos":
            cur = cur.head
        return cur if cur.i != noun.i and self._is_person(cur) else noun

    def _is_person(self, tok: Token) -> bool:
        ent = self.index.entity_at(tok)
        return ent is not None and ent.kind == "person"

    def _description(self, tok: Token) -> Entity | None:
        """ "the 22-year-old", "the woman", "the teenager": a definite description of a person
        already in the story points back like a pronoun, to the latest compatible person."""
        doc = tok.doc
        if tok.tag_ in PLURAL_TAGS:
            return None  # "the victims told police …": a group, never one person of the story
        window = doc[max(tok.i - 4, 0) : tok.i + 4].text.lower()
        age = tok.lower_ in self.rules.age_words and "-year-old" in window
        noun = tok.lemma_.lower() in self.rules.person_nouns and self._definite(tok)
        if not (age or noun):
            return None
        return self._pronoun(tok, self.rules.gender_cues.get(tok.lemma_.lower()) or "")

    def _definite(self, tok: Token) -> bool:
        """ "the woman", "this official": a noun with a definite or demonstrative determiner."""
        return any(c.dep_ == "det" and c.lower_ in self.rules.demonstrative_determiners for c in tok.children)

    def _named(self, tok: Token) -> Entity | None:
        """A name at the head word, in apposition to it, or compounded/possessed with it."""
        index = self.index
        ent = index.entity_at(tok)
        if ent is not None and ent.kind == "organisation":
            # "Asian Association of Migrant Workers (AAMW) Policy Director Sok Dara concedes":
            # the parser heads the subject with the organisation and hangs its officer, named
            # after it, in apposition; the person speaks
            person = next(
                (index.entity_at(c) for c in tok.children if c.dep_ == "appos" and self._is_person(c)), None
            )
            return person or ent
        if ent is not None:
            return ent
        found = [index.entity_at(c) for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ in SUBJECT_DEPS:  # "Another co-author, … professor Julian Marshall, said": the
            # parser split "co-author" into three subjects and hung the name on the last
            found += [
                index.entity_at(a)
                for s in tok.head.children
                if s.dep_ == tok.dep_ and s.i != tok.i
                for a in s.children
                if a.dep_ == "appos"
            ]
        found = [e for e in found if e is not None]
        if (
            not found
        ):  # "A spokeswoman for Tegal Police, Rina Kusumawati, said": parsed as the org's appositive
            found = [index.entity_at(c) for c in tok.subtree if c.dep_ == "appos" and c.i > tok.i]
            found = [e for e in found if e is not None and e.kind == "person"]
        people = [e for e in found if e.kind == "person"]
        if people or found:
            return (people or found)[0]
        return self._written_name(tok) or self._name_after_title(tok) or self._name_in_capitals(tok)

    def _name_in_capitals(self, tok: Token) -> Entity | None:
        """ "WALLACE: …", "TRUMP: “…”": a transcript's label prints a name in capitals, most often
        the surname alone; it denotes the one person of the story whose name ends in those words,
        or whose initials they are ("NG: …" in an interview with Natasha Gownaris)."""
        doc = tok.doc
        if not (tok.is_upper and len(tok.text) >= 2):
            return None
        start = tok.i
        while start > 0 and doc[start - 1].is_upper and doc[start - 1].is_alpha:
            start -= 1
        words = [t.text.strip(".").lower() for t in doc[start : tok.i + 1]]
        people = self.index.people()
        matches = [e for e in people if [w.lower() for w in e.words[-len(words) :]] == words]
        if not matches and len(words) == 1 and len(words[0]) <= INITIALS_MAX:
            # "NG: Because penguins migrate …": an interview's label gives the initials
            matches = [e for e in people if "".join(w[:1] for w in e.words).lower() == words[0]]
        return matches[0] if len(matches) == 1 else None

    def _name_after_title(self, tok: Token) -> Entity | None:
        """ "Former US Ambassador to the United Nations Nikki Haley wrote": the parser heads the
        subject with the title and hangs the name under the title's organisation. A person's name
        ending the subject phrase, written straight after a proper noun (no "for", "of" or "the"
        between, unlike "a lawyer for John Smith"), is the titled speaker."""
        role = tok.lower_ in self.rules.role_nouns
        if not (tok.text[:1].isupper() or role) or tok.pos_ not in MODIFIER_WORD_POS:
            return None
        edge = tok.right_edge
        while edge.i > tok.i and (edge.is_punct or edge.is_space):
            edge = edge.doc[edge.i - 1]
        ent = self.index.entity_at(edge)
        chunk = self.index.chunk_at(edge)
        if ent is None or ent.kind != "person" or chunk is None or chunk.start <= tok.i + 1:
            return None
        before = edge.doc[chunk.start - 1]
        titled = before.lower_ in self.rules.role_nouns | self.rules.person_titles
        if self.index.entity_at(before) is ent or not (before.pos_ == "PROPN" or titled):
            return None
        return ent  # "American academic and professor Marc Lamont Hill commented" too

    def _written_name(self, tok: Token) -> Entity | None:
        """ "Trump said …" where the tagger took "Trump" for a common noun, so no name chunk covers
        it: a capitalised head word that is a word, alias or acronym of a known entity denotes
        it (the most recently mentioned such, people before organisations)."""
        text = tok.text
        if not text[:1].isupper() or tok.pos_ not in NOMINAL_POS or tok.lower_ in self.rules.role_nouns:
            return None
        fits = [e for e in self.index.entities if text in e.words or text in e.aliases or e.acronym == text]
        if not fits:
            return None

        def last_before(e: Entity) -> int:
            return max((m for m in e.mentions if m < tok.idx), default=-1)

        return max(fits, key=lambda e: (e.kind == "person", last_before(e)))

    def _pronoun(self, tok: Token, gender: str) -> Entity | None:
        """The latest person before ``tok`` of a compatible gender (any gender when ``gender`` is "").

        When the sentence before is about an organisation ("The union is demanding …. “…,” she
        said."), the pronoun is that organisation's person, however long ago they were named.
        """

        named_here = self._named_in_own_clause(tok)

        def fits(p: Entity) -> bool:
            return (not gender or p.gender in (None, gender)) and id(p) not in named_here

        people = (p for p in self._recent("person", tok.idx) if fits(p))
        bound = self._clause_subject(tok)
        if bound is not None and fits(bound) and self._mentioned_before(bound, tok.idx):
            bound.gender = bound.gender or gender or None
            return bound
        topic = self._topic_organisation(tok)
        subject = previous_subject(self.index, tok, self._inside_quote, self._extra_at)
        member = None
        if topic is not None:
            member = next(
                (p for p in self._recent("person", tok.idx) if fits(p) and p.organisation is topic), None
            )
        salient = (
            subject is not None
            and subject.kind == "person"
            and fits(subject)
            and self._mentioned_before(subject, tok.idx)
        )
        person = member or (subject if salient else next(people, None))
        if person is not None:
            person.gender = person.gender or gender or None
        return person

    def _named_in_own_clause(self, tok: Token) -> set[int]:
        """Persons named in the clause the pronoun is the subject of: 'He described Chan as a
        victim', 'she said Chan had left' — a subject pronoun is never a name its own verb governs
        after it. A name before the pronoun may be its antecedent ('Cole concurred: “…,” she
        argued'), and words inside direct quotes do not count."""
        if tok.dep_ not in SUBJECT_DEPS:
            return set()
        own = {t.i for t in tok.subtree}
        found = set()
        for t in tok.head.subtree:
            if t.i < tok.i or t.i in own or self._inside_quote(t.idx):
                continue
            ent = self.index.entity_at(t) or self._extra_at.get(t.idx)
            if ent is not None and ent.kind == "person":
                found.add(id(ent))
        return found

    def _clause_subject(self, tok: Token) -> Entity | None:
        """ "Kiara Perkins, an art major, admitted she was willing", "Allton said he had only seen
        it", "Devocht, who had told Montalvo he would assist him": a pronoun subject of a clause
        that reports or completes a named person's verb is that person (the verb's own subject,
        or the noun a relative "who" stands for)."""
        verb = tok.head
        if tok.dep_ not in SUBJECT_DEPS or verb.dep_ not in BOUND_CLAUSE_DEPS or verb.head.i == verb.i:
            return None
        governor = verb.head
        subject = next((c for c in governor.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or self._inside_quote(subject.idx) or subject.i == tok.i:
            return None
        if subject.lower_ in self.rules.relative_pronouns and governor.dep_ == "relcl":
            subject = governor.head
        ent = self._named(subject) if subject.pos_ in NOMINAL_POS else None
        return ent if ent is not None and ent.kind == "person" else None

    def _topic_organisation(self, tok: Token) -> Entity | None:
        """The organisation that is the subject of the sentence before ``tok``'s, if any."""
        doc = tok.doc
        i = tok.sent.start - 1
        while i >= 0 and (doc[i].is_space or doc[i].is_punct):
            i -= 1
        if i < 0:
            return None
        root = doc[i].sent.root
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS:
                ent = self.index.entity_at(child) or resolve_org_noun(self.index, child)
                if ent is not None and ent.kind == "organisation":
                    return ent
        return None

    def _document(self, tok: Token) -> Entity | None:
        """'the statement', 'a report by X', 'figures provided by the bureau': who produced it."""
        index = self.index
        for sub in tok.subtree:
            if sub.i == tok.i:
                continue
            ent = index.entity_at(sub)
            if ent is None and sub.dep_ == "pobj" and sub.head.lower_ in self.rules.agent_preps:
                ent = resolve_org_noun(index, sub) or self._role_noun(sub)  # "signed by the Pope"
                owner = next((c for c in sub.children if c.dep_ == "poss"), None)
                if ent is None and owner is not None:  # "released by Erdogan's office"
                    ent = index.entity_at(owner) or self._written_name(owner)
            if ent is None and sub.dep_ == "poss" and sub.head.i == tok.i:
                ent = self._written_name(sub)
            if ent is not None and (
                ent.kind == "organisation"
                or (sub.dep_ == "poss" and sub.head.i == tok.i)
                or (sub.dep_ == "pobj" and sub.head.lower_ == "by")  # "the decree signed by the Pope"
            ):
                return ent  # "the report by the agency", "Cornyn's statement"
        for i in self._same_lemma_before(tok):
            ent = statement_issuer(index, tok.doc[i])
            if ent is not None:
                return ent
        issuer = self._issuer(tok)
        if issuer is not None:
            return issuer
        orgs = [s for s in reversed(self.speakers) if s.kind == "organisation"]
        return orgs[0] if orgs else None

    def _issuer(self, tok: Token) -> Entity | None:
        """ "They released a statement which said …": who gives out the document, however the text
        names them (a pronoun included)."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in self.rules.issuing_verbs:
            return None
        subject = _verb_subject(verb)
        return self._resolve(subject) if subject is not None and subject.i != tok.i else None

    def _same_lemma_before(self, tok: Token) -> list[int]:
        """Positions of the earlier tokens with ``tok``'s lemma, in text order, from an index built
        once per story: a scan of the text before every 'the statement' is quadratic on long ones."""
        if self._by_lemma is None:
            self._by_lemma = {}
            for t in tok.doc:
                self._by_lemma.setdefault(t.lemma_, []).append(t.i)
        positions = self._by_lemma.get(tok.lemma_, [])
        return positions[: bisect_left(positions, tok.i)]

    def _role_noun(self, tok: Token) -> Entity | None:
        """'the deputy director', 'the colonel', 'the police general' (Pol Lt Gen X), 'the county
        official' (an official of the Goesan County Office), 'the activist' (someone of an NGO):
        the latest person whose role, title or organisation says so."""
        low = tok.lower_
        if low not in self.rules.role_nouns and low not in self.rules.person_titles:
            return self._titled_by_name(tok)
        mod_words = [c.lower_ for c in tok.children if c.dep_ in PREMODIFIER_DEPS and c.i < tok.i]
        phrase = " ".join([*mod_words, low])
        recent = [p for p in self._recent("person", tok.idx) if not self._lower_office(p, low, mod_words)]
        for person in recent:
            role = (person.role or "").lower()
            if role.endswith(phrase) or (not mod_words and low in role.split()):
                return person
        for person in recent:
            words = title_words(person, self.rules)
            org = person.organisation
            org_words = {w.lower() for o in (org, org.parent if org else None) if o for w in o.words}
            fits = low in words or (
                org is not None and self.rules.role_org_types.get(tok.lemma_.lower()) == org.type
            )
            if fits and all(m in words or m in org_words for m in mod_words):
                return person
        return None

    def _lower_office(self, person: Entity, low: str, mod_words: list[str]) -> bool:
        """Whether ``person`` holds only a lower office of the noun: 'the governor' is not
        'Deputy Governor Oleg Klimov' (unless the noun says 'the deputy governor' too)."""
        seen = False
        for words in title_word_runs(person):
            for k, w in enumerate(words):
                if w != low:
                    continue
                seen = True
                before = words[k - 1] if k else ""
                if before not in self.rules.subordinate_ranks or before in mod_words:
                    return False
        return seen

    def _titled_by_name(self, tok: Token) -> Entity | None:
        """ "the Pope", "the King": a title written as part of a person's name ("Pope Francis",
        "King Charles") names that person, the latest such before the noun."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        for person in self._recent("person", tok.idx):
            words = person.name.split()
            if len(words) > 1 and words[0].lower() == tok.lower_:
                return person
        return None


def _in_modifier_clause(tok: Token, verb: Token) -> bool:
    """``tok`` sits in a relative or participle clause below ``verb`` ("Thapa said the cell stopped
    a girl who carried a passport giving her age as 24"): a pronoun there is about someone else."""
    node = tok
    while node.i != node.head.i and node.i != verb.i:
        if node.dep_ in MODIFIER_CLAUSE_DEPS:
            return True
        node = node.head
    return False
