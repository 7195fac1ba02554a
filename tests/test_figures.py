"""Figure extraction: sentence -> figures tables, exclusions, span properties, and the shared gold."""

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path

import pytest

from newsclaims.evaluate import PredictedFigure, figure_matches, leaks_into
from newsclaims.extract.base.rules import load_rules
from newsclaims.extract.figures.figures import find_figures
from newsclaims.extract.figures.numbers import fraction_value, parse_number_words, read_number

# (text, value, value_max, qualifier, unit)
FIGURE_CASES = [
    pytest.param(
        "She worked 12-hour shifts at the checkpoint.",
        [("12-hour shifts", 12, None, None, "hours")],
        id="worked-hours-not-availability",
    ),
    pytest.param(
        "The trainees said they worked 14-hour days in the plant.",
        [("14-hour days", 14, None, None, "hours")],
        id="worked-days-not-availability",
    ),
    pytest.param(
        "The judge ordered a fine of P3 million.",
        [("P3 million", 3000000, None, None, "PHP")],
        id="peso-letter-sign",
    ),
    pytest.param(
        "The family paid a broker VNĐ60 million.",
        [("VNĐ60 million", 60000000, None, None, "VND")],
        id="vietnamese-dong-sign",
    ),
    pytest.param(
        "Each trip earns the gang more than half a billion rupiah.",
        [("more than half a billion rupiah", 500000000, None, "more than", "IDR")],
        id="half-a-billion",
    ),
    pytest.param(
        "Doctors say the first 72 hours decide whether a victim talks.",
        [("72 hours", 72, None, None, "hours")],
        id="first-hours-is-a-claim",
    ),
    pytest.param(
        "Investigators opened at least 35 cases against brokers.",
        [("at least 35 cases", 35, None, "at least", "cases")],
        id="qualified-count",
    ),
    pytest.param(
        "The shelter now houses 2,300 children.",
        [("2,300 children", 2300, None, None, "children")],
        id="count",
    ),
    pytest.param(
        "Nine Burmese fishermen escaped from the vessel.",
        [("Nine Burmese fishermen", 9, None, None, "Burmese fishermen")],
        id="word-count-with-adjective",
    ),
    pytest.param(
        "The charity raised $1.8 million for the project.",
        [("$1.8 million", 1_800_000, None, None, "USD")],
        id="dollar-sign-scale",
    ),
    pytest.param(
        "She sent home 900 riyals and borrowed 40,000 Ugandan shillings.",
        [("900 riyals", 900, None, None, "SAR"), ("40,000 Ugandan shillings", 40000, None, None, "UGX")],
        id="gulf-and-east-african-currency-names",
    ),
    pytest.param("The farm paid him ¥800 a day.", [("¥800 a day", 800, None, None, "JPY")], id="yen-sign"),
    pytest.param(
        "Each family paid RM4,500 to the agent.", [("RM4,500", 4500, None, None, "MYR")], id="ringgit-prefix"
    ),
    pytest.param(
        "The bank lent them 3.5 billion riels.", [("3.5 billion riels", 3.5e9, None, None, "KHR")], id="riels"
    ),
    pytest.param(
        "He borrowed roughly 90 million dong from relatives.",
        [("roughly 90 million dong", 90_000_000, None, "roughly", "VND")],
        id="dong-qualified",
    ),
    pytest.param(
        "She was promised 20,000 pesos but received nothing.",
        [("20,000 pesos", 20000, None, None, "PHP")],
        id="pesos",
    ),
    pytest.param("The fine was set at €40,000.", [("€40,000", 40000, None, None, "EUR")], id="euro-sign"),
    pytest.param(
        "A broker asked for 8,000 baht up front and later said the debt was 30,000.",
        [("8,000 baht", 8000, None, None, "THB"), ("30,000", 30000, None, None, "THB")],
        id="bare-amount-inherits-currency",
    ),
    pytest.param(
        "Cleaners earn $180 a month, well below the minimum.",
        [("$180 a month", 180, None, None, "USD")],
        id="money-rate",
    ),
    pytest.param(
        "The loan carries 5 percent a month in interest.",
        [("5 percent a month", 5, None, None, "percent")],
        id="percent-rate",
    ),
    pytest.param(
        "Nearly 62 percent of those interviewed were women.",
        [("Nearly 62 percent", 62, None, "nearly", "percent")],
        id="percent-qualified",
    ),
    pytest.param("Turnover fell by 8% this quarter.", [("8%", 8, None, None, "percent")], id="percent-sign"),
    pytest.param(
        "Almost half of the recruits had no contract.",
        [("Almost half", 50, None, "almost", "percent")],
        id="half",
    ),
    pytest.param(
        "A quarter of the boats had no licence.", [("A quarter", 25, None, None, "percent")], id="quarter"
    ),
    pytest.param(
        "Two-thirds of the victims were girls.",
        [("Two-thirds", 66.7, None, None, "percent")],
        id="two-thirds",
    ),
    pytest.param(
        "Roughly one in five migrants said they had been cheated.",
        [("Roughly one in five migrants", 20, None, "roughly", "percent")],
        id="one-in-n",
    ),
    pytest.param(
        "Officials seized two dozen passports.",
        [("two dozen passports", 24, None, None, "passports")],
        id="dozen",
    ),
    pytest.param(
        "Inspectors visited about a dozen brick kilns.",
        [("about a dozen brick kilns", 12, None, "about", "brick kilns")],
        id="a-dozen",
    ),
    pytest.param(
        "Between 200 and 300 labourers were housed in the camp.",
        [("Between 200 and 300 labourers", 200, 300, "between", "labourers")],
        id="between-range",
    ),
    pytest.param(
        "Most of the crew were aged 17-22.", [("17-22", 17, 22, None, "years old")], id="hyphen-range-age"
    ),
    pytest.param(
        "The debt grew to 6 million or 7 million kip.",
        [("6 million or 7 million kip", 6_000_000, 7_000_000, None, "LAK")],
        id="or-range-money",
    ),
    pytest.param(
        "They were held for five or six weeks.",
        [("five or six weeks", 5, 6, None, "weeks")],
        id="or-range-duration",
    ),
    pytest.param(
        "Staff worked 14-hour days in the kitchen.",
        [("14-hour days", 14, None, None, "hours")],
        id="hyphen-duration",
    ),
    pytest.param(
        "The recruiter received a six-year sentence.",
        [("six-year", 6, None, None, "years")],
        id="hyphen-duration-words",
    ),
    pytest.param(
        "Each victim was awarded ₱300,000 in damages.",
        [("₱300,000", 300000, None, None, "PHP")],
        id="peso-sign",
    ),
    pytest.param(
        "A 19-year-old cook was among those freed.",
        [("19-year-old", 19, None, None, "years old")],
        id="year-old",
    ),
    pytest.param(
        "Sokha Pich, 52, runs the clinic.", [("52", 52, None, None, "years old")], id="age-after-name"
    ),
    pytest.param(
        "Her daughter, Srey Mom, now 19, lives in Bangkok.",
        [("19", 19, None, None, "years old")],
        id="age-now",
    ),
    pytest.param(
        "Some recruits were as young as 14.",
        [("as young as 14", 14, None, "as young as", "years old")],
        id="as-young-as",
    ),
    pytest.param(
        "The boy was only 13 years old.", [("13 years old", 13, None, None, "years old")], id="years-old"
    ),
    pytest.param(
        "Anyone who is under 16 must be sent home.",
        [("under 16", 16, None, "under", "years old")],
        id="under-age",
    ),
    pytest.param(
        "Twelve days later she was released.", [("Twelve days", 12, None, None, "days")], id="duration-words"
    ),
    pytest.param(
        "The inquiry lasted more than a year.",
        [("more than a year", 1, None, "more than", "years")],
        id="more-than-a-year",
    ),
    pytest.param(
        "He has campaigned for over 20 years.",
        [("over 20 years", 20, None, "over", "years")],
        id="over-years",
    ),
    pytest.param(
        "Vessels of over 60 gross tonnes need a tracker.",
        [("over 60 gross tonnes", 60, None, "over", "gross tonnes")],
        id="quantity",
    ),
    pytest.param(
        "Fees may be no more than $900 per worker.",
        [("no more than $900", 900, None, "no more than", "USD")],
        id="no-more-than",
    ),
    pytest.param(
        "Agents charged up to $2,000 a year.",
        [("up to $2,000 a year", 2000, None, "up to", "USD")],
        id="up-to-rate",
    ),
    pytest.param(
        "The union says it represents 3,100 of the garment workers.",
        [("3,100 of the garment workers", 3100, None, None, "garment workers")],
        id="partitive-the",
    ),
    pytest.param(
        "The court heard that 150 loggers were unpaid and that police held the papers of about 40 of them.",
        [("150 loggers", 150, None, None, "loggers"), ("about 40", 40, None, "about", "loggers")],
        id="partitive-pronoun",
    ),
    pytest.param(
        "Police found 75 women at the site, and four dozen of them were under age.",
        [("75 women", 75, None, None, "women"), ("four dozen", 48, None, None, "women")],
        id="dozen-of-them",
    ),
    pytest.param(
        "The company dismissed more than 900 of its contract workers.",
        [("more than 900", 900, None, "more than", "contract workers")],
        id="partitive-possessive",
    ),
    pytest.param(
        "Some 400 households were evicted.",
        [("Some 400 households", 400, None, "some", "households")],
        id="some-qualifier",
    ),
    pytest.param(
        "An estimated 12,000 migrants crossed the river.",
        [("estimated 12,000 migrants", 12000, None, "estimated", "migrants")],
        id="estimated",
    ),
    pytest.param(
        "The network freed 600 people last year and 850 this year.",
        [("600 people", 600, None, None, "people"), ("850", 850, None, None, "people")],
        id="elliptical-count",
    ),
    pytest.param(
        "Three Thai trawler operators appealed.",
        [("Three Thai trawler operators", 3, None, None, "Thai trawler operators")],
        id="compound-unit",
    ),
]

EXCLUSION_CASES = [
    pytest.param("The law was passed in 2013 and amended in 2019.", id="years"),
    pytest.param("Arrests have risen since 2021.", id="since-year"),
    pytest.param("He was charged under Section 26(2) of the act.", id="sub-section-number"),
    pytest.param("A 2015 regulation requires contracts.", id="year-as-modifier"),
    pytest.param("The hearing is set for April 23.", id="month-day"),
    pytest.param("The raid took place on 9 November 2022.", id="day-month-year"),
    pytest.param("Results were published on 2021-06-30.", id="iso-date"),
    pytest.param("The boat left in January 2020.", id="month-year"),
    pytest.param("The shift began at 6:45 and ended at 11pm.", id="times"),
    pytest.param("She was the second witness and the 4th to testify.", id="ordinals"),
    pytest.param("Call the hotline on 023 881 440 for help.", id="phone-number"),
    pytest.param("Complaints go to the helpline on 01782-445566 all week.", id="phone-number-leading-zero"),
    pytest.param(
        "The plan serves Goal 8.7 and Target 16.2 of the global agenda.", id="goal-and-target-numbers"
    ),
    pytest.param("The country was moved down to Tier 3 in the ranking.", id="tier-number"),
    pytest.param("Text the word HELP to 0812 3456 from any network.", id="short-code-leading-zero"),
    pytest.param("Under Article 12 of the labour code, Section 4 applies.", id="article-numbers"),
    pytest.param("Cases rose last year and fell this month.", id="calendar-expressions"),
    pytest.param("One of the guards said the doors were locked.", id="one-of-pronoun"),
    pytest.param("A worker and a man were questioned, and one woman was freed.", id="articles-and-one"),
    pytest.param("The youngest was taken to a shelter.", id="youngest"),
    pytest.param("Details are at www.example.org/report2020 online.", id="url"),
    pytest.param("Flight QZ8501 and the COVID-19 rules were discussed.", id="codes"),
    pytest.param("Violence peaked in the 1990s.", id="decade"),
    pytest.param("The first half of the season was quiet.", id="first-half"),
    pytest.param("Exports rose in the first eight months of the year.", id="period-of-the-year"),
    pytest.param("She moved up to P5 at the village school.", id="grade-not-pesos"),
    pytest.param("Dozens of workers and hundreds of families were affected.", id="vague-plurals"),
    pytest.param("The charity runs a 24-hour helpline for migrant workers.", id="availability-helpline"),
    pytest.param("Volunteers staff a seven-day legal aid desk in the port.", id="availability-desk"),
    pytest.param("Soldiers man a 24-hour checkpoint on the road.", id="availability-checkpoint"),
]


def _figure_tuples(nlp, sentence: str) -> list[tuple]:
    return [(f.text, f.value, f.value_max, f.qualifier, f.unit) for f in find_figures(nlp(sentence))]


@pytest.mark.parametrize(("sentence", "expected"), FIGURE_CASES)
def test_find_figures_reads_figure(nlp, sentence: str, expected: list[tuple]) -> None:
    assert _figure_tuples(nlp, sentence) == expected


@pytest.mark.parametrize("sentence", EXCLUSION_CASES)
def test_find_figures_skips_non_figure(nlp, sentence: str) -> None:
    assert _figure_tuples(nlp, sentence) == []


def test_find_figures_leaves_claimant_unset(nlp) -> None:
    figures = find_figures(nlp("The ministry said 40 agencies were fined."))
    assert [(f.claimant, f.quote_index) for f in figures] == [(None, None)]


PARAGRAPHS = (
    "Police said 48 women were freed on May 2, 2021, and about 30 of them were under 18.\n\n"
    "The agency, which has worked since 2011, charged 1.5 million riels, or 375 dollars, a fee "
    "that rose to 2 million. Nearly a third of the families borrowed between 4 and 6 million riels."
)


def test_find_figures_spans_match_text_and_do_not_overlap(nlp) -> None:
    figures = find_figures(nlp(PARAGRAPHS))
    assert figures
    assert all(PARAGRAPHS[f.start : f.end] == f.text for f in figures)
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param(["seventy-two"], (72, 1), id="hyphenated"),
        pytest.param(["one", "hundred", "and", "five", "people"], (105, 4), id="hundred-and"),
        pytest.param(["a", "dozen"], (12, 2), id="a-dozen"),
        pytest.param(["three", "million", "and"], (3_000_000, 2), id="trailing-and"),
        pytest.param(["Sixteen"], (16, 1), id="capitalised"),
        pytest.param(["several"], None, id="not-a-number"),
    ],
)
def test_parse_number_words_reads_value(words: list[str], expected) -> None:
    assert parse_number_words(words, load_rules()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("7,250 workers", (7250, 5, False), id="thousands-comma"),
        pytest.param("2.5bn", (2_500_000_000, 5, False), id="glued-scale"),
        pytest.param("4 million riels", (4_000_000, 9, False), id="scale-word"),
        pytest.param("five dozen", (60, 10, True), id="words"),
    ],
)
def test_read_number_reads_value_and_end(text: str, expected) -> None:
    assert read_number(text, 0, load_rules()) == expected


def test_fraction_value_rounds_to_one_decimal() -> None:
    assert (fraction_value(1, 3), fraction_value(2, 3), fraction_value(1, 8)) == (33.3, 66.7, 12.5)


# --------------------------------------------------------------------------- shared gold


def _paragraphs(raw: str, name: str) -> list[str]:
    """Body paragraphs of a raw fixture, approximately as the readers produce them."""
    if name.endswith(".html"):
        article = re.search(r"<article.*?</article>", raw, re.S)
        blocks = re.findall(r"<p\b.*?</p>", article.group() if article else raw, re.S)
        blocks = [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]
    elif name.startswith("wrapped"):
        blocks = re.split(r"\n[ \t]*\n[ \t]*\n+", raw)
    else:
        blocks = re.split(r"\n[ \t]*\n", raw)
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _gold_body(gold: dict, raw_path: Path) -> str:
    """The span from body_starts_with to body_ends_with of the decoded raw file."""
    encoding = "cp1252" if raw_path.name.startswith("cp1252") else "utf-8"
    raw = raw_path.read_bytes().decode(encoding).replace("\r\n", "\n")
    text = "\n\n".join(_paragraphs(raw, raw_path.name))

    def loose(words: str) -> str:
        return r"\s+".join(map(re.escape, words.split()))

    start = re.search(loose(gold["article"]["body_starts_with"]), text)
    ends = list(re.finditer(loose(gold["article"]["body_ends_with"]), text))
    assert start and ends, f"{raw_path.name}: body bounds not found"
    return text[start.start() : ends[-1].end()]


def _matched(predicted: list[PredictedFigure], gold: list[dict]) -> int:
    """Greedy one-to-one matches of predicted against required gold figures."""
    free = [g for g in gold if not g.get("optional")]
    hits = 0
    for figure in predicted:
        match = next((g for g in free if figure_matches(figure, g)), None)
        if match is not None:
            free.remove(match)
            hits += 1
    return hits


@pytest.mark.shared
def test_find_figures_scores_on_shared_gold(nlp, shared_dir: Path) -> None:
    tp = fp = fn = 0
    leaks: list[str] = []
    for gold_path in sorted((shared_dir / "eval").glob("*/*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = _gold_body(gold, gold_path.parent / gold["raw_file"])
        predicted = [PredictedFigure(f.text, f.value, f.value_max, f.unit) for f in find_figures(nlp(body))]
        figures = gold["figures"]
        spurious = [p for p in predicted if not any(figure_matches(p, g) for g in figures)]
        hits = _matched(predicted, figures)
        tp += hits
        fp += len(spurious)
        fn += sum(1 for g in figures if not g.get("optional")) - hits
        leaks += [
            f"{gold['raw_file']}: {p.text}"
            for p in spurious
            for must_not in gold.get("figures_that_must_not_appear", [])
            if leaks_into(p.text, must_not)
        ]
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert not leaks
    assert f1 >= 0.9, f"figure F1 {f1:.3f} (tp={tp} fp={fp} fn={fn})"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "In India each family paid Rs 3 lakh to the broker.",
            [("Rs 3 lakh", 300_000, None, None, "INR")],
            id="lakh",
        ),
        pytest.param(
            "The traders in Nepal owed Rs 1.5 crore to the bank.",
            [("Rs 1.5 crore", 15_000_000, None, None, "NPR")],
            id="crore-nepali-rupees",
        ),
        pytest.param(
            "Workers from Pakistan were charged 250,000 rupees each.",
            [("250,000 rupees", 250_000, None, None, "PKR")],
            id="rupees-of-the-story-country",
        ),
    ],
)
def test_find_figures_south_asian_money(nlp, sentence: str, expected: list[tuple]) -> None:
    assert _figure_tuples(nlp, sentence) == expected
