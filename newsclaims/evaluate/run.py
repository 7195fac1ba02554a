"""The whole evaluation run: build the articles beside gold files, then score the built database.

Scoring the database the build writes (not the extraction in memory) means the figures measure
what researchers download, resolution and storage included.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import GoldError
from .gold import find_gold_files, load_gold
from .report import Report, evaluate


def stage_raw_files(gold_files: Sequence[Path], raw_dir: Path) -> None:
    """Copy each gold file's raw article (and its sidecars) into ``raw_dir``.

    :raises GoldError: a gold file names a raw file that is not beside it.
    """
    for path in gold_files:
        name = load_gold(path)["raw_file"]
        source = path.parent / name
        if not source.is_file():
            raise GoldError(path, f"raw file {name} is not beside it")
        (raw_dir / name).write_bytes(source.read_bytes())
        for suffix in (".yml", ".yaml", ".json"):
            sidecar = source.with_suffix(suffix)
            if sidecar.is_file():
                (raw_dir / sidecar.name).write_bytes(sidecar.read_bytes())


def build_and_evaluate(
    gold_paths: Sequence[Path],
    *,
    jobs: int | None = None,
    progress: Callable[[str], None] = lambda m: None,
    direct_only: bool = False,
) -> Report:
    """Build the articles of ``gold_paths`` (files or folders) in a temporary folder and score them.

    :param direct_only: score direct quotes only (gold and predicted), as a direct-quote extractor
        such as textacy's is scored.
    """
    return build_and_evaluate_all(gold_paths, jobs=jobs, progress=progress, variants=(direct_only,))[0]


def build_and_evaluate_all(
    gold_paths: Sequence[Path],
    *,
    jobs: int | None = None,
    progress: Callable[[str], None] = lambda m: None,
    variants: Sequence[bool] = (False, True),
) -> tuple[Report, ...]:
    """One build, scored once per variant (``False``: every quote; ``True``: direct quotes only)."""
    from ..builder import DB_NAME, build

    gold_files = find_gold_files(list(gold_paths))
    with tempfile.TemporaryDirectory(prefix="newsclaims-eval-") as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out"
        raw.mkdir()
        stage_raw_files(gold_files, raw)
        build(raw, out, jobs=jobs, progress=progress)
        return tuple(evaluate(gold_files, out / DB_NAME, direct_only=v) for v in variants)
