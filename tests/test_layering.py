"""The extraction layers import one way: base <- names <- entities <- quotes <- speakers <- figures <-
pipeline. A module may import its own layer and the layers below it, never one above; extraction
imports no storage or network module (it is pure functions from text to records)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parents[1] / "newsclaims" / "extract"
LAYERS = ("base", "names", "entities", "quotes", "speakers", "figures", "pipeline")
FORBIDDEN = frozenset(
    {"sqlite3", "sqlite_utils", "datasette", "frictionless", "requests", "urllib", "subprocess"}
)


def _layer(path: Path) -> str:
    rel = path.relative_to(EXTRACT)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _modules() -> list[Path]:
    return sorted(p for p in EXTRACT.rglob("*.py") if p.name != "__init__.py" or p.parent != EXTRACT)


def _imports(path: Path) -> list[tuple[str, int]]:
    """(module, level) of every import in ``path``, function-level ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
        elif isinstance(node, ast.Import):
            found += [(alias.name, 0) for alias in node.names]
    return found


def _target_layer(path: Path, module: str, level: int) -> str | None:
    """The extraction layer a relative import reaches, or None when it leaves the package."""
    if level == 0:
        prefix = "newsclaims.extract."
        return module[len(prefix) :].split(".")[0] if module.startswith(prefix) else None
    base = path.parent
    for _ in range(level - 1):
        base = base.parent
    target = (base / module.replace(".", "/")) if module else base
    try:
        rel = target.relative_to(EXTRACT)
    except ValueError:
        return None  # ..records and the like: outside extraction
    return rel.parts[0] if rel.parts else None


def test_every_module_sits_in_a_known_layer():
    assert {_layer(p) for p in _modules()} <= set(LAYERS)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(EXTRACT)))
def test_imports_go_down_the_layers_only(path: Path):
    own = LAYERS.index(_layer(path))
    for module, level in _imports(path):
        target = _target_layer(path, module, level)
        if target is not None and target in LAYERS:
            assert LAYERS.index(target) <= own, f"{path.name} ({LAYERS[own]}) imports {module} ({target})"
        assert module.split(".")[0] not in FORBIDDEN, f"{path.name} imports {module}"


def test_the_layering_check_catches_an_upward_import(tmp_path):
    """The check itself can fail: a names module importing the speakers layer is reported."""
    fake = EXTRACT / "names" / "names.py"
    tree = "from ..speakers.speakers import SpeakerResolver\n"
    (tmp_path / "x.py").write_text(tree)
    module, level = _imports(tmp_path / "x.py")[0]
    assert _target_layer(fake, module, level) == "speakers"
    assert LAYERS.index("speakers") > LAYERS.index(_layer(fake))
