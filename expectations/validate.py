"""One entry point: validate a warehouse file, return every expectation's outcome.

GX 1.24 cannot validate DuckDB through its SQL datasource (upstream #10738, #11579), so tables
are read from DuckDB through Arrow into pandas (only the columns a suite needs) and validated
by an ephemeral GX context, one table at a time and at most ``batch_rows`` rows at a time, so
validation's memory follows the batch size, not the warehouse. By scope (``suites.scope_of``):

- row-wise expectations (nulls, sets, ranges, regexes, column pairs: every expectation of the
  suites but uniqueness) run on each batch streamed from DuckDB; a table's batches combine into
  one result per expectation (``expectations/batches.py``: counts summed, GX's success rule on
  the sums, the first failing values kept);
- uniqueness of a key or a compound key is table-wide: DuckDB counts, over the whole table,
  the rows whose key repeats, and GX validates a frame of at most ``batch_rows`` of those rows
  (for its sample), its result taking DuckDB's counts (``expectations/reads.py``);
- any other expectation (aggregates such as a mean or a row count, row order, dtypes) is
  table-wide and cannot be combined: GX validates it on one frame of the whole table's columns
  it reads. Its memory follows the table; no suite has one today (a test says so).

The SQL checks (``expectations/sql``) run in DuckDB on whole tables; their violation counts go
through GX too (a one-row batch), so Data Docs show every check in one site, one validation
result per suite. DuckDB's own memory is capped (``DUCKDB_MEMORY_LIMIT``): its joins and key
counts spill to a temporary directory instead of growing with the warehouse.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from expectations import batches, reads, vocab
from expectations.sqlchecks import SqlOutcome, run_checks
from transforms import schemas
from transforms.catalog import RowChange

SQL_SUITE = "sql_checks"
# Rows of a table GX validates at once: validation's peak memory follows this, not the table.
# Each batch costs GX a fixed ~0.2 s of set-up: 100k rows was 25% slower at 5M mentions,
# 250k rows 80 MB more (bench/bench_validate.py). On the 100k-document benchmark warehouse
# (event_reports 122k rows with their quotes) 150k rows peaked at 645 MB and 50k at 555 MB, for
# 26 -> 33 s: the memory target (100k documents within 1.5x of 10k) needs the smaller batch.
BATCH_ROWS = 50_000
# DuckDB's own memory (buffer cache, the SQL checks' joins, key counts) while validating; above
# it DuckDB spills to a temporary directory instead of growing with the warehouse.
DUCKDB_MEMORY_LIMIT = "128MB"
# DuckDB threads when only the rows a build changed are checked (``changed``): those queries
# scan a few key columns and a run's rows, and on a shared 2-core machine a second thread cost
# CPU and gave no time back (bench/README.md, issue 12, eleventh pass). A whole file is
# checked on DuckDB's default, one thread per core.
DELTA_THREADS = 1
# GX result detail: enough failing values to name the problem, no more.
RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": vocab.SAMPLE_ROWS}


@dataclass(frozen=True)
class Outcome:
    """One expectation checked: a row of ``validation_results`` without run_id and time."""

    suite: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    observed: str

    def line(self) -> str:
        col = f" [{self.column}]" if self.column else ""
        return f"{self.severity.upper()} {self.suite}.{self.expectation}{col}: {self.observed}"


@dataclass
class ValidationReport:
    run_id: str
    validated_at: datetime
    outcomes: list[Outcome] = field(default_factory=list)
    docs_index: Path | None = None
    # Each suite's results in GX's shape, for Data Docs built apart (``expectations/docs.py``).
    docs: list[tuple[str, list[dict[str, Any]]]] | None = None
    # Rows checked per table when only the rows a published file lacks were checked.
    checked_rows: dict[str, int] = field(default_factory=dict)

    def failed(self, severity: str | None = None) -> list[Outcome]:
        return [o for o in self.outcomes if not o.success and severity in (None, o.severity)]

    @property
    def critical_failures(self) -> list[Outcome]:
        return self.failed(vocab.CRITICAL)

    @property
    def warnings(self) -> list[Outcome]:
        return self.failed(vocab.WARNING)

    @property
    def passed(self) -> bool:
        """True when nothing critical failed (warnings publish)."""
        return not self.critical_failures

    def table(self) -> pa.Table:
        """The ``validation_results`` rows of this validation (one per expectation)."""
        rows = [
            {"run_id": self.run_id, "validated_at": self.validated_at, **o.__dict__}
            for o in self.outcomes
        ]
        return schemas.conform(rows, schemas.VALIDATION_RESULTS)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
    }


def _columns(kwargs: dict[str, Any]) -> str | None:
    if "column" in kwargs:
        return kwargs["column"]
    if "column_A" in kwargs:  # pairs read as "low,high" / "a,b" in the order they compare
        return f"{kwargs['column_B']},{kwargs['column_A']}"
    if "column_list" in kwargs:
        return ",".join(kwargs["column_list"])
    return None


def _observed(result: Any) -> str:
    if result.exception_info and result.exception_info.get("raised_exception"):
        return f"error: {result.exception_info.get('exception_message')}"
    r = result.result or {}
    if "unexpected_count" in r:
        n = r.get("unexpected_count") or 0
        text = f"{n} unexpected of {r.get('element_count')}"
        sample = r.get("partial_unexpected_list") or []
        return f"{text}, e.g. {sample[: vocab.SAMPLE_ROWS]}" if n else text
    return f"observed {r.get('observed_value')}"


def _sql_observed(o: SqlOutcome) -> str:
    if o.error:
        return o.error
    if not o.violations:
        return "0 violating rows"
    return f"{o.violations} violating rows, e.g. {o.sample}"


class GxContext:
    """An ephemeral GX context: validates frames, keeps one result per suite for Data Docs."""

    def __init__(self, docs_dir: Path | None, run_id: str) -> None:
        import great_expectations as gx
        from great_expectations.core.run_identifier import RunIdentifier
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.ctx = gx.get_context(mode="ephemeral")
        self.ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.docs = docs_dir
        if docs_dir is not None:
            self.ctx.add_data_docs_site(
                "local",
                {
                    "class_name": "SiteBuilder",
                    "store_backend": {
                        "class_name": "TupleFilesystemStoreBackend",
                        "base_directory": str(docs_dir),
                    },
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
        self.source = self.ctx.data_sources.add_pandas("warehouse")
        self.run_id = RunIdentifier(run_name=run_id, run_time=datetime.now(UTC))
        self._definitions: dict[str, Any] = {}

    def part(self, name: str, expectations: list[Any]) -> Any:
        """A suite of copies of ``expectations`` (an expectation belongs to one suite)."""
        import great_expectations as gx

        return gx.ExpectationSuite(
            name=name, expectations=[e.configuration.to_domain_obj() for e in expectations]
        )

    def run(self, name: str, suite: Any, frame: pd.DataFrame) -> Any:
        """``suite`` on ``frame``: GX's suite result, not stored."""
        if name not in self._definitions:
            asset = self.source.add_dataframe_asset(name)
            self._definitions[name] = asset.add_batch_definition_whole_dataframe(name)
        # GX's own validator, as ValidationDefinition.run uses it, without storing a result per
        # batch; Batch.validate would load (and fingerprint) the frame twice.
        from great_expectations.validator.v1_validator import Validator

        return Validator(
            batch_definition=self._definitions[name],
            batch_parameters={"dataframe": frame},
            result_format=RESULT_FORMAT,
        ).validate_expectation_suite(suite)

    def record(self, suite: Any, results: list[Any], meta: dict[str, Any]) -> None:
        """Keep the table's combined results (suite order) for Data Docs."""
        if self.docs is None:
            return
        from great_expectations.core import ExpectationSuiteValidationResult
        from great_expectations.data_context.types.resource_identifiers import (
            ExpectationSuiteIdentifier,
            ValidationResultIdentifier,
        )
        from great_expectations.validator.validator import calc_validation_statistics

        stats = calc_validation_statistics(results)
        suite = self.ctx.suites.add(suite)
        key = ExpectationSuiteIdentifier(name=suite.name)
        result = ExpectationSuiteValidationResult(
            success=stats.success,
            results=results,
            suite_name=suite.name,
            statistics={
                "evaluated_expectations": stats.evaluated_expectations,
                "successful_expectations": stats.successful_expectations,
                "unsuccessful_expectations": stats.unsuccessful_expectations,
                "success_percent": stats.success_percent,
            },
            meta={**meta, "run_id": self.run_id, "validation_time": self.run_id.run_time},
        )
        self.ctx.validation_results_store.store_validation_results(
            suite_validation_result=result,
            suite_validation_result_identifier=ValidationResultIdentifier(
                key, self.run_id, f"warehouse-{suite.name}"
            ),
            expectation_suite_identifier=key,
        )

    def build_docs(self) -> Path | None:
        if self.docs is None:
            return None
        self.ctx.build_data_docs()
        return self.docs / "index.html"


def _key(expectation: Any) -> list[str]:
    kw = expectation.configuration.kwargs
    return [kw["column"]] if "column" in kw else list(kw["column_list"])


def _mostly(expectation: Any) -> float:
    mostly = getattr(expectation, "mostly", None)
    return 1.0 if mostly is None else float(mostly)


def _check_table(
    gxr: GxContext,
    con: duckdb.DuckDBPyConnection,
    table: str,
    suite: Any,
    rows: int,
    where: str | None = None,
    keys_where: str | None = None,
) -> list[Any]:
    """GX results of ``suite`` on ``table``, in suite order, each as GX gives it on the whole
    table (row-wise ones on the rows matching ``where`` when given, uniqueness on the keys of
    the rows matching ``keys_where`` counted over the whole table); at most ``rows`` rows of
    the table in memory (but for ``suites.TABLE`` scopes)."""
    from expectations import suites

    expectations = list(suite.expectations)
    scopes = [suites.scope_of(e) for e in expectations]
    results: list[Any] = [None] * len(expectations)
    meta: dict[str, Any] = {}

    def of_scope(scope: str) -> list[int]:
        return [i for i, s in enumerate(scopes) if s == scope]

    for scope in (suites.ROW, suites.TABLE):
        at = of_scope(scope)
        if not at:
            continue
        part = gxr.part(table, [expectations[i] for i in at])
        cols = reads.quoted(suites.columns_of(part)) or "1 as _row"
        # A TABLE scope needs every row at once: one batch as long as the table.
        size = rows if scope == suites.ROW else max(1, _count(con, table))
        parts = []
        rows_sql = f'select {cols} from "{table}"'
        if scope == suites.ROW and where:
            rows_sql += f" where {where}"
        for frame in reads.batches(con, rows_sql, size):
            validated = gxr.run(table, part, frame)
            meta = meta or validated.meta
            parts.append(validated.results)
            del frame, validated
        # GX lists a suite's results in its own order (by column), the same for every batch
        # (and so do the outcomes); each result combines with its own expectation's ``mostly``.
        for (k, own), i in zip(_in_suite_order(parts[0], [expectations[i] for i in at], at), at,
                               strict=True):  # fmt: skip
            mostly = _mostly(expectations[own])
            results[i] = batches.combine([p[k] for p in parts], mostly, vocab.SAMPLE_ROWS)

    for i in of_scope(suites.UNIQUE):
        e = expectations[i]
        ignore = getattr(e, "ignore_row_if", None) or "all_values_are_missing"
        rep = reads.repeats(con, table, _key(e), rows, ignore, keys_where)
        validated = gxr.run(table, gxr.part(table, [e]), rep.sample)
        meta = meta or validated.meta
        (r,) = validated.results
        if not batches.raised(r):
            r.result = batches.recount(r.result or {}, rep.elements, rep.unexpected, rep.missing)
            r.success = batches.map_success(rep.elements, rep.unexpected, rep.missing, _mostly(e))
        results[i] = r
    gxr.record(suite, results, meta)
    return results


def _in_suite_order(results: list[Any], expectations: list[Any], at: list[int]) -> list:
    """(result position, suite position) pairs: each GX result matched to its expectation by
    type and kwargs (a suite holds no two alike)."""
    keys = [(e.expectation_type, e.configuration.kwargs) for e in expectations]
    pairs = []
    for k, r in enumerate(results):
        kwargs = {k: v for k, v in r.expectation_config.kwargs.items() if k != "batch_id"}
        j = keys.index((r.expectation_config.type, kwargs))
        pairs.append((k, at[j]))
    return pairs


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f'select count(*) from "{table}"').fetchone()[0])  # type: ignore[index]


def _sql_suite(outcomes: list[SqlOutcome]) -> tuple[Any, pd.DataFrame]:
    """The SQL checks as a GX suite over one row of violation counts (-1: the query failed)."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    suite = gx.ExpectationSuite(name=SQL_SUITE)
    for o in outcomes:
        c = o.check
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeBetween(
                column=c.name,
                min_value=0,
                max_value=0,
                description=c.description,
                meta={"severity": c.severity, "table": c.table, "column": c.column},
            )
        )
    frame = pd.DataFrame({o.check.name: [o.violations] for o in outcomes})
    return suite, frame


def connect_checks(db_path: str | Path, spill: str, delta: bool) -> duckdb.DuckDBPyConnection:
    """Read-only, with DuckDB's memory capped (its joins and key counts spill to ``spill``); on
    ``DELTA_THREADS`` DuckDB threads when only a run's changed rows are checked (``delta``), on
    DuckDB's default when a whole file is."""
    config: dict[str, str | int] = {"memory_limit": DUCKDB_MEMORY_LIMIT, "temp_directory": spill}
    if delta:
        config["threads"] = DELTA_THREADS
    con = duckdb.connect(str(db_path), read_only=True, config=config)
    con.execute("set enable_progress_bar = false")  # long checks would draw on a terminal
    return con


def validate(
    db_path: str | Path,
    run_id: str | None = None,
    docs_dir: str | Path | None = None,
    tables: list[str] | None = None,
    batch_rows: int = BATCH_ROWS,
    changed: dict[str, RowChange] | None = None,
) -> ValidationReport:
    """Check every suite (and every SQL check) against the warehouse file at ``db_path``.

    Opens the file read-only, so a published warehouse can be validated while analysts read it.
    Returns one outcome per expectation, in suite order, whatever ``batch_rows`` (the rows of
    a table validated at once: memory follows it, not the table); nothing is written to the
    warehouse. With ``docs_dir``, GX Data Docs are (re)built there (``<docs_dir>/index.html``),
    one validation result per suite.

    ``changed`` (what a build that updated the file from a published, validated one reports it
    added or rewrote, per table) restricts the checks to those rows
    (``expectations/changes.py``): row-wise expectations look at them, uniqueness is counted
    over the whole table, a SQL check looks at its table's changed rows when every table it
    reads allows, else at its whole table; on ``DELTA_THREADS`` DuckDB threads). None: every
    row of every table, on DuckDB's default threads.
    """
    from expectations import changes, suites

    if batch_rows < 1:
        raise ValueError(f"batch_rows must be positive, not {batch_rows}")
    report = ValidationReport(run_id or f"validate-{_utcnow():%Y%m%dT%H%M%SZ}", _utcnow())
    report.docs = []
    gxr = GxContext(Path(docs_dir) if docs_dir is not None else None, report.run_id)
    with (
        tempfile.TemporaryDirectory(prefix="sitrep-validate-") as spill,
        connect_checks(db_path, spill, delta=changed is not None) as con,
    ):
        present = _tables(con)
        names = tables or list(suites.BUILDERS)
        found: dict[str, changes.TableChange] = {}
        if changed is not None:
            found = changes.rows_to_check(con, [t for t in names if t in present], changed)
        for table in names:
            if table not in present:
                report.outcomes.append(missing_table(table))
                continue
            suite = suites.build_suite(table)
            change = found.get(table)
            rows_of, keys_of = (change.where, change.keys_where) if change else (None, None)
            results = _check_table(gxr, con, table, suite, batch_rows, rows_of, keys_of)
            report.outcomes += [_outcome(table, r) for r in results]
            report.docs.append((table, [_doc(r) for r in results]))
        checks = run_checks(con, where_of=changes.sql_rows(found) if found else None)
        sql = [o for o in checks if tables is None or o.check.table in tables]
        report.checked_rows = {t: ch.checked for t, ch in found.items()}
    if sql:
        _validate_sql(gxr, report, sql)
    report.docs_index = gxr.build_docs()
    return report


def _validate_sql(gxr: GxContext, report: ValidationReport, sql: list[SqlOutcome]) -> None:
    """The SQL checks' violation counts through GX (one suite), into ``report``."""
    by_name = {o.check.name: o for o in sql}
    suite, frame = _sql_suite(sql)
    validated = gxr.run(SQL_SUITE, suite, frame)
    gxr.record(suite, validated.results, validated.meta)
    sql_docs = []
    for r in validated.results:
        o = by_name[r.expectation_config.kwargs["column"]]
        report.outcomes.append(
            Outcome(
                f"{o.check.table}.sql",
                o.check.name,
                o.check.column,
                o.check.severity,
                bool(r.success),
                _sql_observed(o),
            )
        )
        doc = _doc(r)
        doc["meta"].update(table=o.check.table, column=o.check.column)
        sql_docs.append(doc)
    assert report.docs is not None
    report.docs.append((SQL_SUITE, sql_docs))


def missing_table(table: str) -> Outcome:
    """The outcome of a suite whose table the file lacks."""
    return Outcome(
        table, "expect_table_to_exist", None, vocab.CRITICAL, False, f"table {table} is missing"
    )


def _doc(r: Any) -> dict[str, Any]:
    """A GX result as ``expectations/docs.py`` renders it (type, kwargs, meta, verdict, result)."""
    cfg = r.expectation_config
    kwargs = {k: v for k, v in cfg.kwargs.items() if k != "batch_id"}
    return {"type": cfg.type, "kwargs": kwargs, "meta": dict(cfg.meta or {}),
            "success": bool(r.success), "result": dict(r.result or {})}  # fmt: skip


def _outcome(suite: str, r: Any) -> Outcome:
    cfg = r.expectation_config
    return Outcome(
        suite,
        cfg.type,
        _columns(cfg.kwargs),
        cfg.meta.get("severity", vocab.CRITICAL),
        bool(r.success),
        _observed(r),
    )
