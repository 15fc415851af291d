"""changed_keys: the rows that differ between two versions of a table."""

from __future__ import annotations

import pyarrow as pa
import pytest

from transforms.rowdiff import changed_keys


def test_changed_keys_name_rows_added_removed_and_changed_nulls_equal():
    schema = pa.schema([("e", pa.string()), ("f", pa.string()), ("v", pa.int32()),
                        ("l", pa.list_(pa.string()))])  # fmt: skip
    before = pa.table(
        {"e": ["a", "a", "b", "c", "d"], "f": ["x", "y", "x", "x", "x"],
         "v": [1, None, 3, 4, None], "l": [["r1"], None, ["r2"], ["r3"], []]},
        schema,
    )  # fmt: skip
    after = pa.table(
        {"e": ["c", "a", "a", "e", "d"], "f": ["x", "y", "x", "x", "x"],
         "v": [4, None, 1, 5, None], "l": [["r3", "r4"], None, ["r1"], None, []]},
        schema,
    )  # fmt: skip
    # b removed, e added, c's list grew; a (in another row order) and d (nulls) the same
    assert sorted(changed_keys(before, after, ["e", "f"], "e").to_pylist()) == ["b", "c", "e"]
    assert changed_keys(before, before, ["e", "f"], "e").to_pylist() == []
    changed = after.set_column(2, "v", pa.array([4, 2, 1, 5, None], pa.int32()))
    assert changed_keys(after, changed, ["e", "f"], "f").to_pylist() == ["y"]  # null -> 2
    with pytest.raises(ValueError, match="not unique"):
        changed_keys(before, after, ["e"], "e")


def test_changed_keys_of_some_rows_of_before():
    """Only the rows ``rows`` selects are ``before``'s: the others are neither removed nor
    compared (a merge's kept events beside the events it merged again)."""
    before = pa.table({"k": ["a", "b", "c", "x"], "v": [1, 2, 3, 9]})
    after = pa.table({"k": ["b", "a", "d"], "v": [2, 5, 4]})
    mask = pa.array([True, True, False, False])
    assert sorted(changed_keys(before, after, ["k"], "k", mask).to_pylist()) == ["a", "d"]
    assert sorted(changed_keys(before, after, ["k"], "k").to_pylist()) == ["a", "c", "d", "x"]


def test_changed_keys_of_tables_in_key_order_or_not():
    """Rows already in key order are compared as they stand (rows added between them left
    out); rows out of order are put in it first: a table one swap away from key order, compared
    as it stands, would see every row after the swap changed."""
    before = pa.table({"k": ["a", "b", "c", "d"], "v": [1, 2, 3, 4]})
    after = pa.table({"k": ["a", "ab", "b", "c", "d"], "v": [1, 9, 2, 5, 4]})
    assert sorted(changed_keys(before, after, ["k"], "k").to_pylist()) == ["ab", "c"]
    assert sorted(changed_keys(after, before, ["k"], "k").to_pylist()) == ["ab", "c"]
    swapped = pa.table({"k": ["a", "c", "b", "d"], "v": [1, 3, 2, 4]})
    assert changed_keys(before, swapped, ["k"], "k").to_pylist() == []
    assert changed_keys(swapped, after, ["k"], "k").to_pylist() == ["ab", "c"]
    shifted = pa.table({"k": ["a", "b", "c", "d"], "v": [1, 3, 2, 4]})  # values, not keys
    assert sorted(changed_keys(swapped, shifted, ["k"], "k").to_pylist()) == ["b", "c"]
