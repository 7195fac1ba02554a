"""A baseline to score beside this project: textacy's dependency-rule direct-quotation extractor.

``textacy.extract.triples.direct_quotations`` finds quotation-mark spans and the speaker and cue
of each from the parse. It is run on exactly the body this project's reader gives, parsed by the
same pinned spaCy pipeline, and scored by the same protocol (``score_article``). textacy finds
direct quotes only (no reported speech, entities or figures) and names the speaker as written:
a pronoun speaker stays "she", which can only match a gold speaker whose alias it is.

textacy is a test/dev extra (``requirements-baseline.txt``), imported only here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..read import read_article
from .gold import find_gold_files, load_gold
from .predictions import PredictedQuote, Prediction
from .report import Report, direct_quotes_only
from .scoring import score_article

BASELINES = ("textacy",)
QUOTE_MARKS = "\"'“”‘’«»"


def _content(text: str) -> str:
    """textacy's content keeps the marks and the comma before the closing mark; gold does not."""
    text = text.strip().strip(QUOTE_MARKS).strip()
    return text[:-1] if text.endswith(",") else text


def textacy_quotes(doc) -> tuple[PredictedQuote, ...]:
    """Direct quotes of a parsed body by textacy's rules, as the evaluation's predicted quotes."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of marks in the article: textacy bails out; try per paragraph
        triples = []
        for lo, hi in _paragraph_token_ranges(doc):
            try:
                triples += direct_quotations(doc[lo:hi].as_doc())
            except ValueError:  # the unclosed quotation's paragraph: textacy finds nothing there
                continue
    return tuple(
        PredictedQuote(
            text=_content(t.content.text), kind="direct", speaker_names=(" ".join(w.text for w in t.speaker),)
        )
        for t in triples
    )


def _paragraph_token_ranges(doc) -> list[tuple[int, int]]:
    """Token ranges of the body's paragraphs (split at whitespace tokens holding a blank line)."""
    ranges, start = [], 0
    for tok in doc:
        if tok.is_space and "\n\n" in tok.text:
            if tok.i > start:
                ranges.append((start, tok.i))
            start = tok.i + 1
    if start < len(doc):
        ranges.append((start, len(doc)))
    return ranges


def evaluate_textacy(gold_paths: Sequence[Path], nlp=None, *, direct_only: bool = False) -> Report:
    """Score textacy's direct quotations on the articles beside the gold files.

    :raises ImportError: textacy is not installed (``pip install -r requirements-baseline.txt``).
    """
    import textacy  # noqa: F401  (fail early, before parsing anything)

    from ..extract.base.nlp import load_nlp

    nlp = nlp or load_nlp()
    scores = []
    for path in find_gold_files(list(gold_paths)):
        gold = load_gold(path)
        raw = path.parent / gold["raw_file"]
        article = read_article(raw, raw.parent)
        prediction = Prediction(
            raw_file=raw.name,
            title=article.title,
            publication=article.publication,
            body=article.body,
            quotes=textacy_quotes(nlp(article.body)),
        )
        if direct_only:
            prediction, gold = direct_quotes_only(prediction, gold)
        scores.append(score_article(prediction, gold))
    return Report(tuple(scores))


def side_by_side(ours: Report, theirs: Report, name: str, *, title: str = "every gold quote") -> str:
    """The quote and speaker measures of two reports on the same gold, one line each."""

    def forms(report: Report, form: str) -> str:
        r, n = report.speakers_by_form().get(form, (0, 0))
        return f"{r / n:.3f} ({r}/{n})" if n else "-"

    def row(label: str, a: str, b: str) -> str:
        return f"{label:<38} {a:>18} {b:>18}"

    q1, q2 = ours.total("quotes"), theirs.total("quotes")
    e1, e2 = ours.total("end_to_end"), theirs.total("end_to_end")
    d1, d2 = ours.total("direct"), theirs.total("direct")
    r1 = ours.reported
    lines = [
        f"Side by side on the same gold, {title} ({len(ours.articles)} article(s))",
        row("measure", "newsclaims", name),
        row(
            "quote span F1 (P / R)",
            f"{q1.f1:.3f} ({q1.precision:.2f}/{q1.recall:.2f})",
            f"{q2.f1:.3f} ({q2.precision:.2f}/{q2.recall:.2f})",
        ),
        row("direct-quote recall", f"{d1.recall:.3f}", f"{d2.recall:.3f}"),
        row(
            "speaker accuracy (matched quotes)",
            f"{ours.speaker_accuracy:.3f}",
            f"{theirs.speaker_accuracy:.3f}",
        ),
    ]
    lines += [
        row(f"  gold speaker named by {form}", forms(ours, form), forms(theirs, form))
        for form in ("name", "pronoun", "nominal")
    ]
    lines += [
        row("end-to-end F1 (span + speaker)", f"{e1.f1:.3f}", f"{e2.f1:.3f}"),
        row(
            "reported speech attribution F1", f"{r1.f1:.3f}" if r1.tp + r1.fn + r1.fp else "-", "direct only"
        ),
    ]
    return "\n".join(lines)
