"""Transcript turns: "WALLACE: Will you accept the result?" / "TRUMP: I will look at it at the time."

Interview and debate transcripts print each turn as a paragraph opened by the speaker's name in
capitals and a colon, with no quotation marks: the rest of the paragraph is that speaker's words.
A label must recur, or name a person of the story, before it counts as a speaker ("NEW DELHI:",
a dateline some outlets write with a colon, opens one paragraph and names nobody); labels of the
text itself ("UPDATE:", "EDITOR'S NOTE:") never count. A turn holding quotation marks is left to
the quote readers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..base.marks import DOUBLE_QUOTE_MARKS
from ..base.rules import Rules
from ..base.textindex import SpanIndex, doc_text
from ..entities.entity_index import EntityIndex
from .quotes import paragraph_bounds

# One to three words in capitals (initials, "MR.", "O'ROURKE" included), then a colon and the turn.
_LABEL = re.compile(r"((?:[A-Z][A-Z'’.\-]*)(?: [A-Z][A-Z'’.\-]*){0,2}):[ \t]+(?=\S)")


@dataclass(frozen=True)
class Turn:
    """One transcript turn: the words after the label (char offsets) and the label's last token."""

    start: int
    end: int
    label: str
    label_token: int


def _label_at(text: str, start: int) -> re.Match[str] | None:
    match = _LABEL.match(text, start)
    if match is None or not any(sum(c.isalpha() for c in w) >= 2 for w in match.group(1).split()):
        return None
    return match


def iter_transcript_turns(
    doc: Doc, index: EntityIndex, quoted: Sequence[tuple[int, int]], *, rules: Rules
) -> Iterator[Turn]:
    """The turns of the transcript passages of ``doc``, in text order."""
    text = doc_text(doc)
    found: list[tuple[re.Match[str], int]] = []
    for start, end in paragraph_bounds(text):
        match = _label_at(text, start)
        if match is not None and match.group(1).lower() not in rules.non_speaker_labels:
            found.append((match, end))
    if not found:
        return  # most stories: no paragraph opens with a label
    counts = Counter(m.group(1) for m, _ in found)
    inside = SpanIndex(quoted)
    surnames = {w.lower() for person in index.people() for w in person.words}
    for match, end in found:
        label = match.group(1)
        words = [w.strip(".").lower() for w in label.split()]
        if counts[label] < 2 and not (words and words[-1] in surnames):
            continue
        turn_start = match.end()
        turn_end = turn_start + len(text[turn_start:end].rstrip())
        if any(c in DOUBLE_QUOTE_MARKS for c in text[turn_start:turn_end]):
            continue
        if inside.overlapping(turn_start, turn_end):
            continue
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is None or turn_end <= turn_start:
            continue
        yield Turn(turn_start, turn_end, label, span[-1].i)
