"""The validation process: warmed once, used once, never left behind."""

from __future__ import annotations

import math

from flows import validator


def test_a_warmed_process_runs_the_gate_s_call_then_ends():
    validator.warm()
    pool = validator._pool
    validator.warm()  # a second warm-up starts nothing new
    assert pool is not None and validator._pool is pool
    procs = list(pool._processes.values())
    assert validator.run(math.sqrt, 16.0) == 4.0
    assert validator._pool is None  # used once: the next run warms its own
    assert procs and not any(p.is_alive() for p in procs)  # and its process is gone


def test_run_without_warming_and_stop_without_use():
    assert validator.run(math.sqrt, 9.0) == 3.0
    validator.warm()
    validator.stop()  # a run that failed before validating
    assert validator._pool is None
    validator.stop()  # and again: nothing to stop
