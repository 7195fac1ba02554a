"""Reading stage: raw article files (five formats, legacy encodings) to ``records.Article``.

Formats are told apart by structure, never by file name: an HTML document, a ``---`` front
matter block, a scraped web page (navigation, logo and repeated title lines, teasers; hard-wrapped
or not), else plain text with an optional newspaper header. A sidecar file beside the raw file
overrides metadata. Every bad input raises ``ReadError`` naming the file and the problem.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from newsclaims.errors import ReadError
from newsclaims.readers.boilerplate import trim_edge_boilerplate
from newsclaims.readers.common import FormatProblem, Parsed
from newsclaims.readers.decode import decode_text
from newsclaims.readers.frontmatter import has_front_matter, read_front_matter
from newsclaims.readers.htmlpage import looks_like_html, read_html
from newsclaims.readers.plain import read_plain
from newsclaims.readers.scraped import find_scraped_header, read_scraped
from newsclaims.readers.sidecar import SIDECAR_SUFFIXES, is_metadata_file, read_sidecar
from newsclaims.records import Article

SIZE_CAP_BYTES = 5 * 1024 * 1024  # default cap
_KB = 1024
_MB = 1024 * 1024


def discover_raw_files(raw_root: Path) -> list[Path]:
    """Every raw article file under ``raw_root`` (recursive), sorted by POSIX relative path.

    Skips hidden files and folders, ``README*`` files, and metadata files (``.yml``/``.yaml``/
    ``.json``): sidecars ``X.yml`` beside ``X.txt``, but also companions such as gold
    annotations ``X.gold.json``, which are never articles. ``orphan_sidecars`` lists metadata
    files that belong to no raw file, so a build can report them instead of hiding them.
    """
    return [path for path in _visible_files(Path(raw_root)) if not is_metadata_file(path)]


def orphan_sidecars(raw_root: Path) -> list[Path]:
    """Metadata files under ``raw_root`` whose name starts with no raw file's stem (renamed or
    stray sidecars), sorted like ``discover_raw_files``."""
    files = _visible_files(Path(raw_root))
    stems = {(p.parent, p.stem) for p in files if not is_metadata_file(p)}
    return [
        p
        for p in files
        if is_metadata_file(p)
        and not any((p.parent, p.name[:i]) in stems for i, ch in enumerate(p.name) if ch == ".")
    ]


def read_article(path: Path, raw_root: Path, *, size_cap: int = SIZE_CAP_BYTES) -> Article:
    """Read one raw file into an Article (``source_file`` relative to ``raw_root``, POSIX).

    :param size_cap: files larger than this many bytes are refused.
    :raises ReadError: empty, binary, undecodable or oversized file, malformed front matter or
        sidecar, invalid date, or no article text; the message names the file and the reason.
    """
    path = Path(path)
    source_file = _source_file(path, Path(raw_root))
    if is_metadata_file(path):
        raise ReadError(path, _orphan_reason(path))
    raw = _read_bytes(path, size_cap)
    try:
        parsed = parse_text(decode_text(raw))
        overrides = read_sidecar(path)
    except FormatProblem as exc:
        raise ReadError(path, str(exc)) from exc
    return Article(
        source_file=source_file,
        source_sha256=hashlib.sha256(raw).hexdigest(),
        body="\n\n".join(parsed.paragraphs),
        raw_format=parsed.raw_format,
        **{**parsed.metadata(), **overrides},
    )


def parse_text(text: str) -> Parsed:
    """Pick the reader by the text's structure, run it, and trim furniture at the body's edges.

    Edge trimming (wire credits, editor's notes, captions, promotions; see
    ``readers.boilerplate``) is done here once because it is the same in every format.

    :raises FormatProblem: the reader found the text unusable.
    """
    parsed = _read_by_structure(text)
    return replace(parsed, paragraphs=tuple(trim_edge_boilerplate(parsed.paragraphs)))


def _read_by_structure(text: str) -> Parsed:
    if looks_like_html(text):
        return read_html(text)
    if has_front_matter(text):
        return read_front_matter(text)
    if find_scraped_header(text.split("\n")) is not None:
        return read_scraped(text)
    return read_plain(text)


def _read_bytes(path: Path, size_cap: int) -> bytes:
    try:
        if not path.is_file():
            raise ReadError(path, "not a file" if path.exists() else "file not found")
        size = path.stat().st_size
        if size > size_cap:
            raise ReadError(path, f"file is {_human_size(size)}, over the {_human_size(size_cap)} cap")
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot read file: {exc.strerror or exc}") from exc


def _source_file(path: Path, raw_root: Path) -> str:
    for candidate, root in ((path, raw_root), (path.resolve(), raw_root.resolve())):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    raise ReadError(path, f"not inside the raw folder {raw_root}")


def _visible_files(raw_root: Path) -> list[Path]:
    """Non-hidden, non-README regular files under ``raw_root``, sorted by POSIX relative path."""
    found: list[tuple[str, Path]] = []
    for path in raw_root.rglob("*"):
        relative = path.relative_to(raw_root)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.name.upper().startswith("README") or path.name.endswith("~"):
            continue
        found.append((relative.as_posix(), path))
    return [path for _, path in sorted(found)]


def _raw_siblings(metadata_file: Path) -> list[Path]:
    """Files beside ``metadata_file`` with its stem that are not metadata themselves."""
    stem = metadata_file.stem
    return [
        p
        for p in metadata_file.parent.iterdir()
        if p.stem == stem and p.is_file() and not is_metadata_file(p) and not p.name.startswith(".")
    ]


def _orphan_reason(path: Path) -> str:
    if _raw_siblings(path):
        return "this is a metadata sidecar, not an article; read the raw file beside it"
    suffixes = "/".join(SIDECAR_SUFFIXES)
    return (
        f"{suffixes} files hold article metadata (sidecars), but no raw file named "
        f"'{path.stem}.*' is beside this one; rename it to match its raw file or remove it"
    )


def _human_size(size: int) -> str:
    for unit, name in ((_MB, "MB"), (_KB, "KB")):
        if size >= unit:
            value = size / unit
            return f"{value:.0f} {name}" if value == int(value) else f"{value:.1f} {name}"
    return f"{size} bytes"
