"""Names read from their context: one-word names of people, long organisation names, places and
quoted titles that are not names."""

from __future__ import annotations

import pytest

from newsclaims.extract.pipeline import extract


def _names(nlp, body: str) -> tuple[set[str], set[str]]:
    ex = extract(nlp(body))
    return {p.name for p in ex.people}, {o.name for o in ex.organisations}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        pytest.param("Lina, not her real name, was 19 when she left home.", "Lina", id="not-her-real-name"),
        pytest.param(
            "Dara (not his real name) worked on the boat for a year.", "Dara", id="bracketed-remark"
        ),
        pytest.param(
            "Sreypov, whose name has been changed to protect her, cleaned rooms for a year.",
            "Sreypov",
            id="whose-name-changed",
        ),
        pytest.param(
            "Chanthy, who asked to be identified only by her first name, sold noodles.",
            "Chanthy",
            id="identified-by-first-name",
        ),
        pytest.param("Kosal, 17, spent six months on the farm.", "Kosal", id="age-apposition"),
        pytest.param("Bopha, a 29-year-old cook from Takeo, left in May.", "Bopha", id="year-old-apposition"),
        pytest.param("Vanna, who was 15 at the time, ran away twice.", "Vanna", id="who-relative"),
        pytest.param("Rith's father borrowed money for the trip.", "Rith", id="relation-possessed"),
        pytest.param("The girl testified under the name Sophea in March.", "Sophea", id="under-the-name"),
        pytest.param(
            "Her aunt, Daw Aye May, said the family owed money.", "Aye May", id="honorific-month-word"
        ),
        pytest.param("He and his nephew Joko slept on the deck.", "Joko", id="possessed-kin-before"),
        pytest.param(
            "Samsul, another Indonesian on the trawler, said the nets were hauled by hand.",
            "Samsul",
            id="nationality-noun-apposition",
        ),
        pytest.param("Arnel, a Filipino from Iloilo, said he was paid once.", "Arnel", id="a-filipino"),
    ],
)
def test_name_context_one_word_and_given_names_are_people(nlp, body: str, name: str) -> None:
    people, _ = _names(nlp, body)
    assert name in people


def test_name_context_later_mentions_join_the_one_word_name(nlp) -> None:
    body = "Lina, not her real name, was 19 when she left.\n\n“We slept on the floor,” Lina said."
    ex = extract(nlp(body))
    assert [p.name for p in ex.people] == ["Lina"]
    assert ex.quotes[-1].speaker is not None and ex.quotes[-1].speaker.name == "Lina"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        pytest.param(
            "Officials at the Ministry of Fisheries and Marine Resources said the boats were checked.",
            "Ministry of Fisheries and Marine Resources",
            id="and-inside-ministry-name",
        ),
        pytest.param(
            "The Department of Fisheries and Aquatic Resources said it would meet in June.",
            "Department of Fisheries and Aquatic Resources",
            id="and-inside-department-name",
        ),
        pytest.param(
            "Workers were hired by Blue River Trading Co., Ltd. in 2021.",
            "Blue River Trading Co., Ltd.",
            id="company-suffix-after-comma",
        ),
        pytest.param(
            "The head of the Kandal Provincial Police Commissariat said the raid was lawful.",
            "Kandal Provincial Police Commissariat",
            id="commissariat",
        ),
    ],
)
def test_name_context_long_organisation_names_stay_whole(nlp, body: str, name: str) -> None:
    _, orgs = _names(nlp, body)
    assert name in orgs


def test_name_context_and_before_a_named_person_still_splits(nlp) -> None:
    body = "The Ministry of Health and Dr Somchai Prasert, its adviser, said the clinic was closed."
    people, orgs = _names(nlp, body)
    assert "Ministry of Health" in orgs
    assert any("Somchai Prasert" in p for p in people)


@pytest.mark.parametrize(
    ("body", "not_a_name"),
    [
        pytest.param(
            "Farm hands on two estates near Tawau described paying brokers.", "Tawau", id="near-place-subject"
        ),
        pytest.param(
            "They were kept in Phnom Penh's Chbar Ampov district for a month.",
            "Chbar Ampov",
            id="name-before-district",
        ),
        pytest.param(
            "A spokesperson for Green Bowl, Fiji's largest grocer, said the firm would check.",
            "Fiji",
            id="possessor-in-apposition",
        ),
        pytest.param(
            "Workers were moved to Borneo, an Indonesian island, in March.",
            "Borneo",
            id="nationality-adjective",
        ),
        pytest.param(
            "The annual “Safe Harbour Now” report was released on Tuesday.", "Safe", id="quoted-title"
        ),
        pytest.param(
            "The fishers were held at a port in Mae Sot. Kyaw said he escaped at night.",
            "Mae Sot. Kyaw",
            id="sentence-end-is-no-abbreviation",
        ),
    ],
)
def test_name_context_not_people_or_organisations(nlp, body: str, not_a_name: str) -> None:
    people, orgs = _names(nlp, body)
    assert not any(not_a_name in n for n in people | orgs)
