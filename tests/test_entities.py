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


@pytest.mark.parametrize(
    ("body", "name"),
    [
        pytest.param(
            "Park Min-jun, a farm manager, said the workers were paid late.",
            "Park Min-jun",
            id="korean-syllable",
        ),
        pytest.param(
            "U Thein Zaw, a village elder, said the boats left at night.", "Thein Zaw", id="burmese-u"
        ),
        pytest.param("Daw Mya Mya Win said her son had been sold twice.", "Mya Mya Win", id="burmese-daw"),
        pytest.param(
            "A spokesman for Medan Police, Adj Sr Comr Budi Santoso, said nine men were held.",
            "Budi Santoso",
            id="indonesian-rank",
        ),
        pytest.param("Pol Col Wichai Srisuk said the bar had been closed.", "Wichai Srisuk", id="thai-rank"),
        pytest.param(
            "Ko Aung Kyaw Moe, 31, a former guard, said the doors were locked.",
            "Aung Kyaw Moe",
            id="burmese-ko",
        ),
        pytest.param(
            "Ma Thandar Win, a teacher from Bago, said her pupils had left.", "Thandar Win", id="burmese-ma"
        ),
        pytest.param(
            "Ma Xiaolin, a broker, said fees had doubled.", "Ma Xiaolin", id="chinese-family-name-ma"
        ),
        pytest.param(
            "The owner, Tan Sri Wong Kah Leong, said wages would be paid.",
            "Wong Kah Leong",
            id="malay-tan-sri",
        ),
        pytest.param(
            "Tan Boon Huat, a welder, said he was never paid.", "Tan Boon Huat", id="family-name-tan"
        ),
        pytest.param(
            "Datuk Zainal Abidin bin Osman, 61, denied the charges in court.",
            "Zainal Abidin bin Osman",
            id="datuk-and-bin",
        ),
        pytest.param(
            "The labour officer, Faridah binti Mansor, said 14 men were rescued.",
            "Faridah binti Mansor",
            id="binti",
        ),
    ],
)
def test_entities_honorifics_and_given_names(nlp, body: str, name: str) -> None:
    assert name in _people(extract(nlp(body)))


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        pytest.param(
            "Labour rights group Open Doors Asia said the raid was overdue.",
            "Open Doors Asia",
            "ngo",
            id="group-before-name",
        ),
        pytest.param(
            "A Swiss charity, Pont Solidaire, said it had housed 30 women.",
            "Pont Solidaire",
            "ngo",
            id="charity-appositive",
        ),
        pytest.param(
            "Mira Sen, chairperson of Sahayatri Nari Manch, said the girls were safe.",
            "Sahayatri Nari Manch",
            "other",
            id="role-of-name",
        ),
        pytest.param(
            "The Khmer Union for the Protection and Promotion of Migrant Rights said it was worried.",
            "Khmer Union for the Protection and Promotion of Migrant Rights",
            "other",
            id="for-the-and-of",
        ),
        pytest.param(
            "The Pacific Seafarers' Union called a strike.",
            "Pacific Seafarers' Union",
            "other",
            id="plural-possessive",
        ),
        pytest.param(
            "Staff of the Ministry of Migrant Workers' Welfare met the families.",
            "Ministry of Migrant Workers' Welfare",
            "government",
            id="possessive-after-of",
        ),
        pytest.param(
            "The Pokhara District Attorney's Office filed the case.",
            "Pokhara District Attorney's Office",
            "government",
            id="office-holder-possessive",
        ),
        pytest.param(
            "He paid a local agency, Green Valley Overseas Ltd. The firm denied it.",
            "Green Valley Overseas Ltd",
            "company",
            id="ltd-at-sentence-end",
        ),
        pytest.param(
            "Okayama Prefecture said it would audit the plant.",
            "Okayama Prefecture",
            "government",
            id="prefecture-as-speaker",
        ),
        pytest.param(
            "Officials of the People's Committee of Lam Dong Province said the firm was closed.",
            "People's Committee of Lam Dong Province",
            "government",
            id="body-of-a-province",
        ),
    ],
)
def test_entities_organisation_names_in_context(nlp, body: str, name: str, kind: str) -> None:
    orgs = _orgs(extract(nlp(body)))
    assert name in orgs
    assert orgs[name].type == kind
    assert name not in _people(extract(nlp(body)))


@pytest.mark.parametrize(
    ("body", "name", "alias"),
    [
        pytest.param(
            "The Alliance for the Defence of Fishing Crews, known as Adefic, said the law was weak. Adefic said more.",
            "Alliance for the Defence of Fishing Crews",
            "Adefic",
            id="known-as",
        ),
        pytest.param(
            "The Rural Women Workers Network (Ruwown) said 12 women had been freed.",
            "Rural Women Workers Network",
            "Ruwown",
            id="bracketed-short-name",
        ),
        pytest.param(
            "He paid PT Laut Biru Sejahtera in 2020. Officials said Laut Biru had no licence.",
            "PT Laut Biru Sejahtera",
            "Laut Biru",
            id="inner-words-short-form",
        ),
        pytest.param(
            "Gulf Domestic Workers’ Solidarity (GDWS), a network of worker groups, said passports were taken.",
            "Gulf Domestic Workers’ Solidarity",
            "GDWS",
            id="curly-plural-possessive-spelled-by-acronym",
        ),
        pytest.param(
            "Mekong Fishers’ Voice (MFV) said the boats were unsafe.",
            "Mekong Fishers’ Voice",
            "MFV",
            id="name-spelled-by-acronym-is-a-body",
        ),
    ],
)
def test_entities_organisation_aliases(nlp, body: str, name: str, alias: str) -> None:
    ex = extract(nlp(body))
    assert alias in _orgs(ex)[name].aliases
    assert alias not in _people(ex)


@pytest.mark.parametrize(
    ("body", "not_a_name"),
    [
        pytest.param(
            "JAKARTA (Coastal Wire) - Police raided a shelter on Monday.", "JAKARTA", id="wire-dateline"
        ),
        pytest.param(
            "HANOI, Vietnam – The ministry closed two agencies.", "HANOI", id="dateline-with-country"
        ),
        pytest.param("Thai police said they had freed the women.", "Thai", id="nationality-before-police"),
        pytest.param(
            "Korean authorities said they would help.", "Korean", id="nationality-before-authorities"
        ),
        pytest.param(
            "The men worked on the Hai Long 27, a trawler registered in Taiwan.", "Hai Long", id="vessel"
        ),
        pytest.param("Each worker paid HK$12,000 to the agency.", "HK$12,000", id="money-token"),
        pytest.param(
            "Three cooks on the Jin Hai Xiang No. 8 said they were beaten.", "Jin Hai", id="numbered-vessel"
        ),
        pytest.param(
            "Dara borrowed from a village savings group (VSG) that meets weekly, Sok said.",
            "VSG",
            id="acronym-of-a-kind-of-body",
        ),
        pytest.param(
            "She took a loan from an MFI in her home province, the report said.", "MFI", id="acronym-after-an"
        ),
        pytest.param(
            "The loan came from Mekong Credit Plc, a microfinance institution (MFI) based in Takeo.",
            "MFI",
            id="acronym-of-appositive-kind",
        ),
        pytest.param(
            "The group surveyed 600 maids in Saudi Arabia, the UAE and Kuwait, it said.",
            "UAE",
            id="acronym-listed-with-places",
        ),
        pytest.param(
            "Seven women placed at a plant in Kasaoka, Okayama Prefecture, were underpaid.",
            "Okayama Prefecture",
            id="prefecture-as-place",
        ),
    ],
)
def test_entities_not_names(nlp, body: str, not_a_name: str) -> None:
    ex = extract(nlp(body))
    names = {p.name for p in ex.people} | {o.name for o in ex.organisations}
    assert not any(not_a_name in n for n in names)


@pytest.mark.parametrize(
    ("body", "name", "role", "organisation"),
    [
        pytest.param(
            "Pol Lt Gen Chai Wongsa, commander of the Northern Crime Bureau, said the bar was shut.",
            "Chai Wongsa",
            "commander",
            "Northern Crime Bureau",
            id="appositive-role-over-rank",
        ),
        pytest.param(
            "A spokeswoman for Bandung Police, Adj Sr Comr Sari Dewi, said four men were held.",
            "Sari Dewi",
            "spokeswoman",
            "Bandung Police",
            id="role-for-org-before-comma",
        ),
        pytest.param(
            "The inspector, Police Colonel Niran Sukpan, who heads the Border Rescue Task Force, said 90 people were freed.",
            "Niran Sukpan",
            "Police Colonel",
            "Border Rescue Task Force",
            id="bare-noun-keeps-rank-and-who-heads",
        ),
    ],
)
def test_entities_roles_and_affiliations(nlp, body: str, name: str, role: str, organisation: str) -> None:
    person = _people(extract(nlp(body)))[name]
    assert (person.role, person.organisation) == (role, organisation)


@pytest.mark.parametrize(
    ("body", "name", "nickname"),
    [
        pytest.param(
            "The owner's sister, Wanida (Nok) Chaiyaporn, 39, was arrested at the bar.",
            "Wanida Chaiyaporn",
            "Nok",
            id="bracketed",
        ),
        pytest.param(
            "“We paid the fines,” said Pol Maj Anucha “Big” Thongdee, a station commander.",
            "Anucha Thongdee",
            "Big",
            id="quoted-with-rank",
        ),
    ],
)
def test_entities_nickname_inside_name_is_an_alias(nlp, body: str, name: str, nickname: str) -> None:
    people = _people(extract(nlp(body)))
    assert nickname in people[name].aliases
    assert nickname not in people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        pytest.param(
            "Nguyen Van An, a district official, said 30 workers had returned.", "Nguyen Van An", id="comma"
        ),
        pytest.param("The shelter was opened by Tran Minh An.", "Tran Minh An", id="sentence-end"),
        pytest.param("Police chief Sok An said 12 girls were rescued.", "Sok An", id="before-verb"),
    ],
)
def test_name_part_spelled_like_an_article_ends_the_name(nlp, text, person):
    from newsclaims.extract.pipeline import extract

    assert person in [p.name for p in extract(nlp(text)).people]


def test_entities_source_after_according_to_the_is_an_organisation(nlp) -> None:
    """'according to the BBC': 'to the' is not a place's preposition there, and the tagger's
    organisation given as a source is one."""
    ex = extract(nlp("According to the BBC, forty boats were turned away in May."))
    assert "BBC" in _orgs(ex)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in ex.quotes] == [("indirect", "BBC")]


def test_entities_a_masthead_written_with_the_keeps_it_as_a_name(nlp):
    from newsclaims.extract.pipeline import extract

    body = "The minister resigned on Monday, The Washington Post reported. The New York Times said talks had failed."
    orgs = {o.name: o.aliases for o in extract(nlp(body)).organisations}
    assert "The Washington Post" in orgs["Washington Post"]  # a capital "The" inside the sentence
    assert "The New York Times" in orgs["New York Times"]  # opening it, before a masthead


def test_entities_a_name_the_tagger_reads_as_an_organisation_each_time_it_recurs_is_one(nlp):
    twice = "Shares of Apple rose 3 percent on Monday. Analysts expect Apple to report record sales after the launch."
    assert "Apple" in _orgs(extract(nlp(twice)))
    once = "Shares of Apple rose 3 percent on Monday."
    assert _orgs(extract(nlp(once))) == {}
    surname = "Vice President Mike Pence visited Ohio. Democrats criticised Pence over the visit, and Pence left early."
    assert _orgs(extract(nlp(surname))) == {}
