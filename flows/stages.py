"""The pipeline's stages as plain functions: lake in, lake out, no Prefect.

Each stage is given its lake (and the run's settings and id where it needs them); none opens
storage of its own, so a test runs ingest -> extract -> resolve -> build on a lake in a
temporary folder. The Prefect flow (flows/pipeline.py) opens the run's lake once
(``open_lake``) and wraps each stage in a task; the benchmark calls them directly to measure
Prefect's share. Stages hand each other small references (chunk keys, file paths, counts),
never big frames.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from flows import lifeline, progress
from flows.ingest import IngestSummary
from flows.settings import CACHE_DIR, POOL_MIN_DOCUMENTS, RunSettings
from transforms import catalog, schemas
from warehouse import delta, storage
from warehouse.db import build_database, replace_rows
from warehouse.lake import Lake
from warehouse.publish import publish

log = logging.getLogger("sitrep")

# What extracting one chunk writes, each part keyed like the chunk's documents part.
CHUNK_OUTPUTS = tuple(t.name for t in catalog.written_by("extract"))


@dataclass(frozen=True)
class Chunk:
    """A part of the documents table: its content key and its month partition."""

    key: str
    partition: str
    rows: int = 0  # documents in the part


def new_run_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open_lake(settings: RunSettings) -> Lake:
    """The run's lake: the warehouse's own (a lake of the old layout moved to its name when it
    can only be this warehouse's), claimed for the warehouse (``warehouse/storage.py``). Call
    under the warehouse's run lock."""
    if settings.lake is None:
        storage.adopt_legacy(settings.warehouse)
    lake = Lake(settings.lake_root)
    storage.claim(lake, settings.warehouse)
    return lake


def pending_chunks(lake: Lake, reprocess: bool = False) -> list[Chunk]:
    """Document chunks whose extraction (mentions and attack reports) is missing; all of them
    with ``reprocess``.

    Keyed on the lake, not on this run's inputs, so a chunk left half-done by a killed run is
    picked up by the next one.
    """
    done = set() if reprocess else set.intersection(*(set(lake.parts(t)) for t in CHUNK_OUTPUTS))
    return [
        Chunk(k, p or "", lake.part_rows("documents", k, p))
        for k, p in lake.parts("documents")
        if (k, p) not in done
    ]


def previous_run(lake: Lake) -> dict | None:
    """The lake's latest recorded run (published, unchanged or failed), or None."""
    runs = lake.read("runs", schemas.RUNS).to_pylist()
    return max(runs, key=lambda r: r["started_at"]) if runs else None


def _settled_lake(lake: Lake, run_id: str) -> str:
    """The lake's fingerprint without this run's ledger nor the ledgers of unchanged runs (they
    add nothing to publish)."""
    runs = lake.read("runs", schemas.RUNS, ["run_id", "status"]).to_pylist()
    quiet = {r["run_id"] for r in runs if r["status"] == "unchanged"} | {run_id}
    return lake.fingerprint(quiet)


def nothing_new(
    lake: Lake, settings: RunSettings, summary: IngestSummary, pending: list[Chunk]
) -> bool:
    """True when the published warehouse already holds everything this run would publish: no
    new document or rejection, no chunk left to extract, and the lake exactly as it was
    published (a failed run, or anything else written since, makes it differ)."""
    if summary.documents_new or summary.rejections_new or pending:
        return False
    if not Path(settings.warehouse).exists():
        return False
    return lake.read_marker("published") == _settled_lake(lake, summary.run_id)


def mark_published(lake: Lake, run_id: str) -> None:
    """Remember what the lake held when it was published (see ``nothing_new``)."""
    lake.write_marker("published", _settled_lake(lake, run_id))


def write_run(lake: Lake, run_row: dict) -> None:
    """Record the run in the lake's runs ledger (one part per run, rewritten as it ends)."""
    lake.write_part(
        "runs", schemas.conform([run_row], schemas.RUNS), run_row["run_id"], overwrite=True
    )


def build_stage(
    lake: Lake, settings: RunSettings, run_id: str, run_row: dict, full: bool = False
) -> tuple[str, dict[str, int]]:
    """A complete warehouse file built from the lake, beside the published one, not yet live:
    a copy of the published file brought up to the lake, or (``full``, or when that cannot be
    done) a build from scratch.

    The run's own row goes into the staging file only: the lake's runs ledger records the run
    once it has published (or failed), so a killed run never reads as published.
    """
    path = storage.staging_path(settings.warehouse, run_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    counts = build_database(
        path,
        lake,
        memory_limit=settings.duckdb_memory_limit,
        base=None if full else settings.warehouse,
    )
    replace_rows(path, "runs", schemas.conform([run_row], schemas.RUNS), "run_id")
    counts["runs"] += 1
    return str(path), counts


def publish_stage(settings: RunSettings, staged: str) -> str:
    """Swap the staged file in: readers see the old complete file or the new one, never a mix."""
    return str(publish(staged, settings.warehouse))


def mentions_stage(lake: Lake, chunk: Chunk) -> int:
    """Entity and place mentions of one document chunk, and the chunk's share of discovery
    (its unknown name spans and lower-case words), so the corpus-wide step never reads text."""
    from transforms.entities import extract_names
    from warehouse.reference import load_registry

    docs = lake.read_part("documents", chunk.key, chunk.partition, schemas.DOCUMENTS).select(
        ["doc_id", "text"]
    )
    # detect_mentions, then name_candidates of its mentions, in one pass over each text
    registry = load_registry(cache_dir=CACHE_DIR)
    mentions, candidates, lower_words = extract_names(docs.to_pandas(), registry)
    lake.write_part("name_candidates", candidates, chunk.key, chunk.partition, overwrite=True)
    lake.write_part("lower_words", lower_words, chunk.key, chunk.partition, overwrite=True)
    # last: its presence with report_candidates marks the chunk done (``pending_chunks``)
    lake.write_part("mentions_raw", mentions, chunk.key, chunk.partition, overwrite=True)
    return mentions.num_rows


def reports_stage(lake: Lake, chunk: Chunk) -> int:
    """Attack reports of one document chunk, from its text and its mentions."""
    from transforms.events import extract_reports
    from warehouse.reference import load_registry

    registry = load_registry(cache_dir=CACHE_DIR)
    docs = lake.read_part("documents", chunk.key, chunk.partition, schemas.DOCUMENTS)
    mentions = lake.read_part("mentions_raw", chunk.key, chunk.partition, schemas.ENTITY_MENTIONS)
    reports = extract_reports(
        docs.to_pandas(),
        mentions.to_pandas(),
        registry.places_table().to_pandas(),
        registry.entities_table().to_pandas(),
    )
    lake.write_part("report_candidates", reports, chunk.key, chunk.partition, overwrite=True)
    return reports.num_rows


# The merge's outputs in the lake, in MergeResult order.
MERGED = tuple((t.name, t.schema) for t in catalog.loaded(catalog.KEYED))


def resolve_stage(lake: Lake, full: bool = False) -> dict[str, int]:
    """Corpus-wide: discover unknown recurring names, then merge reports into events.

    Reads no text and no mention: discovery streams the chunks' name candidates, and merging
    needs the reports and each document's date and outlet. New reports are merged with the
    events of their date and place windows only (``remerge_events``); ``full``, or a changed
    gazetteer or registry, merges every report again.
    """
    from transforms.entities import discover
    from transforms.events import merge_events
    from transforms.events.dedup import MergeResult
    from transforms.events.remerge import remerge_events
    from warehouse.reference import load_registry

    registry = load_registry(cache_dir=CACHE_DIR)
    places, known_entities = registry.places_table(), registry.entities_table()
    previous_entities = lake.read("entities", schemas.ENTITIES)
    same_reference = lake.read("places", schemas.PLACES).equals(places) and (
        previous_entities.filter(pc.equal(previous_entities.column("origin"), "registry")).equals(
            known_entities
        )
    )
    discovered, found = discover(
        lambda: lake.iter_batches("name_candidates", schemas.NAME_CANDIDATES, batch_size=50_000),
        lake.iter_batches("lower_words", schemas.LOWER_WORDS, batch_size=100_000),
        registry,
    )
    entities = pa.concat_tables([known_entities, discovered])
    lake.write_current("entities", entities)
    lake.write_current("places", places)
    lake.write_current("mentions_discovered", found)

    docs = lake.read("documents", schemas.DOCUMENTS, ["doc_id", "published_date", "source"])
    candidates = lake.read("report_candidates", schemas.EVENT_REPORTS)
    base = delta.current_stamps(lake)  # the files the previous result is read from
    previous = MergeResult(*(lake.read(name, schema) for name, schema in MERGED))
    if full or not same_reference:
        merged = merge_events(candidates, docs, places, entities)
        figures = {"remerged_reports": candidates.num_rows, "full_merge": 1}
        rewritten = None
    else:
        merged, how, rewritten = remerge_events(candidates, previous, docs, places, entities)
        figures = {"remerged_reports": how["remerged_reports"], "full_merge": how["full"]}
    for (name, _schema), table in zip(MERGED, merged, strict=True):
        lake.write_current(name, table)
    # which events' rows changed: the build rewrites those only (``warehouse/delta.py``)
    delta.write_delta(lake, base, None if rewritten is None else rewritten.to_pylist())
    before = dict(
        zip(
            previous.events.column("event_id").to_pylist(),
            zip(
                previous.events.column("n_reports").to_pylist(),
                previous.events.column("n_documents").to_pylist(),
                strict=True,
            ),
            strict=True,
        )
    )
    now_ids = merged.events.column("event_id").to_pylist()
    now_sizes = zip(
        merged.events.column("n_reports").to_pylist(),
        merged.events.column("n_documents").to_pylist(),
        strict=True,
    )
    new = sum(1 for e in now_ids if e not in before)
    updated = sum(
        1 for e, size in zip(now_ids, now_sizes, strict=True) if e in before and before[e] != size
    )
    return {
        "events_total": len(now_ids),
        "events_new": new,
        "events_updated": updated,
        "discovered_mentions": found.num_rows,
        "discovered_entities": discovered.num_rows,
        **figures,
    }


class Extracted(NamedTuple):
    """What extracting one chunk wrote, and the CPU seconds of its two steps."""

    mentions: int
    reports: int
    mentions_cpu: float
    reports_cpu: float


def extract_chunk(lake: Lake, chunk: Chunk) -> Extracted:
    """Mentions then attack reports of one chunk."""
    t0 = time.process_time()
    mentions = mentions_stage(lake, chunk)
    t1 = time.process_time()
    reports = reports_stage(lake, chunk)
    return Extracted(mentions, reports, t1 - t0, time.process_time() - t1)


def extract_chunks(lake: Lake, chunks: list[Chunk], workers: int) -> list[tuple[Chunk, Extracted]]:
    """Extract every chunk, on ``workers`` local processes when there is more than one chunk
    and at least ``POOL_MIN_DOCUMENTS`` documents in all (fewer are extracted inline).

    Workers are plain processes (spawned: the parent runs server threads, which fork would
    copy half-locked) that import only the stages, not Prefect; each loads the registry once.
    """
    if workers <= 1 or len(chunks) <= 1 or sum(c.rows for c in chunks) < POOL_MIN_DOCUMENTS:
        return [(c, extract_chunk(lake, c)) for c in progress.track(chunks, "extract")]
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)),
        mp_context=context,
        initializer=lifeline.exit_with_parent,  # a killed run leaves no worker behind
    )
    try:
        futures = {pool.submit(extract_chunk, lake, c): c for c in chunks}
        done = progress.track(as_completed(futures), "extract", total=len(futures))
        return [(futures[f], f.result()) for f in done]
    except BaseException:
        # Interrupted (Ctrl-C; SIGTERM, which Prefect raises as TerminationSignal): stop the
        # workers now rather than after their chunks (minutes). A chunk half done is found
        # again by the next run (``pending_chunks`` keys on the chunk's outputs).
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.terminate()  # the executor's own processes (no public handle on them)
        raise
    finally:
        # Not waited for: a worker's exit frees its Registry object by object (seconds under
        # load), time the merge can use; the executor reaps the workers as they go.
        pool.shutdown(wait=False, cancel_futures=True)
