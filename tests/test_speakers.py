"""Speakers: attribution beside quotes and resolution of names, pronouns and nouns to entities."""

from __future__ import annotations

import pytest

from newsclaims.extract.pipeline import extract


def _speakers(nlp, body: str) -> list[tuple[str, str | None]]:
    ex = extract(nlp(body))
    return [(q.text, q.speaker.name if q.speaker else None) for q in ex.quotes]


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        pytest.param(
            "Senator Jane Cole issued a statement about the closure. “Like many Texans, I am disappointed.”",
            "Like many Texans, I am disappointed.",
            "Jane Cole",
            id="issued-a-statement-lead-in",
        ),
        pytest.param(
            "Crops suffer. The U.S. Department of Agriculture notes, “Ground-level ozone causes more damage to"
            " plants than all other air pollutants combined”, highlighting the importance of air quality.",
            "Ground-level ozone causes more damage to plants than all other air pollutants combined",
            "U.S. Department of Agriculture",
            id="present-tense-verb-tagged-as-noun",
        ),
        pytest.param(
            "President Recep Tayyip Erdogan spoke on Sunday. According to a statement released by Erdogan's office,"
            " “The operation will neutralise the threat from the south.”",
            "The operation will neutralise the threat from the south.",
            "Recep Tayyip Erdogan",
            id="according-to-a-statement-by-someones-office",
        ),
        pytest.param(
            "The Commission on Religious Freedom criticized the move. They released a statement which said,"
            " “Hagia Sophia bears profound significance to Muslims and Christians alike.”",
            "Hagia Sophia bears profound significance to Muslims and Christians alike.",
            "Commission on Religious Freedom",
            id="statement-which-said-speaks-for-its-issuer",
        ),
        pytest.param(
            "Police spoke with Anne Sacoolas as a suspect. She informed police she had diplomatic immunity.",
            "she had diplomatic immunity",
            "Anne Sacoolas",
            id="informed-reports",
        ),
        pytest.param(
            "Matthew Ingram wrote a blog post. He characterized the conflict as “another small skirmish in a war"
            " that Scientology has been waging for almost 15 years.”",
            "another small skirmish in a war that Scientology has been waging for almost 15 years.",
            "Matthew Ingram",
            id="characterized-as-a-quotation",
        ),
        pytest.param(
            "The Public Broadcasting Service revealed that Crown Prince Mohammad bin Salman accepted responsibility"
            " for the murder of journalist Jamal Khashoggi. Speaking to the broadcaster, he said, “It happened"
            " under my watch.”",
            "It happened under my watch.",
            "Mohammad bin Salman",
            id="pronoun-after-a-body-reporting-on-someone",
        ),
        pytest.param(
            "Greek daily Kathimerini said Greece and Cyprus had to speed up to counter possible interference.",
            "Greece and Cyprus had to speed up to counter possible interference",
            "Kathimerini",
            id="media-descriptor-before-a-one-word-name",
        ),
        pytest.param(
            "“The camps are full again,” said Maria Santos.",
            "The camps are full again",
            "Maria Santos",
            id="said-x-inversion",
        ),
        pytest.param(
            "Health Minister Kavi Ratana said the clinics would reopen next week.",
            "the clinics would reopen next week",
            "Kavi Ratana",
            id="title-before-name",
        ),
        pytest.param(
            "“Seizing passports is a crime,” said the bureau’s chief inspector, Lim Wei Ling.",
            "Seizing passports is a crime",
            "Lim Wei Ling",
            id="role-then-appositive-name",
        ),
        pytest.param(
            "Ms Anong Sukjai runs the shelter. Mr Somchai Deeprom owns the boats. “We are tired,” she said.",
            "We are tired",
            "Anong Sukjai",
            id="pronoun-gender-from-title",
        ),
        pytest.param(
            "Chen Mei Hua, a lawyer, said her clients were never paid. Tomas Reyes disagreed. "
            "“They were paid every month,” he said. “Some of them lied to us,” she said.",
            "Some of them lied to us",
            "Chen Mei Hua",
            id="pronoun-gender-from-her",
        ),
        pytest.param(
            "The Mekong Rights Coalition published a report on Monday. The coalition said most victims were teenagers.",
            "most victims were teenagers",
            "Mekong Rights Coalition",
            id="organisation-noun",
        ),
        pytest.param(
            "Tran Minh Duc, deputy director of the agency, spoke on Monday. "
            "Asked about the raids, the deputy director said the checks would continue.",
            "the checks would continue",
            "Tran Minh Duc",
            id="role-noun",
        ),
        pytest.param(
            "Harbor Line Shipping Ltd said in a statement that it had paid all wages. "
            "“We regret the delays,” the statement said.",
            "We regret the delays",
            "Harbor Line Shipping Ltd",
            id="the-statement",
        ),
        pytest.param(
            "“The fees are illegal,” said Ana Cruz.\n\n“Nobody should pay to work.”",
            "Nobody should pay to work.",
            "Ana Cruz",
            id="continuation-paragraph",
        ),
        pytest.param(
            "Nurse Ploy Chan treated the crew. “They were starving,” she said. “Two had fever.”",
            "Two had fever.",
            "Ploy Chan",
            id="second-quote-same-paragraph",
        ),
        pytest.param(
            "In a statement posted to her account, Governor Chan Sophea affirmed her willingness to "
            "accept the post, writing, “The province needs stability.”",
            "The province needs stability.",
            "Chan Sophea",
            id="participle-of-saying-tagged-as-a-noun",
        ),
        pytest.param(
            "Labour Minister Ith Samheng confirmed his readiness to lead the task force, writing, "
            "“We will act.”",
            "We will act.",
            "Ith Samheng",
            id="participle-of-saying-tagged-as-a-noun-2",
        ),
        pytest.param(
            "One of those hurt was deckhand Sok Vanna, 31, who gave only a warning: “Do not sign anything.”",
            "Do not sign anything.",
            "Sok Vanna",
            id="relative-clause-lead-in",
        ),
        pytest.param(
            "Governor Lina Park, in a statement read by her spokesman, announced the port would close. "
            "The statement also said the inspectors had found forced labour on four boats.",
            "the inspectors had found forced labour on four boats",
            "Lina Park",
            id="statement-of-the-person-who-announced-in-it",
        ),
        pytest.param(
            "The following is the exchange of letters as filed with the court:\n\n"
            "Secretary of the Navy Mao Rith: “We will inspect every boat in the port.”",
            "We will inspect every boat in the port.",
            "Mao Rith",
            id="label-with-the-small-words-of-a-title",
        ),
        pytest.param(
            "The women worked at the factory for six years. Only one of them agreed to speak. "
            "“We never saw a contract,” said Chantrea.",
            "We never saw a contract",
            "Chantrea",
            id="one-word-name-of-a-person-speaking",
        ),
        pytest.param(
            "Labour activist Owen Pellow said the port had no inspectors. Pellow requested donations on "
            "his blog to help Tola Chan with legal costs. He described Chan as a victim, “trapped by debt.”",
            "trapped by debt.",
            "Owen Pellow",
            id="sentence-initial-surname-tagged-as-a-common-word",
        ),
        pytest.param(
            "The report was written by lawyer Owen Marsh after months with the family of Tola Chan. "
            "He described Chan as a victim, “trapped by debt and fear.”",
            "trapped by debt and fear.",
            "Owen Marsh",
            id="pronoun-is-not-a-name-its-verb-governs",
        ),
        pytest.param(
            "Sara Lind spoke after Tola Chan. Lind concurred: “We will not pay Chan,” she argued.",
            "We will not pay Chan",
            "Sara Lind",
            id="name-before-the-pronoun-may-be-its-antecedent",
        ),
    ],
)
def test_speaker_resolved(nlp, body, quote, speaker):
    assert (quote, speaker) in _speakers(nlp, body)


def test_speaker_text_and_cue_as_written(nlp):
    ex = extract(
        nlp(
            "Mary Tan, director of the Open Door Centre, said the shelter was full. “We turn girls away,” Tan told reporters."
        )
    )
    direct = next(q for q in ex.quotes if q.kind == "direct")
    assert (direct.speaker_text, direct.cue) == ("Tan", "told")
    assert direct.speaker is not None and direct.speaker.name == "Mary Tan"


def test_speaker_he_said_inside_quote_is_not_an_attribution(nlp):
    body = "Rita Gomez, a nurse, met the men. “One told me, he said, that he was sold twice,” she said."
    ex = extract(nlp(body))
    assert [q.kind for q in ex.quotes] == ["direct"]
    assert ex.quotes[0].speaker is not None and ex.quotes[0].speaker.name == "Rita Gomez"


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        pytest.param(
            "Pol Maj Gen Anan Chaiyo led the raid.\n\n“We found the ledgers,” the police general said.",
            "We found the ledgers",
            "Anan Chaiyo",
            id="rank-abbreviation-spelt-out",
        ),
        pytest.param(
            "Seven boats were seized, a fishers' rights group said on Sunday.\n\n"
            "The Blue Sea Workers Network (BSWN) said the crews had not been paid.",
            "Seven boats were seized",
            "Blue Sea Workers Network",
            id="indefinite-group-named-next",
        ),
        pytest.param(
            "The families have sued the agency, their lawyer said.\n\n"
            "The lawyer, Ravi Menon, said each family had paid the fee twice.",
            "The families have sued the agency",
            "Ravi Menon",
            id="their-lawyer-named-next",
        ),
        pytest.param(
            "Noor Aziz, a caseworker at the Harbour Light Foundation, said the girls were safe.\n\n"
            "Ahmad Salleh, a port official, said the ship had left.\n\n"
            "The foundation is asking for more beds. “We are full every night,” she said.",
            "We are full every night",
            "Noor Aziz",
            id="pronoun-of-the-organisation-just-mentioned",
        ),
        pytest.param(
            "Samak Boon, chief of the Lopburi Provincial Office, spoke first.\n\n"
            "“The list was false,” the provincial official said.",
            "The list was false",
            "Samak Boon",
            id="official-of-named-office",
        ),
        pytest.param(
            "Governor Chea Vuthy said the road was closed. Deputy Governor Mao Sarin said 68 people "
            "were missing. The governor said each family would be paid.",
            "each family would be paid",
            "Chea Vuthy",
            id="the-governor-is-not-the-deputy",
        ),
        pytest.param(
            "Deputy Governor Mao Sarin said 68 people were missing. The deputy governor said each "
            "family would be paid.",
            "each family would be paid",
            "Mao Sarin",
            id="the-deputy-governor",
        ),
    ],
)
def test_speakers_resolve_nominal_speakers(nlp, body: str, quote: str, speaker: str) -> None:
    assert (quote, speaker) in _speakers(nlp, body)


def test_speakers_bare_office_does_not_name_its_deputy(nlp) -> None:
    body = (
        "Deputy Governor Mao Sarin said 68 people were missing. The governor said each family would be paid."
    )
    assert ("each family would be paid", None) in _speakers(nlp, body)


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        pytest.param(
            "Thai police said on Tuesday they had freed 40 women from a karaoke bar.",
            "they had freed 40 women from a karaoke bar",
            id="generic-police",
        ),
        pytest.param(
            "An official said on condition of anonymity that the border post would close.",
            "the border post would close",
            id="anonymous-official",
        ),
        pytest.param(
            "Despite the warnings, the two brokers left the country, police revealed on Saturday.",
            "Despite the warnings, the two brokers left the country",
            id="police-revealed",
        ),
        pytest.param(
            "Observers noted the second hearing was more orderly than the first.",
            "the second hearing was more orderly than the first",
            id="observers-noted",
        ),
        pytest.param(
            "The convoy was hit at dawn. The entire escort were conscripts, the army said.",
            "The entire escort were conscripts",
            id="the-army-said",
        ),
    ],
)
def test_speakers_nameless_speaker_gives_no_entity(nlp, body: str, quote: str) -> None:
    ex = extract(nlp(body))
    assert (quote, None) in [(q.text, q.speaker) for q in ex.quotes]
    assert ex.organisations == ()


@pytest.mark.parametrize(
    ("body", "speaker", "others"),
    [
        pytest.param(
            'Secretary of State Mike Pompeo said, "We will not back down."',
            "Mike Pompeo",
            set(),
            id="title-of-place-then-name",
        ),
        pytest.param(
            'Senate Majority Leader Mitch McConnell told reporters, "The bill is dead."',
            "Mitch McConnell",
            set(),
            id="leader-title-then-name",
        ),
        pytest.param(
            'Former US Ambassador to the United Nations Nikki Haley wrote on Twitter, "We must always '
            'have the backs of our allies."',
            "Nikki Haley",
            {"United Nations"},
            id="ambassador-to-organisation-then-name",
        ),
        pytest.param(
            'Chief Executive of Save the Children UK Kevin Watkins said, "Children are dying."',
            "Kevin Watkins",
            set(),
            id="organisation-then-name",
        ),
        pytest.param(
            'Thailand\'s Prime Minister, Prayut Chan-o-cha said, "We are in contact with all parties."',
            "Prayut Chan-o-cha",
            set(),
            id="title-comma-name-two-subjects",
        ),
        pytest.param(
            'Chief financial officer at Angkor Holdings Group Sophea Keo said: "We expect losses this year."',
            "Sophea Keo",
            {"Angkor Holdings Group"},
            id="title-at-company-then-name",
        ),
    ],
)
def test_speakers_name_written_after_a_title_and_organisation(nlp, body, speaker, others) -> None:
    """A person's name run straight into the title or organisation before it is its own name, and
    the speaker."""
    ex = extract(nlp(body))
    assert [q.speaker.name if q.speaker else None for q in ex.quotes] == [speaker]
    assert speaker in {p.name for p in ex.people}
    assert others <= {o.name for o in ex.organisations}
    assert not any(speaker in o.name for o in ex.organisations)


def test_speakers_name_in_the_speakers_complement_is_not_the_speaker(nlp) -> None:
    ex = extract(nlp('The lawyer for Tom Becker said, "My client is innocent."'))
    assert [(q.text, q.speaker) for q in ex.quotes] == [("My client is innocent.", None)]
    assert [p.name for p in ex.people] == ["Tom Becker"]


def test_speakers_connected_organisation_words_stay_one_name(nlp) -> None:
    ex = extract(nlp("The Provincial Department of Labour and Vocational Training said 40 workers returned."))
    assert [o.name for o in ex.organisations] == ["Provincial Department of Labour and Vocational Training"]
    assert ex.people == ()


def test_speakers_sentence_introducing_the_next_quote_is_not_this_ones_attribution(nlp) -> None:
    body = (
        'Bishop Carlos Mendes said, "We have asked for years why the rules differ?" Lawyer Ana '
        'Ruiz said, "People must know the rules apply to everyone."'
    )
    assert _speakers(nlp, body) == [
        ("We have asked for years why the rules differ?", "Carlos Mendes"),
        ("People must know the rules apply to everyone.", "Ana Ruiz"),
    ]


def test_speakers_interrupted_quote_keeps_the_attribution_between(nlp) -> None:
    body = '"The camps are full," Maria Santos said, "and more families arrive every day."'
    assert [s for _, s in _speakers(nlp, body)] == ["Maria Santos", "Maria Santos"]


def test_speakers_possessed_statement_is_its_owners(nlp) -> None:
    body = (
        "Senator Joan Miller criticised the plan on Monday. Miller's statement added, \"There is no "
        'question the plan should have been debated first."'
    )
    assert [s for _, s in _speakers(nlp, body)] == ["Joan Miller"]


def test_speakers_arabic_article_is_part_of_the_name(nlp) -> None:
    ex = extract(nlp('Civil Defence director Khalid al-Harbi said, "All of the wounded are in hospital."'))
    assert [q.speaker.name if q.speaker else None for q in ex.quotes] == ["Khalid al-Harbi"]


def test_speakers_role_noun_coordinated_with_a_titled_name(nlp) -> None:
    body = 'American academic and professor Dana Whitfield commented, "The movement has grown."'
    assert [s for _, s in _speakers(nlp, body)] == ["Dana Whitfield"]


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        pytest.param(
            "Microsoft announced on Friday that it is time for users to upgrade their browsers.",
            "it is time for users to upgrade their browsers",
            "Microsoft",
            id="tagged-organisation-speaks",
        ),
        pytest.param(
            "According to Reuters, the talks collapsed on Sunday.",
            "the talks collapsed on Sunday",
            "Reuters",
            id="according-to-tagged-organisation",
        ),
    ],
)
def test_speakers_organisation_without_keyword_that_speaks(nlp, body, quote, speaker) -> None:
    ex = extract(nlp(body))
    assert (quote, speaker) in [(q.text, q.speaker.name if q.speaker else None) for q in ex.quotes]
    assert speaker in {o.name for o in ex.organisations}


def test_speakers_surname_tagged_as_organisation_stays_the_person(nlp) -> None:
    body = "The surgeon, Dr. Paul Ames, operated for hours. Ames said the patient was stable."
    ex = extract(nlp(body))
    assert [(q.text, q.speaker.name if q.speaker else None) for q in ex.quotes] == [
        ("the patient was stable", "Paul Ames")
    ]
    assert ex.organisations == ()


def test_speakers_partial_quote_closing_a_reported_clause_keeps_both(nlp) -> None:
    body = (
        "Dr. Lena Ortiz of the institute studied the data. Ortiz said although heat and drought are "
        'each known to cut yields, "nobody has looked at the two together".'
    )
    got = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in extract(nlp(body)).quotes]
    assert ("direct", "nobody has looked at the two together", "Lena Ortiz") in got
    clauses = [(t, s) for k, t, s in got if k == "indirect"]
    assert len(clauses) == 1 and clauses[0][0].startswith("although heat and drought")
    assert clauses[0][1] == "Lena Ortiz"


def test_speakers_gender_learnt_by_majority_not_first_pronoun(nlp) -> None:
    body = (
        "Tom Ridley answered a question about her campaign from the host. Ridley announced his "
        "plans on Monday, and Ridley thanked his staff. Governor Ann Lee praised her team.\n\n"
        "Later, he said the race was close."
    )
    assert _speakers(nlp, body) == [("the race was close", "Tom Ridley")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        pytest.param(
            'Senator Ruth Baxter spoke on Channel 4, "This is going to lead to chaos."',
            "Ruth Baxter",
            id="any-verb-then-comma",
        ),
        pytest.param(
            'Mayor Tom Alvarez, also on Twitter, defended his decision, "We had no choice."',
            "Tom Alvarez",
            id="clause-with-object-then-comma",
        ),
        pytest.param(
            'The messages were released on Friday.\n\nDeputy Director Maria Lopez: "We will not comment '
            'on a leak."',
            "Maria Lopez",
            id="transcript-label",
        ),
    ],
)
def test_speakers_quote_after_a_clause_of_its_own_takes_its_subject(nlp, body, speaker) -> None:
    assert [s for _, s in _speakers(nlp, body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        pytest.param(
            "Asked about the report on a breakfast show, Senator Ruth Baxter told host Tom Alvarez "
            '"No, it is not true. It never happened." Meanwhile, a former aide, Ana Reyes, who claimed '
            "Baxter had known for months, wrote to the committee.",
            "No, it is not true. It never happened.",
            "Ruth Baxter",
            id="told-listener-then-quote",
        ),
        pytest.param(
            "Chief executive Maria Lopez spoke to investors on Monday. Asked about imports, she stated the "
            'company\'s old rule that "we build where we sell" still held, with John Carter stating that '
            "this kept supply chains short.",
            "we build where we sell",
            "Maria Lopez",
            id="fragment-inside-reported-clause",
        ),
    ],
)
def test_speakers_quote_inside_or_after_a_reporting_clause(nlp, body, quote, speaker) -> None:
    """The reporting verb before an embedded quotation governs it; a new sentence after a quote
    that ends its own sentence, with a reporting verb carrying a clause of its own, reports that
    clause and not the quote."""
    assert (quote, speaker) in _speakers(nlp, body)


def test_speakers_pronoun_continues_the_subject_pronoun_before_it(nlp) -> None:
    """The sentence before names two men only after its subject pronoun, which a reporting verb
    already resolved to the woman: the next "she" is still her, not the last name read."""
    body = (
        "Emma Carter left the station at dawn. In between, she testified, she was attacked by Paul "
        "Dubois and Marc Levy. She told the court that she was forced to stay."
    )
    speakers = dict(_speakers(nlp, body))
    assert speakers["she was attacked by Paul Dubois and Marc Levy"] == "Emma Carter"
    assert speakers["she was forced to stay"] == "Emma Carter"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        pytest.param(
            "King Harald Olsen opened the session on Monday. The decree signed by the King read "
            '"Every worker shall be paid on time and in full."',
            "Harald Olsen",
            id="document-signed-by-a-title-in-a-name",
        ),
        pytest.param(
            "The Supreme Court of Norland ruled on the case on Tuesday. The opinion of the Court, "
            'released on Wednesday, read in part, "The contract is void from the start."',
            "Supreme Court of Norland",
            id="opinion-of-the-court-read",
        ),
    ],
)
def test_speakers_a_document_speaks_for_who_produced_it(nlp, body, speaker) -> None:
    """Decrees and court opinions "read" their words; the speaker is who signed or issued them."""
    assert [s for _, s in _speakers(nlp, body)] == [speaker]


def test_speakers_object_pronoun_of_the_subjects_verb_tells_no_gender(nlp) -> None:
    """ "Lopez joined him on stage": "him" is someone other than Lopez, so it is no vote that
    Lopez is a man, and the next "She says" is Lopez's."""
    body = (
        "Governor John Kasich spoke in Columbus on Tuesday. Senator Maria Lopez joined him on stage. "
        'She says, "It is time for a change in this state."'
    )
    assert _speakers(nlp, body) == [("It is time for a change in this state.", "Maria Lopez")]


@pytest.mark.parametrize(
    ("title", "noun"),
    [("Sen.", "senator"), ("Rep.", "representative"), ("Gov.", "governor")],
)
def test_speakers_abbreviated_title_is_the_noun_that_points_back(nlp, title: str, noun: str) -> None:
    body = (
        f'"We will not let this government shut down," said {title} Elizabeth Warren on Tuesday. '
        f'"It\'s over," the {noun} told CNN on Wednesday.'
    )
    assert _speakers(nlp, body)[-1] == ("It's over", "Elizabeth Warren")


def test_speakers_spokesperson_named_by_the_body_before_it_speaks_for_the_body(nlp) -> None:
    body = (
        "The Home Office said it was committed to tackling modern slavery. "
        'A Home Office spokesperson said: "We will not tolerate this crime."'
    )
    assert _speakers(nlp, body)[-1] == ("We will not tolerate this crime.", "Home Office")


def test_speakers_officials_under_an_acronym_the_recogniser_missed_speak_for_the_body(nlp) -> None:
    body = (
        "The United States Air Force (USAF) chose the Northrop tanker. "
        "USAF officials said that the contract had been awarded based on competence."
    )
    assert _speakers(nlp, body)[-1] == (
        "the contract had been awarded based on competence",
        "United States Air Force",
    )


def test_speakers_a_definite_plural_is_a_group_not_the_last_person(nlp) -> None:
    body = (
        "Am Sam Ath, operations director at rights group Licadho, said the authorities should act. "
        "The victims told police they were beaten when they failed to meet targets."
    )
    assert _speakers(nlp, body)[-1] == ("they were beaten when they failed to meet targets", None)


def test_speakers_a_full_stop_inside_a_word_ends_no_sentence_before_the_verb(nlp) -> None:
    body = (
        "Amazon Environmental Research Institute Director Ane Alencar, in remarks to UOL.com.br, said, "
        '"This year we do not have an extreme drought."'
    )
    assert _speakers(nlp, body)[-1] == ("This year we do not have an extreme drought.", "Ane Alencar")


def test_speakers_an_appositive_name_on_a_split_subject(nlp) -> None:
    body = (
        "Another co-author, civil and environmental engineering professor Julian Marshall, said, "
        '"We have seen in our previous research that our society is segregated."'
    )
    assert _speakers(nlp, body)[-1][1] == "Julian Marshall"


def test_speakers_a_possessive_after_the_quote_is_no_speaker(nlp) -> None:
    body = (
        'Ryan Coogler, the director of Black Panther, wrote of Boseman, "I noticed then that Chad was '
        'an anomaly", recalling their first meeting.'
    )
    assert _speakers(nlp, body)[0] == ("I noticed then that Chad was an anomaly", "Ryan Coogler")


def test_speakers_who_after_an_apposition_is_the_person_it_describes(nlp) -> None:
    """The parser hangs "who" on the nearest noun, the university; "who" stands for people."""
    body = (
        "A different view came from Dara Chan, a labour economist at the Asian Development Bank, who said, "
        '"Wages rarely rise that fast."'
    )
    assert _speakers(nlp, body) == [("Wages rarely rise that fast.", "Dara Chan")]


def test_speakers_one_word_name_after_a_lower_case_title_is_a_person(nlp) -> None:
    body = 'On Monday, Cambodian premier Sokha opened the bridge. "This bridge joins two provinces," he said.'
    assert _speakers(nlp, body) == [("This bridge joins two provinces", "Sokha")]
    assert "Sokha" in {p.name for p in extract(nlp(body)).people}


def test_speakers_officer_in_apposition_to_the_organisation_speaks(nlp) -> None:
    """The parser heads the subject with the organisation and hangs its officer in apposition."""
    body = (
        "While Asian Association of Migrant Workers (AAMW) Policy Director Sok Dara concedes that many "
        "complaints are valid, he supports the law."
    )
    quotes = extract(nlp(body)).quotes
    assert [(q.speaker.name if q.speaker else None, q.speaker_text) for q in quotes] == [
        ("Sok Dara", "Sok Dara")
    ]


def test_speakers_participle_hung_on_the_reported_clause_speaks_for_the_reporter(nlp) -> None:
    """The parser hangs "further saying" on the reported clause's verb ("costs"), whose subject
    ("the use") is part of what was said; the speaker is the one who said that clause."""
    body = (
        "Harbour Authority chairman Dara Sokhom said the use of foreign currencies "
        '"costs the port $5 million a year," further saying, "Beyond that, it slows every shipment."'
    )
    assert ("Beyond that, it slows every shipment.", "Dara Sokhom") in _speakers(nlp, body)


def test_speakers_object_of_a_coordinated_verb_does_not_vote_on_gender(nlp) -> None:
    """ "Ferreira sent his sister letters and begged her to visit her parents": "her" is the
    sister, an object of a verb coordinated with Ferreira's; it must not make Ferreira a woman, so
    "He told her" still finds him."""
    body = (
        "The man, identified as Tomas Ferreira, 34, was released last week. Ferreira sent his sister "
        'letters from prison and begged her to visit her parents. He told her once: "If you cannot '
        'come in spring, write to me before the harvest."'
    )
    assert ("If you cannot come in spring, write to me before the harvest.", "Tomas Ferreira") in _speakers(
        nlp, body
    )


def test_speakers_label_with_an_abbreviated_title_after_another_colon(nlp) -> None:
    """An e-mail label whose title holds an abbreviation ("Asst.") and that follows the colon of
    the line introducing the exchange (lines joined by the reader) is still a label."""
    body = (
        "The exchange was entered in the record: :Deputy Asst. to the Labour Minister Ana Lim: "
        '"We will not sign it before the audit is finished."'
    )
    assert ("We will not sign it before the audit is finished.", "Ana Lim") in _speakers(nlp, body)
