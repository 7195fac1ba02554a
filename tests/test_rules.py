"""One ``Rules`` value carries every word list extraction reads.

No extraction module keeps a list, set, tuple or dict of words of its own (parse labels and
punctuation are the allowed exceptions, in ``base/labels.py`` and ``base/marks.py``); every file
of ``newsclaims/rules`` is read into a ``Rules`` field named after it, and no field is empty.
"""

from __future__ import annotations

import ast
import dataclasses
import tomllib
from pathlib import Path

import pytest

from newsclaims.extract.base import rules as rules_module
from newsclaims.extract.base.rules import Rules, load_rules

PACKAGE = Path(__file__).resolve().parents[1] / "newsclaims"
EXTRACT = PACKAGE / "extract"
RULES_DIR = PACKAGE / "rules"
# Modules whose constants are no word lists: dependency/tag/entity labels, punctuation marks.
ALLOWED_MODULES = frozenset({"base/labels.py", "base/marks.py"})
# Named constants of strings that are no words either: spaCy package names, timing stage names.
ALLOWED_NAMES = frozenset({("base/nlp.py", "MODEL_NAMES"), ("pipeline.py", "STAGES")})
COLLECTION_CALLS = frozenset({"frozenset", "set", "tuple", "list", "dict"})


def _of_strings(node: ast.expr) -> bool:
    """A literal made of string constants: "x", {"a", "b"}, ("a", ("b",)), {"k": <anything>}."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return bool(node.elts) and all(_of_strings(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.keys) and all(k is not None and _of_strings(k) for k in node.keys)
    return False


def _word_collection(value: ast.expr) -> bool:
    """A set/frozenset/dict/tuple/list literal of strings, or frozenset(...)/set(...) of one."""
    if isinstance(value, ast.Set | ast.List | ast.Tuple | ast.Dict):
        return _of_strings(value)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in COLLECTION_CALLS:
        return len(value.args) == 1 and _of_strings(value.args[0])
    return False


def word_constants(source: str) -> list[str]:
    """Names of module-level assignments in ``source`` whose value is a collection of strings."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and _word_collection(node.value):
            found += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.value is not None
            and _word_collection(node.value)
        ):
            found.append(node.target.id)
    return found


def _modules() -> list[Path]:
    return sorted(EXTRACT.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(EXTRACT)))
def test_no_extraction_module_keeps_a_word_list(path: Path):
    rel = path.relative_to(EXTRACT).as_posix()
    if rel in ALLOWED_MODULES:
        return
    found = [n for n in word_constants(path.read_text(encoding="utf-8")) if (rel, n) not in ALLOWED_NAMES]
    assert not found, f"{rel} defines word lists {found}: make them Rules fields (newsclaims/rules)"


def test_the_word_list_check_catches_constants():
    """The check itself can fail: every shape of word list the issue names is reported."""
    source = "\n".join(
        [
            'A = frozenset({"a", "an"})',
            'B = {"he": "m"}',
            'C = ("so-called", "so called")',
            'D = (("and",), (",", "or"))',
            'E: frozenset[str] = frozenset({"x"})',
            'F = {"k": 1_000}',
            'G = set(["y"])',
            'H = ["z"]',
            "N = 12",
            'S = "just a string"',
            "R = re.compile('a|b')",
            "T = (1, 2)",
        ]
    )
    assert word_constants(source) == list("ABCDEFGH")


def inline_word_collections(source: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, literal) of every collection of strings written anywhere in ``source``, inside
    functions included (``x in {"the", "this"}``), except the values of the module-level names in
    ``allowed``."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in allowed for t in node.targets
        ):
            skip.update(id(n) for n in ast.walk(node.value))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Set | ast.List | ast.Tuple | ast.Dict):
            continue
        if _of_strings(node):
            found.append((node.lineno, ast.unparse(node)))
            skip.update(id(n) for n in ast.walk(node))
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(EXTRACT)))
def test_no_extraction_function_writes_a_word_list_inline(path: Path):
    """Word sets inside functions are word lists too: they belong in ``Rules``; parse labels in
    ``base/labels.py``, marks in ``base/marks.py``, and code values in an enum."""
    rel = path.relative_to(EXTRACT).as_posix()
    if rel in ALLOWED_MODULES:
        return
    allowed = frozenset(name for module, name in ALLOWED_NAMES if module == rel)
    found = inline_word_collections(path.read_text(encoding="utf-8"), allowed)
    assert not found, f"{rel} writes word lists inline: {found}"


def test_the_inline_check_catches_sets_in_functions():
    source = "\n".join(
        [
            "STAGES = ('a', 'b')",
            "def f(tok):",
            '    if tok.lower_ in {"the", "this"}:',
            '        return gap in (["of", "the"], ["at"])',
            '    return tok.text.endswith((",", ":")) or tok.dep_ in LABELS or x in {1, 2}',
        ]
    )
    assert [line for line, _ in inline_word_collections(source, frozenset({"STAGES"}))] == [3, 4, 5]
    assert [line for line, _ in inline_word_collections(source)] == [1, 3, 4, 5]


def _loaded_files() -> set[str]:
    """Names of the rules files one uncached ``load_rules`` reads."""
    read: set[str] = set()
    original = rules_module._text

    def recording(name: str) -> str:
        read.add(name)
        return original(name)

    rules_module._text = recording
    try:
        load_rules.__wrapped__()
    finally:
        rules_module._text = original
    return read


def test_every_rules_file_is_read_into_a_field_named_after_it():
    fields = {f.name for f in dataclasses.fields(Rules)}
    txt = {p.stem for p in RULES_DIR.glob("*.txt")}
    toml = set(tomllib.loads((RULES_DIR / "function_words.toml").read_text(encoding="utf-8")))
    data_files = {p.name for p in RULES_DIR.iterdir() if p.suffix in {".txt", ".toml"}}
    assert _loaded_files() == data_files, "a rules file is never read (or a read file is missing)"
    assert not txt & toml, f"lists both in a .txt file and in function_words.toml: {txt & toml}"
    assert txt | toml == fields, (
        f"files without a field: {(txt | toml) - fields}; fields without a file: {fields - (txt | toml)}"
    )
    assert {p.suffix for p in RULES_DIR.iterdir() if p.is_file()} <= {".txt", ".toml", ".py"}


def test_every_field_holds_words(rules: Rules):
    for field in dataclasses.fields(Rules):
        value = getattr(rules, field.name)
        assert value, f"Rules.{field.name} is empty"
        entries = [w for item in value for w in ((item,) if isinstance(item, str) else item)]
        assert entries and all(isinstance(w, str) and w and w == w.strip() for w in entries), field.name


def test_rules_is_one_frozen_hashable_value(rules: Rules):
    """Per-Rules caches (figure patterns) key on the value; it cannot be changed in place."""
    assert load_rules() is rules and hash(rules) == hash(load_rules())
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.reporting_verbs = frozenset()  # type: ignore[misc]


def test_order_sensitive_lists_keep_their_order(rules: Rules):
    """Number words and fractions feed regex alternations in file order; pairs keep it too."""
    assert list(rules.number_units)[:3] == ["zero", "one", "two"]
    assert rules.number_scales["crore"] == 10_000_000 and rules.denominators["halves"] == 2
    assert rules.so_called == ("so-called", "so called")
    assert rules.place_list_gaps == (("and",), ("or",), (",", "and"), (",", "or"))
    assert list(rules.shared_currency_names["INR"]) == ["INR", "NPR", "PKR", "LKR"]
