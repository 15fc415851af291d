"""Copies of one report (many outlets republishing one story) count as that one report."""

from __future__ import annotations

from datetime import date

from transforms.events import extract_reports, merge_events

SUN = date(2026, 2, 22)
ANCHOR = "Islamic State fighters stormed an army post in Raqqa on Feb 21, killing two soldiers."
DAY_OFF = "Officials spoke on Feb 21. The day before, ISIS raided an army post in Raqqa."
SATURDAY = "ISIS gunmen hit an army post in Raqqa on Saturday."


def _merge(corpus, places, entities, docs):
    documents, mentions = corpus(*docs)
    reports = extract_reports(documents, mentions, places, entities)
    return merge_events(reports, documents, places, entities)


def _copies(text: str, prefix: str, n: int) -> list[tuple]:
    return [(f"{prefix}{k}", text, SUN, f"Outlet {prefix}{k}") for k in range(n)]


def test_copies_of_a_day_off_report_join_the_corroborated_event_together(corpus, places, entities):
    anchors = [("a", ANCHOR, SUN, "A"), ("b", ANCHOR, SUN, "B")]
    once = _merge(corpus, places, entities, [*anchors, ("c", DAY_OFF, SUN, "C")])
    many = _merge(corpus, places, entities, [*anchors, *_copies(DAY_OFF, "c", 40)])
    assert once.events.num_rows == many.events.num_rows == 1
    (ev,) = many.events.to_pylist()
    assert (ev["n_documents"], ev["n_sources"]) == (42, 42)
    merged = many.merges.column("report_id").to_pylist()
    assert len(merged) == len(set(merged)) == many.reports.num_rows - 1  # all but the first
    assert set(many.merges.column("event_id").to_pylist()) == {ev["event_id"]}
    dates = {c["field"]: c["values"] for c in many.conflicts.to_pylist()}["event_date"]
    assert dates == ["2026-02-20", "2026-02-21"]


def test_copies_of_a_day_off_report_never_anchor_another_lone_report(corpus, places, entities):
    # two relative readings a day apart, one repeated by many outlets: still two lone witnesses
    res = _merge(
        corpus,
        places,
        entities,
        [*_copies(DAY_OFF, "c", 30), ("s", SATURDAY, SUN, "S")],
    )
    assert sorted(str(e["event_date"]) for e in res.events.to_pylist()) == [
        "2026-02-20",
        "2026-02-21",
    ]


def test_many_copies_give_the_events_of_the_originals(corpus, places, entities):
    originals = [
        ("a", ANCHOR, SUN, "A"),
        ("b", ANCHOR, SUN, "B"),
        ("m", "Gunmen attacked a checkpoint in Mayadin on Feb 21, killing four.", SUN, "M"),
        ("c", DAY_OFF, SUN, "C"),
    ]
    copies = [
        (f"{d}{k}", text, pub, f"Copy {k}") for k in range(50) for d, text, pub, _ in originals
    ]
    alone = _merge(corpus, places, entities, originals).events.to_pylist()
    heavy = _merge(corpus, places, entities, originals + copies).events.to_pylist()

    def what(e: dict) -> tuple:
        return (e["event_date"], e["place_id"], e["perpetrator_id"], e["killed_best"])

    assert len(alone) == 2
    assert sorted(map(what, heavy), key=str) == sorted(map(what, alone), key=str)
    assert sorted(e["n_documents"] for e in heavy) == sorted(51 * e["n_documents"] for e in alone)
