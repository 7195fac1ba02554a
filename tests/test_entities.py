"""People and organisations: names, aliases, roles, types, parents and what is not a name."""

from __future__ import annotations

import pytest

from newsclaims.extract.pipeline import extract


def _people(ex):
    return {p.name: p for p in ex.people}


def _orgs(ex):
    return {o.name: o for o in ex.organisations}


def test_entities_short_forms_and_misspelling_are_aliases(nlp):
    body = (
        "Chea Sopheap, a researcher at the River Light Foundation, said the rescues were rushed.\n\n"
        "Sopheap said the girls were not asked.\n\nSopeap said the foundation would publish its data."
    )
    people = _people(extract(nlp(body)))
    assert set(people) == {"Chea Sopheap"}
    assert set(people["Chea Sopheap"].aliases) == {"Sopheap", "Sopeap"}
    assert people["Chea Sopheap"].role == "researcher"
    assert people["Chea Sopheap"].organisation == "River Light Foundation"


def test_entities_shared_family_name_stay_distinct(nlp):
    body = (
        "Lucia Herrera said her son had been sold to a fishing boat. "
        "Her husband, Diego Herrera, said the family had borrowed the fee.\n\n"
        "“We still owe the money,” Lucia said."
    )
    ex = extract(nlp(body))
    people = _people(ex)
    assert {"Lucia Herrera", "Diego Herrera"} <= set(people)
    assert ex.quotes[-1].speaker is not None and ex.quotes[-1].speaker.name == "Lucia Herrera"


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        pytest.param(
            "The Ministry of Social Affairs said the centre was full.",
            "Ministry of Social Affairs",
            "government",
        ),
        pytest.param(
            "Officers from the Harbour Police Bureau boarded the ship.", "Harbour Police Bureau", "government"
        ),
        pytest.param(
            "Staff at the River Light Foundation said the girls were safe.", "River Light Foundation", "ngo"
        ),
        pytest.param(
            "Golden Crest Manpower Sdn Bhd denied the claims on Monday.",
            "Golden Crest Manpower Sdn Bhd",
            "company",
        ),
        pytest.param(
            "The Riverside Dock Workers Union called a strike.", "Riverside Dock Workers Union", "other"
        ),
        pytest.param(
            "Officials of the Ministry of Women, Family and Community Development met.",
            "Ministry of Women, Family and Community Development",
            "government",
        ),
    ],
)
def test_entities_organisation_types(nlp, body, name, kind):
    orgs = _orgs(extract(nlp(body)))
    assert name in orgs
    assert orgs[name].type == kind


def test_entities_parent_by_possessive_and_by_of(nlp):
    body = (
        "Officials of the Ministry of Justice’s Department of Child Protection visited the camp. "
        "Later the Office of Legal Aid of the Ministry of Labour opened a hotline."
    )
    orgs = _orgs(extract(nlp(body)))
    assert orgs["Department of Child Protection"].parent == "Ministry of Justice"
    assert orgs["Office of Legal Aid"].parent == "Ministry of Labour"


def test_entities_acronyms_and_short_org_names_are_aliases(nlp):
    body = (
        "The Legal Aid Network for Migrants (LANM) filed the case. LANM said the workers were owed wages. "
        "Golden Crest Manpower Sdn Bhd denied it. Golden Crest said it had paid everyone."
    )
    orgs = _orgs(extract(nlp(body)))
    assert orgs["Legal Aid Network for Migrants"].acronym == "LANM"
    assert "Golden Crest" in orgs["Golden Crest Manpower Sdn Bhd"].aliases
    assert set(orgs) == {"Legal Aid Network for Migrants", "Golden Crest Manpower Sdn Bhd"}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "She grew up in Kampong Cham and later moved to Mae Hong Son with her aunt.", id="places"
        ),
        pytest.param(
            "Despite the ruling, families kept waiting outside the court.", id="sentence-initial-word"
        ),
        pytest.param("In March the boats returned to port. Monday was quiet.", id="months-and-days"),
        pytest.param("Staff Reporter wrote this story for the paper.", id="staff-reporter"),
    ],
)
def test_entities_not_people(nlp, body):
    assert _people(extract(nlp(body))) == {}


def test_entities_role_from_title_and_diacritics_kept(nlp):
    body = "Lieutenant Colonel Nguyễn Đức Thắng said the raid was lawful. Labour Minister Dara Keo agreed."
    people = _people(extract(nlp(body)))
    assert people["Nguyễn Đức Thắng"].role == "Lieutenant Colonel"
    assert people["Dara Keo"].role == "Labour Minister"


def test_entities_name_before_role_apposition_is_a_person_even_if_unknown_to_the_model(nlp):
    body = "Sokha Pheap, programme officer of the Angkor Youth Network, said the victims were minors."
    ex = extract(nlp(body))
    assert _people(ex)["Sokha Pheap"].organisation == "Angkor Youth Network"
    assert ex.quotes[0].speaker is not None and ex.quotes[0].speaker.name == "Sokha Pheap"
