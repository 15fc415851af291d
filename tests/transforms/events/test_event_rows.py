"""event_rows: an event's rows from its distinct readings, weighted by their reports."""

from __future__ import annotations

from datetime import date

from transforms.events.event_rows import READING, Docs, conflicts, event_row, members

DAY = date(2026, 2, 21)
PLACES = {
    "town": {"place_id": "town", "precision": "town", "name": "Mayadin", "admin1": "Deir ez-Zor",
             "country_code": "SY", "latitude": 35.0, "longitude": 40.4},
}  # fmt: skip


def _columns(readings: list[tuple[dict, int]]) -> tuple[dict[str, list], list[str]]:
    """Area columns holding ``n`` reports (each its own document) of each reading."""
    cols: dict[str, list] = {c: [] for c in (*READING, "doc_id")}
    ids: list[str] = []
    for k, (fields, n) in enumerate(readings):
        for j in range(n):
            for c in READING:
                cols[c].append(fields.get(c))
            cols["doc_id"].append(f"doc{k}-{j}")
            ids.append(f"rep{k}-{j:04d}")
    return cols, ids


def _reading(**kw) -> dict:
    base = {"place_id": "town", "event_date": DAY, "date_precision": "day",
            "date_method": "explicit", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Remote explosive/landmine/IED", "weapon": "ied",
            "killed_low": 3, "killed_best": 3, "killed_high": 3,
            "location_text": "Mayadin"}  # fmt: skip
    return {**base, **kw}


def test_copies_are_one_reading_counted_by_their_reports():
    five = _reading(killed_low=5, killed_best=5, killed_high=5, weapon="unknown")
    cols, ids = _columns([(_reading(), 1000), (five, 2)])
    ev = members(cols, range(len(ids)), ids)
    assert len(ev.readings) == 2 and ev.n_reports == 1002 and len(ev.docs) == 1002
    docs = {d: {"published_date": DAY, "source": d[:4]} for d in cols["doc_id"]}
    row = event_row("ev_1", ev, PLACES, Docs.of(docs), {})
    assert (row["n_reports"], row["n_documents"], row["n_sources"]) == (1002, 1002, 2)
    assert (row["killed_low"], row["killed_best"], row["killed_high"]) == (3, 3, 5)
    assert row["weapon"] == "ied" and row["location"] == "Mayadin"
    (killed,) = [c for c in conflicts("ev_1", ev) if c["field"] == "killed"]
    assert killed["values"] == ["3/3/3", "5/5/5"] and len(killed["report_ids"]) == 1002


def test_the_most_reported_day_wins_by_reports_not_by_readings():
    later = DAY.replace(day=20)
    # one reading of the 21st with 3 reports against two readings of the 20th with 1 each
    cols, ids = _columns(
        [(_reading(), 3), (_reading(event_date=later), 1),
         (_reading(event_date=later, target="civilians"), 1)]
    )  # fmt: skip
    ev = members(cols, range(len(ids)), ids)
    docs = {d: {"published_date": DAY} for d in cols["doc_id"]}
    assert event_row("ev_1", ev, PLACES, Docs.of(docs), {})["event_date"] == DAY
    # the same readings with the 20th reported more
    cols, ids = _columns([(_reading(), 1), (_reading(event_date=later), 2)])
    ev = members(cols, range(len(ids)), ids)
    assert (
        event_row(
            "ev_1",
            ev,
            PLACES,
            Docs.of(docs | {d: {"published_date": DAY} for d in cols["doc_id"]}),
            {},
        )["event_date"]
        == later
    )


def test_an_event_in_a_quarter_reads_its_city_first():
    """``location`` is the place's ``location`` ("Baghdad - Sadr City", from places), else its
    name."""
    quarter = {"place_id": "q", "precision": "town", "name": "Sadr City",
               "location": "Baghdad - Sadr City", "admin1": "Baghdad", "country_code": "IQ",
               "latitude": 33.39, "longitude": 44.46}  # fmt: skip
    cols, ids = _columns([(_reading(place_id="q", location_text="Sadr City"), 2)])
    ev = members(cols, range(len(ids)), ids)
    docs = Docs.of({d: {"published_date": DAY} for d in cols["doc_id"]})
    row = event_row("ev_q", ev, {**PLACES, "q": quarter}, docs, {})
    assert row["location"] == "Baghdad - Sadr City" and row["admin1"] == "Baghdad"
    # counter-example: a place without a location of its own shows its name
    cols, ids = _columns([(_reading(), 2)])
    row = event_row("ev_t", members(cols, range(len(ids)), ids), PLACES, docs, {})
    assert row["location"] == "Mayadin"
