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
from warehouse.db import build_database
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
    path, counts, changed = stages.build_stage(
        lake, settings, "run-1", {"run_id": "run-1", "started_at": NOW}
    )
    assert changed is None  # no publication to start from: built whole
    registry = load_registry()
    docs = lake.read("documents", schemas.DOCUMENTS, ["doc_id", "title", "text"])  # (headlines too)
    entities, mentions = discover_entities(detect_mentions(docs, registry), docs, registry)
    with duckdb.connect(path, read_only=True) as con:
        got = (
            con.execute(
                "select * from entity_mentions order by doc_id, field, char_start, char_end"
            )
            .arrow()
            .read_all()
            .to_pandas()
        )
        got_entities = con.execute(
            "select entity_id from entities where origin = 'discovered' order by 1"
        ).fetchall()
    want = mentions.to_pandas().sort_values(["doc_id", "field", "char_start", "char_end"])
    pd.testing.assert_frame_equal(got, want.reset_index(drop=True), check_dtype=False)
    assert [r[0] for r in got_entities] == sorted(entities.column("entity_id").to_pylist())
    assert counts["entity_mentions"] == mentions.num_rows


def _all_rows(path: str | Path, run: str = "") -> dict[str, list]:
    """Every row of every table, but the runs row of ``run`` (the staging file holds the row
    the run had when it built, the lake the row it has once published)."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()]
        rows = {
            t: sorted(map(repr, con.execute(f'select * from "{t}"').fetchall()))
            for t in names
            if not t.startswith("_")
        }
    rows["runs"] = [r for r in rows["runs"] if f"'{run}'" not in r or not run]
    return rows


def _run_stages(
    settings: RunSettings, run_id: str, full: bool = False
) -> tuple[str, dict[str, catalog.RowChange] | None]:
    """Ingest, extract, resolve, build and publish (no validation), as the flow does: the
    published path, and what the build reported it changed (None: built whole)."""
    lake = stages.open_lake(settings)
    basis = stages.published_basis(lake, run_id)
    summary = ingest.ingest_stage(lake, settings, run_id, NOW)
    chunks = stages.pending_chunks(lake)
    stages.extract_chunks(lake, chunks, workers=1)
    _, merged = stages.resolve_stage(lake, full=full)
    changes = summary.changes.add(stages.extracted_changes(lake, chunks)).add(merged)
    row = {"run_id": run_id, "started_at": NOW, "documents_new": summary.documents_new}
    staged, _, changed = stages.build_stage(lake, settings, run_id, row, full, changes, basis)
    published = stages.publish_stage(settings, staged)
    stages.write_run(lake, {**row, "status": "published"})
    stages.mark_published(lake, run_id)
    return published, changed


def _two_runs(tmp_path: Path) -> tuple[RunSettings, Path, Path]:
    """Settings, inputs folder and a folder holding two seeds the first run does not see."""
    folder = _inputs(tmp_path / "a")
    seeds = {p.name for p in SEEDS.glob("*.txt")}
    later = sorted(p for p in folder.glob("*.txt") if p.name in seeds)[-2:]  # a second run's
    held = tmp_path / "held"
    held.mkdir()
    for p in later:
        p.rename(held / p.name)
    settings = RunSettings(inputs=(str(folder),), warehouse=str(tmp_path / "a" / "w.duckdb"))
    return settings, folder, held


def _keys(path: str, table: str, where: str = "true") -> set[int]:
    with duckdb.connect(path, read_only=True) as con:
        sql = f'select {catalog.BY_NAME[table].key_sql} from "{table}" where {where}'
        return {r[0] for r in con.execute(sql).fetchall()}


def test_a_run_that_adds_documents_updates_the_published_file_as_a_full_build_would(tmp_path):
    settings, folder, held = _two_runs(tmp_path)
    first, changed = _run_stages(settings, "run-1")
    assert changed is None  # the first run builds whole
    before = shutil.copyfile(first, tmp_path / "before.duckdb")
    lake = Lake(settings.lake_root)
    gazetteer = lake.stamps("places")
    for p in held.iterdir():
        p.rename(folder / p.name)
    published, changed = _run_stages(settings, "run-2")
    assert changed is not None  # updated from the published file, not rebuilt
    # the gazetteer, unchanged, is not written again (nor loaded again); the entities, with
    # names the new documents made recur, are
    assert lake.stamps("places") == gazetteer and "places" not in changed
    assert "entities" in changed
    build_database(tmp_path / "full.duckdb", Lake(settings.lake_root))
    incremental, full = _all_rows(published, "run-2"), _all_rows(tmp_path / "full.duckdb", "run-2")
    assert incremental.keys() == full.keys()
    assert [t for t in full if incremental[t] != full[t]] == []
    assert len(full["documents"]) == 5 and len(full["events"]) > 0
    # what the build reports is exactly the rows the published file did not hold
    new_docs = _keys(published, "documents") - _keys(str(before), "documents")
    assert set(changed["documents"].keys or ()) == new_docs and len(new_docs) == 2
    assert changed["documents"].grown and changed["run_inputs"].grown
    rewritten = changed["events"].keys or ()
    assert 0 < len(rewritten) < len(full["events"])  # the events the new reports met, only
    assert set(changed["runs"].keys or ()) == _keys(published, "runs", "run_id = 'run-2'")
    assert "places" not in changed  # the gazetteer did not change: nothing to check again
    # the reports and mentions the new documents brought, not every row of the events and
    # discovered names they met (the discovered mentions of the first run's documents stay)
    for table in ("event_reports", "entity_mentions"):
        added = _keys(published, table) - _keys(str(before), table)
        assert added and added <= set(changed[table].keys or ()), table
        assert len(changed[table].keys or ()) < len(full[table]), table
    assert _keys(str(before), "entity_mentions", "match_method = 'discovered'")
    # a lake without the gazetteer's file gets it again, unchanged as it is
    places = lake.read("places", schemas.PLACES)
    for path in lake.files("places"):
        Path(path).unlink()
    stages.resolve_stage(lake)
    assert lake.read("places", schemas.PLACES).equals(places) and places.num_rows > 0


def test_a_run_whose_lake_differs_from_the_publication_builds_whole(tmp_path):
    """Two merges without a publication between them, or a part the published file lacks
    written by other means: the next run cannot apply its own changes to the published file,
    so it builds (and its gate checks) everything."""
    settings, folder, held = _two_runs(tmp_path)
    _run_stages(settings, "run-1")
    lake = Lake(settings.lake_root)
    assert stages.published_basis(lake, "run-2") is not None
    stages.resolve_stage(lake)  # a merge that never published (a run failed after it)
    assert stages.published_basis(lake, "run-2") is None
    stages.mark_published(lake, "run-1")  # as if it had not happened
    assert stages.published_basis(lake, "run-2") is not None
    lake.write_part("mentions_raw", lake.read("mentions_raw", schemas.ENTITY_MENTIONS), "stray")
    assert stages.published_basis(lake, "run-2") is None
    for p in held.iterdir():
        p.rename(folder / p.name)
    published, changed = _run_stages(settings, "run-2")
    assert changed is None


def test_a_stage_retried_after_writing_leaves_an_incomplete_report_and_a_full_build(tmp_path):
    """Ingestion retried (Prefect retries it) finds the documents its first attempt wrote as
    known and reports none: the build sees the lake gained files nobody reported."""
    settings, folder, held = _two_runs(tmp_path)
    _run_stages(settings, "run-1")
    for p in held.iterdir():
        p.rename(folder / p.name)
    lake = Lake(settings.lake_root)
    basis = stages.published_basis(lake, "run-2")
    assert basis is not None
    first = ingest.ingest_stage(lake, settings, "run-2", NOW)
    retried = ingest.ingest_stage(lake, settings, "run-2", NOW)
    assert first.changes.parts.get("documents") and not retried.changes.parts.get("documents")
    assert basis.leads_to(lake, "run-2", first.changes)
    assert not basis.leads_to(lake, "run-2", retried.changes)
    row = {"run_id": "run-2", "started_at": NOW}
    _, _, changed = stages.build_stage(lake, settings, "run-2", row, False, retried.changes, basis)
    assert changed is None  # built whole


def test_a_published_file_other_than_the_basis_s_is_built_whole(tmp_path):
    """The published file replaced (an older copy restored): the run's changes do not lead
    from it, so the build starts from scratch."""
    settings, folder, held = _two_runs(tmp_path)
    first, _ = _run_stages(settings, "run-1")
    old = shutil.copyfile(first, tmp_path / "old.duckdb")
    for p in list(held.iterdir())[:1]:
        p.rename(folder / p.name)
    _run_stages(settings, "run-2")
    shutil.copyfile(old, first)  # the first run's file back in place
    for p in held.iterdir():
        p.rename(folder / p.name)
    published, changed = _run_stages(settings, "run-3")
    assert changed is None
    build_database(tmp_path / "full.duckdb", Lake(settings.lake_root))
    got, want = _all_rows(published, "run-3"), _all_rows(tmp_path / "full.duckdb", "run-3")
    assert [t for t in want if got[t] != want[t]] == []


def test_an_unchanged_run_s_ledger_reaches_the_next_publication(tmp_path):
    """A run that finds nothing new publishes nothing; the next run that publishes carries
    its ledger rows forward, as a full build would load them."""
    settings, folder, held = _two_runs(tmp_path)
    _run_stages(settings, "run-1")
    lake = Lake(settings.lake_root)
    summary = ingest.ingest_stage(lake, settings, "run-2", NOW)
    assert stages.nothing_new(lake, settings, summary, stages.pending_chunks(lake))
    stages.write_run(lake, {"run_id": "run-2", "started_at": NOW, "status": "unchanged"})
    for p in held.iterdir():
        p.rename(folder / p.name)
    published, changed = _run_stages(settings, "run-3")
    assert changed is not None
    assert _keys(published, "run_inputs", "run_id = 'run-2'") <= set(changed["run_inputs"].keys)
    build_database(tmp_path / "full.duckdb", lake)
    got, want = _all_rows(published, "run-3"), _all_rows(tmp_path / "full.duckdb", "run-3")
    assert [t for t in want if got[t] != want[t]] == []


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
    staged, counts, _ = stages.build_stage(lake, settings, "run-1", row)
    stages.publish_stage(settings, staged)
    assert counts["documents"] == summary.documents_new == 5
    assert counts["events"] == lake.read("events", schemas.EVENTS).num_rows > 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["w.duckdb"]
