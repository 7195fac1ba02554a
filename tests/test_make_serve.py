"""`make serve` itself, as a user runs it: it answers on PORT and serves the seed article with its quotes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest

from newsclaims.publish import free_port
from tests.conftest import REPO

pytestmark = pytest.mark.server

SEED_TITLE = "Human trafficking thrives as police stand by: NGO"


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_serve_answers_on_port_with_the_seed_article_and_its_quotes():
    port = free_port()
    proc = subprocess.Popen(
        ["make", "serve", f"PORT={port}"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/newsclaims"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, "make serve exited"
            try:
                articles = _get_json(f"{base}/articles.json?_shape=array")
                break
            except OSError:
                assert time.monotonic() < deadline, "make serve did not answer within 120 s"
                time.sleep(0.5)
        seed = next(a for a in articles if a["title"] == SEED_TITLE)
        quotes = _get_json(f"{base}/quotes.json?_shape=array&article_id={seed['id']}")
        assert len(quotes) >= 10
        assert all(seed["body"][q["start"] : q["end"]] == q["text"] for q in quotes)
        page = urllib.request.urlopen(f"{base}/article/{seed['id']}", timeout=5).read().decode()
        assert SEED_TITLE in page and "<mark" in page
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
