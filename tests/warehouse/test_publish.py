"""Write-audit-publish mechanics on real DuckDB files and real processes (no Prefect)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from transforms import schemas
from warehouse import publish


def _db(path: Path, value: int) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create table t as select $v as v", {"v": value})
        con.execute("CHECKPOINT")
    return path


def _value(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select v from t").fetchone()[0]


def _hold_lock(warehouse: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the run lock; prints 'held' once it has it."""
    code = textwrap.dedent(
        f"""
        import time
        from warehouse.publish import run_lock
        with run_lock({str(warehouse)!r}, timeout=0, run="holder-run"):
            print("held", flush=True)
            time.sleep({seconds})
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_second_run_stops_with_a_clear_message(tmp_path):
    wh = tmp_path / "sitrep.duckdb"
    holder = _hold_lock(wh, 60)
    try:
        t0 = time.monotonic()
        with pytest.raises(publish.WarehouseBusyError) as err, publish.run_lock(wh, timeout=0.5):
            pass
        assert time.monotonic() - t0 >= 0.5
        assert f"pid {holder.pid}" in str(err.value) and "holder-run" in str(err.value)
    finally:
        holder.kill()
        holder.wait()


def test_second_run_waits_for_the_first(tmp_path):
    wh = tmp_path / "sitrep.duckdb"
    holder = _hold_lock(wh, 1.0)
    t0 = time.monotonic()
    with publish.run_lock(wh, timeout=30):
        waited = time.monotonic() - t0
    holder.wait()
    assert 0.5 < waited < 30  # it waited for the first run's 1 s, then got the lock


def test_lock_of_a_killed_run_does_not_block(tmp_path):
    wh = tmp_path / "sitrep.duckdb"
    holder = _hold_lock(wh, 60)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    t0 = time.monotonic()
    with publish.run_lock(wh, timeout=5):
        assert time.monotonic() - t0 < 2


def test_the_lock_holder_clears_stale_staging_and_holds_off_a_second_run(tmp_path):
    """As the flow does: under the run lock, earlier runs' staging files go, other
    warehouses' stay, and a second run cannot take the lock until the first lets go."""
    wh = tmp_path / "sitrep.duckdb"
    stale = [tmp_path / ".sitrep.staging-old.duckdb", tmp_path / ".sitrep.staging-old.duckdb.wal"]
    for p in stale:
        p.write_bytes(b"x")
    keep = [_db(wh, 1), tmp_path / ".other.staging-x.duckdb"]
    keep[1].write_bytes(b"y")

    with publish.run_lock(wh, timeout=0):
        publish.clean_stale_staging(wh)
        with pytest.raises(publish.WarehouseBusyError), publish.run_lock(wh, timeout=0):
            pass  # a second run, while this one runs
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep)
    with publish.run_lock(wh, timeout=0):  # released after the call
        pass


def test_publish_swaps_whole_files_and_readers_keep_their_version(tmp_path):
    wh = _db(tmp_path / "sitrep.duckdb", 1)
    reader = publish.connect_published(wh)
    staged = _db(tmp_path / ".sitrep.staging-r2.duckdb", 2)
    assert publish.publish(staged, wh) == wh.resolve()
    assert not staged.exists()
    assert reader.execute("select v from t").fetchone()[0] == 1  # the version it opened
    reader.close()
    assert _value(wh) == 2
    with pytest.raises(duckdb.Error):  # analysts' connections cannot write
        publish.connect_published(wh).execute("insert into t values (3)")


def test_publish_refuses_a_file_still_open_for_writing(tmp_path):
    wh = _db(tmp_path / "sitrep.duckdb", 1)
    staged = _db(tmp_path / ".sitrep.staging-r2.duckdb", 2)
    Path(f"{staged}.wal").write_bytes(b"")
    with pytest.raises(RuntimeError, match="write-ahead log"):
        publish.publish(staged, wh)
    assert _value(wh) == 1


def test_record_results_replaces_the_runs_rows(tmp_path):
    staged = tmp_path / "staged.duckdb"
    with duckdb.connect(str(staged)) as con:
        con.register("e", schemas.VALIDATION_RESULTS.empty_table())
        con.execute("create table validation_results as select * from e")
    row = {"run_id": "r1", "suite": "events", "expectation": "x", "column": "c",
           "severity": "critical", "success": True, "observed": "0",
           "validated_at": datetime(2026, 1, 1)}  # fmt: skip
    table = schemas.conform([row, {**row, "expectation": "y"}], schemas.VALIDATION_RESULTS)
    assert publish.record_results(staged, table) == 2
    publish.record_results(staged, table)  # again: no duplicates
    with duckdb.connect(str(staged), read_only=True) as con:
        assert con.execute("select count(*) from validation_results").fetchone()[0] == 2
    assert not Path(f"{staged}.wal").exists()
