"""A flow run's heartbeats, without a wait for their thread at the end of every run.

Prefect (3.8.8) sends a flow run's heartbeats (``prefect.flow-run.heartbeat`` events, every
``PREFECT_FLOWS_HEARTBEAT_FREQUENCY`` seconds, 180 by default) from a daemon thread: they are
how a server's automation marks a run whose process vanished as Crashed, so they stay on. That
thread sleeps in 1-second steps; as a synchronous flow ends, Prefect sets its stop flag and
joins it, waiting for the current second to run out: 0.35-0.95 s after the last task of a run
on the seeds, an eighth of it. Its asynchronous engine does not join
(``_send_heartbeats(engine, join_on_exit=False)``); ``install`` makes the synchronous one do
the same. Nothing else changes: the thread starts and beats as before, sends no heartbeat once
stopped (it checks the flag before each one) and, a daemon, leaves on its own within the second.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prefect import flow_engine

_PREFECTS: Callable[..., Any] = flow_engine._send_heartbeats


def _not_joined(engine: Any, join_on_exit: bool = True) -> Any:
    """Prefect's heartbeat context for ``engine``, its thread stopped but not waited for."""
    return _PREFECTS(engine, join_on_exit=False)


def install() -> None:
    """Make every flow run of this process stop its heartbeat thread without joining it."""
    flow_engine._send_heartbeats = _not_joined
