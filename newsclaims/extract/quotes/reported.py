"""Indirect (reported) speech: the clause a reporting verb or 'according to' attributes to someone.

Patterns over the dependency parse, each a generator of ``Reported`` candidates:

- ``iter_said_clauses``: "X said (that) …", "X told the Post (that) …", "…, X said.", "In a
  statement, the agency said …", "X, …, rejected the criticism and said …", "…, she said, adding
  that …", and the mid-sentence "Instead, he said, they were …" (the longer side is reported).
- ``iter_according_to``: "According to X, …" and "…, according to X(, …)".

A reporting verb inside a direct quote is never an attribution.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from ..base.labels import (
    ADVERBIAL_DEPS,
    AUX_DEPS,
    CLAUSE_SUBJECT_DEPS,
    COMPLEMENT_DEPS,
    COORDINATION_DEPS,
    FINITE_TAGS,
    INHERIT_DEPS,
    NOMINAL_OR_PRONOUN_POS,
    NOMINAL_POS,
    OBJECT_DEPS,
    PARENTHETICAL_DEPS,
    PARTICIPLE_TAGS,
    PREPOSITION_POS,
    SUBJECT_DEPS,
    THAT_CLAUSE_DEPS,
    TIME_ENTS,
    VERB_OBJECT_DEPS,
    VERB_OR_PUNCT_POS,
    VERB_POS,
)
from ..base.marks import DOUBLE_QUOTE_MARKS, SENTENCE_END
from ..base.rules import Rules
from ..base.textindex import SpanIndex, doc_text
from ..names.names import dateline_tokens
from .participles import cut_before_added_report, is_added_report, reporting_ancestor

MIN_CLAUSE_TOKENS = 3
SURFACE_TAIL_MAX = 6
SURFACE_NP_MAX = 9
SEGMENTS_BACK = 3


@dataclass(frozen=True)
class Reported:
    """A reported clause (char offsets into the body) and who it is attributed to."""

    start: int
    end: int
    speaker: int | None  # token index of the speaker's head word
    cue: str


def _in_spans(offset: int, spans: SpanIndex) -> bool:
    return spans.holds(offset)


def verb_subject(verb: Token, rules: Rules) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ("… and said") or that a
    participle hangs from ("…, she said, adding that …"), or who was quoted as saying it. Not
    "accused Biden of saying" (Biden said it) nor "had him released by saying" (others did)."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # "A crewmate who …, Rahmat Hidayat, 27, told …": the nearest before the verb
            before = [c for c in subjects if c.i < tok.i]
            return before[-1] if before else subjects[0]
        inherits = (
            tok.dep_ == "conj"
            or (tok.dep_ in INHERIT_DEPS and tok.tag_ == "VBG")
            # "he went on to say that …", "continued to say"
            or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in rules.saying_continuations)
        )
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in rules.quoting_prepositions:
            tok = tok.head.head  # "was quoted as saying …": the quoted one's
            continue
        tok = tok.head if inherits and tok.head.i != tok.i else None
    return None


def _longer(left: tuple[int, int], right: tuple[int, int]) -> tuple[int, int]:
    """Of the two sides of a parenthetical attribution, the longer one is what was said."""
    return max(left, right, key=lambda r: r[1] - r[0])


def _np_head(doc: Doc, a: int, b: int) -> Token | None:
    """Head word of the noun phrase ``doc[a..b]``: its first noun attached outside the phrase."""
    nouns = [t for t in doc[a : b + 1] if t.pos_ in NOMINAL_OR_PRONOUN_POS]
    for t in nouns:
        if not a <= t.head.i <= b:
            return t
    return nouns[0] if nouns else None


def _surface_trailing(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "…, a coalition of groups said this week." when the parse gives the verb no subject.

    The attribution must close the sentence: a comma, a short verbless noun phrase, the verb
    and at most a few verbless words after it; or the inverted "…, said X."
    """
    doc, sent = verb.doc, verb.sent
    tail = [t for t in doc[verb.i + 1 : sent.end] if not t.is_punct]
    if any(t.pos_ in VERB_POS for t in tail) or len(tail) > SURFACE_TAIL_MAX:
        return None
    if verb.i > sent.start and doc[verb.i - 1].text == ",":  # inverted: "…, said X."
        head = _np_head(doc, verb.i + 1, sent.end - 1)
        if (
            head is None
            or head.dep_ == "dobj"
            or any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)
        ):
            return None  # "The mayor, John Carter, announced a new shelter": no inversion
        return head, (sent.start, verb.i - 2)
    if (
        any(c.dep_ == "dobj" and c.pos_ in NOMINAL_POS for c in verb.children)
        and verb.lemma_.lower() != "tell"
    ):
        return None  # "While …, the AU announced an electronic payment system": what it announced
    for j in range(verb.i - 1, max(sent.start, verb.i - SURFACE_NP_MAX) - 1, -1):
        if doc[j].text == ",":
            if any(t.pos_ in VERB_POS for t in doc[j + 1 : verb.i]):
                return None
            head = _np_head(doc, j + 1, verb.i - 1)
            return (head, (sent.start, j - 1)) if head is not None else None
    return None


def _surface_parenthetical(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "Instead, the 22-year-old says, she spent …": an attribution set off by commas inside the
    sentence, which the parser often misreads; the longer side of it is what was said."""
    doc, sent = verb.doc, verb.sent
    if verb.i + 1 >= sent.end or doc[verb.i + 1].text != ",":
        return None
    for j in range(verb.i - 1, max(sent.start, verb.i - SURFACE_NP_MAX) - 1, -1):
        if doc[j].text != ",":
            continue
        if j == sent.start or any(t.pos_ in VERB_POS for t in doc[j + 1 : verb.i]):
            return None
        head = _np_head(doc, j + 1, verb.i - 1)
        if head is None:
            return None
        left, right = (sent.start, j - 1), (verb.i + 2, sent.end - 1)
        return head, _longer(left, right)
    return None


def _inverted_parenthetical(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "Institutional recipients, said Mauer, are required to exhibit …": a 'said NAME' set off by
    commas inside the sentence names the speaker after the verb, whatever subject the parser gave
    it; the longer side is what was said."""
    doc, sent = verb.doc, verb.sent
    if verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return None
    j = verb.i + 1
    while j < sent.end and doc[j].pos_ == "PROPN":
        j += 1
    if j == verb.i + 1 or j >= sent.end - 1 or doc[j].text != ",":
        return None
    left, right = (sent.start, verb.i - 2), (j + 1, sent.end - 1)
    if doc[j + 1].head.dep_ == "relcl" and doc[j + 1].head.head.i == j - 1:
        return doc[j - 1], left  # "…, says Chhiv Kek Pung, who founded the group": the clause is about her
    return doc[j - 1], _longer(left, right)


def _surface_leading(verb: Token, rules: Rules) -> tuple[Token, tuple[int, int]] | None:
    """ "Daw Khin Myat Noe, whose son left in March, said a broker …", "In Hanoi, Trần Minh Châu,
    deputy director of …, said by phone that …": the parser tied the name elsewhere, leaving the
    verb without a subject. The nearest comma-separated segment before the verb headed by a
    name is the speaker, and the clause after the verb is what was said."""
    doc, sent = verb.doc, verb.sent
    if verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return None
    after = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and c.i > verb.i]
    if not after:
        return None
    head = _name_segment_before(doc, sent.start, verb.i - 1)
    if head is None:
        return None
    start = _skip_circumstances(after[0], min(c.left_edge.i for c in after), rules)
    return head, (start, max(c.right_edge.i for c in after))


def _name_segment_before(doc: Doc, lo: int, comma: int, segments: int = SEGMENTS_BACK) -> Token | None:
    """Head of the nearest segment between commas before token ``comma`` that is headed by a name."""
    end = comma
    for _ in range(segments):
        start = end - 1
        while start > lo and doc[start - 1].text != ",":
            start -= 1
        if start >= end:
            return None
        head = _np_head(doc, start, end - 1)
        if head is not None and head.pos_ == "PROPN":
            return head
        if start <= lo:
            return None
        end = start - 1
    return None


def _clip(doc: Doc, rules: Rules, a: int, b: int, skip: Set[int] = frozenset()) -> tuple[int, int] | None:
    """Char span of tokens ``a..b`` (inclusive) without a leading dateline ("KATHMANDU, Nov. 18
    (Asia Pacific Wire) -", tokens ``skip``), 'that', punctuation or quote marks."""
    while a <= b and (a in skip or doc[a].is_punct or doc[a].is_space or doc[a].lower_ in rules.leading_skip):
        if doc[a].is_quote and _opens_partial_quote(doc, a, b):
            break
        a += 1
    while b >= a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if b - a + 1 < MIN_CLAUSE_TOKENS:
        return None
    marks = sum(t.is_quote for t in doc[a : b + 1])
    if b + 1 < len(doc) and doc[b + 1].is_quote and marks % 2:
        b += 1  # the closing mark of a partial quote the clause ends with
    elif marks % 2 and b + 2 < len(doc) and doc[b + 1].text in SENTENCE_END and doc[b + 2].is_quote:
        # a partial quote closing after its own full stop at the sentence's end ('… and "simply
        # ignored the inspectors."'), unless it is a quotation of its own the clause ran on into:
        # after a colon ('said the pattern was clear: "Every year, …."'), or after another
        # quotation, a comma and a capital ('said fees "cost workers …," adding, "Nobody …."')
        opening = max(k for k in range(a, b + 1) if doc[k].is_quote)
        before = doc[opening - 1].text if opening > 0 else ""
        own = before == ":" or (marks > 1 and before == "," and doc[opening + 1].is_title)
        b = b + 2 if _ends_sentence(doc, b + 2) and not own else b
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def _ends_sentence(doc: Doc, k: int) -> bool:
    """Nothing but punctuation follows token ``k`` in its sentence."""
    return all(t.is_punct or t.is_space for t in doc[k + 1 : doc[k].sent.end])


def _opens_partial_quote(doc: Doc, a: int, b: int) -> bool:
    """'emphasized that "GM remains open for business" during the bankruptcy period, …': the mark
    at ``a`` opens a quote that closes inside the clause, and the clause goes on after it. A quote
    closed after its own comma or full stop ('"… is history," and described') is a whole quotation
    the clause only runs on from."""
    close = next((k for k in range(a + 1, b + 1) if doc[k].is_quote), None)
    return (
        close is not None
        and not doc[close - 1].is_punct
        and not any(c in DOUBLE_QUOTE_MARKS for c in doc[a + 1 : close].text)  # no mark glued inside a word
        and any(not (t.is_punct or t.is_space) for t in doc[close + 1 : b + 1])
    )


def _before_next_quotation(doc: Doc, span: tuple[int, int], quoted: SpanIndex) -> tuple[int, int] | None:
    """'Burrows said kits would be accessible for schools, "For example, schools can run …"': a
    quotation opening after a comma with a capital letter is a sentence of its own that follows
    the clause, not a partial quote inside it; the clause ends at the comma. Only for a clause
    after its verb with no quotation of its own before the comma, and a verb ('told the court
    that, over the last five months of her life, "Gloria's eczema …"' keeps the quotation)."""
    text = doc_text(doc)
    for lo, _ in quoted.overlapping(*span):
        if lo <= span[0]:
            continue
        before = text[span[0] : lo].rstrip()
        after = text[lo + 1 : lo + 3].lstrip()
        if before.endswith(",") and after[:1].isupper() and not any(c in DOUBLE_QUOTE_MARKS for c in before):
            end = span[0] + len(before[:-1].rstrip())
            kept = doc.char_span(span[0], end, alignment_mode="expand")
            if kept is None or not any(t.pos_ in VERB_POS for t in kept):
                return span
            return span[0], end
    return span


def _before_contrast(doc: Doc, span: tuple[int, int], rules: Rules) -> tuple[int, int]:
    """ "… said the talks would resume next week, while the opposition called for new elections":
    a clause of its own set off by a comma and "while" is the reporter's contrast, not part of what
    was said ("she worked 16 hours a day while the broker kept her passport" has no comma). So is
    a preposition bringing in another named speaker ("…, with UBS analyst David Strauss saying …",
    "… despite Znak.com claiming …")."""
    clause = doc.char_span(*span, alignment_mode="expand")
    if clause is None:
        return span
    for tok in clause[1:]:
        if (
            doc[tok.i - 1].text == ","
            and tok.lower_ in rules.contrast_conjunctions
            and tok.dep_ == "mark"
            and any(c.dep_ in SUBJECT_DEPS for c in tok.head.children)
        ) or (tok.lower_ in rules.speaker_prepositions and _brings_in_speaker(tok, rules)):
            if doc[tok.i - 1].text != ",":
                return span[0], doc[tok.i - 1].idx + len(doc[tok.i - 1].text)
            comma = doc[tok.i - 1].idx
            return span[0], span[0] + len(doc_text(doc)[span[0] : comma].rstrip())
    return span


def _brings_in_speaker(with_tok: Token, rules: Rules) -> bool:
    """ "with X saying …": a verb of saying in the "with" phrase whose subject is a name ("with 73
    percent saying they had paid fees" and "with each sale adding to the debt" go on reporting)."""
    return any(
        t.tag_ == "VBG"
        and t.lemma_.lower() in rules.reporting_verbs
        and any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN" for c in t.children)
        for t in with_tok.subtree
    )


def _overlaps(span: tuple[int, int], quoted: SpanIndex) -> bool:
    """The clause cuts into a direct quote. A quote wholly inside the clause is a partial quote
    the reporter built the clause around ("said it would “investigate any credible report”"):
    the clause stays, and the pipeline lets it win over the embedded quote."""
    return any(not (span[0] <= lo and hi <= span[1] + 1) for lo, hi in quoted.overlapping(*span))


def _circumstance_at(prep: Token, rules: Rules) -> bool:
    """ "by phone", "via email": a preposition right before a circumstance noun."""
    doc = prep.doc
    return (
        prep.pos_ in PREPOSITION_POS
        and prep.i + 1 < len(doc)
        and doc[prep.i + 1].lemma_.lower() in rules.circumstance_nouns
    )


def _is_circumstance(phrase: Token, rules: Rules) -> bool:
    """ "on Wednesday", "last week", "by phone", "in an interview": when or how something was said."""
    return any(
        t.ent_type_ in TIME_ENTS or t.lemma_.lower() in rules.circumstance_nouns for t in phrase.subtree
    )


def _skip_circumstances(comp: Token, start: int, rules: Rules) -> int:
    """First token of the reported clause after the circumstances of saying that the parser hung
    on it: "said on Wednesday they had …", "told the Herald by phone Vientiane had …".

    Only phrases before the clause's subject and without a 'that' before them are dropped: in
    "said that on Wednesday they had …" the time belongs to what was said.
    """
    doc = comp.doc
    if _circumstance_at(doc[start], rules) and doc[start + 1].dep_ == "compound":
        return start + 2  # "by phone Vientiane had …" parsed as one noun phrase
    subjects = [c for c in comp.children if c.dep_ in CLAUSE_SUBJECT_DEPS]
    if not subjects and start > 0:
        # "told the Herald by phone Vientiane had …": the clause's subject was parsed as the
        # object of the circumstance ("phone Vientiane"); take it back.
        prev = doc[start - 1]
        noun = next((c for c in prev.children if c.dep_ == "compound" and c.i < prev.i), None)
        if prev.pos_ == "PROPN" and noun is not None and noun.lemma_.lower() in rules.circumstance_nouns:
            return noun.i + 1
    limit = subjects[0].left_edge.i if subjects else comp.i
    for child in sorted(comp.children, key=lambda c: c.i):
        if child.i >= limit or child.left_edge.i != start:
            break
        if child.dep_ not in ADVERBIAL_DEPS or not _is_circumstance(child, rules):
            break
        start = child.right_edge.i + 1
        noun = next((t for t in child.subtree if t.lemma_.lower() in rules.circumstance_nouns), None)
        if noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            start = noun.i + 1  # "by phone Vientiane had …": the name after the noun is the subject
        while start < limit and doc[start].text == ",":
            start += 1
    return start


def _document_that_clause(verb: Token, rules: Rules) -> list[Token]:
    """ "said in a written statement that the company paid …": the parser hung the 'that' clause
    on the document noun instead of on the verb."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for noun in prep.children:
            if (
                noun.dep_ != "pobj"
                or noun.lemma_.lower() not in rules.circumstance_nouns | rules.clause_document_nouns
            ):
                continue
            found += [
                c
                for c in noun.children
                if c.dep_ in THAT_CLAUSE_DEPS
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ]
    return found


def _gerund_clause(verb: Token, child: Token) -> bool:
    """ "said paying brokers rarely worked": a clause opening with a gerund subject that the parser
    hung on the verb as its open complement."""
    return (
        child.dep_ == "xcomp"
        and child.i == verb.i + 1
        and child.tag_ == "VBG"
        and any(c.dep_ in COMPLEMENT_DEPS for c in child.children)
    )


def _unmarked_finite_clause(verb: Token, child: Token, rules: Rules) -> bool:
    """ "told the Herald by phone Vientiane had suspended …": a finite clause after the verb that
    the parser hung on it as an adverbial clause although no conjunction ("because", "when")
    introduces it: it is what was told."""
    if child.dep_ != "advcl" or child.i < verb.i or verb.lemma_.lower() not in rules.plain_saying_lemmas:
        return False
    if any(
        (c.dep_ == "mark" and not _circumstance_at(c, rules)) or c.lower_ in rules.time_conjunctions
        for c in child.children
    ):
        return False
    return child.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in child.children)


def _skip_recipient(verb: Token, start: int) -> int:
    """ "told the Lantern 27 brokers had been arrested": with no object, the parser read the
    recipient as the start of the clause's subject; a name right after 'told' is the recipient."""
    doc = verb.doc
    if verb.lemma_.lower() != "tell" or start != verb.i + 1:
        return start
    if any(c.dep_ in VERB_OBJECT_DEPS for c in verb.children):
        return start
    i = start + (1 if doc[start].lower_ == "the" else 0)
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN":
        j += 1
    if j == i or j >= len(doc) or doc[j].pos_ in VERB_OR_PUNCT_POS:
        return start
    return j


def _split_recipient(verb: Token, comp: Token, start: int) -> int:
    """ "told the Ledger 40 workers had been moved": the parser read "the Ledger 40 workers" as one
    object and left the clause without a subject; the words after the recipient's name are it."""
    doc = verb.doc
    if verb.lemma_.lower() != "tell" or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in comp.children):
        return start
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i == start - 1), None)
    if obj is None:
        return start
    i = obj.left_edge.i + (1 if obj.left_edge.lower_ == "the" else 0)
    j = i
    while j < obj.i and doc[j].pos_ == "PROPN":
        j += 1
    return j if i < j <= obj.i else start


def _object_as_subject(verb: Token, comp: Token, start: int, rules: Rules) -> int:
    """ "He remarked toilet paper is a bulky item": the parser read the clause's subject as the
    verb's object and left the clause without one; a verb of saying that takes no listener
    ('told the court …' does) reports the object with it."""
    if comp.pos_ not in VERB_POS or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in comp.children):
        return start
    if verb.lemma_.lower() in rules.listener_verbs:  # "tell" among them
        return start
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i == start - 1), None)
    if obj is None or obj.pos_ not in NOMINAL_POS:
        return start
    return obj.left_edge.i


def _leading_without_that(verb: Token) -> bool:
    """An attribution opening its sentence, then a comma and the clause it reports, which the
    parser hung as a complement of that clause's verb: "Al Jazeera reported on Thursday, coverage
    had risen to 55 percent". A verb with its own object ("reported the figures, …") reports no
    clause."""
    doc, edge = verb.doc, verb.right_edge.i
    return (
        verb.dep_ in COMPLEMENT_DEPS
        and verb.left_edge.i == verb.sent.start
        and verb.head.i > edge + 1
        and doc[edge + 1].text == ","
        and not any(c.dep_ in OBJECT_DEPS for c in verb.children)
    )


def _before_second_report(verb: Token, comp: Token, end: int, rules: Rules) -> int:
    """Last token of the reported clause before a second verb of saying that the parser
    coordinated inside the clause although it is the speaker's: "He noted that the House did not
    ratify the demarcation, and mentioned an arbitration route". The second verb has no subject
    or auxiliary of its own and the speaker's verb form, which the clause's verb does not share:
    in "said officers had inspected the site and found no evidence" the finding is the officers'.
    Only after a comma and a conjunction (", and mentioned"): without the comma the tagger's verb
    forms are not to be trusted ('had inspected … and found' is tagged as a past tense).
    """
    for conj in (c for c in comp.children if c.dep_ == "conj" and c.i > comp.i):
        own = any(c.dep_ in CLAUSE_SUBJECT_DEPS or c.dep_ in AUX_DEPS for c in conj.children)
        if (
            conj.lemma_.lower() in rules.reporting_verbs
            and not own
            and conj.tag_ == verb.tag_
            and comp.tag_ != conj.tag_
            and _after_comma_and(conj)
        ):
            cut = conj.left_edge.i - 1
            while cut > comp.i and comp.doc[cut].dep_ in COORDINATION_DEPS:
                cut -= 1
            return min(end, cut)
    return end


def _after_comma_and(tok: Token) -> bool:
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].dep_ == "cc" and doc[tok.i - 2].text == ","


def _clause_span(verb: Token, subject: Token, rules: Rules) -> tuple[int, int] | None:
    """Token range (inclusive) of what ``verb`` reports, by the parse around it."""
    doc, sent = verb.doc, verb.sent
    comps = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS or _unmarked_finite_clause(verb, c, rules)]
    if not any(c.i > verb.i for c in comps):
        comps += [c for c in verb.children if _gerund_clause(verb, c)]
        comps += _document_that_clause(verb, rules)
    attribution_start = min(subject.left_edge.i, verb.i) if subject.head.i == verb.i else verb.i
    if comps:
        if all(c.i < verb.i for c in comps):
            return sent.start, attribution_start - 1
        after = [c for c in comps if c.i > verb.i]
        start = _skip_recipient(verb, min(c.left_edge.i for c in after))
        start = _split_recipient(verb, after[0], start)
        start = _object_as_subject(verb, after[0], start, rules)
        end = _before_second_report(verb, after[0], max(c.right_edge.i for c in after), rules)
        return _skip_circumstances(after[0], start, rules), _continued_clause(verb, subject, end, rules)
    as_told = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if as_told and verb.head.i > verb.right_edge.i:  # "As Heald told The Huffington Post, ozone has …"
        return verb.right_edge.i + 1, verb.head.right_edge.i
    if _leading_without_that(verb):  # "Al Jazeera reported on Thursday, coverage had risen …"
        return verb.right_edge.i + 2, verb.head.right_edge.i
    nxt = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    if nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark":
        return nxt.i + 1, sent.end - 1  # "Wilkins observed that the 2007 date …" misparsed
    if verb.dep_ in PARENTHETICAL_DEPS:
        left = (sent.start, verb.left_edge.i - 1)
        right = (verb.right_edge.i + 1, sent.end - 1)
        return _longer(left, right)
    before = attribution_start - 1
    if (
        subject.head.i == verb.i
        and before > sent.start
        and doc[before].text == ","
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in OBJECT_DEPS for c in verb.children)
    ):
        return sent.start, before - 1
    return None


def _requests(lemma: str, rules: Rules) -> bool:
    """``lemma`` is a request verb, alone or as the first word of one ("call" of "call on")."""
    return lemma in rules.request_verbs or (
        lemma in _request_heads(rules)
        if " " not in lemma
        else any(phrase.startswith(f"{lemma} ") for phrase in rules.request_verbs)
    )


@lru_cache(maxsize=4)
def _request_heads(rules: Rules) -> frozenset[str]:
    """First words of the request verbs of more than one word: asked of every verb in a story."""
    return frozenset(phrase.split(" ", 1)[0] for phrase in rules.request_verbs if " " in phrase)


def _requested_action(verb: Token, rules: Rules) -> tuple[int, int] | None:
    """ "asked the governments not to turn away boats", "called on Italy and Egypt to join the
    project", "called for the safe zone for refugees to be set up": who is asked and what they are
    asked to do is what was said, from the addressee to the end of the infinitive (a verb
    coordinated after it, "… to reconsider and spoke with …", is the speaker's own act)."""
    lemma = verb.lemma_.lower()
    addressees = (
        [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if lemma in rules.request_verbs
        else []
    )
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i > verb.i and f"{lemma} {prep.lower_}" in rules.request_verbs:
            addressees += [c for c in prep.children if c.dep_ == "pobj"]
    if not addressees:
        return None
    addressee = min(addressees, key=lambda t: t.i)
    action = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.i > addressee.i and _infinitive(c)), None
    )
    if action is not None:
        own = [c.right_edge.i for c in action.children if not _speakers_own_act(c, action)]
        return addressee.left_edge.i, max([action.i, *own])
    inner = next((c for c in addressee.children if c.i > addressee.i and _infinitive(c)), None)
    if inner is not None:  # "for the safe zone for refugees to be set up …": the parser hung it on the noun
        return addressee.left_edge.i, inner.right_edge.i
    return None


def _speakers_own_act(child: Token, action: Token) -> bool:
    """ "urged the embassy to reconsider and spoke with …": a finite verb coordinated after the
    infinitive is what the speaker did next ("to respect and execute" shares the "to")."""
    if child.dep_ == "conj":
        return child.tag_ in FINITE_TAGS
    return child.dep_ == "cc" and any(c.dep_ == "conj" and c.tag_ in FINITE_TAGS for c in action.children)


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in VERB_POS and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _continued_clause(verb: Token, subject: Token, end: int, rules: Rules) -> int:
    """ "Paris said her passport was taken away from her and she was forced to work …": a clause
    with a subject of its own coordinated right after the reported one, with no verb of saying,
    continues what was said (the parse hangs it on 'said')."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= end or conj.lemma_.lower() in rules.reporting_verbs:
            continue
        between = verb.doc[end + 1 : conj.left_edge.i]
        own = [c for c in conj.children if c.dep_ in SUBJECT_DEPS]
        if (
            own
            and own[0].i != subject.i
            and all(t.is_punct or t.lower_ == "and" for t in between)
            and any(t.lower_ == "and" for t in between)
        ):
            return conj.right_edge.i
    return end


def iter_said_clauses(doc: Doc, *, rules: Rules, quoted: Sequence[tuple[int, int]]) -> Iterator[Reported]:
    """Yield clauses reported by a reporting verb with a subject, outside direct quotes.

    :param quoted: char spans of direct quotes, marks included.
    """
    datelines = dateline_tokens(doc)
    spans = SpanIndex(quoted)
    for verb in doc:
        if verb.pos != VERB:  # first: the integer test rules out most tokens at once
            continue
        lemma = verb.lemma_.lower()
        reporting = lemma in rules.reporting_verbs
        if not (reporting or _requests(lemma, rules)):
            continue
        if _in_spans(verb.idx, spans) or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        above = reporting_ancestor(verb, rules) if is_added_report(verb, rules) else None
        subject = verb_subject(above if above is not None else verb, rules)
        if subject is not None:
            rng = _clause_span(verb, subject, rules) if reporting else None
            rng = rng or _requested_action(verb, rules)
        else:
            rng = None
        if rng is None and not reporting:
            continue
        rng = cut_before_added_report(doc, verb, rng, rules) if rng is not None else None
        if subject is not None and subject.pos_ == "NOUN" and doc[verb.i - 1].text == ",":
            # "The raids come after a coalition of groups, the Mekong Freedom Alliance, said …"
            named = _name_segment_before(doc, subject.i + 1, verb.i - 1, segments=1)
            subject = named if named is not None else subject
        inverted = _inverted_parenthetical(verb)
        if inverted is not None:
            subject, rng = inverted
        if rng is None:
            found = _surface_trailing(verb) or _surface_parenthetical(verb) or _surface_leading(verb, rules)
            if found is None:
                continue
            subject, rng = found
        if _in_spans(subject.idx, spans) or _circumstance_only(verb, rng):
            continue
        span = _clip(doc, rules, *rng, datelines)
        if span is not None and verb.idx < span[0]:
            span = _before_next_quotation(doc, span, spans)
            span = _before_contrast(doc, span, rules) if span is not None else None
        if span is None or _overlaps(span, spans):
            continue
        yield Reported(span[0], span[1], subject.i, verb.text)


def _circumstance_only(verb: Token, rng: tuple[int, int]) -> bool:
    """The range is only a circumstance of the saying, not what was said: a prepositional phrase
    or participle hanging from the verb before it ("In a statement to the broadcaster, the Church denied …",
    "Speaking to a reporter, he said …", "Asked whether he would run again, Jordan said …")."""
    a, b = rng
    heads = [verb, *([verb.head] if verb.dep_ in PARENTHETICAL_DEPS else [])]
    for head in heads:
        for child in head.children:
            if child.i == verb.i or not (child.left_edge.i <= a and b <= child.right_edge.i < verb.i):
                continue
            if child.dep_ == "prep" or (child.dep_ == "advcl" and child.tag_ in PARTICIPLE_TAGS):
                return True
    return False


def iter_according_to(doc: Doc, *, rules: Rules, quoted: Sequence[tuple[int, int]]) -> Iterator[Reported]:
    """Yield the clause around 'according to X': after it when it opens the sentence, else before."""
    datelines = dateline_tokens(doc)
    spans = SpanIndex(quoted)
    for tok in doc:
        if tok.lower_ != "according" or _in_spans(tok.idx, spans):
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        if to is None:
            continue
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            phrase_end = max(pobj.right_edge.i, to.i)
        else:
            # "According to Rathbun the property was returned": with no comma the parser hangs
            # the clause under the name; the phrase ends with the name.
            pobj = next(
                (c for c in to.children if c.dep_ == "pcomp" and (c.pos_ == "PROPN" or c.is_title)), None
            )
            if pobj is None:
                continue
            phrase_end = pobj.i
        sent = tok.sent
        first = sent.start
        while first < tok.i and (doc[first].is_punct or doc[first].is_space):
            first += 1
        # Opening the sentence, the phrase introduces what follows; inside it, the phrase goes with
        # the side holding the sentence's main verb ("Rescuers, according to the ministry,
        # recovered ten survivors" as much as "Ten survived, according to the ministry").
        after = first == tok.i or sent.root.i > phrase_end
        rng = (phrase_end + 1, sent.end - 1) if after else (sent.start, tok.i - 1)
        span = _clip(doc, rules, *rng, datelines)
        if span is None or _overlaps(span, spans):
            continue
        yield Reported(span[0], span[1], _named_conjunct(pobj).i, doc[tok.i : to.i + 1].text)


def _named_conjunct(source: Token) -> Token:
    """ "according to these videos and NPR": of sources joined by 'and', the first one named, if a
    common noun heads them (the videos are NPR's report; the named source is who says it)."""
    if source.pos_ == "PROPN":
        return source
    return next((c for c in source.children if c.dep_ == "conj" and c.pos_ == "PROPN"), source)


def iter_reported(doc: Doc, *, rules: Rules, quoted: Sequence[tuple[int, int]]) -> Iterator[Reported]:
    """All indirect-speech candidates of ``doc`` (may overlap; the pipeline dedups)."""
    yield from iter_said_clauses(doc, rules=rules, quoted=quoted)
    yield from iter_according_to(doc, rules=rules, quoted=quoted)
