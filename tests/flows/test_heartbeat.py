"""A flow run still sends its heartbeats, and its end no longer waits for their thread."""

from __future__ import annotations

import threading

import pytest

pytestmark = pytest.mark.prefect


def test_a_run_beats_and_its_end_does_not_join_the_heartbeat_thread(monkeypatch):
    from prefect import flow, flow_engine
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows import heartbeat, pipeline  # noqa: F401 - importing the flow installs it

    assert flow_engine._send_heartbeats is heartbeat._not_joined
    beats: list[str] = []
    joins: list[bool] = []
    emit = flow_engine.FlowRunEngine._emit_flow_run_heartbeat
    prefects = heartbeat._PREFECTS

    def counted(engine, *args, **kwargs):  # Prefect's own heartbeat, counted
        beats.append(str(engine.flow_run.id))
        return emit(engine, *args, **kwargs)

    def seen(engine, join_on_exit=True):  # Prefect's own context, its argument kept
        joins.append(join_on_exit)
        return prefects(engine, join_on_exit=join_on_exit)

    monkeypatch.setattr(flow_engine.FlowRunEngine, "_emit_flow_run_heartbeat", counted)
    monkeypatch.setattr(heartbeat, "_PREFECTS", seen)
    threads: list[threading.Thread] = []

    @flow(name="heartbeat-probe")
    def probe() -> str:
        threads.extend(threading.enumerate())
        from prefect.runtime import flow_run

        return str(flow_run.get_id())

    for earlier in [t for t in threading.enumerate() if _runs(t, "heartbeat_loop")]:
        earlier.join(timeout=10)  # an earlier run's loop (stopped, not joined) is leaving
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 30}):
        run_id = probe()
    assert beats and beats[0] == run_id  # the run's first heartbeat, sent as it started
    assert joins == [False]  # stopped, not waited for
    (beating,) = [t for t in threads if _runs(t, "heartbeat_loop")]
    beating.join(timeout=10)
    assert not beating.is_alive()  # and the thread leaves on its own


def _runs(thread: threading.Thread, name: str) -> bool:
    """Whether ``thread`` was started on a function called ``name`` (Prefect starts its
    heartbeat loop through a copied context: ``Thread(target=ctx.run, args=(loop,))``)."""
    args = getattr(thread, "_args", ())
    return any(getattr(a, "__name__", "") == name for a in args)
