"""A warehouse build that a signal stops ends with the signal's own exception, not DuckDB's
"Query interrupted" error: the run stops as told instead of failing and retrying the build."""

from __future__ import annotations

import os
import signal
import threading

import duckdb
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


def _threads(con) -> int:
    return int(con.execute("SELECT current_setting('threads')").fetchone()[0])


def test_a_run_s_own_rows_are_written_on_one_thread_a_whole_build_on_the_default(tmp_path):
    # an update (a run's rows deleted and inserted) pays no second thread; a build from scratch
    # keeps DuckDB's default, whatever the machine's cores
    from warehouse.db import UPDATE_THREADS, updating

    default = _threads(duckdb.connect())
    with updating(tmp_path / "w.duckdb", None) as con:
        assert _threads(con) == UPDATE_THREADS == 1
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    with building(tmp_path / "w.duckdb", None) as con:
        assert _threads(con) == default
        assert con.execute("SELECT x FROM t").fetchall() == [(1,)]  # the update was written
