"""Extraction cost grows linearly with article length (issue 9).

Relative, within one run: a 20k-token article made by joining real Wikinews bodies must not cost
more than 3x per token what a 1k-token one does. A pairwise scan over names, quotes or entities
(the old ``_listed_with``, a ``doc.text`` read per quote) fails this by an order of magnitude.
Absolute speed lives in ``make bench``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsclaims.extract.base.textindex import breaks_before, doc_text, paragraph_of
from newsclaims.extract.pipeline import STAGES, extract
from newsclaims.read import read_article

REPO = Path(__file__).resolve().parent.parent
REAL_DIRS = (REPO / "tests" / "fixtures" / "real", REPO.parent / "shared" / "real-news" / "wikinews-158")
MAX_PER_TOKEN_GROWTH = 3.0


def _real_bodies() -> list[str]:
    for folder in REAL_DIRS:
        files = sorted(p for p in folder.glob("*.txt")) if folder.is_dir() else []
        if files:
            return [read_article(p, folder).body for p in files]
    pytest.skip("needs real articles: tests/fixtures/real or ../shared/real-news")


def _joined(bodies: list[str], tokens: int, nlp) -> str:
    parts, count = [], 0
    for body in bodies * (1 + tokens // 100):
        if count >= tokens:
            break
        parts.append(body)
        count += len(nlp.make_doc(body))
    return "\n\n".join(parts)


def _seconds(doc, rules, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        extract(doc, rules=rules)
        best = min(best, time.perf_counter() - started)
    return best


def test_extraction_per_token_at_20k_within_3x_of_1k(nlp, rules):
    bodies = _real_bodies()
    small, large = nlp(_joined(bodies, 1_000, nlp)), nlp(_joined(bodies, 20_000, nlp))
    assert len(small) >= 1_000 and len(large) >= 20_000
    _seconds(small, rules, 1)  # warm caches and lazy imports outside the measurement
    per_small = _seconds(small, rules, 5) / len(small)
    per_large = _seconds(large, rules, 2) / len(large)
    growth = per_large / per_small
    assert growth <= MAX_PER_TOKEN_GROWTH, (
        f"extraction costs {growth:.1f}x per token at {len(large)} tokens vs {len(small)}"
    )


def test_stage_timings_cover_every_stage(nlp, rules):
    timings: dict[str, float] = {}
    extract(nlp('"We found 12 women," said Dara Lok of the Delta Aid Trust.'), rules=rules, timings=timings)
    assert set(timings) == set(STAGES) and all(t >= 0 for t in timings.values())


@pytest.mark.parametrize(
    "text", ["", "a", "\n\n", "a\n\nb", "a\n\n\n\nb\n\nc", "\n\n\n", "x\n\ny\n\n\nz", "a\nb\n\n"]
)
def test_paragraph_index_agrees_with_counting(text):
    for offset in range(len(text) + 1):
        assert breaks_before(text, offset) == text.count("\n\n", 0, offset)
        assert paragraph_of(text, offset) == text.count("\n\n", 0, offset) + 1


def test_doc_text_is_the_doc_text_and_reused(nlp):
    doc = nlp("One paragraph.\n\nAnother one.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
