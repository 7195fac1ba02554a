"""Reading the ``rules/`` word lists the figure readers use, and turning them into regex alternations.

The figure modules read their lists once, at import, into module constants and compiled patterns;
unlike ``rules.load_rules`` only lines starting ``# `` (hash and space) are comments here.
"""

from __future__ import annotations

import re
from importlib import resources


def load_rule_lines(name: str) -> list[str]:
    """Entries of ``rules/<name>``: one per line, blank lines and ``# `` comments skipped."""
    lines = resources.files("newsclaims.rules").joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("# ")]


def load_rule_table(name: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in load_rule_lines(name))


def alternation(forms: list[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
