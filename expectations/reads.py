"""What validation reads from DuckDB: a table's columns in row batches, and a key's repeats.

Memory is bounded by the batch size, not the table: batches stream from DuckDB as Arrow record
batches, one pandas frame at a time; a key's repeats are found by DuckDB over the whole table
(its aggregation spills to disk under the connection's memory limit) and at most a batch of the
repeating rows is read. No great_expectations here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa

# How GX's multicolumn expectations decide a row is not considered (``ignore_row_if``).
_IGNORED = {"all_values_are_missing": " and ", "any_value_is_missing": " or "}


def quoted(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def to_pandas(data: pa.RecordBatch | pa.Table, start: int = 0) -> pd.DataFrame:
    """A batch as GX reads it, indexed by table row number (GX reports unexpected indexes)."""
    frame = data.to_pandas(date_as_object=False)
    frame.index = pd.RangeIndex(start, start + len(frame))
    # GX compares int64/float64 columns vectorised, any other integer type row by row.
    ints = [c for c in frame.columns if pd.api.types.is_integer_dtype(frame[c].dtype)]
    return frame.astype(dict.fromkeys(ints, "int64")) if ints else frame


def batches(con: duckdb.DuckDBPyConnection, sql: str, rows: int) -> Iterator[pd.DataFrame]:
    """The rows of ``sql`` as frames of at most ``rows`` rows, in order (one empty frame if none).

    The result streams: only the batch being yielded is held."""
    reader = con.execute(sql).to_arrow_reader(rows)
    start = 0
    for batch in reader:
        if batch.num_rows:
            yield to_pandas(batch, start)
            start += batch.num_rows
    if not start:
        yield to_pandas(reader.schema.empty_table())


@dataclass(frozen=True)
class Repeats:
    """A key over a whole table: rows, rows not considered (missing key), rows whose key repeats,
    and up to ``limit`` of those rows in key order (so repeats sit together) for GX's sample."""

    elements: int
    missing: int
    unexpected: int
    sample: pd.DataFrame


def missing_sql(columns: list[str], ignore_row_if: str, alias: str = "") -> str:
    """SQL true on the rows GX does not consider (``ignore_row_if`` of a compound key)."""
    if ignore_row_if == "never":
        return "false"
    return "(" + _IGNORED[ignore_row_if].join(f'{alias}"{c}" is null' for c in columns) + ")"


def repeats(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: list[str],
    limit: int,
    ignore_row_if: str = "all_values_are_missing",
    where: str | None = None,
) -> Repeats:
    """The rows of ``table`` whose ``columns`` values occur more than once, as GX counts them.

    GX's uniqueness (one column, or a compound key) skips rows with a missing key (a single
    column: null; a compound: by ``ignore_row_if``) and counts every row of a repeated key as
    unexpected; nulls inside a compound key compare equal, as in pandas' ``duplicated``.

    With ``where``, the rows checked are those matching it, and a key of theirs repeats when
    it occurs more than once in the whole table: a new row repeating an old row's key fails,
    without grouping every key of the table.
    """
    cols, miss = quoted(columns), missing_sql(columns, ignore_row_if)

    def same(a: str, b: str) -> str:
        return " and ".join(f'{a}."{c}" is not distinct from {b}."{c}"' for c in columns)

    checked = f'select rowid as _row, {cols} from "{table}"' + (f" where {where}" if where else "")
    keys = (  # the rows whose keys may repeat: every row, or the rows sharing a checked key
        f'select {cols} from "{table}" where not {miss}'
        if where is None
        else f"""select {", ".join(f't."{c}"' for c in columns)} from "{table}" as t semi join (
                select distinct {cols} from "{table}" where ({where}) and not {miss}) as k
            on {same("t", "k")} where not {missing_sql(columns, ignore_row_if, "t.")}"""
    )
    # Keys occurring more than once among the considered rows; null parts compare equal.
    dups = f"""
        with dups as (select {cols}, count(*) as n from ({keys}) group by all having count(*) > 1),
        checked as ({checked})"""
    hit = f"""from checked as x semi join dups as d on {same("x", "d")}
        where not {missing_sql(columns, ignore_row_if, "x.")}"""
    elements, missing, unexpected = con.execute(  # type: ignore[misc]
        f"""{dups}
        select (select count(*) from checked),
               (select count(*) from checked where {miss}),
               (select count(*) {hit})"""
    ).fetchone()
    # Only a failing key needs its rows read.
    sample = con.execute(
        f"""{dups}
        select x._row, {", ".join(f'x."{c}"' for c in columns)} {hit}
        order by {", ".join(f'x."{c}"' for c in columns)} limit {int(limit) if unexpected else 0}"""
    ).to_arrow_table()
    # Indexed by table row number, as the batches are (a plain scan keeps insertion order).
    frame = to_pandas(sample).set_index("_row").rename_axis(None)
    return Repeats(int(elements), int(missing), int(unexpected), frame)
