"""The textacy baseline of ``build.py evaluate --baseline textacy`` (issue 8)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsclaims.evaluate.baseline import side_by_side, textacy_quotes
from tests.conftest import FIXTURES, REPO

pytest.importorskip("textacy", reason="textacy is the baseline extra (requirements-baseline.txt)")


def test_textacy_quotes_come_without_marks_and_with_the_speaker_as_written(nlp):
    doc = nlp('"We found 12 women," said Dara Lok of the Delta Aid Trust. She said "It is bad."')
    quotes = textacy_quotes(doc)
    assert [q.text for q in quotes] == ["We found 12 women", "It is bad."]
    assert quotes[0].speaker_names[0].endswith("Lok") and quotes[1].speaker_names == ("She",)


def test_an_unclosed_quotation_loses_only_its_paragraph(nlp):
    doc = nlp('He said "this never closes.\n\n"We found 12 women," said Dara Lok of the Delta Aid Trust.')
    assert [q.text for q in textacy_quotes(doc)] == ["We found 12 women"]


def test_side_by_side_table_from_the_cli_on_real_gold(tmp_path):
    golds = sorted((FIXTURES / "real").glob("wikinews-a*.gold.json"))[:2]
    out = subprocess.run(
        [
            sys.executable,
            str(REPO / "build.py"),
            "evaluate",
            "--baseline",
            "textacy",
            "--jobs",
            "1",
            *map(str, golds),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Side by side on the same gold, every gold quote (2 article(s))" in out
    assert "Side by side on the same gold, direct quotes only" in out
    assert "textacy" in out and "reported speech attribution F1" in out


def test_side_by_side_names_both_extractors():
    from newsclaims.evaluate import Report

    text = side_by_side(Report(()), Report(()), "textacy")
    assert "newsclaims" in text and "textacy" in text
