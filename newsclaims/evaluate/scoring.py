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

SPEAKER_FORMS = ("name", "pronoun", "nominal", "none")
"""How gold quotes of real news say who speaks (``speaker_form``); the report breaks speaker accuracy down by it."""


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
    speakers_by_form: dict[str, tuple[int, int]] = field(default_factory=dict)  # form -> (right, matched)
    reported: Counts = field(default_factory=Counts)  # indirect quotes: span match
    reported_named: tuple[int, int] = (0, 0)  # indirect quotes whose gold speaker is named: (right, matched)
    speaker_errors: tuple[str, ...] = ()  # matched quotes whose speaker is wrong, for reading


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
    by_form: dict[str, tuple[int, int]]
    reported: Counts
    reported_named: tuple[int, int]
    errors: tuple[str, ...]


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

    is_right = {
        (p, g): speaker_right(predicted[p].speaker_names, _gold_speaker_names(gold, gold_quotes[g]))
        for p, g in required_pairs
    }
    right = sum(is_right.values())
    wrong = tp - right
    end_to_end = Counts(tp=right, fp=quotes.fp + wrong, fn=quotes.fn + wrong)

    by_form: dict[str, tuple[int, int]] = {}
    for (_, g), ok in is_right.items():
        form = speaker_form(gold_quotes[g])
        r, n = by_form.get(form, (0, 0))
        by_form[form] = (r + ok, n + 1)
    indirect_pairs = [(p, g) for p, g in required_pairs if gold_quotes[g].get("kind") == "indirect"]
    indirect_predicted = sum(1 for q in predicted if q.kind == "indirect")
    indirect_neutral = sum(
        1 for p, g in pairs if gold_quotes[g].get("optional") and predicted[p].kind == "indirect"
    )
    indirect_required = sum(1 for g in required if gold_quotes[g].get("kind") == "indirect")
    matched_indirect_preds = sum(1 for p, _ in required_pairs if predicted[p].kind == "indirect")
    reported = Counts(
        tp=len(indirect_pairs),
        fp=indirect_predicted - matched_indirect_preds - indirect_neutral,
        fn=indirect_required - len(indirect_pairs),
    )
    named = [is_right[pg] for pg in indirect_pairs if speaker_form(gold_quotes[pg[1]]) == "name"]
    errors = tuple(
        f"[{speaker_form(gold_quotes[g])}] {gold_quotes[g].get('speaker')!r} <- predicted "
        f"{(predicted[p].speaker_names or ('nobody',))[0]!r}: {predicted[p].text[:70]!r}"
        for (p, g), ok in is_right.items()
        if not ok
    )
    return _QuoteResult(
        quotes,
        direct,
        right,
        tp,
        end_to_end,
        frozenset(p for p, _ in scores),
        by_form,
        reported,
        (sum(named), len(named)),
        errors,
    )


def speaker_form(quote: Mapping[str, Any]) -> str:
    """How the text names a gold quote's speaker: ``speaker_form`` when annotated (name, pronoun,
    nominal, none), else "name" for a quote whose speaker is listed and "none" otherwise."""
    form = quote.get("speaker_form")
    if form in SPEAKER_FORMS:
        return str(form)
    return "name" if quote.get("speaker") else "none"


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
        speakers_by_form=q.by_form,
        reported=q.reported,
        reported_named=q.reported_named,
        speaker_errors=q.errors,
    )
