"""A warehouse build that a signal stops ends with the signal's own exception, not DuckDB's
"Query interrupted" error: the run stops as told instead of failing and retrying the build."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from warehouse.db import building

SLOW = "CREATE TABLE t AS SELECT sum(i * i) AS s FROM range(20000000000) r(i)"  # minutes


class Stop(BaseException):
    """What a flow raises on SIGTERM (Prefect's TerminationSignal is a BaseException too)."""


def _raise_stop(signum, frame):
    raise Stop(signum)


def test_a_build_stopped_by_a_signal_raises_the_signal_not_a_query_error(tmp_path):
    previous = signal.signal(signal.SIGUSR1, _raise_stop)
    try:
        with pytest.raises(Stop), building(tmp_path / "w.duckdb", None) as con:
            threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGUSR1)).start()
            con.execute(SLOW)
    finally:
        signal.signal(signal.SIGUSR1, previous)


def test_a_failing_query_still_fails_as_itself(tmp_path):
    # the counter-example: an error no signal caused keeps its own type and message
    with (
        pytest.raises(Exception, match="no_such_table"),
        building(tmp_path / "w.duckdb", None) as con,
    ):
        con.execute("SELECT * FROM no_such_table")
