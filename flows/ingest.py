"""The ingest stage: every input read, new documents written to the lake by month, every input
recorded in the run's ledger. Plain functions, no Prefect (see ``flows/stages.py``)."""

from __future__ import annotations

import collections
import functools
import itertools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

import pyarrow as pa
import pyarrow.compute as pc

from flows import lifeline, progress
from flows.quick_check import file_stats, last_listed, stats_table, unchanged_ledger
from flows.settings import RunSettings
from transforms import catalog, schemas
from transforms.ingest import REASONS, Ingested, RawInput, ingest_batch, input_sha256
from transforms.ingest.fields import Fields, parse_overrides
from warehouse.inputs import file_inputs, input_files
from warehouse.lake import Lake, content_key
from warehouse.outlets import load_outlets

log = logging.getLogger("sitrep")

UNDATED = "unknown"  # the month partition of documents without a publication date
T = TypeVar("T")


@dataclass
class IngestSummary:
    run_id: str
    inputs_seen: int = 0
    documents_loaded: int = 0
    documents_rejected: int = 0
    documents_new: int = 0
    rejections_new: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (uri, reason, detail)
    changes: catalog.Changes = field(default_factory=catalog.Changes)  # the parts written


def _month(d: object) -> str:
    return f"month={d:%Y-%m}" if d is not None else f"month={UNDATED}"


def _known_inputs(
    lake: Lake, runs: list[str] | None
) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(uri, content hash) -> (doc_id, rejection reason) of every input the ``runs`` saw
    (None: every earlier run)."""
    if runs == []:
        return {}
    seen = lake.read(
        "run_inputs",
        schemas.RUN_INPUTS,
        ["uri", "content_sha256", "doc_id", "reason"],
        filter=None if runs is None else pc.field("run_id").isin(runs),
    )
    return {
        (u, h): (d, r)
        for u, h, d, r in zip(*(seen.column(c).to_pylist() for c in seen.column_names), strict=True)
        if h is not None
    }


def ingest_stage(
    lake: Lake, settings: RunSettings, run_id: str, now: datetime, workers: int = 1
) -> IngestSummary:
    """Read every input, write new documents (by month, in chunks) and the run's ledger.

    An input an earlier run saw, unchanged (same uri and bytes), is recorded, not cleaned again;
    a file unchanged since a run that listed it (same size and modification time) is not even
    read: its inputs' ledger rows are that run's (``flows/quick_check.py``). Batches of
    ``settings.chunk_size`` inputs are cleaned on ``workers`` spawned processes, a few batches
    ahead of the writer; results are written in input order, so which copy of a
    duplicate is kept does not depend on the workers.
    """
    known = set(lake.read("documents", schemas.DOCUMENTS, ["doc_id"]).column("doc_id").to_pylist())
    listing = list(input_files(list(settings.inputs)))
    fields = Fields(parse_overrides(settings.fields))
    stats = file_stats(listing, fields.key)
    listed = lake.read("input_files", schemas.INPUT_FILES)
    skip: set[str] = set()
    if settings.quick_check:
        skip, unchanged = unchanged_ledger(lake, listed, stats, run_id, known)
    known_inputs = _known_inputs(lake, _ledgers_to_consult(settings, lake, listed, stats, skip))
    known_rejections = _known_rejections(lake, known_inputs)
    summary = IngestSummary(run_id)
    first = 0  # the number of this run's first ledger part of read inputs
    if skip:
        first = _record_unchanged(lake, summary, unchanged, settings.chunk_size)
        log.info("%d input file(s) unchanged: %d inputs not read", len(skip), unchanged.num_rows)
    # Counted as each batch is cleaned and written (inside a WARC crawl or a feed too: a crawl's
    # size is not known up front); counting reads would stop while the last batches are cleaned.
    inputs = _read(listing, skip, settings.max_bytes, fields)
    batches = (
        _ingest_job(batch, known, known_inputs, run_id, now, settings.max_bytes)
        for batch in iter(lambda: list(itertools.islice(inputs, settings.chunk_size)), [])
    )
    with progress.counter("ingest: inputs") as advance:
        for batch_no, result in enumerate(_in_order(_ingest_part, batches, workers), first):
            args = (lake, summary, result, known, known_rejections)
            advance(_record_batch(*args, part=f"{run_id}-{batch_no:05d}", batch_no=batch_no))
    # Last: a file is listed as read only once its whole ledger is written (a killed run
    # leaves no record, and the next run reads the file again).
    path = lake.write_part("input_files", stats_table(run_id, stats), run_id, overwrite=True)
    summary.changes.wrote("input_files", path)
    return summary


def _record_unchanged(lake: Lake, summary: IngestSummary, unchanged: pa.Table, size: int) -> int:
    """The ledger rows of inputs in unchanged files, as this run's first parts (``size`` rows
    each); the number of parts written."""
    parts = 0
    for start in range(0, unchanged.num_rows, size):
        part = unchanged.slice(start, size)
        path = lake.write_part("run_inputs", part, f"{summary.run_id}-{parts:05d}")
        summary.changes.wrote("run_inputs", path)
        _account(summary, part, {})
        parts += 1
    return parts


def _known_rejections(lake: Lake, known_inputs: dict) -> set[tuple[str, str]]:
    """(uri, content hash) of every input rejected before."""
    known = {k for k, (_doc, reason) in known_inputs.items() if reason}
    old = lake.read("rejected_documents", schemas.REJECTED_DOCUMENTS, ["uri", "content_sha256"])
    known.update(
        zip(old.column("uri").to_pylist(), old.column("content_sha256").to_pylist(), strict=True)
    )
    return known


def _record_batch(
    lake: Lake,
    summary: IngestSummary,
    result: Ingested,
    known: set[str],
    known_rejections: set,
    part: str,
    batch_no: int,
) -> int:
    """Write one cleaned batch: its new documents (by month), its new rejections and its
    ledger part ``part``; count it into ``summary``. Returns the batch's number of inputs."""
    docs, ledger = _only_new(result, known)
    months = [_month(d) for d in docs.column("published_date").to_pylist()]
    for month in sorted(set(months)):
        chunk = docs.filter(pa.array([m == month for m in months]))
        key = content_key(chunk.column("doc_id").to_pylist())
        summary.changes.wrote("documents", lake.write_part("documents", chunk, key, month))
    rej = result.rejected
    pairs = list(
        zip(rej.column("uri").to_pylist(), rej.column("content_sha256").to_pylist(), strict=True)
    )
    fresh = [p not in known_rejections for p in pairs]
    summary.rejections_new += sum(fresh)
    if any(fresh):
        path = lake.write_part(
            "rejected_documents",
            rej.filter(pa.array(fresh)),
            content_key(f"{u}\0{s}" for u, s in pairs),
        )
        summary.changes.wrote("rejected_documents", path)
        known_rejections.update(pairs)
    summary.changes.wrote("run_inputs", lake.write_part("run_inputs", ledger, part))
    details = dict(
        zip(rej.column("uri").to_pylist(), rej.column("detail").to_pylist(), strict=True)
    )
    rejected = _account(summary, ledger, details)
    summary.documents_new += docs.num_rows
    log.info(
        "ingested batch %d: %d inputs, %d new documents, %d rejected",
        batch_no,
        ledger.num_rows,
        docs.num_rows,
        rejected,
    )
    return ledger.num_rows


def _ledgers_to_consult(
    settings: RunSettings,
    lake: Lake,
    listed: pa.Table,
    stats: dict[str, tuple[int, int, str]],
    skip: set[str],
) -> list[str] | None:
    """The runs whose ledgers can know the inputs this run reads (None: every run's).

    With the quick check, the last run that listed each file to read (in an earlier state):
    its ledger holds the file's inputs as they were, and a file no run listed has inputs no
    run saw. Reading every ledger would cost every run more than the one before. A lake from
    before ``input_files`` existed, or ``--rehash``, consults every ledger.
    """
    if not settings.quick_check or (listed.num_rows == 0 and lake.exists("run_inputs")):
        return None
    to_read = {p: v for p, v in stats.items() if p not in skip}
    return sorted(set(last_listed(listed, to_read, same=False).values()))


def _read(listing: list, skip: set[str], max_bytes: int, fields: Fields) -> Iterator[RawInput]:
    """The inputs of the listed files, but those of files in ``skip``."""
    for item in listing:
        if isinstance(item, RawInput):
            yield item
        elif str(item) not in skip:
            yield from file_inputs(item, max_bytes, fields)


def _account(summary: IngestSummary, ledger: pa.Table, details: dict[str, str]) -> int:
    """Count a ledger part into the run's summary; the part's rejected inputs."""
    outcomes = ledger.column("outcome").to_pylist()
    for uri, reason in zip(
        ledger.column("uri").to_pylist(), ledger.column("reason").to_pylist(), strict=True
    ):
        if reason:
            summary.reasons[reason] += 1
            summary.rejected.append((uri, reason, details.get(uri) or REASONS[reason]))
    summary.inputs_seen += len(outcomes)
    summary.documents_loaded += outcomes.count("loaded")
    summary.documents_rejected += outcomes.count("rejected")
    return outcomes.count("rejected")


def _ingest_job(
    batch: list, known: set[str], known_inputs: dict, run_id: str, now: datetime, max_bytes: int
) -> tuple[bool, tuple]:
    """(light, arguments of ``_ingest_part``) for one batch: light when every input is one an
    earlier run saw unchanged (only recorded, nothing to clean). A job carries only its own
    share of the known sets: a worker never receives the corpus's ids."""
    seen = {}
    for raw in batch:
        k = (raw.uri, input_sha256(raw))
        if k in known_inputs:
            seen[k] = known_inputs[k]
    ids = frozenset(d for d, _r in seen.values() if d in known)
    light = len(seen) == len(batch) and all(r or d in ids for d, r in seen.values())
    return light, (batch, seen, ids, run_id, now, max_bytes)


@functools.cache
def _outlets() -> object:
    return load_outlets()


def _ingest_part(
    batch: list, seen: dict, ids: frozenset[str], run_id: str, now: datetime, max_bytes: int
) -> Ingested:
    """Clean one batch of inputs (in a worker process, or inline)."""
    return ingest_batch(batch, _outlets(), run_id, now, ids, max_bytes, seen)


def _only_new(result: Ingested, known: set[str]) -> tuple[pa.Table, pa.Table]:
    """(documents, ledger) of a batch: the documents no earlier batch or run holds, and the
    ledger's ``is_new`` made to agree. ``known`` is updated."""
    docs, ledger = result.documents, result.ledger
    ids = docs.column("doc_id").to_pylist()
    fresh = [d not in known for d in ids]
    if not all(fresh):
        docs = docs.filter(pa.array(fresh))
        flags = ledger.column("is_new").to_pylist()
        doc_ids = ledger.column("doc_id").to_pylist()
        is_new = [bool(n) and d not in known for n, d in zip(flags, doc_ids, strict=True)]
        i = ledger.schema.get_field_index("is_new")
        ledger = ledger.set_column(i, ledger.schema.field(i), pa.array(is_new, pa.bool_()))
    known.update(ids)
    return docs, ledger


def _in_order(
    fn: Callable[..., T], jobs: Iterable[tuple[bool, tuple]], workers: int
) -> Iterator[T]:
    """``fn(*args)`` for each (light, args) job, in job order. Heavy jobs run on ``workers``
    spawned processes, at most ``workers + 1`` in flight (memory stays a few batches); light
    jobs, and a lone heavy job at the end, run inline: no pool is started for them."""
    jobs = iter(jobs)
    pool: ProcessPoolExecutor | None = None
    flight: collections.deque = collections.deque()
    job = next(jobs, None)
    try:
        while job is not None:
            (light, args), job = job, next(jobs, None)
            if light or workers <= 1 or (pool is None and job is None):
                while flight:
                    yield flight.popleft().result()
                yield fn(*args)
                continue
            if pool is None:
                pool = lifeline.worker_pool(workers)  # none outlives the run
            flight.append(pool.submit(fn, *args))
            if len(flight) > workers:
                yield flight.popleft().result()
        while flight:
            yield flight.popleft().result()
    finally:
        if pool is not None:  # not waited for: the workers' exit overlaps the next stage
            pool.shutdown(wait=False, cancel_futures=True)
