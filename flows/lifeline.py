"""A run's temporary Prefect server ends with the run, however the run ends, and not before.

Without a Prefect server configured, Prefect starts a temporary one (``uvicorn``, ~200 MB) as a
child process and stops it at interpreter exit. A run killed outright (SIGKILL, the OOM killer)
never reaches exit, and the server lived on. And a Ctrl-C or a SIGTERM sent to the run's
process group also stopped the server at once, so the run, marking itself Crashed or
Cancelled, retried its API calls against a server that was gone.

``start_temporary_server`` starts that server itself, in a session of its own (signals to the
run's group do not reach it; Prefect's clients reuse it), with a watcher beside it: a small
process that blocks reading a pipe only the run holds open. However the run dies, the kernel
closes the pipe; the watcher wakes, stops the server (SIGTERM, then SIGKILL after
``GRACE_SECONDS``) and exits. Worker processes (``exit_with_parent``) leave when their run
has gone.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

GRACE_SECONDS = 5
PARENT_POLL_SECONDS = 1.0  # how often a worker process looks whether its run is still there

# The watcher: argv = server pid. Blocks until the run's end of the pipe closes.
_WATCHER = """
import os, signal, sys, time
pid = int(sys.argv[1])
sys.stdin.buffer.read()  # EOF: the run is gone, however it ended

def alive():
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"uvicorn" in f.read()  # still the server, not a reused pid
    except OSError:
        return False

if alive():
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + float(sys.argv[2])
    while alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    if alive():
        os.kill(pid, signal.SIGKILL)
"""


def start_temporary_server() -> int | None:
    """Start Prefect's temporary server with a watcher that stops it when this process dies;
    its pid, or None when a server is configured (``PREFECT_API_URL``) or temporary servers
    are off."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None
    from prefect.server.api.server import SubprocessASGIServer

    class _OwnSession(SubprocessASGIServer):
        def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
            popen = subprocess.Popen
            subprocess.Popen = functools.partial(popen, start_new_session=True)  # type: ignore[misc]
            try:
                return super()._run_uvicorn_command()
            finally:
                subprocess.Popen = popen  # type: ignore[misc]

        def stop(self) -> None:
            # At the run's exit: ask the server to stop and leave (Prefect waits up to 5 s for
            # it, ~2 s of every run); the watcher sees it gone, or kills it after GRACE_SECONDS.
            if self.server_process is not None and self.server_process.poll() is None:
                self.server_process.terminate()
                _STOPPING.append(self.server_process)  # reaped by nobody: we are exiting
                self.server_process = None
            super().stop()

    if None not in SubprocessASGIServer._instances:  # Prefect's clients will find this one
        own = object.__new__(_OwnSession)
        own.__init__()  # type: ignore[misc]
        SubprocessASGIServer._instances[None] = own
    server = SubprocessASGIServer()
    server.start()
    assert server.server_process is not None
    pid = server.server_process.pid
    watch(pid)
    return pid


_WATCHERS: list[subprocess.Popen[bytes]] = []  # held: the pipe must stay open while we live
_STOPPING: list[subprocess.Popen[Any]] = []  # servers told to stop as the run exits


def watch(pid: int) -> subprocess.Popen[bytes]:
    """A watcher that stops process ``pid`` (a uvicorn server) once this process is gone."""
    # Its own session: a Ctrl-C to the run's terminal does not stop it before the run ends.
    # The pipe's write end stays in this process only (not inherited: close_fds).
    proc = subprocess.Popen(
        [sys.executable, "-c", _WATCHER, str(pid), str(GRACE_SECONDS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    _WATCHERS.append(proc)
    return proc


def exit_with_parent(parent: int) -> None:
    """In a worker process (a pool's ``initializer``): exit as soon as the run that started it
    (process ``parent``) is gone, instead of finishing a chunk nobody will read. The run's pid
    is given, not read here: a run that ended while this worker was starting is already gone
    when the initializer runs, and the worker's parent is then init (such a worker waited on
    its pipes forever)."""

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)  # orphaned: nothing of this process's work can be used any more

    threading.Thread(target=watch_parent, name="exit-with-parent", daemon=True).start()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """The run's pool of worker processes: spawned (the run's process has server threads, which
    fork would copy half-locked), each leaving when its run has gone (``exit_with_parent``):
    a run that ends with ``os._exit`` or is killed outright leaves no worker behind."""
    spawn = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=spawn,
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    )


def terminate_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's worker processes now, mid-task (the executor gives no public handle)."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()
