"""Scoring against gold annotations: each protocol rule on tiny hand-made cases, the SQLite adapter
on a real database, and a perfect prediction built from the shared gold files."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsclaims.errors import GoldError, NewsClaimsError
from newsclaims.evaluate import (
    ArticleScore,
    Counts,
    PredictedFigure,
    PredictedQuote,
    Prediction,
    Report,
    evaluate,
    figure_matches,
    find_gold_files,
    format_report,
    leaks_into,
    load_gold,
    normalise,
    predictions_from_db,
    quotes_match,
    score_article,
    speaker_right,
)
from newsclaims.schema import TABLES

EVAL_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"
TINY_GOLD = EVAL_FIXTURES / "tiny-article.gold.json"
TINY_BODY = (
    "A new shelter opened in the port in 2019 for workers who say they were “saved” by police, "
    "and the shelter has room for 40 people, the Harbour Aid Network said.\n\n"
    "Mara Vell, its director, was blunt. “If workers come to us, we will help them,” she said."
)


def _gold(**parts: Any) -> dict[str, Any]:
    """A minimal gold dict: empty lists unless given."""
    gold: dict[str, Any] = {
        "raw_file": "a.txt",
        "article": {},
        "quotes": [],
        "people": [],
        "organisations": [],
        "figures": [],
    }
    gold.update(parts)
    return gold


def _prediction(**parts: Any) -> Prediction:
    fields: dict[str, Any] = {"raw_file": "a.txt", "title": None, "publication": None, "body": ""}
    fields.update(parts)
    return Prediction(**fields)


def _score(gold: dict[str, Any], **parts: Any) -> ArticleScore:
    """Score a prediction made of ``parts`` (see ``_prediction``) against ``gold``."""
    return score_article(_prediction(**parts), gold)


def _said(text: str, *speaker: str, kind: str = "direct") -> PredictedQuote:
    """A predicted quote; ``speaker`` is every name of its speaker (none: no speaker)."""
    return PredictedQuote(text, kind, speaker)


def _quote(text: str, speaker: str = "Sao Chhoeuth", kind: str = "direct", **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "speaker": speaker, "speaker_type": "person", "text": text, **extra}


def _entity(name: str, *aliases: str, **extra: Any) -> dict[str, Any]:
    """A gold person or organisation."""
    return {"name": name, "aliases": list(aliases), **extra}


def _figure(
    text: str, value: float, unit: str, value_max: float | None = None, **extra: Any
) -> dict[str, Any]:
    return {"text": text, "value": value, "value_max": value_max, "unit": unit, **extra}


def _write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _tiny_gold_json() -> dict[str, Any]:
    """The tiny gold file as plain JSON, unchecked, to be broken by a test."""
    return json.loads(TINY_GOLD.read_text(encoding="utf-8"))


def _perfect(gold: dict[str, Any]) -> Prediction:
    """What a flawless extraction of a gold file would put in the dataset."""
    article = gold["article"]

    def names(entity: dict[str, Any]) -> tuple[str, ...]:
        return (entity["name"], *entity.get("aliases", []))

    return Prediction(
        raw_file=gold["raw_file"],
        title=article["title"],
        publication=article["publication"],
        body=f"{article['body_starts_with']} …\n\n… {article['body_ends_with']}",
        quotes=tuple(PredictedQuote(q["text"], q["kind"], (q["speaker"],)) for q in gold["quotes"]),
        people=tuple(names(p) for p in gold["people"]),
        organisations=tuple(names(o) for o in gold["organisations"]),
        figures=tuple(
            PredictedFigure(f["text"], f["value"], f["value_max"], f["unit"]) for f in gold["figures"]
        ),
        paragraph_count=article["paragraph_count"],
    )


# --------------------------------------------------------------------------- Counts


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        pytest.param(Counts(tp=3, fp=1, fn=1), 0.75, 0.75, 0.75, id="ordinary"),
        pytest.param(Counts(), 1.0, 1.0, 1.0, id="nothing-to-find-nothing-found"),
        pytest.param(Counts(fn=4), 1.0, 0.0, 0.0, id="nothing-predicted"),
        pytest.param(Counts(fp=2), 0.0, 1.0, 0.0, id="nothing-to-find"),
        pytest.param(Counts(fp=2, fn=2), 0.0, 0.0, 0.0, id="all-wrong"),
    ],
)
def test_counts_ratios_guard_zero_division(
    counts: Counts, precision: float, recall: float, f1: float
) -> None:
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx((precision, recall, f1))


def test_counts_add_sums_each_field() -> None:
    assert Counts(1, 2, 3) + Counts(10, 20, 30) == Counts(11, 22, 33)


# --------------------------------------------------------------------------- quotes


def test_normalise_folds_marks_compatibility_forms_space_and_case() -> None:
    assert normalise("  “Women’s\u00a0 ﬁght”\n") == '"women\'s fight"'


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        pytest.param("one two", "one two three four", True, id="exactly-half-of-longer"),
        pytest.param("one", "one two three", False, id="below-half"),
        pytest.param("one two x y z", "one two", False, id="two-of-five"),
        pytest.param("one two three x y", "one two three", True, id="three-of-five"),
        pytest.param("the the the", "the cat sat on", False, id="multiset-counts-once"),
        pytest.param("", "", False, id="empty"),
    ],
)
def test_quotes_match_threshold_is_half_of_longer(predicted: str, gold: str, expected: bool) -> None:
    assert quotes_match(predicted, gold) is expected


def test_score_quotes_curly_and_straight_marks_match() -> None:
    gold = _gold(quotes=[_quote("We don’t call it “rescue” here")])
    assert _score(gold, quotes=(_said('We don\'t call it "rescue" here'),)).quotes == Counts(tp=1)


def test_score_quotes_pairs_one_to_one_best_overlap_first() -> None:
    # p0 prefers g0 (3/5) to g1 (3/6) but p1 matches g0 fully and nothing else: taking the best
    # overlap first (p1-g0) leaves p0-g1, where pairing p0 first would leave p1 unmatched.
    gold = _gold(quotes=[_quote("a b c d"), _quote("a e f g h i")])
    assert _score(gold, quotes=(_said("a b c e f"), _said("a b c d"))).quotes == Counts(tp=2)


def test_score_quotes_duplicate_prediction_is_a_false_positive() -> None:
    gold = _gold(quotes=[_quote("alpha beta gamma")])
    assert _score(gold, quotes=(_said("alpha beta gamma"),) * 2).quotes == Counts(tp=1, fp=1)


def test_score_quotes_direct_recall_counts_direct_gold_only() -> None:
    gold = _gold(quotes=[_quote("alpha beta", kind="direct"), _quote("gamma delta", kind="indirect")])
    score = _score(gold, quotes=(_said("gamma delta", kind="indirect"),))
    assert (score.quotes, score.direct) == (Counts(tp=1, fn=1), Counts(tp=0, fn=1))


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        pytest.param(("Chhoeuth",), ["Sao Chhoeuth"], True, id="predicted-suffix-of-gold"),
        pytest.param(("Sao Chhoeuth",), ["Chhoeuth"], True, id="gold-suffix-of-predicted"),
        pytest.param(("sao CHHOEUTH",), ["Sao Chhoeuth"], True, id="case-insensitive"),
        pytest.param(("Thorne",), ["Rebecca Thorne"], True, id="surname"),
        pytest.param(("orne",), ["Rebecca Thorne"], False, id="not-whole-word"),
        pytest.param(("Rebecca",), ["Rebecca Thorne"], False, id="prefix-is-not-suffix"),
        pytest.param(("Labour Ministry", "MoL"), ["MOL"], True, id="any-predicted-name"),
        pytest.param((), ["Sao Chhoeuth"], False, id="no-speaker"),
    ],
)
def test_speaker_right_equal_or_whole_word_suffix(
    predicted: tuple[str, ...], gold: list[str], expected: bool
) -> None:
    assert speaker_right(predicted, gold) is expected


def test_score_speaker_uses_gold_aliases_of_the_speaker() -> None:
    gold = _gold(
        quotes=[_quote("alpha beta gamma", speaker="Keo Sreyneang")],
        people=[_entity("Keo Sreyneang", "Sreynieng")],
    )
    score = _score(gold, quotes=(_said("alpha beta gamma", "K. Sreynieng"),))
    assert (score.speakers_right, score.speakers_total) == (1, 1)


def test_score_end_to_end_wrong_speaker_is_fp_and_fn() -> None:
    gold = _gold(quotes=[_quote("alpha beta"), _quote("gamma delta")])
    score = _score(gold, quotes=(_said("alpha beta", "Sao Chhoeuth"), _said("gamma delta", "Bun Rany")))
    assert (score.speakers_right, score.speakers_total, score.end_to_end) == (1, 2, Counts(tp=1, fp=1, fn=1))


# --------------------------------------------------------------------------- optional items


@pytest.mark.parametrize(
    "prediction",
    [
        pytest.param(
            _prediction(
                quotes=(_said("alpha beta", "Nobody"),),
                people=(("Ann Byline",),),
                organisations=(("the ledger",),),
                figures=(PredictedFigure("under 18", 18, None, "years old"),),
            ),
            id="matched-are-not-false-positives",
        ),
        pytest.param(_prediction(), id="absent-are-not-misses"),
    ],
)
def test_score_optional_items_are_neutral(prediction: Prediction) -> None:
    gold = _gold(
        quotes=[_quote("alpha beta", optional=True)],
        people=[_entity("Ann Byline", optional=True)],
        organisations=[_entity("The Ledger", optional=True)],
        figures=[_figure("under 18", 18, "years old", optional=True)],
    )
    score = score_article(prediction, gold)
    assert (score.quotes, score.end_to_end, score.speakers_total) == (Counts(), Counts(), 0)
    assert (score.people, score.organisations, score.figures) == (Counts(), Counts(), Counts())


# --------------------------------------------------------------------------- people and organisations


def test_score_entities_match_on_any_name_or_alias() -> None:
    gold = _gold(
        people=[_entity("Mao Sambath", "Sambath"), _entity("Rebecca Thorne")],
        organisations=[_entity("International Labour Organization", "ILO")],
    )
    score = _score(
        gold, people=(("SAMBATH",), ("Phan Vannak",)), organisations=(("Intl Labour Org.", "ILO"),)
    )
    assert (score.people, score.organisations) == (Counts(tp=1, fp=1, fn=1), Counts(tp=1))


def test_score_entities_split_person_leaves_one_false_positive() -> None:
    gold = _gold(people=[_entity("Keo Sreyneang", "Sreyneang", "Sreynieng")])
    people = (("Keo Sreyneang", "Sreyneang"), ("Sreynieng",))
    assert _score(gold, people=people).people == Counts(tp=1, fp=1)


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        pytest.param(
            PredictedFigure("forty", 40, None, "operation"),
            _figure("forty operations", 40, "operations"),
            True,
            id="unit-first-five-letters",
        ),
        pytest.param(
            PredictedFigure("12", 12, None, "women"),
            _figure("12 Cambodian women", 12, "Cambodian women"),
            True,
            id="unit-shares-one-word",
        ),
        pytest.param(
            PredictedFigure("one woman", 1, None, "woman"),
            _figure("one woman", 1, "women"),
            False,
            id="woman-is-not-women",
        ),
        pytest.param(
            PredictedFigure("aged 15 years", 15, None, None),
            _figure("aged 15 years", 15, "years old"),
            True,
            id="unit-word-in-predicted-text",
        ),
        pytest.param(
            PredictedFigure("$2.5 million", 2_500_000, None, None),
            _figure("$2.5 million", 2_500_000, "USD"),
            False,
            id="currency-needs-predicted-unit",
        ),
        pytest.param(
            PredictedFigure("a third", 33.33, None, "percent"),
            _figure("a third", 33.3, "percent"),
            True,
            id="value-rounding",
        ),
        pytest.param(
            PredictedFigure("84 women", 84, None, "women"),
            _figure("83 women", 83, "women"),
            False,
            id="other-value",
        ),
        pytest.param(
            PredictedFigure("between 30 and 40 raids", 30, 40, "raids"),
            _figure("between 30 and 40 raids", 30, "raids", value_max=40),
            True,
            id="range-same-max",
        ),
        pytest.param(
            PredictedFigure("between 30 and 40 raids", 30, None, "raids"),
            _figure("between 30 and 40 raids", 30, "raids", value_max=40),
            False,
            id="range-missing-max",
        ),
        pytest.param(
            PredictedFigure("between 30 and 45 raids", 30, 45, "raids"),
            _figure("between 30 and 40 raids", 30, "raids", value_max=40),
            False,
            id="range-other-max",
        ),
        pytest.param(
            PredictedFigure("30 raids", 30, 40, "raids"),
            _figure("30 raids", 30, "raids"),
            True,
            id="gold-without-max-ignores-predicted-max",
        ),
    ],
)
def test_figure_matches_value_max_and_unit(
    predicted: PredictedFigure, gold: dict[str, Any], expected: bool
) -> None:
    assert figure_matches(predicted, gold) is expected


# --------------------------------------------------------------------------- leaks


@pytest.mark.parametrize(
    ("predicted", "must_not", "expected"),
    [
        pytest.param("so-called rescue raids", "rescue", True, id="contains"),
        pytest.param("they were rescued", "rescue", False, id="not-inside-a-word"),
        pytest.param("12", "March 12", True, id="half-of-must-not"),
        pytest.param("12", "12 years in prison", False, id="small-piece-of-must-not"),
        pytest.param("12 years", "12 years in prison", True, id="half-piece-of-must-not"),
        pytest.param("Vannak", "Phan Vannak", True, id="surname-of-must-not"),
    ],
)
def test_leaks_into_whole_words_either_way(predicted: str, must_not: str, expected: bool) -> None:
    assert leaks_into(predicted, must_not) is expected


def test_score_leaks_flag_unmatched_items_once_each() -> None:
    gold = _gold(
        quotes=[_quote("the bureau carried out raids in 2008")],
        quotes_that_must_not_appear=["rescue", "rescue raids"],
        people_that_must_not_appear=["Phan Vannak"],
        organisations_that_must_not_appear=["Kampot Pearl Manpower"],
        figures_that_must_not_appear=["2008", "March 12"],
    )
    leaks = _score(
        gold,
        quotes=(
            _said("the bureau carried out raids in 2008", kind="indirect"),  # correct: no leak
            _said("rescue raids"),  # one leak, two must-nots
        ),
        people=(("Vannak",), ("Kampot Pearl Manpower",)),  # a teaser organisation taken for a person
        figures=(PredictedFigure("12", 12, None, None), PredictedFigure("2008", 2008, None, None)),
    ).leaks
    assert [leak.split()[0] for leak in leaks] == ["quote", "person", "person", "figure", "figure"]
    assert "'rescue', 'rescue raids'" in leaks[0]


def test_score_leaks_ignore_quote_matching_gold() -> None:
    gold = _gold(quotes=[_quote("alpha beta gamma delta")], quotes_that_must_not_appear=["rescue"])
    assert _score(gold, quotes=(_said("alpha beta gamma delta rescue"),)).leaks == ()


def test_score_leaks_ignore_names_and_figures_matching_gold() -> None:
    gold = _gold(
        people=[_entity("Dara")],
        people_that_must_not_appear=["Chhim Dara"],
        figures=[_figure("12 women", 12, "women")],
        figures_that_must_not_appear=["March 12"],
    )
    figures = (PredictedFigure("12", 12, None, "women"),)
    assert _score(gold, people=(("Dara",),), figures=figures).leaks == ()


# --------------------------------------------------------------------------- article checks


@pytest.mark.parametrize(
    ("parts", "failed"),
    [
        pytest.param(
            {
                "title": "Shelter  opens for rescued workers",
                "publication": "Test Ledger",
                "body": TINY_BODY.replace("in the port", "in the\nport"),
            },
            [],
            id="pass-after-whitespace-collapsing",
        ),
        pytest.param(
            {"title": None, "publication": "test ledger", "body": f"Subscribe now\n\n{TINY_BODY}"},
            ["title", "publication", "body_start", "no_boilerplate", "paragraph_count"],
            id="report-each-failure",
        ),
    ],
)
def test_score_article_checks_each_gold_key(parts: dict[str, Any], failed: list[str]) -> None:
    checks = _score(load_gold(TINY_GOLD), **parts).article_checks
    assert list(checks) == [
        "title",
        "publication",
        "body_start",
        "body_end",
        "no_boilerplate",
        "paragraph_count",
    ]
    assert [k for k, ok in checks.items() if not ok] == failed


@pytest.mark.parametrize(
    ("body", "start", "end", "expected"),
    [
        pytest.param(
            "Police raid bars.\n\nIt will stop.", "Police raid", "will stop.", (True, True), id="plain"
        ),
        pytest.param(
            "“Police raid,” he said. “It happened.”", "Police raid", "It happened.", (True, True), id="marks"
        ),
        pytest.param("Policemen raid. It unhappened.", "Police", "happened.", (False, False), id="mid-word"),
        pytest.param("Police raid.\n\nTeaser text", "Police raid", "raid.", (True, False), id="extra-end"),
    ],
)
def test_score_article_body_starts_and_ends_with_gold_words(
    body: str, start: str, end: str, expected: tuple[bool, bool]
) -> None:
    gold = _gold(article={"body_starts_with": start, "body_ends_with": end})
    checks = _score(gold, body=body).article_checks
    assert (checks["body_start"], checks["body_end"]) == expected


# --------------------------------------------------------------------------- gold files


def test_load_gold_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.gold.json"
    with pytest.raises(GoldError, match=r"nowhere\.gold\.json"):
        load_gold(missing)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{not json", "not valid JSON", id="bad-json"),
        pytest.param("[]", "JSON object", id="not-an-object"),
        pytest.param('{"raw_file": "a.txt"}', "missing key", id="missing-keys"),
        pytest.param(
            '{"raw_file": "a.txt", "article": {"title": "", "publication": "", "body_starts_with": "",'
            ' "body_ends_with": ""}, "quotes": [], "people": [], "organisations": [], "figures": [],'
            ' "figures_that_must_not_appear": "2008"}',
            "list of strings",
            id="must-not-not-a-list",
        ),
    ],
)
def test_load_gold_bad_content_names_file_and_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message) as caught:
        load_gold(path)
    assert caught.value.path == str(path)


def test_load_gold_missing_item_key_names_the_item(tmp_path: Path) -> None:
    gold = _tiny_gold_json()
    del gold["figures"][0]["value"]
    with pytest.raises(GoldError, match=r"figures\[0\]\.value"):
        load_gold(_write_json(tmp_path / "x.gold.json", gold))


def test_find_gold_files_walks_folders_and_sorts(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/z.gold.json", "a.gold.json", "b/article.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    explicit = tmp_path / "b" / "z.gold.json"
    assert find_gold_files([tmp_path, explicit]) == [tmp_path / "a.gold.json", explicit]


def test_find_gold_files_missing_path_names_it(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="absent-folder"):
        find_gold_files([tmp_path / "absent-folder"])


# --------------------------------------------------------------------------- database adapter


def _create_tables(con: sqlite3.Connection) -> None:
    """Empty tables with the schema's table and column names (types do not matter to sqlite3)."""
    for table in TABLES:
        con.execute(f"create table {table.name} ({', '.join(table.column_names)})")


def _insert(con: sqlite3.Connection, table: str, **row: Any) -> None:
    con.execute(
        f"insert into {table} ({', '.join(row)}) values ({', '.join('?' * len(row))})", tuple(row.values())
    )


@pytest.fixture
def tiny_db(tmp_path: Path) -> Path:
    """The tiny article as a build would store it, with entities linked in every possible way."""
    path = tmp_path / "tiny.db"
    con = sqlite3.connect(path)
    _create_tables(con)
    _insert(
        con,
        "articles",
        id="art1",
        title="Shelter opens for rescued workers",
        publication="Test Ledger",
        body=TINY_BODY,
        paragraph_count=2,
        source_file="port/tiny-article.txt",
    )
    _insert(
        con, "articles", id="art2", title="Other", publication=None, body="Other text.", source_file="b.txt"
    )
    _insert(con, "people", id="mara-vell", name="Mara Vell", aliases=json.dumps(["Vell"]))
    _insert(con, "people", id="oren-task", name="Oren Task", aliases="[]")
    _insert(con, "people", id="unlinked", name="Not In Article", aliases="[]")
    _insert(
        con,
        "organisations",
        id="han",
        name="Harbour Aid Network",
        acronym="HAN",
        aliases='["HAN", "the network"]',
    )
    _insert(con, "organisations", id="port-police", name="Port Police", acronym=None, aliases="[]")
    _insert(con, "article_people", article_id="art2", person_id="oren-task", mentions=1)
    _insert(
        con, "affiliations", id="a", person_id="mara-vell", organisation_id="port-police", article_id="art1"
    )
    _insert(
        con,
        "quotes",
        id="q1",
        article_id="art1",
        kind="direct",
        text="If workers come to us, we will help them",
        speaker_person_id="mara-vell",
    )
    _insert(con, "quotes", id="q2", article_id="art1", kind="direct", text="saved", speaker_person_id=None)
    _insert(
        con,
        "figures",
        id="f1",
        article_id="art1",
        text="40 people",
        value=40,
        value_max=None,
        unit="people",
        claimant_organisation_id="han",
    )
    con.commit()
    con.close()
    return path


def test_predictions_from_db_reads_articles_with_linked_entities(tiny_db: Path) -> None:
    predictions = predictions_from_db(tiny_db)
    assert sorted(predictions) == ["b.txt", "tiny-article.txt"]
    tiny = predictions["tiny-article.txt"]
    assert (tiny.title, tiny.publication, tiny.body, tiny.paragraph_count) == (
        "Shelter opens for rescued workers",
        "Test Ledger",
        TINY_BODY,
        2,
    )
    assert tiny.quotes == (
        PredictedQuote("If workers come to us, we will help them", "direct", ("Mara Vell", "Vell")),
        PredictedQuote("saved", "direct", ()),
    )
    assert tiny.people == (("Mara Vell", "Vell"),)
    assert tiny.organisations == (("Port Police",), ("Harbour Aid Network", "HAN", "the network"))
    assert tiny.figures == (PredictedFigure("40 people", 40.0, None, "people"),)
    assert predictions["b.txt"].people == (("Oren Task",),)


def test_predictions_from_db_missing_database_names_it(tmp_path: Path) -> None:
    with pytest.raises(NewsClaimsError, match=r"absent\.db"):
        predictions_from_db(tmp_path / "absent.db")


def test_evaluate_scores_gold_folder_against_db(tmp_path: Path, tiny_db: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shutil.copy(TINY_GOLD, gold_dir)
    report = evaluate([gold_dir], tiny_db)
    (score,) = report.articles
    assert (score.raw_file, score.quotes, score.speakers_right) == ("tiny-article.txt", Counts(tp=1, fp=1), 1)
    assert (score.people, score.organisations, score.figures) == (
        Counts(tp=1),
        Counts(tp=1, fp=1),
        Counts(tp=1),
    )
    assert score.leaks == ("quote 'saved' (must not: 'saved')",)
    assert all(score.article_checks.values())


def test_evaluate_gold_without_article_names_gold_and_raw_file(tmp_path: Path, tiny_db: Path) -> None:
    path = _write_json(tmp_path / "unbuilt.gold.json", {**_tiny_gold_json(), "raw_file": "unbuilt.txt"})
    with pytest.raises(GoldError, match=r"unbuilt\.gold\.json.*unbuilt\.txt"):
        evaluate([path], tiny_db)


# --------------------------------------------------------------------------- report


def test_format_report_lists_files_totals_leaks_and_failed_checks() -> None:
    gold = load_gold(TINY_GOLD)
    prediction = _perfect(gold)
    leaky = _prediction(raw_file="b.txt", title="Wrong", quotes=(_said("saved"),))
    report = Report((score_article(prediction, gold), score_article(leaky, {**gold, "raw_file": "b.txt"})))
    text = format_report(report)
    assert report.total("quotes") == Counts(tp=1, fp=1, fn=1)
    for expected in ("tiny-article.txt", "b.txt", "end-to-end", "speaker accuracy: 1.000 (1/1", "leaks: 1"):
        assert expected in text
    assert "b.txt: title, publication" in text
    assert text == report.format_text()


# --------------------------------------------------------------------------- shared gold


@pytest.mark.shared
def test_score_perfect_prediction_of_shared_gold_is_flawless(shared_dir: Path) -> None:
    paths = find_gold_files([shared_dir / "eval"])
    assert paths
    report = Report(tuple(score_article(_perfect(load_gold(p)), load_gold(p)) for p in paths))
    for a in report.articles:
        assert [a.quotes.f1, a.direct.recall, a.end_to_end.f1] == [1.0, 1.0, 1.0], a.raw_file
        assert [a.people.f1, a.organisations.f1, a.figures.f1] == [1.0, 1.0, 1.0], a.raw_file
        assert a.speakers_right == a.speakers_total
        assert all(a.article_checks.values()), a.raw_file
    assert report.leaks == ()


@pytest.mark.parametrize(
    ("predicted", "ok"),
    [
        pytest.param(None, True, id="none-stated-none-read"),
        pytest.param("Guessed Times", False, id="guessed-publication-fails"),
    ],
)
def test_score_article_null_gold_metadata_passes_only_when_not_guessed(
    predicted: str | None, ok: bool
) -> None:
    gold = _gold(article={"publication": None})
    assert _score(gold, publication=predicted).article_checks == {"publication": ok}
