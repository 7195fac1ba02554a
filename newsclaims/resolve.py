"""Resolving: article-local extraction records to dataset rows with stable, content-derived ids.

A person or organisation is keyed by a slug of its canonical name (ASCII-folded, lower-case), so
the same name in two articles is one row, and adding an article never changes an existing id.
Quote and figure ids are the article id plus the start offset: stable while the text is.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .records import Article, EntityRef, Extraction
from .schema import (
    AffiliationRow,
    ArticleOrganisationRow,
    ArticlePersonRow,
    ArticleRow,
    FigureRow,
    OrganisationRow,
    PersonRow,
    QuoteRow,
)

# Letters NFKD does not decompose into a base letter plus marks.
_FOLD = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE"}
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """ASCII slug of a name: ``"Nguyễn Văn Tâm"`` -> ``"nguyen-van-tam"``.

    Names in scripts that fold to nothing (Khmer, Thai...) get a short hash instead, so every
    name has an id and the same name always gets the same one.
    """
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    s = _NON_ALNUM.sub("-", ascii_only).strip("-")
    return s or "x" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Rows:
    """Every table's rows for the whole dataset, ready for ``store`` and ``package``."""

    articles: tuple[ArticleRow, ...]
    people: tuple[PersonRow, ...]
    organisations: tuple[OrganisationRow, ...]
    affiliations: tuple[AffiliationRow, ...]
    article_people: tuple[ArticlePersonRow, ...]
    article_organisations: tuple[ArticleOrganisationRow, ...]
    quotes: tuple[QuoteRow, ...]
    figures: tuple[FigureRow, ...]

    def by_table(self) -> dict[str, tuple]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _canonical(forms: Counter) -> str:
    """The most informative spelling among forms sharing a slug: diacritics kept, then most used."""
    return sorted(forms, key=lambda f: (-sum(ord(c) > 127 for c in f), -forms[f], f))[0]


class _Entities:
    """Collects names per slug across articles and settles one canonical row per slug."""

    def __init__(self) -> None:
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.aliases: dict[str, set[str]] = defaultdict(set)

    def add(self, name: str, aliases: Iterable[str] = ()) -> str:
        key = slug(name)
        self.forms[key][name] += 1
        self.aliases[key].update(aliases)
        return key

    def names(self, key: str) -> tuple[str, tuple[str, ...]]:
        name = _canonical(self.forms[key])
        others = (set(self.forms[key]) | self.aliases[key]) - {name}
        return name, tuple(sorted(others))


def article_row(article: Article) -> ArticleRow:
    return ArticleRow(
        id=article.id,
        title=article.title,
        publication=article.publication,
        url=article.url,
        published_date=article.published_date,
        byline=article.byline,
        body=article.body,
        paragraph_count=article.paragraph_count,
        word_count=article.word_count,
        source_file=article.source_file,
        source_sha256=article.source_sha256,
        raw_format=article.raw_format,
    )


def resolve(items: Iterable[tuple[Article, Extraction]]) -> Rows:
    """Turn each article with its extraction into dataset rows; entities merge across articles by slug."""
    people = _Entities()
    orgs = _Entities()
    org_types: dict[str, Counter] = defaultdict(Counter)
    org_acronyms: dict[str, Counter] = defaultdict(Counter)
    org_parents: dict[str, Counter] = defaultdict(Counter)
    articles: list[ArticleRow] = []
    affiliations: dict[str, AffiliationRow] = {}
    article_people: dict[tuple[str, str], int] = Counter()
    article_orgs: dict[tuple[str, str], int] = Counter()
    quotes: list[QuoteRow] = []
    figures: list[FigureRow] = []

    for article, extraction in items:
        aid = article.id
        articles.append(article_row(article))
        org_key = {}
        for org in extraction.organisations:
            key = orgs.add(org.name, org.aliases + ((org.acronym,) if org.acronym else ()))
            org_key[org.name] = key
            org_types[key][org.type] += 1
            if org.acronym:
                org_acronyms[key][org.acronym] += 1
            article_orgs[(aid, key)] += org.mentions
        for org in extraction.organisations:
            if org.parent and org.parent in org_key and org.parent != org.name:
                org_parents[org_key[org.name]][org_key[org.parent]] += 1
        person_key = {}
        for person in extraction.people:
            key = people.add(person.name, person.aliases)
            person_key[person.name] = key
            article_people[(aid, key)] += person.mentions
            if person.role or person.organisation:
                oid = org_key.get(person.organisation) if person.organisation else None
                aff_id = f"{aid}:{key}:{oid or '-'}"
                affiliations[aff_id] = AffiliationRow(aff_id, key, oid, person.role, aid)

        quote_ids: list[str] = []
        for q in extraction.quotes:
            qid = f"{aid}-q{q.start}"
            quote_ids.append(qid)
            pid, oid = _ref(q.speaker, person_key, org_key)
            quotes.append(
                QuoteRow(
                    qid, aid, q.kind, q.text, pid, oid, q.speaker_text, q.cue, q.paragraph, q.start, q.end
                )
            )
        for f in extraction.figures:
            pid, oid = _ref(f.claimant, person_key, org_key)
            qid = quote_ids[f.quote_index] if f.quote_index is not None else None
            figures.append(
                FigureRow(
                    f"{aid}-f{f.start}",
                    aid,
                    f.text,
                    f.value,
                    f.value_max,
                    f.qualifier,
                    f.unit,
                    pid,
                    oid,
                    qid,
                    f.start,
                    f.end,
                )
            )

    person_rows = tuple(PersonRow(key, *people.names(key)) for key in people.forms)
    org_rows = []
    for key in orgs.forms:
        name, aliases = orgs.names(key)
        acronym = _most_common(org_acronyms[key])
        parent = _most_common(org_parents[key])
        org_rows.append(
            OrganisationRow(key, name, acronym, aliases, _most_common(org_types[key]) or "other", parent)
        )
    return Rows(
        articles=tuple(articles),
        people=person_rows,
        organisations=tuple(org_rows),
        affiliations=tuple(affiliations.values()),
        article_people=tuple(ArticlePersonRow(a, p, n) for (a, p), n in article_people.items()),
        article_organisations=tuple(ArticleOrganisationRow(a, o, n) for (a, o), n in article_orgs.items()),
        quotes=tuple(_unique(quotes)),
        figures=tuple(_unique(figures)),
    )


def _ref(
    entity: EntityRef | None, person_key: dict[str, str], org_key: dict[str, str]
) -> tuple[str | None, str | None]:
    """(person id, organisation id) of a speaker or claimant; an unknown name links to nothing."""
    if entity is None:
        return None, None
    if entity.kind == "person":
        return person_key.get(entity.name), None
    return None, org_key.get(entity.name)


def _most_common(counter: Counter) -> str | None:
    """Most frequent value, ties broken alphabetically, so the choice never depends on input order."""
    if not counter:
        return None
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _unique(rows: list) -> list:
    """Drop rows whose id repeats (two candidates at one offset): the first wins."""
    seen: set[str] = set()
    out = []
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            out.append(row)
    return out
