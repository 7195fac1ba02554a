"""Quoted texts that are mentioned rather than spoken: slogans, glosses, sign texts, lists of them."""

from __future__ import annotations

import pytest

from newsclaims.extract.base.rules import load_rules
from newsclaims.extract.quotes.quotes import iter_direct_quotes


def _quoted(nlp, body: str) -> list[str]:
    doc = nlp(body)
    return [doc.text[q.start : q.end] for q in iter_direct_quotes(doc, load_rules())]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "The posts promised jobs with slogans such as “we pay for your flight today”.",
            id="such-as",
        ),
        pytest.param(
            'He used the Khmer word for "they sold us to the boss" when he spoke.',
            id="language-gloss",
        ),
        pytest.param(
            "Buses carried a banner reading “nobody has to pay any fee” through the town.",
            id="banner-text",
        ),
        pytest.param(
            "The adverts, dubbed “work abroad and get rich fast”, ran for months.",
            id="dubbed",
        ),
        pytest.param(
            "The ads offered “free housing” and “no experience is needed at all” to students.",
            id="listed-with-a-scare-quote",
        ),
    ],
)
def test_quote_mentions_are_not_speech(nlp, body: str):
    assert _quoted(nlp, body) == []


@pytest.mark.parametrize(
    "body, quote",
    [
        pytest.param(
            "The minister said the rules were “not working for anyone who needs them”.",
            "not working for anyone who needs them",
            id="partial-quote-after-said",
        ),
        pytest.param(
            "“We pay for your flight,” the broker told her, and “you pay us back later.”",
            "We pay for your flight",
            id="speech-then-speech",
        ),
    ],
)
def test_quote_mentions_leave_speech_alone(nlp, body: str, quote: str):
    assert quote in _quoted(nlp, body)
