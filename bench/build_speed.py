"""Build speed benchmark: full build vs a bare spaCy pass, and the cost of adding one article.

Makes a corpus of a few hundred distinct articles by recombining the paragraphs of the articles
at hand (the repo's raw/ and test fixtures, plus ../shared/eval when present), then prints, from
one run: the full build's wall time, a bare ``nlp.pipe`` over the same bodies, their ratio, and
the time to add one article to the built corpus. Targets: ratio <= 1.2, add-one <= 10% of full.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from newsclaims.builder import build, read_all  # noqa: E402
from newsclaims.extract.nlp import load_nlp  # noqa: E402


def source_folders() -> list[Path]:
    folders = [REPO / "raw", REPO / "tests" / "fixtures" / "raw"]
    shared = REPO.parent / "shared" / "eval"
    folders += [shared / "articles", shared / "sample"]
    return [f for f in folders if f.is_dir()]


def paragraph_pool() -> list[str]:
    pool: list[str] = []
    for folder in source_folders():
        with tempfile.TemporaryDirectory() as tmp:
            staged = Path(tmp)
            for path in folder.iterdir():
                if path.suffix in {".txt", ".html"} and not path.name.endswith(".gold.json"):
                    (staged / path.name).write_bytes(path.read_bytes())
            articles, _ = read_all(staged)
        for article in articles:
            pool.extend(article.paragraphs)
    return sorted(set(pool))


def make_corpus(raw: Path, count: int, seed: int = 7) -> None:
    """``count`` distinct plain-text articles of 8-16 paragraphs drawn from the pool."""
    rng = random.Random(seed)
    pool = paragraph_pool()
    raw.mkdir(parents=True)
    for n in range(count):
        paragraphs = rng.sample(pool, k=min(len(pool), rng.randint(8, 16)))
        title = f"Benchmark article {n:04d}"
        (raw / f"bench-{n:04d}.txt").write_text(
            title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="corpus size (default 500)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="build processes (default all cores)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "data"
        make_corpus(raw, args.articles)
        articles, _ = read_all(raw)
        bodies = [a.body for a in articles]
        words = sum(a.word_count for a in articles)

        nlp = load_nlp()
        started = time.perf_counter()
        for _ in nlp.pipe(bodies, batch_size=32):
            pass
        bare = time.perf_counter() - started
        del nlp

        started = time.perf_counter()
        report = build(raw, out, jobs=args.jobs)
        full = time.perf_counter() - started

        (raw / "zz-added.txt").write_text(
            "One more article\n\nA shelter took in 12 women on Friday, said Dara Lok of the Delta Aid Trust.\n",
            encoding="utf-8",
        )
        started = time.perf_counter()
        added = build(raw, out, jobs=args.jobs)
        add_one = time.perf_counter() - started

        (raw / "zz-added-cli.txt").write_text(
            "And one more\n\nInspectors found 9 boys at a kiln, Mora Teng of the Kiln Watch Network said.\n",
            encoding="utf-8",
        )
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(REPO / "build.py"),
                "--raw",
                str(raw),
                "--out",
                str(out),
                "--jobs",
                str(args.jobs),
            ],
            check=True,
            capture_output=True,
        )
        add_one_cli = time.perf_counter() - started

    print(f"corpus: {len(bodies)} articles, {words} words; build jobs={args.jobs}, cores={os.cpu_count()}")
    print(f"rows: {report.row_counts}")
    print(f"bare nlp.pipe (1 process, model already loaded): {bare:8.2f} s")
    print(
        f"full build (cold cache, incl. model load, validation): {full:8.2f} s "
        f"({1000 * full / len(bodies):.0f} ms per article)"
    )
    print(f"ratio full build / bare nlp.pipe: {full / bare:8.2f}   (target <= 1.20)")
    print(
        f"add one article to the built corpus: {add_one:8.2f} s  "
        f"({100 * add_one / full:.1f}% of full build; target <= 10%; extracted {added.extracted})"
    )
    print(
        f"  the same from the command line (new process, imports included): {add_one_cli:8.2f} s  "
        f"({100 * add_one_cli / full:.1f}% of full build)"
    )


if __name__ == "__main__":
    main()
