"""Fixtures of the operations tests: a small warehouse built from inline rows.

Four events: two in Aleppo governorate (one at the city, one further east), one in Nineveh
(Mosul), one without coordinates; one quote carries markup that must stay text.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from transforms import catalog, schemas
from warehouse.db import load_table
from warehouse.lake import Lake
from warehouse.storage import lake_dir

HOSTILE_QUOTE = 'A car bomb killed 5 people </script><img src="http://evil.example/x.png">'

EVENTS = [
    dict(
        event_id="e1",
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        event_date=date(2025, 3, 1),
        location="Aleppo",
        admin1="Aleppo",
        country_code="SY",
        latitude=36.2,
        longitude=37.16,
        geo_precision="1",
        perpetrator="Islamic State",
        attribution="claimed",
        killed_low=5,
        killed_best=5,
        killed_high=5,
        wounded_best=12,
        n_reports=2,
        n_documents=2,
        n_sources=2,
        has_conflict=False,
    ),
    dict(
        event_id="e2",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        event_date=date(2025, 3, 3),
        location="Al Bab",
        admin1="Aleppo",
        country_code="SY",
        latitude=36.37,
        longitude=37.52,
        geo_precision="1",
        killed_low=1,
        killed_best=2,
        killed_high=3,
        wounded_best=0,
        n_reports=1,
        n_documents=1,
        n_sources=1,
        has_conflict=True,
    ),
    dict(
        event_id="e3",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        event_date=date(2025, 3, 3),
        location="Mosul",
        admin1="Nineveh",
        country_code="IQ",
        latitude=36.34,
        longitude=43.13,
        geo_precision="1",
        killed_best=7,
        wounded_best=3,
        n_reports=1,
        n_documents=1,
        n_sources=1,
        has_conflict=False,
    ),
    dict(
        event_id="e4",
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=None,
        location=None,
        admin1="Nineveh",
        country_code="IQ",
        latitude=None,
        longitude=None,
        killed_best=0,
        n_reports=1,
        n_documents=1,
        n_sources=1,
        has_conflict=False,
    ),
]
DOCUMENTS = [
    dict(
        doc_id="d1",
        uri="https://news.example/a1",
        source="Outlet A",
        title="Bomb in Aleppo",
        published_date=date(2025, 3, 2),
    ),
    dict(
        doc_id="d2",
        uri="https://other.example/b1",
        source="Outlet B",
        title="Aleppo blast",
        published_date=date(2025, 3, 2),
    ),
    dict(
        doc_id="d3",
        uri="/inbox/c1.txt",
        source="Outlet C",
        title="Strikes",
        published_date=date(2025, 3, 4),
    ),
]
REPORTS = [
    dict(report_id="r1", event_id="e1", doc_id="d1", quote=HOSTILE_QUOTE),
    dict(report_id="r2", event_id="e1", doc_id="d2", quote="Five died in the Aleppo blast."),
    dict(report_id="r3", event_id="e2", doc_id="d1", quote="Gunmen killed two in Al Bab."),
    dict(report_id="r4", event_id="e3", doc_id="d3", quote="A drone strike on Mosul killed 7."),
    dict(report_id="r5", event_id="e4", doc_id="d3", quote="Clashes near the border."),
]
PLACES = [
    dict(
        place_id="170063",
        name="Aleppo",
        admin1="Aleppo",
        country_code="SY",
        latitude=36.2,
        longitude=37.16,
        feature_code="PPLA",
        precision="town",
    ),
    dict(
        place_id="99072",
        name="Mosul",
        admin1="Nineveh",
        country_code="IQ",
        latitude=36.34,
        longitude=43.13,
        feature_code="PPLA",
        precision="town",
    ),
    dict(
        place_id="x",
        name="Al Bab",
        admin1="Aleppo",
        country_code="SY",
        latitude=36.37,
        longitude=37.52,
        feature_code="PPL",
        precision="town",
    ),
]
RUN_ID = "20250304T100000Z-abcdef12"
RUNS = [
    dict(
        run_id=RUN_ID,
        flow_run_id="fr-1",
        started_at=datetime(2025, 3, 4, 10),
        finished_at=datetime(2025, 3, 4, 10, 1),
        status="published",
        inputs_seen=4,
        documents_loaded=3,
        documents_rejected=1,
        documents_new=2,
        events_total=4,
        events_new=3,
        events_updated=1,
    ),
]
RUN_INPUTS = [
    dict(run_id=RUN_ID, uri="/inbox/a.txt", outcome="loaded", doc_id="d1", is_new=True),
    dict(run_id=RUN_ID, uri="/inbox/b.txt", outcome="loaded", doc_id="d2", is_new=True),
    dict(run_id=RUN_ID, uri="/inbox/c.txt", outcome="loaded", doc_id="d3", is_new=False),
    dict(run_id=RUN_ID, uri="/inbox/empty.txt", outcome="rejected", reason="empty", is_new=False),
]
REJECTED = [
    dict(uri="/inbox/empty.txt", reason="empty", detail="no text after cleaning", run_id=RUN_ID)
]

ROWS = {
    "events": EVENTS,
    "documents": DOCUMENTS,
    "event_reports": REPORTS,
    "places": PLACES,
    "runs": RUNS,
    "run_inputs": RUN_INPUTS,
    "rejected_documents": REJECTED,
}


def write_lake(root: Path) -> Lake:
    lake = Lake(root)
    for name, rows in ROWS.items():
        lake.write_current(name, schemas.conform(rows, catalog.TABLES[name]))
    return lake


def build_small_warehouse(directory: Path) -> Path:
    """The warehouse at ``directory/sitrep.duckdb`` and its lake, ``directory/sitrep.lake``.

    Tables only, no SQL models: these tests must not depend on other packages' marts.
    """
    path = directory / "sitrep.duckdb"
    lake = write_lake(lake_dir(path))
    with duckdb.connect(str(path)) as con:
        for name, schema in catalog.TABLES.items():
            load_table(con, name, lake, schema)
        con.execute("CHECKPOINT")
    return path


@pytest.fixture
def small_warehouse(tmp_path: Path) -> Path:
    """The small warehouse (tables only) at ``tmp_path/sitrep.duckdb``, its lake beside it."""
    return build_small_warehouse(tmp_path)


@pytest.fixture
def small_run_id() -> str:
    return RUN_ID
