"""The protocol's matching rules: when a predicted item is the same as a gold one.

Pure predicates on one predicted and one gold item; pairing many items is ``pairing``'s job.

* **Text normalisation** (quotes, names, leak strings): Unicode NFKC, curly/low/prime quote
  marks to straight ones, whitespace collapsed, case-folded. Quote texts are then compared as
  multisets of word tokens (``\\w+`` runs, keeping in-word apostrophes: "women's").
* **Quotes** match when shared tokens >= half the longer token list. Kind (direct/indirect) does
  not affect matching.
* **Speakers**: "whole-word suffix" means the last word tokens of one name are all the tokens of
  the other ("Chhoeuth" ~ "Sao Chhoeuth", "Niño" ~ "Ocampo-Niño", but not "orne" ~ "Thorne").
* **Entity names** compare normalised and case-folded.
* **Figure values** compare with ``abs_tol=0.05`` so a fraction written with different rounding
  ('a third' = 33.3 or 33.33) is the same value; a gold ``value_max`` must be matched, a null one
  is not checked. "Shares a word (first five letters)": some word of the gold unit and some word
  of the predicted unit or text agree on their first five letters ("operations" ~ "operation",
  "women" ~ "Cambodian women"; a word shorter than five letters must be equal).
* **Leaks**: "found in" is a contiguous run of whole word tokens (so "rescue" is not found in
  "rescued"), in either direction: the predicted text contains the must-not string, or the
  predicted text lies inside the must-not string and covers at least half of its tokens (a figure
  "12" cut from the date "March 12", a name "Vannak" from "Phan Vannak"), because a shorter piece
  of a must-not string is the same leak.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .predictions import PredictedFigure

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


def normalise(text: str) -> str:
    """NFKC, straight quote marks, collapsed whitespace, case-folded: the protocol's text form."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return " ".join(text.split()).casefold()


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text (in-word apostrophes kept: "women's")."""
    return _TOKEN.findall(normalise(text))


def overlap_share(predicted: Counter[str], gold: Counter[str]) -> tuple[float, int] | None:
    """(shared / longer, shared) when the shared tokens are at least half the longer text, else None."""
    shared = sum((predicted & gold).values())
    longer = max(predicted.total(), gold.total())
    return (shared / longer, shared) if shared and 2 * shared >= longer else None


def quotes_match(predicted: str, gold: str) -> bool:
    """Shared tokens (as multisets) are at least half of the longer text's tokens, and not none."""
    return overlap_share(Counter(tokens(predicted)), Counter(tokens(gold))) is not None


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
