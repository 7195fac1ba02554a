"""Datasette plugin: error pages rendered without rich tracebacks.

When ``rich`` is importable (spaCy's CLI brings it in), Datasette 0.65.5's default exception
handler prints every error as a rich traceback with all local variables. With rich 14 and later
that call raises when it runs outside an ``except`` block, which is where Datasette handles a
URL matching no route: such requests answered 500 instead of 404, and every 404 filled the log
with request headers and locals. Turning rich off for the handler restores Datasette's plain
behaviour: the same error pages, 404s stay 404s, and 500s still log a normal traceback.
"""

import datasette.handle_exception as default_handler
from datasette import hookimpl


@hookimpl
def startup(datasette):
    default_handler.rich = None
