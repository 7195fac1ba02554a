"""Canned queries: the questions researchers start from, published as Datasette canned queries.

Each is ``name -> (title, description, SQL)``; named ``:parameters`` become form fields. The SQL
reads the tables and views ``store`` creates; ``publish`` puts them into ``metadata.yml``.
"""

from __future__ import annotations

# The search query ranks every match but joins and renders only the best ones: with a word that
# matches 17,765 of 1.5 million quotes it took 214-304 ms a page (a thousand rows of HTML), 68-76 ms
# now; the search requests of bench/serve_load.py 58 ms on average, 24 ms now. The quotes table's
# own search pages through every match.
SEARCH_BEST = 100

# Canned queries: name -> (title, description, SQL). Named :parameters become form fields.
# The SQL is always the definition; for the STORED ones (no parameters, counts over the whole
# corpus) ``store`` runs it when the database is built and the published query reads the result.
QUERIES: dict[str, tuple[str, str, str]] = {
    "search_quotes": (
        "Search quotes",
        f"Full-text search over quote text and speaker words (stemmed: 'trafficking' also finds 'trafficked'): "
        f"the {SEARCH_BEST} best matches, best first, with speaker and article. To page through every match, "
        "search the quotes table (its search box, or ?_search=).",
        f"""
with hits as (
  select quotes_fts.rowid as quote_rowid, bm25(quotes_fts) as score
  from quotes_fts
  where trim(:q) != '' and quotes_fts match escape_fts(:q)
),
best as (
  select hits.quote_rowid, hits.score, quotes.id
  from hits
  join quotes on quotes.rowid = hits.quote_rowid
  order by hits.score, quotes.id
  limit {SEARCH_BEST}
)
select
  quotes.text as quote,
  quotes.kind,
  coalesce(people.name, organisations.name) as speaker,
  articles.title as article_title,
  articles.publication,
  articles.published_date,
  quotes.article_id,
  quotes.speaker_person_id,
  quotes.speaker_organisation_id,
  quotes.id as quote_id
from best
join quotes on quotes.rowid = best.quote_rowid
join articles on articles.id = quotes.article_id
left join people on people.id = quotes.speaker_person_id
left join organisations on organisations.id = quotes.speaker_organisation_id
order by best.score, best.id
""",
    ),
    "person_quotes": (
        "Everything one person said",
        "All quotes attributed to one person, given their id, name or any alias (case-insensitive), "
        "in article date order.",
        """
select
  people.name as speaker,
  quotes.text as quote,
  quotes.kind,
  quotes.cue,
  articles.title as article_title,
  articles.publication,
  articles.published_date,
  quotes.article_id,
  quotes.speaker_person_id,
  quotes.id as quote_id
from quotes
join people on people.id = quotes.speaker_person_id
join articles on articles.id = quotes.article_id
where quotes.speaker_person_id in (
  select id from people where id = :person
  union
  select id from people
  where not exists (select 1 from people where id = :person)
    and (name like :person
      or exists (select 1 from json_each(people.aliases) where json_each.value like :person))
)
order by articles.published_date, quotes.article_id, quotes.start
""",
    ),
    "organisation_quotes": (
        "Everything one organisation said",
        "Quotes attributed to an organisation or to people holding a role in it, given its id, name, "
        "acronym or alias (case-insensitive).",
        """
with org as (
  select id from organisations
  where id = :organisation
    or name like :organisation
    or acronym like :organisation
    or exists (select 1 from json_each(organisations.aliases) where json_each.value like :organisation)
)
select
  organisations.name as organisation,
  coalesce(people.name, organisations.name) as speaker,
  quotes.text as quote,
  quotes.kind,
  articles.title as article_title,
  articles.published_date,
  quotes.article_id,
  quotes.speaker_person_id,
  quotes.speaker_organisation_id,
  quotes.id as quote_id
from quotes
join articles on articles.id = quotes.article_id
left join people on people.id = quotes.speaker_person_id
join organisations on organisations.id in (
  select quotes.speaker_organisation_id
  union
  select affiliations.organisation_id from affiliations
  where affiliations.person_id = quotes.speaker_person_id
    and affiliations.article_id = quotes.article_id
)
where organisations.id in (select id from org)
order by articles.published_date, quotes.article_id, quotes.start
""",
    ),
    "figures_with_claimants": (
        "Figures with their claimants",
        "Every figure (counts, money, percentages, ages) with who claims it and the quote around it.",
        """
select
  figures.text as figure,
  figures.value,
  figures.value_max,
  figures.qualifier,
  figures.unit,
  coalesce(people.name, organisations.name) as claimant,
  case when people.id is not null then 'person'
       when organisations.id is not null then 'organisation' end as claimant_type,
  quotes.text as quote,
  articles.title as article_title,
  figures.article_id,
  figures.claimant_person_id,
  figures.claimant_organisation_id,
  figures.id as figure_id
from figures
join articles on articles.id = figures.article_id
left join people on people.id = figures.claimant_person_id
left join organisations on organisations.id = figures.claimant_organisation_id
left join quotes on quotes.id = figures.quote_id
order by articles.published_date, figures.article_id, figures.start
""",
    ),
    "organisation_activity": (
        "Organisation activity",
        "Organisations with how many articles mention them, quotes they (or their people) gave, "
        "figures they claim and people holding roles in them; most quoted first.",
        """
with
org_articles as (
  select organisation_id, count(*) as n from article_organisations group by organisation_id
),
-- a quote counts for an organisation once, whether it speaks itself or through a person holding
-- a role in it in that article (union drops the double)
org_quotes as (
  select organisation_id, count(*) as n from (
    select id, speaker_organisation_id as organisation_id from quotes
    where speaker_organisation_id is not null
    union
    select q.id, a.organisation_id from quotes q
    join affiliations a on a.person_id = q.speaker_person_id and a.article_id = q.article_id
    where a.organisation_id is not null
  ) group by organisation_id
),
org_figures as (
  select organisation_id, count(*) as n from (
    select id, claimant_organisation_id as organisation_id from figures
    where claimant_organisation_id is not null
    union
    select f.id, a.organisation_id from figures f
    join affiliations a on a.person_id = f.claimant_person_id and a.article_id = f.article_id
    where a.organisation_id is not null
  ) group by organisation_id
),
org_people as (
  select organisation_id, count(distinct person_id) as n from affiliations
  where organisation_id is not null group by organisation_id
)
select
  organisations.id as organisation_id,
  organisations.name,
  organisations.acronym,
  organisations.type,
  coalesce(org_articles.n, 0) as articles,
  coalesce(org_quotes.n, 0) as quotes,
  coalesce(org_figures.n, 0) as figures,
  coalesce(org_people.n, 0) as people
from organisations
left join org_articles on org_articles.organisation_id = organisations.id
left join org_quotes on org_quotes.organisation_id = organisations.id
left join org_figures on org_figures.organisation_id = organisations.id
left join org_people on org_people.organisation_id = organisations.id
order by quotes desc, articles desc, organisations.name
""",
    ),
    "people_with_roles": (
        "People with their roles",
        "Each person with every role and organisation the articles give them, and how often they "
        "are mentioned and quoted.",
        """
select
  people.id as person_id,
  people.name,
  (select group_concat(role_at, '; ') from (
    select distinct coalesce(a.role, '?') || coalesce(' (' || o.name || ')', '') as role_at
    from affiliations a left join organisations o on o.id = a.organisation_id
    where a.person_id = people.id order by role_at)) as roles,
  (select count(*) from article_people ap where ap.person_id = people.id) as articles,
  (select count(*) from quotes q where q.speaker_person_id = people.id) as quotes,
  (select count(*) from figures f where f.claimant_person_id = people.id) as figures
from people
order by quotes desc, articles desc, people.name
""",
    ),
    "figures_by_organisation_type": (
        "Figures by type of claimant",
        "How many figures each kind of organisation claims (directly or through people holding a "
        "role in it), in how many articles, by how many claimants and in which units; 'reporter' "
        "means no one is credited.",
        """
with claimed as (
  select
    figures.id,
    figures.article_id,
    figures.unit,
    coalesce(figures.claimant_person_id, figures.claimant_organisation_id) as claimant_id,
    coalesce(
      claimant_org.type,
      (select o.type from affiliations a join organisations o on o.id = a.organisation_id
        where a.person_id = figures.claimant_person_id and a.article_id = figures.article_id
        order by o.type limit 1),
      case when figures.claimant_person_id is not null then 'person (no organisation)' else 'reporter' end
    ) as claimant_type
  from figures
  left join organisations claimant_org on claimant_org.id = figures.claimant_organisation_id
)
select
  claimant_type,
  count(*) as figures,
  count(distinct article_id) as articles,
  count(distinct claimant_id) as claimants,
  (select group_concat(unit, ', ') from (
    select distinct c2.unit from claimed c2
    where c2.claimant_type = claimed.claimant_type and c2.unit is not null order by c2.unit)) as units
from claimed
group by claimant_type
order by figures desc, claimant_type
""",
    ),
    "article_quotes": (
        "Quotes in one article",
        "Every quote of one article (by id) in reading order, with its speaker.",
        """
select
  quotes.paragraph,
  quotes.kind,
  quotes.text as quote,
  coalesce(people.name, organisations.name) as speaker,
  quotes.cue,
  quotes.speaker_person_id,
  quotes.speaker_organisation_id,
  quotes.id as quote_id,
  quotes.article_id
from quotes
left join people on people.id = quotes.speaker_person_id
left join organisations on organisations.id = quotes.speaker_organisation_id
where quotes.article_id = :article
order by quotes.start
""",
    ),
}

# Whole-corpus summaries: each is a GROUP BY (or a count per row) over every quote, figure and
# affiliation, about a second per query on a 100k-article database and run again by every visitor.
# The published database never changes, so the build stores each result once (``store``) in the
# hidden table ``stored_query_table(name)``, rows in the query's order, and the canned query reads it.
STORED: tuple[str, ...] = ("organisation_activity", "people_with_roles", "figures_by_organisation_type")


def stored_query_table(name: str) -> str:
    """The hidden table holding the stored result of canned query ``name``."""
    return f"summary_{name}"


def published_sql(name: str) -> str:
    """The SQL Datasette runs for canned query ``name``: its definition, or its stored result."""
    if name in STORED:
        return f"select * from {stored_query_table(name)} order by rowid"
    return QUERIES[name][2].strip()
