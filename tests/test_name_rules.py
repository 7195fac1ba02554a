"""Names that are not what they look like: laws, titled names run into an organisation's name,
places the tagger calls people, honorific abbreviations; all with our own sentences."""

from __future__ import annotations

import pytest

from newsclaims.extract.base.lexicon import is_english_word
from newsclaims.extract.pipeline import extract


def _names(ex) -> tuple[set[str], set[str]]:
    return {p.name for p in ex.people}, {o.name for o in ex.organisations}


@pytest.mark.parametrize(
    "body, law",
    [
        pytest.param(
            "Tan Wei Ming, 44, was charged under the Employment of Seafarers Act on Monday.",
            "Employment of Seafarers Act",
            id="act-named-like-a-company",
        ),
        pytest.param(
            "Prosecutors cited the Palermo Protocol and the Maritime Labour Convention in court.",
            "Palermo Protocol",
            id="protocol",
        ),
        pytest.param(
            "The raid was carried out under the Anti-Smuggling Manpower Code, police said.",
            "Anti-Smuggling Manpower Code",
            id="code",
        ),
    ],
)
def test_names_law_is_no_organisation(nlp, body: str, law: str):
    people, orgs = _names(extract(nlp(body)))
    assert not any(law.split()[-2] in name for name in people | orgs)


def test_names_institute_named_after_a_law_field_stays_an_organisation(nlp):
    body = "Ana Lim, a researcher at the Baltic Institute for Maritime Law, said the rules were weak."
    _, orgs = _names(extract(nlp(body)))
    assert "Baltic Institute for Maritime Law" in orgs


@pytest.mark.parametrize(
    "body, person, org",
    [
        pytest.param(
            "Deputy Minister of Labour, Culture and Social Welfare Trương Quốc Dũng on Monday "
            "called on companies to check their brokers.",
            "Trương Quốc Dũng",
            None,
            id="comma-list-portfolio",
        ),
        pytest.param(
            "Vice Chairman of the People’s Committee of Quảng Trị Province Hồ Văn Lộc said that the "
            "province had closed three agencies.",
            "Hồ Văn Lộc",
            "People’s Committee of Quảng Trị Province",
            id="org-then-name",
        ),
    ],
)
def test_names_long_title_before_name_splits_off_the_person(nlp, body: str, person: str, org: str | None):
    ex = extract(nlp(body))
    people, orgs = _names(ex)
    assert person in people
    assert not any(person in o for o in orgs)
    if org is not None:
        assert org in orgs


def test_names_title_chain_without_a_name_is_left_alone(nlp):
    body = "The Minister of Foreign Affairs will visit Jakarta next week, the embassy said."
    people, _ = _names(extract(nlp(body)))
    assert not any("Minister" in p for p in people)


@pytest.mark.parametrize(
    "word, english",
    [
        pytest.param("Affairs", True, id="plural-noun"),
        pytest.param("Province", True, id="place-noun"),
        pytest.param("Thắng", False, id="vietnamese-name"),
        pytest.param("Quốc", False, id="vietnamese-middle-name"),
    ],
)
def test_lexicon_tells_english_words_from_names(word: str, english: bool):
    assert is_english_word(word) is english


@pytest.mark.parametrize(
    "body, place",
    [
        pytest.param(
            "Researchers questioned pupils in the provinces of Kampong Speu, Takeo and Prey Veng.",
            "Prey Veng",
            id="listed-after-place-noun",
        ),
        pytest.param(
            "Brokers moved the women through Dumai and Tanjung Pinang without papers, she said.",
            "Tanjung Pinang",
            id="coordinated-with-a-place",
        ),
        pytest.param(
            "Most came from a village in West Sumbawa, where recruiters visit after each harvest.",
            "West Sumbawa",
            id="relative-clause-is-no-role",
        ),
    ],
)
def test_names_places_listed_with_places_are_no_people(nlp, body: str, place: str):
    people, _ = _names(extract(nlp(body)))
    assert place not in people


@pytest.mark.parametrize(
    "body, name",
    [
        pytest.param(
            "Sen. Maria L. Cortez said in a statement that the bill would pass.",
            "Maria L. Cortez",
            id="senator-abbreviation",
        ),
        pytest.param(
            "“We were never paid,” said Bu Wulan, adding that she wanted to go home.",
            "Wulan",
            id="indonesian-honorific",
        ),
        pytest.param(
            "DPP Lim told the court that the accused had shown no remorse.",
            "Lim",
            id="deputy-public-prosecutor",
        ),
    ],
)
def test_names_honorific_abbreviation_is_no_part_of_the_name(nlp, body: str, name: str):
    people, _ = _names(extract(nlp(body)))
    assert name in people


def test_names_surname_sen_is_not_a_title(nlp):
    people, _ = _names(extract(nlp("Prime Minister Hun Sen said the plan would go ahead.")))
    assert "Hun Sen" in people


@pytest.mark.parametrize("surname", ["Sands", "Waters"])
def test_names_surname_the_tagger_reads_as_plural_stays_a_person_after_a_title(nlp, surname: str):
    """ "General Motors" after a title word is a company's name, but "Professor Sands" is the person
    named before: the tagger reads some family names in -s as plural proper nouns."""
    body = f"Dara {surname} chairs the inquiry. Professor {surname} said the survey would close in May."
    people, _ = _names(extract(nlp(body)))
    assert people == {f"Dara {surname}"}


@pytest.mark.parametrize(
    "body, person, org",
    [
        pytest.param(
            "The Church of Mercy Cambodia said it had sheltered 40 women.",
            None,
            "Church of Mercy Cambodia",
            id="church-is-an-organisation",
        ),
        pytest.param(
            "The Evangelical Church said it would open a shelter.",
            None,
            "Evangelical Church",
            id="a-named-church",
        ),
        pytest.param(
            "Senator Dara Church said the committee would meet again.",
            "Dara Church",
            None,
            id="surname-keyword",
        ),
        pytest.param("Police raided a karaoke bar on Court Street in Phnom Penh.", None, None, id="street"),
    ],
)
def test_names_organisation_keywords_in_churches_streets_and_surnames(
    nlp, body: str, person: str | None, org: str | None
):
    """A church is a body; a keyword ending a street's name or, after a person's title, a family
    name does not make an organisation."""
    people, orgs = _names(extract(nlp(body)))
    assert orgs == ({org} if org else set())
    if person:
        assert person in people


@pytest.mark.parametrize(
    "body, name",
    [
        pytest.param(
            "Commissioner Ana von der Berg said the report was late.", "Ana von der Berg", id="von-der"
        ),
        pytest.param("Colonel Ramon dela Rosa said the camp was cleared.", "Ramon dela Rosa", id="dela"),
        pytest.param("Maria de la Cruz said the workers were never paid.", "Maria de la Cruz", id="de-la"),
    ],
)
def test_names_lower_case_family_name_particles_stay_in_the_name(nlp, body: str, name: str):
    ex = extract(nlp(body))
    assert name in {p.name for p in ex.people}
    assert [q.speaker.name for q in ex.quotes if q.speaker] == [name]


@pytest.mark.parametrize("brand", ["TVN24", "Kanal7"])
def test_names_speaker_mixing_letters_and_digits_is_an_organisation(nlp, brand: str):
    """No person's name mixes letters and digits; a broadcaster's or agency's often does, and the
    entity recogniser may have no label for it."""
    ex = extract(nlp(f"The mayor was stabbed on Sunday. {brand} reported he received surgery."))
    assert brand in {o.name for o in ex.organisations}
    assert [(q.text, q.speaker.name) for q in ex.quotes if q.speaker] == [("he received surgery", brand)]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        pytest.param("WHO say iodine deficiency is the most common cause of brain damage.", "WHO", id="who"),
        pytest.param(
            "IOM says the boats carried more than 300 people, most of them women.", "IOM", id="plain-acronym"
        ),
    ],
)
def test_names_acronym_spelled_like_a_pronoun_opens_a_sentence_as_a_speaker(nlp, body: str, speaker: str):
    quotes = extract(nlp(body)).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == [speaker]


def test_names_pronoun_in_a_heading_in_capitals_is_no_acronym(nlp):
    doc = nlp("WHO WE ARE\n\nThe group runs two shelters in Phnom Penh.")
    assert not [o for o in extract(doc).organisations if o.name == "WHO"]


@pytest.mark.parametrize(
    ("body", "organisation"),
    [
        pytest.param(
            "The White House said in a statement that the president would sign the bill.",
            "White House",
            id="white-house",
        ),
        pytest.param(
            "Freedom House said press freedom declined for the tenth year.", "Freedom House", id="ngo"
        ),
        pytest.param(
            "The bill passed the House of Representatives on Friday, officials said.",
            "House of Representatives",
            id="chamber",
        ),
    ],
)
def test_names_a_house_is_an_organisation(nlp, body: str, organisation: str):
    extraction = extract(nlp(body))
    assert organisation in [o.name for o in extraction.organisations]
    assert organisation not in [p.name for p in extraction.people]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("As of 15:11 GMT the site was accessible again, the company said.", id="time-zone"),
        pytest.param(
            "Pierluisi was sworn in at 5:00 p.m. (2100 UTC) in the Supreme Court.", id="bracketed-time-zone"
        ),
    ],
)
def test_names_acronym_after_a_number_is_no_organisation(nlp, body: str):
    assert not [o.name for o in extract(nlp(body)).organisations if o.name in {"GMT", "UTC"}]
