"""Exports of the published warehouse: ACLED-compatible CSV, GeoJSON of events, and any table
or mart as Parquet or CSV. Read-only: a run may build the next version meanwhile.

The ACLED layout is ``queries/export/acled.sql`` (mapping in docs/acled.md); GeoJSON's
properties are the ``events`` row as it is, its geometry the event's point (an event without
coordinates is a Feature with a null geometry, as RFC 7946 allows, so none is lost).
Files are written beside their target and renamed into place: a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from warehouse.db import connect
from warehouse.outlets import DEFAULT_PATH as OUTLETS_CSV

EXPORT_QUERIES = Path(__file__).parent / "queries" / "export"
COUNTRIES_CSV = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "countries.csv"
# Reports quoted in an ACLED row's notes (the rest are counted): a story copied by 300 outlets
# stays a readable note.
ACLED_MAX_QUOTES = 5
GEOJSON_BATCH = 10_000  # events serialised at a time: memory stays flat on a large table


class UnknownTable(ValueError):
    """A --table that is neither a table nor a view of the warehouse."""


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        yield partial
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The warehouse's tables and views (marts are views), but internal ones (``_`` first)."""
    rows = con.execute(
        "select table_name from duckdb_tables() union select view_name from duckdb_views() "
        "where not internal"
    ).fetchall()
    return sorted(n for (n,) in rows if not n.startswith("_"))


# Columns of events the ACLED layout uses when the warehouse has them (newer extraction),
# null otherwise: ACLED's actor1/actor2 as coded from the text, attackers killed.
OPTIONAL_EVENT_COLUMNS = {
    "actor1": "varchar",
    "actor2": "varchar",
    "perpetrators_killed": "integer",
}


def _events_for_acled(con: duckdb.DuckDBPyConnection) -> None:
    """A temporary view ``acled_events``: events, with the optional columns it lacks as nulls
    (names and types from the fixed list above, never from input)."""
    have = {
        name
        for (name,) in con.execute(
            "select column_name from information_schema.columns where table_name = 'events'"
        ).fetchall()
    }
    extra = "".join(
        f", null::{kind} as {name}"
        for name, kind in OPTIONAL_EVENT_COLUMNS.items()
        if name not in have
    )
    con.execute(f"create or replace temp view acled_events as select *{extra} from events")


def acled_table(con: duckdb.DuckDBPyConnection) -> pa.Table:
    _events_for_acled(con)
    sql = (EXPORT_QUERIES / "acled.sql").read_text()
    params = {
        "countries": str(COUNTRIES_CSV),
        "outlets": str(OUTLETS_CSV),
        "max_quotes": ACLED_MAX_QUOTES,
    }
    return con.execute(sql, params).to_arrow_table()


def _write_csv(table: pa.Table, out: Path) -> None:
    with _replacing(out) as tmp:
        pacsv.write_csv(table, tmp, pacsv.WriteOptions(quoting_style="needed"))


def export_acled(warehouse: str | Path, out: Path) -> int:
    """Events as an ACLED-compatible CSV; the number of rows written."""
    with connect(warehouse, read_only=True) as con:
        table = acled_table(con)
    _write_csv(table, out)
    return table.num_rows


def _jsonable(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _feature(row: dict) -> dict:
    lat, lon = row.get("latitude"), row.get("longitude")
    point = lat is not None and lon is not None
    return {
        "type": "Feature",
        "id": row["event_id"],
        # GeoJSON positions are [longitude, latitude]
        "geometry": {"type": "Point", "coordinates": [lon, lat]} if point else None,
        "properties": {k: _jsonable(v) for k, v in row.items()},
    }


def export_geojson(warehouse: str | Path, out: Path) -> int:
    """Events as a GeoJSON FeatureCollection (RFC 7946), streamed; the number of features."""
    sql = (EXPORT_QUERIES / "events_geojson.sql").read_text()
    n = 0
    with connect(warehouse, read_only=True) as con, _replacing(out) as tmp:
        reader = con.execute(sql).to_arrow_reader(GEOJSON_BATCH)
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write('{"type": "FeatureCollection", "features": [\n')
            for batch in reader:
                for row in batch.to_pylist():
                    fh.write(",\n" if n else "")
                    fh.write(json.dumps(_feature(row), ensure_ascii=False))
                    n += 1
            fh.write("\n]}\n")
    return n


def export_table(warehouse: str | Path, table: str, out: Path, fmt: str) -> int:
    """One table or mart as Parquet or CSV; the number of rows. ``table`` must be one the
    warehouse has (checked against its catalog, never formatted into SQL unchecked)."""
    with connect(warehouse, read_only=True) as con:
        known = relations(con)
        if table not in known:
            raise UnknownTable(f"no table or view {table!r}; the warehouse has: {', '.join(known)}")
        rows = con.execute(f'select * from "{table}"').to_arrow_table()
    if fmt == "parquet":
        with _replacing(out) as tmp:
            pq.write_table(rows, tmp)
    else:
        _write_csv(rows, out)
    return rows.num_rows
