"""What a researcher sees first of each table or view: its facets and its sort order.

One source for three consumers: ``publish`` writes them into the Datasette metadata, ``store``
indexes the columns and stores the unfiltered facet counts (served by plugins/counted_facets.py),
and the tests keep the indexes in step.
"""

from __future__ import annotations

# The hidden table holding each facet's unfiltered counts (written by store, read by the plugin).
FACET_COUNTS = "facet_counts"

FACETS: dict[str, tuple[str, ...]] = {
    "articles": ("publication",),
    "organisations": ("type",),
    "affiliations": ("organisation_id",),
    "quotes": ("kind", "speaker_person_id", "speaker_organisation_id"),
    "figures": ("unit", "qualifier"),
    "quotes_with_speakers": ("kind", "speaker_type", "publication"),
    "figure_claims": ("unit", "claimant_type"),
    "people_roles": ("organisation_type",),
}
SORT: dict[str, tuple[str, str]] = {
    "articles": ("sort_desc", "published_date"),
    "people": ("sort", "name"),
    "organisations": ("sort", "name"),
    "affiliations": ("sort", "person_id"),
    "article_people": ("sort_desc", "mentions"),
    "article_organisations": ("sort_desc", "mentions"),
    "quotes": ("sort", "article_id"),
    "figures": ("sort", "article_id"),
    "quotes_with_speakers": ("sort_desc", "published_date"),
    "figure_claims": ("sort", "article_id"),
    "people_roles": ("sort", "person"),
}
