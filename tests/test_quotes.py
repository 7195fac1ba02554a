"""Direct quotes: marks, trimming, interruptions, nesting, paragraphs and scare quotes."""

from __future__ import annotations

import pytest

from newsclaims.extract.base.rules import load_rules
from newsclaims.extract.quotes.quotes import iter_direct_quotes, paragraph_bounds, paragraph_of


def _texts(nlp, body: str) -> list[str]:
    doc = nlp(body)
    return [doc.text[q.start : q.end] for q in iter_direct_quotes(doc, load_rules())]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("“We will not stop now,” she said.", ["We will not stop now"], id="curly-comma-dropped"),
        pytest.param('"Prices went up again," the trader said.', ["Prices went up again"], id="straight"),
        pytest.param(
            "The farmer said: “Nobody has paid us for the rice.”",
            ["Nobody has paid us for the rice."],
            id="final-stop-kept",
        ),
        pytest.param("“Can anyone help them?” he asked.", ["Can anyone help them?"], id="question-kept"),
        pytest.param(
            "“Nobody came for us,” the fisherman said. “We waited all night on the pier.”",
            ["Nobody came for us", "We waited all night on the pier."],
            id="interrupted-is-two",
        ),
        pytest.param(
            "“They told me, ‘Don’t leave the worker’s room,’ and I obeyed,” she said.",
            ["They told me, ‘Don’t leave the worker’s room,’ and I obeyed"],
            id="nested-single-and-apostrophes",
        ),
        pytest.param(
            "\"He shouted 'go home' and then he left,\" she said.",
            ["He shouted 'go home' and then he left"],
            id="straight-with-nested-single",
        ),
        pytest.param("Police began so-called “clean-up” operations in the capital.", [], id="scare-quote"),
        pytest.param("The “Safe Journey” programme closed in May.", [], id="scheme-name"),
        pytest.param(
            "Officers described the venue as “a house of horrors” in court.", [], id="verbless-fragment"
        ),
    ],
)
def test_direct_quotes_texts(nlp, body, expected):
    assert _texts(nlp, body) == expected


def test_direct_quotes_run_over_paragraphs_one_per_paragraph(nlp):
    body = "Mary Ocampo said the fees kept rising. “The brokers lie to every family.\n\n“Then they keep our papers.”"
    doc = nlp(body)
    quotes = list(iter_direct_quotes(doc, load_rules()))
    assert [(doc.text[q.start : q.end], q.paragraph) for q in quotes] == [
        ("The brokers lie to every family.", 1),
        ("Then they keep our papers.", 2),
    ]
    assert quotes[0].close is None


@pytest.mark.parametrize("close", ["”", '"'])
def test_direct_quote_carried_into_a_paragraph_that_does_not_reopen_it(nlp, close: str):
    """Some copy drops the reopening mark: the next paragraph goes on speaking up to its closing
    mark, and what follows the mark is narration again."""
    opener = "“" if close == "”" else '"'
    body = (
        f"After the hearing, Mary Ocampo said, {opener}The brokers lie to every family.\n\n"
        f"Then they keep our papers.{close} The court adjourned until {opener}a later date{close} in May."
    )
    doc = nlp(body)
    texts = [(doc.text[q.start : q.end], q.paragraph) for q in iter_direct_quotes(doc, load_rules())]
    assert texts[:2] == [("The brokers lie to every family.", 1), ("Then they keep our papers.", 2)]
    assert not any("court adjourned" in t for t, _ in texts)


def test_direct_quote_left_open_is_not_carried_past_a_paragraph_of_narration(nlp):
    body = "Mary Ocampo said, “The brokers lie to every family.\n\nThe court adjourned. Police said “nothing” more."
    doc = nlp(body)
    texts = [doc.text[q.start : q.end] for q in iter_direct_quotes(doc, load_rules())]
    assert not any("court adjourned" in t for t in texts)


def test_paragraph_helpers_count_from_one():
    body = "One.\n\nTwo.\n\nThree."
    assert paragraph_bounds(body) == [(0, 4), (6, 10), (12, 18)]
    assert [paragraph_of(body, i) for i in (0, 7, 13)] == [1, 2, 3]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "‘They kept our phones for a month,’ the nurse says. ‘Nobody came to help.’",
            ["They kept our phones for a month", "Nobody came to help."],
            id="british-single-marks",
        ),
        pytest.param(
            "The trader added: 'Most of the boats never came back to port.'",
            ["Most of the boats never came back to port."],
            id="colon-then-straight-single",
        ),
        pytest.param(
            "‘The drivers’ wages were cut twice this year,’ he says.",
            ["The drivers’ wages were cut twice this year"],
            id="plural-possessive-inside-single",
        ),
        pytest.param(
            '‘He told me, "Sign or go home," and I signed,’ she says.',
            ['He told me, "Sign or go home," and I signed'],
            id="double-nested-in-single",
        ),
    ],
)
def test_direct_quotes_single_marks(nlp, body: str, expected: list[str]) -> None:
    assert _texts(nlp, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "The province called the plan “Safe Harbour for Workers” in its leaflets.", id="scheme-name"
        ),
        pytest.param("Villagers joined the “Fair Wages Now” campaign last year.", id="campaign-title"),
    ],
)
def test_direct_quotes_skip_quoted_titles(nlp, body: str) -> None:
    assert _texts(nlp, body) == []


def test_short_quote_with_its_attribution_right_after_is_speech(nlp):
    """ "“Why now?” asked Sam Rainsy" and the first half of "“The victims,” Chou said, “are …”"
    are speech, however short; a short quote no verb of saying follows stays a scare quote."""
    from newsclaims.extract.pipeline import extract

    body = (
        "Officials met on Monday.\n\n"
        '"Why now?" asked opposition leader Sam Rainsy.\n\n'
        '"The victims," Chou Bun Eng said, "are often lured by fake job offers."\n\n'
        '"Rescue" raids were carried out in two provinces.'
    )
    texts = [q.text for q in extract(nlp(body)).quotes]
    assert texts == ["Why now?", "The victims", "are often lured by fake job offers."]


def test_short_utterance_right_after_said_is_a_whole_quote(nlp):
    """'Szumowski said "We couldn’t win," and the city flag is at half-mast': the quote has a verb
    and its own comma; the reporter's words after it are no reported clause of his."""
    from newsclaims.extract.pipeline import extract

    body = (
        "Adamowicz was announced to have died. Health Minister Łukasz Szumowski said "
        '"We couldn’t win," and the city flag is at half-mast.'
    )
    quotes = [(q.kind, q.text) for q in extract(nlp(body)).quotes]
    assert quotes == [("direct", "We couldn’t win")]
