"""Publications named in a body are media organisations, never people or other bodies."""

from __future__ import annotations

import pytest

from newsclaims.extract.pipeline import extract


@pytest.mark.parametrize(
    ("body", "masthead"),
    [
        pytest.param(
            "The Andaman Coast Weekly reported that the broker had left the country.",
            "Andaman Coast Weekly",
            id="weekly-as-subject",
        ),
        pytest.param(
            '"They kept our passports," Rosa Lim told the Visayas Courier on Monday.',
            "Visayas Courier",
            id="told-the-courier",
        ),
        pytest.param(
            "The Pokhara Sentinel said 18 men were missing after the raid.",
            "Pokhara Sentinel",
            id="sentinel-says",
        ),
        pytest.param(
            "The case was first reported by the Surabaya Chronicle in March.",
            "Surabaya Chronicle",
            id="reported-by-chronicle",
        ),
        pytest.param(
            '"We will close the compounds," Governor Som Rith told the Kampot Observer.',
            "Kampot Observer",
            id="told-the-observer",
        ),
    ],
)
def test_media_mastheads_are_media_not_people(nlp, body, masthead):
    ex = extract(nlp(body))
    assert masthead not in {p.name for p in ex.people}
    assert {o.name: o.type for o in ex.organisations}.get(masthead) == "media"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            'The Mindanao Post said wages were withheld. "I was never paid," a cook told the Post.',
            id="told-the-post",
        ),
        pytest.param(
            "The Mindanao Post said wages were withheld, according to the Post's own records team.",
            id="according-to-the-post",
        ),
    ],
)
def test_media_short_masthead_is_alias_of_full_name(nlp, body):
    ex = extract(nlp(body))
    media = [o for o in ex.organisations if o.type == "media"]
    assert [o.name for o in media] == ["Mindanao Post"]


def test_media_keyword_inside_company_name_stays_company(nlp):
    ex = extract(nlp("Staff of Golden Star Manpower Co., Ltd. said they were owed three months of wages."))
    assert {o.type for o in ex.organisations if "Golden Star Manpower" in o.name} == {"company"}
