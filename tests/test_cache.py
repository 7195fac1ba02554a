"""The extraction cache: lossless round trip, content + version keys, and unreadable entries ignored."""

from __future__ import annotations

from newsclaims import cache
from tests.records_factory import extraction_one, extraction_two


def test_cache_round_trip_is_lossless():
    for extraction in (extraction_one(), extraction_two()):
        assert cache.from_json(cache.to_json(extraction)) == extraction


def test_cache_key_depends_on_text_and_version():
    assert cache.cache_key("a", "v1") == cache.cache_key("a", "v1")
    assert cache.cache_key("a", "v1") != cache.cache_key("b", "v1")
    assert cache.cache_key("a", "v1") != cache.cache_key("a", "v2")


def test_cache_extractor_version_changes_with_model():
    assert cache.extractor_version("model-1") != cache.extractor_version("model-2")
    assert cache.extractor_version("model-1") == cache.extractor_version("model-1")


def test_cache_load_ignores_missing_and_corrupt_entries(tmp_path):
    assert cache.load(tmp_path, "nope") is None
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert cache.load(tmp_path, "bad") is None
    cache.save(tmp_path / "sub", "good", extraction_one())
    assert cache.load(tmp_path / "sub", "good") == extraction_one()


def test_cache_read_articles_round_trip_and_keys(tmp_path):
    from newsclaims.records import Article

    article = Article("a/b.txt", "0" * 64, "Body one.\n\nBody two.", title="T", published_date="2024-01-02")
    cache.save_text(tmp_path, "k", cache.article_to_json(article))
    assert cache.load_article(tmp_path, "k") == article
    assert cache.load_article(tmp_path, "missing") is None
    version = cache.reader_version()
    key = cache.read_key("a/b.txt", b"raw", [b"side"], version)
    assert key == cache.read_key("a/b.txt", b"raw", [b"side"], version)
    assert key != cache.read_key("a/c.txt", b"raw", [b"side"], version)
    assert key != cache.read_key("a/b.txt", b"raw!", [b"side"], version)
    assert key != cache.read_key("a/b.txt", b"raw", [b"side2"], version)
    assert key != cache.read_key("a/b.txt", b"raw", [b"side"], "other-reader")
