"""The validation process, started as soon as a run knows it will validate.

Great Expectations takes seconds to import (~5 s on a quiet 2-core machine, ~265 MB; less
what ``expectations/gx_import.py`` leaves out: SQLAlchemy, scipy.stats until used) and
validation runs in a spawned process of its own, so the run's memory stays that of its stages.
Started early (``warm``), that process imports GX while the run ingests, extracts, merges and
builds; when the gate needs it (``run``), the import is done. An incremental run, whose own
stages leave a core idle, gets its validation without waiting for the import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from flows import lifeline

T = TypeVar("T")

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _import_gx() -> None:
    from warehouse.longlived import made_for_good

    with made_for_good():  # the process's modules: never scanned by the collector
        from expectations.gx_import import import_gx

        import_gx()  # pandas only: without SQLAlchemy (see there)
        from expectations import validate  # noqa: F401
    _thread_lock_for_tqdm()


def _thread_lock_for_tqdm() -> None:
    """GX draws its (hidden) progress bars with tqdm, whose first bar makes a multiprocessing
    lock: a named semaphore, unlinked only when its process exits normally. This process is
    terminated once it has answered (``run``), so the run's end warned of a leaked semaphore
    every time. It has one thread and no children: a thread lock is all tqdm needs here."""
    from tqdm.std import tqdm

    tqdm.set_lock(threading.RLock())


def warm() -> None:
    """Start the validation process and its imports, once (later calls do nothing)."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = lifeline.worker_pool(1)
            _pool.submit(_import_gx)


def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in the validation process (started now if it was not warmed),
    which then ends: its memory goes back before the run publishes."""
    global _pool
    warm()
    with _lock:
        pool, _pool = _pool, None
    assert pool is not None
    try:
        return pool.submit(fn, *args, **kwargs).result()
    finally:
        # Once it has answered it holds nothing: ended now rather than left to unwind GX's
        # modules (0.8 s, a tenth of a run on the seeds), its memory back all the same.
        lifeline.terminate_workers(pool)
        pool.shutdown()


def stop() -> None:
    """End a warmed process that will not be used (a run that stopped before validating).

    It is stopped, not waited for: it holds nothing but GX's import, which on a busy machine
    takes tens of seconds (a run told to stop by SIGTERM or Ctrl-C waited for it: 17-47 s).
    """
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        lifeline.terminate_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
