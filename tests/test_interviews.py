"""Interview answers printed as paragraphs after question paragraphs, with or without turn labels."""

from __future__ import annotations

from newsclaims.extract.pipeline import extract

INTRO = (
    "Sok Dara runs a shelter for women rescued from scam compounds in Sihanoukville. "
    "Sok Dara answered questions from our reporter this week."
)
TURNS = [
    ("How many women have you taken in this year?", "We have taken in about 40 women since January."),
    ("Where do they come from?", "Most come from Kampong Cham, a few from Vietnam and Laos."),
    ("What do they need first?", "Safety first, then a lawyer, then a way to send money home."),
]


def _quotes(nlp, body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in extract(nlp(body)).quotes]


def test_interviews_unlabelled_answers_are_the_interviewees(nlp) -> None:
    body = "\n\n".join([INTRO, *(p for turn in TURNS for p in turn)])
    assert _quotes(nlp, body) == [(answer, "Sok Dara") for _, answer in TURNS]


def test_interviews_labels_are_left_out_and_name_the_speaker(nlp) -> None:
    body = "\n\n".join([INTRO, *(p for q, a in TURNS for p in (f"((WN)) {q}", f"((Sok Dara)) {a}"))])
    assert _quotes(nlp, body) == [(answer, "Sok Dara") for _, answer in TURNS]
    letters = "\n\n".join([INTRO, *(p for q, a in TURNS for p in (f"Q: {q}", f"A: {a}"))])
    assert _quotes(nlp, letters) == [(answer, "Sok Dara") for _, answer in TURNS]


def test_interviews_two_question_paragraphs_are_no_interview(nlp) -> None:
    """A news story with a rhetorical question or two is not an interview."""
    body = "\n\n".join([INTRO, *(p for turn in TURNS[:2] for p in turn)])
    assert _quotes(nlp, body) == []
