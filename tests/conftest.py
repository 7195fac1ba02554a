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
    from newsclaims.extract.base.nlp import load_nlp

    try:
        return load_nlp()
    except OSError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    """A raw folder holding the repo's real article plus the small fixture corpus of tests/fixtures/raw."""
    import shutil

    raw = tmp_path_factory.mktemp("corpus") / "raw"
    shutil.copytree(REPO / "raw", raw)
    fixtures = FIXTURES / "raw"
    if fixtures.is_dir():
        for path in sorted(fixtures.iterdir()):
            if path.is_file():
                shutil.copy(path, raw / path.name)
    return raw


@pytest.fixture(scope="session")
def built(tmp_path_factory, corpus_dir: Path, nlp):
    """A real build (read, extract, resolve, store, package, validate) of the corpus, once per session."""
    from newsclaims.builder import build

    out = tmp_path_factory.mktemp("built") / "data"
    return build(corpus_dir, out, jobs=1)


@pytest.fixture(scope="session")
def built_db(built) -> Path:
    """Path of the SQLite database of the session build."""
    return built.out_dir / "newsclaims.db"


@pytest.fixture(scope="session")
def rules():
    """The shipped word lists, loaded once."""
    from newsclaims.extract.base.rules import load_rules

    return load_rules()
