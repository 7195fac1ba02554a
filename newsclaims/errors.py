"""Exceptions that name the file or article they are about, so a user can fix the input."""

from __future__ import annotations

from pathlib import Path


class NewsClaimsError(Exception):
    """Base class: every error the command line turns into a one-line message."""


class ReadError(NewsClaimsError):
    """A raw file cannot become an article (empty, binary, undecodable, malformed metadata...)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class BadInputError(NewsClaimsError):
    """One or more raw files were bad in a strict build; carries every failure, not just the first."""

    def __init__(self, failures: list[ReadError]) -> None:
        self.failures = failures
        lines = "\n".join(f"  {f}" for f in failures)
        super().__init__(
            f"{len(failures)} bad input file(s); nothing was replaced "
            f"(fix them, or rerun with --skip-bad):\n{lines}"
        )


class PackageInvalidError(NewsClaimsError):
    """The built datapackage failed Frictionless validation; carries its report text."""

    def __init__(self, report: str) -> None:
        self.report = report
        super().__init__(f"datapackage is invalid; previous output kept:\n{report}")


class GoldError(NewsClaimsError):
    """A gold annotation file is missing, unreadable or names a raw file that is not there."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
