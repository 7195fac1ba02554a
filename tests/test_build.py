"""The whole build, end to end on real parts: CLI, exit codes, determinism, caching, bad input, atomicity."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import build as cli_module
from newsclaims import builder
from newsclaims.errors import BadInputError
from newsclaims.schema import TABLES
from tests.conftest import REPO
from tests.test_read import BAD_TEXTS

pytestmark = pytest.mark.usefixtures("nlp")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every visible file of an output folder and its bytes (the cache is hidden and excluded)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).parts[0].startswith(".")
    }


def csv_snapshot(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(folder).items() if k.endswith((".csv", ".json"))}


def test_build_writes_database_csvs_and_valid_package(built):
    out = built.out_dir
    assert (out / "newsclaims.db").is_file()
    for table in TABLES:
        assert (out / f"{table.name}.csv").is_file()
    assert built.row_counts["articles"] >= 1
    assert built.row_counts["quotes"] >= 1
    from newsclaims.package import validate_package

    validate_package(out / "datapackage.json")


def test_build_offsets_index_the_body(built_db):
    con = sqlite3.connect(built_db)
    for table in ("quotes", "figures"):
        rows = con.execute(
            f'select t.text, a.body, t.start, t."end" from {table} t join articles a on a.id = t.article_id'
        ).fetchall()
        assert rows, table
        for text, body, start, end in rows:
            assert body[start:end] == text


def test_build_every_speaker_and_claimant_exists(built_db):
    con = sqlite3.connect(built_db)
    con.execute("pragma foreign_keys = on")
    assert con.execute("pragma foreign_key_check").fetchall() == []


def test_build_is_byte_identical_across_runs_and_job_counts(corpus_dir, built, tmp_path):
    again = builder.build(corpus_dir, tmp_path / "again", jobs=2)
    assert csv_snapshot(again.out_dir) == csv_snapshot(built.out_dir)


def test_build_rebuild_uses_cache_and_changes_nothing(corpus_dir, tmp_path):
    out = tmp_path / "data"
    first = builder.build(corpus_dir, out, jobs=1)
    before = csv_snapshot(out)
    second = builder.build(corpus_dir, out, jobs=1)
    assert first.extracted == first.articles_read - len(first.duplicates)
    assert (second.extracted, second.cached) == (0, first.extracted)
    assert csv_snapshot(out) == before


def test_build_adding_an_article_changes_no_other_row_id(corpus_dir, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(corpus_dir, raw)
    first = builder.build(raw, tmp_path / "one", jobs=1)
    ids = {t: _ids(first.out_dir, t) for t in ("articles", "quotes", "figures", "people", "organisations")}
    (raw / "added.txt").write_text(
        "Shelter opens for rescued workers\n\n"
        "A new shelter for 60 rescued workers opened on Monday, said Mara Quill, director of the Tide Aid Fund.\n\n"
        "“We will take anyone who needs a bed,” Quill said.\n",
        encoding="utf-8",
    )
    second = builder.build(raw, tmp_path / "two", jobs=1)
    for table, before in ids.items():
        after = _ids(second.out_dir, table)
        assert before <= after, table
    assert len(_ids(second.out_dir, "articles")) == len(ids["articles"]) + 1


def _ids(out: Path, table: str) -> set[str]:
    con = sqlite3.connect(out / "newsclaims.db")
    return {r[0] for r in con.execute(f"select id from {table}")}


def _bad_corpus(corpus_dir: Path, tmp_path: Path) -> Path:
    raw = tmp_path / "raw-bad"
    shutil.copytree(corpus_dir, raw)
    (raw / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (raw / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    return raw


def test_build_strict_reports_every_bad_file_and_keeps_previous_output(corpus_dir, tmp_path):
    out = tmp_path / "data"
    builder.build(corpus_dir, out, jobs=1)
    before = snapshot(out)
    with pytest.raises(BadInputError) as info:
        builder.build(_bad_corpus(corpus_dir, tmp_path), out, jobs=1)
    names = {Path(f.path).name for f in info.value.failures}
    assert names == {"empty.txt", "binary.txt"}
    assert snapshot(out) == before


def test_build_skip_bad_builds_the_good_files(corpus_dir, tmp_path, built):
    report = builder.build(_bad_corpus(corpus_dir, tmp_path), tmp_path / "data", jobs=1, skip_bad=True)
    assert {Path(e.path).name for e in report.skipped} == {"empty.txt", "binary.txt"}
    assert report.row_counts == built.row_counts
    assert "skipped 2 bad file(s)" in report.format_text()


def test_build_duplicate_text_is_stored_once_with_a_warning(corpus_dir, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(corpus_dir, raw)
    first = sorted(p for p in raw.iterdir() if p.suffix == ".txt")[0]
    shutil.copy(first, raw / "zz-copy.txt")
    report = builder.build(raw, tmp_path / "data", jobs=1)
    assert report.duplicates == ((first.name, "zz-copy.txt"),)
    assert f"zz-copy.txt has the same article text as {first.name}" in report.format_text()


def test_build_failed_validation_keeps_previous_output(corpus_dir, tmp_path, monkeypatch):
    out = tmp_path / "data"
    builder.build(corpus_dir, out, jobs=1)
    before = snapshot(out)

    def invalid(path):
        raise builder.package.PackageInvalidError("  articles | 2 | id | unique-error | forced by the test")

    monkeypatch.setattr(builder.package, "validate_package", invalid)
    with pytest.raises(builder.package.PackageInvalidError):
        builder.build(corpus_dir, out, jobs=1, full=True)
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".data.build-*"))


def test_build_killed_midway_leaves_previous_output_intact(corpus_dir, tmp_path):
    out = tmp_path / "data"
    builder.build(corpus_dir, out, jobs=1)
    before = snapshot(out)
    cold = tmp_path / "cold-raw"
    shutil.copytree(corpus_dir, cold)
    (cold / "extra.txt").write_text("Fresh text\n\nSo the cache misses and the build has work to do.\n")
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--raw", str(cold), "--out", str(out), "--jobs", "1"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".data.build-*")) and time.monotonic() < deadline:
            assert proc.poll() is None, "build ended before it could be killed"
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(out) == before
    builder.build(corpus_dir, out, jobs=1)
    assert not list(tmp_path.glob(".data.build-*")), "next build clears what the killed one left"
    assert snapshot(out) == before


class _Interrupted(Exception):
    """Raised by the test's extractor to stop a build part of the way through."""


def test_build_interrupted_keeps_finished_extractions_and_the_next_build_resumes(
    corpus_dir, built, tmp_path, monkeypatch
):
    from newsclaims.extract import pipeline

    out = tmp_path / "data"
    real_extract = pipeline.extract
    calls: list[int] = []

    def extract_until_the_fifth(doc):
        calls.append(1)
        if len(calls) == 5:
            raise _Interrupted
        return real_extract(doc)

    monkeypatch.setattr(builder, "BATCH_SIZE", 2)
    monkeypatch.setattr(pipeline, "extract", extract_until_the_fifth)
    with pytest.raises(_Interrupted):
        builder.build(corpus_dir, out, jobs=1)
    assert not out.exists(), "nothing is in place after a failed first build"
    kept = sorted(builder.checkpoint_dir(out).glob("*.json"))
    assert len(kept) == 4, "the two finished batches of two are kept"

    monkeypatch.setattr(pipeline, "extract", real_extract)
    messages: list[str] = []
    resumed = builder.build(corpus_dir, out, jobs=1, progress=messages.append)
    assert resumed.extracted == resumed.articles_read - len(resumed.duplicates) - 4
    assert "resuming: 4 extraction(s) kept by an unfinished build" in messages
    assert csv_snapshot(out) == csv_snapshot(built.out_dir), "a resumed build writes what a clean one does"
    assert not builder.checkpoint_dir(out).exists(), "a finished build removes its checkpoint"
    assert builder.build(corpus_dir, out, jobs=1).extracted == 0, "every entry reached the new cache"


def test_build_checkpoint_of_other_extraction_code_is_not_used(corpus_dir, built, tmp_path):
    out = tmp_path / "data"
    checkpoint = builder.checkpoint_dir(out)
    checkpoint.mkdir()
    from newsclaims.extract.base.nlp import load_nlp_meta

    # An entry under a key this code never computes (another extractor version), and a write
    # torn by a kill under the key of a real article.
    (checkpoint / f"{'0' * 64}.json").write_text("{}", encoding="utf-8")
    articles, _ = builder.read_all(corpus_dir)
    key = builder.cache.cache_key(articles[0].body, builder.cache.extractor_version(load_nlp_meta()))
    (checkpoint / f"{key}.json").write_text('{"people": [', encoding="utf-8")
    report = builder.build(corpus_dir, out, jobs=1)
    assert report.extracted == report.articles_read - len(report.duplicates)
    assert csv_snapshot(out) == csv_snapshot(built.out_dir)


def test_build_with_a_pool_checkpoints_every_batch(corpus_dir, tmp_path, monkeypatch):
    out = tmp_path / "data"
    seen: list[int] = []
    real_save = builder.cache.save

    def save_and_count(folder, key, extraction):
        if folder == builder.checkpoint_dir(out):
            seen.append(len(list(folder.glob("*.json"))))
        real_save(folder, key, extraction)

    monkeypatch.setattr(builder, "BATCH_SIZE", 3)
    monkeypatch.setattr(builder.cache, "save", save_and_count)
    report = builder.build(corpus_dir, out, jobs=2)
    assert len(seen) == report.extracted, "every fresh extraction went to the checkpoint first"
    assert seen == list(range(report.extracted)), "one at a time, in order, as batches came back"


def test_build_recover_restores_output_after_crash_between_renames(tmp_path):
    out = tmp_path / "data"
    backup = tmp_path / ".data.previous"
    backup.mkdir()
    (backup / "articles.csv").write_text("id\n", encoding="utf-8")
    builder.recover(out)
    assert (out / "articles.csv").read_text(encoding="utf-8") == "id\n"
    assert not backup.exists()


def test_cli_build_exit_codes(corpus_dir, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(
        cli_module.cli, ["--raw", str(corpus_dir), "--out", str(tmp_path / "d"), "--jobs", "1"]
    )
    assert ok.exit_code == 0, ok.output
    assert "quotes" in ok.output and "rows" in ok.output
    bad = _bad_corpus(corpus_dir, tmp_path)
    failed = subprocess.run(
        [sys.executable, "build.py", "--raw", str(bad), "--out", str(tmp_path / "d"), "--jobs", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert failed.returncode == 1
    assert "empty.txt" in failed.stderr and "binary.txt" in failed.stderr
    usage = subprocess.run(
        [sys.executable, "build.py", "--jobs", "0"], cwd=REPO, capture_output=True, text=True
    )
    assert usage.returncode == 2


def test_committed_data_is_not_stale(tmp_path):
    """data/*.csv and datapackage.json in the repo equal a fresh build of raw/."""
    fresh = builder.build(
        REPO / "raw", tmp_path / "data", jobs=1, descriptor_path=tmp_path / "datapackage.json"
    )
    committed = REPO / "data"
    for table in TABLES:
        name = f"{table.name}.csv"
        assert (committed / name).read_bytes() == (fresh.out_dir / name).read_bytes(), (
            f"data/{name} is stale: run make build"
        )
    assert (REPO / "datapackage.json").read_bytes() == (tmp_path / "datapackage.json").read_bytes()
    assert (committed / "datapackage.json").read_bytes() == (fresh.out_dir / "datapackage.json").read_bytes()


BAD_KINDS = [
    *BAD_TEXTS,
    pytest.param(b"Big\n\n" + b"word " * (1_300_000), "over the 5 MB cap", id="over-size-cap"),
]


@pytest.mark.parametrize(("raw", "reason"), BAD_KINDS)
def test_build_each_bad_input_kind_is_reported_and_loses_nothing_else(
    corpus_dir, built, tmp_path, raw, reason
):
    raw_dir = tmp_path / "raw"
    shutil.copytree(corpus_dir, raw_dir)
    (raw_dir / "bad-input.txt").write_bytes(raw)
    out = tmp_path / "data"
    shutil.copytree(built.out_dir, out)  # previous good output, with its extraction cache
    before = snapshot(out)

    with pytest.raises(BadInputError) as info:
        builder.build(raw_dir, out, jobs=1)
    (failure,) = info.value.failures
    assert Path(failure.path).name == "bad-input.txt" and reason in failure.reason
    assert "bad-input.txt" in str(info.value) and "--skip-bad" in str(info.value)
    assert snapshot(out) == before

    report = builder.build(raw_dir, out, jobs=1, skip_bad=True)
    assert [Path(e.path).name for e in report.skipped] == ["bad-input.txt"]
    assert report.row_counts == built.row_counts
    assert csv_snapshot(out) == csv_snapshot(built.out_dir)


def test_build_warns_about_metadata_files_beside_no_raw_file(corpus_dir, built, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(corpus_dir, raw)
    (raw / "renamed-article.yml").write_text("title: Lost\n", encoding="utf-8")
    out = tmp_path / "data"
    shutil.copytree(built.out_dir, out)
    report = builder.build(raw, out, jobs=1)
    assert report.warnings == (
        "renamed-article.yml is a metadata file beside no raw file of the same stem; ignored",
    )
    assert "warning: renamed-article.yml" in report.format_text()
    assert report.row_counts == built.row_counts


def test_committed_datapackage_validates_with_the_frictionless_command():
    for descriptor in ("datapackage.json", "data/datapackage.json"):
        result = subprocess.run(
            [sys.executable, "-m", "frictionless", "validate", descriptor],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout[-2000:]
        assert "INVALID" not in result.stdout


def test_build_validation_groups_cover_every_table_once():
    names = [n for group in builder.VALIDATION_GROUPS for n in group] + list(builder.LOCAL_VALIDATION)
    assert sorted(names) == sorted(t.name for t in TABLES)


def test_build_rereads_only_raw_files_whose_bytes_or_sidecar_changed(corpus_dir, tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(corpus_dir, raw)
    out = tmp_path / "data"
    builder.build(raw, out, jobs=1)
    before = csv_snapshot(out)
    calls: list[str] = []
    real_read = builder.read_article

    def counting_read(path, raw_root, **kwargs):
        calls.append(Path(path).name)
        return real_read(path, raw_root, **kwargs)

    monkeypatch.setattr(builder, "read_article", counting_read)
    builder.build(raw, out, jobs=1)
    assert calls == []
    assert csv_snapshot(out) == before

    sidecar = next(p for p in sorted(raw.iterdir()) if p.suffix == ".yml")
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    (raw / "bad.txt").write_bytes(b"")
    builder.build(raw, out, jobs=1, skip_bad=True)
    raw_of_sidecar = next(p.name for p in raw.iterdir() if p.stem == sidecar.stem and p != sidecar)
    assert sorted(calls) == sorted([raw_of_sidecar, "bad.txt"])
    assert csv_snapshot(out) == before
