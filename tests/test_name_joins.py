"""Organisation names joined across small words and capitalised prepositions, and age limits
("under 18") after a plural noun; all with our own sentences."""

from __future__ import annotations

import pytest

from newsclaims.extract.base.rules import load_rules
from newsclaims.extract.figures.figures import find_figures
from newsclaims.extract.names.names import find_name_chunks


def _chunks(nlp, sentence: str) -> list[str]:
    return [c.text for c in find_name_chunks(nlp(sentence), rules=load_rules())]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        pytest.param(
            "The boys were taken to the Pailin Mothers and Infants Centre on Monday.",
            "Pailin Mothers and Infants Centre",
            id="plural-and-keyword",
        ),
        pytest.param(
            "The Anti-Smuggling in Migrants Unit was set up in the port town.",
            "Anti-Smuggling in Migrants Unit",
            id="gerund-in-keyword",
        ),
        pytest.param(
            "She volunteers with Neighbours Beyond the Border in the camps.",
            "Neighbours Beyond the Border",
            id="capitalised-preposition-the",
        ),
        pytest.param(
            "Officers of the Kampot Coast Guard Command said the boat was seized.",
            "Kampot Coast Guard Command",
            id="command-keyword",
        ),
    ],
)
def test_find_name_chunks_joins_organisation_name(nlp, sentence: str, name: str) -> None:
    assert name in _chunks(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "kept_apart"),
    [
        pytest.param(
            "Chea Sokha and Interior Ministry staff met on Friday.", "Interior Ministry", id="person-and"
        ),
        pytest.param(
            "Brokers in Bangkok Police custody were questioned.", "Bangkok Police", id="plain-noun-in"
        ),
        pytest.param("Laos and Thailand Police signed the pact.", "Thailand Police", id="place-and"),
    ],
)
def test_find_name_chunks_keeps_separate_names_apart(nlp, sentence: str, kept_apart: str) -> None:
    chunks = _chunks(nlp, sentence)
    assert kept_apart in chunks or not any(kept_apart in c and c != kept_apart for c in chunks)


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        pytest.param(
            "A fifth of the calls came from boys under 16.", "under 16", "years old", id="under-at-end"
        ),
        pytest.param(
            "Police found 30 children under 15 selling flowers.", "under 15", "years old", id="under-verb"
        ),
        pytest.param("Nine labourers over 65 were sent home.", "over 65", "years old", id="over-age"),
        pytest.param(
            "Firms under 40 employees pay no levy.", "under 40 employees", "employees", id="still-count"
        ),
    ],
)
def test_find_figures_reads_age_limit_after_plural_noun(nlp, sentence: str, text: str, unit: str) -> None:
    figures = {f.text: f.unit for f in find_figures(nlp(sentence))}
    assert figures.get(text) == unit


@pytest.mark.parametrize(
    ("body", "name"),
    [
        pytest.param(
            "The Committee to Protect Journalists said two reporters were held.",
            "Committee to Protect Journalists",
            id="to-verb",
        ),
        pytest.param(
            '"The numbers do not add up," said Maya MacGuineas, president of the Committee for a Responsible Federal Budget.',
            "Committee for a Responsible Federal Budget",
            id="for-a",
        ),
    ],
)
def test_organisation_name_with_to_or_for_a_is_one_name(nlp, body: str, name: str) -> None:
    from newsclaims.extract.pipeline import extract

    assert name in [o.name for o in extract(nlp(body)).organisations]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("The US Embassy to Thailand issued a warning on Monday.", id="to-a-place"),
        pytest.param("Everything from US Weekly to Time Magazine ran the story.", id="from-to-range"),
    ],
)
def test_organisation_names_around_to_stay_apart(nlp, body: str) -> None:
    assert not [c for c in _chunks(nlp, body) if " to " in c]


def test_two_institutions_joined_by_and_stay_two(nlp) -> None:
    chunks = _chunks(
        nlp, "Researchers at the University of Washington and Stanford University published the study."
    )
    assert "University of Washington" in chunks and "Stanford University" in chunks
    assert "Ministry of Labour and Vocational Training" in _chunks(
        nlp, "The Ministry of Labour and Vocational Training issued a warning."
    )


def test_a_spaced_hyphen_inside_an_organisations_complement_joins_it(nlp) -> None:
    assert "Council on American - Islamic Relations" in _chunks(
        nlp, "The Council on American - Islamic Relations said the boy was targeted."
    )
