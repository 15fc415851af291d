"""The audit of write-audit-publish: validate the staging warehouse, keep the record, decide.

Every run leaves its ``validation_results`` rows in the lake (``validation_results/
part-<run_id>.parquet``, loaded into every later build, so history survives failed runs) and
in the staging file itself (so a published warehouse carries its own validation). A critical
failure raises, naming each failed expectation and column: the flow run fails and the published
file is never touched. Warnings come back to the flow, which logs them and publishes.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from expectations import ValidationReport, validate
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


def validate_stage(settings: RunSettings, run_id: str, staged: str) -> dict:
    """Validate ``staged``; record the results; raise on a critical failure.

    Returns ``{"checked", "warnings" (lines), "docs"}`` when the staging file may be published.
    """
    # A file updated from the published one: its new rows, not again the rows already published
    report = validate_apart(
        staged, run_id=run_id, docs_dir=docs_dir(settings), only=new_row_filters(staged)
    )
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
