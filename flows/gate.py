"""The audit of write-audit-publish: validate the staging warehouse, keep the record, decide.

Every run leaves its ``validation_results`` rows in the lake (``validation_results/
part-<run_id>.parquet``, loaded into every later build, so history survives failed runs) and
in the staging file itself (so a published warehouse carries its own validation). A critical
failure raises, naming each failed expectation and column: the flow run fails and the published
file is never touched. Warnings come back to the flow, which logs them and publishes.

Great Expectations gives the verdicts (``expectations/validate.py``), in a process of its own
(``flows/validator.py``, started early so GX's import overlaps the run's stages): the run's
memory stays that of its stages. A staging file updated from the published one is checked on
the rows the build reports it added or rewrote (``flows/stages.py`` ``Staged.changed``; keys
still unique over whole tables; a SQL check that reads a changed table looks at its whole
table, ``expectations/changes.py``), so its validation follows the new rows; a file built from
scratch is checked whole. Data Docs are rendered by GX in a detached process from the results
(``expectations/docs.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flows import validator
from flows.settings import RunSettings
from warehouse import storage
from warehouse.lake import Lake
from warehouse.publish import record_results

if TYPE_CHECKING:  # expectations imports pandas: not paid by a run that validates nothing
    from expectations import ValidationReport
    from transforms.catalog import RowChange


class CriticalExpectationFailed(RuntimeError):
    """The staging warehouse broke at least one critical expectation; nothing was published."""


def docs_dir(settings: RunSettings) -> Path:
    """GX Data Docs, a static site beside the warehouse: ``<dir>/<stem>.data_docs``."""
    return storage.docs_dir(settings.warehouse)


def audit(
    settings: RunSettings, run_id: str, staged: str, changed: dict[str, RowChange] | None = None
) -> ValidationReport:
    """The validation report of ``staged``: the rows ``changed`` names, every row when it is
    None (see the module docstring); Data Docs under way."""
    from expectations import docs, validate

    report = validator.run(validate, staged, run_id=run_id, changed=changed)
    report.docs_index = docs.build_later(docs_dir(settings), run_id, report.docs or [])
    return report


def validate_stage(
    lake: Lake,
    settings: RunSettings,
    run_id: str,
    staged: str,
    changed: dict[str, RowChange] | None = None,
) -> dict:
    """Validate ``staged`` (the rows ``changed`` names, or every row); record the results;
    raise on a critical failure.

    Returns ``{"checked", "warnings" (lines), "docs"}`` when the staging file may be published.
    """
    report = audit(settings, run_id, staged, changed)
    results = report.table()
    lake.write_part("validation_results", results, run_id, overwrite=True)
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
