"""Exports: ACLED-compatible CSV, GeoJSON of events, any table as Parquet/CSV; on a small
warehouse written here (real DuckDB file, rows inline)."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime

import duckdb
import pyarrow.parquet as pq
import pytest

from transforms import schemas
from warehouse.export import UnknownTable, export_acled, export_geojson, export_table

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

BLANK_EVENT = dict.fromkeys(schemas.EVENTS.names)
EVENTS = [
    BLANK_EVENT
    | {
        "event_id": "ev_a",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Remote explosive/landmine/IED",
        "event_date": date(2026, 3, 2),
        "date_precision": "day",
        "place_id": "pl_mosul",
        "location": "Mosul",
        "admin1": "Nineveh",
        "country_code": "IQ",
        "latitude": 36.34,
        "longitude": 43.13,
        "geo_precision": "1",
        "perpetrator": "Islamic State",
        "perpetrator_id": "ent:is",
        "attribution": "claimed",
        "target": "military",
        "weapon": "ied",
        "killed_low": 2,
        "killed_best": 2,
        "killed_high": 3,
        "wounded_best": 1,
        "n_reports": 2,
        "n_documents": 2,
        "n_sources": 2,
        "first_reported": date(2026, 3, 3),
        "has_conflict": True,
    },
    BLANK_EVENT
    | {
        "event_id": "ev_b",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "event_date": None,
        "country_code": "SY",
        "target": "civilians",
        "n_reports": 1,
        "n_documents": 1,
        "n_sources": 1,
        "first_reported": date(2026, 2, 9),
        "has_conflict": False,
    },
]
REPORTS = [
    {"report_id": "r1", "event_id": "ev_a", "doc_id": "d1", "quote": "A bomb killed two soldiers."},
    {"report_id": "r2", "event_id": "ev_a", "doc_id": "d2", "quote": "Two troops died, 'IS' said."},
    {"report_id": "r3", "event_id": "ev_b", "doc_id": "d3", "quote": "Gunmen shot a farmer."},
]
DOCS = [
    ("d1", "Mosul Daily", "https://m.example/1", date(2026, 3, 3)),
    ("d2", "Reuters", "https://r.example/2", date(2026, 3, 4)),
    ("d3", None, "/in/feed.rss#I2", None),
]


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    events = schemas.conform(EVENTS, schemas.EVENTS)
    reports = schemas.conform(
        [dict.fromkeys(schemas.EVENT_REPORTS.names) | r for r in REPORTS], schemas.EVENT_REPORTS
    )
    documents = schemas.conform(
        [
            dict.fromkeys(schemas.DOCUMENTS.names)
            | {
                "doc_id": d,
                "source": s,
                "uri": u,
                "published_date": p,
                "ingested_at": datetime(2026, 3, 5, 12, 0),
            }
            for d, s, u, p in DOCS
        ],
        schemas.DOCUMENTS,
    )
    places = schemas.conform(
        [
            dict.fromkeys(schemas.PLACES.names)
            | {"place_id": "pl_mosul", "admin2": "Mosul District"}
        ],
        schemas.PLACES,
    )
    entities = schemas.conform(
        [
            dict.fromkeys(schemas.ENTITIES.names)
            | {"entity_id": "ent:is", "entity_type": "armed_group"}
        ],
        schemas.ENTITIES,
    )
    with duckdb.connect(str(path)) as con:
        for name, table in [
            ("events", events),
            ("event_reports", reports),
            ("documents", documents),
            ("places", places),
            ("entities", entities),
        ]:
            con.register("t", table)
            con.execute(f"create table {name} as select * from t")
            con.unregister("t")
        con.execute(
            "create view attacks_by_day as select event_date, count(*) n from events group by 1"
        )
    return path


def _acled(warehouse, tmp_path):
    out = tmp_path / "acled.csv"
    assert export_acled(warehouse, out) == 2
    with out.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def test_acled_columns_are_acleds_in_acleds_order(warehouse, tmp_path):
    names, _rows = _acled(warehouse, tmp_path)
    assert names == ACLED_COLUMNS


def test_acled_conventions(warehouse, tmp_path):
    _names, rows = _acled(warehouse, tmp_path)
    a = next(r for r in rows if r["event_id_cnty"] == "IRQ-ev_a")
    assert (a["event_date"], a["year"], a["time_precision"]) == ("2026-03-02", "2026", "1")
    assert a["disorder_type"] == "Political violence"
    assert (a["iso"], a["country"], a["region"]) == ("368", "Iraq", "Middle East")
    assert (a["admin1"], a["admin2"], a["location"]) == ("Nineveh", "Mosul District", "Mosul")
    assert (a["actor1"], a["actor2"]) == ("Islamic State", "Military Forces of Iraq")
    assert a["interaction"] == "Rebel group-State forces" and a["civilian_targeting"] == ""
    assert a["fatalities"] == "2" and a["geo_precision"] == "1"  # the conservative count
    assert a["source"] == "Mosul Daily; Reuters"
    # the quote behind the record, its outlet, date and url, in the notes
    assert a["notes"].startswith('"A bomb killed two soldiers." (Mosul Daily, 2026-03-03, ')
    assert "https://r.example/2" in a["notes"] and "attribution claimed" in a["notes"]
    assert "wounded: 1" in a["tags"] and "outlets disagree" in a["tags"]
    assert (
        int(a["timestamp"]) == (datetime(2026, 3, 5, 12, 0) - datetime(1970, 1, 1)).total_seconds()
    )


def test_acled_unknown_perpetrator_and_undated_event(warehouse, tmp_path):
    _names, rows = _acled(warehouse, tmp_path)
    b = next(r for r in rows if r["event_id_cnty"] == "SYR-ev_b")
    assert b["actor1"] == "Unidentified Armed Group (Syria)"
    assert b["actor2"] == "Civilians (Syria)" and b["civilian_targeting"] == "Civilian targeting"
    assert b["interaction"] == "Political militia-Civilians"
    # no event date: the first report's date, at ACLED's coarsest time precision
    assert (b["event_date"], b["time_precision"]) == ("2026-02-09", "3")
    assert b["fatalities"] == "0" and b["latitude"] == "" and b["iso"] == "760"
    assert "unknown outlet, undated, /in/feed.rss#I2" in b["notes"]


def test_acled_notes_quote_the_first_reports_and_count_the_rest(warehouse, tmp_path, monkeypatch):
    import warehouse.export as export

    monkeypatch.setattr(export, "ACLED_MAX_QUOTES", 1)
    _names, rows = _acled(warehouse, tmp_path)
    a = next(r for r in rows if r["event_id_cnty"] == "IRQ-ev_a")
    assert "A bomb killed" in a["notes"] and "Two troops died" not in a["notes"]
    assert "and 1 more report(s)" in a["notes"]


def test_geojson_is_a_feature_collection_of_event_points(warehouse, tmp_path):
    out = tmp_path / "events.geojson"
    assert export_geojson(warehouse, out) == 2
    doc = json.loads(out.read_text())
    assert doc["type"] == "FeatureCollection"
    a, b = doc["features"]
    assert a["type"] == "Feature" and a["id"] == "ev_a"
    assert a["geometry"] == {"type": "Point", "coordinates": [43.13, 36.34]}  # lon, lat
    assert set(a["properties"]) == set(schemas.EVENTS.names)
    assert a["properties"]["event_date"] == "2026-03-02" and a["properties"]["killed_best"] == 2
    assert b["geometry"] is None  # no coordinates: kept, unplaced


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize("table, n", [("events", 2), ("attacks_by_day", 2), ("documents", 3)])
def test_any_table_or_mart_as_parquet_or_csv(warehouse, tmp_path, fmt, table, n):
    out = tmp_path / f"{table}.{fmt}"
    assert export_table(warehouse, table, out, fmt) == n
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == n
    else:
        assert len(out.read_text().strip().splitlines()) == n + 1


def test_an_unknown_table_is_refused_with_the_names_there_are(warehouse, tmp_path):
    with pytest.raises(UnknownTable, match="attacks_by_day"):
        export_table(warehouse, 'events"; drop table events; --', tmp_path / "x.csv", "csv")
    assert not (tmp_path / "x.csv").exists()


def test_geojson_validates_against_the_spec_models(warehouse, tmp_path):
    from geojson_pydantic import FeatureCollection

    out = tmp_path / "events.geojson"
    export_geojson(warehouse, out)
    collection = FeatureCollection.model_validate_json(out.read_text())
    assert len(collection.features) == 2
    assert collection.features[0].geometry.type == "Point"


def test_a_column_added_to_events_does_not_collide_with_acleds_names(warehouse, tmp_path):
    with duckdb.connect(str(warehouse)) as con:
        con.execute("alter table events add column assoc_actor_1 varchar")
        con.execute("alter table events add column interaction varchar")
    names, rows = _acled(warehouse, tmp_path)
    assert names == ACLED_COLUMNS and len(rows) == 2


def test_coded_actors_and_attackers_killed_are_used_when_events_have_them(warehouse, tmp_path):
    with duckdb.connect(str(warehouse)) as con:
        con.execute("alter table events add column if not exists actor1 varchar")
        con.execute("alter table events add column if not exists actor2 varchar")
        con.execute("alter table events add column if not exists perpetrators_killed integer")
        con.execute(
            "update events set actor1 = 'Islamic State', actor2 = 'Iraqi Army', "
            "perpetrators_killed = 3 where event_id = 'ev_a'"
        )
        con.execute(
            "insert into entities (entity_id, canonical_name, entity_type) "
            "values ('ent:army', 'Iraqi Army', 'government')"
        )
    _names, rows = _acled(warehouse, tmp_path)
    a = next(r for r in rows if r["event_id_cnty"] == "IRQ-ev_a")
    b = next(r for r in rows if r["event_id_cnty"] == "SYR-ev_b")
    assert (a["actor1"], a["actor2"], a["interaction"]) == (
        "Islamic State",
        "Iraqi Army",
        "Rebel group-State forces",
    )
    assert a["fatalities"] == "5" and "attackers killed: 3" in a["tags"]  # 2 victims + 3
    # no coded actors: as without the columns
    assert (b["actor1"], b["actor2"]) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")


@pytest.mark.parametrize(
    ("outlets", "scale"),
    [
        (["Reuters"], "International"),  # a global wire
        (["Shafaq News"], "National"),  # an Iraqi outlet on an Iraqi event
        (["Rudaw"], "Subnational"),  # Iraqi Kurdistan's
        (["The New Arab"], "Regional"),  # a regional outlet
        (["Daily Sabah"], "Regional"),  # a national outlet of another Middle East country
        (["The Straits Times"], "International"),  # ... of a country outside the region
        (["Enab Baladi"], "Regional"),  # a Syrian outlet on an Iraqi event
        (["Reuters", "Rudaw", "Shafaq News"], "Subnational-National-International"),
        (["Mosul Daily"], ""),  # not in the outlets table: no scale
    ],
)
def test_acled_source_scale_from_the_outlets_country_and_scope(warehouse, tmp_path, outlets, scale):
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from event_reports where event_id = 'ev_a'")
        for i, outlet in enumerate(outlets):
            con.execute(
                "insert into documents (doc_id, source, uri) values (?, ?, ?)",
                [f"s{i}", outlet, f"https://s.example/{i}"],
            )
            con.execute(
                "insert into event_reports (report_id, event_id, doc_id, quote) "
                "values (?, 'ev_a', ?, 'Two soldiers were killed.')",
                [f"rs{i}", f"s{i}"],
            )
    _names, rows = _acled(warehouse, tmp_path)
    a = next(r for r in rows if r["event_id_cnty"] == "IRQ-ev_a")
    b = next(r for r in rows if r["event_id_cnty"] == "SYR-ev_b")
    assert a["source_scale"] == scale
    assert b["source_scale"] == ""  # its one document has no outlet
