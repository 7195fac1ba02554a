"""Punctuation and orthography: the marks extraction reads as structure, not as words.

These are closed sets of characters fixed by the writing system (quotation marks, dashes,
sentence ends, currency signs), so they stay code constants beside the parse labels instead of
``rules/`` word lists a linguist would extend. Everything made of letters lives in ``Rules``.
"""

from __future__ import annotations

# Quotation marks (quotes.py): double marks delimit quotes; a paragraph whose first mark is a
# single opening one uses single marks instead (British style).
OPEN_MARKS = frozenset({"“", "„"})
CLOSE_MARKS = frozenset({"”"})
STRAIGHT_MARK = '"'
SINGLE_OPEN_MARKS = frozenset({"‘", "'"})
SINGLE_CLOSE_MARKS = frozenset({"’", "'"})
DOUBLE_QUOTE_MARKS = OPEN_MARKS | CLOSE_MARKS | {STRAIGHT_MARK}
OPENING_CONTEXT = frozenset('([—–-"“:')  # what may stand before a straight mark that opens a quote
CLOSING_PUNCT = frozenset(".,!?;:…—–-")  # what may stand before a straight mark that closes one
TRAILING_STRIP = " \t\n,;:"
SPEECH_END = frozenset(".?!…")  # a quote ending in one of these is a sentence, not a scare quote
SENTENCE_END = frozenset(".!?")

# Names (names.py, nicknames.py, mononyms.py, name_joins.py)
MONEY_SIGNS = frozenset("$€£¥₹₱฿₫៛")  # "$5 Million" is no name
DATELINE_DASHES = frozenset({"-", "—", "–", "--", "―"})  # "PHNOM PENH — ..."
NICKNAME_OPENERS = frozenset({"(", "“", '"', "‘", "'"})  # "Ratchanee (Jeab) Srisuk"
NICKNAME_CLOSERS = frozenset({")", "”", '"', "’", "'"})
REMARK_OPENERS = frozenset({",", "(", "—", "–"})  # "Lina, not her real name,"
REMARK_CLOSERS = frozenset({",", ")", ".", "—", "–", ";"})
PLURAL_POSSESSIVES = frozenset({"’", "'"})  # the possessive of a plural is an apostrophe alone

# Remarks and attributions (entities.py, mononyms.py, names.py, speakers.py, pipeline.py)
APPOSITION_OPENERS = frozenset({",", "("})  # "Nok, 24," / "Nok (24)" / "the Fund, known as TAF"
NAME_EDGE_MARKS = frozenset({"-", "."})  # never the first or last token of a name
NAME_TRAILING_MARKS = NAME_EDGE_MARKS | {","}
ATTRIBUTION_MARKS = (",", ":")  # what ends an attribution before its quote: 'X said, "…"', 'X: "…"'
SENTENCE_BREAKS = (". ", "? ", "! ")  # a quote holding one of these is more than one sentence
SENTENCE_GAPS = frozenset({".", ""})  # what may stand between a quote and the next sentence
ATTRIBUTED_CLOSE = frozenset(
    ",.?!…"
)  # what ends a quote that its attribution follows: “No comment,” she said
