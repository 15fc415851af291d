"""The pipeline's stages as plain functions: lake in, lake out, no Prefect.

Each stage is given its lake (and the run's settings and id where it needs them); none opens
storage of its own, so a test runs ingest -> extract -> resolve -> build on a lake in a
temporary folder. The Prefect flow (flows/pipeline.py) opens the run's lake once
(``open_lake``) and wraps each stage in a task; the benchmark calls them directly to measure
Prefect's share. Stages hand each other small references (chunk keys, file paths, counts),
never big frames.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
import uuid
from concurrent.futures import as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from flows import lifeline, progress
from flows.ingest import IngestSummary
from flows.settings import CACHE_DIR, POOL_MIN_DOCUMENTS, RunSettings
from transforms import catalog, schemas
from warehouse import storage
from warehouse.db import build_database, replace_rows, update_database
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


# The lake marker of the last publication: the run that built the published file, the lake's
# fingerprint then, and the unchanged runs it had seen.
PUBLISHED = "published"


@dataclass(frozen=True)
class Basis:
    """The publication a run starts from, when the lake is exactly as that publication left it
    (unchanged runs' ledgers apart): the run that built the published file, and the ledger
    parts unchanged runs wrote since, which that file lacks."""

    run_id: str
    carried: catalog.Changes
    held: str  # the lake's fingerprint as the run started, its corpus-wide tables apart

    def leads_to(self, lake: Lake, run_id: str, changes: catalog.Changes) -> bool:
        """True when ``changes`` (what run ``run_id``'s stages report) are all the lake gained
        since the run started, but for the corpus-wide tables (rewritten whole by each
        merge): a stage retried after writing parts it then found there, or a part written
        by other means meanwhile, make the report incomplete."""
        reported = {p for paths in changes.parts.values() for p in paths}
        return self.held == _held(lake, run_id, reported)


def _quiet_runs(lake: Lake) -> set[str]:
    """Runs that found nothing new: their ledgers add nothing to publish but themselves."""
    runs = lake.read("runs", schemas.RUNS, ["run_id", "status"]).to_pylist()
    return {r["run_id"] for r in runs if r["status"] == "unchanged"}


def _settled_lake(lake: Lake, ignore: set[str]) -> str:
    """The lake's fingerprint without the run ledgers of the runs in ``ignore``."""
    return lake.fingerprint(ignore, catalog.RUN_LEDGERS)


def _held(lake: Lake, run_id: str, reported: set[str] | frozenset[str] = frozenset()) -> str:
    """The lake's fingerprint but for the corpus-wide tables, the run ledgers of run
    ``run_id`` and of unchanged runs, and the ``reported`` files."""
    current = [t.name for t in catalog.CATALOG if t.layout == catalog.CURRENT]
    ignore = _quiet_runs(lake) | {run_id}
    return lake.fingerprint(ignore, catalog.RUN_LEDGERS, current, reported)


def published_basis(lake: Lake, run_id: str) -> Basis | None:
    """The publication run ``run_id`` starts from (see ``Basis``); None when the lake changed
    since (a failed run, a part written by other means), or no publication is recorded: the
    run then builds and validates its warehouse whole. Before the run writes anything but its
    own ledgers."""
    try:
        mark = json.loads(lake.read_marker(PUBLISHED) or "null")
    except json.JSONDecodeError:
        return None
    quiet = _quiet_runs(lake)
    if not isinstance(mark, dict) or mark.get("lake") != _settled_lake(lake, quiet | {run_id}):
        return None
    since = quiet - set(mark.get("quiet", ()))
    carried = catalog.Changes()
    for table in catalog.RUN_LEDGERS:
        for path in lake.run_parts(table, since):
            carried.wrote(table, path)
    return Basis(mark["run"], carried, _held(lake, run_id))


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
    return published_basis(lake, summary.run_id) is not None


def mark_published(lake: Lake, run_id: str) -> None:
    """Remember what the lake held when run ``run_id`` published (see ``published_basis``)."""
    quiet = _quiet_runs(lake)
    mark = {"run": run_id, "lake": _settled_lake(lake, quiet), "quiet": sorted(quiet)}
    lake.write_marker(PUBLISHED, json.dumps(mark))


def write_run(lake: Lake, run_row: dict) -> None:
    """Record the run in the lake's runs ledger (one part per run, rewritten as it ends)."""
    lake.write_part(
        "runs", schemas.conform([run_row], schemas.RUNS), run_row["run_id"], overwrite=True
    )


class Staged(NamedTuple):
    """A staging file built, its row count per table, and what the build added or rewrote per
    table (None: built from scratch, every row is new)."""

    path: str
    counts: dict[str, int]
    changed: dict[str, catalog.RowChange] | None


def build_stage(
    lake: Lake,
    settings: RunSettings,
    run_id: str,
    run_row: dict,
    full: bool = False,
    changes: catalog.Changes | None = None,
    basis: Basis | None = None,
) -> Staged:
    """A complete warehouse file built from the lake, beside the published one, not yet live:
    a copy of the published file updated with ``changes`` (what the run's stages changed,
    when the run started from the publication ``basis``), or (``full``, no basis, or a
    published file that is not the basis's) a build from scratch.

    The run's own row goes into the staging file only: the lake's runs ledger records the run
    once it has published (or failed), so a killed run never reads as published.
    """
    path = storage.staging_path(settings.warehouse, run_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    limit = settings.duckdb_memory_limit
    updated = None
    published = Path(settings.warehouse)
    if (
        not full
        and changes is not None
        and basis is not None
        and lake.local
        and published.exists()
        and basis.leads_to(lake, run_id, changes)
    ):
        shutil.copyfile(published, path)
        forward = catalog.Changes().add(basis.carried).add(changes)
        updated = update_database(path, lake, forward, basis.run_id, run_id, memory_limit=limit)
        if updated is None:
            path.unlink()
    if updated is None:
        counts, changed = build_database(path, lake, memory_limit=limit, run_id=run_id), None
    else:
        counts, changed = updated
    own = replace_rows(path, "runs", schemas.conform([run_row], schemas.RUNS), "run_id")
    counts["runs"] += 1
    if changed is not None:
        changed["runs"] = own.plus(changed["runs"]) if "runs" in changed else own
    return Staged(str(path), counts, changed)


def publish_stage(settings: RunSettings, staged: str) -> str:
    """Swap the staged file in: readers see the old complete file or the new one, never a mix."""
    return str(publish(staged, settings.warehouse))


def mentions_stage(lake: Lake, chunk: Chunk, docs: pa.Table, registry: Any) -> Any:
    """Entity and place mentions of one document chunk, and the chunk's share of discovery
    (its unknown name spans and lower-case words), so the corpus-wide step never reads text.
    Republished copies are read once (``transforms/copies.py``); returns what reading the
    chunk's reports needs (``copies.Names``)."""
    from transforms.copies import extract_names_once

    names = extract_names_once(docs, registry)
    lake.write_part("name_candidates", names.candidates, chunk.key, chunk.partition, overwrite=True)
    lake.write_part("lower_words", names.lower_words, chunk.key, chunk.partition, overwrite=True)
    # last: its presence with report_candidates marks the chunk done (``pending_chunks``)
    lake.write_part("mentions_raw", names.mentions, chunk.key, chunk.partition, overwrite=True)
    return names


def reports_stage(lake: Lake, chunk: Chunk, docs: pa.Table, registry: Any, names: Any) -> int:
    """Attack reports of one document chunk, from its text and its mentions."""
    from transforms.copies import extract_reports_once

    reports = extract_reports_once(docs, names, registry.places_table(), registry.entities_table())
    lake.write_part("report_candidates", reports, chunk.key, chunk.partition, overwrite=True)
    return reports.num_rows


class Resolved(NamedTuple):
    """What the corpus-wide stage found (counts), and what it rewrote in the lake."""

    figures: dict[str, int]
    changes: catalog.Changes


def resolve_stage(lake: Lake, full: bool = False) -> Resolved:
    """Corpus-wide: discover unknown recurring names, then merge reports into events.

    Reads no text and no mention: discovery streams the chunks' name candidates, and merging
    needs the reports and each document's date and outlet. New reports are merged with the
    events of their date and place windows only (``remerge_events``); ``full``, or a changed
    gazetteer or registry, merges every report again. Its changes name the corpus-wide tables
    it rewrote with other rows, and the events whose rows it rewrote.
    """
    from warehouse.reference import load_registry

    registry = load_registry(cache_dir=CACHE_DIR)
    changes = catalog.Changes()
    entities, found, same_reference = _discover(lake, registry, changes)
    merge_all = full or not same_reference
    figures = _merge(lake, registry.places_table(), entities, merge_all, changes)
    figures["discovered_mentions"] = found.num_rows
    figures["discovered_entities"] = entities.num_rows - registry.entities_table().num_rows
    return Resolved(figures, changes)


def _discover(
    lake: Lake, registry: Any, changes: catalog.Changes
) -> tuple[pa.Table, pa.Table, bool]:
    """Entities (the registry's and those discovered) and the discovered mentions, written to
    the lake; whether the gazetteer and the registry are those of the last merge."""
    from transforms.entities import discover

    places, known_entities = registry.places_table(), registry.entities_table()
    before = {
        "entities": lake.read("entities", schemas.ENTITIES),
        "places": lake.read("places", schemas.PLACES),
        "mentions_discovered": lake.read("mentions_discovered", schemas.ENTITY_MENTIONS),
    }
    old_entities = before["entities"]
    same_reference = before["places"].equals(places) and old_entities.filter(
        pc.equal(old_entities.column("origin"), "registry")
    ).equals(known_entities)
    discovered, found = discover(
        lambda: lake.iter_batches("name_candidates", schemas.NAME_CANDIDATES, batch_size=50_000),
        lake.iter_batches("lower_words", schemas.LOWER_WORDS, batch_size=100_000),
        registry,
    )
    entities = pa.concat_tables([known_entities, discovered])
    now = {"entities": entities, "places": places, "mentions_discovered": found}
    for name, table in now.items():
        changed = not table.equals(before[name])
        if changed or not lake.exists(name):  # else the lake holds it already: not rewritten
            lake.write_current(name, table)
        if changed:
            changes.rewrote(name, _rows_changed(name, before[name], table))
    return entities, found, same_reference


def _rows_changed(name: str, before: pa.Table, after: pa.Table) -> list[str] | None:
    """The keys of the rows of lake table ``name`` that differ between ``before`` and
    ``after`` when the build can apply them by key (the discovered mentions: a run adds its
    new documents' and keeps the others), else None (the table is replaced whole)."""
    from transforms.rowdiff import changed_keys

    table = catalog.BY_NAME[name]
    if table.load is not None or len(table.key) != 1:  # loaded whole by the build
        return None
    try:
        return changed_keys(before, after, list(table.key), table.key[0]).to_pylist()
    except ValueError:  # keys repeat: no row-by-row account
        return None


# The merge's outputs in the lake, in MergeResult order.
MERGED = tuple((t.name, t.schema) for t in catalog.loaded(catalog.KEYED))


def _merge(
    lake: Lake, places: pa.Table, entities: pa.Table, merge_all: bool, changes: catalog.Changes
) -> dict[str, int]:
    """Reports merged into events (all of them, or the new ones into the events they meet),
    written to the lake; the events' counts and how the merge went.

    What is held at once is kept small, in this order: the candidates without their quotes
    (most of a report's bytes; the merge never reads them) and the previous reports' window
    columns, then the merge of the reports merged again, then the previous result (read once
    that merge is done), and the quotes last, put back on the report rows."""
    from transforms.events import merge_events
    from transforms.events.dedup import MergeResult, quoted
    from transforms.events.remerge import WINDOW_COLUMNS, remerge_later

    docs = lake.read("documents", schemas.DOCUMENTS, ["doc_id", "published_date", "source"])
    unquoted = [c for c in schemas.EVENT_REPORTS.names if c != "quote"]
    candidates = lake.read("report_candidates", schemas.EVENT_REPORTS, unquoted)
    events_before = lake.read("events", schemas.EVENTS, ["event_id", "n_reports", "n_documents"])

    def previous() -> MergeResult:  # the previous reports without their quotes
        return MergeResult(
            *(
                lake.read(name, schema, unquoted if name == "event_reports" else None)
                for name, schema in MERGED
            )
        )

    if merge_all:
        merged = merge_events(candidates, docs, places, entities)
        figures = {"remerged_reports": candidates.num_rows, "full_merge": 1}
        rewritten = None
    else:
        known = lake.read("event_reports", schemas.EVENT_REPORTS, WINDOW_COLUMNS)
        merged, how, rewritten = remerge_later(candidates, known, previous, docs, places, entities)
        del known
        figures = {"remerged_reports": how["remerged_reports"], "full_merge": how["full"]}
    del candidates, docs
    pa.default_memory_pool().release_unused()
    quotes = lake.read("report_candidates", schemas.EVENT_REPORTS, ["report_id", "quote"])
    merged = merged._replace(reports=quoted(merged.reports, quotes))
    del quotes
    for k, ((name, _schema), table) in enumerate(zip(MERGED, merged, strict=True)):
        lake.write_current(name, table)
        changes.rewrote(name, None if rewritten is None else rewritten[k].to_pylist())
    counts = _event_counts(events_before, merged.events)
    del merged
    # Arrow's allocator keeps freed buffers for reuse; the build's DuckDB cannot use them
    pa.default_memory_pool().release_unused()
    return {**counts, **figures}


def _event_counts(before: pa.Table, after: pa.Table) -> dict[str, int]:
    """Events in all, new, and updated (their count of reports or documents changed)."""

    def sizes(events: pa.Table) -> dict[str, tuple[int, int]]:
        cols = ("event_id", "n_reports", "n_documents")
        ids, reports, documents = (events.column(c).to_pylist() for c in cols)
        return dict(zip(ids, zip(reports, documents, strict=True), strict=True))

    old, now = sizes(before), sizes(after)
    return {
        "events_total": len(now),
        "events_new": sum(1 for e in now if e not in old),
        "events_updated": sum(1 for e, size in now.items() if e in old and old[e] != size),
    }


class Extracted(NamedTuple):
    """What extracting one chunk wrote, and the CPU seconds of its two steps."""

    mentions: int
    reports: int
    mentions_cpu: float
    reports_cpu: float


def extract_chunk(lake: Lake, chunk: Chunk) -> Extracted:
    """Mentions then attack reports of one chunk."""
    from warehouse.reference import load_registry

    t0 = time.process_time()
    registry = load_registry(cache_dir=CACHE_DIR)
    docs = lake.read_part("documents", chunk.key, chunk.partition, schemas.DOCUMENTS)
    names = mentions_stage(lake, chunk, docs, registry)
    t1 = time.process_time()
    reports = reports_stage(lake, chunk, docs, registry, names)
    return Extracted(names.mentions.num_rows, reports, t1 - t0, time.process_time() - t1)


def extracted_changes(lake: Lake, chunks: list[Chunk]) -> catalog.Changes:
    """The part files extracting ``chunks`` wrote (each chunk's part of every chunk output)."""
    changes = catalog.Changes()
    for chunk in chunks:
        for table in CHUNK_OUTPUTS:
            changes.wrote(table, lake.part_path(table, chunk.key, chunk.partition or None))
    return changes


def extract_chunks(lake: Lake, chunks: list[Chunk], workers: int) -> list[tuple[Chunk, Extracted]]:
    """Extract every chunk, on ``workers`` local processes when there is more than one chunk
    and at least ``POOL_MIN_DOCUMENTS`` documents in all (fewer are extracted inline).

    Workers are plain processes (spawned: the parent runs server threads, which fork would
    copy half-locked) that import only the stages, not Prefect; each loads the registry once.
    """
    if workers <= 1 or len(chunks) <= 1 or sum(c.rows for c in chunks) < POOL_MIN_DOCUMENTS:
        return [(c, extract_chunk(lake, c)) for c in progress.track(chunks, "extract")]
    pool = lifeline.worker_pool(min(workers, len(chunks)))
    try:
        futures = {pool.submit(extract_chunk, lake, c): c for c in chunks}
        done = progress.track(as_completed(futures), "extract", total=len(futures))
        return [(futures[f], f.result()) for f in done]
    except BaseException:
        # Interrupted (Ctrl-C; SIGTERM, which Prefect raises as TerminationSignal): stop the
        # workers now rather than after their chunks (minutes). A chunk half done is found
        # again by the next run (``pending_chunks`` keys on the chunk's outputs).
        lifeline.terminate_workers(pool)
        raise
    finally:
        # Not waited for: a worker's exit frees its Registry object by object (seconds under
        # load), time the merge can use; the executor reaps the workers as they go.
        pool.shutdown(wait=False, cancel_futures=True)
