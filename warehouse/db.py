"""DuckDB: the warehouse file built from the lake, the SQL models, read-only connections.

Tables are loaded from the lake's Parquet with the columns of ``transforms.schemas``; models
are the ``.sql`` files under ``warehouse/models/{staging,marts}``, each named after its file, built
in layer order then name order: staging models as views, marts as tables.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from transforms import catalog
from warehouse import delta
from warehouse.lake import CURRENT, Lake

MODELS_DIR = Path(__file__).parent / "models"
LAYERS = ("staging", "marts")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only)


# Rows per row group of a file being built. DuckDB holds the row group it is filling in memory
# (one per thread), whatever its memory limit: at its default (122,880 rows) of ~3 KB documents
# that is ~370 MB each; at this size peak memory no longer follows the corpus.
BUILD_ROW_GROUP_ROWS = 8192


@contextmanager
def building(path: str | Path, memory_limit: str | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection writing the file at ``path`` (its default database), with the build's row
    group size and memory cap; checkpointed when the block ends without error."""
    # Its own spill folder: an in-memory connection spills to ./.tmp, shared by every process
    # started in the same folder (a shared one was seen to corrupt a build's temporary file).
    spill = tempfile.mkdtemp(prefix="sitrep-build-")
    con = duckdb.connect(config={"temp_directory": spill})
    try:
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS build (ROW_GROUP_SIZE {BUILD_ROW_GROUP_ROWS})")
        con.execute("USE build")
        yield con
        con.execute("CHECKPOINT build")
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)


def _column_list(schema: pa.Schema) -> str:
    return ", ".join(f'"{n}"' for n in schema.names)


# A warehouse table read from several lake tables: entity_mentions is the chunks' mentions plus
# the corpus-wide discovered ones, so no stage ever concatenates millions of mentions itself.
LAKE_SOURCES: dict[str, tuple[str, ...]] = {
    t.name: t.lake_sources for t in catalog.CATALOG if t.load and t.sources
}


def load_table(con: duckdb.DuckDBPyConnection, name: str, lake: Lake, schema: pa.Schema) -> int:
    """(Re)create table ``name`` from the lake (its ``LAKE_SOURCES``, else the lake table of
    the same name); an absent table is created empty. Row count."""
    selects: list[str] = []
    registered: list[str] = []
    globs: dict[str, str] = {}
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
    sql = f'CREATE OR REPLACE TABLE "{name}" AS {" UNION ALL ".join(selects)}'
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


# Warehouse tables the lake only ever adds part files to (one per chunk or run), before the
# build: an update of the published file inserts the rows of the parts it lacks. Every other
# table is rewritten whole by each run (or, like runs and validation_results, also written into
# the staging file after the build), and is replaced whole.
APPENDED: dict[str, str] = {t.name: t.lake_sources[0] for t in catalog.loaded(catalog.APPEND)}
# (lake table, path relative to the table's folder, stamp) of each appended part in the file
LOADED_PARTS = "_loaded_parts"
# In a file brought up to the lake by ``update_database`` (only there): the keys of the rows
# of appended tables the update added, so validation can check those rows and not again the
# rows the published file already held. ``NEW_ROW_KEYS`` is the key expression per table.
NEW_ROWS = "_new_rows"
NEW_ROW_KEYS: dict[str, str] = {
    t.name: " || chr(0) || ".join(f'"{c}"' for c in t.key) for t in catalog.loaded(catalog.APPEND)
}


def build_database(
    db_path: str | Path,
    lake: Lake,
    tables: dict[str, pa.Schema] | None = None,
    memory_limit: str | None = None,
    base: str | Path | None = None,
) -> dict[str, int]:
    """Write a complete warehouse file at ``db_path`` from the lake; row count per table.

    With ``base`` (the published file), the new file is a copy of it updated with what the lake
    gained since (``update_database``), when it can be: the same result as a full build, in
    time that follows the new parts, not the corpus. ``memory_limit`` (DuckDB's, e.g. "1GB")
    caps the build's memory: DuckDB streams Parquet into the file and spills what does not fit.
    """
    tables = tables or catalog.TABLES
    if base is not None and Path(base).exists() and lake.local:
        shutil.copyfile(base, db_path)
        counts = update_database(db_path, lake, tables, memory_limit)
        if counts is not None:
            return counts
        Path(db_path).unlink()
    counts = {}
    with building(db_path, memory_limit) as con:
        for name, schema in tables.items():
            counts[name] = load_table(con, name, lake, schema)
        _record_parts(con, lake)
        build_models(con)
    return counts


def update_database(
    db_path: str | Path, lake: Lake, tables: dict[str, pa.Schema], memory_limit: str | None
) -> dict[str, int] | None:
    """Bring a copy of a built file up to the lake: insert the rows of appended tables' new
    part files, replace every other table, rebuild the models. None (file left as it was
    copied) when a part it loaded changed or went, or a table's columns differ from the
    schema: only a full build is right then."""
    counts: dict[str, int] = {}
    with building(db_path, memory_limit) as con:
        have = {
            r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
        }
        if LOADED_PARTS not in have or any(
            name not in have
            or [r[0] for r in con.execute(f'DESCRIBE "{name}"').fetchall()] != schema.names
            for name, schema in tables.items()
        ):
            return None
        loaded = dict(
            ((t, p), n) for t, p, n in con.execute(f"select * from {LOADED_PARTS}").fetchall()
        )
        rewrite = delta.applicable_keys(
            lake, {name: loaded.get((name, CURRENT)) for name in delta.KEYED}
        )
        new: dict[str, list[str]] = {}
        for name, source in APPENDED.items():
            stamps = lake.stamps(source)
            if any(stamps.get(p) != n for (t, p), n in loaded.items() if t == source):
                return None  # a part was rewritten or removed
            new[name] = sorted(
                lake.file_path(source, p) for p in stamps if (source, p) not in loaded
            )
        con.execute(f"CREATE OR REPLACE TABLE {NEW_ROWS} (table_name VARCHAR, key VARCHAR)")
        for name, schema in tables.items():
            if name in delta.KEYED and rewrite is not None:
                counts[name] = _apply_delta(con, name, lake, schema, rewrite)
                continue
            if name not in APPENDED:
                counts[name] = load_table(con, name, lake, schema)
                continue
            if name == "entity_mentions":  # its discovered rows are rewritten by each run
                con.execute("DELETE FROM entity_mentions WHERE match_method = 'discovered'")
                found = lake.read("mentions_discovered", schema)
                _insert(con, name, schema, found)
                keys = {"table_name": [name] * found.num_rows, "key": found.column("mention_id")}
                _insert(con, NEW_ROWS, None, pa.table(keys))
            if new[name]:
                scan = "read_parquet($f, hive_partitioning = false, union_by_name = true)"
                con.execute(
                    f'INSERT INTO "{name}" SELECT {_column_list(schema)} FROM {scan}',
                    {"f": new[name]},
                )
                con.execute(
                    f"INSERT INTO {NEW_ROWS} SELECT '{name}', {NEW_ROW_KEYS[name]} FROM {scan}",
                    {"f": new[name]},
                )
            counts[name] = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[index]
        _record_parts(con, lake)
        build_models(con)
    return counts


def _apply_delta(
    con: duckdb.DuckDBPyConnection, name: str, lake: Lake, schema: pa.Schema, keys: list[str]
) -> int:
    """Rewrite the rows of ``keys`` of keyed table ``name`` from the lake's current file (see
    ``warehouse.delta``); the table is replaced whole if its row count then differs from the
    file's. Row count."""
    key = delta.KEYED[name]
    con.register("_delta_keys", pa.table({key: pa.array(keys, pa.string())}))
    current = {"f": lake.file_path(name, CURRENT)}
    con.execute(f'DELETE FROM "{name}" WHERE "{key}" IN (SELECT "{key}" FROM _delta_keys)')
    con.execute(
        f'INSERT INTO "{name}" SELECT {_column_list(schema)} FROM read_parquet($f) '
        f'WHERE "{key}" IN (SELECT "{key}" FROM _delta_keys)',
        current,
    )
    con.unregister("_delta_keys")
    rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[index]
    want = con.execute("SELECT count(*) FROM read_parquet($f)", current).fetchone()[0]  # type: ignore[index]
    return rows if rows == want else load_table(con, name, lake, schema)


def _insert(
    con: duckdb.DuckDBPyConnection, name: str, schema: pa.Schema | None, rows: pa.Table
) -> None:
    con.register("_rows_in", rows)
    cols = _column_list(schema) if schema is not None else "*"
    con.execute(f'INSERT INTO "{name}" SELECT {cols} FROM _rows_in')
    con.unregister("_rows_in")


def new_row_filters(db_path: str | Path) -> dict[str, str] | None:
    """SQL predicates selecting, per appended table, the rows ``update_database`` added to the
    file at ``db_path``; None for a file built from scratch (every row is new)."""
    with connect(db_path, read_only=True) as con:
        names = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    if NEW_ROWS not in names:
        return None
    return {
        t: f"{key} in (select key from {NEW_ROWS} where table_name = '{t}')"
        for t, key in NEW_ROW_KEYS.items()
    }


def _record_parts(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    rows = [(src, p, n) for src in APPENDED.values() for p, n in sorted(lake.stamps(src).items())]
    # the keyed tables' files the build loaded: a merge delta applies to these only
    rows += [(name, CURRENT, n) for name, n in delta.current_stamps(lake).items() if n]
    table = pa.table(
        {
            "lake_table": pa.array([r[0] for r in rows], pa.string()),
            "path": pa.array([r[1] for r in rows], pa.string()),
            "stamp": pa.array([r[2] for r in rows], pa.string()),
        }
    )
    con.register("_parts_in", table)
    con.execute(f"CREATE OR REPLACE TABLE {LOADED_PARTS} AS SELECT * FROM _parts_in")
    con.unregister("_parts_in")


def replace_rows(db_path: str | Path, name: str, rows: pa.Table, key: str) -> None:
    """Insert ``rows`` into table ``name`` of a (staging) file, replacing rows with their keys.

    Through ``building``: a plain connection's checkpoint would merge the file's row groups
    back to DuckDB's default size, holding as much memory as the build avoided."""
    with building(db_path, None) as con:
        con.register("_rows", rows)
        con.execute(f'DELETE FROM "{name}" WHERE "{key}" IN (SELECT "{key}" FROM _rows)')
        con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM _rows')
        con.unregister("_rows")
