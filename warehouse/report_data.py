"""Read-only queries behind the HTML report, the UI artifacts and ``sitrep sql``.

Every function opens the published warehouse read-only, so it can run while a pipeline run
builds the next version beside it. The report's SQL lives in ``queries/report/*.sql``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import connect

log = logging.getLogger("sitrep")

QUERIES_DIR = Path(__file__).parent / "queries" / "report"
# The report's tables, each the result of the .sql file of the same name.
REPORT_QUERIES = (
    "totals",
    "by_governorate",
    "by_day",
    "event_points",
    "reference_places",
    "events",
    "event_sources",
    "governorates",
)
# Governorate outlines of Syria and Iraq (Who's On First; see seeds/reference/README.md).
OUTLINES = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "governorates.geojson"
# Statement types `sitrep sql` runs; anything else is refused before it reaches DuckDB.
READ_STATEMENTS = frozenset({"SELECT", "EXPLAIN", "PRAGMA"})


class WriteRefused(ValueError):
    """A statement that could change something was given to a read-only entry point."""


def _has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute(
        "select count(*) from duckdb_tables() where table_name = $n "
        "union all select count(*) from duckdb_views() where view_name = $n",
        {"n": name},
    ).fetchall()
    return any(n for (n,) in found)


def _records(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# Events listed (newest first) in the report's table; the charts count them all.
MAX_REPORT_EVENTS = 1000
# Places drawn on the map (the most attacked): the page stays light in a browser.
MAX_MAP_PLACES = 5000


def report_tables(
    warehouse: str | Path, max_events: int = MAX_REPORT_EVENTS, max_places: int = MAX_MAP_PLACES
) -> dict[str, pa.Table]:
    """The report's input tables (see REPORT_QUERIES) from the published warehouse."""
    limits = {"max_events": max_events, "max_places": max_places}
    tables = {}
    with connect(warehouse, read_only=True) as con:
        for name in REPORT_QUERIES:
            sql = (QUERIES_DIR / f"{name}.sql").read_text()
            params = {k: v for k, v in limits.items() if f"${k}" in sql} or None
            tables[name] = con.execute(sql, params).to_arrow_table()
    return tables


def governorate_outlines(path: Path = OUTLINES) -> dict[str, Any]:
    """The map's governorate outlines, a GeoJSON FeatureCollection (empty if the file is gone:
    the map then shows the points alone)."""
    if not path.exists():
        log.warning("no governorate outlines at %s: the map has no outlines", path)
        return {"type": "FeatureCollection", "features": []}
    return json.loads(path.read_text(encoding="utf-8"))


def attacks_by_location(warehouse: str | Path, limit: int) -> list[dict[str, Any]]:
    """The ``attacks_by_location`` mart, most attacked first; [] if it is not built yet."""
    if not Path(warehouse).exists():
        return []
    with connect(warehouse, read_only=True) as con:
        if not _has_relation(con, "attacks_by_location"):
            log.warning("%s has no attacks_by_location view", warehouse)
            return []
        cur = con.execute(
            "select * from attacks_by_location order by attacks desc, location limit $n",
            {"n": limit},
        )
        return _records(cur)


def validation_results(warehouse: str | Path, run_id: str) -> list[dict[str, Any]]:
    """The expectations a run checked, as recorded in the published warehouse."""
    if not Path(warehouse).exists():
        return []
    with connect(warehouse, read_only=True) as con:
        if not _has_relation(con, "validation_results"):
            return []
        cur = con.execute(
            "select * from validation_results where run_id = $r order by suite, expectation",
            {"r": run_id},
        )
        return _records(cur)


def statement_types(query: str) -> list[str]:
    """The type of each statement in ``query`` (DuckDB's parser; raises on a syntax error)."""
    return [s.type.name for s in duckdb.extract_statements(query)]


def run_read_only(warehouse: str | Path, query: str) -> tuple[list[str], list[tuple]]:
    """Column names and rows of a read-only query; a write is refused, never run.

    Two locks: statements other than SELECT/EXPLAIN/PRAGMA are refused by type before they
    reach DuckDB, and the file is opened read-only so nothing else can write it either.
    """
    kinds = statement_types(query)
    if not kinds:
        raise WriteRefused("no SQL statement given")
    writes = [k for k in kinds if k not in READ_STATEMENTS]
    if writes:
        raise WriteRefused(
            f"refused: {', '.join(writes)} statement(s); the warehouse is read-only here "
            "(only SELECT, EXPLAIN and PRAGMA run)"
        )
    with connect(warehouse, read_only=True) as con:
        cur = con.execute(query)
        names = [d[0] for d in cur.description or []]
        return names, cur.fetchall()
