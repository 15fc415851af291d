"""Event ids stay as an event gains reports (``event_ids``): copies and later reports keep it,
an incremental merge gives the full merge's ids, and an earlier report may give another."""

from __future__ import annotations

from datetime import date, timedelta

import pyarrow as pa
import pyarrow.compute as pc

from transforms.events import event_ids, extract_reports, merge_events
from transforms.events.remerge import remerge_events

SUN = date(2026, 2, 22)
RAQQA = "Islamic State fighters stormed an army post in Raqqa on Feb 21, killing two soldiers."
MAYADIN = "Gunmen attacked a checkpoint in Mayadin on Feb 21, killing four."
LATER = "Two soldiers died when militants raided a post in Raqqa on Feb 21, officials said."


def _reports(corpus, places, entities, docs):
    documents, mentions = corpus(*docs)
    reports = extract_reports(documents, mentions, places, entities)
    return reports, documents.select(["doc_id", "published_date", "source"])


def _ids_by_place(res) -> dict[str, str]:
    return {e["place_id"]: e["event_id"] for e in res.events.to_pylist()}


def _copies(n: int, pub: date = SUN) -> list[tuple]:
    return [
        (f"{p}{k:03d}", t, pub, f"Outlet {k}")
        for k in range(n)
        for p, t in (("r", RAQQA), ("m", MAYADIN))
    ]


def test_copies_that_sort_first_keep_the_event_id(corpus, places, entities):
    originals = [("a", RAQQA, SUN, "A"), ("m", MAYADIN, SUN, "M")]
    reports, docs = _reports(corpus, places, entities, originals + _copies(30))
    old = pc.is_in(reports.column("doc_id"), pa.array(["a", "m"]))
    before = merge_events(reports.filter(old), docs, places, entities)
    after = merge_events(reports, docs, places, entities)
    assert len(before.events) == len(after.events) == 2
    # the test means something only if a copy's report_id sorts before its original's
    first = {
        e: min(r for r, x in zip(after.reports.column("report_id").to_pylist(),
                                 after.reports.column("event_id").to_pylist(), strict=True)
               if x == e)
        for e in after.events.column("event_id").to_pylist()
    }  # fmt: skip
    originals_ids = set(reports.filter(old).column("report_id").to_pylist())
    assert any(r not in originals_ids for r in first.values())
    assert _ids_by_place(before) == _ids_by_place(after)


def test_a_later_report_keeps_the_id_an_earlier_one_gives_another(corpus, places, entities):
    base = [("a", RAQQA, SUN, "A")]
    later = ("l", LATER, SUN + timedelta(days=1), "L")
    earlier = ("e", LATER, date(2026, 2, 21), "E")  # published on the day of the attack
    once = merge_events(*_reports(corpus, places, entities, base), places, entities)
    (alone,) = once.events.column("event_id").to_pylist()
    grown = merge_events(*_reports(corpus, places, entities, [*base, later]), places, entities)
    moved = merge_events(*_reports(corpus, places, entities, [*base, earlier]), places, entities)
    assert grown.events.num_rows == moved.events.num_rows == 1
    assert grown.events.column("n_reports").to_pylist() == [2]
    assert grown.events.column("event_id").to_pylist() == [alone]
    assert moved.events.column("event_id").to_pylist() != [alone]


def test_incremental_copies_give_the_full_merge_and_its_ids(corpus, places, entities):
    reports, docs = _reports(corpus, places, entities, _copies(60))
    new = pa.array([f"{p}{k:03d}" for k in range(54, 60) for p in "rm"])
    previous = merge_events(
        reports.filter(pc.invert(pc.is_in(reports.column("doc_id"), new))), docs, places, entities
    )
    full = merge_events(reports, docs, places, entities)
    got, figures, rewritten = remerge_events(reports, previous, docs, places, entities)
    assert figures["full"] == 0 and figures["new_reports"] == 12
    for name, want, have in zip(full._fields, full, got, strict=True):
        assert have.equals(want), name
    assert _ids_by_place(previous) == _ids_by_place(got)
    assert got.events.column("n_documents").to_pylist() == [60, 60]
    # the copies' own report rows are rewritten, and the two events' rows; not the rows of the
    # 108 reports the events already had. Merge rows name the first report of a reading: a
    # copy sorting before it becomes that first report, and its reading's merges name it.
    added = set(got.reports.column("report_id").to_pylist()) - set(
        previous.reports.column("report_id").to_pylist()
    )
    assert len(added) == 12 and set(rewritten[0].to_pylist()) == added
    merged_new = set(got.merges.column("report_id").to_pylist()) & added
    assert merged_new and merged_new <= set(rewritten[2].to_pylist())
    assert sorted(rewritten[1].to_pylist()) == sorted(got.events.column("event_id").to_pylist())


def test_events_of_one_first_reading_are_told_apart():
    first = event_ids.first_reading([(SUN, False, ("x", None)), (None, False, ("a",))])
    assert first == event_ids.first_reading([(SUN, False, ("x", None))])  # dated by its document
    assert first != event_ids.first_reading([(SUN, True, ("a",)), (SUN, False, ("y",))])
    ids = event_ids.numbered([first, "b" * 16, first], lambda i: f"rep_{i}")
    assert ids[0] == f"ev_{first}" and ids[1] == "ev_" + "b" * 16
    assert ids[2].startswith(f"ev_{first}-") and event_ids.base_of(ids[2]) == ids[0]
    # the second event's suffix is its own: a third event of that reading renames neither
    more = event_ids.numbered([first, "b" * 16, first, first], lambda i: f"rep_{i}")
    assert more[:3] == ids and len(set(more)) == 4
