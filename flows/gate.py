"""The audit of write-audit-publish: validate the staging warehouse, keep the record, decide.

Every run leaves its ``validation_results`` rows in the lake (``validation_results/
part-<run_id>.parquet``, loaded into every later build, so history survives failed runs) and
in the staging file itself (so a published warehouse carries its own validation). A critical
failure raises, naming each failed expectation and column: the flow run fails and the published
file is never touched. Warnings come back to the flow, which logs them and publishes.

The verdicts come from DuckDB (``expectations/indb.py``: the suites' expectations and the SQL
checks, with GX's semantics, without GX's import). A staging file updated from the published
one is checked in this process, on the rows the published file does not hold (keys still
unique over whole tables, checks reading a changed table on their whole table): its cost
follows the new rows. A file built from scratch is checked whole in a spawned process (its
memory stays out of the run's). Data Docs are rendered by GX in a detached process from the
recorded results (``expectations/docs.py``). A suite DuckDB cannot evaluate falls back to
validation by GX in a spawned process, Data Docs included.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from expectations import ValidationReport, docs, validate
from expectations.indb import validate_in_duckdb
from flows.settings import RunSettings
from warehouse.db import new_row_filters
from warehouse.lake import Lake
from warehouse.publish import record_results


class CriticalExpectationFailed(RuntimeError):
    """The staging warehouse broke at least one critical expectation; nothing was published."""


def docs_dir(settings: RunSettings) -> Path:
    """GX Data Docs, a static site beside the warehouse: ``<warehouse dir>/data_docs``."""
    return Path(settings.warehouse).resolve().parent / "data_docs"


def validate_apart(staged: str, **kwargs: Any) -> ValidationReport:
    """``validate`` in a spawned process of its own: Great Expectations' import (~300 MB) and
    its batches never enter the run's process, whose memory then stays that of its stages."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(validate, staged, **kwargs).result()


def _in_duckdb_apart(staged: str, **kwargs: Any) -> ValidationReport | None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(validate_in_duckdb, staged, **kwargs).result()


def audit(settings: RunSettings, run_id: str, staged: str) -> ValidationReport:
    """The validation report of ``staged`` (see the module docstring); Data Docs under way."""
    only = new_row_filters(staged)
    if only is not None:  # updated from the published file: the rows it does not hold
        report = validate_in_duckdb(staged, run_id, published=settings.warehouse, only=only)
    else:
        report = _in_duckdb_apart(staged, run_id=run_id)
    if report is None or report.docs is None:  # a suite only GX can evaluate
        return validate_apart(staged, run_id=run_id, docs_dir=docs_dir(settings), only=only)
    report.docs_index = docs.build_later(docs_dir(settings), run_id, report.docs)
    return report


def validate_stage(settings: RunSettings, run_id: str, staged: str) -> dict:
    """Validate ``staged``; record the results; raise on a critical failure.

    Returns ``{"checked", "warnings" (lines), "docs"}`` when the staging file may be published.
    """
    report = audit(settings, run_id, staged)
    results = report.table()
    Lake(settings.lake_root).write_part("validation_results", results, run_id, overwrite=True)
    critical = report.critical_failures
    if critical:
        lines = "\n".join(f"  - {o.line()}" for o in critical)
        raise CriticalExpectationFailed(
            f"{len(critical)} critical expectation(s) failed; {Path(settings.warehouse).name} "
            f"left as it was (staging kept at {staged}):\n{lines}"
        )
    record_results(staged, results)
    return {
        "checked": len(report.outcomes),
        "warnings": [o.line() for o in report.warnings],
        "docs": str(report.docs_index),
    }
