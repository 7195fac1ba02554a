"""Gold annotation files (``/work/shared/eval/articles/README.md``): finding, reading, checking.

``load_gold`` checks the structure the scorer relies on and nothing more, so every later step
can index a gold dict without guarding; each problem is a ``GoldError`` naming the file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import GoldError

GOLD_SUFFIX = ".gold.json"
GOLD_KEYS = ("raw_file", "article", "quotes", "people", "organisations", "figures")
GOLD_ARTICLE_KEYS = ("title", "publication", "body_starts_with", "body_ends_with")
MUST_NOT_KEYS = (
    "quotes_that_must_not_appear",
    "people_that_must_not_appear",
    "organisations_that_must_not_appear",
    "figures_that_must_not_appear",
)


def load_gold(path: Path) -> dict:
    """Read and check one gold file; every problem is a GoldError naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(path, "gold file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(path, f"cannot read gold file: {exc}") from exc
    try:
        gold = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(path, f"not valid JSON: {exc}") from exc
    if not isinstance(gold, dict):
        raise GoldError(path, "gold file must hold a JSON object")
    missing = [k for k in GOLD_KEYS if k not in gold]
    if missing:
        raise GoldError(path, f"missing key(s): {', '.join(missing)}")
    if not isinstance(gold["article"], dict):
        raise GoldError(path, "'article' must be an object")
    missing = [f"article.{k}" for k in GOLD_ARTICLE_KEYS if k not in gold["article"]]
    for key, needed in (
        ("quotes", ("text", "speaker")),
        ("people", ("name",)),
        ("organisations", ("name",)),
        ("figures", ("text", "value", "unit")),
    ):
        items = gold[key]
        if not isinstance(items, list):
            raise GoldError(path, f"'{key}' must be a list")
        missing += [
            f"{key}[{i}].{k}"
            for i, item in enumerate(items)
            for k in needed
            if not isinstance(item, dict) or k not in item
        ]
    if missing:
        raise GoldError(path, f"missing key(s): {', '.join(missing)}")
    for key in MUST_NOT_KEYS:
        value = gold.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GoldError(path, f"'{key}' must be a list of strings")
    return gold


def find_gold_files(paths: Sequence[Path]) -> list[Path]:
    """Gold files named directly or found (recursively) in folders, sorted and de-duplicated."""
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found.update(p for p in path.rglob(f"*{GOLD_SUFFIX}") if p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise GoldError(path, "no such gold file or folder")
    return sorted(found)


def entity_names(entity: Mapping[str, Any]) -> list[str]:
    """A gold person's or organisation's name followed by its aliases."""
    return [entity["name"], *(entity.get("aliases") or [])]
