"""One heavily covered story: hundreds of outlets republishing the seed articles give the events
of the five seeds alone, each counting every copy (the stages as plain functions, no Prefect)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from flows import ingest, stages
from flows.settings import RunSettings
from transforms import schemas
from warehouse.lake import Lake

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "articles"
NOW = datetime(2026, 11, 21, 12, 0)
COPIES = 60  # of each of the five seeds: 300 more documents
FEB21 = date(2026, 2, 21)


def _copies(folder: Path) -> Path:
    """Each seed again under ``COPIES`` other outlets, each copy a distinct document (its own
    sign-off), dated as the original (no publication date given: read from the text)."""
    path = folder / "republished.jsonl"
    with path.open("w") as f:
        for s, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
            text = seed.read_text()
            for k in range(COPIES):
                row = {
                    "id": f"copy-{s}-{k}",
                    "source": f"Republisher {k}",
                    "url": f"https://republisher{k}.example/{s}",
                    "published": None,
                    "text": f"{text}\n\nThis story was republished by desk number {k}.",
                    "format": "text",
                }
                f.write(json.dumps(row) + "\n")
    return path


def _events(tmp_path: Path, *inputs: Path) -> list[dict]:
    settings = RunSettings(
        inputs=tuple(map(str, inputs)), warehouse=str(tmp_path / "sitrep.duckdb"), chunk_size=100
    )
    lake = Lake(settings.lake_root)
    ingest.ingest_stage(lake, settings, "run-1", NOW, 1)
    stages.extract_chunks(lake, stages.pending_chunks(lake), 1)
    stages.resolve_stage(lake)
    merged = lake.read("event_merges", schemas.EVENT_MERGES).column("report_id").to_pylist()
    assert len(merged) == len(set(merged))  # one merge row per report at most
    events = lake.read("events", schemas.EVENTS).to_pylist()
    # two events of one day and place (a total shared by two attacks) in the order of what
    # they say, not of their ids: which one is numbered first depends on the reports' ids
    return sorted(events, key=lambda e: (str(e["event_date"]), str(e["location"]), str(_what(e))))


def _what(e: dict) -> tuple:
    return tuple(
        e[k]
        for k in ("event_date", "place_id", "event_type", "perpetrator_id", "killed_best", "weapon")
    )


def test_hundreds_of_copies_give_the_seed_events_counting_every_copy(tmp_path):
    alone = _events(tmp_path / "seeds", SEEDS)
    (tmp_path / "in").mkdir()
    heavy = _events(tmp_path / "heavy", SEEDS, _copies(tmp_path / "in"))
    assert [_what(e) for e in heavy] == [_what(e) for e in alone]
    for a, h in zip(alone, heavy, strict=True):
        assert h["n_documents"] == a["n_documents"] * (1 + COPIES)
        assert h["n_reports"] == a["n_reports"] * (1 + COPIES)
        assert h["n_sources"] == a["n_sources"] + COPIES  # every republisher, once
    feb21 = {e["location"]: e for e in heavy if e["event_date"] == FEB21}
    assert len(feb21) == 2 and {"Raqqa", "Mayadin"} == set(feb21)
    assert feb21["Mayadin"]["n_documents"] == 5 * (1 + COPIES)
    assert feb21["Raqqa"]["n_sources"] == 4 + COPIES
