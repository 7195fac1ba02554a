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

from ..base.labels import INSIDE_ENTITY_IOB
from ..base.lexicon import is_english_word
from ..base.rules import Rules

CHAIN_MAX_RUNS = 8
NAME_MIN_WORDS = 2


def person_tail(doc: Doc, run: list[int]) -> int | None:
    """Position in ``run`` where the tagger starts a person's name of two or more words that runs
    to the end of the run, after words that are not part of it ("Save the Children UK Kevin
    Watkins", "Secretary of State Mike Pompeo"), if any."""
    for pos in range(1, len(run) - NAME_MIN_WORDS + 1):
        tail = [doc[i] for i in run[pos:]]
        if (
            tail[0].ent_iob_ == "B"
            and all(t.ent_type_ == "PERSON" for t in tail)
            and all(t.ent_iob_ == "I" for t in tail[1:])
            and doc[run[pos - 1]].ent_type_ != "PERSON"
            and _capitalised_before(doc, run, pos)
            and all(t.is_alpha and t.is_title for t in tail)
        ):
            return pos
    return None


def _capitalised_before(doc: Doc, run: list[int], pos: int) -> bool:
    """The word before ``run[pos]`` is a capitalised word of the run written straight before it,
    not a connector ("Labour and Vocational Training" is one organisation's name)."""
    prev = doc[run[pos - 1]]
    return prev.i + 1 == run[pos] and prev.text[:1].isupper()


def split_person_tails(doc: Doc, runs: list[list[int]], rules: Rules) -> list[list[int]]:
    """Split an organisation's or place's words off a person's name written straight after them
    ("the United Nations Nikki Haley" aside, "Save the Children UK Kevin Watkins said"). A run
    holding a title or role word stays whole: its title is split off later, up to the name; one
    word before the name is more often a company's prefix ("PT", "JSC") than a name of its own."""
    out: list[list[int]] = []
    for run in runs:
        pos = person_tail(doc, run)
        head = run[:pos] if pos is not None else []
        titled = any(doc[i].lower_.rstrip(".") in rules.person_titles | rules.role_nouns for i in head)
        if pos is None or titled or len(head) < NAME_MIN_WORDS:  # "PT Laut Biru Sejahtera": a prefix
            out.append(run)
        else:
            out += [head, run[pos:]]
    return out


def _title_run(doc: Doc, run: list[int], rules: Rules) -> bool:
    """The run ends in a title that is also a role ("Deputy Minister", "Chairman")."""
    low = doc[run[-1]].lower_.rstrip(".")
    return low in rules.person_titles and low in rules.role_nouns


def _chain_gap(doc: Doc, left: list[int], right: list[int], rules: Rules) -> bool:
    gap = doc[left[-1] + 1 : right[0]]
    return (
        len(gap) > 0
        and all(t.lower_ in rules.chain_gap_words for t in gap)
        and not any(t.is_sent_start for t in doc[left[-1] + 1 : right[0] + 1])
    )


def _chain_start(doc: Doc, runs: list[list[int]], k: int, rules: Rules) -> int | None:
    """Index of the title run that opens the "<Title> of …" chain ending in ``runs[k]``, if any."""
    j = k
    while j > 0 and k - j < CHAIN_MAX_RUNS and _chain_gap(doc, runs[j - 1], runs[j], rules):
        j -= 1
        if _title_run(doc, runs[j], rules) and doc[runs[j][-1] + 1].lower_ in rules.title_links:
            return j
    return None


def _name_part(doc: Doc, run: list[int], rules: Rules) -> int | None:
    """Position in ``run`` where a trailing personal name starts, if the run ends in one."""
    pos = len(run)
    while pos > 0:
        tok = doc[run[pos - 1]]
        if (
            not tok.is_alpha
            or (is_english_word(tok.text) and tok.ent_type_ != "PERSON")
            or tok.text in rules.org_keywords
            or tok.text in rules.place_words
            or tok.lower_ in rules.person_titles
        ):
            break
        pos -= 1
    if pos > 0 and len(run) - pos >= NAME_MIN_WORDS:
        return pos
    return _tagged_boundary(doc, run, rules)


def _tagged_boundary(doc: Doc, run: list[int], rules: Rules) -> int | None:
    """ "Ambassador to the United Nations Nikki Haley": where the name holds an English word, the
    tagger's boundary between two names side by side marks where the trailing name starts."""
    for pos in range(1, len(run) - NAME_MIN_WORDS + 1):
        tail = [doc[i] for i in run[pos:]]
        if (
            tail[0].ent_iob_ == "B"
            and doc[run[pos - 1]].ent_iob_ in INSIDE_ENTITY_IOB
            and _capitalised_before(doc, run, pos)
            and all(t.ent_iob_ == "I" for t in tail[1:])
            and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in tail)
            and not any(
                t.text in rules.org_keywords or t.text in rules.place_words or t.lower_ in rules.person_titles
                for t in tail
            )
        ):
            return pos
    return None


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
