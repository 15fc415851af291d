"""Which rows of a staged warehouse file an incremental validation checks: the rows the build
reports it added or rewrote (``transforms.catalog.RowChange``, passed forward by the run).

A staged file updated from the published one (``warehouse.db.update_database``) holds the
published rows it kept plus the rows the run added or rewrote. The published file passed its
own validation, and the run started from exactly that file (else it was built and is checked
whole), so the rows the build names are the ones left to check. Per table:

- a table the build names nothing of is unchanged: no row is checked again;
- a table it rewrote whole (``keys`` None) is checked whole;
- otherwise the rows whose key (``Table.key_sql``) is one the build names, and the keys of
  those rows are checked for repeats against the whole table (an added row identical to an old
  one repeats a key and must fail). Every key of a table need not be counted again: a build
  only deletes rows and inserts rows (``warehouse.db``), the rows it inserted are among those
  checked, and the published rows it kept were unique in every key (a repeated key is a
  critical failure, and a published file passed its validation), so a key can only repeat
  through a checked row. A published file rewritten in place is ``sitrep validate``'s to find.

A SQL check looks at its table's rows left to check when every table it reads is unchanged, or
only grew and the check is ``growth: safe``; else at its whole table (``sql_rows``).

The rows to check are kept, as row ids, in a temporary table of the validation's (read-only)
connection; ``TableChange.where`` selects them. No great_expectations here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from transforms import catalog

if TYPE_CHECKING:
    from expectations.sqlchecks import SqlCheck

CHECK_ROWS = "_sitrep_check_rows"  # temp table (table_name, r): row ids left to check


@dataclass(frozen=True)
class TableChange:
    """What validation checks of one table: ``where`` selects the rows (None: every row)."""

    table: str
    where: str | None
    checked: int  # rows ``where`` selects (every row when ``where`` is None)
    grown: bool  # rows were only added to the published table
    keys_where: str | None = None  # rows whose keys are checked unique (None: every row)

    @property
    def whole(self) -> bool:
        return self.where is None

    @property
    def grown_only(self) -> bool:
        """Nothing of the published table was removed or modified (rows may have been added)."""
        return self.where is not None and self.grown

    @property
    def unchanged(self) -> bool:
        return self.grown_only and self.checked == 0


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


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchone()[0])  # type: ignore[index]


def rows_to_check(
    con: duckdb.DuckDBPyConnection, tables: list[str], changed: dict[str, catalog.RowChange]
) -> dict[str, TableChange]:
    """Each of ``tables`` (present in the staged file, ``con``'s database): the rows left to
    check, from what the build reported it changed (``changed``; a table absent is unchanged)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {CHECK_ROWS} (table_name VARCHAR, r BIGINT)")
    out: dict[str, TableChange] = {}
    for table in tables:
        change = changed.get(table, catalog.RowChange(()))
        if change.keys is None:
            total = _count(con, f'select count(*) from "{table}"')
            out[table] = TableChange(table, None, total, False)
            continue
        if change.keys:
            # by row id: DuckDB reads the key columns only to find them, then prunes row groups
            con.register("_sitrep_keys", pa.table({"k": pa.array(change.keys, pa.uint64())}))
            con.execute(
                f"""INSERT INTO {CHECK_ROWS} SELECT $t, rowid FROM "{table}"
                WHERE {catalog.BY_NAME[table].key_sql} IN (SELECT k FROM _sitrep_keys)""",
                {"t": table},
            )
            con.unregister("_sitrep_keys")
        checked = _count(con, f"select count(*) from {CHECK_ROWS} where table_name = '{table}'")
        where = f"rowid in (select r from {CHECK_ROWS} where table_name = '{table}')"
        out[table] = TableChange(table, where, checked, change.grown, where)
    return out
