"""The suites' expectations and the SQL checks evaluated in DuckDB: no great_expectations.

GX cannot validate DuckDB itself (``expectations/validate.py`` reads tables into pandas for
it, after a ~300 MB, several-second import). The expectations the suites use are simple
column predicates, so DuckDB evaluates the same specs (``expectations/specs.py``) with GX's
pandas semantics, which tests hold against GX's own verdicts on the same tables:

- a row-wise expectation counts, over the rows checked, the rows it does not consider
  (``missing``: a null or NaN value; pairs and compound keys by ``ignore_row_if``) and the
  rows it considers unexpected; success is GX's rule on those counts (``mostly``);
- a key's uniqueness is counted over the whole table: with every row checked, every row of a
  repeated key is unexpected (GX's count); with only some rows checked, the checked rows whose
  key occurs more than once in the whole table are (a duplicate between a new row and an old
  one fails, without grouping the whole table's keys).

``validate_in_duckdb`` checks every row, or, given the published file a staged file was
updated from, only the rows the published file does not hold (``expectations/changes.py``);
a SQL check then looks at its table's rows left to check while every table it reads is
unchanged, or only grew and the check is ``growth: safe``, and at its whole table otherwise.
Each result keeps GX's result keys, so Data Docs can be built from them later
(``expectations/docs.py``). A spec this module cannot evaluate makes it return None: the
caller validates with GX instead.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from expectations import changes, specs, vocab
from expectations.reads import missing_sql, quoted
from expectations.sqlchecks import SqlOutcome, run_checks
from expectations.validate import (
    DUCKDB_MEMORY_LIMIT,
    SQL_SUITE,
    Outcome,
    ValidationReport,
    _sql_observed,
    missing_table,
)

SUPPORTED = frozenset(
    {
        specs.NOT_NULL,
        specs.IN_SET,
        specs.BETWEEN,
        specs.REGEX,
        specs.PAIR_GREATER,
        specs.UNIQUE_VALUES,
        specs.UNIQUE_COMPOUND,
    }
)
_FLOATS = ("FLOAT", "DOUBLE", "REAL")


@dataclass(frozen=True)
class Checked:
    """One expectation's verdict, with GX's SUMMARY result keys (for Data Docs)."""

    spec: specs.Spec
    success: bool
    result: dict[str, Any]

    def observed(self) -> str:
        n, elements = self.result["unexpected_count"], self.result["element_count"]
        text = f"{n} unexpected of {elements}"
        sample = self.result.get("partial_unexpected_list") or []
        return f"{text}, e.g. {sample[: vocab.SAMPLE_ROWS]}" if n else text


def supported(spec: specs.Spec) -> bool:
    if spec.type not in SUPPORTED or spec.kwargs.get("row_condition"):
        return False
    return spec.type != specs.UNIQUE_VALUES or spec.kwargs.get("mostly", 1.0) == 1.0


def _mostly(spec: specs.Spec) -> float:
    mostly = spec.kwargs.get("mostly")
    return 1.0 if mostly is None else float(mostly)


def _success(elements: int, unexpected: int, missing: int | None, mostly: float) -> bool:
    """GX's verdict of a map expectation from its counts (``expectation._mostly_success``)."""
    considered = elements - (missing or 0)
    if elements == 0 or considered == 0:
        return True
    return (considered - unexpected) / considered >= mostly


def _result(elements: int, unexpected: int, missing: int | None, sample: list) -> dict:
    """GX's SUMMARY keys of a map expectation's result."""
    considered = elements - (missing or 0)
    out: dict[str, Any] = {
        "element_count": elements,
        "unexpected_count": unexpected,
        "unexpected_percent": (unexpected / considered * 100) if considered else None,
        "partial_unexpected_list": sample,
    }
    if missing is not None:
        out["missing_count"] = missing
        out["missing_percent"] = missing / elements * 100 if elements else None
        out["unexpected_percent_total"] = unexpected / elements * 100 if elements else None
        out["unexpected_percent_nonmissing"] = out["unexpected_percent"]
    return out


def _null(column: str, floats: set[str]) -> str:
    """True where pandas sees a missing value: null, or NaN in a float column."""
    c = f'"{column}"'
    return f"({c} is null or isnan({c}))" if column in floats else f"({c} is null)"


class _Row:
    """SQL of one row-wise spec: (missing or None, unexpected, bound values, sample columns)."""

    def __init__(self, spec: specs.Spec, i: int, floats: set[str], bad: list[str] | None):
        kw, c = spec.kwargs, f'"{spec.kwargs.get("column")}"'
        self.params: dict[str, Any] = {}
        self.columns = [kw["column"]] if "column" in kw else [kw["column_B"], kw["column_A"]]
        if spec.type == specs.NOT_NULL:
            self.missing, self.unexpected = None, _null(kw["column"], floats)
            return
        if spec.type == specs.PAIR_GREATER:
            a, b = (_null(kw[k], floats) for k in ("column_A", "column_B"))
            ignore = kw.get("ignore_row_if", "both_values_are_missing")
            missing = {"both_values_are_missing": f"({a} and {b})",
                       "either_value_is_missing": f"({a} or {b})"}  # fmt: skip
            self.missing = missing.get(ignore, "false")
            op = ">=" if kw.get("or_equal") else ">"
            self.unexpected = f'not coalesce("{kw["column_A"]}" {op} "{kw["column_B"]}", false)'
            return
        self.missing = _null(kw["column"], floats)
        if spec.type == specs.IN_SET:
            self.params[f"v{i}"] = list(kw["value_set"])
            self.unexpected = f"not list_contains($v{i}, {c})"
        elif spec.type == specs.BETWEEN:
            low, high = kw.get("min_value"), kw.get("max_value")
            terms = []
            if low is not None:
                self.params[f"lo{i}"] = low
                terms.append(f"{c} {'>' if kw.get('strict_min') else '>='} $lo{i}")
            if high is not None:
                self.params[f"hi{i}"] = high
                terms.append(f"{c} {'<' if kw.get('strict_max') else '<='} $hi{i}")
            self.unexpected = f"not coalesce({' and '.join(terms)}, false)"
        else:  # REGEX: the values failing Python's re.search (GX: str.contains), found first
            self.params[f"v{i}"] = bad or []
            self.unexpected = f"list_contains($v{i}, {c}::VARCHAR)"


def _row_specs(
    con: duckdb.DuckDBPyConnection,
    table: str,
    items: list[tuple[int, specs.Spec]],
    where: str,
    floats: set[str],
) -> dict[int, Checked]:
    """Row-wise specs on the rows of ``table`` matching ``where``: one aggregate pass, then a
    sample read for each failing spec."""
    rows: dict[int, _Row] = {}
    for i, spec in items:
        bad = None
        if spec.type == specs.REGEX:
            col = f'"{spec.kwargs["column"]}"'
            values = con.execute(
                f'select distinct {col}::VARCHAR from "{table}" '
                f"where ({where}) and {col} is not null"
            ).fetchall()
            pattern = re.compile(spec.kwargs["regex"])
            bad = [v for (v,) in values if not pattern.search(v)]
        rows[i] = _Row(spec, i, floats, bad)
    aggs = ["count(*)"]
    params: dict[str, Any] = {}
    for r in rows.values():
        aggs.append(f"count(*) filter (where {r.missing or 'false'})")
        aggs.append(f"count(*) filter (where not {r.missing or 'false'} and {r.unexpected})")
        params.update(r.params)
    counts = con.execute(
        f'select {", ".join(aggs)} from "{table}" where {where}', params
    ).fetchone()
    assert counts is not None
    elements, out = int(counts[0]), {}
    for k, (i, r) in enumerate(rows.items()):
        spec = dict(items)[i]
        missing, unexpected = int(counts[1 + 2 * k]), int(counts[2 + 2 * k])
        sample: list = []
        if unexpected:
            cols = quoted(r.columns)
            found = con.execute(
                f'select {cols} from "{table}" where ({where}) and not {r.missing or "false"} '
                f"and {r.unexpected} order by rowid limit {vocab.SAMPLE_ROWS}",
                r.params,
            ).fetchall()
            sample = [v[0] if len(v) == 1 else list(v) for v in found]
        counted = None if spec.type == specs.NOT_NULL else missing
        out[i] = Checked(
            spec,
            _success(elements, unexpected, counted, _mostly(spec)),
            _result(elements, unexpected, counted, sample),
        )
    return out


def _unique(
    con: duckdb.DuckDBPyConnection, table: str, spec: specs.Spec, where: str | None
) -> Checked:
    """A key's uniqueness over the whole table, as GX counts it (see the module docstring)."""
    kw = spec.kwargs
    columns = [kw["column"]] if "column" in kw else list(kw["column_list"])
    ignore = kw.get("ignore_row_if", "all_values_are_missing")  # GX's default for both
    cols, miss = quoted(columns), missing_sql(columns, ignore)

    def same(a: str, b: str) -> str:
        return " and ".join(f'{a}."{c}" is not distinct from {b}."{c}"' for c in columns)

    # The keys that may repeat: every key, or the keys of the rows checked.
    keys = (
        f'select {cols} from "{table}" where not {miss}'
        if where is None
        else f"""select {cols} from "{table}" as t semi join (
                select distinct {cols} from "{table}" where ({where}) and not {miss}) as k
            on {same("t", "k")} where not {missing_sql(columns, ignore, "t.")}"""
    )
    checked = f'select {cols} from "{table}"' + (f" where {where}" if where else "")
    elements, missing, unexpected = con.execute(  # type: ignore[misc]
        f"""with dups as (
                select {cols}, count(*) as n from ({keys}) group by all having count(*) > 1),
            checked as ({checked})
        select (select count(*) from checked),
               (select count(*) from checked where {miss}),
               (select count(*) from checked as x semi join dups as d on {same("x", "d")}
                where not {missing_sql(columns, ignore, "x.")})"""
    ).fetchone()
    sample: list = []
    if unexpected:
        sample = [
            v[0] if len(v) == 1 else list(v)
            for v in con.execute(
                f"""with dups as (
                    select {cols} from ({keys}) group by all having count(*) > 1)
                select * from dups order by all limit {vocab.SAMPLE_ROWS}"""
            ).fetchall()
        ]
    return Checked(
        spec,
        _success(int(elements), int(unexpected), int(missing), 1.0),
        _result(int(elements), int(unexpected), int(missing), sample),
    )


def check_table(
    con: duckdb.DuckDBPyConnection,
    table: str,
    table_specs: list[specs.Spec],
    where: str | None,
    keys_where: str | None = None,
) -> list[Checked]:
    """Every spec of ``table`` in suite order: row-wise ones on its rows matching ``where``
    (None: every row), uniqueness on the keys of the rows matching ``keys_where`` (None: every
    key) counted over the whole table."""
    floats = {
        r[0]
        for r in con.execute(f'describe "{table}"').fetchall()
        if str(r[1]).upper().startswith(_FLOATS)
    }
    row = [(i, s) for i, s in enumerate(table_specs) if specs.scope(s.type, s.kwargs) == specs.ROW]
    done = _row_specs(con, table, row, where or "true", floats) if row else {}
    for i, s in enumerate(table_specs):
        if i not in done:
            done[i] = _unique(con, table, s, keys_where)
    return [done[i] for i in range(len(table_specs))]


def _sql_result(o: SqlOutcome) -> dict[str, Any]:
    """A SQL check as GX's between-0-and-0 expectation on a one-row batch of its count."""
    bad = int(o.violations != 0)
    return _result(1, bad, 0, [o.violations] if bad else [])


def validate_in_duckdb(
    db_path: str | Path,
    run_id: str | None = None,
    tables: list[str] | None = None,
    published: str | Path | None = None,
    only: dict[str, str] | None = None,
) -> ValidationReport | None:
    """Every suite and SQL check against the warehouse file at ``db_path``, in DuckDB.

    With ``published`` (the file ``db_path`` was updated from, which passed validation) and
    ``only`` (``warehouse.db.new_row_filters``), only the rows the published file does not
    hold are checked (keys still unique over whole tables, see the module docstring); else
    every row. Returns the report (``docs`` set to the suites' results for Data Docs), or
    None when a suite has an expectation this engine cannot evaluate. Read-only.
    """
    names = tables or list(specs.SPECS)
    all_specs = {t: specs.SPECS[t]() for t in names}
    if not all(supported(s) for ss in all_specs.values() for s in ss):
        return None
    now = datetime.now(UTC).replace(tzinfo=None)
    report = ValidationReport(run_id or f"validate-{now:%Y%m%dT%H%M%SZ}", now)
    docs: list[tuple[str, list[dict[str, Any]]]] = []
    with (
        tempfile.TemporaryDirectory(prefix="sitrep-validate-") as spill,
        duckdb.connect(
            str(db_path),
            read_only=True,
            config={"memory_limit": DUCKDB_MEMORY_LIMIT, "temp_directory": spill},
        ) as con,
    ):
        con.execute("set enable_progress_bar = false")
        present = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        found: dict[str, changes.TableChange] = {}
        if published is not None and changes.attached(con, published):
            keyed = {
                t for t, ss in all_specs.items() if any(s.type in specs.UNIQUENESS for s in ss)
            }
            found = changes.find_changes(con, [t for t in names if t in present], only, keyed)
        for table in names:
            if table not in present:
                report.outcomes.append(missing_table(table))
                continue
            change = found.get(table)
            where, keys = (change.where, change.keys_where) if change else (None, None)
            results = check_table(con, table, all_specs[table], where, keys)
            for c in results:
                report.outcomes.append(_outcome(table, c))
            docs.append((table, [_doc(c.spec, c.success, c.result) for c in results]))
        sql = [
            o
            for o in run_checks(con, where_of=changes.sql_rows(found))
            if tables is None or o.check.table in tables
        ]
    sql_docs = []
    for o in sql:
        check = o.check
        report.outcomes.append(
            Outcome(
                f"{check.table}.sql",
                check.name,
                check.column,
                check.severity,
                o.violations == 0,
                _sql_observed(o),
            )  # fmt: skip
        )
        kwargs = {"column": check.name, "min_value": 0, "max_value": 0,
                  "description": check.description}  # fmt: skip
        doc = _doc(specs.Spec(specs.BETWEEN, kwargs, check.severity), o.violations == 0,
                   _sql_result(o))  # fmt: skip
        doc["meta"].update(table=check.table, column=check.column)
        sql_docs.append(doc)
    if sql_docs:
        docs.append((SQL_SUITE, sql_docs))
    report.docs = docs
    report.checked_rows = {t: ch.checked for t, ch in found.items()}
    return report


def _outcome(table: str, c: Checked) -> Outcome:
    kw = c.spec.kwargs
    if "column" in kw:
        column = kw["column"]
    elif "column_A" in kw:  # pairs read as "low,high", as validate.py names them
        column = f"{kw['column_B']},{kw['column_A']}"
    else:
        column = ",".join(kw["column_list"])
    return Outcome(table, c.spec.type, column, c.spec.severity, c.success, c.observed())


def _doc(spec: specs.Spec, success: bool, result: dict[str, Any]) -> dict[str, Any]:
    return {"type": spec.type, "kwargs": dict(spec.kwargs), "meta": dict(spec.meta),
            "success": bool(success), "result": result}  # fmt: skip
