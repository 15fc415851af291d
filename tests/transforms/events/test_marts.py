"""The marts SQL files, run against an in-memory DuckDB built from small inline tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from transforms import schemas

MARTS = Path(__file__).resolve().parents[3] / "warehouse" / "models" / "marts"


def event(eid, day, place, admin1, perp, attribution, killed, wounded, etype="Battles"):
    return {
        "event_id": eid,
        "event_type": etype,
        "sub_event_type": "Armed clash",
        "event_date": day,
        "date_precision": "day",
        "place_id": place and f"p_{place}",
        "location": place,
        "admin1": admin1,
        "country_code": "SY",
        "latitude": 35.0,
        "longitude": 40.0,
        "geo_precision": "1",
        "perpetrator": perp,
        "perpetrator_id": perp and f"ent:{perp}",
        "attribution": attribution,
        "target": "military",
        "weapon": "firearms",
        "killed_low": killed[0],
        "killed_best": killed[1],
        "killed_high": killed[2],
        "wounded_low": wounded[0],
        "wounded_best": wounded[1],
        "wounded_high": wounded[2],
        "n_reports": 3,
        "n_documents": 2,
        "n_sources": 2,
        "first_reported": day,
        "last_reported": day,
        "has_conflict": False,
    }


@pytest.fixture
def con():
    rows = [
        event(
            "e1",
            date(2026, 2, 21),
            "Mayadin",
            "Deir ez-Zor",
            "IS",
            "claimed",
            (0, None, 2),
            (None, None, None),
        ),
        event("e2", date(2026, 2, 21), "Raqqa", "Ar-Raqqah", "IS", "claimed", (1, 1, 1), (2, 2, 2)),
        event(
            "e3",
            date(2026, 2, 19),
            "Mayadin",
            "Deir ez-Zor",
            "IS",
            "suspected",
            (3, 3, 5),
            (1, 1, 1),
        ),
        event(
            "e4",
            date(2026, 2, 10),
            "Raqqa",
            "Ar-Raqqah",
            None,
            "unattributed",
            (2, 2, 2),
            (0, 0, 0),
        ),
        # not an attack type: never counted
        event(
            "e5",
            date(2026, 2, 10),
            "Raqqa",
            "Ar-Raqqah",
            None,
            "unattributed",
            (9, 9, 9),
            (0, 0, 0),
            etype="Strategic developments",
        ),
    ]
    c = duckdb.connect()
    c.register("events", pa.Table.from_pylist(rows, schema=schemas.EVENTS))
    yield c
    c.close()


def run(con, name):
    rel = con.sql((MARTS / f"{name}.sql").read_text())
    return [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()], rel.columns


def test_attacks_by_location(con):
    rows, cols = run(con, "attacks_by_location")
    assert cols == [
        "country_code",
        "admin1",
        "location",
        "place_id",
        "latitude",
        "longitude",
        "attacks",
        "killed",
        "wounded",
        "first_date",
        "last_date",
    ]
    by = {r["location"]: r for r in rows}
    assert by["Mayadin"]["attacks"] == 2 and by["Raqqa"]["attacks"] == 2
    assert by["Mayadin"]["killed"] == 3  # best of e3, low (0) of e1 whose split is unknown
    assert by["Raqqa"]["killed"] == 3 and by["Raqqa"]["wounded"] == 2
    assert by["Mayadin"]["first_date"] == date(2026, 2, 19)
    assert by["Mayadin"]["last_date"] == date(2026, 2, 21)


def test_attacks_by_day(con):
    rows, _ = run(con, "attacks_by_day")
    by = {r["event_date"]: r for r in rows}
    assert by[date(2026, 2, 21)]["attacks"] == 2 and by[date(2026, 2, 21)]["governorates"] == 2
    assert by[date(2026, 2, 10)]["attacks"] == 1 and by[date(2026, 2, 10)]["killed"] == 2
    assert [r["event_date"] for r in rows] == sorted(by)


def test_attacks_by_perpetrator(con):
    rows, _ = run(con, "attacks_by_perpetrator")
    by = {r["perpetrator"]: r for r in rows}
    assert (by["IS"]["attacks"], by["IS"]["claimed"], by["IS"]["suspected"]) == (3, 2, 1)
    assert by["unknown"]["attacks"] == 1 and by["unknown"]["perpetrator_id"] is None
