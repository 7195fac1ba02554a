"""Score an extraction against hand-made gold annotations (``/work/shared/eval/README.md``).

The core is pure: ``score_article`` compares one ``Prediction`` (what the dataset holds for one
article) with one gold dict and returns an ``ArticleScore`` of plain counts. Adapters sit at the
edges: ``load_gold`` / ``find_gold_files`` read gold files, ``predictions_from_db`` reads the built
SQLite database with plain ``sqlite3`` (so scoring does not depend on how the build writes it),
and ``evaluate`` ties them together. ``format_report`` renders the per-file and overall table.

Rules and the choices the protocol leaves open:

* **Text normalisation** (quotes, names, leak strings): Unicode NFKC, curly/low/prime quote
  marks to straight ones, whitespace collapsed, case-folded. Quote texts are then compared as
  multisets of word tokens (``\\w+`` runs, keeping in-word apostrophes: "women's").
* **Quotes** match when shared tokens >= half the longer token list. Pairs are made one to one,
  best first: highest share of the longer text, then most shared tokens, then a required gold
  quote before an optional one, then document order (so results never depend on set order).
  Kind (direct/indirect) does not affect matching; ``direct`` is the recall of required direct
  gold quotes by any predicted quote.
* **Optional gold items** take part in pairing (so a prediction that matches one is not an FP)
  but a pair with an optional item is neutral: no TP, no FP, and no speaker judgement.
* **Speakers** are judged on pairs with a required gold quote; ``speakers_right`` therefore equals
  the end-to-end TP, and a matched quote with a wrong (or no) speaker counts as one end-to-end
  FP and one end-to-end FN. Gold speaker names are the speaker plus the aliases of the gold
  person/organisation (of ``speaker_type``) so named. "Whole-word suffix" means the last word
  tokens of one name are all the tokens of the other ("Chhoeuth" ~ "Sao Chhoeuth", "Niño" ~
  "Ocampo-Niño", but not "orne" ~ "Thorne").
* **People / organisations / figures** are paired one to one by maximum bipartite matching,
  against required gold items first and then the leftovers against optional ones: a predicted
  entity split in two (or a figure found twice) leaves one FP, since one ``tp`` has to serve both
  precision and recall. Entity names compare normalised and case-folded. Figure values compare
  with ``abs_tol=0.05`` so a fraction written with different rounding ('a third' = 33.3 or 33.33)
  is the same value; a gold ``value_max`` must be matched, a null one is not checked. "Shares a
  word (first five letters)": some word of the gold unit and some word of the predicted unit or
  text agree on their first five letters ("operations" ~ "operation", "women" ~ "Cambodian
  women"; a word shorter than five letters must be equal).
* **Leaks** are checked per kind: ``quotes_that_must_not_appear`` against predicted quote texts,
  ``people_/organisations_that_must_not_appear`` against every predicted person or organisation
  name, acronym and alias (an organisation mislabelled as a person is still a leak), and
  ``figures_that_must_not_appear`` against predicted figure texts. Cross-kind checks would be
  wrong: "2008" is a must-not figure yet sits inside a correct gold quote. "Found in" is a
  contiguous run of whole word tokens (so "rescue" is not found in "rescued"), in either
  direction: the predicted text contains the must-not string, or the predicted text lies inside
  the must-not string and covers at least half of its tokens (a figure "12" cut from the date
  "March 12", a name "Vannak" from "Phan Vannak"), because a shorter piece of a must-not string
  is the same leak. A predicted item that matches a gold item by the rules above (a quote, a
  figure; for names, the name itself equals a gold name or alias) is never a leak: the gold
  README promises must-not strings are not inside gold texts, so such a hit can only be a
  legitimate word the two share.
* **Article checks** compare after NFC and whitespace collapsing: title and publication equal,
  the body starts/ends with the gold words (on a word boundary, ignoring punctuation and quote
  marks at the very edge, since gold stops at 'happening.' where the body has 'happening.”'),
  no boilerplate string occurs in the body, and the paragraph count equals the gold one
  (reported alongside; absent gold keys are not checked).
* **Zero division**: precision is 1.0 when nothing was predicted and recall 1.0 when there was
  nothing to find (an article with no gold figures and none predicted scores F1 = 1.0); F1 is 0.0
  when both precision and recall are 0.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldError, NewsClaimsError

GOLD_SUFFIX = ".gold.json"
GOLD_KEYS = ("raw_file", "article", "quotes", "people", "organisations", "figures")
GOLD_ARTICLE_KEYS = ("title", "publication", "body_starts_with", "body_ends_with")
MUST_NOT_KEYS = (
    "quotes_that_must_not_appear",
    "people_that_must_not_appear",
    "organisations_that_must_not_appear",
    "figures_that_must_not_appear",
)
UNIT_PREFIX = 5  # "shares a word (first five letters)"
VALUE_ABS_TOL = 0.05

_QUOTE_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)
_TOKEN = re.compile(r"\w+(?:'\w+)*")
_BLANK_LINE = re.compile(r"\n\s*\n")
_EDGE_PUNCT = re.compile(r"^[\W_]+")  # leading punctuation, quote marks and space


# --------------------------------------------------------------------------- counts and records


@dataclass(frozen=True)
class Counts:
    """True/false positives and false negatives of one kind of item; adds up across articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class PredictedQuote:
    text: str
    kind: str
    speaker_names: tuple[str, ...] = ()  # every name of the speaker (name, acronym, aliases)


@dataclass(frozen=True)
class PredictedFigure:
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Prediction:
    """One article as the dataset holds it; each entity is the tuple of all its names."""

    raw_file: str
    title: str | None
    publication: str | None
    body: str
    quotes: tuple[PredictedQuote, ...] = ()
    people: tuple[tuple[str, ...], ...] = ()  # name + aliases
    organisations: tuple[tuple[str, ...], ...] = ()  # name, acronym, aliases
    figures: tuple[PredictedFigure, ...] = ()
    paragraph_count: int | None = None  # None: count blank-line-separated blocks of the body


@dataclass(frozen=True)
class ArticleScore:
    raw_file: str
    quotes: Counts
    direct: Counts  # recall only: fp is always 0
    speakers_right: int
    speakers_total: int
    end_to_end: Counts
    people: Counts
    organisations: Counts
    figures: Counts
    leaks: tuple[str, ...]
    article_checks: dict[str, bool] = field(default_factory=dict)


# --------------------------------------------------------------------------- normalisation


def normalise(text: str) -> str:
    """NFKC, straight quote marks, collapsed whitespace, case-folded: the protocol's text form."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return " ".join(text.split()).casefold()


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text (in-word apostrophes kept: "women's")."""
    return _TOKEN.findall(normalise(text))


def _collapse(text: str) -> str:
    """NFC plus whitespace collapsing, for the article checks (case and marks still count)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# --------------------------------------------------------------------------- matching rules


def _overlap_share(predicted: Counter[str], gold: Counter[str]) -> tuple[float, int] | None:
    """(shared / longer, shared) when the shared tokens are at least half the longer text, else None."""
    shared = sum((predicted & gold).values())
    longer = max(predicted.total(), gold.total())
    return (shared / longer, shared) if shared and 2 * shared >= longer else None


def quotes_match(predicted: str, gold: str) -> bool:
    """Shared tokens (as multisets) are at least half of the longer text's tokens, and not none."""
    return _overlap_share(Counter(tokens(predicted)), Counter(tokens(gold))) is not None


def _is_word_suffix(longer: list[str], shorter: list[str]) -> bool:
    return bool(shorter) and len(shorter) <= len(longer) and longer[len(longer) - len(shorter) :] == shorter


def names_agree(a: str, b: str) -> bool:
    """Equal after normalisation, or one is a whole-word suffix of the other ("Chhoeuth" ~ "Sao Chhoeuth")."""
    if normalise(a) == normalise(b) and normalise(a):
        return True
    ta, tb = tokens(a), tokens(b)
    return _is_word_suffix(ta, tb) or _is_word_suffix(tb, ta)


def speaker_right(predicted_names: Iterable[str], gold_names: Iterable[str]) -> bool:
    gold = list(gold_names)
    return any(names_agree(p, g) for p in predicted_names for g in gold)


def entity_matches(predicted_names: Iterable[str], gold_names: Iterable[str]) -> bool:
    """Any predicted name equals any gold name or alias, case-insensitively."""
    gold = {normalise(g) for g in gold_names if g}
    return any(normalise(p) in gold for p in predicted_names if p)


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=VALUE_ABS_TOL)


def _unit_words(text: str | None) -> set[str]:
    return {t[:UNIT_PREFIX] for t in tokens(text or "")}


def figure_matches(predicted: PredictedFigure, gold: Mapping[str, Any]) -> bool:
    """Same value, same upper bound when gold has one, and a unit word shared (first five letters)."""
    if not _same_value(float(predicted.value), float(gold["value"])):
        return False
    gold_max = gold.get("value_max")
    if gold_max is not None and (
        predicted.value_max is None or not _same_value(float(predicted.value_max), float(gold_max))
    ):
        return False
    gold_words = _unit_words(gold.get("unit"))
    return bool(gold_words & (_unit_words(predicted.unit) | _unit_words(predicted.text)))


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def leaks_into(predicted: str, must_not: str) -> bool:
    """The predicted text holds the must-not string, or is a piece of it covering half its words."""
    p, m = tokens(predicted), tokens(must_not)
    if not p or not m:
        return False
    return _contains_run(p, m) or (_contains_run(m, p) and 2 * len(p) >= len(m))


# --------------------------------------------------------------------------- pairing


def _best_first_pairs(scores: dict[tuple[int, int], tuple]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing in decreasing score order (ties broken by the score tuple itself)."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for (p, g), _ in sorted(scores.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]), reverse=True):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def _max_matching(
    preds: Sequence[int], golds: Sequence[int], ok: Callable[[int, int], bool]
) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths), returned as {pred: gold}."""
    edges = {p: [g for g in golds if ok(p, g)] for p in preds}
    owner: dict[int, int] = {}  # gold -> pred

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in preds:
        augment(p, set())
    return {p: g for g, p in owner.items()}


def _pair_required_first(
    n_pred: int, gold: Sequence[Mapping[str, Any]], ok: Callable[[int, int], bool]
) -> Counts:
    """One-to-one matching against required gold, then leftovers against optional gold (neutral)."""
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold) if g.get("optional")]
    first = _max_matching(range(n_pred), required, ok)
    rest = [p for p in range(n_pred) if p not in first]
    second = _max_matching(rest, optional, ok)
    tp = len(first)
    return Counts(tp=tp, fp=n_pred - tp - len(second), fn=len(required) - tp)


# --------------------------------------------------------------------------- scoring one article


def _gold_entity_names(entity: Mapping[str, Any]) -> list[str]:
    return [entity["name"], *(entity.get("aliases") or [])]


def _gold_speaker_names(gold: Mapping[str, Any], quote: Mapping[str, Any]) -> list[str]:
    """The gold speaker plus the aliases of the listed person/organisation with that name."""
    speaker = quote.get("speaker") or ""
    kind = quote.get("speaker_type") or "person"
    pools = ("people", "organisations") if kind == "person" else ("organisations", "people")
    for pool in pools:
        for entity in gold.get(pool) or []:
            if entity.get("name") == speaker:
                return _gold_entity_names(entity)
    return [speaker] if speaker else []


@dataclass(frozen=True)
class _QuoteResult:
    quotes: Counts
    direct: Counts
    speakers_right: int
    speakers_total: int
    end_to_end: Counts
    matched: frozenset[int]  # predicted quotes that match some gold quote


def _score_quotes(predicted: Sequence[PredictedQuote], gold: Mapping[str, Any]) -> _QuoteResult:
    gold_quotes = gold.get("quotes") or []
    pred_tokens = [Counter(tokens(q.text)) for q in predicted]
    gold_tokens = [Counter(tokens(q["text"])) for q in gold_quotes]
    scores: dict[tuple[int, int], tuple] = {}
    for p, pt in enumerate(pred_tokens):
        for g, gt in enumerate(gold_tokens):
            share = _overlap_share(pt, gt)
            if share is not None:
                scores[(p, g)] = (*share, not gold_quotes[g].get("optional"))
    pairs = _best_first_pairs(scores)
    required_pairs = [(p, g) for p, g in pairs if not gold_quotes[g].get("optional")]
    neutral = len(pairs) - len(required_pairs)
    required = [g for g, q in enumerate(gold_quotes) if not q.get("optional")]
    tp = len(required_pairs)
    quotes = Counts(tp=tp, fp=len(predicted) - tp - neutral, fn=len(required) - tp)

    matched_gold = {g for _, g in required_pairs}
    direct_gold = [g for g in required if gold_quotes[g].get("kind") == "direct"]
    direct_tp = sum(1 for g in direct_gold if g in matched_gold)
    direct = Counts(tp=direct_tp, fn=len(direct_gold) - direct_tp)

    right = sum(
        1
        for p, g in required_pairs
        if speaker_right(predicted[p].speaker_names, _gold_speaker_names(gold, gold_quotes[g]))
    )
    wrong = tp - right
    end_to_end = Counts(tp=right, fp=quotes.fp + wrong, fn=quotes.fn + wrong)
    return _QuoteResult(quotes, direct, right, tp, end_to_end, frozenset(p for p, _ in scores))


def _score_entities(
    predicted: Sequence[tuple[str, ...]], gold_entities: Sequence[Mapping[str, Any]]
) -> Counts:
    gold_names = [_gold_entity_names(e) for e in gold_entities]
    return _pair_required_first(
        len(predicted), gold_entities, lambda p, g: entity_matches(predicted[p], gold_names[g])
    )


def _score_figures(predicted: Sequence[PredictedFigure], gold_figures: Sequence[Mapping[str, Any]]) -> Counts:
    return _pair_required_first(
        len(predicted), gold_figures, lambda p, g: figure_matches(predicted[p], gold_figures[g])
    )


def _leak(kind: str, text: str, must_nots: Iterable[str]) -> list[str]:
    """One leak line for a predicted item hit by any must-not string, else none."""
    hits = [m for m in must_nots if leaks_into(text, m)]
    return [f"{kind} {text!r} (must not: {', '.join(map(repr, hits))})"] if hits else []


def _find_leaks(
    prediction: Prediction, gold: Mapping[str, Any], matched_quotes: frozenset[int]
) -> tuple[str, ...]:
    """One line per leaking predicted item (an entity leaks once, whichever of its names hit)."""
    found: list[str] = []
    must_not_quotes = gold.get("quotes_that_must_not_appear") or []
    for i, quote in enumerate(prediction.quotes):
        if i not in matched_quotes:
            found += _leak("quote", quote.text, must_not_quotes)

    gold_names = {
        normalise(n)
        for pool in ("people", "organisations")
        for e in gold.get(pool) or []
        for n in _gold_entity_names(e)
    }
    must_not_names = [
        *(gold.get("people_that_must_not_appear") or []),
        *(gold.get("organisations_that_must_not_appear") or []),
    ]
    for kind, entities in (("person", prediction.people), ("organisation", prediction.organisations)):
        for entity in entities:
            leaking = [_leak(kind, n, must_not_names) for n in entity if n and normalise(n) not in gold_names]
            found += next((line for line in leaking if line), [])

    gold_figures = gold.get("figures") or []
    must_not_figures = gold.get("figures_that_must_not_appear") or []
    for figure in prediction.figures:
        if not any(figure_matches(figure, g) for g in gold_figures):
            found += _leak("figure", figure.text, must_not_figures)
    return tuple(found)


def _paragraph_count(prediction: Prediction) -> int:
    if prediction.paragraph_count is not None:
        return prediction.paragraph_count
    return sum(1 for block in _BLANK_LINE.split(prediction.body) if block.strip())


def _starts_with_words(text: str, words: str) -> bool:
    """``text`` opens with ``words`` on a word boundary, ignoring punctuation and quote marks at the
    edge: gold ends the sample's body at 'happening.' where the text closes with 'happening.”'."""
    text, words = _EDGE_PUNCT.sub("", text), _EDGE_PUNCT.sub("", words)
    return bool(words) and text.startswith(words) and not text[len(words) : len(words) + 1].isalnum()


def _article_checks(prediction: Prediction, article: Mapping[str, Any]) -> dict[str, bool]:
    body = _collapse(prediction.body)
    checks: dict[str, bool] = {}
    for key in ("title", "publication"):
        if key in article:
            got = getattr(prediction, key)
            checks[key] = got is not None and _collapse(got) == _collapse(article[key] or "")
    if "body_starts_with" in article:
        checks["body_start"] = _starts_with_words(body, _collapse(article["body_starts_with"]))
    if "body_ends_with" in article:
        checks["body_end"] = _starts_with_words(body[::-1], _collapse(article["body_ends_with"])[::-1])
    if "boilerplate_not_in_body" in article:
        checks["no_boilerplate"] = not any(
            _collapse(b) in body for b in article["boilerplate_not_in_body"] or []
        )
    if article.get("paragraph_count") is not None:
        checks["paragraph_count"] = _paragraph_count(prediction) == article["paragraph_count"]
    return checks


def score_article(prediction: Prediction, gold: Mapping[str, Any]) -> ArticleScore:
    """Every protocol measure of one article: plain counts, to be summed across articles."""
    q = _score_quotes(prediction.quotes, gold)
    return ArticleScore(
        raw_file=str(gold.get("raw_file") or prediction.raw_file),
        quotes=q.quotes,
        direct=q.direct,
        speakers_right=q.speakers_right,
        speakers_total=q.speakers_total,
        end_to_end=q.end_to_end,
        people=_score_entities(prediction.people, gold.get("people") or []),
        organisations=_score_entities(prediction.organisations, gold.get("organisations") or []),
        figures=_score_figures(prediction.figures, gold.get("figures") or []),
        leaks=_find_leaks(prediction, gold, q.matched),
        article_checks=_article_checks(prediction, gold.get("article") or {}),
    )


# --------------------------------------------------------------------------- gold files


def load_gold(path: Path) -> dict:
    """Read and check one gold file; every problem is a GoldError naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(path, "gold file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(path, f"cannot read gold file: {exc}") from exc
    try:
        gold = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(path, f"not valid JSON: {exc}") from exc
    if not isinstance(gold, dict):
        raise GoldError(path, "gold file must hold a JSON object")
    missing = [k for k in GOLD_KEYS if k not in gold]
    if missing:
        raise GoldError(path, f"missing key(s): {', '.join(missing)}")
    if not isinstance(gold["article"], dict):
        raise GoldError(path, "'article' must be an object")
    missing = [f"article.{k}" for k in GOLD_ARTICLE_KEYS if k not in gold["article"]]
    for key, needed in (
        ("quotes", ("text", "speaker")),
        ("people", ("name",)),
        ("organisations", ("name",)),
        ("figures", ("text", "value", "unit")),
    ):
        items = gold[key]
        if not isinstance(items, list):
            raise GoldError(path, f"'{key}' must be a list")
        missing += [
            f"{key}[{i}].{k}"
            for i, item in enumerate(items)
            for k in needed
            if not isinstance(item, dict) or k not in item
        ]
    if missing:
        raise GoldError(path, f"missing key(s): {', '.join(missing)}")
    for key in MUST_NOT_KEYS:
        value = gold.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GoldError(path, f"'{key}' must be a list of strings")
    return gold


def find_gold_files(paths: Sequence[Path]) -> list[Path]:
    """Gold files named directly or found (recursively) in folders, sorted and de-duplicated."""
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found.update(p for p in path.rglob(f"*{GOLD_SUFFIX}") if p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise GoldError(path, "no such gold file or folder")
    return sorted(found)


# --------------------------------------------------------------------------- database adapter


def _json_list(text: str | None) -> list[str]:
    """An aliases column: a JSON array as text (a non-JSON string counts as one name)."""
    if not text:
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return [text]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else [str(value)]


def _names(*names: str | None) -> tuple[str, ...]:
    """Non-empty names in order, duplicates dropped."""
    return tuple(dict.fromkeys(n for n in names if n and n.strip()))


def _rows(con: sqlite3.Connection, tables: set[str], table: str, sql: str, *args: Any) -> list[sqlite3.Row]:
    """Rows of a query, or none when the table was not built (an extraction-free database)."""
    return con.execute(sql, args).fetchall() if table in tables else []


def predictions_from_db(db_path: Path) -> dict[str, Prediction]:
    """Every article of a built database as a Prediction, keyed by the basename of its source file.

    An article's entities are everything linked to it: mention tables, quote speakers, figure
    claimants and affiliations stated in it.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise NewsClaimsError(f"{db_path}: no such database")
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
        if "articles" not in tables:
            raise NewsClaimsError(f"{db_path}: no articles table")
        people = {
            r["id"]: _names(r["name"], *_json_list(r["aliases"]))
            for r in _rows(con, tables, "people", "select id, name, aliases from people")
        }
        orgs = {
            r["id"]: _names(r["name"], r["acronym"], *_json_list(r["aliases"]))
            for r in _rows(
                con, tables, "organisations", "select id, name, acronym, aliases from organisations"
            )
        }
        out: dict[str, Prediction] = {}
        for art in con.execute("select * from articles order by source_file"):
            key = Path(art["source_file"]).name
            if key in out:
                raise NewsClaimsError(f"{db_path}: two articles read from files named {key}")
            out[key] = _article_prediction(con, tables, art, people, orgs)
        return out
    finally:
        con.close()


def _article_prediction(
    con: sqlite3.Connection,
    tables: set[str],
    art: sqlite3.Row,
    people: Mapping[str, tuple[str, ...]],
    orgs: Mapping[str, tuple[str, ...]],
) -> Prediction:
    aid = art["id"]
    person_ids: dict[str, None] = {}
    org_ids: dict[str, None] = {}
    for r in _rows(
        con, tables, "article_people", "select person_id from article_people where article_id = ?", aid
    ):
        person_ids[r[0]] = None
    for r in _rows(
        con,
        tables,
        "article_organisations",
        "select organisation_id from article_organisations where article_id = ?",
        aid,
    ):
        org_ids[r[0]] = None
    for r in _rows(
        con,
        tables,
        "affiliations",
        "select person_id, organisation_id from affiliations where article_id = ?",
        aid,
    ):
        person_ids[r[0]] = None
        if r[1]:
            org_ids[r[1]] = None

    quotes = []
    for r in _rows(
        con,
        tables,
        "quotes",
        "select kind, text, speaker_person_id, speaker_organisation_id from quotes where article_id = ? order by rowid",
        aid,
    ):
        if r["speaker_person_id"]:
            person_ids[r["speaker_person_id"]] = None
            speaker = people.get(r["speaker_person_id"], ())
        elif r["speaker_organisation_id"]:
            org_ids[r["speaker_organisation_id"]] = None
            speaker = orgs.get(r["speaker_organisation_id"], ())
        else:
            speaker = ()
        quotes.append(PredictedQuote(text=r["text"], kind=r["kind"], speaker_names=speaker))

    figures = []
    for r in _rows(
        con,
        tables,
        "figures",
        "select text, value, value_max, unit, claimant_person_id, claimant_organisation_id"
        " from figures where article_id = ? order by rowid",
        aid,
    ):
        if r["claimant_person_id"]:
            person_ids[r["claimant_person_id"]] = None
        if r["claimant_organisation_id"]:
            org_ids[r["claimant_organisation_id"]] = None
        figures.append(
            PredictedFigure(
                text=r["text"],
                value=math.nan if r["value"] is None else float(r["value"]),  # nan matches nothing
                value_max=None if r["value_max"] is None else float(r["value_max"]),
                unit=r["unit"],
            )
        )

    keys = art.keys()
    return Prediction(
        raw_file=Path(art["source_file"]).name,
        title=art["title"],
        publication=art["publication"],
        body=art["body"] or "",
        quotes=tuple(quotes),
        people=tuple(people.get(i, (i,)) for i in person_ids),
        organisations=tuple(orgs.get(i, (i,)) for i in org_ids),
        figures=tuple(figures),
        paragraph_count=art["paragraph_count"] if "paragraph_count" in keys else None,
    )


# --------------------------------------------------------------------------- report


COUNTED = ("quotes", "direct", "end_to_end", "people", "organisations", "figures")


@dataclass(frozen=True)
class Report:
    """Scores of every evaluated article; totals are micro-averaged (counts summed, then ratios)."""

    articles: tuple[ArticleScore, ...]

    def total(self, measure: str) -> Counts:
        """Summed counts of one measure: quotes, direct, end_to_end, people, organisations, figures."""
        if measure not in COUNTED:
            raise KeyError(measure)
        return sum((getattr(a, measure) for a in self.articles), Counts())

    @property
    def speakers_right(self) -> int:
        return sum(a.speakers_right for a in self.articles)

    @property
    def speakers_total(self) -> int:
        return sum(a.speakers_total for a in self.articles)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_total if self.speakers_total else 1.0

    @property
    def leaks(self) -> tuple[str, ...]:
        return tuple(f"{a.raw_file}: {leak}" for a in self.articles for leak in a.leaks)

    @property
    def checks_passed(self) -> int:
        return sum(v for a in self.articles for v in a.article_checks.values())

    @property
    def checks_total(self) -> int:
        return sum(len(a.article_checks) for a in self.articles)

    def format_text(self) -> str:
        return format_report(self)


_LABELS = {
    "quotes": "quotes",
    "direct": "direct (recall)",
    "end_to_end": "end-to-end",
    "people": "people",
    "organisations": "organisations",
    "figures": "figures",
}


def _ratio(right: int, total: int) -> str:
    return f"{right}/{total}"


def format_report(report: Report) -> str:
    """Per-file F1 table, overall P/R/F1 with counts, then every leak and failed article check."""
    width = max([len("overall"), *(len(a.raw_file) for a in report.articles)])
    head = f"{'file':<{width}}  quotes  direct  speakers  e2e    people  orgs   figures  leaks  checks"
    lines = ["Per file (F1; direct = recall; speakers = right/matched)", head, "-" * len(head)]
    for a in report.articles:
        lines.append(
            f"{a.raw_file:<{width}}  {a.quotes.f1:6.3f}  {a.direct.recall:6.3f}  "
            f"{_ratio(a.speakers_right, a.speakers_total):>8}  {a.end_to_end.f1:5.3f}  "
            f"{a.people.f1:6.3f}  {a.organisations.f1:5.3f}  {a.figures.f1:7.3f}  {len(a.leaks):5d}  "
            f"{_ratio(sum(a.article_checks.values()), len(a.article_checks)):>6}"
        )
    lines += ["", f"Overall, micro-averaged over {len(report.articles)} article(s)"]
    lines.append(f"{'measure':<16} {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>6}  {'R':>6}  {'F1':>6}")
    for measure in COUNTED:
        c = report.total(measure)
        if measure == "direct":
            lines.append(
                f"{_LABELS[measure]:<16} {c.tp:5d} {'':>5} {c.fn:5d}  {'':>6}  {c.recall:6.3f}  {'':>6}"
            )
        else:
            lines.append(
                f"{_LABELS[measure]:<16} {c.tp:5d} {c.fp:5d} {c.fn:5d}  {c.precision:6.3f}  {c.recall:6.3f}  {c.f1:6.3f}"
            )
    lines.append(
        f"speaker accuracy: {report.speaker_accuracy:.3f} "
        f"({report.speakers_right}/{report.speakers_total} matched quotes)"
    )
    lines.append(f"article checks: {report.checks_passed}/{report.checks_total} passed")
    failed = [
        f"  {a.raw_file}: {', '.join(k for k, ok in a.article_checks.items() if not ok)}"
        for a in report.articles
        if not all(a.article_checks.values())
    ]
    lines += failed
    lines.append(f"leaks: {len(report.leaks)}")
    lines += [f"  {leak}" for leak in report.leaks]
    return "\n".join(lines)


# --------------------------------------------------------------------------- whole evaluation


def evaluate(gold_paths: Sequence[Path], db_path: Path) -> Report:
    """Score every gold file (or folder of them) against the article of the same raw file in the db."""
    predictions = predictions_from_db(db_path)
    scores = []
    for path in find_gold_files(gold_paths):
        gold = load_gold(path)
        raw_file = Path(str(gold["raw_file"])).name
        if raw_file not in predictions:
            raise GoldError(path, f"raw file {raw_file} is not an article of {db_path}")
        scores.append(score_article(predictions[raw_file], gold))
    return Report(tuple(scores))
