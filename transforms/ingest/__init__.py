"""Ingestion: raw inputs to documents, every input accounted for (loaded or rejected with why)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa

from transforms import schemas
from transforms.ingest.document import DEFAULT_MAX_BYTES, Document, RawInput, ingest
from transforms.ingest.errors import REASONS, Rejected
from transforms.ingest.outlets import Outlets

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REASONS",
    "Ingested",
    "Outlets",
    "RawInput",
    "Rejected",
    "ingest",
    "ingest_batch",
    "input_sha256",
]


@dataclass
class Ingested:
    """A batch's outputs: documents (distinct doc_id), rejections, and the per-input ledger."""

    documents: pa.Table
    rejected: pa.Table
    ledger: pa.Table


def input_sha256(raw: RawInput) -> str:
    """The hash of an input's bytes (its text when it came as text): with its uri, its identity
    across runs."""
    payload = raw.data if raw.data is not None else (raw.text or "").encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def _rejection(raw: RawInput, rej: Rejected, sha: str, run_id: str, now: datetime) -> dict:
    """The ``rejected_documents`` row of an input rejected by run ``run_id``."""
    return {
        "uri": raw.uri,
        "reason": rej.reason,
        "detail": rej.detail,
        "n_bytes": raw.n_bytes,
        "content_sha256": sha,
        "run_id": run_id,
        "rejected_at": now,
    }


def _documents(docs: Iterable[Document], run_id: str, now: datetime) -> pa.Table:
    """The ``documents`` rows of ``docs``, ingested by run ``run_id`` at ``now``."""
    rows = [
        {
            "doc_id": d.doc_id,
            "external_id": d.external_id,
            "uri": d.uri,
            "source": d.source,
            "source_method": d.source_method,
            "wire": d.wire,
            "title": d.title,
            "published_date": d.published_date,
            "published_date_method": d.published_date_method,
            "caption": d.caption,
            "text": d.text,
            "n_chars": d.n_chars,
            "encoding": d.encoding,
            "ingested_at": now,
            "run_id": run_id,
        }
        for d in docs
    ]
    return schemas.conform(rows, schemas.DOCUMENTS)


def ingest_batch(
    raws: Iterable[RawInput],
    outlets: Outlets,
    run_id: str,
    now: datetime,
    known_doc_ids: frozenset[str] = frozenset(),
    max_bytes: int = DEFAULT_MAX_BYTES,
    known_inputs: dict[tuple[str, str], tuple[str | None, str | None]] | None = None,
) -> Ingested:
    """Ingest every input; a document already known (or seen earlier in the batch) is not new.

    ``known_inputs`` maps (uri, content hash) of inputs seen by earlier runs to their
    (doc_id, rejection reason): such an input, unchanged, is recorded without being cleaned
    again. ``documents`` holds only new documents; ``ledger`` holds one row per input.
    """
    known_inputs = known_inputs or {}
    docs: dict[str, Document] = {}
    rejected: list[dict] = []
    ledger: list[dict] = []

    def record(raw: RawInput, sha: str, doc_id: str | None, reason: str | None, new: bool):
        ledger.append(
            {
                "run_id": run_id,
                "uri": raw.uri,
                "doc_id": doc_id,
                "reason": reason,
                "outcome": "rejected" if reason else "loaded",
                "is_new": new,
                "content_sha256": sha,
            }
        )

    for raw in raws:
        sha = input_sha256(raw)
        seen = known_inputs.get((raw.uri, sha))
        if seen is not None and (seen[1] or seen[0] in known_doc_ids):
            record(raw, sha, seen[0], seen[1], False)
            continue
        try:
            doc = ingest(raw, outlets, max_bytes)
        except Rejected as rej:
            rejected.append(_rejection(raw, rej, sha, run_id, now))
            record(raw, sha, None, rej.reason, False)
            continue
        is_new = doc.doc_id not in known_doc_ids and doc.doc_id not in docs
        if is_new:
            docs[doc.doc_id] = doc
        record(raw, sha, doc.doc_id, None, is_new)
    return Ingested(
        documents=_documents(docs.values(), run_id, now),
        rejected=schemas.conform(rejected, schemas.REJECTED_DOCUMENTS),
        ledger=schemas.conform(ledger, schemas.RUN_INPUTS),
    )
