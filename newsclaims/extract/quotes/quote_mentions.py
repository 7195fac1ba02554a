"""Quoted words that are mentioned, not spoken: slogans, glosses, sign texts and examples.

'slogans such as “no experience needed”', 'the Tagalog for "the children were asleep"', 'a sign
reading “no entry”', 'a scheme dubbed “Fast Track”': the words before the quotation mark say the
quoted text is an example, a translation or a label, so it is nobody's speech even when it holds
a verb. A quotation joined by "and"/"or"/a comma to such a mention is one too ('“light work” and
“free housing”').
"""

from __future__ import annotations

import re

from ..base.rules import Rules

LOOKBACK_CHARS = 60
# Words right before the opening mark that introduce a mention rather than speech.
MENTION_LEAD_RE = re.compile(
    r"(?:\bsuch\s+as"
    r"|\bslogans?|\bmottos?|\btaglines?|\bcaptions?|\bheadlines?|\bhashtags?"
    r"|\b(?:word|term|phrase|expression|name)s?\s+for"
    r"|\bthe\s+[A-Z][a-z]+\s+(?:word\s+|term\s+|phrase\s+)?for"  # "the Tagalog for", "the Khmer word for"
    r"|\bmeaning|\bmeans|\btranslat(?:ed|es|ing)\s+as|\bglossed\s+as"
    r"|\b(?:sign|banner|placard|poster|notice|advert\w*|ad)s?\s+(?:that\s+)?read(?:s|ing)?"
    r"|\bdubbed|\bnicknamed|\bbranded|\blabell?ed|\btitled|\bentitled)"
    r"[,:]?\s*$"
)
SO_CALLED_LOOKBACK = 12
# What may stand between a mention's closing mark and the next quotation it is listed with.
LIST_GAP_RE = re.compile(r"^[,;]?\s*(?:and|or|,)?\s*$")


def mention_lead(text: str, open_at: int, lo: int) -> bool:
    """The words before the quotation mark at ``open_at`` (from ``lo``, the paragraph start)
    introduce a mentioned text: a slogan, a gloss, a label."""
    before = text[max(lo, open_at - LOOKBACK_CHARS) : open_at]
    return MENTION_LEAD_RE.search(before) is not None


def listed_after(text: str, previous_close: int | None, open_at: int) -> bool:
    """The quotation at ``open_at`` continues a list whose previous item closed at
    ``previous_close`` ('“light work, high pay” and “no fees”')."""
    if previous_close is None or previous_close >= open_at:
        return False
    return LIST_GAP_RE.match(text[previous_close + 1 : open_at]) is not None


def so_called(text: str, open_at: int, rules: Rules) -> bool:
    """ "the so-called “rescue” raids": the reporter distancing a word, not quoting anyone."""
    before = text[max(0, open_at - SO_CALLED_LOOKBACK) : open_at].rstrip().lower()
    return before.endswith(rules.so_called)
