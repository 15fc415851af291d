"""Write-audit-publish with the real flow: failed audits, killed runs and concurrent runs never
change or corrupt the published warehouse."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

import flows.settings
from expectations import docs
from transforms import schemas
from warehouse import publish
from warehouse.lake import Lake

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "articles"
SITREP = Path(sys.executable).with_name("sitrep")

pytestmark = pytest.mark.prefect


def _run(warehouse: Path, inputs: list[Path] | None = None) -> dict:
    from flows.pipeline import sitrep_flow

    return sitrep_flow(inputs=[str(p) for p in inputs or [SEEDS]], warehouse=str(warehouse))


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _env() -> dict[str, str]:
    """Subprocesses talk to the session's Prefect test server instead of starting their own."""
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}


def _bad_ledger(lake: Path) -> str:
    """A run whose inputs do not add up reaches the lake (a critical expectation)."""
    row = {"run_id": "tampered", "status": "published", "started_at": datetime(2026, 1, 1),
           "inputs_seen": 9, "documents_loaded": 1, "documents_rejected": 1}  # fmt: skip
    return Lake(lake).write_part("runs", schemas.conform([row], schemas.RUNS), "tampered")


def test_critical_failure_leaves_published_file_unchanged_and_is_recorded(tmp_path):
    from flows.gate import CriticalExpectationFailed

    wh = tmp_path / "sitrep.duckdb"
    first = _run(wh)
    results = _query(
        wh, f"select severity, success from validation_results where run_id = '{first['run_id']}'"
    )
    assert len(results) > 100 and all(ok for _, ok in results)  # the clean run passed all
    assert docs.wait(tmp_path / "sitrep.data_docs")  # rendered apart, seconds after the verdict
    assert (tmp_path / "sitrep.data_docs" / "index.html").is_file()
    before = wh.read_bytes()

    bad = _bad_ledger(tmp_path / "sitrep.lake")
    with pytest.raises(CriticalExpectationFailed, match=r"runs_inputs_accounted \[inputs_seen\]"):
        _run(wh)
    assert wh.read_bytes() == before  # byte-identical: nothing was published

    failed = Lake(tmp_path / "sitrep.lake").read("validation_results", schemas.VALIDATION_RESULTS)
    failed_rows = [r for r in failed.to_pylist() if not r["success"]]
    assert {r["expectation"] for r in failed_rows} == {"runs_inputs_accounted"}
    failed_run = failed_rows[0]["run_id"]

    Path(bad).unlink()  # the operator removes the bad row; the next run publishes,
    # with a warning only (a run that finished before it started): reported, not blocking
    odd = {"run_id": "odd-clock", "status": "published", "started_at": datetime(2026, 1, 2),
           "finished_at": datetime(2026, 1, 1), "inputs_seen": 0, "documents_loaded": 0,
           "documents_rejected": 0}  # fmt: skip
    Lake(tmp_path / "sitrep.lake").write_part("runs", schemas.conform([odd], schemas.RUNS), "odd")
    third = _run(wh)
    assert wh.read_bytes() != before
    statuses = dict(_query(wh, "select run_id, status from runs"))
    assert statuses == {first["run_id"]: "published", failed_run: "failed",
                        third["run_id"]: "published", "odd-clock": "published"}  # fmt: skip
    recorded = {r[0] for r in _query(wh, "select distinct run_id from validation_results")}
    assert recorded == {first["run_id"], failed_run, third["run_id"]}  # each run's record
    warned = _query(
        wh,
        'select expectation, "column" from validation_results '
        f"where run_id = '{third['run_id']}' and not success and severity = 'warning'",
    )
    assert warned == [
        ("expect_column_pair_values_a_to_be_greater_than_b", "started_at,finished_at")
    ]
    assert not list(tmp_path.glob(".sitrep.staging-*"))  # the failed run's staging was cleared


def test_killed_run_leaves_published_file_unchanged_and_next_run_succeeds(tmp_path):
    wh = tmp_path / "sitrep.duckdb"
    _run(wh)
    before = wh.read_bytes()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    seed_texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(200):  # distinct bodies, so every one is a new document
        body = seed_texts[i % len(seed_texts)]
        (inbox / f"{i:04d}.txt").write_text(f"{body}\nResidents counted {i} damaged homes.\n")
    docs_dir = tmp_path / "sitrep.lake" / "documents"
    parts_before = set(docs_dir.rglob("*.parquet"))

    proc = subprocess.Popen(
        [str(SITREP), "run", "--input", str(inbox), "--warehouse", str(wh)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 240
    while set(docs_dir.rglob("*.parquet")) == parts_before:  # until it has started writing
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert wh.read_bytes() == before

    run = _run(wh, [inbox])  # the lock died with the process; the next run completes
    assert run["status"] == "published"
    assert run["documents_loaded"] == 200
    n_docs = _query(wh, "select count(*), count(distinct doc_id) from documents")[0]
    assert n_docs == (205, 205)
    assert not list(tmp_path.glob(".sitrep.staging-*"))


def test_two_runs_at_once_neither_corrupt_nor_duplicate(tmp_path):
    wh = tmp_path / "sitrep.duckdb"
    cmd = [str(SITREP), "run", "--input", str(SEEDS), "--warehouse", str(wh)]
    procs = [
        subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True)
        for _ in range(2)
    ]  # fmt: skip
    outs = [p.communicate(timeout=900)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs[-1][-3000:]
    # One run published the five documents; the other, held by the lock until then, found
    # nothing new and left the published file as it was (both are in the lake's ledger).
    ledger = Lake(tmp_path / "sitrep.lake").read("runs", schemas.RUNS).to_pylist()
    assert sorted((r["status"], r["documents_new"]) for r in ledger) == [
        ("published", 5), ("unchanged", 0)]  # fmt: skip
    assert _query(wh, "select status, documents_new from runs") == [("published", 5)]
    assert _query(wh, "select count(*), count(distinct doc_id) from documents")[0] == (5, 5)
    n_events = _query(wh, "select count(*), count(distinct event_id) from events")[0]
    assert n_events[0] == n_events[1] > 0


def test_a_run_stops_with_a_clear_message_when_another_holds_the_warehouse(tmp_path, monkeypatch):
    wh = tmp_path / "sitrep.duckdb"
    monkeypatch.setattr(flows.settings, "LOCK_TIMEOUT_SECONDS", 0.5)
    with (
        publish.run_lock(wh, timeout=0, run="the-first-run"),
        pytest.raises(publish.WarehouseBusyError, match="being written by pid .* the-first-run"),
    ):
        _run(wh)
    assert not wh.exists()


def test_an_incremental_run_checks_its_new_rows_and_their_keys_against_old_ones(tmp_path):
    """A run that only adds rows validates those rows (not again the published ones): a broken
    value in a new row and a new row reusing a published key both stop it; the full check of
    the staging file it leaves names the same failures. A row written into the lake by other
    means than a run's stages makes the next run build and check everything."""
    from expectations import validate
    from flows.gate import CriticalExpectationFailed

    wh = tmp_path / "sitrep.duckdb"
    inbox = tmp_path / "in"
    inbox.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for p in seeds[:-1]:
        (inbox / p.name).write_bytes(p.read_bytes())
    _run(wh, [inbox])
    before = wh.read_bytes()
    with duckdb.connect(str(wh), read_only=True) as con:
        old = con.execute("select * from entity_mentions limit 1").to_arrow_table().to_pylist()
    planted = {**old[0], "match_method": "guess"}  # a published mention_id, a bad method
    lake = Lake(tmp_path / "sitrep.lake")
    # the last seed arrives; its chunk's mentions, once extracted, gain the planted row
    (inbox / seeds[-1].name).write_bytes(seeds[-1].read_bytes())
    write_part = Lake.write_part

    def planting(self, name, table, key, partition=None, overwrite=False):
        if name == "mentions_raw":
            table = pa.concat_tables([table, schemas.conform([planted], schemas.ENTITY_MENTIONS)])
        return write_part(self, name, table, key, partition, overwrite)

    with (
        pytest.MonkeyPatch.context() as mp,
        pytest.raises(CriticalExpectationFailed) as failed,
    ):
        mp.setattr(Lake, "write_part", planting)
        _run(wh, [inbox])
    message = str(failed.value)
    # the new document's mentions are all the row-wise check looked at; the planted key
    # repeats a published one
    (staged,) = tmp_path.glob(".sitrep.staging-*.duckdb")
    total = _query(staged, "select count(*) from entity_mentions")[0][0]
    assert "expect_column_values_to_be_in_set [match_method]: 1 unexpected of" in message
    assert f"1 unexpected of {total}" not in message  # not every mention
    assert "expect_column_values_to_be_unique [mention_id]" in message
    assert wh.read_bytes() == before
    full = {(o.suite, o.expectation, o.column) for o in validate(staged).critical_failures}
    assert ("entity_mentions", "expect_column_values_to_be_in_set", "match_method") in full
    assert ("entity_mentions", "expect_column_values_to_be_unique", "mention_id") in full

    # the failed run left its parts in the lake: the next run builds and checks it all
    with pytest.raises(CriticalExpectationFailed) as again:
        _run(wh, [inbox])
    assert f"[match_method]: 1 unexpected of {total}" in str(again.value)
    assert wh.read_bytes() == before and lake.exists("mentions_raw")
