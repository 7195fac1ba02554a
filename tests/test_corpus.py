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


def test_no_article_repeats_a_paragraph_of_its_own(shared_real, tmp_path):
    """The inserted paragraph is never one the base article already has: 'title, P, P, …' reads
    as a scraped page with a repeated title and no article (article 96,436 of the 100k corpus
    did, and failed the build)."""
    sources = corpus.load_sources(corpus.source_files(shared_real))
    starts = [0, 5_000, 50_000, 96_436 - 3, 150_000]
    for start in starts:
        for i, text in corpus.generate(sources, 8, start=start):
            paragraphs = text.split("\n\n")
            assert len(set(paragraphs)) == len(paragraphs), f"article {i}"
            path = tmp_path / f"a{i}.txt"
            path.write_text(text, encoding="utf-8")
            assert read_article(path, tmp_path).body
