"""What a flow run shows in the Prefect UI: a markdown summary and attacks by location.

Everything is read back from the lake (the run's ledger) and the published warehouse, not from
the flow's local variables, so the same code explains a finished run and a failed one (called
from the flow's ``on_failure`` hook, where only the flow run and its error are known).
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pyarrow.dataset as ds

from flows.settings import RunSettings
from transforms import schemas
from warehouse import report_data, storage
from warehouse.lake import Lake

log = logging.getLogger("sitrep")

SUMMARY_KEY = "sitrep-run-summary"
LOCATIONS_KEY = "attacks-by-location"
# Rows of rejected inputs and of attacks by location shown in the UI (the rest stays in SQL).
MAX_REJECTED_SHOWN = 50
MAX_LOCATIONS_SHOWN = 200
# The attribute by which a run's exception carries its run id to the failure hook.
RUN_ID_ATTRIBUTE = "sitrep_run_id"


def _rows(table: Any) -> list[dict]:
    return table.to_pylist() if table is not None else []


def carry_run_id(exc: BaseException, run_id: str) -> None:
    """Attach the run's id to the exception that fails it (``find_run_id`` reads it back)."""
    setattr(exc, RUN_ID_ATTRIBUTE, run_id)


def find_run_id(lake: Lake, flow_run_id: str | None, error: object = None) -> str | None:
    """The sitrep run id of a failed Prefect flow run: the one its exception carries (the flow
    attaches it, ``carry_run_id``), else the one the runs ledger records for the flow run;
    None for a run that failed before it had one."""
    carried = getattr(error, RUN_ID_ATTRIBUTE, None)
    if carried:
        return str(carried)
    if not flow_run_id:
        return None
    runs = lake.read("runs", schemas.RUNS, ["run_id"], ds.field("flow_run_id") == flow_run_id)
    return str(runs.column("run_id")[0].as_py()) if runs.num_rows else None


def run_summary(lake: Lake, settings: RunSettings, run_id: str | None) -> dict:
    """A run's story from the lake and warehouse: counts, rejections, events, validation."""
    out: dict[str, Any] = {"run_id": run_id, "warehouse": settings.warehouse}
    if run_id is None:
        return out
    runs = lake.read("runs", schemas.RUNS, filter=ds.field("run_id") == run_id)
    out["run"] = _rows(runs)[0] if runs.num_rows else {}
    ledger = lake.read("run_inputs", schemas.RUN_INPUTS, filter=ds.field("run_id") == run_id)
    outcomes = ledger.column("outcome").to_pylist()
    out["inputs_seen"] = len(outcomes)
    out["documents_loaded"] = outcomes.count("loaded")
    out["documents_new"] = sum(bool(x) for x in ledger.column("is_new").to_pylist())
    rejected = ledger.filter(pc.equal(ledger.column("outcome"), "rejected"))
    out["reasons"] = dict(Counter(rejected.column("reason").to_pylist()).most_common())
    details = lake.read("rejected_documents", schemas.REJECTED_DOCUMENTS, ["uri", "detail"])
    detail_of = dict(
        zip(details.column("uri").to_pylist(), details.column("detail").to_pylist(), strict=True)
    )
    out["rejected"] = [
        {"uri": r["uri"], "reason": r["reason"], "detail": detail_of.get(r["uri"]) or ""}
        for r in _rows(rejected.select(["uri", "reason"]))
    ]
    checks = lake.read(
        "validation_results", schemas.VALIDATION_RESULTS, filter=ds.field("run_id") == run_id
    )
    out["validation"] = _rows(checks) or report_data.validation_results(settings.warehouse, run_id)
    docs = storage.docs_dir(settings.warehouse) / "index.html"
    out["data_docs"] = str(docs) if docs.exists() else None
    return out


def _cell(value: object) -> str:
    return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def summary_markdown(summary: dict, error: str | None = None) -> str:
    """The run summary as markdown: pure, so it is tested without Prefect."""
    run = summary.get("run") or {}
    status = "failed" if error else run.get("status") or "unknown"
    lines = [f"# sitrep run {summary.get('run_id') or '(not recorded)'}: {status}", ""]
    if error:
        lines += ["## Why it failed", "", "```", error.strip(), "```", ""]
    if summary.get("run_id") is None:
        lines += ["The run stopped before it read any input.", ""]
        return "\n".join(lines)
    loaded = summary.get("documents_loaded", 0)
    lines += ["## Inputs", ""]
    lines += _md_table(
        ["measure", "count"],
        [
            ["inputs seen", summary.get("inputs_seen", 0)],
            ["documents loaded", loaded],
            ["of which new", summary.get("documents_new", 0)],
            ["already in the warehouse", loaded - summary.get("documents_new", 0)],
            ["inputs rejected", len(summary.get("rejected", []))],
        ],
    )
    reasons = summary.get("reasons") or {}
    if reasons:
        lines += ["", "### Rejected, by reason", ""]
        lines += _md_table(["reason", "inputs"], [[r, n] for r, n in reasons.items()])
        shown = summary["rejected"][:MAX_REJECTED_SHOWN]
        lines += ["", "### Rejected inputs", ""]
        lines += _md_table(
            ["input", "reason", "detail"], [[r["uri"], r["reason"], r["detail"]] for r in shown]
        )
        if len(summary["rejected"]) > len(shown):
            lines.append(f"\n... and {len(summary['rejected']) - len(shown)} more")
    lines += ["", "## Events", ""]
    if run.get("events_total") is None:
        lines.append("Events were not merged in this run.")
    else:
        lines += _md_table(
            ["measure", "count"],
            [
                ["events in the warehouse", run["events_total"]],
                ["new events", run.get("events_new")],
                ["updated events (new reports)", run.get("events_updated")],
            ],
        )
    lines += ["", "## Validation", ""]
    lines += _validation_lines(summary.get("validation") or [])
    if summary.get("data_docs"):
        lines += ["", f"GX Data Docs: `{summary['data_docs']}`"]
    return "\n".join(lines) + "\n"


def _validation_lines(checks: list[dict]) -> list[str]:
    if not checks:
        return ["No validation results were recorded for this run."]
    failed = [c for c in checks if not c.get("success")]
    critical = [c for c in failed if c.get("severity") == "critical"]
    if critical:
        verdict = f"**failed**: {len(critical)} critical expectation(s) not met"
    elif failed:
        verdict = f"passed with {len(failed)} warning(s)"
    else:
        verdict = "passed"
    lines = [f"{len(checks)} expectations checked: {verdict}."]
    if failed:
        lines += [""] + _md_table(
            ["severity", "suite", "expectation", "column", "observed"],
            [
                [
                    c.get("severity"),
                    c.get("suite"),
                    c.get("expectation"),
                    c.get("column"),
                    c.get("observed"),
                ]
                for c in failed
            ],
        )
    return lines


def location_rows(warehouse: str | Path) -> list[dict]:
    """Attacks by location from the published warehouse, most attacked first (JSON-safe)."""
    rows = report_data.attacks_by_location(warehouse, MAX_LOCATIONS_SHOWN)
    return [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in rows
    ]


def publish_run_artifacts(
    lake: Lake,
    settings: RunSettings,
    run_id: str | None,
    flow_run_id: str | None = None,
    error: str | None = None,
) -> None:
    """Create the summary artifact, and attacks by location when the run published."""
    from prefect.artifacts import MarkdownArtifact, TableArtifact

    summary = run_summary(lake, settings, run_id)
    MarkdownArtifact(
        key=SUMMARY_KEY,
        markdown=summary_markdown(summary, error),
        description="What this run read, rejected, merged and validated",
        flow_run_id=flow_run_id,
    ).create()
    if error is None:
        rows = location_rows(settings.warehouse)
        TableArtifact(
            key=LOCATIONS_KEY,
            table=rows,
            description=f"Attacks by location in {settings.warehouse} (top {len(rows)})",
            flow_run_id=flow_run_id,
        ).create()


def on_flow_failure(flow: Any, flow_run: Any, state: Any) -> None:
    """Prefect ``on_failure`` hook: the summary of a failed run, with its error, in the UI."""
    params = dict(flow_run.parameters or {})
    defaults = RunSettings()
    settings = RunSettings(
        warehouse=params.get("warehouse") or defaults.warehouse, lake=params.get("lake")
    )
    error, exc = state.message or "failed", None
    try:
        exc = state.result(raise_on_failure=False)
        if isinstance(exc, BaseException):
            error = f"{type(exc).__name__}: {exc}"
    except Exception:  # noqa: BLE001 - the state's message is enough
        pass
    try:
        lake = Lake(settings.lake_root)
        run_id = find_run_id(lake, str(flow_run.id), exc)
        publish_run_artifacts(lake, settings, run_id, str(flow_run.id), error)
    except Exception:  # a broken hook must not hide the run's own error
        log.exception("could not publish the failed run's summary artifact")
