"""Extraction on a real Dask cluster: a scheduler and two workers on 127.0.0.1, started as the
README starts them (`dask scheduler`, `dask worker`), against a local build of the same files."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclaims.builder import build
from newsclaims.cluster import ClusterError, check_workers, extract_on_cluster
from tests.conftest import FIXTURES, REPO

DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """``tcp://127.0.0.1:PORT`` of a running scheduler with two single-threaded workers."""
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    host, port = address.removeprefix("tcp://").split(":")
    commands = [[str(DASK), "scheduler", "--host", host, "--port", port, "--no-dashboard"]]
    commands += [[str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard"]] * 2
    procs = []
    try:
        for i, command in enumerate(commands):
            log = (logs / f"{i}.log").open("w")
            procs.append(subprocess.Popen(command, cwd=logs, env=env, stdout=log, stderr=subprocess.STDOUT))
            if i == 0:
                time.sleep(2)
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def real_raw(tmp_path_factory) -> Path:
    """The repo's raw article plus twelve committed real Wikinews articles."""
    raw = tmp_path_factory.mktemp("cluster") / "raw"
    shutil.copytree(REPO / "raw", raw)
    for path in sorted((FIXTURES / "real").glob("*.txt"))[:12]:
        shutil.copy(path, raw / path.name)
    return raw


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".cache" not in p.parts
    }


def test_cluster_build_is_byte_identical_to_a_local_build(cluster, real_raw, tmp_path):
    local = build(real_raw, tmp_path / "local", jobs=1)
    remote = build(real_raw, tmp_path / "remote", scheduler=cluster)
    assert remote.extracted == local.extracted == 13
    assert remote.row_counts == local.row_counts
    assert remote.row_counts["quotes"] > 50
    assert _files(tmp_path / "remote") == _files(tmp_path / "local")


def test_cluster_build_reuses_the_cache_like_a_local_one(cluster, real_raw, tmp_path):
    out = tmp_path / "data"
    build(real_raw, out, jobs=1)
    again = build(real_raw, out, scheduler=cluster)
    assert (again.extracted, again.cached) == (0, 13)


def test_unreachable_scheduler_is_a_clear_error():
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        extract_on_cluster(["Text."], address, "v", lambda b: [], lambda m: None, timeout=2)


class _Client:
    """The one call ``check_workers`` makes of a distributed Client: run a function on every worker."""

    def __init__(self, versions: dict[str, str]) -> None:
        self.versions = versions

    def run(self, function):
        return self.versions


def test_workers_running_other_code_are_refused_by_name():
    with pytest.raises(ClusterError, match=r"tcp://10\.0\.0\.2:4000"):
        check_workers(_Client({"tcp://10.0.0.1:4000": "a", "tcp://10.0.0.2:4000": "b"}), "a", "tcp://s:8786")
    with pytest.raises(ClusterError, match="no workers"):
        check_workers(_Client({}), "a", "tcp://s:8786")
    assert check_workers(_Client({"w1": "a", "w2": "a"}), "a", "tcp://s:8786") == 2


def test_the_workers_report_this_checkouts_extractor_version(cluster):
    from distributed import Client

    from newsclaims.cluster import worker_version

    with Client(cluster, set_as_default=False) as client:
        versions = client.run(worker_version)
    assert len(versions) == 2
    assert set(versions.values()) == {worker_version()}
