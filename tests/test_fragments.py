"""Partial quotes and nested reports: a speaker's words in part are direct quotes of theirs, scare quotes
are not; a source's "according to" gives way to the named speaker whose report it carries."""

from __future__ import annotations

import pytest

from newsclaims.extract.pipeline import extract


def _direct(nlp, body: str) -> dict[str, str | None]:
    ex = extract(nlp(body))
    return {q.text: (q.speaker.name if q.speaker else None) for q in ex.quotes if q.kind == "direct"}


@pytest.mark.parametrize(
    ("body", "fragment", "speaker"),
    [
        pytest.param(
            "Interior Minister Joachim Brudzinski called the stabbing “an act of inexplicable barbarity.”",
            "an act of inexplicable barbarity.",
            "Joachim Brudzinski",
            id="called-it",
        ),
        pytest.param(
            "Prime Minister Kyriakos Mitsotakis commented on the agreement, calling it “null and void”.",
            "null and void",
            "Kyriakos Mitsotakis",
            id="calling-it-participle",
        ),
        pytest.param(
            "In a statement issued the next day, the Malaysian Ministry of Home Affairs denounced the "
            'conclusions of the meeting, calling the agreements "legitimate and fully compatible with '
            'international law".',
            "legitimate and fully compatible with international law",
            "Malaysian Ministry of Home Affairs",
            id="calling-the-object-a-complement-read-as-a-modifier",
        ),
        pytest.param(
            'Sok Dara criticised the broadcaster, and he accused the station of "spreading lies".',
            "spreading lies",
            "Sok Dara",
            id="accused-of",
        ),
        pytest.param(
            "Judge Maria Lopez said the victims had a right to “concrete and efficient measures” against abuse.",
            "concrete and efficient measures",
            "Maria Lopez",
            id="inside-reported-clause",
        ),
        pytest.param(
            "Fritz Henderson spoke to reporters. He said the company would focus on “four core brands” from now on.",
            "four core brands",
            "Fritz Henderson",
            id="inside-clause-pronoun-speaker",
        ),
        pytest.param(
            "The union leader Sara Lind spoke on Friday. She stressed that “no worker will be left behind” "
            "during the shutdown, promising wages until the plant reopens.",
            "no worker will be left behind",
            "Sara Lind",
            id="opening-the-reported-clause",
        ),
        pytest.param(
            "Jane Smith described the plan as “reckless and cruel” on Monday.",
            "reckless and cruel",
            "Jane Smith",
            id="described-as",
        ),
        pytest.param(
            "Barack Obama described the bankruptcy as being “quick, surgical, bankruptcies”.",
            "quick, surgical, bankruptcies",
            "Barack Obama",
            id="described-as-being",
        ),
        pytest.param(
            "Marine Traffic showed contact again, with a pattern described by Marine Bulletin as "
            "“rather hectic and kind of confused”.",
            "rather hectic and kind of confused",
            "Marine Bulletin",
            id="described-by-agent-as",
        ),
        pytest.param(
            "In sentencing, District Judge Cheryl Tan said the kickbacks amounted to about a fifth of "
            "what the workers had earned, and described the scheme as “calculated and sustained”.",
            "calculated and sustained",
            "Cheryl Tan",
            id="described-as-misread-coordination-keeps-the-clause-speaker",
        ),
    ],
)
def test_fragment_is_the_speakers_words(nlp, body: str, fragment: str, speaker: str) -> None:
    assert _direct(nlp, body).get(fragment, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        pytest.param(
            "The coalition said the so-called “rescue” raids left the women without shelter.",
            "rescue",
            id="so-called",
        ),
        pytest.param(
            "The scheme has long been described by critics as a “back door” for cheap labour.",
            "back door",
            id="passive-naming",
        ),
        pytest.param(
            "GovExec.com quotes a “Senate aide” as saying the plan is flawed.",
            "Senate aide",
            id="quoted-person",
        ),
        pytest.param(
            "Their sponsors have reported them for “absconding”, a charge that bars them from leaving.",
            "absconding",
            id="circumstance",
        ),
        pytest.param(
            'The former manager was accused of "swindling" by the board.',
            "swindling",
            id="accused-passive",
        ),
        pytest.param(
            "“They could not leave,” said Pol Col Kittipong “Ton” Rattanasiri, the deputy commander.",
            "Ton",
            id="nickname",
        ),
    ],
)
def test_scare_quotes_stay_out(nlp, body: str, fragment: str) -> None:
    assert fragment not in _direct(nlp, body)


def test_according_to_a_source_of_a_named_speakers_report(nlp) -> None:
    body = (
        "Major general Fuad Basya, spokesman for the military, said fishermen first noticed the people. "
        "According to ABC News, Basya also believes the asylum seekers may have left the boat on purpose."
    )
    quotes = {q.text: q.speaker.name if q.speaker else None for q in extract(nlp(body)).quotes}
    assert quotes.get("the asylum seekers may have left the boat on purpose") == "Fuad Basya"


def test_quote_opening_a_reported_clause_keeps_the_clause(nlp) -> None:
    """'stressed that “…” during the shutdown, …': the clause goes on after the quote, so it is
    reported speech with the quote in it, beside the quote itself."""
    body = (
        "The union leader Sara Lind spoke on Friday. She stressed that “no worker will be left behind” "
        "during the shutdown, promising wages until the plant reopens."
    )
    indirect = [q for q in extract(nlp(body)).quotes if q.kind == "indirect"]
    assert [q.text[:40] for q in indirect] == ["“no worker will be left behind” during t"]
    assert indirect[0].speaker is not None and indirect[0].speaker.name == "Sara Lind"


def test_whole_quotation_before_more_words_is_not_a_clause(nlp) -> None:
    """'“… is history,” and described …': a quote closed after its own comma is a quotation the
    sentence only runs on from, not the start of a reported clause."""
    body = "Sara Lind spoke on Friday. She said “The old plant is history,” and described a new one."
    kinds = [(q.kind, q.text) for q in extract(nlp(body)).quotes]
    assert ("direct", "The old plant is history") in kinds
    assert not [k for k in kinds if k[0] == "indirect" and "history" in k[1]]


def test_fragments_a_second_fragment_listed_after_the_first_is_one_too(nlp):
    """'were “fake” and “rigged”': the item after "and" is what the first was, a fragment of the
    speaker's words, not a listed title."""
    from newsclaims.extract.pipeline import extract

    body = 'President Donald Trump spoke on Monday. Trump said the polls were "fake" and "rigged" and would be ignored.'
    quotes = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in extract(nlp(body)).quotes]
    assert ("direct", "fake", "Donald Trump") in quotes
    assert ("direct", "rigged", "Donald Trump") in quotes
