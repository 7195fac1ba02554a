"""Scoring one article: every protocol measure of one ``Prediction`` against one gold dict.

The result is an ``ArticleScore`` of plain counts, to be summed across articles by ``report``.

* **Direct quotes**: ``direct`` is the recall of required direct gold quotes by any predicted
  quote, whatever its kind (kind does not affect matching).
* **Optional gold items** are paired but neutral: no TP, no FP, and no speaker judgement.
* **Speakers** are judged on pairs with a required gold quote; ``speakers_right`` therefore equals
  the end-to-end TP, and a matched quote with a wrong (or no) speaker counts as one end-to-end
  FP and one end-to-end FN. Gold speaker names are the speaker plus the aliases of the gold
  person/organisation (of ``speaker_type``) so named.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .checks import check_article
from .counts import Counts
from .gold import entity_names
from .leaks import find_leaks
from .matching import entity_matches, figure_matches, overlap_share, speaker_right, tokens
from .pairing import best_first_pairs, pair_required_first
from .predictions import PredictedFigure, PredictedQuote, Prediction


@dataclass(frozen=True)
class ArticleScore:
    raw_file: str
    quotes: Counts
    direct: Counts  # recall only: fp is always 0
    speakers_right: int
    speakers_total: int
    end_to_end: Counts
    people: Counts
    organisations: Counts
    figures: Counts
    leaks: tuple[str, ...]
    article_checks: dict[str, bool] = field(default_factory=dict)


def _gold_speaker_names(gold: Mapping[str, Any], quote: Mapping[str, Any]) -> list[str]:
    """The gold speaker plus the aliases of the listed person/organisation with that name."""
    speaker = quote.get("speaker") or ""
    kind = quote.get("speaker_type") or "person"
    pools = ("people", "organisations") if kind == "person" else ("organisations", "people")
    for pool in pools:
        for entity in gold.get(pool) or []:
            if entity.get("name") == speaker:
                return entity_names(entity)
    return [speaker] if speaker else []


@dataclass(frozen=True)
class _QuoteResult:
    quotes: Counts
    direct: Counts
    speakers_right: int
    speakers_total: int
    end_to_end: Counts
    matched: frozenset[int]  # predicted quotes that match some gold quote


def _score_quotes(predicted: Sequence[PredictedQuote], gold: Mapping[str, Any]) -> _QuoteResult:
    gold_quotes = gold.get("quotes") or []
    pred_tokens = [Counter(tokens(q.text)) for q in predicted]
    gold_tokens = [Counter(tokens(q["text"])) for q in gold_quotes]
    scores: dict[tuple[int, int], tuple] = {}
    for p, pt in enumerate(pred_tokens):
        for g, gt in enumerate(gold_tokens):
            share = overlap_share(pt, gt)
            if share is not None:
                scores[(p, g)] = (*share, not gold_quotes[g].get("optional"))
    pairs = best_first_pairs(scores)
    required_pairs = [(p, g) for p, g in pairs if not gold_quotes[g].get("optional")]
    neutral = len(pairs) - len(required_pairs)
    required = [g for g, q in enumerate(gold_quotes) if not q.get("optional")]
    tp = len(required_pairs)
    quotes = Counts(tp=tp, fp=len(predicted) - tp - neutral, fn=len(required) - tp)

    matched_gold = {g for _, g in required_pairs}
    direct_gold = [g for g in required if gold_quotes[g].get("kind") == "direct"]
    direct_tp = sum(1 for g in direct_gold if g in matched_gold)
    direct = Counts(tp=direct_tp, fn=len(direct_gold) - direct_tp)

    right = sum(
        1
        for p, g in required_pairs
        if speaker_right(predicted[p].speaker_names, _gold_speaker_names(gold, gold_quotes[g]))
    )
    wrong = tp - right
    end_to_end = Counts(tp=right, fp=quotes.fp + wrong, fn=quotes.fn + wrong)
    return _QuoteResult(quotes, direct, right, tp, end_to_end, frozenset(p for p, _ in scores))


def _score_entities(
    predicted: Sequence[tuple[str, ...]], gold_entities: Sequence[Mapping[str, Any]]
) -> Counts:
    gold_names = [entity_names(e) for e in gold_entities]
    return pair_required_first(
        len(predicted), gold_entities, lambda p, g: entity_matches(predicted[p], gold_names[g])
    )


def _score_figures(predicted: Sequence[PredictedFigure], gold_figures: Sequence[Mapping[str, Any]]) -> Counts:
    return pair_required_first(
        len(predicted), gold_figures, lambda p, g: figure_matches(predicted[p], gold_figures[g])
    )


def score_article(prediction: Prediction, gold: Mapping[str, Any]) -> ArticleScore:
    """Every protocol measure of one article: plain counts, to be summed across articles."""
    q = _score_quotes(prediction.quotes, gold)
    return ArticleScore(
        raw_file=str(gold.get("raw_file") or prediction.raw_file),
        quotes=q.quotes,
        direct=q.direct,
        speakers_right=q.speakers_right,
        speakers_total=q.speakers_total,
        end_to_end=q.end_to_end,
        people=_score_entities(prediction.people, gold.get("people") or []),
        organisations=_score_entities(prediction.organisations, gold.get("organisations") or []),
        figures=_score_figures(prediction.figures, gold.get("figures") or []),
        leaks=find_leaks(prediction, gold, q.matched),
        article_checks=check_article(prediction, gold.get("article") or {}),
    )
