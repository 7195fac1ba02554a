"""Extraction of one article body: quotes with speakers, people, organisations and figures.

``extract`` chains the pattern modules (direct quotes, reported speech, entities, figures),
dedups overlapping quote candidates and resolves speakers in text order, so pronouns and
unattributed continuation paragraphs can lean on the speakers before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from time import perf_counter

from spacy.tokens import Doc, Token

from ..records import EntityRef, Extraction, Figure, Quote
from .base.labels import SPEAKER_MODIFIER_DEPS
from .base.marks import SENTENCE_BREAKS, SENTENCE_GAPS
from .base.rules import Rules, load_rules
from .base.textindex import SpanIndex, doc_text
from .entities.entities import build_entities, to_records
from .entities.entity_index import Entity, EntityIndex
from .quotes.fragments import iter_said_fragments
from .quotes.interviews import iter_interview_answers
from .quotes.quotes import DirectQuote, paragraph_of, speech_and_fragments
from .quotes.reported import iter_reported
from .quotes.transcripts import iter_transcript_turns
from .speakers.speakers import SpeakerResolver, find_attribution


@dataclass
class _Candidate:
    kind: str
    start: int
    end: int
    paragraph: int
    speaker_tok: Token | None = None
    cue: str | None = None
    opens_paragraph: bool = False
    embedded: bool = False
    speaker: Entity | None = None
    speaker_text: str | None = None


def _direct_candidates(doc: Doc, rules: Rules, directs: list[DirectQuote]) -> list[_Candidate]:
    out = []
    for q in directs:
        found = find_attribution(doc, q, directs, rules=rules)
        if found is None:
            # 'accused Trump of “trying to scare the hell out of America.”': a whole clause in
            # quote marks completing a verb of accusing or naming, as a fragment would
            found = next(((f.verb, f.subject) for f in iter_said_fragments(doc, [q], rules)), None)
        verb, subject = found if found is not None else (None, None)
        out.append(
            _Candidate(
                "direct",
                q.start,
                q.end,
                q.paragraph,
                subject,
                verb.text if verb is not None else None,
                opens_paragraph=q.open == q.paragraph_start,
                embedded=q.embedded,
            )
        )
    return out


CLAUSE_MIN_WORDS = 3  # words of its own a reported clause needs before a quote it ends with


def _ends_clause(text: str, d: _Candidate, indirect: list[_Candidate]) -> bool:
    """'Heald said although temperature and ozone are known to matter, "nobody has looked at these
    together"': a one-sentence quote closing a reported clause that has words of its own before
    it is part of that clause (the speaker's words in part), not a quotation on its own. So is
    one opening a clause that goes on after it ('emphasized that "GM remains open for business"
    during the bankruptcy period, continuing to sell …')."""
    return _host_clause(text, d, indirect) is not None


def _host_clause(text: str, d: _Candidate, indirect: list[_Candidate]) -> _Candidate | None:
    """The reported clause a one-sentence quote is part of (see ``_ends_clause``), if any."""
    inner = text[d.start : d.end].rstrip(" .!?")
    if any(mark in inner for mark in SENTENCE_BREAKS):
        return None
    return next(
        (
            c
            for c in indirect
            if c.paragraph == d.paragraph
            and c.start <= d.start
            and d.end <= c.end + 2
            and (
                len(re.findall(r"\w+", text[c.start : d.start])) >= CLAUSE_MIN_WORDS
                or len(re.findall(r"\w+", text[d.end : c.end])) >= CLAUSE_MIN_WORDS
            )
        ),
        None,
    )


def _clause_speakers(text: str, direct: list[_Candidate], indirect: list[_Candidate]) -> None:
    """'He argued that if Trump wins re-election, "these hellish events will continue …"': a quote
    that is part of a reported clause speaks with the clause's speaker when its own attribution
    found none in the quote's sentence (here "polls indicated", the next sentence's)."""
    for d in direct:
        if d.embedded:
            continue
        clause = _host_clause(text, d, indirect)
        if clause is None or clause.speaker_tok is None:
            continue
        own = d.speaker_tok
        if own is None or not (own.sent.start_char <= d.start < own.sent.end_char):
            d.speaker_tok, d.cue = clause.speaker_tok, clause.cue


def _hosts(outer: _Candidate, inner: _Candidate) -> bool:
    """ "According to ABC News, Basya also believes …", "According to the Herald, Professor Burrows
    said …": the source's clause only carries a named speaker's own report, whose words are the
    quote."""
    tok = inner.speaker_tok
    return (
        tok is not None
        and (outer.cue or "").lower() == "according to"
        and tok.pos_ == "PROPN"
        and outer.start <= tok.idx < inner.start
        and inner.end <= outer.end + 1
    )


def _without_hosts(indirect: list[_Candidate]) -> list[_Candidate]:
    by_paragraph: dict[int, list[_Candidate]] = {}
    for c in indirect:
        by_paragraph.setdefault(c.paragraph, []).append(c)
    hosts = {
        id(outer)
        for group in by_paragraph.values()
        for outer in group
        if any(inner is not outer and _hosts(outer, inner) for inner in group)
    }
    return [c for c in indirect if id(c) not in hosts]


def _dedup(text: str, direct: list[_Candidate], indirect: list[_Candidate]) -> list[_Candidate]:
    """Every direct quote, and the reported clauses that overlap none of the quotations standing
    on their own; of nested clauses the longer.

    A partial quote (embedded in a sentence, or closing a reported clause) is kept with the clause
    around it: the real-news annotation reads both, the speaker's words in part and the clause.
    """
    kept: list[_Candidate] = []
    standalone = [d for d in direct if not d.embedded and not _ends_clause(text, d, indirect)]
    indirect = _without_hosts(indirect)
    for cand in sorted(indirect, key=lambda c: c.start - c.end):
        if any(cand.start < k.end and k.start < cand.end for k in kept + standalone):
            continue
        kept.append(cand)
    return sorted(kept + direct, key=lambda c: c.start)


def _with_fragments(cands: list[_Candidate], fragments: list[DirectQuote]) -> list[_Candidate]:
    """A quoted fragment inside a reported clause whose speaker is known is that speaker's words
    in part ('said the victims had a right to "concrete and efficient measures"'): a direct quote
    of theirs beside the clause. Elsewhere a fragment stays a scare quote."""
    clauses = [c for c in cands if c.kind == "indirect" and c.speaker is not None]
    spans = SpanIndex([(c.start, c.end) for c in clauses])
    added = []
    for f in fragments:
        holders = spans.holding(f.start, f.end)
        if not holders:
            continue
        clause = clauses[holders[0]]
        added.append(
            _Candidate(
                "direct",
                f.start,
                f.end,
                f.paragraph,
                clause.speaker_tok,
                clause.cue,
                embedded=True,
                speaker=clause.speaker,
                speaker_text=clause.speaker_text,
            )
        )
    return sorted(cands + added, key=lambda c: c.start) if added else cands


def _speaker_text(index: EntityIndex, tok: Token, entity: Entity | None) -> str:
    doc = tok.doc
    chunk = index.chunk_at(tok)
    if entity is not None and (chunk is None or index.entity_at(tok) is not entity):
        # no name at the head word, or the name of an organisation whose officer in apposition speaks
        for child in tok.children:
            if child.dep_ == "appos" and index.entity_at(child) is entity:
                chunk = index.chunk_at(child)
    if chunk is not None:
        return chunk.text
    first = min([tok.i, *(c.left_edge.i for c in tok.children if c.dep_ in SPEAKER_MODIFIER_DEPS)])
    return doc[first : tok.i + 1].text


def _resolve_speakers(index: EntityIndex, cands: list[_Candidate], quoted: list[tuple[int, int]]) -> None:
    resolver = SpeakerResolver(index, quoted)
    last: _Candidate | None = None
    for cand in cands:
        if cand.speaker_tok is not None:
            cand.speaker = resolver.resolve(cand.speaker_tok)
            cand.speaker_text = _speaker_text(index, cand.speaker_tok, cand.speaker)
        elif (
            cand.kind == "direct"
            and last is not None
            and (last.paragraph == cand.paragraph or cand.opens_paragraph)
        ):
            cand.speaker, cand.speaker_text, cand.cue = last.speaker, None, None
            if cand.speaker is not None:
                resolver.speakers.append(cand.speaker)
        if cand.speaker is not None or cand.kind == "direct":
            last = cand


def _nameless(cand: _Candidate, rules: Rules) -> bool:
    """ "Thai police said …", "an official said on condition of anonymity …": a reported clause
    whose speaker is a generic group or an unnamed person is still a quote, with no speaker entity
    (never a made-up organisation). An unresolved pronoun or name gives no quote."""
    tok = cand.speaker_tok
    if tok is None or tok.pos_ != "NOUN" or (cand.cue or "").lower() in rules.finding_cues:
        return False
    lemma = tok.lemma_.lower()
    return lemma in rules.generic_speakers or lemma in rules.role_nouns or lemma in rules.org_nouns


def _find_figures(doc: Doc, rules: Rules) -> list[Figure]:
    try:
        from .figures.figures import find_figures
    except ImportError:  # the figures module is developed separately; extraction works without it
        return []
    return list(find_figures(doc, rules=rules))


class _QuoteLookup:
    """The quotes of a story indexed for the figure claimant questions: their spans (``SpanIndex``)
    and their reported clauses by paragraph, so each figure costs a bisection instead of a scan of
    every quote (quadratic on long stories)."""

    def __init__(self, text: str, quotes: tuple[Quote, ...]) -> None:
        self.text, self.quotes = text, quotes
        self.spans = SpanIndex([(q.start, q.end) for q in quotes])
        self.indirect_by_paragraph: dict[int, list[int]] = {}
        for i, q in enumerate(quotes):
            if q.kind == "indirect":
                self.indirect_by_paragraph.setdefault(q.paragraph, []).append(i)

    def holder(self, start: int, end: int) -> int | None:
        """The first quote (in story order) holding ``start:end``."""
        return min(self.spans.holding(start, end), default=None)

    def overlaps(self, start: int, end: int) -> bool:
        return bool(self.spans.overlapping(start, end))


def _claim(doc: Doc, fig: Figure, lookup: _QuoteLookup) -> Figure:
    """The figure's claimant: the speaker of the quote holding it, or of the reported clause that the
    sentence holding it continues ("X said that … . The victims were 16 to 20."), else nobody."""
    quotes, text = lookup.quotes, lookup.text
    holder = lookup.holder(fig.start, fig.end)
    if holder is not None:
        return replace(fig, claimant=quotes[holder].speaker, quote_index=holder)
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return replace(fig, claimant=None, quote_index=None)
    sent = span[0].sent
    if not lookup.overlaps(sent.start_char, sent.end_char):
        before = [
            quotes[i]
            for i in lookup.indirect_by_paragraph.get(paragraph_of(text, fig.start), [])
            if quotes[i].end <= sent.start_char
            and text[quotes[i].end : sent.start_char].strip() in SENTENCE_GAPS
        ]
        if before and before[-1].speaker is not None:
            return replace(fig, claimant=before[-1].speaker, quote_index=None)
    return replace(fig, claimant=None, quote_index=None)


def _ref(entity: Entity | None) -> EntityRef | None:
    return EntityRef(entity.kind, entity.name) if entity is not None else None  # type: ignore[arg-type]


STAGES = ("entities", "direct quotes", "reported speech", "speakers", "figures")
"""The stages ``extract`` times when asked to (``make bench`` prints them per 1k tokens)."""


class _Clock:
    """Adds the seconds of each stage to ``timings`` when one is given; otherwise does nothing."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = perf_counter()

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now


def extract(doc: Doc, *, rules: Rules | None = None, timings: dict[str, float] | None = None) -> Extraction:
    """Extract quotes, people, organisations and figures from a parsed article body.

    :param doc: ``nlp(article.body)``; offsets of the result index into ``doc.text``.
    :param rules: word lists (default: ``load_rules()``).
    :param timings: when given, the seconds spent in each of ``STAGES`` are added to it.
    :returns: an ``Extraction`` whose quote speakers and figure claimants all name its people
        or organisations.
    """
    rules = rules or load_rules()
    clock = _Clock(timings)
    text = doc_text(doc)
    index = build_entities(doc, rules=rules)
    clock.lap("entities")
    directs, fragments = speech_and_fragments(doc, rules)
    quoted = [(q.open, (q.close + 1) if q.close is not None else q.paragraph_end) for q in directs]
    clock.lap("direct quotes")
    indirect = [
        _Candidate("indirect", r.start, r.end, paragraph_of(text, r.start), doc[r.speaker], r.cue)
        for r in iter_reported(doc, rules=rules, quoted=quoted)
        if r.speaker is not None
    ]
    clock.lap("reported speech")
    direct = _direct_candidates(doc, rules, directs)
    inside = SpanIndex(quoted)
    fragments = [f for f in fragments if not inside.holds(f.open)]  # nested in a quotation: its words
    said = list(iter_said_fragments(doc, fragments, rules))
    direct += [
        _Candidate(
            "direct", f.quote.start, f.quote.end, f.quote.paragraph, f.subject, f.verb.text, embedded=True
        )
        for f in said
    ]
    direct += [
        _Candidate(
            "direct", t.start, t.end, paragraph_of(text, t.start), doc[t.label_token], opens_paragraph=True
        )
        for t in iter_transcript_turns(doc, index, quoted, rules=rules)
    ]
    found = SpanIndex([(d.start, d.end) for d in direct])
    direct += [
        _Candidate(
            "direct", a.start, a.end, paragraph_of(text, a.start), doc[a.speaker_token], opens_paragraph=True
        )
        for a in iter_interview_answers(doc, index, quoted)
        if not found.overlapping(a.start, a.end)
    ]
    direct.sort(key=lambda c: c.start)
    taken = {f.quote for f in said}
    fragments = [f for f in fragments if f not in taken]
    _clause_speakers(text, direct, indirect)
    cands = _dedup(text, direct, indirect)
    _resolve_speakers(index, cands, quoted)
    cands = [c for c in cands if c.kind == "direct" or c.speaker is not None or _nameless(c, rules)]
    cands = _with_fragments(cands, fragments)
    quotes = tuple(
        Quote(
            kind=c.kind,  # type: ignore[arg-type]
            text=text[c.start : c.end],
            start=c.start,
            end=c.end,
            paragraph=c.paragraph,
            speaker=_ref(c.speaker),
            speaker_text=c.speaker_text,
            cue=c.cue,
        )
        for c in cands
    )
    clock.lap("speakers")
    lookup = _QuoteLookup(text, quotes)
    figures = tuple(_claim(doc, fig, lookup) for fig in _find_figures(doc, rules))
    people, organisations = to_records(index)
    clock.lap("figures")
    return Extraction(people=people, organisations=organisations, quotes=quotes, figures=figures)
