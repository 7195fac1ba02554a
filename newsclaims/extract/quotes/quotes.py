"""Direct quotes: spans between quotation marks, per paragraph.

Double marks (curly “ ” or straight ") delimit quotes, so single quotes nested inside them and
apostrophes (don’t, worker’s) never break a quote. A paragraph whose first mark is a single
opening one (British style: ‘They took our passports,’ she says.) uses single marks instead,
with double ones nested. A quote left open at the end of a
paragraph runs to that paragraph's end (the next paragraph reopens it). Short quoted fragments
inside a sentence with no verb (so-called “rescue” raids, a scheme's name) are scare quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from ..base.labels import VERB_POS
from ..base.marks import (
    ATTRIBUTED_CLOSE,
    CLOSE_MARKS,
    CLOSING_PUNCT,
    OPEN_MARKS,
    OPENING_CONTEXT,
    SINGLE_CLOSE_MARKS,
    SINGLE_OPEN_MARKS,
    SPEECH_END,
    STRAIGHT_MARK,
    TRAILING_STRIP,
)
from ..base.rules import Rules
from ..base.textindex import doc_text
from ..base.textindex import paragraph_of as _paragraph_of
from .quote_mentions import listed_after, mention_lead, so_called

SCARE_MAX_WORDS = 3
ATTRIBUTION_WINDOW = 6  # tokens after a quote's close within which its verb of saying stands


@dataclass(frozen=True)
class DirectQuote:
    """A quoted span: ``open``/``close`` are the marks' offsets (``close`` None when left open)."""

    start: int  # first char of the text
    end: int  # past the last char of the text
    open: int
    close: int | None
    paragraph: int  # 1-based
    paragraph_start: int
    paragraph_end: int
    embedded: bool  # preceded by a word in the same sentence (not after , : or a sentence start)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Char ranges of the ``"\\n\\n"``-separated paragraphs of a body."""
    bounds, pos = [], 0
    for part in text.split("\n\n"):
        bounds.append((pos, pos + len(part)))
        pos += len(part) + 2
    return bounds


def paragraph_of(text: str, offset: int) -> int:
    """1-based paragraph number holding char ``offset``."""
    return _paragraph_of(text, offset)


# Scanning for the marks with a regex visits only them: a loop over every character of every
# paragraph was a tenth of extraction time.
_DOUBLE_MARK_RE = re.compile(
    "[" + re.escape("".join(sorted({*OPEN_MARKS, *CLOSE_MARKS, STRAIGHT_MARK}))) + "]"
)
_OPENING_MARK_RE = re.compile(
    "[" + re.escape("".join(sorted({*OPEN_MARKS, STRAIGHT_MARK, *SINGLE_OPEN_MARKS}))) + "]"
)


def _mark_pairs(text: str, lo: int, hi: int) -> Iterator[tuple[int, int | None]]:
    """(open, close) offsets of the outermost double-quoted spans in ``text[lo:hi]``."""
    depth, opened, straight = 0, -1, False
    for mark in _DOUBLE_MARK_RE.finditer(text, lo, hi):
        i = mark.start()
        ch = text[i]
        if ch == STRAIGHT_MARK:
            if depth == 0:
                opened, depth, straight = i, 1, True
            elif straight:
                depth = 0
                yield opened, i
        elif ch in OPEN_MARKS and not straight:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in CLOSE_MARKS and depth > 0 and not straight:
            depth -= 1
            if depth == 0:
                yield opened, i
    if depth > 0:
        yield opened, None


def _single_opens(text: str, i: int, lo: int) -> bool:
    """A single mark at ``i`` opens a quotation: it starts a word ("‘They took …", " 'We …")."""
    if (
        text[i] not in SINGLE_OPEN_MARKS
        or i + 1 >= len(text)
        or not (text[i + 1].isalnum() or text[i + 1] == "…")
    ):
        return False
    return i == lo or text[i - 1].isspace() or text[i - 1] in OPENING_CONTEXT


def _single_closes(text: str, i: int, hi: int) -> bool:
    """A single mark at ``i`` can close a quotation: it ends a word and no letter follows."""
    if text[i] not in SINGLE_CLOSE_MARKS or text[i - 1].isspace():
        return False
    return i + 1 >= hi or not text[i + 1].isalnum()


def _possessive_like(text: str, i: int, hi: int) -> bool:
    """ "the workers’ passports": a plural possessive, not a closing mark."""
    return (
        text[i - 1] == "s"
        and i + 2 < hi
        and text[i + 1] == " "
        and (text[i + 2].islower() or text[i + 2].isdigit())
    )


def _single_pairs(text: str, lo: int, hi: int) -> Iterator[tuple[int, int | None]]:
    """(open, close) offsets of single-mark quotations, the British style: ‘…,’ she says.

    Apostrophes share the closing mark, so a closer must end a word: one after punctuation
    (‘…,’ ‘…?’) always closes; one after a letter closes unless it reads as a plural possessive
    ("workers’ passports"), which is taken only when nothing else closes the quotation.
    """
    i = lo
    while i < hi:
        if not _single_opens(text, i, lo):
            i += 1
            continue
        closers = [j for j in range(i + 2, hi) if _single_closes(text, j, hi)]
        firm = [j for j in closers if text[j - 1] in CLOSING_PUNCT or not _possessive_like(text, j, hi)]
        close = firm[0] if firm else None
        yield i, close
        if close is None:
            return
        i = close + 1


def _outer_is_single(text: str, lo: int, hi: int) -> bool:
    """The paragraph's first quotation mark is a single one: its quotations use single marks."""
    for mark in _OPENING_MARK_RE.finditer(text, lo, hi):
        i = mark.start()
        if text[i] in OPEN_MARKS or text[i] == STRAIGHT_MARK:
            return False
        if _single_opens(text, i, lo):
            return True
    return False


def _unopened_close(text: str, lo: int, hi: int) -> int | None:
    """The mark closing a quotation the previous paragraph left open when this paragraph carries
    on without reopening it ('… said, "I think we have learned a lot.' then 'It was a very
    emotional day. … focus better."'), else None: the paragraph's first double mark closes
    (a curly one, or a straight one after the last word or punctuation of a sentence)."""
    if text[lo] in OPEN_MARKS or text[lo] == STRAIGHT_MARK:
        return None
    for i in range(lo, hi):
        ch = text[i]
        if ch in OPEN_MARKS:
            return None
        if ch in CLOSE_MARKS:
            return i
        if ch == STRAIGHT_MARK:
            after = text[i + 1] if i + 1 < hi else " "
            before = text[i - 1]
            closes = (before in CLOSING_PUNCT or before.isalnum()) and not after.isalnum()
            return i if closes else None
    return None


def _is_title(text: str, rules: Rules) -> bool:
    """ "Helping Hands from Abroad", “Safe Jobs First”: a quoted name of a scheme, campaign or work,
    every word capitalised but the small ones, no closing punctuation; a name, not speech."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(words) < 2 or text.rstrip()[-1:] in SPEECH_END:
        return False
    return words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in rules.title_small_words for w in words
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING_STRIP:
        end -= 1
    return start, end


def _embedded(text: str, open_at: int, para_start: int) -> bool:
    i = open_at - 1
    while i >= para_start and text[i] == " ":
        i -= 1
    return i >= para_start and (text[i].isalnum() or text[i] in "-’'")


def _attributed_next(doc: Doc, text: str, close_at: int | None, rules: Rules) -> bool:
    """ "“Why now?” asked Sam Rainsy", "“No comment,” a spokesperson said", "“The victims,” Chou
    said, “are …”": a quote opening its sentence and closed by its own punctuation, with a verb
    of saying right after it, is speech however short."""
    if close_at is None or text[close_at - 1] not in ATTRIBUTED_CLOSE:
        return False
    span = doc.char_span(close_at, close_at + 1, alignment_mode="expand")
    if span is None:
        return False
    sent = span[0].sent
    after = doc[span[-1].i + 1 : min(span[-1].i + 1 + ATTRIBUTION_WINDOW, sent.end)]
    return any(t.pos_ == "VERB" and t.lemma_.lower() in rules.reporting_verbs for t in after)


def _said_before(doc: Doc, text: str, open_at: int, close_at: int | None, rules: Rules) -> bool:
    """'Szumowski said "We couldn’t win," and …': a short quote with a verb of its own, closed by
    its own punctuation, right after a verb of saying is a whole utterance, not a fragment."""
    if close_at is None or text[close_at - 1] not in ATTRIBUTED_CLOSE:
        return False
    span = doc.char_span(open_at, open_at + 1, alignment_mode="expand")
    if span is None or span[0].i == 0:
        return False
    verb = doc[span[0].i - 1]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in rules.reporting_verbs


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in VERB_POS for t in span)


def iter_direct_quotes(doc: Doc, rules: Rules) -> Iterator[DirectQuote]:
    """Yield every quoted span of ``doc`` that reads as speech, in text order.

    Scare quotes are skipped: spans of at most three words without a verb, and spans inside a
    sentence (preceded by a word) without a verb. So are mentioned texts (``quote_mentions``):
    slogans, glosses and labels, and quotations listed with a skipped one.
    """
    return (q for q, kind in _quoted_spans(doc, rules) if kind == "speech")


def speech_and_fragments(doc: Doc, rules: Rules) -> tuple[list[DirectQuote], list[DirectQuote]]:
    """The quoted spans that read as speech (``iter_direct_quotes``) and, from the same pass, the
    ones skipped as scare quotes: short or verbless fragments inside a sentence, not after
    "so-called". Alone a fragment is no speech, but inside a reported clause ('said the victims had
    a right to "concrete and efficient measures"') it is the speaker's own words in part."""
    speech, fragments = [], []
    for quote, kind in _quoted_spans(doc, rules):
        if kind == "speech":
            speech.append(quote)
        elif kind == "fragment":
            fragments.append(quote)
    return speech, fragments


def _quoted_spans(doc: Doc, rules: Rules) -> Iterator[tuple[DirectQuote, str]]:
    """Every quoted span with what it reads as: "speech", a "fragment" (scare-quote shaped), a
    "scare" quote after "so-called" or a "mention" (a title, slogan, gloss or label)."""
    text = doc_text(doc)
    left_open = False  # the previous paragraph ended inside a quotation of speech
    for number, (p_start, p_end) in enumerate(paragraph_bounds(text), start=1):
        pairs = _single_pairs if _outer_is_single(text, p_start, p_end) else _mark_pairs
        skipped_close: int | None = None  # closing mark of the last quotation skipped as no speech
        skipped_kind = "mention"  # and what it was read as
        lo = p_start
        close_at = _unopened_close(text, p_start, p_end) if left_open and pairs is _mark_pairs else None
        left_open = False
        if close_at is not None:
            start, end = _trim(text, p_start, close_at)
            if end > start:
                yield DirectQuote(start, end, p_start, close_at, number, p_start, p_end, False), "speech"
            lo = close_at + 1
        for open_at, close_at in pairs(text, lo, p_end):
            start, end = _trim(text, open_at + 1, close_at if close_at is not None else p_end)
            if end <= start:
                continue
            words = len(text[start:end].split())
            embedded = _embedded(text, open_at, p_start)
            has_verb = _has_verb(doc, start, end)
            quote = DirectQuote(start, end, open_at, close_at, number, p_start, p_end, embedded)
            if _is_title(text[start:end], rules) or (embedded and mention_lead(text, open_at, p_start)):
                skipped_close, skipped_kind = close_at, "mention"
                yield quote, "mention"
            elif embedded and listed_after(text, skipped_close, open_at):
                # the next item of a list is what the first was: '“light work, high pay” and “no
                # fees”' two slogans, 'were “fake” and “rigged”' two fragments of speech
                skipped_close = close_at
                yield quote, skipped_kind
            elif (
                (embedded and words <= SCARE_MAX_WORDS)
                or (not has_verb and (words <= SCARE_MAX_WORDS or embedded))
            ) and not (
                (not embedded and _attributed_next(doc, text, close_at, rules))
                or (has_verb and _said_before(doc, text, open_at, close_at, rules))
            ):
                skipped_close = close_at
                skipped_kind = "scare" if so_called(text, open_at, rules) else "fragment"
                yield quote, skipped_kind
            else:
                left_open = close_at is None
                yield quote, "speech"
