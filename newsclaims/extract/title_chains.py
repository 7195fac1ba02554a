"""Long official titles written before a name without a comma: "Deputy Minister of Labour, Invalids
and Social Affairs Nguyễn Thanh Bình", "Chairman of the People's Committee of Hà Tĩnh Province
Lê Văn Thắng" (the house style of Vietnamese and Chinese state media, and of many wires).

The capitalised run that ends such a title runs straight into the name ("… Social Affairs Nguyễn
Thanh Bình"), so it is split where the organisation's words end: after the last English word,
organisation keyword or place word. The name is what follows, if it is at least two words that
are none of those; it takes the title word ("Deputy Minister") that opened the chain, so it reads
as a titled person's name and the organisation's part as an organisation's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import is_english_word
from .rules import Rules

CHAIN_GAP_WORDS = frozenset({"of", "the", "for", "and", "&", ",", "’s", "'s"})
CHAIN_MAX_RUNS = 8
NAME_MIN_WORDS = 2


def _title_run(doc: Doc, run: list[int], rules: Rules) -> bool:
    """The run ends in a title that is also a role ("Deputy Minister", "Chairman")."""
    low = doc[run[-1]].lower_.rstrip(".")
    return low in rules.person_titles and low in rules.role_nouns


def _chain_gap(doc: Doc, left: list[int], right: list[int]) -> bool:
    gap = doc[left[-1] + 1 : right[0]]
    return (
        len(gap) > 0
        and all(t.lower_ in CHAIN_GAP_WORDS for t in gap)
        and not any(t.is_sent_start for t in doc[left[-1] + 1 : right[0] + 1])
    )


def _chain_start(doc: Doc, runs: list[list[int]], k: int, rules: Rules) -> int | None:
    """Index of the title run that opens the "<Title> of …" chain ending in ``runs[k]``, if any."""
    j = k
    while j > 0 and k - j < CHAIN_MAX_RUNS and _chain_gap(doc, runs[j - 1], runs[j]):
        j -= 1
        if _title_run(doc, runs[j], rules) and doc[runs[j][-1] + 1].lower_ in {"of", "for"}:
            return j
    return None


def _name_part(doc: Doc, run: list[int], rules: Rules) -> int | None:
    """Position in ``run`` where a trailing personal name starts, if the run ends in one."""
    pos = len(run)
    while pos > 0:
        tok = doc[run[pos - 1]]
        if (
            not tok.is_alpha
            or is_english_word(tok.text)
            or tok.text in rules.org_keywords
            or tok.text in rules.place_words
            or tok.lower_ in rules.person_titles
        ):
            break
        pos -= 1
    return pos if pos > 0 and len(run) - pos >= NAME_MIN_WORDS else None


def split_titled_names(doc: Doc, runs: list[list[int]], rules: Rules) -> list[list[int]]:
    """Split a name off the end of each "<Title> of <organisation>" chain; the title run that opened
    the chain is moved in front of the name (its tokens then read as the name's title)."""
    out = [list(r) for r in runs]
    moved: set[int] = set()
    for k in range(len(out)):
        start = _chain_start(doc, out, k, rules)
        if start is None or start in moved:
            continue
        cut = _name_part(doc, out[k], rules)
        if cut is None:
            continue
        title = out[start]
        out[k] = out[k][:cut]
        out.append(title + runs[k][cut:])
        moved.add(start)
    return sorted((r for i, r in enumerate(out) if i not in moved and r), key=lambda r: r[-1])
