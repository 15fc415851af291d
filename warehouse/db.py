"""DuckDB: the warehouse file built from the lake, the SQL models, read-only connections.

Tables are loaded from the lake's Parquet with the columns of ``transforms.schemas``; models
are the ``.sql`` files under ``warehouse/models/{staging,marts}``, each named after its file, built
in layer order then name order: staging models as views, marts as tables; the macros of
``warehouse/models/macros`` are created first.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from transforms import catalog
from warehouse.lake import CURRENT, Lake

MODELS_DIR = Path(__file__).parent / "models"
LAYERS = ("staging", "marts")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only)


# Rows per row group of a file being built. DuckDB holds the row group it is filling in memory
# (one per thread), whatever its memory limit: at its default (122,880 rows) of ~3 KB documents
# that is ~370 MB each; at this size peak memory no longer follows the corpus.
BUILD_ROW_GROUP_ROWS = 8192
# DuckDB threads for writing a run's own rows into a file (an update from the published file,
# the run's row, its validation results): those queries delete and insert a run's rows, and on
# a shared 2-core machine a second thread cost CPU and gave no time back (bench/README.md,
# issue 12, eleventh pass). A build from scratch keeps DuckDB's default, one per core.
UPDATE_THREADS = 1


@contextmanager
def building(
    path: str | Path, memory_limit: str | None, threads: int | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection writing the file at ``path`` (its default database), with the build's row
    group size and memory cap, on ``threads`` DuckDB threads (None: DuckDB's default);
    checkpointed when the block ends without error."""
    # Its own spill folder: an in-memory connection spills to ./.tmp, shared by every process
    # started in the same folder (a shared one was seen to corrupt a build's temporary file).
    spill = tempfile.mkdtemp(prefix="sitrep-build-")
    con = duckdb.connect(config={"temp_directory": spill})
    try:
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        if threads is not None:
            con.execute(f"SET threads = {int(threads)}")
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS build (ROW_GROUP_SIZE {BUILD_ROW_GROUP_ROWS})")
        con.execute("USE build")
        yield con
        con.execute("CHECKPOINT build")
    except RuntimeError as exc:
        _raise_stop(exc)
        raise
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)


@contextmanager
def updating(path: str | Path, memory_limit: str | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """``building`` for writing a run's own rows into a file, on ``UPDATE_THREADS``."""
    with building(path, memory_limit, UPDATE_THREADS) as con:
        yield con


def _raise_stop(exc: BaseException) -> None:
    """A query that a signal stopped (Ctrl-C, or SIGTERM as the flow raises it) ends as DuckDB's
    ``RuntimeError('Query interrupted')``, the signal's own exception left as its context: raise
    that one, so the run stops as told instead of failing (and retrying) like a broken query.
    DuckDB keeps an interrupted file attached for the life of the process, so a retry could
    not even open it again."""
    stop = exc.__context__
    if stop is not None and not isinstance(stop, Exception):
        raise stop.with_traceback(None) from exc


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


# SQL macros analysts call (``place_key``: a typed name folded as the matcher folds place
# names), each file a script of ``create or replace macro`` statements, created before the
# models.
MACROS_DIR = MODELS_DIR / "macros"


def build_macros(con: duckdb.DuckDBPyConnection) -> None:
    for path in sorted(MACROS_DIR.glob("*.sql")):
        con.execute(path.read_text())


def build_models(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace the macros, then each model (view or table by layer); the models'
    names in build order."""
    build_macros(con)
    names = []
    for path in model_files():
        kind = "TABLE" if path.parent.name in MATERIALISED_LAYERS else "VIEW"
        con.execute(f'CREATE OR REPLACE {kind} "{path.stem}" AS {path.read_text()}')
        names.append(path.stem)
    return names


# The one-row table of a built file naming the run that built it: an update applies a run's
# changes only to the file built by the run whose lake state that run started from.
BUILT_BY = "_built_by"


def build_database(
    db_path: str | Path,
    lake: Lake,
    tables: dict[str, pa.Schema] | None = None,
    memory_limit: str | None = None,
    run_id: str = "",
) -> dict[str, int]:
    """Write a complete warehouse file at ``db_path`` from the lake, built by run ``run_id``;
    row count per table. ``memory_limit`` (DuckDB's, e.g. "1GB") caps the build's memory:
    DuckDB streams Parquet into the file and spills what does not fit."""
    tables = tables or catalog.TABLES
    counts = {}
    with building(db_path, memory_limit) as con:
        for name, schema in tables.items():
            counts[name] = load_table(con, name, lake, schema)
        _record_builder(con, run_id)
        build_models(con)
    return counts


def built_by(con: duckdb.DuckDBPyConnection) -> str | None:
    """The run that built the file ``con`` writes, None when it does not say."""
    if not _has_table(con, BUILT_BY):
        return None
    row = con.execute(f"select run_id from {BUILT_BY}").fetchone()
    return row[0] if row else None


def update_database(
    db_path: str | Path,
    lake: Lake,
    changes: catalog.Changes,
    basis: str,
    run_id: str,
    tables: dict[str, pa.Schema] | None = None,
    memory_limit: str | None = None,
) -> tuple[dict[str, int], dict[str, catalog.RowChange]] | None:
    """Bring a copy of a file built by run ``basis`` up to the lake with what a run that started
    from that lake changed (``changes``, passed forward by its stages): insert the rows of the
    parts it wrote into appended tables, rewrite the rows of the keys it rewrote in keyed
    tables, replace every other table but a corpus-wide one the run did not rewrite (the
    gazetteer, the entities: the file holds the basis's, which are the lake's, as
    ``flows.stages.published_basis`` holds no basis for a lake changed since), rebuild the
    models. Returns the row count per table and
    what the update added or rewrote per table (``RowChange``), or None (the file left as it
    was copied) when the file was not built by ``basis`` or a table's columns differ from the
    schema: only a full build is right then. On ``UPDATE_THREADS`` DuckDB threads."""
    tables = tables or catalog.TABLES
    counts: dict[str, int] = {}
    changed: dict[str, catalog.RowChange] = {}
    with updating(db_path, memory_limit) as con:
        if built_by(con) != basis or not _same_columns(con, tables):
            return None
        for name, schema in tables.items():
            table = catalog.BY_NAME[name]
            if table.load == catalog.KEYED:
                change = _apply_keyed(con, table, lake, changes)
            elif table.load == catalog.APPEND:
                change = _apply_parts(con, table, lake, changes)
            elif _untouched(table, changes):
                change = None  # the file holds its basis's rows: the lake's, as published
            else:
                load_table(con, name, lake, schema)
                change = _replaced(con, table, changes)
            if change is not None:
                changed[name] = change
            counts[name] = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[index]
        _record_builder(con, run_id)
        build_models(con)
    return counts, changed


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute(
        "select count(*) from duckdb_tables() where database_name = current_database() "
        "and table_name = $t",
        {"t": name},
    ).fetchone()
    return bool(found and found[0])


def _same_columns(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Schema]) -> bool:
    return all(
        _has_table(con, name)
        and [r[0] for r in con.execute(f'DESCRIBE "{name}"').fetchall()] == schema.names
        for name, schema in tables.items()
    )


def _record_builder(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    sql = f"CREATE OR REPLACE TABLE {BUILT_BY} AS SELECT $r::VARCHAR AS run_id"
    con.execute(sql, {"r": run_id})


_SCAN = "read_parquet($f, hive_partitioning = false, union_by_name = true)"


def _keys_of(
    con: duckdb.DuckDBPyConnection,
    table: catalog.Table,
    relation: str,
    params: Mapping[str, object] | None = None,
) -> tuple[int, ...]:
    """The ``key_sql`` values of the rows of ``relation`` (a table or a scan)."""
    rows = con.execute(f"SELECT {table.key_sql} FROM {relation}", params).fetchall()
    return tuple(r[0] for r in rows)


def _apply_parts(
    con: duckdb.DuckDBPyConnection, table: catalog.Table, lake: Lake, changes: catalog.Changes
) -> catalog.RowChange | None:
    """An appended table: the rows of the part files the run wrote inserted; a corpus-wide
    source the run rewrote (the discovered mentions) replaces that source's rows, all of them
    or those of the keys the run reports."""
    cols, grown = _column_list(table.schema), True
    keys: tuple[int, ...] = ()
    for source in table.lake_sources:
        if catalog.BY_NAME[source].layout == catalog.CURRENT:
            if source not in changes.whole:
                if changes.keys.get(source):  # some of its rows
                    keys += _apply_source_keys(con, table, lake, source, changes.keys[source])
                    grown = False
                continue
            # its rows are the only ones of the table whose match_method says so
            con.execute(f"DELETE FROM \"{table.name}\" WHERE match_method = 'discovered'")
            found = lake.read(source, table.schema)
            con.register("_rows_in", found)
            con.execute(f'INSERT INTO "{table.name}" SELECT {cols} FROM _rows_in')
            keys += _keys_of(con, table, "_rows_in")
            con.unregister("_rows_in")
            grown = False
        elif paths := changes.parts.get(source):
            con.execute(f'INSERT INTO "{table.name}" SELECT {cols} FROM {_SCAN}', {"f": paths})
            keys += _keys_of(con, table, _SCAN, {"f": paths})
    return catalog.RowChange(keys, grown) if keys or not grown else None


def _apply_source_keys(
    con: duckdb.DuckDBPyConnection, table: catalog.Table, lake: Lake, source: str, keys: list[str]
) -> tuple[int, ...]:
    """The rows of a corpus-wide source (the discovered mentions) whose keys the run reports
    rewritten: deleted and inserted again from the lake's current file; their row keys."""
    key = catalog.BY_NAME[source].key[0]
    con.register("_delta_keys", pa.table({"k": pa.array(keys, pa.string())}))
    con.execute(
        f"DELETE FROM \"{table.name}\" WHERE match_method = 'discovered' "
        f'AND "{key}" IN (SELECT k FROM _delta_keys)'
    )
    scan = f'read_parquet($f) WHERE "{key}" IN (SELECT k FROM _delta_keys)'
    params = {"f": lake.file_path(source, CURRENT)}
    cols = _column_list(table.schema)
    con.execute(f'INSERT INTO "{table.name}" SELECT {cols} FROM {scan}', params)
    found = _keys_of(con, table, scan, params)
    con.unregister("_delta_keys")
    return found


def _apply_keyed(
    con: duckdb.DuckDBPyConnection, table: catalog.Table, lake: Lake, changes: catalog.Changes
) -> catalog.RowChange | None:
    """A keyed table: the rows of the keys the merge rewrote deleted and inserted again from
    the lake's current file; replaced whole when the merge rewrote it whole."""
    name, key = table.name, table.delta_key
    if name in changes.whole:
        load_table(con, name, lake, table.schema)
        return catalog.RowChange(None, grown=False)
    rewritten = changes.keys.get(name)
    if not rewritten:
        return None
    con.register("_delta_keys", pa.table({"k": pa.array(rewritten, pa.string())}))
    con.execute(f'DELETE FROM "{name}" WHERE "{key}" IN (SELECT k FROM _delta_keys)')
    scan = f'read_parquet($f) WHERE "{key}" IN (SELECT k FROM _delta_keys)'
    params = {"f": lake.file_path(name, CURRENT)}
    con.execute(f'INSERT INTO "{name}" SELECT {_column_list(table.schema)} FROM {scan}', params)
    keys = _keys_of(con, table, scan, params)
    con.unregister("_delta_keys")
    rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
    if rows != con.execute("SELECT count(*) FROM read_parquet($f)", params).fetchone():
        load_table(con, name, lake, table.schema)  # not the rows the merge started from
        return catalog.RowChange(None, grown=False)
    return catalog.RowChange(keys, grown=False)


def _untouched(table: catalog.Table, changes: catalog.Changes) -> bool:
    """Whether ``table`` is built from corpus-wide lake tables only (the gazetteer, the
    entities: written by the stages before the build, so the basis's file holds what the lake
    holds) and the run rewrote none of them. A ledger is not: a run's own row reaches the lake
    after its file is built (``runs``: its end and status)."""
    return all(
        catalog.BY_NAME[s].layout == catalog.CURRENT
        and s not in changes.whole
        and not changes.keys.get(s)
        and not changes.parts.get(s)
        for s in table.lake_sources
    )


def _replaced(
    con: duckdb.DuckDBPyConnection, table: catalog.Table, changes: catalog.Changes
) -> catalog.RowChange | None:
    """A table replaced whole from the lake: what of it the run changed (the rows of the
    ledger parts it wrote, or every row of a table it rewrote); None: nothing."""
    sources = table.lake_sources
    if any(s in changes.whole for s in sources):
        return catalog.RowChange(None, grown=False)
    paths = [p for s in sources for p in changes.parts.get(s, [])]
    if not paths:
        return None
    return catalog.RowChange(_keys_of(con, table, _SCAN, {"f": paths}))


def replace_rows(db_path: str | Path, name: str, rows: pa.Table, key: str) -> catalog.RowChange:
    """Insert ``rows`` into table ``name`` of a (staging) file, replacing rows with their keys;
    what that changed.

    Through ``building``: a plain connection's checkpoint would merge the file's row groups
    back to DuckDB's default size, holding as much memory as the build avoided."""
    with updating(db_path, None) as con:
        con.register("_rows", rows)
        replaced = con.execute(
            f'SELECT count(*) FROM "{name}" WHERE "{key}" IN (SELECT "{key}" FROM _rows)'
        ).fetchone()
        con.execute(f'DELETE FROM "{name}" WHERE "{key}" IN (SELECT "{key}" FROM _rows)')
        con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM _rows')
        keys = _keys_of(con, catalog.BY_NAME[name], "_rows")
        con.unregister("_rows")
    return catalog.RowChange(keys, grown=not (replaced and replaced[0]))
