"""The extraction cache: one JSON file per article body, keyed by content hash and extractor version.

It lives inside the out folder (``.cache/``), so a fresh out folder is a cold build, and each
build writes only the entries it used, so stale entries fall away with the old output.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

from . import __version__
from .records import Article, EntityRef, Extraction, Figure, OrganisationMention, PersonMention, Quote

CACHE_DIR = ".cache"
READ_DIR = "read"  # read articles, under CACHE_DIR
_EXTRACT_SOURCES = ("extract", "rules")
_READ_SOURCES = ("read.py", "readers", "records.py")


def _sources_digest(header: str, paths: list[Path]) -> str:
    """Hash ``header`` plus each source file's package-relative name and bytes, in the given order."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(header.encode())
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def extractor_version(model_version: str = "") -> str:
    """A hash of the extraction code, its rule files and the model version: any change is a new key."""
    root = Path(__file__).resolve().parent
    paths = [
        path
        for folder in _EXTRACT_SOURCES
        for path in sorted((root / folder).rglob("*"))
        if path.is_file() and path.suffix in {".py", ".txt"}
    ]
    return _sources_digest(f"{__version__}\n{model_version}\n", paths)


def reader_version() -> str:
    """A hash of the reading code: a reader change makes every cached article stale."""
    root = Path(__file__).resolve().parent
    paths = []
    for name in _READ_SOURCES:
        target = root / name
        paths += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return _sources_digest(__version__, paths)


def read_key(source_file: str, raw: bytes, sidecars: list[bytes], version: str) -> str:
    """Key of a read article: its path in the raw folder, its bytes, its sidecars' bytes, the reader."""
    digest = hashlib.sha256(f"{version}\0{source_file}\0".encode())
    for part in (raw, *sidecars):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` for records: dataclasses become dicts, tuples and lists lists, the
    rest is kept. The same JSON as ``asdict`` gives; ``asdict`` deep-copies every field and
    checks every value's type against every container kind, which made it most of the cost of
    writing an article's cache entry."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is tuple or kind is list:
        return [plain(item) for item in value]
    names = _field_names(kind)
    if names is None:
        return value
    return {name: plain(getattr(value, name)) for name in names}


_ATOMS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names, or None for any other type."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def article_to_json(article: Article) -> str:
    return json.dumps(plain(article), ensure_ascii=False, sort_keys=True)


def load_article(cache_dir: Path, key: str) -> Article | None:
    """The cached article for ``key``, or None when absent or unreadable (then it is read again)."""
    try:
        return Article(**json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def save_text(cache_dir: Path, key: str, text: str) -> None:
    target = cache_dir / f"{key}.json"
    try:
        target.write_text(text, encoding="utf-8")
    except FileNotFoundError:  # the first entry of this folder
        cache_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def cache_key(body: str, version: str) -> str:
    return hashlib.sha256(f"{version}\0{body}".encode()).hexdigest()


def to_json(extraction: Extraction) -> str:
    return json.dumps(plain(extraction), ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> Extraction:
    data = json.loads(text)

    def ref(d: dict[str, Any] | None) -> EntityRef | None:
        return EntityRef(**d) if d else None

    return Extraction(
        people=tuple(PersonMention(**{**p, "aliases": tuple(p["aliases"])}) for p in data["people"]),
        organisations=tuple(
            OrganisationMention(**{**o, "aliases": tuple(o["aliases"])}) for o in data["organisations"]
        ),
        quotes=tuple(Quote(**{**q, "speaker": ref(q["speaker"])}) for q in data["quotes"]),
        figures=tuple(Figure(**{**f, "claimant": ref(f["claimant"])}) for f in data["figures"]),
    )


def load(cache_dir: Path, key: str) -> Extraction | None:
    """The cached extraction for ``key``, or None when absent or unreadable (then it is recomputed)."""
    path = cache_dir / f"{key}.json"
    try:
        return from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def carry_over(old_dir: Path, new_dir: Path, key: str) -> None:
    """Bring an entry from the previous output's cache into the new one (a hard link where possible)."""
    new_dir.mkdir(parents=True, exist_ok=True)
    source, target = old_dir / f"{key}.json", new_dir / f"{key}.json"
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def save(cache_dir: Path, key: str, extraction: Extraction) -> None:
    save_text(cache_dir, key, to_json(extraction))
