"""The one schema source: every table, column and key is declared once and fully described."""

from __future__ import annotations

import pytest

from newsclaims.schema import TABLES, TABLES_BY_NAME

REQUIRED = {
    "articles": {
        "id",
        "title",
        "publication",
        "url",
        "published_date",
        "byline",
        "body",
        "paragraph_count",
        "word_count",
        "source_file",
        "source_sha256",
    },
    "people": {"id", "name", "aliases"},
    "organisations": {"id", "name", "acronym", "aliases", "type", "parent_id"},
    "affiliations": {"id", "person_id", "organisation_id", "role", "article_id"},
    "article_people": {"article_id", "person_id", "mentions"},
    "article_organisations": {"article_id", "organisation_id", "mentions"},
    "quotes": {
        "id",
        "article_id",
        "kind",
        "text",
        "speaker_person_id",
        "speaker_organisation_id",
        "speaker_text",
        "cue",
        "paragraph",
        "start",
        "end",
    },
    "figures": {
        "id",
        "article_id",
        "text",
        "value",
        "value_max",
        "qualifier",
        "unit",
        "claimant_person_id",
        "claimant_organisation_id",
        "quote_id",
        "start",
        "end",
    },
}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_schema_keeps_public_columns(name):
    assert REQUIRED[name] <= set(TABLES_BY_NAME[name].column_names)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_schema_every_column_described(table):
    assert table.description
    for column in table.columns:
        assert len(column.description) > 10, f"{table.name}.{column.name} needs a description"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_schema_foreign_keys_point_at_primary_keys(table):
    for column, other, other_column in table.foreign_keys:
        assert column in table.column_names
        assert TABLES_BY_NAME[other].primary_key == (other_column,)


def test_schema_tables_ordered_so_references_come_first():
    seen: set[str] = set()
    for table in TABLES:
        for _, other, _ in table.foreign_keys:
            assert other in seen or other == table.name, f"{table.name} references {other} before it exists"
        seen.add(table.name)


def test_schema_primary_keys_are_not_nullable():
    for table in TABLES:
        for column in table.columns:
            if column.name in table.primary_key:
                assert not column.nullable
