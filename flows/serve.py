"""Scheduled, incremental runs: the sitrep flow served as a Prefect deployment.

``sitrep serve`` builds the deployment here and serves it in-process: a cron schedule (hourly by
default) runs the flow on the inbox folder. Documents already in the lake are recognised by
their content hash and not reprocessed, so leaving files in the inbox costs a re-read, nothing
more. Prefect's runner stops on Ctrl-C and on SIGTERM. A team with a Prefect server deploys the
same flow to a process work pool with ``prefect deploy`` (see prefect.yaml).
"""

from __future__ import annotations

import logging
import signal
from datetime import UTC, datetime
from pathlib import Path

from flows.settings import CRON, DEFAULT_WAREHOUSE, INBOX

log = logging.getLogger("sitrep")

# The served schedule and the folder its runs read (SITREP_CRON, SITREP_INBOX).
DEFAULT_CRON = CRON
DEFAULT_INBOX = INBOX
DEPLOYMENT_NAME = "scheduled"
# One run at a time per served deployment: a slow run delays the next one, never overlaps it.
RUN_LIMIT = 1


def scheduled_deployment(
    cron: str = DEFAULT_CRON,
    inbox: str | Path = DEFAULT_INBOX,
    warehouse: str | Path = DEFAULT_WAREHOUSE,
    name: str = DEPLOYMENT_NAME,
):
    """The sitrep flow as a deployment on ``cron`` reading ``inbox`` into ``warehouse``.

    Paths are made absolute so the runs do not depend on the directory serve was started in.
    Raises ValueError on an invalid cron expression.
    """
    from prefect.deployments.runner import EntrypointType

    from flows.pipeline import sitrep_flow

    return sitrep_flow.to_deployment(
        name=name,
        cron=cron,
        parameters={
            "inputs": [str(Path(inbox).resolve())],
            "warehouse": str(Path(warehouse).resolve()),
        },
        description=f"sitrep on {cron}: new files of {inbox} into {warehouse}",
        tags=["sitrep", "scheduled"],
        # By module, not file path: runs find the flow wherever serve was started.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def serve_deployment(deployment) -> None:
    """Serve until Ctrl-C or SIGTERM (Prefect's runner handles both and stops).

    A run in progress when serve stops dies with it; it is marked Crashed, with why, instead
    of showing as Running in the UI forever.
    """
    from prefect import serve

    started = datetime.now(UTC)
    stop_on_sigterm()
    try:
        serve(deployment, limit=RUN_LIMIT)
    except BaseExceptionGroup as group:
        if not only_stops(group):
            raise
    finally:
        for name in crash_interrupted_runs(deployment.name, started):
            log.warning("run %s was interrupted by the shutdown: marked Crashed", name)


def only_stops(group: BaseExceptionGroup) -> bool:
    """Whether ``group`` holds nothing but requests to stop: Prefect's runner answers SIGTERM
    with ``sys.exit(0)``, which, raised while one of its tasks is still connecting, reaches
    serve wrapped in a task group's exception group (a clean stop, not a failure)."""
    _stops, rest = group.split(
        lambda e: isinstance(e, KeyboardInterrupt)
        or (isinstance(e, SystemExit) and e.code in (0, None))
    )
    return rest is None


def _stop_requested(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def stop_on_sigterm() -> None:
    """SIGTERM stops like Ctrl-C (KeyboardInterrupt), until Prefect's runner installs its own
    handler; the default action would kill the process without the cleanup of serve_deployment.
    """
    signal.signal(signal.SIGTERM, _stop_requested)


def crash_interrupted_runs(deployment_name: str, since: datetime) -> list[str]:
    """Mark this deployment's runs still Running/Pending since ``since`` as Crashed; names."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterName,
        FlowRunFilter,
        FlowRunFilterStartTime,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[deployment_name])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(
                    type=FlowRunFilterStateType(any_=[StateType.RUNNING, StateType.PENDING])
                ),
                start_time=FlowRunFilterStartTime(after_=since),
            ),
        )
        for run in runs:
            message = "sitrep serve stopped (Ctrl-C or SIGTERM) while this run was in progress"
            client.set_flow_run_state(run.id, Crashed(message=message), force=True)
    return [run.name for run in runs]
