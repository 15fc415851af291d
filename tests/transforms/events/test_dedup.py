"""Cross-source merging by ACLED's rule, with reasons, conflicts and stable ids."""

from __future__ import annotations

from datetime import date

from transforms import schemas
from transforms.events import extract_reports, merge_events

SUN = date(2026, 2, 22)


def merged(corpus, places, entities, *docs):
    documents, mentions = corpus(*docs)
    reports = extract_reports(documents, mentions, places, entities)
    res = merge_events(reports, documents, places, entities)
    assert res.events.schema == schemas.EVENTS
    assert res.reports.schema == schemas.EVENT_REPORTS
    assert res.merges.schema == schemas.EVENT_MERGES
    assert res.conflicts.schema == schemas.EVENT_CONFLICTS
    assert res.reports.num_rows == len(reports)
    assert None not in res.reports.column("event_id").to_pylist()
    return res


def events(res):
    return sorted(res.events.to_pylist(), key=lambda e: (str(e["event_date"]), e["location"]))


def test_two_outlets_two_spellings_one_event(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        (
            "a",
            "Gunmen from IS attacked a checkpoint in Mayadin on Feb 21, killing two soldiers.",
            SUN,
            "Outlet A",
        ),
        (
            "b",
            "IS militants attacked an army checkpoint in Mayadeen on Saturday, killing 2 soldiers.",
            SUN,
            "Outlet B",
        ),
    )
    (ev,) = events(res)
    assert (ev["n_reports"], ev["n_documents"], ev["n_sources"]) == (2, 2, 2)
    assert ev["event_date"] == date(2026, 2, 21) and ev["location"] == "Al Mayadin"
    assert ev["perpetrator"] == "Islamic State" and ev["killed_best"] == 2
    assert ev["first_reported"] == SUN and ev["admin1"] == "Deir ez-Zor"
    (m,) = res.merges.to_pylist()
    assert "same date" in m["reason"] and "same place" in m["reason"]
    assert res.conflicts.num_rows == 0


def test_different_days_stay_apart(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        ("a", "Gunmen attacked a checkpoint in Raqqa on Feb 21.", SUN, "A"),
        ("b", "Gunmen attacked a checkpoint in Raqqa on Feb 18.", SUN, "B"),
    )
    assert res.events.num_rows == 2


def test_different_places_stay_apart(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        ("a", "Gunmen attacked a checkpoint in Raqqa on Feb 21.", SUN, "A"),
        ("b", "Gunmen attacked a checkpoint in Mayadin on Feb 21.", SUN, "B"),
    )
    assert res.events.num_rows == 2


def test_different_perpetrators_stay_apart_unknown_joins(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        ("a", "IS claimed an attack on soldiers in Raqqa on Feb 21.", SUN, "A"),
        ("b", "Hurras al-Din claimed an attack on soldiers in Raqqa on Feb 21.", SUN, "B"),
        ("c", "Unknown gunmen attacked soldiers in Raqqa on Feb 21.", SUN, "C"),
    )
    evs = events(res)
    assert len(evs) == 2
    assert sorted(e["n_documents"] for e in evs) == [1, 2]


def test_province_report_joins_the_town_event(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        ("a", "Gunmen attacked soldiers in Mayadin on Feb 21.", SUN, "A"),
        ("b", "Gunmen attacked soldiers in Deir al-Zor on Feb 21.", SUN, "B"),
    )
    (ev,) = events(res)
    assert ev["place_id"] == "t_may" and ev["n_documents"] == 2
    assert "holds/inside" in res.merges.to_pylist()[0]["reason"]


def test_undated_document_is_dated_by_corroboration(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        ("a", "IS attacked soldiers in Raqqa on Saturday.", SUN, "A"),
        ("b", "IS attacked soldiers in Raqqa on Saturday.", None, "B"),
    )
    (ev,) = events(res)
    assert ev["event_date"] == date(2026, 2, 21) and ev["n_documents"] == 2
    by_doc = {r["doc_id"]: r for r in res.reports.to_pylist()}
    assert by_doc["b"]["date_method"] == "corroborated"
    assert by_doc["b"]["event_date"] == date(2026, 2, 21)
    assert "corroboration" in res.merges.to_pylist()[0]["reason"]


def test_relative_date_a_day_off_merges_with_a_visible_conflict(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        ("a", "IS attacked soldiers in Raqqa on Feb 21, killing two.", SUN, "A"),
        ("b", "IS attacked soldiers in Raqqa on Feb 21, killing two.", SUN, "B"),
        (
            "c",
            "The spokesman spoke on Feb 21. The day before, IS attacked soldiers in Raqqa, "
            "killing three.",
            SUN,
            "C",
        ),
    )
    (ev,) = events(res)
    assert ev["event_date"] == date(2026, 2, 21) and ev["has_conflict"]
    conflicts = {c["field"]: c["values"] for c in res.conflicts.to_pylist()}
    assert conflicts["event_date"] == ["2026-02-20", "2026-02-21"]
    assert conflicts["killed"] == ["2/2/2", "3/3/3"]
    assert (ev["killed_low"], ev["killed_best"], ev["killed_high"]) == (2, 2, 3)


def test_one_document_listing_two_attacks_gives_two_events(corpus, places, entities):
    text = "Five people were killed in two attacks by suspected IS supporters last month."
    res = merged(corpus, places, entities, ("a", text, SUN, "A"))
    assert res.events.num_rows == 2


def test_event_ids_stable_when_unrelated_documents_are_added(corpus, places, entities):
    a = ("a", "IS attacked soldiers in Raqqa on Feb 21.", SUN, "A")
    b = ("b", "IS attacked soldiers in Raqqa on Saturday.", SUN, "B")
    other = ("z", "Gunmen attacked a patrol in Mayadin on Feb 10.", SUN, "Z")
    first = merged(corpus, places, entities, a, b)
    again = merged(corpus, places, entities, a, b)
    more = merged(corpus, places, entities, other, a, b)
    ids = set(first.events.column("event_id").to_pylist())
    assert ids == set(again.events.column("event_id").to_pylist())
    assert ids < set(more.events.column("event_id").to_pylist())
    assert first.events.equals(again.events)


def test_no_reports_give_empty_tables(places, entities):
    empty = schemas.EVENT_REPORTS.empty_table()
    docs = schemas.DOCUMENTS.empty_table()
    res = merge_events(empty, docs, places, entities)
    assert [t.num_rows for t in res] == [0, 0, 0, 0]
    assert res.events.schema == schemas.EVENTS


def test_two_attacks_one_day_one_town_keep_their_own_reports(corpus, places, entities):
    res = merged(
        corpus,
        places,
        entities,
        (
            "a",
            "Gunmen shot dead four police officers at a checkpoint in Raqqa on Feb 20.",
            SUN,
            "A",
        ),
        ("b", "IS shelled a wedding party in Raqqa on Feb 20, killing two civilians.", SUN, "B"),
        ("c", "IS attacked a wedding party in Raqqa on Feb 20, killing two civilians.", SUN, "C"),
    )
    evs = events(res)
    assert len(evs) == 2
    by_doc = {r["doc_id"]: r["event_id"] for r in res.reports.to_pylist()}
    assert by_doc["b"] == by_doc["c"] != by_doc["a"]


def assert_never_after_publication(res, documents):
    """No report, and no event, dated after a document that reports it was published."""
    doc_ids, dates = (documents.column(c).to_pylist() for c in ("doc_id", "published_date"))
    pub = dict(zip(doc_ids, dates, strict=True))
    ev_date = {e["event_id"]: e["event_date"] for e in res.events.to_pylist()}
    for r in res.reports.to_pylist():
        p = pub[r["doc_id"]]
        if p is None:
            continue
        assert r["event_date"] is None or r["event_date"] <= p, r
        assert ev_date[r["event_id"]] is None or ev_date[r["event_id"]] <= p, r


def test_event_never_dated_after_an_earlier_report(corpus, places, entities):
    # Two outlets on Sunday say Feb 21; one published on Feb 20 said "today" (Feb 20). A day
    # apart, a relative date would join them, but the event cannot have happened on Feb 21 if
    # a document reported it on Feb 20: the reports stay apart.
    docs = (
        ("a", "IS attacked soldiers in Raqqa on Feb 21, killing two.", SUN, "A"),
        ("b", "IS attacked soldiers in Raqqa on Feb 21, killing two.", SUN, "B"),
        ("c", "IS attacked soldiers in Raqqa today, killing three.", date(2026, 2, 20), "C"),
    )
    res = merged(corpus, places, entities, *docs)
    assert [(e["event_date"], e["n_documents"]) for e in events(res)] == [
        (date(2026, 2, 20), 1),
        (date(2026, 2, 21), 2),
    ]
    assert_never_after_publication(res, corpus(*docs)[0])


def test_claim_week_after_a_report_is_cut_back_to_its_publication(corpus, places, entities):
    # A claim on Sunday bounds the attack to the week ending Sunday; an outlet reported it on
    # Saturday (no date in its text): the event (and that outlet's report) is dated Saturday
    # at the latest, never Sunday.
    sat = date(2026, 2, 21)
    docs = (
        ("a", "IS claimed responsibility on Sunday for an attack on soldiers in Raqqa.", SUN, "A"),
        ("b", "IS attacked soldiers in Raqqa.", sat, "B"),
    )
    res = merged(corpus, places, entities, *docs)
    (ev,) = events(res)
    assert (ev["event_date"], ev["date_precision"], ev["n_documents"]) == (sat, "week", 2)
    by_doc = {r["doc_id"]: r for r in res.reports.to_pylist()}
    assert by_doc["b"]["event_date"] == sat and by_doc["a"]["event_date"] == SUN
    assert_never_after_publication(res, corpus(*docs)[0])


def test_same_day_reports_published_that_day_still_merge(corpus, places, entities):
    # The rule only keeps apart what publication dates contradict: a same-day report joins.
    docs = (
        ("a", "IS attacked soldiers in Raqqa on Feb 21, killing two.", date(2026, 2, 21), "A"),
        ("b", "IS attacked soldiers in Raqqa on Saturday, killing two.", SUN, "B"),
    )
    res = merged(corpus, places, entities, *docs)
    (ev,) = events(res)
    assert (ev["event_date"], ev["n_documents"]) == (date(2026, 2, 21), 2)
    assert_never_after_publication(res, corpus(*docs)[0])
