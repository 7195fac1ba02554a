"""Pronoun resolution checked against GUM's human coreference chains (``build.py coref-check``).

The 24 Wikinews articles of ``../shared/real-news`` come with the Georgetown University Multilayer
corpus's CoNLL-U annotation: tokens, parts of speech and, in the MISC column, entity mentions with
their coreference chain (``Entity=(8-person-…`` opens a mention of chain 8, ``8)`` closes it). That
is an independent, human-made answer to "who is this 'he'?", on real text, for many more pronouns
than the quotes of the gold files have.

What is checked: every narrated (outside direct quotes) subject ``he`` or ``she`` that GUM puts
in a person chain naming someone. The project's speaker resolver resolves it as it would a
speaker ("…, he said"); it is right when a name of the entity it picks agrees (``names_agree``)
with a name written in the chain. Pure: GUM text and a parsed body in, records out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import NewsClaimsError
from ..extract.base.rules import Rules, load_rules
from ..extract.entities.entities import build_entities
from ..extract.quotes.quotes import iter_direct_quotes
from ..extract.speakers.speakers import SpeakerResolver
from .matching import names_agree

_MENTION = re.compile(r"\((\d+)-([a-z]+)[^()]*?(\)|(?=\()|$)|(\d+)\)")
SOURCE_URL = "# meta::sourceURL = "
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class GumMention:
    chain: int
    etype: str
    start: int  # GUM word index of the first word
    end: int  # past the last word


@dataclass(frozen=True)
class GumDoc:
    words: tuple[str, ...]
    upos: tuple[str, ...]
    mentions: tuple[GumMention, ...]
    source_url: str | None = None  # "# meta::sourceURL", which pairs the document with its article

    def chain_names(self, chain: int) -> tuple[str, ...]:
        """The runs of proper nouns written inside the chain's mentions ("Najib Razak"), less the
        words of other entities nested in them ("Kevin Allton, a USI instructor" names Allton,
        not USI)."""
        names: list[str] = []
        for m in self.mentions:
            if m.chain != chain:
                continue
            nested = {
                i
                for n in self.mentions
                if n.chain != chain and m.start <= n.start and n.end <= m.end
                for i in range(n.start, n.end)
            }
            run: list[str] = []
            for i in range(m.start, m.end + 1):
                if i < m.end and self.upos[i] == "PROPN" and i not in nested:
                    run.append(self.words[i])
                elif run:
                    names.append(" ".join(run))
                    run = []
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class PronounCheck:
    offset: int  # char offset of the pronoun in the body
    pronoun: str
    gold_names: tuple[str, ...]
    predicted: str | None
    right: bool


def read_gum(text: str) -> GumDoc:
    """Words, parts of speech and entity mentions of one GUM CoNLL-U document.

    :raises ValueError: a mention is closed that was never opened (not GUM's bracket format).
    """
    words: list[str] = []
    upos: list[str] = []
    mentions: list[GumMention] = []
    open_: dict[int, list[tuple[int, str]]] = {}
    source_url = None
    for line in text.splitlines():
        if line.startswith(SOURCE_URL):
            source_url = line[len(SOURCE_URL) :].strip()
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue  # comments, blank lines, multi-word token ranges ("3-4") and empty nodes
        i = len(words)
        words.append(cols[1])
        upos.append(cols[3])
        entity = next((f[len("Entity=") :] for f in cols[9].split("|") if f.startswith("Entity=")), "")
        for m in _MENTION.finditer(entity):
            if m.group(1) is not None:
                chain, etype = int(m.group(1)), m.group(2)
                if m.group(3) == ")":
                    mentions.append(GumMention(chain, etype, i, i + 1))
                else:
                    open_.setdefault(chain, []).append((i, etype))
            else:
                chain = int(m.group(4))
                if not open_.get(chain):
                    raise ValueError(f"word {i + 1} ({cols[1]!r}) closes mention {chain}, never opened")
                start, etype = open_[chain].pop()
                mentions.append(GumMention(chain, etype, start, i + 1))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return GumDoc(tuple(words), tuple(upos), tuple(mentions), source_url)


def align(words: Sequence[str], body: str) -> list[int | None]:
    """Char offset in ``body`` of each GUM word; ``None`` for a word the body does not have
    (GUM's text and a saved page differ: the headline and captions are GUM's words but not the
    body's, a quote mark is normalised, "six - member" is spaced apart).

    Both texts are compared with whitespace removed, as one longest-common-blocks alignment
    (``difflib``), so a word missing from the body cannot pull later words out of place the way a
    left-to-right search does. A word is aligned when all its characters fall in one matching block.
    """
    gum = "".join(words)
    kept = [i for i, ch in enumerate(body) if not ch.isspace()]
    squeezed = "".join(body[i] for i in kept)
    where: list[int | None] = [None] * len(gum)  # GUM char -> squeezed body char
    for a, b, size in SequenceMatcher(None, gum, squeezed, autojunk=False).get_matching_blocks():
        for k in range(size):
            where[a + k] = b + k
    offsets: list[int | None] = []
    at = 0
    for word in words:
        first, last = where[at], where[at + len(word) - 1] if word else None
        whole = first is not None and last is not None and last - first == len(word) - 1
        offsets.append(kept[first] if whole and first is not None else None)
        at += len(word)
    return offsets


def check_pronouns(doc: Doc, gum: GumDoc, *, rules: Rules | None = None) -> list[PronounCheck]:
    """Resolve every narrated subject he/she that GUM chains to a named person, and compare."""
    rules = rules or load_rules()
    index = build_entities(doc, rules=rules)
    directs = list(iter_direct_quotes(doc, rules))
    quoted = [(q.open, (q.close + 1) if q.close is not None else q.paragraph_end) for q in directs]
    offsets = align(gum.words, doc.text)
    by_char = {tok.idx: tok for tok in doc}
    resolver = SpeakerResolver(index, quoted)  # one per story, in text order, as the pipeline's
    checks = []
    for m in gum.mentions:
        word = gum.words[m.start]
        if m.etype != "person" or m.end - m.start != 1 or word.lower() not in rules.person_pronouns:
            continue
        offset = offsets[m.start]
        tok = by_char.get(offset) if offset is not None else None
        if tok is None or tok.dep_ not in SUBJECT_DEPS or any(lo <= tok.idx < hi for lo, hi in quoted):
            continue
        names = gum.chain_names(m.chain)
        if not names:
            continue
        entity = resolver.resolve(tok)
        predicted = [entity.name, *entity.aliases] if entity is not None else []
        right = any(names_agree(p, g) for p in predicted for g in names)
        checks.append(PronounCheck(tok.idx, tok.text, names, entity.name if entity else None, right))
    return checks


@dataclass(frozen=True)
class ArticleCheck:
    source_file: str
    words: int  # GUM words
    aligned: int  # of them found in the body
    checks: tuple[PronounCheck, ...]
    body: str

    @property
    def right(self) -> int:
        return sum(c.right for c in self.checks)


def check_folders(articles_dir: Path, gum_dir: Path, nlp: Language) -> list[ArticleCheck]:
    """Pair raw articles with GUM documents by source URL (the article's ``url``, GUM's
    ``meta::sourceURL``) and check each pair's pronouns.

    :raises NewsClaimsError: a folder has no files to pair, or a GUM file cannot be read.
    """
    from ..read import discover_raw_files, read_article

    gum_files = sorted(Path(gum_dir).glob("*.conllu"))
    if not gum_files:
        raise NewsClaimsError(f"{gum_dir}: no *.conllu files")
    by_url: dict[str, GumDoc] = {}
    for path in gum_files:
        try:
            gum = read_gum(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise NewsClaimsError(f"{path}: not a GUM CoNLL-U file ({err})") from err
        if gum.source_url:
            by_url[gum.source_url] = gum
    results = []
    for path in discover_raw_files(Path(articles_dir)):
        article = read_article(path, Path(articles_dir))
        gum_doc = by_url.get(article.url or "")
        if gum_doc is None:
            continue
        checks = check_pronouns(nlp(article.body), gum_doc)
        aligned = sum(o is not None for o in align(gum_doc.words, article.body))
        results.append(
            ArticleCheck(article.source_file, len(gum_doc.words), aligned, tuple(checks), article.body)
        )
    if not results:
        raise NewsClaimsError(f"{articles_dir}: no article shares a source URL with a document of {gum_dir}")
    return results


def format_checks(results: Sequence[ArticleCheck], *, errors: bool = False) -> str:
    """Per-article and overall pronoun accuracy; with ``errors``, every wrong pronoun in context."""
    lines = [f"{'article':40} {'aligned':>9} {'pronouns right':>15}"]
    for r in results:
        lines.append(f"{r.source_file:40} {r.aligned / max(r.words, 1):9.1%} {r.right:>8}/{len(r.checks):<6}")
        if errors:
            for c in r.checks:
                if not c.right:
                    context = " ".join(r.body[max(0, c.offset - 120) : c.offset + 40].split())
                    lines.append(
                        f"    {c.pronoun!r} gold {' / '.join(c.gold_names)}; got {c.predicted}: …{context}…"
                    )
    total = sum(len(r.checks) for r in results)
    right = sum(r.right for r in results)
    words = sum(r.words for r in results)
    aligned = sum(r.aligned for r in results)
    lines.append(
        f"{len(results)} articles, {aligned}/{words} GUM words aligned; "
        f"subject he/she resolved to GUM's chain: {right}/{total} = {right / max(total, 1):.3f}"
    )
    return "\n".join(lines)
