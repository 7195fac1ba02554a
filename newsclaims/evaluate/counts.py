"""True/false positive counts and the ratios made from them.

Counts are plain integers so that they add up across articles; the ratios are computed from the
sums (micro-averaging). **Zero division**: precision is 1.0 when nothing was predicted and recall
1.0 when there was nothing to find (an article with no gold figures and none predicted scores
F1 = 1.0); F1 is 0.0 when both precision and recall are 0.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    """True/false positives and false negatives of one kind of item; adds up across articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)
