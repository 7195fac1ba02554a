"""The build: raw folder -> articles -> extraction (process pool, cached) -> rows -> SQLite, CSV,
validated datapackage, swapped into the out folder only once everything is valid.

A strict build reports every bad file and leaves the previous output byte-identical; the new
output is written to a sibling temporary folder and renamed into place at the very end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import cache, package, store
from .errors import BadInputError, ReadError
from .read import SIZE_CAP_BYTES, discover_raw_files, orphan_sidecars, read_article
from .readers.sidecar import sidecar_paths
from .records import Article, Extraction
from .resolve import Rows, resolve

DB_NAME = "newsclaims.db"
DESCRIPTOR_NAME = "datapackage.json"
DELTA_DIR = ".delta"  # the changed rows of an in-place update, validated then removed

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the closing summary and for tests."""

    out_dir: Path
    row_counts: dict[str, int]
    articles_read: int
    skipped: tuple[ReadError, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()  # (kept file, dropped file)
    extracted: int = 0
    cached: int = 0
    seconds: float = 0.0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # For an in-place update: table -> (rows inserted or changed, rows deleted); None for a fresh database.
    updated: dict[str, tuple[int, int]] | None = None

    def format_text(self) -> str:
        lines = [f"built {self.out_dir} in {self.seconds:.1f}s from {self.articles_read} raw file(s)"]
        lines.append(f"  extraction: {self.extracted} article(s) extracted, {self.cached} from cache")
        if self.updated is None:
            lines.append("  database: written fresh, every row validated")
        else:
            upserts = sum(u for u, _ in self.updated.values())
            deletes = sum(d for _, d in self.updated.values())
            lines.append(
                f"  database: previous one updated in place, {upserts} row(s) written and validated, {deletes} deleted"
            )
        width = max(len(t) for t in self.row_counts)
        lines += [f"  {t:<{width}}  {n:>7} rows" for t, n in self.row_counts.items()]
        lines += [f"  warning: {w}" for w in self.warnings]
        for kept, dropped in self.duplicates:
            lines.append(f"  duplicate: {dropped} has the same article text as {kept}; stored once")
        if self.skipped:
            lines.append(f"  skipped {len(self.skipped)} bad file(s):")
            lines += [f"    {err}" for err in self.skipped]
        return "\n".join(lines)


def read_all(
    raw_dir: Path, old_cache: Path | None = None, new_cache: Path | None = None
) -> tuple[list[Article], list[ReadError]]:
    """Read every raw file; a bad file is collected, never allowed to stop the others.

    With caches, a file whose bytes, sidecar and path are unchanged since the previous build is
    taken from ``old_cache`` instead of being parsed again; bad files are always read afresh.
    """
    version = cache.reader_version() if new_cache is not None else ""
    articles, errors = [], []
    for path in discover_raw_files(raw_dir):
        key = _read_key(path, raw_dir, version) if new_cache is not None else None
        article = cache.load_article(old_cache, key) if old_cache is not None and key else None
        if article is None:
            try:
                article = read_article(path, raw_dir)
            except ReadError as err:
                errors.append(err)
                continue
        if key and new_cache is not None:
            cache.save_text(new_cache, key, cache.article_to_json(article))
        articles.append(article)
    return articles, errors


def _read_key(path: Path, raw_dir: Path, version: str) -> str | None:
    """Cache key of a raw file, or None when it cannot be cached (unreadable, too large)."""
    try:
        if path.stat().st_size > SIZE_CAP_BYTES:
            return None
        raw = path.read_bytes()
        sidecars = [p.read_bytes() for p in sidecar_paths(path)]
    except OSError:
        return None
    return cache.read_key(path.relative_to(raw_dir).as_posix(), raw, sidecars, version)


def drop_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[tuple[str, str]]]:
    """Keep one article per body text (the first by source path); report the others."""
    kept: dict[str, Article] = {}
    duplicates = []
    for article in sorted(articles, key=lambda a: a.source_file):
        if article.id in kept:
            duplicates.append((kept[article.id].source_file, article.source_file))
        else:
            kept[article.id] = article
    return list(kept.values()), duplicates


# -- extraction in a process pool -------------------------------------------------------------

_WORKER_NLP = None

# Resources validated in separate processes while the database is written; quotes and figures
# carry most rows and foreign keys, so they go apart.
VALIDATION_GROUPS: tuple[tuple[str, ...], ...] = (
    ("quotes", "articles", "organisations"),
    ("figures", "people"),
)
# Validated by the build process itself once the database is written (the link tables are small).
LOCAL_VALIDATION = ("affiliations", "article_people", "article_organisations")


def _init_worker() -> None:
    """Load the spaCy pipeline once per worker process (the pool reuses workers)."""
    global _WORKER_NLP
    from .extract import pipeline  # noqa: F401  (imported now so the first batch does not pay for it)
    from .extract.base.nlp import load_nlp

    _WORKER_NLP = load_nlp()
    package.preload()


def _ready() -> bool:
    """A no-op task: submitting it makes the pool start a worker, which loads the model."""
    return _WORKER_NLP is not None


def _extract_batch(bodies: list[str]) -> list[Extraction]:
    from .extract.pipeline import extract

    if _WORKER_NLP is None:
        _init_worker()
    return [extract(doc) for doc in _WORKER_NLP.pipe(bodies, batch_size=32)]


# Articles per task. Each finished task is checkpointed, so this bounds the work an interrupted
# build loses. Towards the end tasks shrink to MIN_BATCH: a 64-article task is about 20 s of one
# core, and with equal tasks one worker sat idle for up to that long while the other finished
# its last one (the build used 181% of 2 cores on 1,056 articles).
BATCH_SIZE = 64
MIN_BATCH = 8


def _chunks(items: list[str], jobs: int) -> list[list[str]]:
    """Batches in order: BATCH_SIZE articles while many remain, then what is left divided by twice
    the number of workers, down to MIN_BATCH (or an even share of a small build), so the workers'
    last tasks are small and end close together."""
    floor = max(1, min(MIN_BATCH, BATCH_SIZE, -(-len(items) // jobs)))
    chunks, i = [], 0
    while i < len(items):
        size = min(BATCH_SIZE, max(floor, -(-(len(items) - i) // (2 * jobs))))
        chunks.append(items[i : i + size])
        i += size
    return chunks


def start_pool(jobs: int) -> ProcessPoolExecutor | None:
    """A pool whose workers start loading the model at once, while the build reads raw files."""
    if jobs <= 1:
        return None
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker)
    for _ in range(jobs):
        pool.submit(_ready)
    return pool


def extract_all(
    bodies: list[str], pool: ProcessPoolExecutor | None, jobs: int, progress: Progress
) -> Iterator[list[Extraction]]:
    """Extract every body, in order, one batch at a time; with a pool, batches run in its workers."""
    batches = _chunks(bodies, jobs)
    done = 0
    results = pool.map(_extract_batch, batches) if pool is not None else map(_extract_batch, batches)
    for batch in results:
        done += len(batch)
        if len(batches) > 1:
            progress(f"  extracted {done}/{len(bodies)}")
        yield batch


def checkpoint_dir(out_dir: Path) -> Path:
    """Where a build keeps the extractions it has finished until its output is in place.

    A build that fails or is killed after extracting leaves them here, and the next build into
    the same out folder takes them up instead of parsing those articles again: a 100k-article
    build can be resumed. Entries are keyed like the cache, so a code change makes them unused.
    """
    return out_dir.with_name(f".{out_dir.name}.extracted")


def extract_cached(
    articles: Sequence[Article],
    old_cache: Path | None,
    new_cache: Path,
    pool: ProcessPoolExecutor | None,
    jobs: int,
    progress: Progress,
    scheduler: str | None = None,
    checkpoint: Path | None = None,
) -> tuple[list[Extraction], int]:
    """Extractions for ``articles`` in order, reusing ``old_cache`` and ``checkpoint``; every
    entry used lands in ``new_cache``, and each fresh one in ``checkpoint`` as soon as its batch is done.

    With ``scheduler`` (a Dask scheduler address) the missing ones are extracted on that cluster.
    Returns the extractions and how many were computed now.
    """
    from .extract.base.nlp import load_nlp_meta

    version = cache.extractor_version(load_nlp_meta())
    keys = [cache.cache_key(a.body, version) for a in articles]
    found: dict[str, Extraction] = {}
    source: dict[str, Path] = {}  # the folder each reused entry came from
    for k in keys:
        for folder in (old_cache, checkpoint):
            extraction = cache.load(folder, k) if folder is not None else None
            if extraction is not None:
                found[k], source[k] = extraction, folder
                break
    resumed = sum(1 for folder in source.values() if folder == checkpoint)
    if resumed:
        progress(f"resuming: {resumed} extraction(s) kept by an unfinished build")
    missing = [i for i, k in enumerate(keys) if k not in found]
    bodies = [articles[i].body for i in missing]
    cached = len(keys) - len(missing)
    if scheduler is not None:
        from .cluster import extract_on_cluster

        progress(f"extracting {len(missing)} article(s) ({cached} cached) on {scheduler}")
        fresh = (
            extract_on_cluster(bodies, scheduler, version, _extract_batch, progress) if bodies else iter(())
        )
    else:
        progress(f"extracting {len(missing)} article(s) ({cached} cached, {jobs} job(s))")
        fresh = extract_all(bodies, pool, jobs, progress)
    # Each fresh entry is written to the checkpoint at once and linked into the new cache.
    first_home = checkpoint if checkpoint is not None else new_cache
    done = iter(missing)
    for batch in fresh:
        for extraction in batch:
            k = keys[next(done)]
            found[k], source[k] = extraction, first_home
            cache.save(first_home, k, extraction)
    if next(done, None) is not None:
        raise RuntimeError("extraction returned fewer records than articles")
    for k in keys:
        if source[k] != new_cache and not (new_cache / f"{k}.json").exists():
            cache.carry_over(source[k], new_cache, k)
    return [found[k] for k in keys], len(missing)


# -- writing and swapping -----------------------------------------------------------------------


def write_output(
    folder: Path, rows: Rows, pool: ProcessPoolExecutor | None = None, previous_db: Path | None = None
) -> dict[str, store.TableChanges] | None:
    """Database, CSVs and a self-contained descriptor in ``folder``; validated before returning.

    With ``previous_db`` (the last good build's database, same schema) the database is a copy of
    it updated in place and only the changed rows are validated; returns what changed. Otherwise
    a fresh database is written and the whole package validated (with a pool, frictionless runs
    in the workers while this process writes SQLite); returns None.
    """
    by_table = rows.by_table()
    csvs = package.write_csvs(folder, by_table)
    descriptor = folder / DESCRIPTOR_NAME
    package.write_descriptor(descriptor)
    if previous_db is not None:
        return _update_output(folder, by_table, previous_db)
    problems = package.check_csv_structure(csvs)
    if problems:
        raise package.PackageInvalidError("\n".join(problems))
    if pool is None:
        store.write_database(folder / DB_NAME, by_table)
        package.validate_package(descriptor)
        return None
    checks = [pool.submit(package.validation_errors, descriptor, group) for group in VALIDATION_GROUPS]
    store.write_database(folder / DB_NAME, by_table)
    errors = package.validation_errors(descriptor, LOCAL_VALIDATION)
    errors += [line for check in checks for line in check.result()]
    if errors:
        raise package.PackageInvalidError("\n".join(errors))
    return None


def _update_output(
    folder: Path, by_table: dict[str, tuple], previous_db: Path
) -> dict[str, store.TableChanges]:
    db = folder / DB_NAME
    shutil.copyfile(previous_db, db)
    try:
        changes = store.update_database(db, by_table)
    except store.ForeignKeyError as err:
        raise package.PackageInvalidError(str(err)) from err
    delta = folder / DELTA_DIR
    try:
        errors = package.delta_errors(delta, {name: c.upserted for name, c in changes.items()})
    finally:
        shutil.rmtree(delta, ignore_errors=True)
    if errors:
        raise package.PackageInvalidError("\n".join(errors))
    return changes


def _backup_of(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.previous")


def recover(out_dir: Path) -> None:
    """Undo a swap interrupted between its two renames, and drop temp folders of killed builds."""
    backup = _backup_of(out_dir)
    if backup.exists():
        if out_dir.exists():
            shutil.rmtree(backup)
        else:
            backup.rename(out_dir)
    for stale in out_dir.parent.glob(f".{out_dir.name}.build-*"):
        shutil.rmtree(stale, ignore_errors=True)


def swap_into_place(new_dir: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by ``new_dir`` with two renames; ``recover`` repairs a crash between them."""
    backup = _backup_of(out_dir)
    if out_dir.exists():
        out_dir.rename(backup)
    new_dir.rename(out_dir)
    if backup.exists():
        shutil.rmtree(backup)


def write_top_descriptor(descriptor_path: Path, out_dir: Path) -> None:
    """The package descriptor beside the repo's data folder, pointing into it (written atomically)."""
    prefix = Path(os.path.relpath(out_dir.resolve(), descriptor_path.parent.resolve())).as_posix() + "/"
    tmp = descriptor_path.with_name(f".{descriptor_path.name}.tmp")
    package.write_descriptor(tmp, prefix)
    os.replace(tmp, descriptor_path)


def _build_into_place(
    raw_dir: Path,
    out_dir: Path,
    *,
    skip_bad: bool,
    pool: ProcessPoolExecutor | None,
    jobs: int,
    progress: Progress,
    scheduler: str | None = None,
    full: bool = False,
) -> _Outcome:
    """Read, extract, resolve and write into a temporary sibling folder, then swap it into place.

    Unless ``full``, a previous database of the same schema is the starting point: only rows
    that changed are written and validated.
    """
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.build-", dir=out_dir.parent))
    try:
        old_cache = out_dir / cache.CACHE_DIR if out_dir.exists() else None
        new_cache = tmp / cache.CACHE_DIR
        articles, errors = read_all(
            raw_dir, old_cache / cache.READ_DIR if old_cache else None, new_cache / cache.READ_DIR
        )
        progress(f"read {len(articles)} article(s) from {raw_dir}, {len(errors)} bad")
        if errors and not skip_bad:
            raise BadInputError(errors)
        articles, duplicates = drop_duplicates(articles)
        checkpoint = checkpoint_dir(out_dir)
        extractions, extracted = extract_cached(
            articles, old_cache, new_cache, pool, jobs, progress, scheduler, checkpoint
        )
        rows = resolve(zip(articles, extractions, strict=True))
        previous = out_dir / DB_NAME
        previous_db = previous if not full and previous.is_file() and store.can_update(previous) else None
        verb = "updating the previous database in place" if previous_db else "writing a fresh database"
        progress(f"{verb}, CSVs and datapackage; validating")
        changes = write_output(tmp, rows, pool, previous_db)
        swap_into_place(tmp, out_dir)
        shutil.rmtree(checkpoint, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return _Outcome(articles, errors, duplicates, rows, extracted, changes)


@dataclass(frozen=True)
class _Outcome:
    articles: list[Article]
    errors: list[ReadError]
    duplicates: list[tuple[str, str]]
    rows: Rows
    extracted: int
    changes: dict[str, store.TableChanges] | None


def build(
    raw_dir: Path,
    out_dir: Path,
    *,
    skip_bad: bool = False,
    jobs: int | None = None,
    descriptor_path: Path | None = None,
    progress: Progress = lambda message: None,
    scheduler: str | None = None,
    full: bool = False,
) -> BuildReport:
    """Build the dataset from ``raw_dir`` into ``out_dir``.

    :param skip_bad: build the good files and list the bad ones instead of failing.
    :param jobs: extraction processes (default: all cores).
    :param descriptor_path: also write a datapackage.json here pointing into ``out_dir``.
    :param scheduler: a Dask scheduler address (``tcp://host:port``): extract on that cluster
        instead of a local process pool; the output is the same.
    :param full: write a fresh database and validate every row, instead of updating the previous
        build's database in place and validating the changed rows.
    :raises BadInputError: a strict build met bad files (all of them listed); nothing is replaced.
    :raises PackageInvalidError: the new package does not validate; nothing is replaced.
    """
    started = time.perf_counter()
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    if not raw_dir.is_dir():
        raise ReadError(raw_dir, "raw folder does not exist")
    jobs = jobs or os.cpu_count() or 1
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(out_dir)

    # Local workers load the model while this process reads; a cluster build needs none.
    pool = start_pool(jobs) if scheduler is None else None
    try:
        outcome = _build_into_place(
            raw_dir,
            out_dir,
            skip_bad=skip_bad,
            pool=pool,
            jobs=jobs,
            progress=progress,
            scheduler=scheduler,
            full=full,
        )
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if descriptor_path is not None:
        write_top_descriptor(descriptor_path, out_dir)
    orphans = [
        f"{p.relative_to(raw_dir).as_posix()} is a metadata file beside no raw file of the same stem; ignored"
        for p in orphan_sidecars(raw_dir)
    ]
    changes = outcome.changes
    return BuildReport(
        out_dir=out_dir,
        warnings=tuple(orphans),
        row_counts={name: len(table_rows) for name, table_rows in outcome.rows.by_table().items()},
        articles_read=len(outcome.articles) + len(outcome.duplicates) + len(outcome.errors),
        skipped=tuple(outcome.errors),
        duplicates=tuple(outcome.duplicates),
        extracted=outcome.extracted,
        cached=len(outcome.articles) - outcome.extracted,
        seconds=time.perf_counter() - started,
        updated=None
        if changes is None
        else {t: (len(c.upserted), len(c.deleted)) for t, c in changes.items()},
    )
