"""Nicknames written inside a full name: "Ratchanee (Jeab) Srisuk", "Kittipong “Ton” Rattanasiri".

Thai (and some Filipino and Indonesian) reporting gives a person's everyday nickname in brackets
or quote marks between the given and the family name. The name is the two outer parts; the
nickname is another name of the same person, not a person of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..base.marks import NICKNAME_CLOSERS, NICKNAME_OPENERS
from ..base.rules import Rules
from .name_joins import has_keyword

if TYPE_CHECKING:
    from .names import NameChunk


def _only_mark(doc: Doc, start: int, end: int) -> str | None:
    """The one non-space token between two chunks, or None when there are none or several
    (stops at the second: the gap between two names can be a paragraph long)."""
    found = None
    for i in range(start, end):
        tok = doc[i]
        if tok.is_space:
            continue
        if found is not None:
            return None
        found = tok.text
    return found


def _is_nickname(doc: Doc, before: NameChunk, nick: NameChunk, after: NameChunk, rules: Rules) -> bool:
    return (
        len(nick.words) == 1
        and nick.title is None
        and after.title is None
        and _only_mark(doc, before.end, nick.first) in NICKNAME_OPENERS
        and _only_mark(doc, nick.end, after.first) in NICKNAME_CLOSERS
        and not has_keyword(doc, list(range(before.start, after.end)), rules)
    )


def join_nicknames(doc: Doc, chunks: list[NameChunk], rules: Rules) -> list[NameChunk]:
    """Chunks with "Given (Nick) Family" joined into one chunk named "Given Family"; the nickname
    chunk stays, nested inside the joined one, so that the entity stage makes it an alias."""
    out = list(chunks)
    k = 0
    while k + 2 < len(out):
        before, nick, after = out[k], out[k + 1], out[k + 2]
        if _is_nickname(doc, before, nick, after, rules):
            joined = replace(
                before,
                span=doc[before.start : after.end],
                end_char=after.end_char,
                text=f"{before.text} {after.text}",
            )
            out[k : k + 3] = [joined, nick]
        k += 1
    return out
