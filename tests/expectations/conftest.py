"""A small, valid warehouse built from inline tables through the real lake and DuckDB build."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from transforms import catalog, schemas
from warehouse.db import LAKE_SOURCES, build_database
from warehouse.lake import Lake

TEXT = "On Monday gunmen killed two soldiers near Mayadin. Islamic State claimed the attack."
QUOTE = "On Monday gunmen killed two soldiers near Mayadin."
RUN = "20260301T000000Z-abcd1234"
NOW = datetime(2026, 3, 1, 12, 0)


def clean_tables() -> dict[str, list[dict]]:
    """One run, two documents, one event reported twice: every expectation holds."""
    docs = [
        {
            "doc_id": f"d{i}",
            "external_id": None,
            "uri": f"file:///a{i}.txt",
            "source": "Reuters",
            "source_method": "dateline",
            "wire": None,
            "title": "t",
            "published_date": date(2026, 2, 24),
            "published_date_method": "header",
            "caption": None,
            "text": TEXT,
            "n_chars": len(TEXT),
            "encoding": "utf-8",
            "ingested_at": NOW,
            "run_id": RUN,
        }
        for i in (1, 2)
    ]
    places = [
        {
            "place_id": "p1",
            "name": "Mayadin",
            "admin1": "Deir ez-Zor",
            "admin2": None,
            "country_code": "SY",
            "latitude": 35.02,
            "longitude": 40.45,
            "feature_code": "PPL",
            "precision": "town",
        },
        {
            "place_id": "p2",
            "name": "Deir ez-Zor",
            "admin1": "Deir ez-Zor",
            "admin2": None,
            "country_code": "SY",
            "latitude": 35.33,
            "longitude": 40.14,
            "feature_code": "PPLA",
            "precision": "town",
        },
        {
            "place_id": "p3",
            "name": "Abu Kamal",
            "admin1": "Deir ez-Zor",
            "admin2": None,
            "country_code": "SY",
            "latitude": 34.45,
            "longitude": 40.92,
            "feature_code": "PPL",
            "precision": "town",
        },
    ]
    entities = [
        {
            "entity_id": "ent:is",
            "canonical_name": "Islamic State",
            "entity_type": "armed_group",
            "aliases": ["IS"],
            "origin": "registry",
            "wikidata_id": None,
            "valid_from": None,
            "valid_to": None,
        }
    ]
    start = TEXT.index("Islamic State")
    mentions = [
        {
            "mention_id": f"m{i}",
            "doc_id": f"d{i}",
            "field": "text",
            "sentence_no": 1,
            "char_start": start,
            "char_end": start + len("Islamic State"),
            "surface": "Islamic State",
            "entity_id": "ent:is",
            "place_id": None,
            "entity_type": "armed_group",
            "match_method": "exact",
            "score": 1.0,
        }
        for i in (1, 2)
    ]
    coding = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "event_date": date(2026, 2, 23),
        "date_precision": "day",
        "place_id": "p1",
        "admin1": "Deir ez-Zor",
        "perpetrator_id": "ent:is",
        "attribution": "claimed",
        "target": "military",
        "weapon": "firearms",
        "killed_low": 2,
        "killed_best": 2,
        "killed_high": 2,
        "wounded_low": 0,
        "wounded_best": 0,
        "wounded_high": None,
    }
    reports = [
        {
            "report_id": f"r{i}",
            "event_id": "e1",
            "doc_id": f"d{i}",
            "sentence_no": 0,
            "char_start": 0,
            "char_end": len(QUOTE),
            "quote": QUOTE,
            "date_method": "relative",
            "location_text": "Mayadin",
            "confidence": 0.9,
            **coding,
        }
        for i in (1, 2)
    ]
    events = [
        {
            "event_id": "e1",
            "location": "Mayadin",
            "country_code": "SY",
            "latitude": 35.02,
            "longitude": 40.45,
            "geo_precision": "1",
            "perpetrator": "Islamic State",
            "n_reports": 2,
            "n_documents": 2,
            "n_sources": 1,
            "first_reported": date(2026, 2, 24),
            "last_reported": date(2026, 2, 24),
            "has_conflict": False,
            **coding,
        }
    ]
    merges = [{"event_id": "e1", "report_id": "r2", "merged_with": "r1", "reason": "same day"}]
    runs = [
        {
            "run_id": RUN,
            "flow_run_id": "",
            "started_at": NOW,
            "finished_at": NOW,
            "status": "published",
            "inputs_seen": 3,
            "documents_loaded": 2,
            "documents_rejected": 1,
            "documents_new": 2,
            "events_total": 1,
            "events_new": 1,
            "events_updated": 0,
        }
    ]
    run_inputs = [
        {
            "run_id": RUN,
            "uri": f"file:///a{i}.txt",
            "outcome": "loaded",
            "doc_id": f"d{i}",
            "reason": None,
            "is_new": True,
        }
        for i in (1, 2)
    ] + [
        {
            "run_id": RUN,
            "uri": "file:///b.bin",
            "outcome": "rejected",
            "doc_id": None,
            "reason": "binary",
            "is_new": True,
        }
    ]
    rejected = [
        {
            "uri": "file:///b.bin",
            "reason": "binary",
            "detail": "NUL bytes",
            "n_bytes": 10,
            "content_sha256": "ff",
            "run_id": RUN,
            "rejected_at": NOW,
        }
    ]
    return {
        "documents": docs, "places": places, "entities": entities, "entity_mentions": mentions,
        "event_reports": reports, "events": events, "event_merges": merges, "runs": runs,
        "run_inputs": run_inputs, "rejected_documents": rejected,
    }  # fmt: skip


def write_lake(root: Path, tables: dict[str, list[dict]]) -> Lake:
    """Each warehouse table's rows in the lake table it is built from (its first source)."""
    lake = Lake(root)
    for name, rows in tables.items():
        source = LAKE_SOURCES.get(name, (name,))[0]
        lake.write_current(source, schemas.conform(rows, catalog.TABLES[name]))
    return lake


def build(tmp_path: Path, tables: dict[str, list[dict]], name: str = "wh.duckdb") -> Path:
    """A warehouse file built by the real builder from ``tables`` (others empty)."""
    db = tmp_path / name
    build_database(db, write_lake(tmp_path / f"lake-{name}", tables))
    return db


@pytest.fixture
def tables() -> dict[str, list[dict]]:
    """Fresh clean tables for a test to corrupt."""
    return clean_tables()


@pytest.fixture
def build_warehouse(tmp_path: Path):
    """``build_warehouse(tables, name="wh.duckdb") -> Path`` under the test's tmp_path."""

    def make(tables: dict[str, list[dict]], name: str = "wh.duckdb") -> Path:
        return build(tmp_path, tables, name)

    return make
