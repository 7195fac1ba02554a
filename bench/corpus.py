"""A corpus generator for scale tests: N distinct article files made from the real Wikinews text.

Article ``i`` is real article ``i mod n`` (title and paragraphs, so lengths and language stay those
of real reporting) with one more real paragraph inserted, chosen and placed by ``i`` alone. Bodies
are distinct (checked by hash within a run), and article ``i`` is the same file whatever run made
it, so "the first 10,000" plus "100 more from 10,000" equals "the first 10,100". Files are plain text (title line,
blank line, paragraphs), sharded 1,000 to a folder.

The source texts are Wikinews articles (CC BY 2.5); a generated corpus is a derivative of them,
and the ``README.txt`` written beside it says so (the build skips ``README*`` files).

    python bench/corpus.py OUT_DIR COUNT [--start K]
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "real-news"
SHARD = 1_000
MIN_DONOR_WORDS = 25

LICENCE = """Generated from Wikinews articles (https://en.wikinews.org), licensed CC BY 2.5
(https://creativecommons.org/licenses/by/2.5/). Each file is a real article with one paragraph of
another inserted; sources and authors are listed in ../shared/real-news (README.md, SOURCES.tsv,
wikinews-158/SOURCES.md). Made by bench/corpus.py for scale tests; not news.
"""


@dataclass(frozen=True)
class Source:
    """A real article split into its title and paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


def source_files(shared: Path = SHARED) -> list[Path]:
    """The real article files in a fixed order: the 24 GUM articles, then ``wikinews-158``."""
    files = sorted((shared / "articles").glob("*.txt")) + sorted((shared / "wikinews-158").glob("wn*.txt"))
    if not files:
        raise SystemExit(f"no real articles under {shared}")
    return files


def load_sources(files: list[Path]) -> list[Source]:
    """Title line and blank-line-separated paragraphs of each file."""
    sources = []
    for path in files:
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n")]
        blocks = [" ".join(b.split()) for b in blocks if b]
        if len(blocks) >= 2:
            sources.append(Source(blocks[0], tuple(blocks[1:])))
    return list({s.paragraphs: s for s in sources}.values())  # an article saved twice counts once


def _shuffled(pool_size: int, base: int) -> list[int]:
    """A fixed permutation of the paragraph pool for one base article."""
    return sorted(range(pool_size), key=lambda k: hashlib.sha256(f"{base}:{k}".encode()).digest())


def generate(sources: list[Source], count: int, start: int = 0) -> Iterator[tuple[int, str]]:
    """``(i, text)`` for articles ``start .. start+count-1``; article ``i`` never depends on ``start``.

    Article ``i`` is base ``b = i mod n`` in round ``r = i // n``: round ``r`` inserts paragraph
    ``r mod P`` of a per-base permutation of all ``P`` real paragraphs, at a position that moves
    on every ``P`` rounds, so two articles of one base differ in the inserted text (or its place)
    and articles of different bases differ in their base text.
    """
    n = len(sources)
    # Donors are body paragraphs: short lines (image captions, datelines) are dropped as boilerplate
    # by the readers, which would make two articles read the same.
    pool = list(dict.fromkeys(p for s in sources for p in s.paragraphs if len(p.split()) >= MIN_DONOR_WORDS))
    orders: dict[int, list[int]] = {}
    seen: set[bytes] = set()
    for i in range(start, start + count):
        b, r = i % n, i // n
        base = sources[b]
        if b not in orders:
            # Never the base's own paragraph: "title, P, P, …" reads as a scraped page whose
            # title is repeated, with no article after it.
            orders[b] = [k for k in _shuffled(len(pool), b) if pool[k] not in base.paragraphs]
        order = orders[b]
        paragraph = pool[order[r % len(pool)]]
        at = 1 + (r // len(pool) + b) % len(base.paragraphs)
        body = "\n\n".join((*base.paragraphs[:at], paragraph, *base.paragraphs[at:]))
        digest = hashlib.sha256(body.encode()).digest()
        if digest in seen:  # pragma: no cover - needs two identical real paragraphs
            raise RuntimeError(f"article {i}: body repeats an earlier one")
        seen.add(digest)
        yield i, f"{base.title}\n\n{body}\n"


def path_for(out_dir: Path, i: int) -> Path:
    return out_dir / f"{i // SHARD:04d}" / f"a{i:07d}.txt"


def write_corpus(out_dir: Path, count: int, start: int = 0, shared: Path = SHARED) -> list[Path]:
    """Write articles ``start .. start+count-1`` under ``out_dir`` (and the licence notice)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "README.txt").write_text(LICENCE, encoding="utf-8")
    paths = []
    for i, text in generate(load_sources(source_files(shared)), count, start):
        path = path_for(out_dir, i)
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--start", type=int, default=0, help="index of the first article")
    args = parser.parse_args()
    paths = write_corpus(args.out_dir, args.count, args.start)
    print(f"wrote {len(paths)} articles under {args.out_dir}")


if __name__ == "__main__":
    main()
