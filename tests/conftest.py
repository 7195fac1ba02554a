"""Shared fixtures: the ../shared evaluation data (skips when absent) and one spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder CI lays beside the repo; a user's clone has none."""
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"needs ../shared/eval beside the repo ({SHARED} is absent)")
    return SHARED


@pytest.fixture(scope="session")
def eval_articles(shared_dir: Path) -> Path:
    return shared_dir / "eval" / "articles"


@pytest.fixture(scope="session")
def nlp():
    """spaCy's English small pipeline, loaded once for the session."""
    from newsclaims.extract.nlp import load_nlp

    try:
        return load_nlp()
    except OSError as exc:
        pytest.skip(str(exc))
