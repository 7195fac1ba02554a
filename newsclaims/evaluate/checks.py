"""Article checks: did the reader get the article itself right (title, publication, body edges)?

Compared after NFC and whitespace collapsing (case and marks still count): title and publication
equal, the body starts/ends with the gold words (on a word boundary, ignoring punctuation and
quote marks at the very edge, since gold stops at 'happening.' where the body has
'happening.”'), no boilerplate string occurs in the body, and the paragraph count equals the gold
one (reported alongside; absent gold keys are not checked).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from .predictions import Prediction

_BLANK_LINE = re.compile(r"\n\s*\n")
_EDGE_PUNCT = re.compile(r"^[\W_]+")  # leading punctuation, quote marks and space


def _collapse(text: str) -> str:
    """NFC plus whitespace collapsing, for the article checks (case and marks still count)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _paragraph_count(prediction: Prediction) -> int:
    if prediction.paragraph_count is not None:
        return prediction.paragraph_count
    return sum(1 for block in _BLANK_LINE.split(prediction.body) if block.strip())


def _starts_with_words(text: str, words: str) -> bool:
    """``text`` opens with ``words`` on a word boundary, ignoring punctuation and quote marks at the
    edge: gold ends the sample's body at 'happening.' where the text closes with 'happening.”'."""
    text, words = _EDGE_PUNCT.sub("", text), _EDGE_PUNCT.sub("", words)
    return bool(words) and text.startswith(words) and not text[len(words) : len(words) + 1].isalnum()


def check_article(prediction: Prediction, article: Mapping[str, Any]) -> dict[str, bool]:
    body = _collapse(prediction.body)
    checks: dict[str, bool] = {}
    for key in ("title", "publication"):
        if key in article:
            got, expected = getattr(prediction, key), article[key]
            if expected is None:  # the file states none: the reader must not guess one
                checks[key] = got is None
            else:
                checks[key] = got is not None and _collapse(got) == _collapse(expected)
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
