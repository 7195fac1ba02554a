"""Score an extraction against hand-made gold annotations (``/work/shared/eval/README.md``).

The core is pure: ``score_article`` compares one ``Prediction`` (what the dataset holds for one
article) with one gold dict and returns an ``ArticleScore`` of plain counts. Adapters sit at the
edges: ``load_gold`` / ``find_gold_files`` read gold files, ``predictions_from_db`` reads the built
SQLite database with plain ``sqlite3`` (so scoring does not depend on how the build writes it),
and ``evaluate`` ties them together. ``format_report`` renders the per-file and overall table.

Each module documents the rules of the protocol it implements and the choices the protocol
leaves open:

* ``matching``: text normalisation and when one quote, name, figure or leak string matches
  another;
* ``pairing``: one-to-one pairing of predicted with gold items, and optional gold items;
* ``scoring``: the measures of one article (quotes, direct recall, speakers, end to end,
  entities, figures);
* ``leaks``: must-not strings, per kind;
* ``checks``: the article checks (title, publication, body edges, boilerplate, paragraphs);
* ``counts``: true/false positives and the zero-division rules of P/R/F1;
* ``gold``, ``predictions``: the two adapters; ``report``: scoring a built database and the
  table; ``run``: building the gold files' articles and scoring them (``build.py evaluate``).
"""

from __future__ import annotations

from .counts import Counts
from .gold import GOLD_ARTICLE_KEYS, GOLD_KEYS, GOLD_SUFFIX, MUST_NOT_KEYS, find_gold_files, load_gold
from .matching import (
    UNIT_PREFIX,
    VALUE_ABS_TOL,
    entity_matches,
    figure_matches,
    leaks_into,
    names_agree,
    normalise,
    quotes_match,
    speaker_right,
    tokens,
)
from .predictions import PredictedFigure, PredictedQuote, Prediction, predictions_from_db
from .report import COUNTED, Report, evaluate, format_report
from .run import build_and_evaluate, build_and_evaluate_all
from .scoring import ArticleScore, score_article

__all__ = [
    "COUNTED",
    "GOLD_ARTICLE_KEYS",
    "GOLD_KEYS",
    "GOLD_SUFFIX",
    "MUST_NOT_KEYS",
    "UNIT_PREFIX",
    "VALUE_ABS_TOL",
    "ArticleScore",
    "Counts",
    "PredictedFigure",
    "PredictedQuote",
    "Prediction",
    "Report",
    "build_and_evaluate",
    "build_and_evaluate_all",
    "entity_matches",
    "evaluate",
    "figure_matches",
    "find_gold_files",
    "format_report",
    "leaks_into",
    "load_gold",
    "names_agree",
    "normalise",
    "predictions_from_db",
    "quotes_match",
    "score_article",
    "speaker_right",
    "tokens",
]
