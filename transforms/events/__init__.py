"""Attack events: per-document report extraction and corpus-wide deduplication.

Public API (called by the flows):

- ``extract_reports(documents, mentions, places, entities) -> pa.Table`` (EVENT_REPORTS rows,
  event_id null; per-document work, safe to run chunk by chunk).
- ``merge_events(reports, documents, places, entities) -> MergeResult`` (over all reports:
  reports with event_id, events, merges, conflicts).
- ``evaluate(...)`` in ``transforms.events.evaluate`` scores against a gold annotation.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pyarrow as pa

from transforms import schemas
from transforms.events.dedup import MergeResult, merge_events
from transforms.events.extract import Mention, extract_document

__all__ = ["MergeResult", "extract_reports", "merge_events", "place_index"]


def _records(df: pd.DataFrame | pa.Table | None) -> list[dict[str, Any]]:
    if df is None:
        return []
    if isinstance(df, pa.Table):
        return df.to_pylist()
    return df.to_dict("records")


def _clean(v: Any) -> Any:
    """pandas NaN/NaT/None -> None; Timestamps -> date."""
    if v is None:
        return None
    if isinstance(v, pd.Timestamp):
        return None if pd.isna(v) else v.date()
    if isinstance(v, float) and v != v:
        return None
    if v is pd.NaT:
        return None
    return v


def place_index(places: pd.DataFrame | pa.Table | None) -> dict[str, dict]:
    """place_id -> row; also ``gov:<admin1>`` -> the governorate row (for "X province")."""
    out: dict[str, dict] = {}
    for row in _records(places):
        row = {k: _clean(v) for k, v in row.items()}
        pid = str(row["place_id"])
        row["place_id"] = pid
        out[pid] = row
        if row.get("precision") == "governorate" and row.get("admin1"):
            out.setdefault(f"gov:{row['admin1']}", row)
    return out


def extract_reports(
    documents: pd.DataFrame, mentions: pd.DataFrame, places: pd.DataFrame, entities: pd.DataFrame
) -> pa.Table:
    """EVENT_REPORTS rows (event_id null) for ``documents``; see ``extract.py`` for the rules.

    Only per-document inputs are used: the same document always gives the same reports, with
    ``report_id`` a hash of doc_id and character span.
    """
    del entities  # perpetrators come as entity_id on mentions; names are joined at merge time
    pidx = place_index(places)
    by_doc: dict[str, list[Mention]] = {}
    for m in _records(mentions):
        by_doc.setdefault(m["doc_id"], []).append(
            Mention(
                start=int(m["char_start"]),
                end=int(m["char_end"]),
                surface=m.get("surface") or "",
                entity_id=_clean(m.get("entity_id")),
                place_id=None if _clean(m.get("place_id")) is None else str(m["place_id"]),
                entity_type=_clean(m.get("entity_type")) or "",
                role=_clean(m.get("role")),
            )
        )
    rows: list[dict[str, Any]] = []
    for doc in _records(documents):
        doc = {
            "doc_id": doc["doc_id"],
            "text": doc.get("text"),
            "published_date": _clean(doc.get("published_date")),
        }
        if not isinstance(doc["published_date"], date):
            doc["published_date"] = None
        rows.extend(extract_document(doc, by_doc.get(doc["doc_id"], []), pidx))
    if not rows:
        return schemas.EVENT_REPORTS.empty_table()
    return schemas.conform(rows, schemas.EVENT_REPORTS)
