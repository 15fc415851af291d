"""Dates that are not the attack's: the day of what an attack "came a day after", and a month
or year that holds the publication day (it says no more than the publication does); and the
day a coder's row is dated by, which is the event's."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from transforms.events import extract_reports
from transforms.events.dates import find_dates

SUN = date(2026, 2, 22)


def by_place(reps: list[dict]) -> dict[str, tuple]:
    return {r["place_id"]: (r["event_date"], r["date_precision"]) for r in reps}


def test_n_days_after_dates_the_thing_after():
    (ref,) = find_dates("came a day after the offensive began", SUN)
    assert (ref.value, ref.method) == (date(2026, 2, 21), "other")
    # counter-examples: "earlier", "before" and "later" count from the anchor as they did
    for text in ("two days earlier", "three days later", "two days before the vote"):
        assert find_dates(text, SUN, date(2026, 2, 10))[0].method == "relative"


def test_an_attack_that_came_a_day_after_something_else(reports_of):
    text = (
        "A car bomb killed nine people in Raqqa, a day after government troops pushed the "
        "militants out of the region."
    )
    # the day after which is the troops', not the bombing's: undated, it is the week of the
    # publication day
    assert by_place(reports_of(text)) == {"t_raq": (SUN, "week")}


def test_the_day_before_an_attack_is_the_earlier_attacks(reports_of):
    text = (
        "A car bomb killed nine people in Raqqa. The blast came a day after a roadside bomb "
        "killed two soldiers in Mayadin."
    )
    got = by_place(reports_of(text))
    assert got == {"t_raq": (SUN, "week"), "t_may": (date(2026, 2, 21), "day")}


def test_a_day_after_then_the_attack_in_its_own_clause(reports_of):
    # the place follows the comma that ends the thing "a day after" names: the main clause's
    text = "A day after the offensive began, gunmen shot dead four guards in Mayadin."
    assert by_place(reports_of(text)) == {"t_may": (SUN, "week")}


def test_a_month_holding_the_publication_day_says_no_more(reports_of):
    text = "February 2026 Raqqa bombing: a suicide bomber killed twelve at a market in Raqqa."
    (r,) = reports_of(text)
    assert (r["event_date"], r["date_precision"], r["date_method"]) == (SUN, "week", "publication")
    # counter-examples: a month before the publication's stays the month; a day stays a day
    earlier = text.replace("February 2026", "January 2026")
    (r,) = reports_of(earlier)
    assert (r["event_date"], r["date_precision"]) == (date(2026, 1, 1), "month")
    dated = "On 20 February a suicide bomber killed twelve at a market in Raqqa."
    (r,) = reports_of(dated)
    assert (r["event_date"], r["date_precision"]) == (date(2026, 2, 20), "day")


def test_a_year_holding_the_publication_day_says_no_more(reports_of):
    text = "In 2026, a suicide bomber killed twelve people at a market in Raqqa."
    (r,) = reports_of(text)
    assert (r["event_date"], r["date_precision"]) == (SUN, "week")
    (r,) = reports_of(text.replace("2026", "2025"))
    assert (r["event_date"], r["date_precision"]) == (date(2025, 1, 1), "year")


def _coded(documents: pa.Table) -> pa.Table:
    """``documents`` as a coder's rows, dated by their event date (no publication)."""
    at = documents.schema.get_field_index("published_date_method")
    methods = pa.array(["event_date"] * documents.num_rows, pa.string())
    return documents.set_column(at, "published_date_method", methods)


def test_a_coders_row_dated_by_its_event_date_keeps_that_day(corpus, places, entities):
    text = "Gunmen shot dead two shepherds near Mayadin."
    documents, mentions = corpus(("d1", text, SUN, "A"))
    coded = _coded(documents)
    (r,) = extract_reports(coded, mentions, places, entities).to_pylist()
    assert (r["event_date"], r["date_precision"], r["date_method"]) == (SUN, "day", "coded")
    # counter-examples: a news article's publication gives its week; a day the row's text
    # states wins over the coder's
    (r,) = extract_reports(documents, mentions, places, entities).to_pylist()
    assert (r["event_date"], r["date_precision"], r["date_method"]) == (SUN, "week", "publication")
    said = "On 19 February gunmen shot dead two shepherds near Mayadin."
    documents, mentions = corpus(("d1", said, SUN, "A"))
    coded = _coded(documents)
    (r,) = extract_reports(coded, mentions, places, entities).to_pylist()
    assert (r["event_date"], r["date_method"]) == (date(2026, 2, 19), "explicit")


def test_a_place_in_what_the_attack_came_after_is_no_venue(real_reports):
    # what it came "a day after" tells no attack: its town is where that happened, not a
    # second attack, and the claim in the same sentence is the told attack's
    for after in (
        "The attack came two days after government troops entered the town of Hit.",
        "The Islamic State claimed the attack, which came a day after its fighters were driven "
        "out of Hit.",
    ):
        text = f"A suicide bomber killed 12 people at a checkpoint in Ramadi on Tuesday. {after}"
        got = real_reports(text)
        assert [(r["location_text"], r["killed_best"]) for r in got] == [("Ramadi", 12)]
    assert got[0]["perpetrator_id"] == "ent:islamic_state"
    # counter-example: what it came a day after is an attack of its own
    text = (
        "A suicide bomber killed 12 people at a checkpoint in Ramadi on Tuesday. The attack "
        "came a day after a roadside bomb killed two soldiers in Hit."
    )
    assert sorted((r["location_text"], r["killed_best"]) for r in real_reports(text)) == [
        ("Hit", 2),
        ("Ramadi", 12),
    ]
