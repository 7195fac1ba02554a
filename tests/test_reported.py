"""Indirect speech: which clause a reporting verb or 'according to' reports."""

from __future__ import annotations

import pytest

from newsclaims.extract.base.rules import load_rules
from newsclaims.extract.pipeline import extract
from newsclaims.extract.quotes.quotes import iter_direct_quotes
from newsclaims.extract.quotes.reported import iter_reported


def _reported(nlp, body: str) -> list[tuple[str, str, str]]:
    doc, rules = nlp(body), load_rules()
    quoted = [
        (q.open, (q.close + 1) if q.close is not None else q.paragraph_end)
        for q in iter_direct_quotes(doc, rules)
    ]
    found = iter_reported(doc, rules=rules, quoted=quoted)
    return sorted((doc.text[r.start : r.end], doc[r.speaker].text, r.cue) for r in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Health Minister Lina Park said that the new law would take effect in June.",
            ("the new law would take effect in June", "Park", "said"),
            id="said-that",
        ),
        pytest.param(
            "The shelter has taken in forty girls this year, the director said.",
            ("The shelter has taken in forty girls this year", "director", "said"),
            id="trailing-attribution",
        ),
        pytest.param(
            "Ahmad Karim told the Herald the factory had closed its gates.",
            ("the factory had closed its gates", "Karim", "told"),
            id="told-the-paper",
        ),
        pytest.param(
            "According to Sunita Rai, most of the workers had never been paid.",
            ("most of the workers had never been paid", "Rai", "According to"),
            id="according-to-leading",
        ),
        pytest.param(
            "About 300 families live near the dump, according to the Green Delta Foundation.",
            ("About 300 families live near the dump", "Foundation", "according to"),
            id="according-to-trailing",
        ),
        pytest.param(
            "Owen Read spoke first. According to Read the boat in question was sold to a broker shortly "
            "after the raid.",
            ("the boat in question was sold to a broker shortly after the raid", "Read", "According to"),
            id="according-to-without-a-comma",
        ),
        pytest.param(
            "According to these videos and Radio Vanna, the police then surrounded the boat.",
            ("the police then surrounded the boat", "Vanna", "According to"),
            id="according-to-named-conjunct",
        ),
        pytest.param(
            "In a statement, the ministry said the inspections would continue.",
            ("the inspections would continue", "ministry", "said"),
            id="in-a-statement",
        ),
        pytest.param(
            "Bayview Marine said in a statement that it had paid every crew member.",
            ("it had paid every crew member", "Marine", "said"),
            id="said-in-a-statement-that",
        ),
        pytest.param(
            "However, he said, the workers were free to leave the camp at any time.",
            ("the workers were free to leave the camp at any time", "he", "said"),
            id="mid-sentence",
        ),
        pytest.param(
            "Captain Arjun Mehta, head of the harbour unit, rejected the report and said every boat had been checked.",
            ("every boat had been checked", "Mehta", "said"),
            id="coordinated-said",
        ),
        pytest.param(
            "Families have started to return, a network of village groups said on Friday.",
            ("Families have started to return", "network", "said"),
            id="trailing-np-subject",
        ),
        pytest.param(
            "Valeska Paris said her passport was taken away from her and she was forced to work in the engine room.",
            (
                "her passport was taken away from her and she was forced to work in the engine room",
                "Paris",
                "said",
            ),
            id="and-own-subject",
        ),
        pytest.param(
            "The party said the agreement is only a legal framework, and actual construction is in private hands.",
            (
                "the agreement is only a legal framework, and actual construction is in private hands",
                "party",
                "said",
            ),
            id="comma-and-own-subject",
        ),
        pytest.param(
            "Institutional recipients, said Mauer, are required to exhibit their photographs every ten years.",
            ("are required to exhibit their photographs every ten years", "Mauer", "said"),
            id="inverted-parenthetical-name",
        ),
        pytest.param(
            "Kristin Wilkins runs the gallery. Wilkins observed that the 2007 starting date of the donation"
            " program coincided with the 20th anniversary of Andy Warhol's death.",
            (
                "the 2007 starting date of the donation program coincided with the 20th anniversary of Andy"
                " Warhol's death",
                "Wilkins",
                "observed",
            ),
            id="verb-that-misparsed",
        ),
        pytest.param(
            "As Heald told The Huffington Post, US surface ozone has dropped partly due to the Clean Air Act.",
            ("US surface ozone has dropped partly due to the Clean Air Act", "Heald", "told"),
            id="as-x-told-y",
        ),
    ],
)
def test_reported_clause_and_speaker(nlp, body, expected):
    assert expected in _reported(nlp, body)


def test_reported_adding_that_gives_second_clause(nlp):
    body = "The union has written to every buyer, she said, adding that two retailers had already replied."
    found = _reported(nlp, body)
    assert ("The union has written to every buyer", "she", "said") in found
    assert ("two retailers had already replied", "she", "adding") in found


def test_reported_ignores_said_inside_direct_quote(nlp):
    body = "“My brother said he would pay the broker,” Lina Park said."
    assert _reported(nlp, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Harbour police said on Friday they had detained nine crew members.",
            ("they had detained nine crew members", "police", "said"),
            id="time-after-verb-dropped",
        ),
        pytest.param(
            "Mona Vilay told the Courier by telephone Pakse had cancelled the permits.",
            ("Pakse had cancelled the permits", "Vilay", "told"),
            id="told-paper-by-phone",
        ),
        pytest.param(
            "Dara Keo told the Ledger 40 workers had been moved to a new site.",
            ("40 workers had been moved to a new site", "Keo", "told"),
            id="told-paper-no-that",
        ),
        pytest.param(
            "Leila Haddad, whose daughter left home in June, said a recruiter called her twice.",
            ("a recruiter called her twice", "Haddad", "said"),
            id="name-then-relative-clause",
        ),
        pytest.param(
            "The firm's owner, Arjun Mehta, said in a written statement that the workers had been paid.",
            ("the workers had been paid", "Mehta", "said"),
            id="that-clause-after-statement",
        ),
        pytest.param(
            "Instead, the 19-year-old says, she was sent to a warehouse near the port.",
            ("she was sent to a warehouse near the port", "year", "says"),
            id="mid-sentence-present-tense",
        ),
        pytest.param(
            "DILI, Timor-Leste (Coastal Wire) - Eleven fishermen returned home on Sunday, their lawyer said.",
            ("Eleven fishermen returned home on Sunday", "lawyer", "said"),
            id="dateline-not-in-clause",
        ),
    ],
)
def test_reported_wire_and_broadsheet_forms(nlp, body: str, expected: tuple[str, str, str]) -> None:
    assert expected in _reported(nlp, body)


def test_reported_clause_stops_at_paragraph_break(nlp) -> None:
    body = "“We were never paid,” one worker said.\n\nThe men came from three provinces, he said."
    found = _reported(nlp, body)
    assert ("The men came from three provinces", "he", "said") in found
    assert all("\n\n" not in text for text, _, _ in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Chan Dara, a spokesman for the ministry, said the police had not received any complaint "
            "about the firm, adding that the law does not allow such fees.",
            [
                ("the law does not allow such fees", "Dara", "adding"),
                ("the police had not received any complaint about the firm", "Dara", "said"),
            ],
            id="adding-hung-inside-the-first-clause",
        ),
    ],
)
def test_iter_reported_added_participle_is_its_own_clause(nlp, body: str, expected: list[tuple]) -> None:
    assert _reported(nlp, body) == expected


def test_iter_reported_arguing_participle_stays_inside_the_clause(nlp) -> None:
    body = (
        "The firm's lawyer, Ana Cruz, said her client would appeal, arguing that the police had "
        "searched the office without a warrant."
    )
    clauses = [text for text, _, cue in _reported(nlp, body) if cue == "said"]
    assert any(text.endswith("without a warrant") for text in clauses)


def test_reported_clause_not_continued_by_a_second_report(nlp):
    body = "The minister said the border would stay open, and the army warned that patrols would increase."
    found = _reported(nlp, body)
    assert ("the border would stay open", "minister", "said") in found
    assert ("patrols would increase", "army", "warned") in found


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "In a statement to the Phnom Penh Post, the ministry denied these allegations:\n\n"
            "None of it was true. The workers were paid.",
            id="leading-prepositional-phrase",
        ),
        pytest.param(
            "The minister accepted responsibility but did not say he had ordered it. Speaking to Sok Dara "
            'of Radio Vanna, he said, "It happened under my watch. I take all the blame, because it '
            'happened under my watch."',
            id="leading-participle",
        ),
    ],
)
def test_circumstance_of_the_saying_is_not_what_was_said(nlp, body: str) -> None:
    said = [text for text, _, _ in _reported(nlp, body)]
    assert not [t for t in said if "statement to" in t or "Speaking" in t], said


def test_according_to_inside_the_sentence_goes_with_the_main_verb(nlp) -> None:
    body = "Rescuers, working through the night, according to the provincial police recovered ten survivors."
    assert _reported(nlp, body) == [("recovered ten survivors", "police", "according to")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Rathke also asked the governments of the region not to turn away boats of people seeking asylum.",
            [
                (
                    "the governments of the region not to turn away boats of people seeking asylum",
                    "Rathke",
                    "asked",
                )
            ],
            id="asked-not-to",
        ),
        pytest.param(
            "Netanyahu called on Italy and Egypt to join the project.",
            [("Italy and Egypt to join the project", "Netanyahu", "called")],
            id="called-on",
        ),
        pytest.param(
            "The ministry called for the safe zone for refugees to be set up east of the river.",
            [("the safe zone for refugees to be set up east of the river", "ministry", "called")],
            id="called-for-hung-on-the-noun",
        ),
        pytest.param(
            "Foreign Secretary Dominic Raab urged the embassy to reconsider and spoke with Mike Pompeo about the case.",
            [("the embassy to reconsider", "Raab", "urged")],
            id="speakers-next-act-is-not-said",
        ),
        pytest.param(
            "The group is asking the government to respect and execute the sentence of the Supreme Court.",
            [("the government to respect and execute the sentence of the Supreme Court", "group", "asking")],
            id="shared-to",
        ),
        pytest.param("She asked for money to pay the rent.", [], id="asked-for-is-no-request-to-act"),
        pytest.param("He called the decision unfair.", [], id="call-without-a-request"),
        pytest.param(
            "It also called for records relating to attempts to pressure officials.",
            [],
            id="infinitive-deep-inside",
        ),
    ],
)
def test_reported_a_request_reports_its_addressee_and_the_action(nlp, body: str, expected: list):
    assert _reported(nlp, body) == expected


def test_reported_a_participle_clause_before_the_verb_is_a_circumstance(nlp):
    """ "Asked whether he would run again, Jordan said, “Maybe.”": the question he was asked is
    no clause he reports."""
    assert _reported(nlp, 'Asked whether he would run again, Jordan said, "Maybe. We\'ll see."') == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Hun Manet was quoted by Reuters as saying the scam compounds would be closed by the end of the year.",
            [("the scam compounds would be closed by the end of the year", "Manet", "saying")],
            id="quoted-by-as-saying",
        ),
        pytest.param(
            "Interior Minister Sar Sokha was quoted as saying that 3,000 foreigners had been deported.",
            [("3,000 foreigners had been deported", "Sokha", "saying")],
            id="quoted-as-saying-that",
        ),
    ],
)
def test_reported_quoted_as_saying_is_the_quoted_ones(nlp, body: str, expected: list):
    assert _reported(nlp, body) == expected


def test_reported_accused_of_saying_is_not_the_accusers(nlp):
    found = _reported(nlp, "Trump accused Biden of previously saying he wanted to ban hydraulic fracturing.")
    assert all(speaker != "Trump" for _, speaker, _ in found)


def test_reported_an_object_after_a_comma_and_the_verb_is_no_inverted_speaker(nlp):
    """ "The mayor of Springfield, John Carter, announced a new shelter": the verb has its subject
    before it and "a new shelter" is its object, not a speaker of '…, said X'."""
    assert _reported(nlp, "The mayor of Springfield, John Carter, announced a new shelter on Monday.") == []
    assert _reported(nlp, "The shelter will open in March, said John Carter.") == [
        ("The shelter will open in March", "Carter", "said")
    ]


def test_reported_a_relative_clause_on_the_inverted_speaker_is_not_what_was_said(nlp):
    assert _reported(nlp, "Her story is common, says Chhiv Kek Pung, who founded the group in 1997.") == [
        ("Her story is common", "Pung", "says")
    ]


def test_reported_went_on_to_say_is_the_subjects_saying(nlp):
    found = _reported(
        nlp, "Djamal welcomed the ban. He went on to say that the ministry would review it in June."
    )
    assert found == [("the ministry would review it in June", "He", "say")]
    assert _reported(nlp, "The minister declined to say whether the talks would resume.") == []


def test_reported_clause_ends_before_a_quotation_of_its_own_after_a_comma(nlp):
    body = (
        "Professor Burrows said kits would be accessible for schools and communities, "
        '"For example, schools can run their own flag discussions."'
    )
    assert _reported(nlp, body) == [
        ("kits would be accessible for schools and communities", "Burrows", "said")
    ]
    partial = 'The ministry said it would "investigate any credible report" of abuse.'
    assert _reported(nlp, partial) == [
        ('it would "investigate any credible report" of abuse', "ministry", "said")
    ]


def test_reported_a_contrast_after_a_comma_is_the_reporters(nlp):
    assert _reported(
        nlp,
        "The minister said the talks would resume next week, while the opposition called for new elections.",
    ) == [("the talks would resume next week", "minister", "said")]
    assert _reported(nlp, "Sokha said she worked 16 hours a day while the broker kept her passport.") == [
        ("she worked 16 hours a day while the broker kept her passport", "Sokha", "said")
    ]


def test_reported_a_comma_and_with_another_named_speaker_ends_the_clause(nlp):
    body = (
        "The Air Force chose the tanker. Air Force officials said the contract was awarded on price, "
        'with UBS analyst David Strauss saying "The key decision was price."'
    )
    assert ("the contract was awarded on price", "officials", "said") in _reported(nlp, body)
    despite = "The Investigative Committee says it has found no trace of explosives despite Znak.com claiming a blast."
    assert ("it has found no trace of explosives", "Committee", "says") in _reported(nlp, despite)
    counting = "Inspector Rosli Hamzah said inspectors interviewed 412 workers, with 73 percent saying they paid fees."
    assert _reported(nlp, counting)[0] == (
        "inspectors interviewed 412 workers, with 73 percent saying they paid fees",
        "Hamzah",
        "said",
    )


def test_reported_a_clause_subject_misread_as_the_verbs_object_starts_the_clause(nlp):
    body = "Gary Mortimer spoke to the paper. He remarked toilet paper is a bulky item."
    assert _reported(nlp, body)[-1][0] == "toilet paper is a bulky item"
    told = "Kem Sokha told the Ledger 40 workers had been moved."
    assert _reported(nlp, told)[0][0] == "40 workers had been moved"


def test_reported_a_verb_with_its_own_object_is_no_trailing_attribution(nlp):
    body = (
        "The African Union (AU) met in Niger. While many transactions in Africa occur using dollars "
        "or euros, the AU announced an electronic payment system."
    )
    assert _reported(nlp, body) == []
    assert _reported(nlp, "Rescuers found 12 more bodies on Tuesday, the agency said.") == [
        ("Rescuers found 12 more bodies on Tuesday", "agency", "said")
    ]


def test_reported_a_leading_attribution_with_a_comma_and_no_that(nlp):
    body = "The Phnom Penh Post reported on Friday, the factory had dismissed 300 workers."
    assert _reported(nlp, body) == [("the factory had dismissed 300 workers", "Post", "reported")]
    with_object = "The Phnom Penh Post reported the figures on Friday, the factory had dismissed 300 workers."
    assert _reported(nlp, with_object) == []


def test_reported_clause_ends_before_the_speakers_second_verb_of_saying(nlp):
    body = (
        "Labour Minister Chan Sophal spoke on Friday. He noted that the Senate did not approve the "
        "treaty, and mentioned a possible appeal to the Constitutional Council."
    )
    assert _reported(nlp, body)[-1][0] == "the Senate did not approve the treaty"
    shared = "Inspector Mao Rith said officers had inspected the site and found no evidence of abuse."
    assert _reported(nlp, shared)[0][0] == "officers had inspected the site and found no evidence of abuse"


def test_reported_clause_ends_with_a_partial_quote_and_its_full_stop(nlp):
    """A sentence-final partial quote closes after its full stop: the clause keeps the quote whole
    (it was cut into before, and dropped), and the quoted words are the speaker's."""
    body = 'According to union leader Ath Thorn, factory owners ignored the rules and "simply ignored the inspectors."'
    ex = extract(nlp(body))
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in ex.quotes] == [
        ("indirect", 'factory owners ignored the rules and "simply ignored the inspectors."', "Ath Thorn"),
        ("direct", "simply ignored the inspectors.", "Ath Thorn"),
    ]
