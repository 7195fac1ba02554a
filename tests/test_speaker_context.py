"""Speakers found from the text around a quote: the subject of the sentence before a pronoun, a lead
speaker named in the next paragraph, a body's unnamed spokesperson, "recalls"."""

from __future__ import annotations

import pytest

from newsclaims.extract.pipeline import extract


def _speaker_of(nlp, body: str, quote: str) -> str | None:
    ex = extract(nlp(body))
    found = [q for q in ex.quotes if q.text == quote]
    assert found, [q.text for q in ex.quotes]
    return found[0].speaker.name if found[0].speaker else None


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        pytest.param(
            "Inspector Dara Keo said the firm's owner, Lim Chea, would be questioned next week.\n\n"
            "“We will find every worker,” he said.",
            "We will find every worker",
            "Dara Keo",
            id="pronoun-to-subject-not-to-person-in-reported-clause",
        ),
        pytest.param(
            "Sokha Mean, Rina's aunt, says the family borrowed money when Rina's brother fell ill.\n\n"
            "“We had nothing left,” she says.",
            "We had nothing left",
            "Sokha Mean",
            id="pronoun-to-subject-not-to-possessor",
        ),
        pytest.param(
            "Police freed 40 workers from a farm on Monday, a senior provincial police officer said.\n\n"
            "Colonel Pen Vibol, deputy chief of the Kampot Provincial Police, said the owner had fled.",
            "Police freed 40 workers from a farm on Monday",
            "Pen Vibol",
            id="lead-officer-named-next-paragraph",
        ),
        pytest.param(
            "Police freed 40 workers from a farm on Monday, the provincial police chief said.\n\n"
            "Major General Sar Vuth, chief of the Kampot Provincial Police, said the owner had fled.",
            "Police freed 40 workers from a farm on Monday",
            "Sar Vuth",
            id="lead-definite-role-named-next-paragraph",
        ),
        pytest.param(
            "A spokesperson for the Coastal Enforcement Directorate said 12 boats had been seized.",
            "12 boats had been seized",
            "Coastal Enforcement Directorate",
            id="unnamed-spokesperson-speaks-for-the-body",
        ),
        pytest.param(
            "Tun Aung, 34, worked on the boat for a year.\n\n"
            "“They beat us when the nets were empty,” he recalls.",
            "They beat us when the nets were empty",
            "Tun Aung",
            id="recalls-is-a-reporting-verb",
        ),
        pytest.param(
            "Officials at the Kampot Provincial Department of Social Affairs said 12 children were safe.",
            "12 children were safe",
            "Kampot Provincial Department of Social Affairs",
            id="plural-officials-speak-for-the-body",
        ),
        pytest.param(
            "Kampot provincial police chief Lt Gen Mao Sovan said two bars were shut.\n\n"
            "“Nobody will be spared,” the police chief said.",
            "Nobody will be spared",
            "Mao Sovan",
            id="role-before-rank-is-the-persons-role",
        ),
        pytest.param(
            "In a statement to Radio Nord, the Danish retailer Hemkop AG said it had stopped orders. "
            "“We do not accept forced labour,” the statement said.",
            "We do not accept forced labour",
            "Hemkop AG",
            id="statement-issuer-not-its-recipient",
        ),
    ],
)
def test_speaker_context_resolves(nlp, body: str, quote: str, speaker: str) -> None:
    assert _speaker_of(nlp, body, quote) == speaker


@pytest.mark.parametrize(
    ("body", "clause", "speaker"),
    [
        pytest.param(
            "A spokesperson for Green Bowl said the company would “look into any credible report”.",
            "the company would “look into any credible report”",
            "Green Bowl",
            id="company-clause-ending-in-partial-quote",
        ),
        pytest.param(
            'Prosecutor Jane Holt said the men had been "treated as cargo" for years.',
            'the men had been "treated as cargo" for years',
            "Jane Holt",
            id="person-clause-with-partial-quote-inside",
        ),
    ],
)
def test_speaker_context_reported_clause_keeps_its_partial_quote(
    nlp, body: str, clause: str, speaker: str
) -> None:
    ex = extract(nlp(body))
    found = [q for q in ex.quotes if q.kind == "indirect"]
    assert [q.text for q in found] == [clause]
    assert found[0].speaker is not None and found[0].speaker.name == speaker
