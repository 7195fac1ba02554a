"""Datasette plugin: table-page facets read from counts the build stored, when nothing is filtered.

The published database is immutable, so the facet counts of an unfiltered table never change;
``build.py`` stores them in the hidden ``facet_counts`` table (see ``newsclaims.store``). On a
100k-article database each live facet is a GROUP BY over a million rows, run again for every
visitor of a table's first page; read from ``facet_counts`` it is a primary-key range lookup.

Metadata names these facets ``{"counted": "column"}``. Once a page is filtered (a column filter,
``_search``, ``_where``) the counts depend on the filter, so they are computed live, exactly as
Datasette's own column facet computes them (this class is that facet, with one short cut).
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.facets import ColumnFacet
from datasette.utils import path_with_added_args, path_with_removed_args

COUNTS_TABLE = "facet_counts"


class CountedFacet(ColumnFacet):
    """A column facet whose unfiltered counts come from the build's ``facet_counts`` table."""

    type = "counted"

    def _unfiltered(self) -> bool:
        # Datasette passes the table's rows query: "select … from [table] " plus any where clause.
        return bool(self.table) and not self.params and " where " not in f" {self.sql.lower()} "

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        if not self._unfiltered() or not await self._has_counts():
            return await super().facet_results()
        qs_pairs = self.get_querystring_pairs()
        facet_size = self.get_facet_size()
        results = []
        for source_and_config in self.get_configs():
            config, source = source_and_config["config"], source_and_config["source"]
            column = config.get("column") or config["simple"]
            rows = list(
                await self.ds.execute(
                    self.database,
                    f"select value, count from {COUNTS_TABLE} where source = :source and column_name = :column "
                    "order by count desc, value limit :limit",
                    {"source": self.table, "column": column, "limit": facet_size + 1},
                )
            )
            results.append(await self._facet(column, source, rows, facet_size, qs_pairs))
        return results, []

    async def _has_counts(self) -> bool:
        db = self.ds.get_database(self.database)
        return await db.table_exists(COUNTS_TABLE)

    async def _facet(
        self, column: str, source: str, rows: list[Any], facet_size: int, qs_pairs: list[tuple[str, str]]
    ) -> dict[str, Any]:
        """The facet as Datasette's ColumnFacet shapes it (same keys, labels and toggle links)."""
        shown = rows[:facet_size]
        values = [row["value"] for row in shown]
        expanded = await self.ds.expand_foreign_keys(self.database, self.table, column, values)
        column_qs = f"{column}__exact" if column.startswith("_") else column
        entries = []
        for row in shown:
            selected = (column_qs, str(row["value"])) in qs_pairs
            if selected:
                toggle = path_with_removed_args(self.request, {column_qs: str(row["value"])})
            else:
                toggle = path_with_added_args(self.request, {column_qs: row["value"]})
            entries.append(
                {
                    "value": row["value"],
                    "label": expanded.get((column, row["value"]), row["value"]),
                    "count": row["count"],
                    "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle)),
                    "selected": selected,
                }
            )
        return {
            "name": column,
            "type": self.type,
            "hideable": source != "metadata",
            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
            "results": entries,
            "truncated": len(rows) > facet_size,
        }


@hookimpl
def register_facet_classes():
    return [CountedFacet]
