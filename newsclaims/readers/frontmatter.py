"""Format C: a YAML front-matter block between ``---`` lines, then the clean body text."""

from __future__ import annotations

import re

from newsclaims.readers.common import FormatProblem, Parsed, paragraphs_from_lines, strip_trailing_boilerplate
from newsclaims.readers.metadata import FRONT_MATTER_KEYS, load_yaml_mapping, metadata_fields

_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def has_front_matter(text: str) -> bool:
    """Whether the text opens with a ``---`` line (the closing line is checked by the reader)."""
    return _OPENING.match(text) is not None


def read_front_matter(text: str) -> Parsed:
    """Metadata from the front matter (title, publication, url, published, byline), body after it.

    :raises FormatProblem: no closing ``---``, invalid YAML, invalid date, or no body text.
    """
    opening = _OPENING.match(text)
    if opening is None:
        raise FormatProblem("front matter must start with a '---' line")
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise FormatProblem("front matter opened with '---' has no closing '---' line")
    data = load_yaml_mapping(text[opening.end() : closing.start()], where="front matter", first_line=2)
    fields = metadata_fields(data, keys=FRONT_MATTER_KEYS, where="front matter", strict=False)
    body_lines = strip_trailing_boilerplate(text[closing.end() :].split("\n"))
    paragraphs, _ = paragraphs_from_lines(body_lines)
    if not paragraphs:
        raise FormatProblem("no article text after the front matter")
    return Parsed(paragraphs=tuple(paragraphs), raw_format="frontmatter", **fields)
