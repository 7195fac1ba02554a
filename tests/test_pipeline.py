"""The extraction pipeline end to end: offsets, references between records, figures, gold floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclaims.evaluate import PredictedQuote, Prediction, score_article
from newsclaims.extract.pipeline import extract
from newsclaims.records import Extraction

BODY = (
    "Mary Tan, director of the Open Door Centre, said the shelter had taken in 40 girls this year.\n\n"
    "“We turn girls away every week,” Tan said. “There is no room.”\n\n"
    "The Ministry of Social Welfare said in a statement that it would fund 200 beds."
)


def _names(entity) -> tuple[str, ...]:
    extra = (entity.acronym,) if getattr(entity, "acronym", None) else ()
    return (entity.name, *entity.aliases, *extra)


def test_pipeline_offsets_index_the_body(nlp):
    ex = extract(nlp(BODY))
    assert [q.kind for q in ex.quotes] == ["indirect", "direct", "direct", "indirect"]
    for q in ex.quotes:
        assert BODY[q.start : q.end] == q.text
        assert q.paragraph == BODY.count("\n\n", 0, q.start) + 1
    assert ex.quotes[0].text == "the shelter had taken in 40 girls this year"
    assert ex.quotes[2].text == "There is no room."


def test_pipeline_references_name_records_of_the_same_extraction(nlp):
    ex = extract(nlp(BODY))
    people = {p.name for p in ex.people}
    orgs = {o.name for o in ex.organisations}
    for ref in [q.speaker for q in ex.quotes] + [f.claimant for f in ex.figures]:
        if ref is not None:
            assert ref.name in (people if ref.kind == "person" else orgs)
    for p in ex.people:
        assert p.organisation is None or p.organisation in orgs
    for o in ex.organisations:
        assert o.parent is None or o.parent in orgs
    assert [q.speaker.name for q in ex.quotes] == ["Mary Tan"] * 3 + ["Ministry of Social Welfare"]


def test_pipeline_figure_claimed_by_the_quote_holding_it(nlp):
    ex = extract(nlp(BODY))
    by_text = {f.text: f for f in ex.figures}
    fig = next(f for t, f in by_text.items() if "40" in t)
    assert fig.claimant is not None and fig.claimant.name == "Mary Tan"
    assert fig.quote_index == 0
    beds = next(f for t, f in by_text.items() if "200" in t)
    assert beds.claimant is not None and beds.claimant.name == "Ministry of Social Welfare"


def test_pipeline_narration_figure_has_no_claimant(nlp):
    ex = extract(nlp("About 3,000 workers left the province last year.\n\n“It is hard,” said Ana Cruz."))
    assert [f.claimant for f in ex.figures if "3,000" in f.text] == [None]


def test_pipeline_empty_body(nlp):
    assert extract(nlp("")) == Extraction()


def _prediction(raw_file: str, body: str, ex: Extraction) -> Prediction:
    entities = {
        (p_kind, e.name): e
        for p_kind, group in (("person", ex.people), ("organisation", ex.organisations))
        for e in group
    }
    quotes = tuple(
        PredictedQuote(
            q.text, q.kind, _names(entities[(q.speaker.kind, q.speaker.name)]) if q.speaker else ()
        )
        for q in ex.quotes
    )
    return Prediction(
        raw_file=raw_file,
        title=None,
        publication=None,
        body=body,
        quotes=quotes,
        people=tuple(_names(p) for p in ex.people),
        organisations=tuple(_names(o) for o in ex.organisations),
    )


@pytest.mark.shared
def test_pipeline_meets_the_floors_on_the_gold_articles(nlp, shared_dir: Path):
    from newsclaims.read import read_article

    golds = sorted((shared_dir / "eval").glob("*/*.gold.json"))
    assert golds
    totals: dict[str, list[int]] = {"q": [0, 0, 0], "p": [0, 0, 0], "o": [0, 0, 0], "spk": [0, 0]}
    sample_speakers = [0, 0]
    leaks: list[str] = []
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = path.parent / gold["raw_file"]
        body = read_article(raw, raw.parent).body
        score = score_article(_prediction(gold["raw_file"], body, extract(nlp(body))), gold)
        for key, counts in (("q", score.quotes), ("p", score.people), ("o", score.organisations)):
            totals[key] = [totals[key][0] + counts.tp, totals[key][1] + counts.fp, totals[key][2] + counts.fn]
        totals["spk"] = [totals["spk"][0] + score.speakers_right, totals["spk"][1] + score.speakers_total]
        if path.parent.name == "sample":
            sample_speakers = [score.speakers_right, score.speakers_total]
        leaks += list(score.leaks)

    def f1(tp: int, fp: int, fn: int) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    assert f1(*totals["q"]) >= 0.90
    assert totals["spk"][0] >= 0.90 * totals["spk"][1]
    assert sample_speakers[0] >= 0.95 * sample_speakers[1]
    assert f1(*totals["p"]) >= 0.85
    assert f1(*totals["o"]) >= 0.85
    assert leaks == []


def test_pipeline_sentences_start_at_paragraph_breaks(nlp) -> None:
    """The model joins a paragraph-final quote to the next paragraph's first sentence unless told."""
    doc = nlp("“We were kept inside,” Mali Phan said.\n\nThe guards took our phones, she said.")
    second = doc.text.index("The guards")
    assert any(s.start_char == second for s in doc.sents)
