"""Build speed on real news: extraction cost per token by article length, and the full build
against a bare spaCy pass.

Texts are the real Wikinews articles in ``../shared/real-news`` (24 GUM articles and the 158 of
``wikinews-158``; CC BY 2.5, see its README), or the annotated Wikinews articles committed under
``tests/fixtures/real`` when ``../shared`` is absent. Prints, from one run:

1. for articles of about 1k, 5k, 20k and 50k tokens (real bodies joined paragraph-wise), each in
   a fresh process: parse time, extraction time per stage in ms per 1k tokens, and peak memory;
2. the full cold build (``build.py`` in a new process: imports, model load, extraction in the
   process pool, SQLite, validation) of the real articles against a bare ``nlp.pipe`` over the
   same bodies, also cold (a new process that loads the model and parses).

Targets (issue 9): extraction per token at 50k within 1.5x of 1k; extraction <= 0.3x parse;
full build <= 1.2x the bare pass; peak memory of the 50k article under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared" / "real-news"
SIZES = (1_000, 5_000, 20_000, 50_000)


def real_files() -> list[Path]:
    """The real article files, in a fixed order."""
    if SHARED.is_dir():
        files = sorted((SHARED / "articles").glob("*.txt")) + sorted(
            (SHARED / "wikinews-158").glob("wn*.txt")
        )
    else:
        files = sorted((REPO / "tests" / "fixtures" / "real").glob("*.txt"))
    if not files:
        sys.exit("no real articles: needs ../shared/real-news or tests/fixtures/real")
    return files


def real_bodies() -> list[str]:
    from newsclaims.read import read_article

    return [read_article(p, p.parent).body for p in real_files()]


def joined_body(bodies: list[str], tokens: int, nlp) -> str:
    """Whole real bodies joined with paragraph breaks until the text holds ``tokens`` tokens."""
    parts, count, k = [], 0, 0
    while count < tokens:
        body = bodies[k % len(bodies)]
        parts.append(body)
        count += len(nlp.make_doc(body))
        k += 1
    return "\n\n".join(parts)


REPEAT_TOKENS = 20_000  # extraction of a short article is repeated until about this many tokens
REPEAT_MIN, REPEAT_MAX = 2, 15


def _repeats(tokens: int) -> int:
    return max(REPEAT_MIN, min(REPEAT_MAX, REPEAT_TOKENS // max(tokens, 1)))


def measure_one(tokens: int) -> dict:
    """Parse and extract one joined article (run in its own process, so peak memory is its own)."""
    from newsclaims.extract.base.nlp import load_nlp
    from newsclaims.extract.base.rules import load_rules
    from newsclaims.extract.pipeline import extract

    nlp, rules = load_nlp(), load_rules()
    body = joined_body(real_bodies(), tokens, nlp)
    extract(nlp(real_bodies()[0]), rules=rules)  # warm: imports and rule loading outside the timing
    started = time.perf_counter()
    doc = nlp(body)
    parse = time.perf_counter() - started
    total, timings = float("inf"), {}
    for _ in range(_repeats(len(doc))):  # the fastest of a few runs: a 20 ms run is mostly noise
        run: dict[str, float] = {}
        doc.user_data.clear()  # every run joins the text and finds the datelines again
        started = time.perf_counter()
        extract(doc, rules=rules, timings=run)
        elapsed = time.perf_counter() - started
        if elapsed < total:
            total, timings = elapsed, run
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"tokens": len(doc), "parse": parse, "extract": total, "stages": timings, "peak_mb": peak_mb}


def run_child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bare_pipe(raw: str) -> dict:
    """Cold bare spaCy pass: load the model, parse every body."""
    started = time.perf_counter()
    from newsclaims.extract.base.nlp import load_nlp
    from newsclaims.read import read_article

    paths = sorted(Path(raw).iterdir())
    bodies = [read_article(p, Path(raw)).body for p in paths]
    nlp = load_nlp()
    tokens = sum(len(d) for d in nlp.pipe(bodies, batch_size=32))
    return {"seconds": time.perf_counter() - started, "tokens": tokens, "articles": len(bodies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="build processes")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="long-article token counts")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: measure one length
    parser.add_argument("--bare", help=argparse.SUPPRESS)  # child: bare pass over a raw folder
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return
    if args.bare:
        print(json.dumps(bare_pipe(args.bare)))
        return

    from newsclaims.extract.pipeline import STAGES

    print(
        f"texts: {len(real_files())} real articles ({'../shared/real-news' if SHARED.is_dir() else 'tests/fixtures/real'})"
    )
    print(
        "\n1. one long article, fresh process each (ms per 1k tokens, extraction the fastest of 2-15 runs;"
        " peak = max RSS of the process)"
    )
    head = f"{'tokens':>7} {'parse':>7} {'extract':>8} {'ext/parse':>9} " + " ".join(
        f"{s[:10]:>10}" for s in STAGES
    )
    print(head + f" {'peak MB':>8}")
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        r = run_child(["--one", str(size)])
        k = r["tokens"] / 1000
        rows.append(r)
        stages = " ".join(f"{1000 * r['stages'].get(s, 0) / k:10.1f}" for s in STAGES)
        print(
            f"{r['tokens']:7d} {1000 * r['parse'] / k:7.1f} {1000 * r['extract'] / k:8.1f} "
            f"{r['extract'] / r['parse']:9.2f} {stages} {r['peak_mb']:8.0f}"
        )
    first, last = rows[0], rows[-1]
    growth = (last["extract"] / last["tokens"]) / (first["extract"] / first["tokens"])
    print(
        f"extraction per token, {last['tokens']} vs {first['tokens']} tokens: {growth:.2f}x   (target <= 1.5)"
    )

    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "data"
        raw.mkdir()
        for p in real_files():
            shutil.copy(p, raw / p.name)
        bare = run_child(["--bare", str(raw)])
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
        full = time.perf_counter() - started
    print(
        f"\n2. the real articles, cold: {bare['articles']} articles, {bare['tokens']} tokens, cores={os.cpu_count()}"
    )
    print(f"bare nlp.pipe (new process, model load + parse, 1 process): {bare['seconds']:8.2f} s")
    print(f"full build (new process, build.py --jobs {args.jobs}, empty cache):  {full:8.2f} s")
    print(f"ratio full build / bare nlp.pipe: {full / bare['seconds']:8.2f}   (target <= 1.20)")


if __name__ == "__main__":
    main()
