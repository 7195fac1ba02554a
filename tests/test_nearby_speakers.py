"""A definite noun speaking ("the group said", "the labour minister said") that no name, type or
role in the story places: it stands for the entity named as a subject in its sentence or the one
before, and for nobody when the noun itself was written there (it then points back to that noun)."""

from __future__ import annotations

import pytest

from newsclaims.extract.pipeline import extract


def _speakers(nlp, text: str) -> dict[str, str | None]:
    return {q.text: q.speaker.name if q.speaker else None for q in extract(nlp(text)).quotes}


def _speaker_of(nlp, text: str, words: str) -> str | None:
    found = [name for quote, name in _speakers(nlp, text).items() if words in quote]
    assert found, f"no quote holding {words!r} in {_speakers(nlp, text)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "Northwind Logistics Ltd rejected the complaints of its drivers on Monday.\n\n"
            "The group said its drivers had been paid on time every month.",
            "drivers had been paid",
            "Northwind Logistics Ltd",
            id="the-group",
        ),
        pytest.param(
            "Labour Secretary Somchai Wongsakul said inspections of fishing boats would continue.\n\n"
            "The labour minister said fines for unpaid crews would double next year.",
            "fines for unpaid crews",
            "Somchai Wongsakul",
            id="the-minister",
        ),
    ],
)
def test_the_noun_is_the_entity_named_as_subject_just_before(nlp, text: str, words: str, speaker: str):
    assert _speaker_of(nlp, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "subject"),
    [
        pytest.param(
            "Northwind Logistics Ltd sued the group on Monday.\n\n"
            "The group said the lawsuit was an attempt to silence its members.",
            "lawsuit was an attempt",
            "Northwind Logistics Ltd",
            id="the-group",
        ),
        pytest.param(
            "Somchai Wongsakul met the minister in Bangkok on Friday.\n\n"
            "The minister said fines for unpaid crews would double next year.",
            "fines for unpaid crews",
            "Somchai Wongsakul",
            id="the-minister",
        ),
    ],
)
def test_the_noun_written_before_points_back_to_that_noun_not_to_the_subject(
    nlp, text: str, words: str, subject: str
):
    assert _speaker_of(nlp, text, words) != subject


def test_no_subject_further_back_than_the_sentence_before(nlp):
    text = (
        "Northwind Logistics Ltd rejected the complaints on Monday. "
        "The port reopened on Tuesday. Ships queued outside the harbour for a week. "
        "The group said its drivers had been paid on time every month."
    )
    assert _speaker_of(nlp, text, "drivers had been paid") is None
