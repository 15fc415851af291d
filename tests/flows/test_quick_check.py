"""The quick check: input files unchanged since an earlier run are recorded, not read again."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pyarrow.compute as pc

from flows import ingest
from flows.quick_check import file_stats, last_listed
from flows.settings import RunSettings
from transforms import schemas
from warehouse.inputs import input_files
from warehouse.lake import Lake

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
NOW = datetime(2026, 11, 21, 12, 0)


def _setup(tmp_path: Path) -> RunSettings:
    """The seeds, a JSONL file of two articles and an empty (rejected) file."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    body = sorted(SEEDS.glob("*.txt"))[0].read_text()
    lines = [{"id": f"w{i}", "text": f"{body}\nUpdate {i}."} for i in range(2)]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    return RunSettings(
        inputs=(str(folder),), warehouse=str(tmp_path / "w" / "sitrep.duckdb"), chunk_size=3
    )


def _ingest(settings: RunSettings, run_id: str, now: datetime) -> ingest.IngestSummary:
    """The ingest stage on the settings' lake."""
    return ingest.ingest_stage(Lake(settings.lake_root), settings, run_id, now)


def _ledger(settings: RunSettings, run_id: str) -> list[tuple]:
    table = Lake(settings.lake_root).read("run_inputs", schemas.RUN_INPUTS)
    table = table.filter(pc.equal(table.column("run_id"), run_id))
    cols = ("uri", "outcome", "doc_id", "reason", "is_new", "content_sha256")
    return sorted(zip(*(table.column(c).to_pylist() for c in cols), strict=True))


def _same_size_rewrite(path: Path) -> None:
    """New bytes of the same size, the old modification time put back."""
    st = path.stat()
    data = bytearray(path.read_bytes())
    data[-2] = ord("X") if data[-2] != ord("X") else ord("Y")
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_rerun_records_every_input_of_unchanged_files_without_reading_them(tmp_path):
    settings = _setup(tmp_path)
    first = _ingest(settings, "run-1", NOW)
    # Rewritten behind the check's back: the run that reads it would see other bytes.
    _same_size_rewrite(next((tmp_path / "in").glob("*.txt")))
    again = _ingest(settings, "run-2", NOW)
    counts = [(s.inputs_seen, s.documents_loaded, s.documents_rejected) for s in (first, again)]
    assert counts == [(8, 7, 1)] * 2
    assert again.documents_new == 0 and again.reasons == first.reasons
    one, two = _ledger(settings, "run-1"), _ledger(settings, "run-2")
    # every input again, with the first run's hashes (nothing was read) and nothing new
    assert [r[:4] + r[5:] for r in two] == [r[:4] + r[5:] for r in one]
    assert not any(r[4] for r in two) and sum(r[4] for r in one) == 7
    # --rehash reads every input: the rewritten file is a new document
    third = _ingest(replace(settings, quick_check=False), "run-3", NOW)
    assert third.documents_new == 1 and third.inputs_seen == 8


def test_a_changed_file_is_read_again_and_its_unchanged_lines_stay_known(tmp_path):
    settings = _setup(tmp_path)
    _ingest(settings, "run-1", NOW)
    wire = tmp_path / "in" / "wire.jsonl"
    with wire.open("a") as f:
        body = sorted(SEEDS.glob("*.txt"))[1].read_text()
        f.write(json.dumps({"id": "w2", "text": f"{body}\nUpdate 2."}) + "\n")
    again = _ingest(settings, "run-2", NOW)
    assert again.inputs_seen == 9 and again.documents_new == 1
    new = [r for r in _ledger(settings, "run-2") if r[4]]
    assert [r[0].rsplit("#", 1)[1] for r in new] == ["L3"]


def test_files_whose_documents_the_lake_lost_or_a_run_that_died_are_read_again(tmp_path):
    settings = _setup(tmp_path)
    _ingest(settings, "run-1", NOW)
    lake = Lake(settings.lake_root)
    # a run killed before it finished listing its files leaves no record: all is read
    shutil.rmtree(Path(settings.lake_root) / "input_files")
    _same_size_rewrite(next((tmp_path / "in").glob("*.txt")))
    assert _ingest(settings, "run-2", NOW).documents_new == 1
    # documents gone from the lake: the files that held them are read and loaded again
    for part in lake.files("documents"):
        Path(part).unlink()
    assert _ingest(settings, "run-3", NOW).documents_new == 7


def test_a_run_consults_only_the_ledgers_of_the_last_runs_that_listed_what_it_reads(tmp_path):
    """Reading every earlier ledger would make each run slower than the one before."""
    settings = _setup(tmp_path)
    lake = Lake(settings.lake_root)

    def consulted() -> list[str] | None:
        listing = list(input_files(list(settings.inputs)))
        stats = file_stats(listing)
        listed = lake.read("input_files", schemas.INPUT_FILES)
        skip = set(last_listed(listed, stats, same=True))
        return ingest._ledgers_to_consult(settings, lake, listed, stats, skip)

    assert consulted() == []  # a first run: no ledger
    _ingest(settings, "run-1", NOW)
    _ingest(settings, "run-2", NOW)
    assert consulted() == []  # nothing changed: nothing to read, no ledger to consult
    body = sorted(SEEDS.glob("*.txt"))[1].read_text()
    (tmp_path / "in" / "new.txt").write_text(body + "\nA new file.")
    assert consulted() == []  # a file no run listed: no run saw its inputs
    with (tmp_path / "in" / "wire.jsonl").open("a") as f:
        f.write(json.dumps({"id": "w9", "text": body + "\nAnother update."}) + "\n")
    assert consulted() == ["run-2"]  # the last run that listed the changed file
    assert _ingest(settings, "run-3", NOW).documents_new == 2
    rehash = replace(settings, quick_check=False)
    assert ingest._ledgers_to_consult(rehash, lake, *[None] * 3) is None


def test_a_table_read_with_another_field_mapping_is_read_again_and_only_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    (folder / "export.csv").write_text(
        "id,notes,summary\n"
        "a,Gunmen shot dead a shopkeeper in Baquba at night and fled.,"
        "A shopkeeper was killed by gunmen in Diyala province on Monday.\n"
        "b,A roadside bomb wounded three soldiers near Hit on the Euphrates.,"
        "Three soldiers were hurt when a bomb hit their patrol in Anbar.\n"
    )
    settings = RunSettings(inputs=(str(folder),), warehouse=str(tmp_path / "w" / "s.duckdb"))
    summary = replace(settings, fields=("text=summary",))

    def doc_ids(run_id):
        return [r[2] for r in _ledger(settings, run_id) if "export.csv" in r[0]]

    assert _ingest(settings, "run-1", NOW).documents_new == 3
    _same_size_rewrite(folder / seed.name)  # read again, it would be a new document
    # another mapping: the table is read again (its other column), the text file is not
    assert _ingest(summary, "run-2", NOW).documents_new == 2
    assert _ingest(summary, "run-3", NOW).documents_new == 0
    assert doc_ids("run-3") == doc_ids("run-2") != doc_ids("run-1")
    # back to the default: read again, its rows known from the first run
    assert _ingest(settings, "run-4", NOW).documents_new == 0
    assert doc_ids("run-4") == doc_ids("run-1")
