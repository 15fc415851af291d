"""Write-audit-publish: one run at a time, build into staging, publish by atomic rename.

- The run lock is ``fcntl.flock`` on ``<warehouse dir>/.<name>.lock``: the OS drops it when the
  holder dies (even kill -9), so a killed run never blocks the next one. A second run waits up
  to a timeout, then stops naming the holder (pid, run, since when).
- A run builds ``.<name>.staging-<run_id>.duckdb`` beside the published file; only a validated
  staging file is moved over the published one with ``os.replace`` (atomic on one filesystem):
  readers see the old complete file or the new complete one, never a mix. Readers holding a
  read-only connection keep reading the file they opened.
- Staging files left by killed runs are removed by the next run, under the lock.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.db import updating
from warehouse.storage import lock_path, staging_glob

# How long a second run waits for the first before it stops, unless told (seconds; 0: at once).
LOCK_TIMEOUT_SECONDS = 600.0
LOCK_POLL_SECONDS = 0.2


class WarehouseBusyError(RuntimeError):
    """Another run holds the warehouse's lock beyond the timeout."""


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return "another run"
    return f"pid {info.get('pid')} (run {info.get('run') or '?'}, since {info.get('since')})"


@contextmanager
def run_lock(
    warehouse: str | Path, timeout: float | None = None, run: str | None = None
) -> Iterator[Path]:
    """Hold the warehouse's run lock for the block; wait up to ``timeout`` seconds for it."""
    timeout = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseBusyError(
                        f"warehouse {Path(warehouse)} is being written by {_holder(path)}; "
                        f"gave up after {timeout:g} s (lock {path})"
                    ) from None
                time.sleep(LOCK_POLL_SECONDS)
        info = {"pid": os.getpid(), "run": run, "since": datetime.now(UTC).isoformat()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def clean_stale_staging(warehouse: str | Path) -> list[Path]:
    """Remove staging files of earlier runs. Call only while holding the run lock."""
    w = Path(warehouse).resolve()
    removed = []
    for p in sorted(w.parent.glob(staging_glob(w))):
        p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(staged: str | Path, warehouse: str | Path) -> Path:
    """Move a complete, closed staging file over the published one, atomically and durably."""
    staged, target = Path(staged).resolve(), Path(warehouse).resolve()
    if Path(f"{staged}.wal").exists():
        raise RuntimeError(f"{staged} has an open write-ahead log: close it before publishing")
    if staged.parent != target.parent:
        raise ValueError("staging and published files must share a folder (atomic rename)")
    with open(staged, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(staged, target)
    _fsync_dir(target.parent)
    return target


def record_results(staged: str | Path, results: pa.Table) -> int:
    """Put this run's ``validation_results`` rows into the staging file (replacing any rows of
    the same run), so the published warehouse carries the record of its own validation."""
    if results.num_rows == 0:
        return 0
    runs = sorted(set(results.column("run_id").to_pylist()))
    with updating(staged, None) as con:  # not a plain connection: see ``db.replace_rows``
        con.register("_results", results)
        con.execute(
            "delete from validation_results where run_id in (select unnest($runs))", {"runs": runs}
        )
        con.execute("insert into validation_results by name select * from _results")
        con.unregister("_results")
    return results.num_rows


def connect_published(warehouse: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection: analysts' queries never block or see a run in progress."""
    return duckdb.connect(str(Path(warehouse).resolve()), read_only=True)
