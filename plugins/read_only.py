"""Datasette plugin: the published instance only reads, so every other HTTP method gets 405.

The database is served immutable, so writes fail anyway; refusing them at the door as well means
no view ever handles a POST (Datasette 0.65.5 answers a POST to a read-only canned query with a
500) and the answer says plainly why.
"""

from datasette import hookimpl

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MESSAGE = b"This Datasette instance is read-only: only GET and HEAD requests are answered.\n"


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def read_only_app(scope, receive, send):
            if scope["type"] == "http" and scope["method"] not in READ_METHODS:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 405,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"allow", b"GET, HEAD, OPTIONS"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": MESSAGE})
                return
            await app(scope, receive, send)

        return read_only_app

    return wrap
