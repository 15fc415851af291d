"""Which rows of a table differ between two versions of it: what a stage that rewrites a
corpus-wide table passes forward (``catalog.Changes``), so the build and the gate touch the
rows that changed, not every row of the table."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc


def changed_keys(before: pa.Table, after: pa.Table, key: list[str], delta: str) -> pa.Array:
    """The ``delta`` values of the rows of ``after`` that ``before`` lacks or holds otherwise,
    and of the rows of ``before`` that ``after`` lacks; rows are matched by ``key`` (unique
    in each table: ``ValueError`` otherwise). Whole rows are compared, nulls equal to nulls."""
    (old_keys, old), (new_keys, new) = (_keyed(t, key) for t in (before, after))
    if any(len(pc.unique(k)) != len(k) for k in (old_keys, new_keys)):
        raise ValueError(f"rows are not unique by {key}")
    in_old, in_new = pc.is_in(new_keys, old_keys), pc.is_in(old_keys, new_keys)
    # rows in both: sorted by key, the two sides align row for row
    a = old.filter(in_new).sort_by("_row_key")
    b = new.filter(in_old).sort_by("_row_key")
    same = pa.nulls(a.num_rows, pa.bool_()).fill_null(True)
    for name in before.column_names:
        same = pc.and_(same, _same(a.column(name), b.column(name)))
    differ = (
        new.filter(pc.invert(in_old)),  # added
        old.filter(pc.invert(in_new)),  # removed
        b.filter(pc.invert(same)),  # changed
    )
    found = [chunk for t in differ for chunk in t.column(delta).cast(pa.string()).chunks]
    return pc.unique(pa.concat_arrays([pa.array([], pa.string()), *found]))


def _keyed(t: pa.Table, key: list[str]) -> tuple[pa.Array, pa.Table]:
    """``t``'s row keys (one string per row) and ``t`` with them as column ``_row_key``."""
    if len(key) == 1:
        k = t.column(key[0]).cast(pa.string())
    else:  # fields of a key never hold the separator (ids and field names)
        k = pc.binary_join_element_wise(*(t.column(c).cast(pa.string()) for c in key), "\x1f")
    return k, t.append_column("_row_key", k)


def _same(a: pa.ChunkedArray, b: pa.ChunkedArray) -> pa.Array:
    """Row by row: equal, or both null (list columns compared as Python values)."""
    if pa.types.is_list(a.type):
        pairs = zip(a.to_pylist(), b.to_pylist(), strict=True)
        return pa.array([x == y for x, y in pairs], pa.bool_())
    both_null = pc.and_(pc.is_null(a), pc.is_null(b))
    return pc.or_kleene(pc.fill_null(pc.equal(a, b), False), both_null)
