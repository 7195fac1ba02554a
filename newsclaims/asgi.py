"""The published Datasette as an ASGI app, for several serving processes (``build.py serve --workers N``).

``datasette serve`` is one process, and with ``num_sql_threads`` 0 (``serve.SETTINGS``) one
thread: on a machine with more cores, more processes serve more researchers at once, and a slow
query holds only its own process. uvicorn's workers share one listening socket and each imports
``app`` from here, so its configuration comes from the environment ``serve.server_command`` sets:
``NEWSCLAIMS_DB``, ``NEWSCLAIMS_METADATA`` and, optionally, ``NEWSCLAIMS_INSPECT``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette

from .serve import PLUGINS_DIR, REPO, SETTINGS, TEMPLATE_DIR


def make_datasette(db: Path, metadata: Path, inspect: Path | None = None) -> Datasette:
    """The instance ``serve_args`` describes: immutable ``db``, its inspect counts, our metadata,
    templates, plugins and settings."""
    return Datasette(
        immutables=[str(db)],
        inspect_data=json.loads(inspect.read_text(encoding="utf-8")) if inspect else None,
        metadata=yaml.safe_load(metadata.read_text(encoding="utf-8")),
        template_dir=str(REPO / TEMPLATE_DIR),
        plugins_dir=str(REPO / PLUGINS_DIR),
        settings=SETTINGS,
    )


def _app_from_environment() -> Any:
    inspect = os.environ.get("NEWSCLAIMS_INSPECT")
    return make_datasette(
        Path(os.environ["NEWSCLAIMS_DB"]),
        Path(os.environ["NEWSCLAIMS_METADATA"]),
        Path(inspect) if inspect else None,
    ).app()


# Built at import in each worker; importing this module elsewhere (tests) needs no environment.
app = _app_from_environment() if "NEWSCLAIMS_DB" in os.environ else None
