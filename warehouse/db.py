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


def load_table(con: duckdb.DuckDBPyConnection, name: str, lake: Lake, schema: pa.Schema) -> int:
    """(Re)create table ``name`` from the lake; an absent table is created empty. Row count."""
    glob = lake.local_glob(name)
    if glob is not None:
        con.execute(
            f'CREATE OR REPLACE TABLE "{name}" AS SELECT {_column_list(schema)} '
            "FROM read_parquet($glob, hive_partitioning = false, union_by_name = true)",
            {"glob": glob},
        )
    else:
        con.register("_lake_in", lake.read(name, schema))
        con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _lake_in')
        con.unregister("_lake_in")
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
