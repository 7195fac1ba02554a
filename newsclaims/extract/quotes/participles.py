"""Reporting participles that add a second reported clause: "X said …, adding that …".

The parser often hangs the participle inside the first reported clause ("… had not received any
request, adding that …" under "received"), so the first clause would swallow the second and the
participle would inherit the wrong subject ("the government"). The clause is cut before the
participle's comma, and the participle speaks for the subject of the reporting verb above it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..base.rules import Rules

PARTICIPLE_TAG = "VBG"


def is_added_report(tok: Token, rules: Rules) -> bool:
    """ ", adding that …", ", saying …": a participle adding a statement, after a comma."""
    return (
        tok.tag_ == PARTICIPLE_TAG
        and tok.lemma_.lower() in rules.adding_lemmas
        and tok.lemma_.lower() in rules.reporting_verbs
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
    )


def cut_before_added_report(doc: Doc, verb: Token, rng: tuple[int, int], rules: Rules) -> tuple[int, int]:
    """``rng`` (inclusive tokens) reported by ``verb``, ended before a later ", adding that …"."""
    lo, hi = rng
    for i in range(max(lo, verb.i + 1) + 1, hi + 1):
        if is_added_report(doc[i], rules) and doc[i].head.i != verb.i and i - 2 >= lo:
            return lo, i - 2
    return rng


def reporting_ancestor(tok: Token, rules: Rules) -> Token | None:
    """The nearest reporting verb above a participle ("said" above "… received …, adding")."""
    for anc in tok.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in rules.reporting_verbs and anc.tag_ != PARTICIPLE_TAG:
            return anc
    return None
