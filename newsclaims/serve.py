"""Serving: the Datasette command line and settings for the published instance, and a test server.

The database is served immutable and read-only on loopback; settings bound every query so one
researcher's runaway SQL holds the server at most 1.5 s (see README, Publishing).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TEMPLATE_DIR = "templates"
PLUGINS_DIR = "plugins"

# 50 rows a page: quote and article rows carry whole paragraphs, so 50 keeps table pages light
# and quick to render under load; JSON and CSV users page with _size (up to max_returned_rows)
# or stream the whole table with _stream=on. Long cells (article bodies) are cut at 400
# characters in HTML tables: the article page shows them whole. Suggested facets are off: they
# try a query per column on every table page, which halved table-page latency under load
# (bench/serve_load.py, 50 clients); the default facets in metadata cover the useful columns.
# Queries run on the event loop's own thread (num_sql_threads 0), not a pool of 3: a table page
# makes about ten short queries, and through a shared pool each one queued behind every other
# client's, so under 20 clients a 20 ms page took 1.2 s (p50) on a 100k-article database and 0.45 s
# without the pool (bench/serve_load.py: p95 1,345 -> 751 ms, 10k p95 898 -> 346 ms). The price: a
# slow query holds the whole process until it ends or sql_time_limit_ms cuts it off (1.5 s).
SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 1500,
    "max_returned_rows": 1000,
    "allow_download": True,
    "default_page_size": 50,
    "truncate_cells_html": 400,
    "suggest_facets": False,
    "num_sql_threads": 0,
}


def serve_args(db: Path, *, port: int, metadata: Path, inspect: Path | None = None) -> list[str]:
    """The ``datasette`` argv (after ``python -m datasette``) serving ``db`` read-only on loopback.

    The database is immutable (``-i``: no writes, counts from the inspect file, downloads allowed);
    queries are cut off after 1.5 s, so a runaway query holds the (single-threaded) server at most that long.
    Paths to ``templates/`` and ``plugins/`` are relative: run it from the repository root.
    """
    args = ["serve", "-i", str(db)]
    if inspect is not None:
        args += ["--inspect-file", str(inspect)]
    args += [
        "--metadata",
        str(metadata),
        "--template-dir",
        TEMPLATE_DIR,
        "--plugins-dir",
        PLUGINS_DIR,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    for name, value in SETTINGS.items():
        args += ["--setting", name, _setting_text(value)]
    return args


def server_command(
    db: Path, *, port: int, metadata: Path, inspect: Path | None = None, workers: int = 1
) -> tuple[list[str], dict[str, str]]:
    """The command (argv, extra environment) that serves ``db`` on loopback with ``workers`` processes.

    One process is ``datasette serve`` with ``serve_args``. Several are uvicorn workers sharing the
    listening socket, each running ``newsclaims.asgi:app``: the same Datasette (immutable database,
    inspect file, metadata, templates, plugins, SETTINGS), configured through the environment
    because uvicorn imports the app in each worker. Run it from the repository root.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if workers == 1:
        return [
            sys.executable,
            "-m",
            "datasette",
            *serve_args(db, port=port, metadata=metadata, inspect=inspect),
        ], {}
    env = {"NEWSCLAIMS_DB": str(db), "NEWSCLAIMS_METADATA": str(metadata)}
    if inspect is not None:
        env["NEWSCLAIMS_INSPECT"] = str(inspect)
    argv = [sys.executable, "-m", "uvicorn", "newsclaims.asgi:app", "--workers", str(workers)]
    return [*argv, "--host", "127.0.0.1", "--port", str(port)], env


def _setting_text(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def write_inspect(db: Path, path: Path) -> None:
    """Run ``datasette inspect`` over ``db``, writing row counts to ``path`` for ``--inspect-file``.

    ``datasette inspect`` counts tables only; the views' counts are added beside them, because
    for an immutable database Datasette takes a page's unfiltered count from this file by name,
    view or table, and otherwise counts a view's join on every visit (0.45 s per page at a
    million quotes).

    :raises subprocess.CalledProcessError: datasette could not read the database.
    """
    subprocess.run(
        [sys.executable, "-m", "datasette", "inspect", str(db), "--inspect-file", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(path.read_text(encoding="utf-8"))
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        views = [
            row[0] for row in conn.execute("select name from sqlite_master where type = 'view' order by name")
        ]
        counts = {name: conn.execute(f'select count(*) from "{name}"').fetchone()[0] for name in views}
    finally:
        conn.close()
    tables = next(iter(data.values()))["tables"]
    for name, count in counts.items():
        tables[name] = {"count": count}
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def free_port() -> int:
    """A loopback port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(
    db: Path,
    *,
    metadata: Path,
    inspect: Path | None = None,
    port: int | None = None,
    workers: int = 1,
    startup_timeout: float = 60.0,
) -> Iterator[str]:
    """Serve ``db`` with ``server_command`` in a child process; yield its base URL; always stop it.

    The child runs from the repository root (``templates/`` and ``plugins/`` are relative
    there); its output goes to a temporary log, not a pipe, so access logs under load can
    never block it.

    :raises RuntimeError: the server exited or did not answer within ``startup_timeout``
        seconds; the message carries its log.
    """
    port = port or free_port()
    argv, env = server_command(
        db.resolve(),
        port=port,
        metadata=metadata.resolve(),
        inspect=inspect.resolve() if inspect else None,
        workers=workers,
    )
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            argv, cwd=REPO, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            _wait_until_answering(proc, url, startup_timeout, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_until_answering(proc: subprocess.Popen, url: str, timeout: float, log: Any) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url + "/-/versions.json", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    log.seek(0)
    output = log.read().decode("utf-8", "replace")[-4000:]
    state = f"exited with code {proc.returncode}" if proc.poll() is not None else "did not answer"
    raise RuntimeError(f"datasette at {url} {state}:\n{output}")
