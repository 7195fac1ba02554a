"""One-to-one pairing of predicted with gold items, so one prediction can serve only one gold item.

* **Quotes** are paired best first: highest share of the longer text, then most shared tokens,
  then a required gold quote before an optional one, then document order (so results never
  depend on set order).
* **People / organisations / figures** are paired one to one by maximum bipartite matching,
  against required gold items first and then the leftovers against optional ones: a predicted
  entity split in two (or a figure found twice) leaves one FP, since one ``tp`` has to serve both
  precision and recall.
* **Optional gold items** take part in pairing (so a prediction that matches one is not an FP)
  but a pair with an optional item is neutral: no TP, no FP.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .counts import Counts


def best_first_pairs(scores: dict[tuple[int, int], tuple]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing in decreasing score order (ties broken by the score tuple itself)."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for (p, g), _ in sorted(scores.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]), reverse=True):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def _max_matching(
    preds: Sequence[int], golds: Sequence[int], ok: Callable[[int, int], bool]
) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths), returned as {pred: gold}."""
    edges = {p: [g for g in golds if ok(p, g)] for p in preds}
    owner: dict[int, int] = {}  # gold -> pred

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in preds:
        augment(p, set())
    return {p: g for g, p in owner.items()}


def pair_required_first(
    n_pred: int, gold: Sequence[Mapping[str, Any]], ok: Callable[[int, int], bool]
) -> Counts:
    """One-to-one matching against required gold, then leftovers against optional gold (neutral)."""
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold) if g.get("optional")]
    first = _max_matching(range(n_pred), required, ok)
    rest = [p for p in range(n_pred) if p not in first]
    second = _max_matching(rest, optional, ok)
    tp = len(first)
    return Counts(tp=tp, fp=n_pred - tp - len(second), fn=len(required) - tp)
