"""Extraction on a Dask distributed cluster: the same pure batches the local pool runs, sent to workers.

Only the article bodies travel to the workers and only extraction records come back; reading,
resolving, storing and validating stay in the build process, so a cluster build writes exactly
what a local one does. Before sending work the build asks every worker for its extractor version
(a hash of the extraction code, rule files and spaCy model): a worker running other code would
give other rows, so the build refuses it by name instead of mixing outputs.

Workers need this package importable (installed, or started from a checkout) and the pinned
model installed; start them with one thread each (``dask worker ADDRESS --nthreads 1``): a spaCy
pipeline is loaded once per worker process and parses one batch at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .errors import NewsClaimsError
from .records import Extraction

BATCH_SIZE = 16  # articles per task: small enough to spread over workers, large enough for nlp.pipe


class ClusterError(NewsClaimsError):
    """The scheduler cannot be reached, has no workers, or has workers running other code."""


def worker_version() -> str:
    """Run on each worker: the extractor version its installed code and model give."""
    from .cache import extractor_version
    from .extract.base.nlp import load_nlp_meta

    return extractor_version(load_nlp_meta())


def batches(bodies: list[str], size: int = BATCH_SIZE) -> list[list[str]]:
    return [bodies[i : i + size] for i in range(0, len(bodies), size)]


def check_workers(client, expected: str, address: str) -> int:
    """Number of workers, after checking that each runs the expected extractor version."""
    versions = client.run(worker_version)
    if not versions:
        raise ClusterError(
            f"{address}: the scheduler has no workers; start some with `dask worker {address}`"
        )
    wrong = sorted(w for w, v in versions.items() if v != expected)
    if wrong:
        raise ClusterError(
            f"{address}: worker(s) {', '.join(wrong)} run other extraction code or another model "
            f"(extractor version differs from this build's {expected}); install the same checkout there"
        )
    return len(versions)


def extract_on_cluster(
    bodies: list[str],
    address: str,
    expected_version: str,
    extract_batch: Callable[[list[str]], list[Extraction]],
    progress: Callable[[str], None],
    timeout: float = 30,
) -> Iterator[list[Extraction]]:
    """Extract ``bodies`` in order on the cluster at ``address`` (``tcp://host:port``), one batch at a time."""
    from distributed import Client

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except OSError as err:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler ({err})") from err
    try:
        workers = check_workers(client, expected_version, address)
    except BaseException:
        client.close()
        raise
    progress(f"  sending {len(bodies)} article(s) to {workers} Dask worker(s) at {address}")
    return _in_order(client, client.map(extract_batch, batches(bodies), pure=False))


def _in_order(client, futures) -> Iterator[list[Extraction]]:
    """Each batch's records as it comes back, in submission order; the client closes at the end."""
    with client:
        for future in futures:
            yield future.result()
