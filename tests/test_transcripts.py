"""Transcript turns: a paragraph opened by a speaker's name in capitals and a colon is that
speaker's words, with or without quotation marks."""

from __future__ import annotations

from newsclaims.extract.pipeline import extract

DEBATE = (
    "Fox News host Chris Wallace pressed President Donald Trump during the debate.\n\n"
    "WALLACE: Will you accept the result of the election?\n\n"
    "TRUMP: I will look at it at the time. I'm not looking at anything now.\n\n"
    "WALLACE: But sir, there is a tradition in this country."
)


def _quotes(nlp, body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in extract(nlp(body)).quotes]


def test_transcript_turns_are_their_speakers_words(nlp):
    assert _quotes(nlp, DEBATE) == [
        ("Will you accept the result of the election?", "Chris Wallace"),
        ("I will look at it at the time. I'm not looking at anything now.", "Donald Trump"),
        ("But sir, there is a tradition in this country.", "Chris Wallace"),
    ]


def test_transcript_label_in_capitals_is_no_organisation(nlp):
    extraction = extract(nlp(DEBATE))
    assert [o.name for o in extraction.organisations] == ["Fox News"]
    trump = next(p for p in extraction.people if p.name == "Donald Trump")
    assert "TRUMP" in trump.aliases


def test_transcript_label_before_quotation_marks_names_the_speaker(nlp):
    body = (
        "Fox News host Chris Wallace pressed President Donald Trump during the debate.\n\n"
        'WALLACE: "Will you accept the result of the election?"'
    )
    assert _quotes(nlp, body) == [("Will you accept the result of the election?", "Chris Wallace")]


def test_transcript_initials_of_an_interviewee(nlp):
    body = (
        "Wikinews spoke with researcher Natasha Gownaris about the colony.\n\n"
        "NG: We are not yet certain why females are more likely to die.\n\n"
        "NG: This study started in 1982, long before I joined the lab."
    )
    assert [s for _, s in _quotes(nlp, body)] == ["Natasha Gownaris", "Natasha Gownaris"]


def test_transcript_datelines_and_notes_are_no_turns(nlp):
    body = (
        "NEW DELHI: The government opened two shelters on Monday.\n\n"
        "UPDATE: The ministry has since confirmed the plan.\n\n"
        "UPDATE: A third shelter opened on Tuesday."
    )
    assert _quotes(nlp, body) == []


def test_transcript_label_that_recurs_but_names_nobody_still_speaks(nlp):
    body = (
        "The debate was held in Ohio.\n\n"
        "MODERATOR: Your time is up.\n\n"
        "MODERATOR: Please answer the question."
    )
    assert _quotes(nlp, body) == [("Your time is up.", None), ("Please answer the question.", None)]
