"""Corpus-scale benchmark: full build, adding articles, database size and serving, at 10k and 100k articles.

For each size N (``--sizes``), in a scratch folder:

1. generate N distinct articles from the real Wikinews text (``bench/corpus.py``);
2. full cold build (``build.py --full`` in a new process, ``--jobs`` processes or ``--scheduler``):
   seconds, articles/s, and articles/s per core;
3. a bare spaCy pass, cold, over a sample of the same bodies (about ``--sample`` articles, the same
   number of each real base article, picked at random with a fixed seed), run twice: in one process alone, and split over as many
   processes at once as the build has cores. The build's per-core throughput is set against
   both; the second is like for like, since the build's processes also share the machine's
   caches and memory bandwidth (two parses at once each run slower than one alone);
4. add ``--add`` new articles and build again (in place): seconds, and that as a share of the
   full build;
5. database and CSV sizes;
6. ``bench/serve_load.py`` against the N-article database with ``--clients`` clients: p50/p95 of
   pages (table pages, facets, JSON, ``_search``, SQL, canned queries, article pages), whole-table
   CSV streams left out (a download of a million rows is not a page).

Figures print as they are measured. A 100k-article build takes hours on a laptop (the parse
dominates); ``--sizes 2000`` gives a quick look.

    python bench/scale.py [--sizes 10000 100000] [--add 100] [--jobs N] [--clients 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

from newsclaims import builder  # noqa: E402

BARE_PASS = """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from newsclaims.read import read_article
from newsclaims.extract.base.nlp import load_nlp
paths = [Path(p) for p in json.loads(sys.argv[1])]
bodies = [read_article(p, p.parent).body for p in paths]
t1 = time.perf_counter()
nlp = load_nlp()
tokens = sum(len(doc) for doc in nlp.pipe(bodies, batch_size=32))
t2 = time.perf_counter()
print(json.dumps({"read": t1 - t0, "load_and_parse": t2 - t1, "tokens": tokens}))
"""


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` and its descendants, live or reaped (Linux /proc)."""
    ticks, stack = 0, [pid]
    hz = os.sysconf("SC_CLK_TCK")
    while stack:
        current = stack.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(x) for x in fields[11:15])  # utime, stime, and those of reaped children
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return ticks / hz


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(
    raw: Path, out: Path, extra: list[str], log: Path, ledger: Path | None = None
) -> tuple[float, float]:
    """Seconds a ``build.py`` run takes, and the CPU seconds its processes used; its progress lines
    go to ``log``, each with the time. CPU seconds do not count what other programs on the machine
    took, so they show the build's own cost when the machine is shared.

    With ``ledger`` (a JSON file) the build is resumable across runs of this bench: its running
    time is written there every few seconds, and a build killed with the machine (the build keeps
    its finished extractions, see the README) is continued by the next run, whose seconds add to
    the ones already spent. Gaps longer than a poll interval while nothing could run (a suspended
    machine) are not counted; a killed run loses at most one interval of its count.
    """
    state = json.loads(ledger.read_text()) if ledger and ledger.exists() else {"runs": []}
    state.setdefault("cpu", [0.0] * len(state["runs"]))  # ledgers of older bench runs kept no CPU
    if state.get("done"):
        return sum(state["runs"]), sum(state["cpu"])
    state["runs"].append(0.0)
    state["cpu"].append(0.0)
    cpu_before = children_cpu()
    proc = subprocess.Popen(
        [sys.executable, "-u", str(REPO / "build.py"), "--raw", str(raw), "--out", str(out), *extra],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )

    def copy_progress() -> None:
        with log.open("a", encoding="utf-8") as sink:
            for line in proc.stderr:
                sink.write(f"{time.strftime('%H:%M:%S')} {line}")
                sink.flush()

    reader = threading.Thread(target=copy_progress, daemon=True)
    reader.start()
    interval, last, spent = 2.0, time.monotonic(), 0.0
    while proc.poll() is None:
        time.sleep(interval)
        now = time.monotonic()
        spent += min(now - last, 5 * interval)
        last = now
        if ledger is not None:
            state["runs"][-1] = spent
            state["cpu"][-1] = max(state["cpu"][-1], tree_cpu(proc.pid))
            ledger.write_text(json.dumps(state))
    spent += min(time.monotonic() - last, 5 * interval)
    reader.join()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, "build.py")
    state["runs"][-1] = spent
    state["cpu"][-1] = children_cpu() - cpu_before  # the build and the workers it reaped, exactly
    if ledger is not None:
        state["done"] = True
        ledger.write_text(json.dumps(state))
    return sum(state["runs"]), sum(state["cpu"])


def bare_rate(paths: list[Path], processes: int) -> tuple[float, float]:
    """Articles/s per core of a bare parse: ``processes`` new processes at once, each importing,
    reading its share of ``paths`` (every ``processes``-th), loading the model and parsing; cold.
    The per-core rate is articles parsed per process-second: all articles over the sum of the
    processes' times (a mean of per-process rates would overweight a share of short articles).
    Also returns articles per CPU second of those processes."""
    shares = [paths[i::processes] for i in range(processes)]
    cpu_before = children_cpu()
    started = time.perf_counter()
    running = [
        subprocess.Popen(
            [sys.executable, "-c", BARE_PASS, json.dumps([str(p) for p in share])],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        for share in shares
    ]
    finished: list[float] = [0.0] * processes
    while any(f == 0.0 for f in finished):
        for i, proc in enumerate(running):
            if finished[i] == 0.0 and proc.poll() is not None:
                if proc.returncode:
                    raise subprocess.CalledProcessError(proc.returncode, "bare spaCy pass")
                finished[i] = time.perf_counter() - started
        time.sleep(0.05)
    return len(paths) / sum(finished), len(paths) / (children_cpu() - cpu_before)


def mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def bare_sample(paths: list[Path], size: int, seed: int) -> list[Path]:
    """About ``size`` articles with every real base article equally often, picked at random.

    Article i is real article i mod B (B bases) with one paragraph added, and real articles differ
    in cost several times over: a plain random sample of 500 carries a few percent of error in the
    mean from the mix of bases alone (three bare rates of three samples ranged 3.10 to 3.43). Taking
    the same number of articles of each base, as the corpus has, leaves only the added paragraphs
    to chance. (A stride would alias with the period of 176: every 20th article is a base divisible by 4.)
    """
    bases = len(corpus.load_sources(corpus.source_files()))
    per_base = max(1, -(-size // bases))
    rng = random.Random(seed)
    picked: list[int] = []
    for b in range(min(bases, len(paths))):
        members = range(b, len(paths), bases)
        picked += rng.sample(members, min(per_base, len(members)))
    return [paths[i] for i in sorted(picked)]


def bare_passes(
    n: int, paths: list[Path], full: tuple[float, float], cores: int, args: argparse.Namespace
) -> None:
    """The bare spaCy rate on a sample, alone and ``cores`` at once, against the build's: per core
    of wall time (the target), and per CPU second (what each costs, whatever else ran)."""
    sample = bare_sample(paths, args.sample, seed=n)
    seconds, cpu = full
    build_rate = n / seconds / cores
    for processes in sorted({1, cores}):
        rate, per_cpu = bare_rate(sample, processes)
        line = (
            f"bare nlp.pipe, cold, {len(sample)} of the articles (each real base equally often) over "
            f"{processes} process(es) at once: {rate:.2f} articles/s per core; build per core / bare per core: "
            f"{build_rate / rate:.2f}   (target >= 0.9)"
        )
        if cpu:
            line += f"; per CPU second {n / cpu:.2f} against {per_cpu:.2f}: {n / cpu / per_cpu:.2f}"
        print(line, flush=True)


def run_size(n: int, args: argparse.Namespace, scratch: Path) -> None:
    raw, out = scratch / f"raw-{n}", scratch / f"data-{n}"
    ledger = scratch / f"full-build-{n}.json"
    log = scratch / f"build-{n}.log"
    resuming = args.resume and ledger.exists() and raw.is_dir()
    if resuming:
        paths = [corpus.path_for(raw, i) for i in range(n)]
        runs = json.loads(ledger.read_text())["runs"]
        print(f"\n== {n} articles: resuming the full build after {len(runs)} run(s), {sum(runs):.1f} s ==")
    else:
        for stale in (raw, out, builder.checkpoint_dir(out)):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in (ledger, log):
            stale.unlink(missing_ok=True)
        paths = corpus.write_corpus(raw, n)
        print(
            f"\n== {n} articles ({sum(p.stat().st_size for p in paths) / 1e6:.0f} MB of text) ==", flush=True
        )
    where = ["--scheduler", args.scheduler] if args.scheduler else ["--jobs", str(args.jobs)]
    cores = args.cores or args.jobs
    if args.bare_only and not (resuming and json.loads(ledger.read_text()).get("done")):
        sys.exit(f"--bare-only needs a finished full build in {ledger} (run with --resume first)")
    full = timed_build(raw, out, ["--full", *where], log, ledger if args.resume else None)
    seconds, cpu = full
    runs = json.loads(ledger.read_text())["runs"] if args.resume else [seconds]
    print(
        f"full cold build: {seconds:.1f} s, {n / seconds:.2f} articles/s, {n / seconds / cores:.2f} articles/s "
        f"per core ({cores} core(s){f', in {len(runs)} runs resumed from checkpoints' if len(runs) > 1 else ''}); "
        f"{cpu:.0f} CPU seconds",
        flush=True,
    )
    if args.bare_only:
        return bare_passes(n, paths, full, cores, args)
    bare_passes(n, paths, full, cores, args)

    if (raw / "added").exists():
        # A resumed bench killed after its add step: back to the N-article corpus, untimed.
        shutil.rmtree(raw / "added")
        timed_build(raw, out, where, log)
    added = corpus.write_corpus(scratch / f"add-{n}", args.add, start=n)
    for path in added:
        target = raw / "added" / path.relative_to(scratch / f"add-{n}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
    add, _ = timed_build(raw, out, where, log)
    print(
        f"add {args.add} articles (in place): {add:.1f} s = {add / seconds:.1%} of the full build   (target < 5%)"
    )
    db = out / "newsclaims.db"
    csvs = sum(mb(p) for p in out.glob("*.csv"))
    print(f"database {mb(db):.0f} MB; CSVs {csvs:.0f} MB", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(HERE / "serve_load.py"),
            "--db",
            str(db),
            "--clients",
            str(args.clients),
            "--requests",
            str(args.requests),
            "--skip",
            "export",
            "--workers",
            str(args.serve_workers),
        ],
        cwd=REPO,
        check=True,
    )
    if not args.keep:
        shutil.rmtree(raw, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--add", type=int, default=100, help="articles added after the full build")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="local extraction processes")
    parser.add_argument("--scheduler", default=None, help="build on this Dask scheduler instead")
    parser.add_argument("--cores", type=int, default=None, help="cores the build uses [default: --jobs]")
    parser.add_argument(
        "--sample", type=int, default=500, help="articles in the bare spaCy pass (rounded up to whole bases)"
    )
    parser.add_argument(
        "--bare-only",
        action="store_true",
        help="with --resume: only the bare passes, against the finished full build in the ledger",
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument(
        "--serve-workers",
        type=int,
        default=os.cpu_count() or 1,
        help="serving processes for the load test (default one per core, as build.py serve)",
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--scratch", type=Path, default=None, help="working folder [default: a temp folder]")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and builds")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue a full build a killed run of this bench left in --scratch (its time is kept in a ledger)",
    )
    args = parser.parse_args()
    if not corpus.SHARED.is_dir():
        sys.exit(f"needs the real articles in {corpus.SHARED}")
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="newsclaims-scale-"))
    scratch.mkdir(parents=True, exist_ok=True)
    print(
        f"scratch {scratch}; {args.jobs} job(s)" + (f", scheduler {args.scheduler}" if args.scheduler else "")
    )
    for n in args.sizes:
        run_size(n, args, scratch)


if __name__ == "__main__":
    main()
