"""The Prefect flow: one task per stage, chunk tasks mapped over document chunks.

Tasks pass chunk keys and counts, not frames. Retries only where failure can be transient
(reading inputs, writing files); deterministic transforms fail once and say why.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from typing import NamedTuple

from prefect import Flow, flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows import gate, heartbeat, ingest, progress, stages, validator
from flows.artifacts import carry_run_id, on_flow_failure, publish_run_artifacts
from flows.ingest import IngestSummary
from flows.settings import RunSettings, prepare_process
from transforms import catalog
from warehouse import publish
from warehouse.lake import Lake

heartbeat.install()  # a run's end does not wait for its heartbeat thread (flows/heartbeat.py)


class StrictModeError(RuntimeError):
    """--strict and at least one input was rejected."""


ingest_task = task(name="ingest-inputs", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)(
    ingest.ingest_stage
)
pending_task = task(name="find-unprocessed-chunks", cache_policy=NO_CACHE)(stages.pending_chunks)
# Local runs: one task fans the chunks out to worker processes (no Prefect in the workers).
extract_task = task(name="extract-mentions-and-attack-reports", cache_policy=NO_CACHE)(
    stages.extract_chunks
)
# Dask runs: one task per chunk, scheduled on the cluster by prefect-dask's DaskTaskRunner.
chunk_task = task(name="extract-chunk", cache_policy=NO_CACHE)(stages.extract_chunk)
resolve_task = task(name="discover-entities-and-merge-events", cache_policy=NO_CACHE)(
    stages.resolve_stage
)
build_task = task(
    name="build-staging-warehouse", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE
)(stages.build_stage)
validate_task = task(name="validate-staging-warehouse", cache_policy=NO_CACHE)(gate.validate_stage)
publish_task = task(
    name="publish-warehouse", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE
)(stages.publish_stage)
# Artifacts go to the Prefect API: network I/O, so retried.
artifacts_task = task(
    name="publish-run-artifacts", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE
)(publish_run_artifacts)


def _extract(lake: Lake, chunks: list, workers: int, on_dask: bool) -> list:
    if not on_dask:
        return extract_task(lake, chunks, workers)
    futures = chunk_task.map(unmapped(lake), chunks)
    # A bar on a terminal; elsewhere the per-chunk log lines tell the progress.
    results = [f.result() for f in progress.track(futures, chunk_task.name, total=len(chunks))]
    return list(zip(chunks, results, strict=True))


# A failed run publishes its summary (with the error) from the hook: the UI shows why.
@flow(name="sitrep", on_failure=[on_flow_failure])
def sitrep_flow(
    inputs: list[str] | None = None,
    warehouse: str | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
    chunk_size: int | None = None,
    lake: str | None = None,
    reprocess: bool = False,
    workers: int = 0,
    rehash: bool = False,
    dask_address: str | None = None,
    fields: list[str] | None = None,
) -> dict:
    """Ingest, extract, merge, build, publish. Returns the run's row of the ``runs`` table."""
    prepare_process()  # a deployment's worker imports this module, not the CLI
    settings = RunSettings()
    settings = replace(
        settings,
        inputs=tuple(inputs) if inputs else settings.inputs,
        warehouse=warehouse or settings.warehouse,
        strict=strict,
        max_bytes=max_bytes or settings.max_bytes,
        fields=settings.fields + tuple(fields or ()),  # the run's own override the environment's
        quick_check=settings.quick_check and not rehash,
        chunk_size=chunk_size or settings.chunk_size,
        lake=lake,
    )
    # One run per warehouse at a time (a second waits, then stops naming the first).
    with publish.run_lock(settings.warehouse, timeout=settings.lock_timeout):
        publish.clean_stale_staging(settings.warehouse)
        started = stages.utcnow()
        run_id = stages.new_run_id(started)
        try:
            return _run(settings, run_id, started, workers, dask_address, reprocess)
        except BaseException as exc:
            carry_run_id(exc, run_id)  # the failure hook names the run by it
            raise


def _run(
    settings: RunSettings,
    run_id: str,
    started: datetime,
    workers: int,
    dask_address: str | None,
    reprocess: bool,
) -> dict:
    """The run ``run_id``, from its lake's opening to its publication."""
    logger = get_run_logger()
    lake = stages.open_lake(settings)
    run = {
        "run_id": run_id,
        "flow_run_id": str(flow_run.get_id() or ""),
        "started_at": started,
        "finished_at": None,
        "status": "running",
    }
    logger.info("run %s: inputs %s -> %s", run_id, list(settings.inputs), settings.warehouse)

    workers = workers or os.cpu_count() or 1
    # Before the run writes anything: the publication it starts from, if the lake is as that
    # left it; the build then applies only what this run's stages changed.
    basis = None if reprocess else stages.published_basis(lake, run_id)
    summary = ingest_task(lake, settings, run_id, started, workers)
    _ingested(run, summary)
    if settings.strict and summary.documents_rejected:
        run.update(status="failed", finished_at=stages.utcnow())
        stages.write_run(lake, run)
        raise StrictModeError(
            f"--strict: {summary.documents_rejected} input(s) rejected: {dict(summary.reasons)}"
        )

    chunks = pending_task(lake, reprocess)
    if not reprocess and stages.nothing_new(lake, settings, summary, chunks):
        # Nothing to extract, merge or publish: the published warehouse is current. The run is
        # recorded in the lake's ledger and appears in `runs` from the next publication on.
        last = stages.previous_run(lake) or {}
        run.update(
            status="unchanged",
            finished_at=stages.utcnow(),
            events_new=0,
            events_updated=0,
            events_total=last.get("events_total"),
        )
        stages.write_run(lake, run)
        logger.info("nothing new: %s is current, not rebuilt", settings.warehouse)
        artifacts_task(lake, settings, run_id, run["flow_run_id"] or None)
        return run
    validator.warm()  # GX's import overlaps the stages (flows/validator.py)
    try:
        forward = _Forward(summary.changes, basis, reprocess)
        return _publish_new(lake, settings, run, chunks, workers, dask_address, forward)
    finally:
        validator.stop()  # a run that failed before validating leaves no process behind


def _ingested(run: dict, summary: IngestSummary) -> None:
    """The ingest stage's figures into the run's row and the log."""
    run.update(
        inputs_seen=summary.inputs_seen,
        documents_loaded=summary.documents_loaded,
        documents_rejected=summary.documents_rejected,
        documents_new=summary.documents_new,
    )
    logger = get_run_logger()
    logger.info(
        "inputs seen %d: loaded %d (%d new), rejected %d %s",
        summary.inputs_seen,
        summary.documents_loaded,
        summary.documents_new,
        summary.documents_rejected,
        dict(summary.reasons),
    )
    for uri, reason, detail in summary.rejected:
        logger.warning("rejected %s: %s (%s)", uri, reason, detail)


class _Forward(NamedTuple):
    """What the run changed so far, the publication it started from, and whether it rebuilds
    everything (``--reprocess``)."""

    changes: catalog.Changes
    basis: stages.Basis | None
    full: bool


def _publish_new(
    lake: Lake,
    settings: RunSettings,
    run: dict,
    chunks: list,
    workers: int,
    dask_address: str | None,
    forward: _Forward,
) -> dict:
    """Extract, merge, build, validate and publish what the run found new."""
    logger = get_run_logger()
    run_id = run["run_id"]
    extracted = _extract(lake, chunks, workers, bool(dask_address))
    changes = forward.changes.add(stages.extracted_changes(lake, chunks))
    _log_chunks(extracted)
    with progress.stage("merge: entities and events"):
        resolved, merged = resolve_task(lake, forward.full)
    changes.add(merged)
    run.update({k: resolved[k] for k in ("events_total", "events_new", "events_updated")})
    logger.info(
        "events: %d in total, %d new, %d updated",
        resolved["events_total"],
        resolved["events_new"],
        resolved["events_updated"],
    )

    run.update(status="published", finished_at=stages.utcnow())
    with progress.stage("build: staging warehouse"):
        staged, counts, changed = build_task(
            lake, settings, run_id, run, forward.full, changes, forward.basis
        )
    logger.info("staged %s: %s", staged, counts)
    _validate(lake, settings, run, staged, changed)
    published = publish_task(settings, staged)
    stages.write_run(lake, run)
    stages.mark_published(lake, run_id)
    logger.info("published %s", published)
    artifacts_task(lake, settings, run_id, run["flow_run_id"] or None)
    return run


def _log_chunks(extracted: list) -> None:
    logger = get_run_logger()
    for chunk, done in extracted:
        logger.info(
            "chunk %s/%s: %d documents, %d mentions (%.1f s CPU), %d attack reports (%.1f s CPU)",
            chunk.partition,
            chunk.key,
            chunk.rows,
            done.mentions,
            done.mentions_cpu,
            done.reports,
            done.reports_cpu,
        )


def _validate(
    lake: Lake,
    settings: RunSettings,
    run: dict,
    staged: str,
    changed: dict[str, catalog.RowChange] | None,
) -> None:
    """The gate: the run is recorded as failed, and stops, on a critical failure."""
    logger = get_run_logger()
    try:
        with progress.stage("validate: expectations"):
            audit = validate_task(lake, settings, run["run_id"], staged, changed)
    except gate.CriticalExpectationFailed:
        run.update(status="failed", finished_at=stages.utcnow())
        stages.write_run(lake, run)
        raise
    for line in audit["warnings"]:
        logger.warning("validation: %s", line)
    logger.info(
        "validated %d expectations (%d warnings); data docs %s",
        audit["checked"],
        len(audit["warnings"]),
        audit["docs"],
    )


def configured_flow(dask_address: str | None = None) -> Flow:
    """The flow as is (chunks on local processes), or with its chunk tasks on a Dask cluster."""
    if not dask_address:
        return sitrep_flow
    from prefect_dask import DaskTaskRunner

    return sitrep_flow.with_options(task_runner=DaskTaskRunner(address=dask_address))
