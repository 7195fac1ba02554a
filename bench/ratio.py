"""Build throughput against bare spaCy, measured in turns on one corpus, to show the spread.

The 100k figure in ``bench/scale.py`` sets a build of hours against a bare pass of minutes run
after it; on a shared or virtual machine the bare rate alone moved by a fifth between two sessions.
Here both run in turns, ``--rounds`` times, on the same N articles (``--size``, the same number of
each real base article, see ``bench/corpus.py``): a full cold build with ``--jobs`` processes, then
a bare ``nlp.pipe`` pass over the same bodies split over as many processes at once. Each round
prints both rates per core and their ratio, by wall time and per CPU second; the last lines give
the median and range. A round's two halves see the same machine within minutes of each other.

The bare pass reads the same files with the same reader and parses them with the same pipeline
(``newsclaims.extract.base.nlp.load_nlp``); what the build adds is extraction, the cache, resolving,
SQLite, the CSVs and their validation.

    python bench/ratio.py [--size 2112] [--rounds 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import scale  # noqa: E402  (puts the repository on sys.path)

from newsclaims import builder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2112, help="articles (12 of each of the 176 real bases)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--scratch", type=Path, default=None, help="working folder [default: a temp folder]")
    args = parser.parse_args()
    if not corpus.SHARED.is_dir():
        sys.exit(f"needs the real articles in {corpus.SHARED}")
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="newsclaims-ratio-"))
    raw, out, log = scratch / "raw", scratch / "data", scratch / "build.log"
    shutil.rmtree(raw, ignore_errors=True)
    paths = corpus.write_corpus(raw, args.size)
    print(f"{len(paths)} articles in {raw}; {args.jobs} job(s); {args.rounds} round(s)", flush=True)
    # A short bare pass first, not counted, so the first round's build does not meet the model
    # and libraries cold alone. Two runs of stop 25 without it read 214 and 216 s for round 1
    # against 176-190 s after (CPU seconds too, so it may be the machine, not the cache).
    scale.bare_rate(paths[: 8 * args.jobs], args.jobs)
    wall, cpu = [], []
    for round_no in range(1, args.rounds + 1):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(builder.checkpoint_dir(out), ignore_errors=True)
        seconds, build_cpu = scale.timed_build(raw, out, ["--full", "--jobs", str(args.jobs)], log)
        build_rate, build_per_cpu = args.size / seconds / args.jobs, args.size / build_cpu
        bare, bare_per_cpu = scale.bare_rate(paths, args.jobs)
        wall.append(build_rate / bare)
        cpu.append(build_per_cpu / bare_per_cpu)
        print(
            f"round {round_no}: build {seconds:.1f} s, {build_rate:.2f} articles/s per core, "
            f"{build_per_cpu:.2f} per CPU second; bare {bare:.2f} per core, {bare_per_cpu:.2f} per CPU second; "
            f"ratio {wall[-1]:.3f} (wall), {cpu[-1]:.3f} (CPU)",
            flush=True,
        )
    for name, ratios in (("wall", wall), ("CPU", cpu)):
        print(
            f"build / bare per core, {name}: median {statistics.median(ratios):.3f}, "
            f"range {min(ratios):.3f} to {max(ratios):.3f}   (target >= 0.9)"
        )
    if not args.scratch:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
