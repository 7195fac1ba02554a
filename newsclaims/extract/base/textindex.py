"""The body text of a parsed Doc and its paragraph breaks, computed once per Doc.

``Doc.text`` joins every token on each access, so reading it inside a loop over quotes or names
makes extraction quadratic in article length. ``doc_text`` keeps the joined string in the Doc's
``user_data``; ``paragraph_of`` finds a paragraph by bisecting the break offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

PARAGRAPH_BREAK = "\n\n"
_TEXT_KEY = "newsclaims.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once and then reused."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@lru_cache(maxsize=8)
def paragraph_breaks(text: str) -> tuple[int, ...]:
    """Offsets of every paragraph break (non-overlapping, as ``str.count`` counts them)."""
    breaks, i = [], text.find(PARAGRAPH_BREAK)
    while i >= 0:
        breaks.append(i)
        i = text.find(PARAGRAPH_BREAK, i + len(PARAGRAPH_BREAK))
    return tuple(breaks)


def breaks_before(text: str, offset: int) -> int:
    """How many paragraph breaks end at or before ``offset`` (``text.count("\\n\\n", 0, offset)``)."""
    breaks = paragraph_breaks(text)
    n = bisect_left(breaks, offset)
    while n and breaks[n - 1] + len(PARAGRAPH_BREAK) > offset:  # a break cut by the offset is no break
        n -= 1
    return n


def paragraph_of(text: str, offset: int) -> int:
    """1-based paragraph number holding char ``offset``."""
    return breaks_before(text, offset) + 1


class SpanIndex:
    """Char spans (direct quotes, reported clauses) sorted by start, with the running maximum of
    their ends, so "is this offset inside one?", "which ones overlap this range?" and "which ones
    hold it?" bisect instead of scanning every span for every token, clause or figure."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda i: (spans[i][0], spans[i][1], i))
        self.spans = [spans[i] for i in self.order]
        self.starts = [lo for lo, _ in self.spans]
        self.max_end: list[int] = []
        for _, hi in self.spans:
            self.max_end.append(max(hi, self.max_end[-1]) if self.max_end else hi)

    def holds(self, offset: int) -> bool:
        """Some span has ``lo <= offset < hi``."""
        k = bisect_right(self.starts, offset)
        return k > 0 and self.max_end[k - 1] > offset

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans with ``lo < end`` and ``start < hi``, in start order."""
        k = bisect_left(self.starts, end)
        first = bisect_right(self.max_end, start, 0, k)  # every span before it ends by ``start``
        return [(lo, hi) for lo, hi in self.spans[first:k] if hi > start]

    def holding(self, start: int, end: int) -> list[int]:
        """Positions (in the list given) of the spans with ``lo <= start`` and ``end <= hi``, in
        start order."""
        k = bisect_right(self.starts, start)
        first = bisect_left(self.max_end, end, 0, k)  # no span before it reaches ``end``
        return [self.order[j] for j in range(first, k) if self.spans[j][1] >= end]
