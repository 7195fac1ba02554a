"""Datasette plugin: the database page lists tables only, though the inspect file counts views.

``newsclaims.serve.write_inspect`` adds each view's row count to the inspect file's ``tables``:
for an immutable database Datasette's table view takes a page's unfiltered count from there by
name, and a view's page otherwise counts its join on every visit (0.45 s at a million quotes).
But Datasette also takes the database page's list of tables from the same counts, then looks up
each one's foreign keys, which views do not have: ``/newsclaims`` and ``/newsclaims.json``
failed with ``KeyError: 'figure_claims'``. At startup this drops the views from each database's
cached table counts; the table view reads the inspect data itself, so view pages keep theirs.
"""

from datasette import hookimpl


@hookimpl
def startup(datasette):
    async def tables_only():
        for db in datasette.databases.values():
            counts = db.cached_table_counts
            if counts is None:
                continue
            views = set(await db.view_names())
            db._cached_table_counts = {name: n for name, n in counts.items() if name not in views}

    return tables_only
