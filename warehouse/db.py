"""DuckDB: the warehouse file built from the lake, the SQL models, read-only connections.

Tables are loaded from the lake's Parquet with the columns of ``transforms.schemas``; models
are the ``.sql`` files under ``warehouse/models/{staging,marts}``, each named after its file, built
in layer order then name order: staging models as views, marts as tables.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from transforms import schemas
from warehouse.lake import Lake

MODELS_DIR = Path(__file__).parent / "models"
LAYERS = ("staging", "marts")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only)


def _column_list(schema: pa.Schema) -> str:
    return ", ".join(f'"{n}"' for n in schema.names)


# A warehouse table read from several lake tables: entity_mentions is the chunks' mentions plus
# the corpus-wide discovered ones, so no stage ever concatenates millions of mentions itself.
LAKE_SOURCES: dict[str, tuple[str, ...]] = {
    "entity_mentions": ("mentions_raw", "mentions_discovered"),
}
# Row order of tables read from several lake tables (one order, however they were written).
ORDER_BY: dict[str, str] = {"entity_mentions": '"doc_id", "char_start", "char_end"'}


def load_table(con: duckdb.DuckDBPyConnection, name: str, lake: Lake, schema: pa.Schema) -> int:
    """(Re)create table ``name`` from the lake (its ``LAKE_SOURCES``, else the lake table of
    the same name); an absent table is created empty. Row count."""
    selects, registered, globs = [], [], {}
    for source in LAKE_SOURCES.get(name, (name,)):
        glob = lake.local_glob(source)
        if glob is not None:
            globs[f"glob{len(globs)}"] = glob
            selects.append(
                f"SELECT {_column_list(schema)} FROM read_parquet(${next(reversed(globs))}, "
                "hive_partitioning = false, union_by_name = true)"
            )
        elif lake.exists(source):  # a remote lake: through Arrow
            registered.append(f"_lake_in{len(registered)}")
            con.register(registered[-1], lake.read(source, schema))
            selects.append(f"SELECT {_column_list(schema)} FROM {registered[-1]}")
    if not selects:
        registered.append("_lake_in")
        con.register("_lake_in", schema.empty_table())
        selects.append("SELECT * FROM _lake_in")
    order = f" ORDER BY {ORDER_BY[name]}" if name in ORDER_BY else ""
    sql = f'CREATE OR REPLACE TABLE "{name}" AS {" UNION ALL ".join(selects)}{order}'
    con.execute(sql, globs or None)
    for view in registered:
        con.unregister(view)
    return con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[index]


def model_files() -> list[Path]:
    return [p for layer in LAYERS for p in sorted((MODELS_DIR / layer).glob("*.sql"))]


# Staging models are views; marts are materialised as tables when the file is built (the file
# is rebuilt whole each run, so they never go stale), which makes analysts' queries on them
# milliseconds instead of a re-aggregation of every event.
MATERIALISED_LAYERS = frozenset({"marts"})


def build_models(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace each model (view or table by layer); the names in build order."""
    names = []
    for path in model_files():
        kind = "TABLE" if path.parent.name in MATERIALISED_LAYERS else "VIEW"
        con.execute(f'CREATE OR REPLACE {kind} "{path.stem}" AS {path.read_text()}')
        names.append(path.stem)
    return names


def build_database(
    db_path: str | Path, lake: Lake, tables: dict[str, pa.Schema] | None = None
) -> dict[str, int]:
    """Write a complete warehouse file at ``db_path`` from the lake; row count per table."""
    tables = tables or schemas.TABLES
    counts = {}
    with connect(db_path) as con:
        for name, schema in tables.items():
            counts[name] = load_table(con, name, lake, schema)
        build_models(con)
        con.execute("CHECKPOINT")
    return counts


def replace_rows(db_path: str | Path, name: str, rows: pa.Table, key: str) -> None:
    """Insert ``rows`` into table ``name`` of a (staging) file, replacing rows with their keys."""
    with connect(db_path) as con:
        con.register("_rows", rows)
        con.execute(f'DELETE FROM "{name}" WHERE "{key}" IN (SELECT "{key}" FROM _rows)')
        con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM _rows')
        con.unregister("_rows")
