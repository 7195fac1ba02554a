"""The annotated real Wikinews articles of tests/fixtures/real (issue 8).

Every gold file loads, its strings are in its raw file, and it carries the speaker form of each
quote; the evaluation reports speaker accuracy per form and reported-speech attribution; the
dev-set scores stay above floors set a little under the current rules' scores. The held-out set
(tests/fixtures/real-holdout) is only checked for well-formedness here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from newsclaims.evaluate import build_and_evaluate
from newsclaims.evaluate.gold import load_gold
from newsclaims.evaluate.scoring import SPEAKER_FORMS, speaker_form
from tests.conftest import FIXTURES

REAL, HOLDOUT = FIXTURES / "real", FIXTURES / "real-holdout"
GOLD_FILES = sorted(REAL.glob("*.gold.json")) + sorted(HOLDOUT.glob("*.gold.json"))
MIN_DEV_ARTICLES = 99


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_the_dev_set_is_large_enough_and_licensed():
    assert len(list(REAL.glob("*.gold.json"))) >= MIN_DEV_ARTICLES
    for folder in (REAL, HOLDOUT):
        readme = (folder / "README.md").read_text(encoding="utf-8")
        assert "CC BY 2.5" in readme and "Wikinews" in readme
        for gold in folder.glob("*.gold.json"):
            assert f"`{gold.name.removesuffix('.gold.json')}.txt`" in readme, gold.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_strings_are_verbatim_and_speakers_listed(path: Path):
    gold = load_gold(path)
    raw = _norm((path.parent / gold["raw_file"]).read_text(encoding="utf-8"))
    names = {e["name"] for e in gold.get("people", []) + gold.get("organisations", [])}
    for quote in gold["quotes"]:
        assert _norm(quote["text"]) in raw, quote["text"]
        assert quote.get("speaker_form") in SPEAKER_FORMS
        assert quote.get("speaker") is None or quote["speaker"] in names
        assert quote.get("speaker") is not None or quote.get("optional")
    for entity in gold.get("people", []) + gold.get("organisations", []):
        for name in [entity["name"], *entity.get("aliases", [])]:
            assert _norm(name) in raw, name


def test_speaker_form_falls_back_when_not_annotated():
    assert speaker_form({"speaker": "A", "speaker_form": "pronoun"}) == "pronoun"
    assert speaker_form({"speaker": "A"}) == "name"
    assert speaker_form({"speaker": None}) == "none"


@pytest.fixture(scope="module")
def real_report(nlp):
    return build_and_evaluate([REAL], jobs=1)


def test_report_breaks_speakers_down_by_form(real_report):
    forms = real_report.speakers_by_form()
    assert set(forms) <= set(SPEAKER_FORMS) and {"name", "pronoun"} <= set(forms)
    assert sum(n for _, n in forms.values()) == real_report.speakers_total
    assert sum(r for r, _ in forms.values()) == real_report.speakers_right
    text = real_report.format_text()
    assert "speaker accuracy by how the text names the speaker" in text
    assert "reported speech (indirect): attribution F1" in text


def test_speaker_errors_are_listed_on_request(real_report):
    from dataclasses import replace

    wrong = real_report.speakers_total - real_report.speakers_right
    text = replace(real_report, show_speaker_errors=True).format_text()
    assert f"speaker errors: {wrong}" in text
    assert "speaker errors:" not in real_report.format_text()


# A little under what the current rules score on the dev set (README has the first untouched score).
# Lowered at stop 21, when 24 new articles joined the dev set (they score below the first 46).
# Raised at stop 23 (94 articles, after five rules); people to 0.87: the 24 new ones score 0.79-0.84.
# Stop 25 (99 articles, seven speaker rules): end-to-end 0.834 and speaker accuracy 0.923 measured.
REAL_FLOORS = {"quotes": 0.90, "end_to_end": 0.83, "people": 0.87, "organisations": 0.67, "figures": 0.79}
REAL_SPEAKER_FLOOR = 0.92
REAL_REPORTED_FLOOR = 0.84  # reported-speech attribution F1


def test_real_dev_set_scores_stay_above_their_floors(real_report):
    scores = {m: real_report.total(m).f1 for m in REAL_FLOORS}
    below = {m: round(v, 3) for m, v in scores.items() if v < REAL_FLOORS[m]}
    assert not below, json.dumps(below)
    assert real_report.speaker_accuracy >= REAL_SPEAKER_FLOOR
    assert real_report.reported.f1 >= REAL_REPORTED_FLOOR
