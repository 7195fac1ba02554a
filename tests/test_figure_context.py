"""Figures read from the words around a number: ages said with "be", fractions and ratios as
percent, decades in years, hyphenated currencies, mixed-form ranges, nationalities and partitives."""

from __future__ import annotations

import pytest

from newsclaims.extract.figures.figures import find_figures


def _figures(nlp, sentence: str) -> list[tuple]:
    return [(f.text, f.value, f.value_max, f.unit) for f in find_figures(nlp(sentence))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Sokha was 17 when she crossed the border.", ("17", 17, None, "years old"), id="was-age-when"
        ),
        pytest.param("Dara is now 19 and works in a bakery.", ("19", 19, None, "years old"), id="is-now-age"),
        pytest.param(
            "Now 15, she says she wants to study.", ("15", 15, None, "years old"), id="now-age-before-pronoun"
        ),
        pytest.param(
            "Most boats were inspected and a quarter had forged papers.",
            ("a quarter", 25, None, "percent"),
            id="and-a-quarter-is-a-share",
        ),
        pytest.param(
            "The grant covers about one household in four.",
            ("about one household in four", 25, None, "percent"),
            id="ratio-with-noun",
        ),
        pytest.param(
            "The route has not changed in more than a decade.",
            ("more than a decade", 10, None, "years"),
            id="decade-in-years",
        ),
        pytest.param("They fished there for two decades.", ("two decades", 20, None, "years"), id="decades"),
        pytest.param(
            "She took a 40,000-baht loan from the broker.",
            ("40,000-baht", 40000, None, "THB"),
            id="hyphen-baht",
        ),
        pytest.param(
            "The boys were aged between eight and 15.",
            ("between eight and 15", 8, 15, "years old"),
            id="between-words-and-digits",
        ),
        pytest.param(
            "Police found 12 Indonesians on the boat.",
            ("12 Indonesians", 12, None, "Indonesians"),
            id="nationality",
        ),
        pytest.param(
            "Police freed 200 workers, 31 of them children, from the farm.",
            ("31 of them children", 31, None, "children"),
            id="of-them-noun",
        ),
        pytest.param(
            "The agency has helped 350 returned migrants this year.",
            ("350 returned migrants", 350, None, "returned migrants"),
            id="participle-in-noun",
        ),
    ],
)
def test_figure_context_reads(nlp, sentence: str, expected: tuple) -> None:
    assert expected in _figures(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Cases took 60 days, against 400 days three years earlier.", id="years-earlier"),
        pytest.param("The law was passed five years previously.", id="years-previously"),
    ],
)
def test_figure_context_relative_time_is_no_duration(nlp, sentence: str) -> None:
    assert not any(unit == "years" for _, _, _, unit in _figures(nlp, sentence))


def test_digit_led_masks_match_their_word_boundary_forms():
    """The masks start at the digit for speed ("\\d(?<!\\w\\d)"); they must match exactly what the
    plain "\\b\\d" forms match, on text dense in digits, separators and letters (Arabic-Indic
    digits included: both forms read Unicode digits)."""
    import random
    import re

    from newsclaims.extract.figures.figure_context import _MASKS

    plain = {
        0: r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",
        1: r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b",
        2: r"\b\d{1,2}:\d{2}(?!\d)|\b\d{1,2}\.\d{2}\s*[ap]\.?m\b",
        3: r"\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)",
        6: r"(?<![\w.,])0\d{3,}(?:[ \-]\d+)*",
        7: r"\b\d{2,4}/\d{1,4}\b",
        8: r"\b\d+(?:st|nd|rd|th)\b",
    }
    rng = random.Random(7)
    noise = "0123456789 ./-:apmAPM'’ostndrh+(),é٣\n"
    samples = ["2023-06-14", "x2023-06-14", "14/06/2023", "10:30", "9.30 pm", "7 a.m.", "6 o’clock"]
    samples += ["09610-102030", "a0123 456", "24/7", "2008/12", "21st", "x21st", "٣rd"]
    parts = [rng.choice(samples) if rng.random() < 0.05 else rng.choice(noise) for _ in range(200_000)]
    text = "".join(parts)
    for i, pattern in plain.items():
        expected = re.compile(pattern, _MASKS[i].flags)
        assert [m.span() for m in _MASKS[i].finditer(text)] == [m.span() for m in expected.finditer(text)]
        assert _MASKS[i].search(text), "the text exercises the pattern"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("They built a 15 meter lantern.", ("15 meter", 15, "meter"), id="modifier"),
        pytest.param(
            "The site covers 240,000 square meter.",
            ("240,000 square meter", 240000, "square meter"),
            id="square",
        ),
        pytest.param(
            "It will carry 1000 megawatt of power.", ("1000 megawatt", 1000, "megawatt"), id="power"
        ),
        pytest.param(
            "The five-foot narwhal tusk came from the wall.", ("five-foot", 5, "foot"), id="hyphened-word"
        ),
    ],
)
def test_singular_unit_of_measure_after_a_number(nlp, sentence: str, expected: tuple):
    assert [(f.text, f.value, f.unit) for f in find_figures(nlp(sentence))] == [expected]
