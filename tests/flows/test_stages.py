"""The stages as plain functions (no Prefect): parallel ingestion, chunked discovery."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from flows import stages
from flows.settings import RunSettings
from transforms import schemas
from transforms.entities import detect_mentions, discover_entities
from warehouse.lake import Lake
from warehouse.reference import load_registry

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "articles"
NOW = datetime(2026, 11, 21, 12, 0)


def _inputs(tmp_path: Path) -> Path:
    """Seeds, a copy of one seed under another name (a duplicate in a later batch), an empty
    file: 7 inputs."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    first = sorted(folder.glob("*.txt"))[0]
    (folder / "zz_copy.txt").write_bytes(first.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _ingest(tmp_path: Path, name: str, workers: int) -> tuple[RunSettings, dict]:
    settings = RunSettings(
        inputs=(str(_inputs(tmp_path / name)),),
        warehouse=str(tmp_path / name / "sitrep.duckdb"),
        chunk_size=2,
    )
    summary = stages.ingest_stage(settings, "run-1", NOW, workers)
    lake = Lake(settings.lake_root)
    docs = lake.read("documents", schemas.DOCUMENTS).to_pandas()
    ledger = lake.read("run_inputs", schemas.RUN_INPUTS).to_pandas()
    ledger["uri"] = ledger["uri"].map(lambda u: Path(u).name)
    docs["uri"] = docs["uri"].map(lambda u: Path(u).name)
    return settings, {
        "summary": (summary.inputs_seen, summary.documents_new, summary.documents_rejected),
        "docs": docs.drop(columns=["ingested_at"]).sort_values("doc_id").reset_index(drop=True),
        "ledger": ledger.sort_values("uri").reset_index(drop=True),
    }


def test_ingestion_on_worker_processes_equals_ingestion_inline_and_reruns_add_nothing(tmp_path):
    _, inline = _ingest(tmp_path, "one", 1)
    settings, pooled = _ingest(tmp_path, "two", 2)
    assert inline["summary"] == pooled["summary"] == (7, 5, 1)
    pd.testing.assert_frame_equal(inline["docs"], pooled["docs"])
    pd.testing.assert_frame_equal(inline["ledger"], pooled["ledger"])
    ledger = pooled["ledger"].set_index("uri")
    # the copy comes after its original: loaded, not new, the same document
    assert not ledger.loc["zz_copy.txt", "is_new"]
    original = sorted(p.name for p in SEEDS.glob("*.txt"))[0]
    assert ledger.loc["zz_copy.txt", "doc_id"] == ledger.loc[original, "doc_id"]
    assert ledger.loc["empty.txt", "reason"] == "empty"
    again = stages.ingest_stage(settings, "run-2", NOW, 2)
    assert (again.inputs_seen, again.documents_new, again.rejections_new) == (7, 0, 0)


def test_chunked_discovery_gives_the_warehouse_the_mentions_of_whole_corpus_discovery(tmp_path):
    settings, ingested = _ingest(tmp_path, "one", 1)
    settings = replace(settings, chunk_size=2)
    chunks = stages.pending_chunks(settings)
    assert len(chunks) >= 2  # discovery must join names across chunks
    stages.extract_chunks(settings, chunks, workers=1)
    assert stages.pending_chunks(settings) == []
    stages.resolve_stage(settings)
    path, counts = stages.build_stage(settings, "run-1", {"run_id": "run-1", "started_at": NOW})
    registry = load_registry()
    docs = ingested["docs"][["doc_id", "text"]]
    entities, mentions = discover_entities(detect_mentions(docs, registry), docs, registry)
    with duckdb.connect(path, read_only=True) as con:
        got = con.execute("select * from entity_mentions").arrow().read_all().to_pandas()
        got_entities = con.execute(
            "select entity_id from entities where origin = 'discovered' order by 1"
        ).fetchall()
    want = mentions.to_pandas().sort_values(["doc_id", "char_start", "char_end"])
    pd.testing.assert_frame_equal(got, want.reset_index(drop=True), check_dtype=False)
    assert [r[0] for r in got_entities] == sorted(entities.column("entity_id").to_pylist())
    assert counts["entity_mentions"] == mentions.num_rows
