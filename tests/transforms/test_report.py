"""The HTML report as a pure transform: buckets, escaping, no remote resources."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pyarrow as pa
import pytest

from transforms.report import events_table_html, render_report, time_buckets

# A resource the browser would fetch: a src/href/srcset attribute or a CSS url() with a URL.
REMOTE = re.compile(
    r"""(?:src|href|srcset|poster)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""",
    re.I,
)


def _day(d: str, attacks: int, killed: int) -> dict:
    return {"day": date.fromisoformat(d), "attacks": attacks, "killed": killed}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        ([_day("2025-03-01", 2, 5)], [("2025-03-01", 2, 5)]),
        (  # quiet days in between are zeros, not skipped
            [_day("2025-03-01", 1, 1), _day("2025-03-03", 2, 0)],
            [("2025-03-01", 1, 1), ("2025-03-02", 0, 0), ("2025-03-03", 2, 0)],
        ),
        (  # a long span is counted by month, quiet months included
            [_day("2025-01-15", 1, 2), _day("2025-01-20", 1, 1), _day("2025-05-02", 3, 0)],
            [
                ("2025-01", 2, 3),
                ("2025-02", 0, 0),
                ("2025-03", 0, 0),
                ("2025-04", 0, 0),
                ("2025-05", 3, 0),
            ],
        ),
        ([{"day": "2025-03-02", "attacks": 1, "killed": None}], [("2025-03-02", 1, 0)]),
    ],
)
def test_time_buckets(rows, expected):
    got = [(b["period"], b["attacks"], b["killed"]) for b in time_buckets(rows)]
    assert got == expected


def _tables(quote: str) -> dict[str, pa.Table]:
    return {
        "by_governorate": pa.Table.from_pylist(
            [{"admin1": "Aleppo", "country_code": "SY", "attacks": 2, "killed": 7, "wounded": 12}]
        ),
        "by_day": pa.Table.from_pylist([{"day": date(2025, 3, 1), "attacks": 2, "killed": 7}]),
        "totals": pa.Table.from_pylist(
            [{"events": 3, "killed": 7, "wounded": 12, "outlets": 1, "located": 1}]
        ),
        "event_points": pa.Table.from_pylist(
            [
                {
                    "latitude": 36.2,
                    "longitude": 37.16,
                    "location": "Aleppo",
                    "admin1": "Aleppo",
                    "attacks": 2,
                    "killed": 5,
                    "wounded": 12,
                    "first_date": date(2025, 3, 1),
                    "last_date": date(2025, 3, 1),
                }
            ]
        ),
        "reference_places": pa.Table.from_pylist(
            [{"name": "Aleppo", "latitude": 36.2, "longitude": 37.16}]
        ),
        "events": pa.Table.from_pylist(
            [
                {
                    "event_id": "e1",
                    "event_date": date(2025, 3, 1),
                    "location": "Aleppo",
                    "admin1": "Aleppo",
                    "kind": "Suicide bomb",
                    "perpetrator": "Islamic State",
                    "attribution": "claimed",
                    "killed_low": 4,
                    "killed_best": 5,
                    "killed_high": 6,
                    "wounded_low": None,
                    "wounded_best": 12,
                    "wounded_high": None,
                    "n_sources": 1,
                    "has_conflict": False,
                }
            ]
        ),
        "event_sources": pa.Table.from_pylist(
            [
                {
                    "event_id": "e1",
                    "source": "Outlet A",
                    "title": "T",
                    "uri": "https://x.example/a",
                    "published_date": date(2025, 3, 2),
                    "quote": quote,
                }
            ]
        ),
    }


@pytest.mark.parametrize(
    "quote",
    [
        "plain quote",
        '</script><script src="https://evil.example/x.js"></script>',
        "<!-- a comment opener and a closing </SCRIPT > tag",
        "url(http://evil.example/bg.png) & <img src=//cdn.example/i.png>",
    ],
)
def test_page_is_self_contained_and_data_stays_text(quote):
    page = render_report(_tables(quote), generated="now")
    assert not REMOTE.search(page)
    assert not re.search(r"https?://", page, re.I)  # stricter: no URL written out at all
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b", page, re.I)
    # Only our two script elements: data and code; no text can close one early.
    assert len(re.findall(r"</script", page, re.I)) == 2
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)
    assert data is not None
    payload = json.loads(data.group(1))
    assert payload["points"][0]["latitude"] == 36.2
    assert payload["over_time"] == [{"period": "2025-03-01", "attacks": 2, "killed": 7}]


def test_events_table_lists_sources_quotes_and_ranges():
    t = _tables("Five died in the blast.")
    events = t["events"].to_pylist()
    sources = [
        dict(r, published_date=r["published_date"].isoformat())
        for r in t["event_sources"].to_pylist()
    ]
    events[0]["event_date"] = events[0]["event_date"].isoformat()
    table = html.unescape(events_table_html(events, sources))
    assert table.count("<tr id=") == 1
    assert "Five died in the blast." in table
    assert "5 (4-6)" in table  # killed best with its range
    assert "Islamic State (claimed)" in table
    assert "Outlet A" in table and "x.example/a" in table
    assert "href" not in table  # sources are shown, never linked: the page fetches nothing


def test_empty_warehouse_renders():
    empty = {name: pa.table({}) for name in _tables("q")}
    page = render_report(empty, generated="now")
    assert '<table id="events">' in page
    assert "0 of 0 attacks are placed" in page
    assert "All 0 attacks" in page


def test_headline_figures_and_a_shortened_table_say_so():
    page = render_report(_tables("q"), generated="now")
    assert "<b>3</b>distinct attacks" in page and "<b>7</b>killed" in page
    assert "The newest 1 of 3 attacks" in page  # the table holds one of the three events


def test_outlines_take_the_warehouse_name_of_their_governorate():
    from transforms.report import map_outlines

    square = [[[36.0, 36.0], [38.0, 36.0], [38.0, 37.0], [36.0, 36.0]]]
    outlines = {
        "features": [
            {
                "properties": {"place_id": "170062", "admin1": "Halab", "country": "SY"},
                "geometry": {"type": "MultiPolygon", "coordinates": [square, square]},
            },
            {
                "properties": {"place_id": None, "name": "Neutral zone", "country": "SY"},
                "geometry": {"type": "Polygon", "coordinates": square},
            },
            {"properties": {"place_id": "1"}, "geometry": None},  # no shape: not drawn
        ]
    }
    govs = [{"place_id": "170062", "admin1": "Aleppo", "country_code": "SY"}]
    shapes = map_outlines(outlines, govs)
    assert [(s["admin1"], s["country_code"], len(s["rings"])) for s in shapes] == [
        ("Aleppo", "SY", 2),
        ("Neutral zone", "SY", 1),
    ]
    assert map_outlines(None, govs) == []


def test_the_shipped_outlines_cover_every_governorate_of_the_gazetteer():
    import csv
    import json
    from pathlib import Path

    ref = Path(__file__).resolve().parents[2] / "seeds" / "reference"
    shipped = json.loads((ref / "governorates.geojson").read_text())
    assert "Who's On First" in shipped["credit"]
    ids = {f["properties"]["place_id"] for f in shipped["features"]}
    with (ref / "places.csv").open(encoding="utf-8") as fh:
        govs = {r["place_id"] for r in csv.DictReader(fh) if r["precision"] == "governorate"}
    assert govs <= ids
