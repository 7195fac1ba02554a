"""Sidecar metadata: ``X.yml`` / ``X.yaml`` / ``X.json`` beside raw file ``X.txt`` overrides fields.

A sidecar supplies what the saved page lacks (the URL of a scraped text, a known date) without
editing the raw file, whose bytes and hash stay as collected.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsclaims.readers.common import FormatProblem
from newsclaims.readers.metadata import SIDECAR_KEYS, load_yaml_mapping, metadata_fields

SIDECAR_SUFFIXES = (".yml", ".yaml", ".json")


def is_metadata_file(path: Path) -> bool:
    return path.suffix.lower() in SIDECAR_SUFFIXES


def sidecar_paths(raw_file: Path) -> list[Path]:
    """Existing sidecars of ``raw_file`` (same folder and stem, a metadata suffix)."""
    if is_metadata_file(raw_file):
        return []
    candidates = (raw_file.with_suffix(suffix) for suffix in SIDECAR_SUFFIXES)
    return [path for path in candidates if path.is_file()]


def read_sidecar(raw_file: Path) -> dict[str, str | None]:
    """Fields the sidecar of ``raw_file`` sets (empty when it has none).

    :raises FormatProblem: more than one sidecar, unreadable or invalid YAML/JSON, unknown keys,
        a value that is not text, or an invalid date.
    """
    paths = sidecar_paths(raw_file)
    if not paths:
        return {}
    if len(paths) > 1:
        names = ", ".join(p.name for p in paths)
        raise FormatProblem(f"more than one sidecar ({names}); keep one")
    path = paths[0]
    where = f"sidecar {path.name}"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatProblem(f"cannot read {where}: {exc}") from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text) if text.strip() else {}
        except json.JSONDecodeError as exc:
            raise FormatProblem(f"{where} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise FormatProblem(f"{where} must be a JSON object of field: value")
    else:
        data = load_yaml_mapping(text, where=where)
    return metadata_fields(data, keys=SIDECAR_KEYS, where=where, strict=True)
