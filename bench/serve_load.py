"""Serving load benchmark: many concurrent researchers against a real Datasette process.

Starts ``datasette`` on a free loopback port over the database (as ``make serve`` would: immutable,
inspect file, our metadata, templates and plugins), runs ``--clients`` concurrent httpx clients
mixing table pages, JSON, CSV, full-text ``_search``, ``?sql=``, canned queries and article pages,
stops after ``--requests`` requests or ``--duration`` seconds, whichever comes first, kills the
server, and prints requests per second, p50/p95/p99 latency and the error count.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from newsclaims.publish import DATABASE, running_server, write_inspect  # noqa: E402

DB = f"/{DATABASE}"


@dataclass(frozen=True)
class Result:
    kind: str
    status: int  # 0 when the request raised
    seconds: float
    error: str | None = None


def _sample(conn: sqlite3.Connection, sql: str, limit: int = 20) -> list[str]:
    return [row[0] for row in conn.execute(sql + f" limit {limit}") if row[0]]


def request_mix(db: Path) -> dict[str, list[str]]:
    """Paths to request by kind, built from ids and words really in the database."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    articles = _sample(conn, "select id from articles order by id")
    people = _sample(conn, "select id from people order by id")
    words = sorted(
        {
            w.strip(".,“”\"'").lower()
            for (t,) in conn.execute("select text from quotes limit 200")
            for w in t.split()
        }
    )
    conn.close()
    words = [w for w in words if len(w) >= 6 and w.isalpha()][:30] or ["trafficking"]
    mix: list[tuple[str, str]] = [
        ("table-html", f"{DB}/quotes"),
        ("table-html", f"{DB}/articles"),
        ("table-html", f"{DB}/organisations?type=ngo"),
        ("table-html", f"{DB}/figures?_facet=claimant_organisation_id"),
        ("table-html", f"{DB}/quotes_with_speakers"),  # views: a join per row, counted per page
        ("table-html", f"{DB}/figure_claims"),
        ("json", f"{DB}/quotes.json?_shape=array&_size=100"),
        ("json", f"{DB}/people.json?_shape=array&_labels=on"),
        ("json", f"{DB}/figures.json?_shape=array&_size=max&_labels=on"),
        ("csv", f"{DB}/quotes.csv?_size=max"),
        ("export", f"{DB}/figures.csv?_stream=on"),  # the whole table: a download, not a page
        (
            "sql",
            f"{DB}.json?_shape=array&sql=" + quote("select kind, count(*) as n from quotes group by kind"),
        ),
        (
            "sql",
            f"{DB}.json?_shape=array&sql="
            + quote(
                "select unit, count(*) as n, max(value) as top from figures group by unit order by n desc"
            ),
        ),
        ("query", f"{DB}/organisation_activity.json?_shape=array"),
        ("query", f"{DB}/people_with_roles"),
    ]
    mix += [("search", f"{DB}/quotes.json?_shape=array&_search={quote(w)}") for w in words]
    mix += [("search", f"{DB}/search_quotes?q={quote(w)}") for w in words[:10]]
    mix += [("article-page", f"{DB}/article/{a}") for a in articles]
    mix += [("query", f"{DB}/person_quotes.json?_shape=array&person={quote(p)}") for p in people[:10]]
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, path in mix:
        by_kind[kind].append(path)
    return dict(by_kind)


async def _client(
    client: httpx.AsyncClient,
    mix: dict[str, list[str]],
    rng: random.Random,
    budget: list[int],
    deadline: float,
    results: list[Result],
) -> None:
    while budget[0] > 0 and time.monotonic() < deadline:
        budget[0] -= 1
        kind = rng.choice(sorted(mix))  # every kind equally often, however many paths it has
        path = rng.choice(mix[kind])
        start = time.perf_counter()
        try:
            response = await client.get(path)
            await response.aread()
            results.append(Result(kind, response.status_code, time.perf_counter() - start))
        except httpx.HTTPError as exc:
            results.append(Result(kind, 0, time.perf_counter() - start, type(exc).__name__))


async def run_load(
    base_url: str, mix: list[tuple[str, str]], *, clients: int, requests: int, duration: float
):
    """Run the clients until the request budget or the time limit runs out; return results and wall time."""
    results: list[Result] = []
    budget = [requests]
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits) as client:
        start = time.monotonic()
        deadline = start + duration
        await asyncio.gather(
            *(_client(client, mix, random.Random(n), budget, deadline, results) for n in range(clients))
        )
        return results, time.monotonic() - start


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def report(results: list[Result], wall: float) -> str:
    latencies = [r.seconds * 1000 for r in results]
    errors = [r for r in results if r.status == 0 or r.status >= 400]
    lines = [
        f"requests: {len(results)} in {wall:.1f} s = {len(results) / wall:.1f} requests/s",
        f"latency ms: p50 {_percentile(latencies, 50):.0f}, p95 {_percentile(latencies, 95):.0f}, "
        f"p99 {_percentile(latencies, 99):.0f}, max {max(latencies):.0f}",
        f"errors: {len(errors)}"
        + (f" ({dict(Counter(r.error or str(r.status) for r in errors))})" if errors else ""),
    ]
    by_kind: dict[str, list[float]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r.seconds * 1000)
    for kind in sorted(by_kind):
        values = by_kind[kind]
        lines.append(
            f"  {kind:<13} n={len(values):<5} p50 {statistics.median(values):6.0f} ms"
            f"  p95 {_percentile(values, 95):6.0f} ms"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=REPO / "data" / "newsclaims.db", help="database to serve")
    parser.add_argument(
        "--metadata", type=Path, default=REPO / "metadata.yml", help="Datasette metadata file"
    )
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument(
        "--requests", type=int, default=2000, help="stop after this many requests (default 2000)"
    )
    parser.add_argument(
        "--duration", type=float, default=60.0, help="stop after this many seconds (default 60)"
    )
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        metavar="KIND",
        help="request kinds to leave out (e.g. export: whole-table CSV streams)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="serving processes (build.py serve --workers; default one per core, as there)",
    )
    args = parser.parse_args(argv)
    if not args.db.is_file():
        print(f"error: {args.db}: no database; build it first (python build.py build)", file=sys.stderr)
        return 1
    mix = {kind: paths for kind, paths in request_mix(args.db).items() if kind not in args.skip}
    with tempfile.TemporaryDirectory() as tmp:
        inspect = Path(tmp) / "inspect-data.json"
        write_inspect(args.db, inspect)
        with running_server(args.db, metadata=args.metadata, inspect=inspect, workers=args.workers) as url:
            print(
                f"serving {args.db} at {url} ({args.workers} process(es)); {args.clients} clients, "
                f"{args.requests} requests, {args.duration:g} s max"
            )
            results, wall = asyncio.run(
                run_load(url, mix, clients=args.clients, requests=args.requests, duration=args.duration)
            )
    print(report(results, wall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
