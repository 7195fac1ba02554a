"""Packaging: CSV files and a Frictionless ``datapackage.json`` derived from the schema source.

The only module that imports frictionless. CSVs are written with a fixed dialect, rows sorted by
primary key and no timestamps anywhere, so the same rows always give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import PackageInvalidError
from .schema import TABLES, Column, Table, row_to_dict

PACKAGE_NAME = "newsclaims"
DELTA_DESCRIPTOR = "datapackage.json"
TITLE = "Trafficking news claims: who said what in news on human trafficking"
DESCRIPTION = (
    "Quotes, people, organisations and figures extracted from news articles on human trafficking and "
    "exploitation in Cambodia and the region. Every quote and figure keeps character offsets into the "
    "article body, so each row can be checked against its source text."
)
LICENSES = [
    {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0 (the extracted data; article texts remain their publishers')",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    }
]
SOURCES = [
    {
        "title": "News articles collected by the project (raw/); each row names its raw file and the file's SHA-256",
    }
]


def format_cell(column: Column, value: Any) -> str:
    """One CSV cell: null is empty, integral floats lose their '.0', everything else is str()."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def csv_text(table: Table, rows: Sequence[Any]) -> str:
    """The CSV for one table: header of schema columns, rows sorted by primary key, LF line ends."""
    columns = table.columns
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    key = lambda r: tuple(getattr(r, c) for c in table.primary_key)  # noqa: E731
    for row in sorted(rows, key=key):
        values = row_to_dict(row)
        writer.writerow([format_cell(c, values[c.name]) for c in columns])
    return buf.getvalue()


def write_csvs(out_dir: Path, rows: Mapping[str, Sequence[Any]]) -> list[Path]:
    """Write ``<table>.csv`` for every schema table into ``out_dir``; returns the paths."""
    paths = []
    for table in TABLES:
        path = out_dir / f"{table.name}.csv"
        path.write_text(csv_text(table, rows.get(table.name, ())), encoding="utf-8", newline="")
        paths.append(path)
    return paths


def field_descriptor(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.frictionless_type,
        "description": column.description,
    }
    if column.frictionless_type == "array":
        field["format"] = "default"
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique or (column.primary_key):
        constraints["unique"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if constraints:
        field["constraints"] = constraints
    return field


def resource_descriptor(table: Table, path: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [field_descriptor(c) for c in table.columns],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    fks = [
        {"fields": [column], "reference": {"resource": other, "fields": [other_col]}}
        for column, other, other_col in table.foreign_keys
    ]
    if fks:
        schema["foreignKeys"] = fks
    return {
        "name": table.name,
        "path": path,
        "profile": "tabular-data-resource",
        "title": table.name.replace("_", " ").capitalize(),
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def package_descriptor(csv_prefix: str = "") -> dict[str, Any]:
    """The datapackage descriptor; resource paths are ``<csv_prefix><table>.csv``."""
    return {
        "name": PACKAGE_NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": __version__,
        "profile": "tabular-data-package",
        "licenses": LICENSES,
        "sources": SOURCES,
        "resources": [resource_descriptor(t, f"{csv_prefix}{t.name}.csv") for t in TABLES],
    }


def write_descriptor(path: Path, csv_prefix: str = "") -> None:
    path.write_text(
        json.dumps(package_descriptor(csv_prefix), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def check_csv_structure(paths: Sequence[Path]) -> list[str]:
    """csvkit's csvclean row checks: every row has as many cells as the header. Returns problems."""
    import agate
    from csvkit.cleanup import RowChecker

    problems = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            checker = RowChecker(agate.csv.reader(f), length_mismatch=True)
            for _ in checker.checked_rows():
                pass
            problems += [f"{path.name}: data row {e.line_number}: {e.msg}" for e in checker.errors]
    return problems


def preload() -> None:
    """Import frictionless ahead of time (build workers do it while idle, so validation starts at once)."""
    import frictionless  # noqa: F401


def validation_errors(descriptor_path: Path, resources: Sequence[str] | None = None) -> list[str]:
    """Frictionless' flattened report for the package (or only the named resources), one line per error.

    Each resource is validated inside its package, so foreign keys are checked against the other
    resources' files; splitting the names lets the build validate in several processes at once.
    """
    from frictionless import FrictionlessException, Package, system

    try:
        with system.use_context(trusted=True):
            pkg = Package(str(descriptor_path))
            reports = [r.validate() for r in pkg.resources if resources is None or r.name in resources]
    except FrictionlessException as exc:
        return [f"  {exc.error.type} | {exc.error.note}"]
    lines = []
    for report in reports:
        lines += [
            "  " + " | ".join(str(v) for v in (task.name, *row))
            for task in report.tasks
            for row in task.flatten(["rowNumber", "fieldName", "type", "note"])
        ]
        lines += [f"  {error.type} | {error.note}" for error in report.errors]
    return lines


def validate_package(descriptor_path: Path) -> None:
    """Validate the package with frictionless (types, constraints, keys, foreign keys).

    :raises PackageInvalidError: with frictionless' own flattened report.
    """
    errors = validation_errors(descriptor_path)
    if errors:
        raise PackageInvalidError("\n".join(errors))


def delta_errors(folder: Path, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[str]:
    """Frictionless and csvkit checks of only the rows an in-place update writes (dicts per table).

    Types, required fields, enums, minimums and uniqueness within the change are checked here;
    keys against the rows already stored are SQLite's job (primary keys and a foreign-key check
    in the same transaction), so the cost follows the change, not the corpus.
    """
    folder.mkdir(parents=True, exist_ok=True)
    resources, paths = [], []
    for table in TABLES:
        dicts = rows.get(table.name, ())
        if not dicts:
            continue
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([c.name for c in table.columns])
        for d in dicts:
            writer.writerow([format_cell(c, d[c.name]) for c in table.columns])
        path = folder / f"{table.name}.csv"
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
        paths.append(path)
        resource = resource_descriptor(table, path.name)
        resource["schema"].pop("foreignKeys", None)
        resources.append(resource)
    if not resources:
        return []
    problems = check_csv_structure(paths)
    if problems:
        return problems
    descriptor = folder / DELTA_DESCRIPTOR
    descriptor.write_text(
        json.dumps({**package_descriptor(), "resources": resources}, indent=2), encoding="utf-8"
    )
    return validation_errors(descriptor)
