"""Word lists for extraction, read once from ``newsclaims/rules/*.txt`` and passed to the patterns.

Lists live in text files (one entry a line, ``#`` comments) so that linguists can extend them
without touching code; ``load_rules`` parses them into one frozen value the caller threads through.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Rules:
    """The word lists extraction uses; every set is lower-case unless its name says otherwise."""

    reporting_verbs: frozenset[str]
    person_titles: frozenset[str]
    role_nouns: frozenset[str]
    org_keywords: dict[str, str]  # Capitalised keyword -> organisation type
    org_nouns: dict[str, str]  # lower-case common noun (phrase) -> organisation type
    document_nouns: frozenset[str]
    gender_cues: dict[str, str]  # word -> "m" | "f"
    place_words: frozenset[str]  # Capitalised
    locative_prepositions: frozenset[str]
    non_names: frozenset[str]  # Capitalised
    kin_nouns: frozenset[str]
    law_words: frozenset[str]  # Capitalised


def _lines(name: str) -> list[str]:
    text = resources.files("newsclaims.rules").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _pairs(name: str) -> dict[str, str]:
    pairs = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        pairs[key.strip()] = value.strip()
    return pairs


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read every word list of ``newsclaims/rules`` (cached: the files are read once per process)."""
    return Rules(
        reporting_verbs=frozenset(w.lower() for w in _lines("reporting_verbs.txt")),
        person_titles=frozenset(w.lower() for w in _lines("person_titles.txt")),
        role_nouns=frozenset(w.lower() for w in _lines("role_nouns.txt")),
        org_keywords=_pairs("org_keywords.txt"),
        org_nouns={k.lower(): v for k, v in _pairs("org_nouns.txt").items()},
        document_nouns=frozenset(w.lower() for w in _lines("document_nouns.txt")),
        gender_cues={k.lower(): v for k, v in _pairs("gender_cues.txt").items()},
        place_words=frozenset(_lines("place_words.txt")),
        locative_prepositions=frozenset(w.lower() for w in _lines("locative_prepositions.txt")),
        non_names=frozenset(_lines("non_names.txt")),
        kin_nouns=frozenset(w.lower() for w in _lines("kin_nouns.txt")),
        law_words=frozenset(_lines("law_words.txt")),
    )
