"""The whole evaluation: gold files against a built database, summed and rendered as a table.

``evaluate`` ties the adapters (``gold``, ``predictions``) to the pure ``score_article``;
``Report`` micro-averages the per-article counts and ``format_report`` renders the per-file and
overall table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import GoldError
from .counts import Counts
from .gold import find_gold_files, load_gold
from .predictions import Prediction, predictions_from_db
from .scoring import SPEAKER_FORMS, ArticleScore, score_article

COUNTED = ("quotes", "direct", "end_to_end", "people", "organisations", "figures")


@dataclass(frozen=True)
class Report:
    """Scores of every evaluated article; totals are micro-averaged (counts summed, then ratios)."""

    articles: tuple[ArticleScore, ...]
    show_speaker_errors: bool = False

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

    def speakers_by_form(self) -> dict[str, tuple[int, int]]:
        """(right, matched) per gold speaker form, summed over articles."""
        out: dict[str, tuple[int, int]] = {}
        for a in self.articles:
            for form, (r, n) in a.speakers_by_form.items():
                r0, n0 = out.get(form, (0, 0))
                out[form] = (r0 + r, n0 + n)
        return out

    @property
    def reported(self) -> Counts:
        return sum((a.reported for a in self.articles), Counts())

    @property
    def reported_named(self) -> tuple[int, int]:
        return (
            sum(a.reported_named[0] for a in self.articles),
            sum(a.reported_named[1] for a in self.articles),
        )

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
    forms = report.speakers_by_form()
    if forms:
        lines.append(
            "speaker accuracy by how the text names the speaker: "
            + ", ".join(
                f"{form} {r / n:.3f} ({r}/{n})"
                for form in SPEAKER_FORMS
                if form in forms
                for r, n in [forms[form]]
            )
        )
    rep, (named_right, named_total) = report.reported, report.reported_named
    lines.append(
        f"reported speech (indirect): attribution F1 {rep.f1:.3f} (P {rep.precision:.3f} / R {rep.recall:.3f}), "
        f"named speaker {named_right / named_total if named_total else 1.0:.3f} ({named_right}/{named_total})"
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
    if report.show_speaker_errors:
        errors = [f"  {a.raw_file}: {e}" for a in report.articles for e in a.speaker_errors]
        lines.append(f"speaker errors: {len(errors)}")
        lines += errors
    return "\n".join(lines)


def direct_quotes_only(prediction: Prediction, gold: dict) -> tuple[Prediction, dict]:
    """The prediction and gold with their direct quotes only (for scoring a direct-quote extractor)."""
    kept = tuple(q for q in prediction.quotes if q.kind == "direct")
    gold = {**gold, "quotes": [q for q in gold.get("quotes") or [] if q.get("kind") == "direct"]}
    return replace(prediction, quotes=kept), gold


def evaluate(gold_paths: Sequence[Path], db_path: Path, *, direct_only: bool = False) -> Report:
    """Score every gold file (or folder of them) against the article of the same raw file in the db."""
    predictions = predictions_from_db(db_path)
    scores = []
    for path in find_gold_files(gold_paths):
        gold = load_gold(path)
        raw_file = Path(str(gold["raw_file"])).name
        if raw_file not in predictions:
            raise GoldError(path, f"raw file {raw_file} is not an article of {db_path}")
        prediction = predictions[raw_file]
        if direct_only:
            prediction, gold = direct_quotes_only(prediction, gold)
        scores.append(score_article(prediction, gold))
    return Report(tuple(scores))
