"""Resolving article-local records to dataset rows with stable ids."""

from __future__ import annotations

import pytest

from newsclaims.resolve import resolve, slug
from tests.records_factory import BODY_ONE, pairs


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Sao Chhoeuth", "sao-chhoeuth", id="ascii"),
        pytest.param("Nguyễn Văn Tâm", "nguyen-van-tam", id="vietnamese"),
        pytest.param("Đỗ Thu Trang", "do-thu-trang", id="d-stroke"),
        pytest.param("Teresita Ocampo-Niño", "teresita-ocampo-nino", id="hyphen-tilde"),
        pytest.param(
            "Chaktomuk Women’s Health Coalition", "chaktomuk-women-s-health-coalition", id="apostrophe"
        ),
    ],
)
def test_slug_folds_to_ascii(name, expected):
    assert slug(name) == expected


def test_slug_of_unfoldable_script_is_a_stable_hash():
    assert slug("សៅ ឈឿត") == slug("សៅ ឈឿត")
    assert slug("សៅ ឈឿត").startswith("x") and len(slug("សៅ ឈឿត")) == 13


def test_resolve_same_person_across_articles_is_one_row():
    rows = resolve(pairs())
    assert [p.id for p in rows.people] == ["lina-mor"]
    assert rows.people[0].aliases == ("Mor",)
    assert {(r.article_id, r.person_id) for r in rows.article_people} == {
        (a.id, "lina-mor") for a, _ in pairs()
    }


def test_resolve_organisation_keeps_acronym_and_type():
    rows = resolve(pairs())
    (org,) = rows.organisations
    assert (org.id, org.acronym, org.type) == ("harbour-rights-group", "HRG", "ngo")
    assert "HRG" in org.aliases


def test_resolve_quote_and_figure_ids_derive_from_article_and_offset():
    rows = resolve(pairs())
    first = pairs()[0][0]
    quote = next(q for q in rows.quotes if q.article_id == first.id)
    assert quote.id == f"{first.id}-q{BODY_ONE.index('We found')}"
    assert quote.speaker_person_id == "lina-mor"
    linked = next(f for f in rows.figures if f.quote_id)
    assert linked.quote_id in {q.id for q in rows.quotes}
    assert linked.claimant_person_id == "lina-mor"


def test_resolve_adding_an_article_changes_no_existing_id():
    alone = resolve(pairs()[:1])
    both = resolve(pairs())
    for table in ("quotes", "figures", "people", "organisations", "affiliations"):
        before = {r.id for r in getattr(alone, table)}
        after = {r.id for r in getattr(both, table)}
        assert before <= after, table


def test_resolve_affiliation_links_role_to_organisation():
    rows = resolve(pairs())
    (aff,) = rows.affiliations
    assert (aff.person_id, aff.organisation_id, aff.role) == ("lina-mor", "harbour-rights-group", "director")
