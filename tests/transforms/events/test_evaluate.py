"""The scorer: matching, precision/recall, field accuracy, B-cubed and not-event violations."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from transforms.events import evaluate as scoring
from transforms.events.evaluate import fold


def evaluate(gold: dict, events: list[dict], reports: list[dict], docs: dict) -> dict:
    """The scorer on Arrow tables of these rows (what a merge returns)."""
    return scoring.evaluate(gold, pa.Table.from_pylist(events), pa.Table.from_pylist(reports), docs)


GOLD = {
    "events": [
        {
            "id": "a",
            "event_date": "2026-02-21",
            "date_precision": "day",
            "location": "Mayadin",
            "place_names": ["Mayadin", "Al Mayadin"],
            "admin1": "Deir ez-Zor",
            "perpetrator": "Islamic State",
            "attribution": "claimed",
            "event_type": "Battles",
            "weapon": "firearms",
            "target": "military",
            "killed_low": 0,
            "killed_high": 2,
            "documents": ["000", "001"],
        },
        {
            "id": "b",
            "event_date": "2025-12-01",
            "date_precision": "month",
            "location": "Palmyra",
            "place_names": ["Palmyra", "Tadmur"],
            "admin1": "Homs",
            "perpetrator": None,
            "attribution": "unattributed",
            "event_type": "Battles",
            "weapon": "unknown",
            "target": None,
            "killed_low": 3,
            "killed_high": 3,
            "documents": ["000"],
        },
    ],
    "not_events": [{"doc": "001", "quote": "six attacks since the fall", "why": "aggregate"}],
}
DOCS = {"000": "d0", "001": "d1"}


def ev(eid, day, loc, admin1, perp="Islamic State", killed=(0, 2), precision="day"):
    return {
        "event_id": eid,
        "event_date": day,
        "date_precision": precision,
        "location": loc,
        "admin1": admin1,
        "perpetrator": perp,
        "attribution": "claimed" if perp else "unattributed",
        "event_type": "Battles",
        "weapon": "firearms" if perp else "unknown",
        "target": "military" if perp else None,
        "killed_low": killed[0],
        "killed_high": killed[1],
    }


def rep(eid, doc, quote="q"):
    return {"event_id": eid, "doc_id": doc, "quote": quote}


def test_perfect():
    events = [
        ev("x", date(2026, 2, 21), "Al Mayādīn", "Deir ez-Zor"),
        ev("y", date(2025, 12, 1), "Tadmur", "Homs", perp=None, killed=(3, 3), precision="month"),
    ]
    reports = [rep("x", "d0"), rep("x", "d1"), rep("y", "d0")]
    s = evaluate(GOLD, events, reports, DOCS)
    assert (s["event_precision"], s["event_recall"], s["bcubed_f1"]) == (1.0, 1.0, 1.0)
    assert all(v == 1.0 for v in s["field_accuracy"].values())


def test_split_event_costs_bcubed_and_precision():
    events = [
        ev("x", date(2026, 2, 21), "Mayadin", "Deir ez-Zor"),
        ev("x2", date(2026, 2, 21), "Mayadin", "Deir ez-Zor"),
        ev("z", date(2026, 1, 5), "Raqqa", "Ar-Raqqah"),
    ]
    reports = [rep("x", "d0"), rep("x2", "d1"), rep("z", "d1", "six attacks since the fall")]
    s = evaluate(GOLD, events, reports, DOCS)
    assert s["matched"] == 1 and s["event_recall"] == 0.5
    assert s["event_precision"] == pytest.approx(1 / 3)
    assert s["bcubed_recall"] < 1.0 and s["bcubed_precision"] == 1.0
    assert s["field_accuracy"]["documents"] == 0.0
    assert [v["why"] for v in s["not_event_violations"]] == ["aggregate"]


def test_coarser_date_holding_the_day_matches_but_is_not_exact():
    events = [ev("x", date(2026, 2, 23), "Mayadin", "Deir ez-Zor", precision="week")]
    s = evaluate(GOLD, events, [rep("x", "d0"), rep("x", "d1")], DOCS)
    assert s["matched"] == 1 and s["field_accuracy"]["event_date"] == 0.0


def test_wrong_date_does_not_match():
    events = [ev("x", date(2026, 2, 20), "Mayadin", "Deir ez-Zor")]
    s = evaluate(GOLD, events, [rep("x", "d0")], DOCS)
    assert s["matched"] == 0


@pytest.mark.parametrize(("a", "b"), [("Al Mayādīn", "Mayadin"), ("Deir ez-Zor", "Deir-ez Zor")])
def test_fold(a, b):
    assert fold(a) == fold(b)


def test_gold_file_is_well_formed():
    gold = json.loads(
        (Path(__file__).resolve().parents[2] / "gold" / "events_gold.json").read_text()
    )
    keys = set(gold["documents"])
    for e in gold["events"]:
        assert set(e["documents"]) <= keys
        assert e["date_precision"] in ("day", "month", "year")
        date.fromisoformat(e["event_date"])
    big = [e for e in gold["events"] if e["event_date"] == "2026-02-21"]
    assert len(big) == 2 and all(len(e["documents"]) >= 4 for e in big)
