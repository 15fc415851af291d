"""Which rows of a table differ between two versions of it: what a stage that rewrites a
corpus-wide table passes forward (``catalog.Changes``), so the build and the gate touch the
rows that changed, not every row of the table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc


def changed_keys(
    before: pa.Table, after: pa.Table, key: list[str], delta: str, rows: pa.Array | None = None
) -> pa.Array:
    """The ``delta`` values of the rows of ``after`` that ``before`` lacks or holds otherwise,
    and of the rows of ``before`` that ``after`` lacks; rows are matched by ``key`` (unique
    in each table: ``ValueError`` otherwise). ``rows`` (a mask): only those rows of ``before``
    are its. Whole rows are compared, nulls equal to nulls, one column at a time (a table of
    long texts is never copied whole)."""
    if rows is None:
        rows = pa.nulls(before.num_rows, pa.bool_()).fill_null(True)
    old_keys, new_keys = _row_keys(before, key), _row_keys(after, key)
    mine = old_keys.filter(rows)
    if len(pc.unique(new_keys)) != len(new_keys) or len(pc.unique(mine)) != len(mine):
        raise ValueError(f"rows are not unique by {key}")
    in_old = pc.is_in(new_keys, mine)
    in_new = pc.and_(rows, pc.is_in(old_keys, new_keys))
    # rows in both, in key order on each side: the two sides align row for row
    a, b = _in_key_order(old_keys, in_new), _in_key_order(new_keys, in_old)
    same = pa.nulls(int(pc.sum(in_new).as_py() or 0), pa.bool_()).fill_null(True)
    for name in before.column_names:
        same = pc.and_(same, _same(a(before.column(name)), b(after.column(name))))
    differ = (
        after.column(delta).filter(pc.invert(in_old)),  # added
        before.column(delta).filter(pc.and_(rows, pc.invert(in_new))),  # removed
        b(after.column(delta)).filter(pc.invert(same)),  # changed
    )
    found = [chunk for col in differ for chunk in col.cast(pa.string()).chunks]
    return pc.unique(pa.concat_arrays([pa.array([], pa.string()), *found]))


def _row_keys(t: pa.Table, key: list[str]) -> pa.Array:
    """One string per row of ``t``: its ``key`` fields."""
    if len(key) == 1:
        k = t.column(key[0]).cast(pa.string())
    else:  # fields of a key never hold the separator (ids and field names)
        k = pc.binary_join_element_wise(*(t.column(c).cast(pa.string()) for c in key), "\x1f")
    return k.combine_chunks() if isinstance(k, pa.ChunkedArray) else k


def _in_key_order(keys: pa.Array, keep: pa.Array) -> Callable[[Any], Any]:
    """A column's values at the rows ``keep`` selects, in the order of their keys (unique):
    selected as they are when already in that order (a merge's tables are kept in key order),
    else taken in it."""
    if _ascending(keys.filter(keep)):
        if pc.all(keep).as_py() is not False:  # every row (or none)
            return lambda column: column
        return lambda column: column.filter(keep)
    rows = pc.indices_nonzero(keep)
    at = rows.take(pc.sort_indices(keys.take(rows)))
    return lambda column: column.take(at)


def _ascending(keys: pa.Array) -> bool:
    """Whether each key is above the one before it (no null)."""
    if keys.null_count:
        return False
    n = len(keys)
    return n < 2 or bool(pc.all(pc.greater(keys.slice(1), keys.slice(0, n - 1))).as_py())


def _same(a: pa.ChunkedArray | pa.Array, b: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Row by row: equal, or both null (list columns compared as Python values)."""
    if pa.types.is_list(a.type):
        pairs = zip(a.to_pylist(), b.to_pylist(), strict=True)
        return pa.array([x == y for x, y in pairs], pa.bool_())
    both_null = pc.and_(pc.is_null(a), pc.is_null(b))
    return pc.or_kleene(pc.fill_null(pc.equal(a, b), False), both_null)
