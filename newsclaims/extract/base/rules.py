"""Every word list extraction reads, in one frozen ``Rules`` value read once from ``newsclaims/rules``.

Lists live in data files so that linguists can extend them without touching code; ``load_rules``
parses them into one value the caller threads through (``rules`` parameters, ``index.rules``,
``context.rules``). Only entry points call ``load_rules()``: ``pipeline.extract``,
``figures.find_figures`` and the callers outside extraction; no module keeps a list of its own.

Where a list lives:

- ``rules/<field>.txt``, one file per open-class list (nouns, verbs, abbreviations, number words,
  names): one entry a line, lines starting ``#`` are comments (each file opens with what the list
  is for). Pairs are ``key<TAB>value`` (``dict[str, str]``, or ``dict[str, int]`` for number
  words); their order is kept, and it matters where a file says so (regex alternation order).
- ``rules/function_words.toml``: the small closed-class sets (determiners, pronouns,
  prepositions, conjunctions, clitics, forms of "be", and sets mixing them with punctuation
  tokens), one key per field, each with a comment.

The file stem (or TOML key) is the field name; ``tests/test_rules.py`` checks that every file is
read into a field and no field is empty. Punctuation and orthography (quote marks, dashes, money
signs) are no word lists: they are constants in ``base/marks.py``, and parse labels in
``base/labels.py``. Sets are kept verbatim (case as written) unless the field's comment says the
loader lower-cases them.

``Rules`` compares and hashes by identity (``eq=False``): it holds dicts, so a value-based hash
would fail, and per-``Rules`` caches (``figures.figure_patterns``) key on the one loaded value.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, eq=False)
class Rules:
    """The word lists extraction uses; every set is lower-case unless its comment says otherwise."""

    # Shared by several layers
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
    street_words: frozenset[str]  # Capitalised

    # Names (names/): chunking capitalised runs, titles, mononyms, organisation name joins
    age_leads: frozenset[str]
    age_closers: frozenset[str]
    name_remark_lemmas: frozenset[str]
    name_remark_cues: frozenset[str]
    name_nouns: frozenset[str]
    possessive_clitics: frozenset[str]
    person_relatives: frozenset[str]
    possessive_determiners: frozenset[str]
    demonym_leads: frozenset[str]
    at_connectors: frozenset[str]
    inner_connectors: frozenset[str]
    and_connectors: frozenset[str]
    of_connectors: frozenset[str]
    possessives: frozenset[str]
    possessive_name_words: frozenset[str]
    role_leads: frozenset[str]
    patronymic_particles: frozenset[str]
    burmese_honorifics: frozenset[str]
    number_abbreviations: frozenset[str]
    title_function_words: frozenset[str]
    arabic_articles: frozenset[str]
    name_particles: frozenset[str]
    subordinate_ranks: frozenset[str]
    office_nouns: frozenset[str]
    head_connectors: frozenset[str]
    indefinite_articles: frozenset[str]
    place_list_gaps: tuple[tuple[str, ...], ...]
    role_prepositions: frozenset[str]
    chain_gap_words: frozenset[str]
    title_links: frozenset[str]
    org_list_gaps: tuple[tuple[str, ...], ...]
    org_list_closers: tuple[tuple[str, ...], ...]
    purpose_connectors: frozenset[str]
    range_openers: frozenset[str]
    pseudonym_cues: frozenset[str]
    org_member_prepositions: frozenset[str]
    org_name_connectors: frozenset[str]
    demonstrative_determiners: frozenset[str]

    # Entities (entities/): affiliations, media mastheads, organisation nouns
    lead_verbs: frozenset[str]
    short_media_heads: frozenset[str]
    org_definite_determiners: frozenset[str]
    parent_org_gaps: tuple[tuple[str, ...], ...]
    alias_leads: tuple[tuple[str, ...], ...]

    # Quotes (quotes/): direct quotes, fragments, reported speech
    naming_verbs: frozenset[str]
    accusing_verbs: frozenset[str]
    listener_verbs: frozenset[str]
    adding_lemmas: frozenset[str]
    so_called: tuple[str, ...]
    title_small_words: frozenset[str]
    leading_skip: frozenset[str]
    quoting_prepositions: frozenset[str]
    saying_continuations: frozenset[str]
    circumstance_nouns: frozenset[str]
    clause_document_nouns: frozenset[str]
    request_verbs: frozenset[str]  # a lemma, or 'lemma preposition'
    non_speaker_labels: frozenset[str]  # lower case
    plain_saying_lemmas: frozenset[str]
    time_conjunctions: frozenset[str]
    contrast_conjunctions: frozenset[str]
    speaker_prepositions: frozenset[str]

    # Speakers (speakers/): attribution and resolution of speaker words
    rank_abbreviations: dict[str, str]
    introducing_determiners: frozenset[str]
    speaker_definite_determiners: frozenset[str]
    spokespeople: frozenset[str]
    body_voices: frozenset[str]
    recipient_prepositions: frozenset[str]
    body_prepositions: frozenset[str]
    person_pronouns: dict[str, str]
    org_pronouns: frozenset[str]
    gender_pronouns: dict[str, str]
    agent_preps: frozenset[str]
    person_nouns: frozenset[str]
    role_org_types: dict[str, str]
    relative_pronouns: frozenset[str]
    relative_speakers: frozenset[str]
    issuing_verbs: frozenset[str]
    age_words: frozenset[str]

    # Pipeline (pipeline.py): which candidate quotes are kept
    finding_cues: frozenset[str]
    generic_speakers: frozenset[str]

    # Figures (figures/): numbers, units, currencies and the numbers that are no claims
    currency_symbols: dict[str, str]  # form written before an amount -> ISO 4217 code (case-sensitive)
    currency_names: dict[str, str]  # lower-case name written after an amount -> ISO 4217 code
    figure_label_words: frozenset[str]
    figure_date_words: frozenset[str]
    figure_availability_nouns: frozenset[str]
    figure_qualifiers: frozenset[str]
    unit_time: dict[str, str]  # singular -> plural
    unit_plural_invariant: frozenset[str]
    shared_currency_names: dict[str, dict[str, tuple[str, ...]]]  # shared code -> country code -> cue words
    period_words: frozenset[str]
    fraction_blockers: frozenset[str]
    be_forms: frozenset[str]
    age_qualifiers: frozenset[str]
    count_heads: frozenset[str]
    person_subjects: frozenset[str]
    years_per_unit: dict[str, int]
    number_units: dict[str, int]
    number_tens: dict[str, int]
    number_scales: dict[str, int]
    scale_suffixes: dict[str, int]
    denominators: dict[str, int]
    measure_units: frozenset[str]
    half_denominators: frozenset[str]
    age_bound_qualifiers: frozenset[str]
    partitive_definite_determiners: frozenset[str]


def _text(name: str) -> str:
    return resources.files("newsclaims.rules").joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    """Entries of ``rules/<name>``: stripped, blank lines and ``#`` comment lines skipped."""
    return [line.strip() for line in _text(name).splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(_lines(name))


def _ordered(name: str) -> tuple[str, ...]:
    return tuple(_lines(name))


def _pairs(name: str) -> dict[str, str]:
    pairs = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        pairs[key.strip()] = value.strip()
    return pairs


def _numbers(name: str) -> dict[str, int]:
    return {key: int(value) for key, value in _pairs(name).items()}


def _shared_names(name: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """``shared<TAB>code<TAB>word<TAB>…`` lines -> {shared: {code: words}}, in file order."""
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    for line in _lines(name):
        shared, code, *words = (part.strip() for part in line.split("\t"))
        table.setdefault(shared, {})[code] = tuple(words)
    return table


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read every word list of ``newsclaims/rules`` (cached: the files are read once per process)."""
    fw = tomllib.loads(_text("function_words.toml"))
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
        street_words=frozenset(_lines("street_words.txt")),
        age_leads=frozenset(fw["age_leads"]),
        age_closers=frozenset(fw["age_closers"]),
        name_remark_lemmas=_words("name_remark_lemmas.txt"),
        name_remark_cues=_words("name_remark_cues.txt"),
        name_nouns=_words("name_nouns.txt"),
        possessive_clitics=frozenset(fw["possessive_clitics"]),
        person_relatives=frozenset(fw["person_relatives"]),
        possessive_determiners=frozenset(fw["possessive_determiners"]),
        demonym_leads=frozenset(fw["demonym_leads"]),
        at_connectors=frozenset(fw["at_connectors"]),
        inner_connectors=frozenset(fw["inner_connectors"]),
        and_connectors=frozenset(fw["and_connectors"]),
        of_connectors=frozenset(fw["of_connectors"]),
        possessives=frozenset(fw["possessives"]),
        possessive_name_words=_words("possessive_name_words.txt"),
        role_leads=frozenset(fw["role_leads"]),
        patronymic_particles=_words("patronymic_particles.txt"),
        burmese_honorifics=_words("burmese_honorifics.txt"),
        number_abbreviations=_words("number_abbreviations.txt"),
        title_function_words=frozenset(fw["title_function_words"]),
        arabic_articles=_words("arabic_articles.txt"),
        name_particles=_words("name_particles.txt"),
        subordinate_ranks=_words("subordinate_ranks.txt"),
        office_nouns=_words("office_nouns.txt"),
        head_connectors=frozenset(fw["head_connectors"]),
        indefinite_articles=frozenset(fw["indefinite_articles"]),
        place_list_gaps=tuple(tuple(gap) for gap in fw["place_list_gaps"]),
        role_prepositions=frozenset(fw["role_prepositions"]),
        chain_gap_words=frozenset(fw["chain_gap_words"]),
        title_links=frozenset(fw["title_links"]),
        lead_verbs=_words("lead_verbs.txt"),
        short_media_heads=_words("short_media_heads.txt"),
        org_definite_determiners=frozenset(fw["org_definite_determiners"]),
        naming_verbs=_words("naming_verbs.txt"),
        accusing_verbs=_words("accusing_verbs.txt"),
        listener_verbs=_words("listener_verbs.txt"),
        adding_lemmas=_words("adding_lemmas.txt"),
        so_called=_ordered("so_called.txt"),
        title_small_words=frozenset(fw["title_small_words"]),
        leading_skip=frozenset(fw["leading_skip"]),
        quoting_prepositions=frozenset(fw["quoting_prepositions"]),
        saying_continuations=frozenset(fw["saying_continuations"]),
        circumstance_nouns=_words("circumstance_nouns.txt"),
        rank_abbreviations=_pairs("rank_abbreviations.txt"),
        introducing_determiners=frozenset(fw["introducing_determiners"]),
        speaker_definite_determiners=frozenset(fw["speaker_definite_determiners"]),
        spokespeople=_words("spokespeople.txt"),
        body_voices=_words("body_voices.txt"),
        recipient_prepositions=frozenset(fw["recipient_prepositions"]),
        body_prepositions=frozenset(fw["body_prepositions"]),
        person_pronouns=dict(fw["person_pronouns"]),
        org_pronouns=frozenset(fw["org_pronouns"]),
        gender_pronouns=dict(fw["gender_pronouns"]),
        agent_preps=frozenset(fw["agent_preps"]),
        person_nouns=_words("person_nouns.txt"),
        role_org_types=_pairs("role_org_types.txt"),
        relative_pronouns=frozenset(fw["relative_pronouns"]),
        relative_speakers=frozenset(fw["relative_speakers"]),
        issuing_verbs=_words("issuing_verbs.txt"),
        finding_cues=_words("finding_cues.txt"),
        generic_speakers=_words("generic_speakers.txt"),
        currency_symbols=_pairs("currency_symbols.txt"),
        currency_names={k.lower(): v for k, v in _pairs("currency_names.txt").items()},
        figure_label_words=_words("figure_label_words.txt"),
        figure_date_words=_words("figure_date_words.txt"),
        figure_availability_nouns=_words("figure_availability_nouns.txt"),
        figure_qualifiers=_words("figure_qualifiers.txt"),
        unit_time=_pairs("unit_time.txt"),
        unit_plural_invariant=_words("unit_plural_invariant.txt"),
        shared_currency_names=_shared_names("shared_currency_names.txt"),
        period_words=_words("period_words.txt"),
        fraction_blockers=frozenset(fw["fraction_blockers"]),
        be_forms=frozenset(fw["be_forms"]),
        age_qualifiers=_words("age_qualifiers.txt"),
        count_heads=_words("count_heads.txt"),
        person_subjects=frozenset(fw["person_subjects"]),
        years_per_unit=_numbers("years_per_unit.txt"),
        number_units=_numbers("number_units.txt"),
        number_tens=_numbers("number_tens.txt"),
        number_scales=_numbers("number_scales.txt"),
        scale_suffixes=_numbers("scale_suffixes.txt"),
        denominators=_numbers("denominators.txt"),
        measure_units=_words("measure_units.txt"),
        org_list_gaps=tuple(tuple(gap) for gap in fw["org_list_gaps"]),
        org_list_closers=tuple(tuple(gap) for gap in fw["org_list_closers"]),
        purpose_connectors=frozenset(fw["purpose_connectors"]),
        range_openers=frozenset(fw["range_openers"]),
        clause_document_nouns=_words("clause_document_nouns.txt"),
        request_verbs=_words("request_verbs.txt"),
        non_speaker_labels=frozenset(w.lower() for w in _lines("non_speaker_labels.txt")),
        parent_org_gaps=tuple(tuple(gap) for gap in fw["parent_org_gaps"]),
        alias_leads=tuple(tuple(gap) for gap in fw["alias_leads"]),
        pseudonym_cues=frozenset(fw["pseudonym_cues"]),
        org_member_prepositions=frozenset(fw["org_member_prepositions"]),
        org_name_connectors=frozenset(fw["org_name_connectors"]),
        demonstrative_determiners=frozenset(fw["demonstrative_determiners"]),
        plain_saying_lemmas=frozenset(fw["plain_saying_lemmas"]),
        time_conjunctions=frozenset(fw["time_conjunctions"]),
        contrast_conjunctions=frozenset(fw["contrast_conjunctions"]),
        speaker_prepositions=frozenset(fw["speaker_prepositions"]),
        age_words=frozenset(fw["age_words"]),
        half_denominators=frozenset(fw["half_denominators"]),
        age_bound_qualifiers=frozenset(fw["age_bound_qualifiers"]),
        partitive_definite_determiners=frozenset(fw["partitive_definite_determiners"]),
    )
