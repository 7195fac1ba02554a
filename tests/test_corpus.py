"""The scale-test corpus generator: distinct articles (as the build reads them), reproducible, and
article i the same file whichever run wrote it."""

from __future__ import annotations

import sys

import pytest

from newsclaims.read import discover_raw_files, read_article
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import corpus


@pytest.fixture(scope="module")
def shared_real(shared_dir):
    real = shared_dir / "real-news"
    if not (real / "wikinews-158").is_dir():
        pytest.skip(f"needs {real}/wikinews-158")
    return real


def test_generated_articles_read_as_distinct_articles(shared_real, tmp_path):
    n = 3 * 182 + 40  # more than three rounds over the real articles
    corpus.write_corpus(tmp_path, n, shared=shared_real)
    files = discover_raw_files(tmp_path)
    assert len(files) == n  # the licence README is not an article
    bodies = [read_article(p, tmp_path).body for p in files]
    assert len(set(bodies)) == n
    words = sorted(len(b.split()) for b in bodies)
    assert 200 < words[n // 2] < 2000  # real lengths, not snippets


def test_article_i_does_not_depend_on_the_run(shared_real, tmp_path):
    corpus.write_corpus(tmp_path / "all", 250, shared=shared_real)
    corpus.write_corpus(tmp_path / "tail", 50, start=200, shared=shared_real)
    for i in range(200, 250):
        a = corpus.path_for(tmp_path / "all", i).read_bytes()
        assert corpus.path_for(tmp_path / "tail", i).read_bytes() == a
    assert "CC BY 2.5" in (tmp_path / "tail" / "README.txt").read_text()
