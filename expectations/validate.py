"""One entry point: validate a warehouse file, return every expectation's outcome.

GX 1.24 cannot validate DuckDB through its SQL datasource (upstream #10738, #11579), so each
table is read from DuckDB through Arrow into a pandas batch (only the columns its suite needs)
and validated by an ephemeral GX context. The SQL checks run in DuckDB; their violation counts
go through GX too (a one-row batch), so Data Docs show every check in one site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from expectations import vocab
from expectations.sqlchecks import SqlOutcome, run_checks
from transforms import schemas

SQL_SUITE = "sql_checks"
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


def _frame(con: duckdb.DuckDBPyConnection, table: str, columns: list[str]) -> pd.DataFrame:
    cols = ", ".join(f'"{c}"' for c in columns)
    frame = (
        con.execute(f'select {cols} from "{table}"')
        .to_arrow_table()
        .to_pandas(date_as_object=False)
    )
    # GX compares int64/float64 columns vectorised, any other integer type row by row.
    ints = [c for c in frame.columns if pd.api.types.is_integer_dtype(frame[c].dtype)]
    return frame.astype(dict.fromkeys(ints, "int64")) if ints else frame


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


def _context(docs_dir: Path | None) -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    if docs_dir is not None:
        ctx.add_data_docs_site(
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
    return ctx


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


def validate(
    db_path: str | Path,
    run_id: str | None = None,
    docs_dir: str | Path | None = None,
    tables: list[str] | None = None,
) -> ValidationReport:
    """Check every suite (and every SQL check) against the warehouse file at ``db_path``.

    Opens the file read-only, so a published warehouse can be validated while analysts read it.
    Returns one outcome per expectation; nothing is written to the warehouse. With ``docs_dir``,
    GX Data Docs are (re)built there (``<docs_dir>/index.html``).
    """
    import great_expectations as gx

    from expectations import suites

    report = ValidationReport(run_id or f"validate-{_utcnow():%Y%m%dT%H%M%SZ}", _utcnow())
    docs = Path(docs_dir) if docs_dir is not None else None
    ctx = _context(docs)
    source = ctx.data_sources.add_pandas("warehouse")
    batches: list[tuple[str, Any, pd.DataFrame]] = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        present = _tables(con)
        for table in tables or list(suites.BUILDERS):
            if table not in present:
                report.outcomes.append(
                    Outcome(
                        table,
                        "expect_table_to_exist",
                        None,
                        vocab.CRITICAL,
                        False,
                        f"table {table} is missing",
                    )
                )
                continue
            suite = suites.build_suite(table)
            batches.append((table, suite, _frame(con, table, suites.columns_of(suite))))
        sql = [o for o in run_checks(con) if tables is None or o.check.table in tables]
    by_name = {o.check.name: o for o in sql}
    if sql:
        batches.append((SQL_SUITE, *_sql_suite(sql)))

    for name, suite, frame in batches:
        suite = ctx.suites.add(suite)
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        vd = ctx.validation_definitions.add(
            gx.ValidationDefinition(name=name, data=batch, suite=suite)
        )
        result = vd.run(batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT)
        for r in result.results:
            cfg = r.expectation_config
            if name == SQL_SUITE:
                o = by_name[cfg.kwargs["column"]]
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
            else:
                report.outcomes.append(
                    Outcome(
                        name,
                        cfg.type,
                        _columns(cfg.kwargs),
                        cfg.meta.get("severity", vocab.CRITICAL),
                        bool(r.success),
                        _observed(r),
                    )
                )
    if docs is not None:
        ctx.build_data_docs()
        report.docs_index = docs / "index.html"
    return report
