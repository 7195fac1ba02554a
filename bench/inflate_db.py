"""A larger database for serving benchmarks, made from a built one by repeating its articles.

    python bench/inflate_db.py BUILT.db OUT.db --factor 10

A 100k-article build takes about five hours on a 2-core machine; serving questions (do table
pages, facets, search and canned queries stay fast at a million quotes?) need the database, not
the build. This writes OUT with every article of BUILT repeated ``--factor`` times under new ids
(``<id>-x<k>``), with its quotes, figures, affiliations and mention counts; people and
organisations are shared, as they are in ``bench/corpus.py``'s corpora, whose article i is real
article i mod 182 plus one paragraph. Full-text indexes fill through their triggers and the facet
counts are recomputed, so OUT is served exactly as a build's database would be. It is a stand-in
for serving tests, labelled as such wherever its figures are quoted; it is never published.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsclaims.schema import TABLES, Table  # noqa: E402
from newsclaims.store import store_derived  # noqa: E402

SHARED = frozenset({"people", "organisations"})  # entities: the same people recur across articles


def _renamed(table: Table) -> set[str]:
    """Columns whose values must differ per copy: keys of repeated tables and references to them."""
    names = {c.name for c in table.columns if c.unique}
    if table.name not in SHARED:
        names |= {c for c in table.primary_key if not any(c == fk[0] for fk in table.foreign_keys)}
    names |= {column for column, other, _ in table.foreign_keys if other not in SHARED}
    return names


def inflate(built: Path, out: Path, factor: int) -> None:
    shutil.copyfile(built, out)
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("pragma journal_mode = off")
    conn.execute("pragma synchronous = off")
    conn.execute("attach ? as src", (str(built),))
    conn.execute("begin")
    for table in TABLES:
        if table.name in SHARED:
            continue
        renamed = _renamed(table)
        for k in range(1, factor):
            select = ", ".join(
                f'case when "{c.name}" is null then null else "{c.name}" || \'-x{k}\' end'
                if c.name in renamed
                else f'"{c.name}"'
                for c in table.columns
            )
            names = ", ".join(f'"{c.name}"' for c in table.columns)
            conn.execute(f'insert into "{table.name}" ({names}) select {select} from src."{table.name}"')
    store_derived(conn)
    conn.execute("commit")
    conn.execute("detach src")
    conn.execute("pragma journal_mode = delete")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("built", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--factor", type=int, default=10)
    args = parser.parse_args()
    started = time.perf_counter()
    inflate(args.built, args.out, args.factor)
    conn = sqlite3.connect(f"file:{args.out}?mode=ro", uri=True)
    counts = {t.name: conn.execute(f'select count(*) from "{t.name}"').fetchone()[0] for t in TABLES}
    print(
        f"{args.out}: {args.out.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - started:.0f} s; {counts}"
    )


if __name__ == "__main__":
    main()
