"""Key/value metadata (front matter, sidecar files) to Article fields, validated.

Front matter comes from the source and may carry extra keys (tags, section...), which are
ignored; a sidecar is written by us, so an unknown key there is a typo and an error. Dates are
checked either way: a published date that is not a real date is an error, never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import yaml

from newsclaims.readers.common import FormatProblem, clean_or_none
from newsclaims.readers.dates import require_date

SIDECAR_KEYS = {
    "title": "title",
    "publication": "publication",
    "url": "url",
    "published_date": "published_date",
    "published": "published_date",
    "byline": "byline",
}
FRONT_MATTER_KEYS = {
    **SIDECAR_KEYS,
    "date": "published_date",
    "author": "byline",
    "authors": "byline",
    "site_name": "publication",
    "publisher": "publication",
    "source": "publication",
    "canonical_url": "url",
    "link": "url",
}


class MetadataLoader(yaml.SafeLoader):
    """Safe YAML without timestamp conversion: dates stay text so we validate them ourselves.

    PyYAML's own timestamp constructor raises a bare ``ValueError`` on ``2019-13-45`` and
    turns ``2020-08-21T09:30:00+08:00`` into UTC, shifting the local date.
    """


MetadataLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


def load_yaml_mapping(text: str, *, where: str, first_line: int = 1) -> Mapping[Any, Any]:
    """Parse YAML that must be a mapping; ``where`` names it in errors ("front matter", a file).

    :raises FormatProblem: not valid YAML, or not a ``key: value`` mapping.
    """
    try:
        data = yaml.load(text, Loader=MetadataLoader)
    except yaml.YAMLError as exc:
        raise FormatProblem(f"{where} is not valid YAML: {_yaml_reason(exc, first_line)}") from exc
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise FormatProblem(f"{where} must be 'key: value' lines, not a {type(data).__name__}")
    return data


def metadata_fields(
    data: Mapping[Any, Any], *, keys: Mapping[str, str], where: str, strict: bool
) -> dict[str, str | None]:
    """Article fields named in ``data`` (only those present; a null value clears a field).

    :raises FormatProblem: unknown keys (when ``strict``), a value that is not text, two keys
        giving one field different values, or an invalid published date.
    """
    unknown = sorted(str(k) for k in data if str(k).lower() not in keys)
    if strict and unknown:
        allowed = ", ".join(sorted(keys))
        raise FormatProblem(f"{where}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {allowed})")
    fields: dict[str, str | None] = {}
    for key, value in data.items():
        name = keys.get(str(key).lower())
        if name is None:
            continue
        text = _as_text(value, key=str(key), where=where)
        if name == "published_date" and text is not None:
            try:
                text = require_date(text)
            except ValueError as exc:
                raise FormatProblem(f"{where}: {exc}") from exc
        if name in fields and fields[name] != text:
            raise FormatProblem(f"{where}: '{key}' contradicts another key giving the {name}")
        fields[name] = text
    return fields


def _as_text(value: object, *, key: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise FormatProblem(f"{where}: '{key}' must be text, not true/false")
    if isinstance(value, str | int | float):
        return clean_or_none(str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return clean_or_none(", ".join(value))
    raise FormatProblem(f"{where}: '{key}' must be text, not a {type(value).__name__}")


def _yaml_reason(exc: yaml.YAMLError, first_line: int) -> str:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        where = f" (line {mark.line + first_line})" if mark is not None else ""
        return f"{exc.problem}{where}"
    return str(exc).splitlines()[0]
