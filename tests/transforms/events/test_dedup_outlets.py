"""Outlets word one attack differently: one day, one town, compatible perpetrator and tolls is one
event whatever type each wording gave; the type disagreement stays an event conflict."""

from __future__ import annotations

from datetime import date

from transforms.events import extract_reports, merge_events

SUN = date(2026, 2, 22)
# one raid, told twice: a shooting by one outlet, a shelling by another
SHOOTING = "Islamic State gunmen shot dead four soldiers at a checkpoint in Mayadin on Feb 21."
SHELLING = "IS mortar shells hit an army checkpoint in Mayadeen on Feb 21, killing four soldiers."


def _merge(corpus, places, entities, *docs):
    documents, mentions = corpus(*docs)
    reports = extract_reports(documents, mentions, places, entities)
    return reports, merge_events(reports, documents, places, entities)


def test_the_wordings_give_two_types(corpus, places, entities):
    reports, _ = _merge(
        corpus, places, entities, ("a", SHOOTING, SUN, "A"), ("b", SHELLING, SUN, "B")
    )
    rows = sorted(reports.to_pylist(), key=lambda r: r["doc_id"])
    assert len(rows) == 2 and rows[0]["event_type"] != rows[1]["event_type"]
    assert "unknown" not in {r["weapon"] for r in rows}


def test_one_day_one_town_two_types_is_one_event_with_the_conflict_kept(corpus, places, entities):
    _, res = _merge(corpus, places, entities, ("a", SHOOTING, SUN, "A"), ("b", SHELLING, SUN, "B"))
    (ev,) = res.events.to_pylist()
    assert (ev["n_documents"], ev["n_sources"], ev["killed_best"]) == (2, 2, 4)
    assert ev["has_conflict"]
    assert "event_type" in {c["field"] for c in res.conflicts.to_pylist()}


def test_another_town_stays_apart(corpus, places, entities):
    elsewhere = SHELLING.replace("Mayadeen", "Deir ez-Zor")  # another town of the governorate
    _, res = _merge(corpus, places, entities, ("a", SHOOTING, SUN, "A"), ("b", elsewhere, SUN, "B"))
    assert res.events.num_rows == 2


def test_other_tolls_stay_apart(corpus, places, entities):
    more = SHELLING.replace("four soldiers", "eleven soldiers")
    _, res = _merge(corpus, places, entities, ("a", SHOOTING, SUN, "A"), ("b", more, SUN, "B"))
    assert res.events.num_rows == 2


def test_another_day_stays_apart(corpus, places, entities):
    later = SHELLING.replace("Feb 21", "Feb 22")
    _, res = _merge(corpus, places, entities, ("a", SHOOTING, SUN, "A"), ("b", later, SUN, "B"))
    assert res.events.num_rows == 2


def test_another_perpetrator_stays_apart(corpus, places, entities):
    other = SHELLING.replace("IS mortar", "Hurras al-Din mortar")
    _, res = _merge(corpus, places, entities, ("a", SHOOTING, SUN, "A"), ("b", other, SUN, "B"))
    assert res.events.num_rows == 2


def test_a_province_is_not_a_town(corpus, places, entities):
    # "Deir al-Zor" is the governorate here: a place that wide may hold two attacks of a day
    wide = SHELLING.replace("Mayadeen", "Deir al-Zor")
    town = SHOOTING.replace("Mayadin", "Deir al-Zor")
    _, res = _merge(corpus, places, entities, ("a", town, SUN, "A"), ("b", wide, SUN, "B"))
    assert res.events.num_rows == 2


def test_an_open_count_agrees_with_its_own_figure_only(corpus, places, entities):
    at_least = SHELLING.replace("killing four", "killing at least four")
    _, same = _merge(corpus, places, entities, ("a", SHOOTING, SUN, "A"), ("b", at_least, SUN, "B"))
    assert same.events.num_rows == 1
    twelve = SHOOTING.replace("four soldiers", "twelve soldiers")
    _, other = _merge(corpus, places, entities, ("a", twelve, SUN, "A"), ("b", at_least, SUN, "B"))
    assert other.events.num_rows == 2
