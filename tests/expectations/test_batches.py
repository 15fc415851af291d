"""Validation in row batches gives GX's answer on the whole table, whatever the batch size.

The reference is GX itself on the whole table as one pandas frame (what validation did before
it read in batches); the batched validation must give the same expectations, columns,
severities, successes and counts, row-wise breaks in a later batch and keys repeated across
batches included.
"""

from __future__ import annotations

import re

import duckdb
import great_expectations as gx
import great_expectations.expectations as gxe
import pytest

from expectations import batches, reads, suites, vocab
from expectations.validate import RESULT_FORMAT, _outcome, validate

Tables = dict[str, list[dict]]
COUNTS = re.compile(r"^(\d+) unexpected of (\d+)")


def _mentions(tables: Tables, n: int = 7) -> Tables:
    """``n`` valid mentions of the one entity, alternating between the two documents."""
    first = tables["entity_mentions"][0]
    tables["entity_mentions"] = [
        {**first, "mention_id": f"m{i}", "doc_id": f"d{1 + i % 2}"} for i in range(n)
    ]
    return tables


def _whole_table_gx(db, table: str) -> list[tuple]:
    """GX on the whole table in one frame: (expectation, column, severity, success, counts)."""
    ctx = gx.get_context(mode="ephemeral")
    suite = suites.build_suite(table)
    with duckdb.connect(str(db), read_only=True) as con:
        cols = reads.quoted(suites.columns_of(suite)) or "1 as _row"
        frame = reads.to_pandas(con.execute(f'select {cols} from "{table}"').to_arrow_table())
    batch = (
        ctx.data_sources.add_pandas("whole")
        .add_dataframe_asset(table)
        .add_batch_definition_whole_dataframe(table)
        .get_batch(batch_parameters={"dataframe": frame})
    )
    out = []
    for r in batch.validate(suite, result_format=RESULT_FORMAT).results:
        o = _outcome(table, r)
        out.append((o.expectation, o.column, o.severity, o.success, _counts(o.observed)))
    return out


def _counts(observed: str) -> tuple[int, int] | str:
    m = COUNTS.match(observed)
    return (int(m[1]), int(m[2])) if m else observed


def _batched(db, table: str, rows: int) -> list[tuple]:
    report = validate(db, tables=[table], batch_rows=rows)
    return [
        (o.expectation, o.column, o.severity, o.success, _counts(o.observed))
        for o in report.outcomes
        if o.suite == table
    ]


def _break_fourth_row(t: Tables) -> None:
    t["entity_mentions"][3].update(match_method="guess", char_end=0, score=3.0)


def _repeat_first_key_last(t: Tables) -> None:
    t["entity_mentions"][-1]["mention_id"] = t["entity_mentions"][0]["mention_id"]


def _null_key_twice(t: Tables) -> None:
    for row in t["entity_mentions"][2:4]:  # nulls are not repeats of a key (GX skips them)
        row["mention_id"] = None


@pytest.mark.parametrize(
    "corrupt",
    [None, _break_fourth_row, _repeat_first_key_last, _null_key_twice],
    ids=["clean", "row-in-later-batch", "key-across-batches", "null-keys"],
)
@pytest.mark.parametrize("rows", [2, 3, 1_000])
def test_batched_outcomes_are_gx_on_the_whole_table(tables, build_warehouse, corrupt, rows):
    _mentions(tables)
    if corrupt:
        corrupt(tables)
    db = build_warehouse(tables)
    whole = _whole_table_gx(db, "entity_mentions")
    assert _batched(db, "entity_mentions", rows) == whole
    assert all(ok for *_, ok, _ in whole) is (corrupt is None)


def test_break_in_second_batch_and_repeat_across_batches_are_named(tables, build_warehouse):
    _mentions(tables)
    _break_fourth_row(tables)
    _repeat_first_key_last(tables)
    report = validate(build_warehouse(tables), tables=["entity_mentions"], batch_rows=3)
    failed = {(o.expectation, o.column): o for o in report.failed()}
    method = failed["expect_column_values_to_be_in_set", "match_method"]
    assert method.observed.startswith("1 unexpected of 7, e.g. ['guess']")
    assert ("expect_column_pair_values_a_to_be_greater_than_b", "char_start,char_end") in failed
    assert failed["expect_column_values_to_be_between", "score"].severity == vocab.WARNING
    unique = failed["expect_column_values_to_be_unique", "mention_id"]
    assert unique.observed == "2 unexpected of 7, e.g. ['m0', 'm0']"
    assert unique.severity == vocab.CRITICAL and not report.passed


def _aggregates() -> list:
    """Table-wide expectations of every kind, beside row-wise ones with ``mostly``."""
    c = {"meta": {"severity": vocab.CRITICAL}}
    exact = {"column": "match_method", "value_set": ["exact"]}
    return [
        gxe.ExpectColumnValuesToBeInSet(mostly=0.6, **exact, **c),
        gxe.ExpectColumnValuesToBeInSet(mostly=0.9, **exact, **c),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id", mostly=0.2, **c),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["doc_id", "role"], **c),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["mention_id", "role"], ignore_row_if="any_value_is_missing", **c
        ),
        gxe.ExpectTableRowCountToBeBetween(min_value=1, max_value=6, **c),
        gxe.ExpectColumnMaxToBeBetween(column="char_end", max_value=100, **c),
        gxe.ExpectColumnMeanToBeBetween(column="score", min_value=0.6, **c),
        # increasing within batches of 2, not across them
        gxe.ExpectColumnValuesToBeIncreasing(column="score", **c),
    ]  # fmt: skip


@pytest.mark.parametrize("rows", [2, 3])
def test_any_suite_batched_is_gx_on_the_whole_table(tables, build_warehouse, monkeypatch, rows):
    """Aggregates, row order and ``mostly`` across batches: same verdicts as on the table."""
    _mentions(tables)
    for i, row in enumerate(tables["entity_mentions"]):
        row["match_method"] = "exact" if i % 4 else "alias"  # 2 of 7 not exact
        row["score"] = 0.5 + 0.4 * (i % 2)
    monkeypatch.setitem(suites.BUILDERS, "entity_mentions", _aggregates)
    db = build_warehouse(tables)
    whole = _whole_table_gx(db, "entity_mentions")
    assert [ok for *_, ok, _ in whole] == [
        True,
        False,
        False,
        False,
        True,
        False,
        True,
        True,
        False,
    ]
    assert _batched(db, "entity_mentions", rows) == whole


def test_every_suite_reads_in_bounded_memory():
    """No suite has a TABLE-scope expectation (one frame as long as the table)."""
    gx.get_context(mode="ephemeral")
    for table in suites.BUILDERS:
        for e in suites.build_suite(table).expectations:
            assert suites.scope_of(e) in (suites.ROW, suites.UNIQUE), (table, e.expectation_type)


def test_scopes_name_real_gx_expectations():
    from great_expectations.expectations.registry import get_expectation_impl

    for name in suites.ROW_WISE | suites.UNIQUENESS:
        assert get_expectation_impl(name) is not None, name


@pytest.mark.parametrize(
    ("elements", "unexpected", "missing", "mostly", "success"),
    [
        (0, 0, None, 1.0, True),  # no rows: vacuously true
        (4, 0, 4, 1.0, True),  # every value missing: nothing considered
        (4, 1, None, 1.0, False),
        (4, 1, 0, 0.75, True),
        (4, 1, 1, 0.75, False),  # 2 of 3 considered
        (10, 3, 0, 0.7, True),
    ],
)
def test_map_success_is_gx_rule(elements, unexpected, missing, mostly, success):
    assert batches.map_success(elements, unexpected, missing, mostly) is success


def test_docs_show_one_result_per_suite(tmp_path, tables, build_warehouse):
    _mentions(tables)
    _repeat_first_key_last(tables)
    docs = tmp_path / "docs"
    report = validate(build_warehouse(tables), docs_dir=docs, batch_rows=2)
    pages = sorted((docs / "validations").rglob("*.html"))
    assert sorted(p.relative_to(docs / "validations").parts[0] for p in pages) == sorted(
        {o.suite for o in report.outcomes if not o.suite.endswith(".sql")} | {"sql_checks"}
    )
    page = next(p for p in pages if p.parts[-4] == "entity_mentions").read_text()
    assert "m0" in page  # the repeated key's sample is on the suite's page


def test_batch_rows_must_be_positive(tables, build_warehouse):
    with pytest.raises(ValueError, match="batch_rows"):
        validate(build_warehouse(tables), batch_rows=0)


def _mostly_then_same_column() -> list:
    """GX lists results by column: the score range (every row) comes before the ``mostly``
    set check, not in suite order."""
    c = {"meta": {"severity": vocab.CRITICAL}}
    return [
        gxe.ExpectColumnValuesToNotBeNull(column="score", **c),
        gxe.ExpectColumnValuesToBeInSet(column="match_method", value_set=["x"], mostly=0.0, **c),
        gxe.ExpectColumnValuesToBeBetween(column="score", max_value=0.6, **c),
    ]


def test_each_result_combines_with_its_own_mostly(tables, build_warehouse, monkeypatch):
    _mentions(tables)
    for i, row in enumerate(tables["entity_mentions"]):
        row["score"] = 0.5 + 0.4 * (i % 2)  # 3 of 7 above the range
    monkeypatch.setitem(suites.BUILDERS, "entity_mentions", _mostly_then_same_column)
    db = build_warehouse(tables)
    whole = _whole_table_gx(db, "entity_mentions")
    assert ("expect_column_values_to_be_between", "score", "critical", False, (3, 7)) in whole
    assert _batched(db, "entity_mentions", 2) == whole
