"""The stages as plain functions (no Prefect): parallel ingestion, chunked discovery."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from flows import ingest, stages
from flows.settings import RunSettings
from transforms import catalog, schemas
from transforms.entities import detect_mentions, discover_entities
from warehouse import delta
from warehouse.db import build_database, new_row_filters, update_database
from warehouse.lake import Lake
from warehouse.reference import load_registry
from warehouse.storage import LakeOwnedError

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
    lake = Lake(settings.lake_root)
    summary = ingest.ingest_stage(lake, settings, "run-1", NOW, workers)
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
    again = ingest.ingest_stage(Lake(settings.lake_root), settings, "run-2", NOW, 2)
    assert (again.inputs_seen, again.documents_new, again.rejections_new) == (7, 0, 0)


def test_chunked_discovery_gives_the_warehouse_the_mentions_of_whole_corpus_discovery(tmp_path):
    settings, ingested = _ingest(tmp_path, "one", 1)
    settings = replace(settings, chunk_size=2)
    lake = Lake(settings.lake_root)
    chunks = stages.pending_chunks(lake)
    assert len(chunks) >= 2  # discovery must join names across chunks
    stages.extract_chunks(lake, chunks, workers=1)
    assert stages.pending_chunks(lake) == []
    stages.resolve_stage(lake)
    path, counts = stages.build_stage(
        lake, settings, "run-1", {"run_id": "run-1", "started_at": NOW}
    )
    registry = load_registry()
    docs = ingested["docs"][["doc_id", "text"]]
    entities, mentions = discover_entities(detect_mentions(docs, registry), docs, registry)
    with duckdb.connect(path, read_only=True) as con:
        got = (
            con.execute("select * from entity_mentions order by doc_id, char_start, char_end")
            .arrow()
            .read_all()
            .to_pandas()
        )
        got_entities = con.execute(
            "select entity_id from entities where origin = 'discovered' order by 1"
        ).fetchall()
    want = mentions.to_pandas().sort_values(["doc_id", "char_start", "char_end"])
    pd.testing.assert_frame_equal(got, want.reset_index(drop=True), check_dtype=False)
    assert [r[0] for r in got_entities] == sorted(entities.column("entity_id").to_pylist())
    assert counts["entity_mentions"] == mentions.num_rows


def _all_rows(path: str) -> dict[str, list]:
    with duckdb.connect(path, read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()]
        return {
            t: sorted(map(repr, con.execute(f'select * from "{t}"').fetchall()))
            for t in names
            if not t.startswith("_")
        }


def _run_stages(settings: RunSettings, run_id: str, full: bool = False) -> str:
    """Ingest, extract, resolve, build and publish (no validation): the published path."""
    lake = stages.open_lake(settings)
    summary = ingest.ingest_stage(lake, settings, run_id, NOW)
    stages.extract_chunks(lake, stages.pending_chunks(lake), workers=1)
    stages.resolve_stage(lake, full=full)
    row = {"run_id": run_id, "started_at": NOW, "documents_new": summary.documents_new}
    staged, _ = stages.build_stage(lake, settings, run_id, row, full=full)
    published = stages.publish_stage(settings, staged)
    stages.write_run(lake, {**row, "status": "published"})
    return published


def test_a_run_that_adds_documents_updates_the_published_file_as_a_full_build_would(tmp_path):
    folder = _inputs(tmp_path / "a")
    seeds = {p.name for p in SEEDS.glob("*.txt")}
    later = sorted(p for p in folder.glob("*.txt") if p.name in seeds)[-2:]  # a second run's
    held = tmp_path / "held"
    held.mkdir()
    for p in later:
        p.rename(held / p.name)
    settings = RunSettings(inputs=(str(folder),), warehouse=str(tmp_path / "a" / "w.duckdb"))
    published = _run_stages(settings, "run-1")
    for p in later:
        (held / p.name).rename(folder / p.name)
    lake = Lake(settings.lake_root)
    ingest.ingest_stage(lake, settings, "run-2", NOW)
    stages.extract_chunks(lake, stages.pending_chunks(lake), workers=1)
    stages.resolve_stage(lake)
    # the merge's delta leads from the published file's event tables to the lake's
    rewrite = delta.applicable_keys(lake, _held(published))
    assert rewrite and len(rewrite) < lake.read("events", schemas.EVENTS).num_rows
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(published, copy)
    assert update_database(copy, lake, catalog.TABLES, "256MB") is not None  # not rebuilt
    build_database(tmp_path / "full.duckdb", lake)
    assert new_row_filters(tmp_path / "full.duckdb") is None  # built whole: every row is new
    filters = new_row_filters(copy)
    with duckdb.connect(str(copy), read_only=True) as con:
        new_docs = con.execute(f"select count(*) from documents where {filters['documents']}")
        assert new_docs.fetchone() == (2,)  # the second run's two documents, no other
        discovered = con.execute(
            f"select count(*) = count(*) filter (where {filters['entity_mentions']}) "
            "from entity_mentions where match_method = 'discovered'"
        ).fetchone()
        assert discovered == (True,)
    incremental, full = _all_rows(str(copy)), _all_rows(str(tmp_path / "full.duckdb"))
    assert incremental.keys() == full.keys()
    assert [t for t in full if incremental[t] != full[t]] == []
    assert len(full["documents"]) == 5 and len(full["events"]) > 0


def _held(path: str | Path) -> dict[str, str | None]:
    """The stamps of the event tables' lake files a warehouse file holds."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = dict(con.execute("select lake_table, stamp from _loaded_parts").fetchall())
    return {name: rows.get(name) for name in delta.KEYED}


def test_a_merge_delta_from_another_state_than_the_file_s_is_not_applied(tmp_path):
    """Two merges without a publication between them: the second's delta starts from the
    first's result, not from the published file's; the update replaces the event tables."""
    settings = RunSettings(inputs=(str(_inputs(tmp_path)),), warehouse=str(tmp_path / "w.duckdb"))
    published = _run_stages(settings, "run-1")
    lake = Lake(settings.lake_root)
    assert delta.applicable_keys(lake, _held(published)) is None  # a first merge is full
    stages.resolve_stage(lake)  # nothing new: an empty delta from the published state
    assert delta.applicable_keys(lake, _held(published)) == []
    stages.resolve_stage(lake)  # again: its delta starts from the unpublished result
    assert delta.applicable_keys(lake, _held(published)) is None
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(published, copy)
    assert update_database(copy, lake, catalog.TABLES, None) is not None
    build_database(tmp_path / "full.duckdb", lake)
    incremental, full = _all_rows(str(copy)), _all_rows(str(tmp_path / "full.duckdb"))
    assert [t for t in full if incremental[t] != full[t]] == []


def test_an_update_that_cannot_follow_the_lake_is_refused(tmp_path):
    settings = RunSettings(inputs=(str(SEEDS),), warehouse=str(tmp_path / "w.duckdb"))
    published = _run_stages(settings, "run-1")
    lake = Lake(settings.lake_root)
    part = lake.file_path("mentions_raw", sorted(lake.stamps("mentions_raw"))[0])
    Path(part).write_bytes(Path(part).read_bytes())  # rewritten in place: a new stamp
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(published, copy)
    assert update_database(copy, lake, catalog.TABLES, None) is None


def test_two_warehouses_in_one_folder_keep_their_own_data(tmp_path):
    """Each warehouse of a folder has its own lake and Data Docs: the second warehouse built
    there holds its own inputs only, and a lake given to both is refused."""
    seeds = sorted(SEEDS.glob("*.txt"))
    halves = {"syria": seeds[:3], "iraq": seeds[3:]}
    folder = tmp_path / "data"
    settings = {}
    for name, files in halves.items():
        inbox = tmp_path / f"in-{name}"
        inbox.mkdir()
        for p in files:
            shutil.copyfile(p, inbox / p.name)
        settings[name] = RunSettings(inputs=(str(inbox),), warehouse=str(folder / f"{name}.duckdb"))
        _run_stages(settings[name], f"run-{name}")
    for name, files in halves.items():
        with duckdb.connect(settings[name].warehouse, read_only=True) as con:
            uris = {Path(u).name for (u,) in con.execute("select uri from documents").fetchall()}
            events_of_others = con.execute(
                "select count(*) from event_reports r anti join documents d using (doc_id)"
            ).fetchone()
        assert uris == {p.name for p in files}
        assert events_of_others == (0,)
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "iraq.duckdb",
        "iraq.lake",
        "syria.duckdb",
        "syria.lake",
    ]
    shared = replace(settings["iraq"], lake=settings["syria"].lake_root)
    with pytest.raises(LakeOwnedError, match="holds the data of warehouse syria.duckdb"):
        stages.open_lake(shared)


def test_the_stages_use_the_lake_they_are_given(tmp_path):
    """No stage opens storage of its own: a lake apart from the warehouse's folder receives
    everything the stages write; beside the warehouse there is only the published file."""
    settings = RunSettings(inputs=(str(SEEDS),), warehouse=str(tmp_path / "out" / "w.duckdb"))
    lake = Lake(tmp_path / "elsewhere")
    summary = ingest.ingest_stage(lake, settings, "run-1", NOW)
    stages.extract_chunks(lake, stages.pending_chunks(lake), workers=1)
    stages.resolve_stage(lake)
    row = {"run_id": "run-1", "started_at": NOW}
    staged, counts = stages.build_stage(lake, settings, "run-1", row)
    stages.publish_stage(settings, staged)
    assert counts["documents"] == summary.documents_new == 5
    assert counts["events"] == lake.read("events", schemas.EVENTS).num_rows > 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["w.duckdb"]
