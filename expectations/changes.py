"""Which rows of a staged warehouse file an incremental validation must check.

A staged file updated from the published one (``warehouse.db.update_database``) holds the
published rows it kept plus rows the run added or rewrote. The published file passed its own
validation, so every row it holds has been checked once; the staged file's rows that are not
identical to one of the published file's rows are the ones left to check. Per table:

- the candidates are the rows the update keyed as added (``only``, from ``_new_rows``) for the
  tables it appends to, and every row for the tables it replaces whole;
- a candidate identical (every column, nulls equal) to a row of the published table is not
  new: a rewritten row that did not change (a re-inserted discovered mention, an unchanged
  event) is not checked again. This is exact (a join on every column, no hash);
- ``gone`` counts the published rows with no identical row any more (0: the table only grew):
  the published rows minus the staged rows identical to one, for a table whose key is checked
  unique (exact once it is: two staged rows identical to one published row repeat its key),
  else by the reverse join.

A row's key is checked for uniqueness against the whole table: for an appended table, the keys
of every row the update added (``keys_where``: an added row identical to an old one repeats a
key and must fail), for a replaced table every key (a duplicated row must fail too; these
tables are small).

The rows to check are kept, as row ids, in a temporary table of the validation's (read-only)
connection; ``TableChange.where`` selects them. No great_expectations here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from expectations.reads import quoted

if TYPE_CHECKING:
    from expectations.sqlchecks import SqlCheck

BASE = "published"  # the published file, attached read-only under this name
CHECK_ROWS = "_sitrep_check_rows"  # temp table (table_name, r): row ids left to check


@dataclass(frozen=True)
class TableChange:
    """What validation checks of one table: ``where`` selects the rows (None: every row)."""

    table: str
    where: str | None
    checked: int  # rows ``where`` selects (every row when ``where`` is None)
    gone: int | None  # published rows with no identical row now; None: not comparable
    keys_where: str | None = None  # rows whose keys are checked unique (None: every row)

    @property
    def whole(self) -> bool:
        return self.where is None

    @property
    def grown_only(self) -> bool:
        """Nothing of the published table was removed or modified (rows may have been added)."""
        return self.where is not None and self.gone == 0

    @property
    def unchanged(self) -> bool:
        return self.grown_only and self.checked == 0


def attach(con: duckdb.DuckDBPyConnection, published: str) -> None:
    quoted_path = str(published).replace("'", "''")
    con.execute(f"ATTACH '{quoted_path}' AS {BASE} (READ_ONLY)")


def attached(con: duckdb.DuckDBPyConnection, published: str | Path) -> bool:
    """Attach the published file to compare with; False (check every row) when it cannot be
    read (gone, or held by a writer's lock)."""
    if not Path(published).is_file():
        return False
    try:
        attach(con, str(published))
    except duckdb.Error:
        return False
    return True


def sql_rows(found: dict[str, TableChange]) -> Callable[[SqlCheck], str | None]:
    """A SQL check's rows: its table's rows left to check, if every table it reads allows
    (unchanged, or only grown and the check is ``growth: safe``); None: its whole table."""

    def where(check: SqlCheck) -> str | None:
        own = found.get(check.table)
        if own is None or own.whole:
            return None
        for name in check.reads:
            other = found.get(name)
            if other is None or not (other.unchanged or (other.grown_only and check.growth_safe)):
                return None
        return own.where

    return where


def _columns(con: duckdb.DuckDBPyConnection, catalog: str, table: str) -> list[str]:
    rows = con.execute(
        "select column_name from duckdb_columns() where database_name = $db "
        "and schema_name = 'main' and table_name = $t order by column_index",
        {"db": catalog, "t": table},
    ).fetchall()
    return [r[0] for r in rows]


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchone()[0])  # type: ignore[index]


def _by_rowid(
    con: duckdb.DuckDBPyConnection, relation: str, where: str, cols: list[str], temp: str
) -> str:
    """A query of the rows of ``relation`` matching ``where`` (read on its key columns only),
    kept as row ids in the temporary table ``temp``, with their row id as ``_r``."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {temp} AS SELECT rowid AS r FROM {relation} WHERE {where}"
    )
    cols_t = ", ".join(f't."{c}"' for c in cols)
    return (
        f"SELECT t.rowid AS _r, {cols_t} FROM {relation} AS t "
        f"SEMI JOIN {temp} AS k ON t.rowid = k.r"
    )


def find_changes(
    con: duckdb.DuckDBPyConnection,
    tables: list[str],
    only: dict[str, str] | None,
    keyed: set[str] | frozenset[str] = frozenset(),
) -> dict[str, TableChange]:
    """Each of ``tables`` (present in the staged file, ``con``'s default database) compared with
    the attached published file (``attach``): its rows left to check.

    ``only`` maps an appended table to a predicate on its rows selecting the rows the update
    added; ``keyed`` names the tables with a key checked unique. A table the published file
    lacks, or holds with other columns, is checked whole.
    """
    staged = con.execute("select current_database()").fetchone()[0]  # type: ignore[index]
    con.execute(f"CREATE OR REPLACE TEMP TABLE {CHECK_ROWS} (table_name VARCHAR, r BIGINT)")
    out: dict[str, TableChange] = {}
    for table in tables:
        cols = _columns(con, staged, table)
        total = _count(con, f'select count(*) from "{staged}".main."{table}"')
        if not cols or cols != _columns(con, BASE, table):
            out[table] = TableChange(table, None, total, None)
            continue
        same = " and ".join(f's."{c}" is not distinct from p."{c}"' for c in cols)
        if table in (only := only or {}):
            # Rows are fetched by row id (DuckDB prunes row groups by it; a predicate on the key
            # would read every column of every row): the rows added, and the published rows
            # with their keys, the only ones that can be identical to them.
            added = f'"_sitrep_added_{table}"'
            staged_rows, published_rows = (
                _by_rowid(con, f'"{staged}".main."{table}"', only[table], cols, added),
                _by_rowid(con, f'{BASE}.main."{table}"', only[table], cols, "_sitrep_old"),
            )
            keys = f"rowid in (select r from {added})"
        else:
            staged_rows = f'SELECT rowid AS _r, {quoted(cols)} FROM "{staged}".main."{table}"'
            published_rows = f'SELECT {quoted(cols)} FROM {BASE}.main."{table}"'
            keys = None
        con.execute(
            f"""INSERT INTO {CHECK_ROWS} SELECT $t, s._r
            FROM ({staged_rows}) AS s ANTI JOIN ({published_rows}) AS p ON {same}""",
            {"t": table},
        )
        checked = _count(con, f"select count(*) from {CHECK_ROWS} where table_name = '{table}'")
        if table in keyed:  # published rows minus the staged rows kept as they were
            before = _count(con, f'select count(*) from {BASE}.main."{table}"')
            gone = before - (total - checked)
        else:
            gone = _count(
                con,
                f"""select count(*) from {BASE}.main."{table}" as s
                anti join "{staged}".main."{table}" as p on {same}""",
            )
        where = f"rowid in (select r from {CHECK_ROWS} where table_name = '{table}')"
        out[table] = TableChange(table, where, checked, gone if gone >= 0 else None, keys)
    return out
