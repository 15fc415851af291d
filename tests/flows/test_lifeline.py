"""A run killed outright leaves no temporary server behind (``flows/lifeline.py``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# A stand-in for the server: a process whose command line names uvicorn, as the server's does.
SERVER = [sys.executable, "-c", "import time; time.sleep(120)", "uvicorn"]
# A stand-in for the run: starts the watcher for the server, says so, then waits to be killed.
RUN = (
    "import sys, time; from flows import lifeline; lifeline.watch(int(sys.argv[1])); "
    "print('watching', flush=True); time.sleep(120)"
)
ROOT = Path(__file__).resolve().parents[2]


def _gone(proc: subprocess.Popen, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return True
        time.sleep(0.1)
    return False


def test_a_killed_run_takes_its_server_with_it():
    server = subprocess.Popen(SERVER, start_new_session=True)
    run = subprocess.Popen(
        [sys.executable, "-c", RUN, str(server.pid)], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    try:
        assert run.stdout is not None and run.stdout.readline().strip() == "watching"
        assert not _gone(server, 1.0)  # the watcher leaves a live run's server alone
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        assert _gone(server, 30.0)
        assert server.returncode == -signal.SIGTERM
    finally:
        for p in (run, server):
            if p.poll() is None:
                p.kill()
                p.wait()
        if run.stdout is not None:
            run.stdout.close()


def test_the_watcher_never_kills_a_process_that_is_not_a_server():
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    run = subprocess.Popen(
        [sys.executable, "-c", RUN, str(other.pid)], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    try:
        assert run.stdout is not None and run.stdout.readline().strip() == "watching"
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        assert not _gone(other, 2.0)
    finally:
        for p in (run, other):
            if p.poll() is None:
                p.kill()
                p.wait()
        if run.stdout is not None:
            run.stdout.close()


# A stand-in for the run: a worker of the run's pool (ingest, extraction and validation all
# take theirs from lifeline.worker_pool) that reports its pid, then the run waits to be killed.
POOL_RUN = """
import os, time
from flows import lifeline
pool = lifeline.worker_pool(1)
print(pool.submit(os.getpid).result(), flush=True)
pool.submit(time.sleep, 120)
time.sleep(120)
"""


def _running(pid: int) -> bool:
    """``pid`` runs (exited and not yet reaped by init counts as gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_a_killed_run_leaves_no_pool_worker_behind():
    run = subprocess.Popen(
        [sys.executable, "-c", POOL_RUN], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    try:
        assert run.stdout is not None
        worker = int(run.stdout.readline())
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _running(worker):
            time.sleep(0.2)
        assert not _running(worker)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        if run.stdout is not None:
            run.stdout.close()


def test_every_worker_pool_of_a_run_is_one_that_leaves_with_it():
    # A pool made elsewhere would lack exit_with_parent: its idle workers outlived every run
    # that ended with os._exit (the ingest pool did, blocked on a pipe nobody would write).
    makers = [
        path.name
        for path in (ROOT / "flows").glob("*.py")
        if path.name != "lifeline.py" and "ProcessPoolExecutor(" in path.read_text()
    ]
    assert makers == []


# A worker whose run is already gone when its initializer runs (the run ended as it started).
ORPHANED_AT_START = """
import sys, time
from flows import lifeline
lifeline.exit_with_parent(int(sys.argv[1]))
time.sleep(60)
"""


@pytest.mark.parametrize("gone", [True, False])
def test_a_worker_started_after_its_run_ended_leaves_too(gone):
    parent = 2**22 + 12345 if gone else os.getpid()  # no such pid, or this (its real) parent
    worker = subprocess.Popen([sys.executable, "-c", ORPHANED_AT_START, str(parent)], cwd=ROOT)
    try:
        worker.wait(timeout=30 if gone else 3)
        ended = True
    except subprocess.TimeoutExpired:
        ended = False
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert ended is gone
