"""The day a statement was made ("the ministry said on Tuesday that ...") is no attack's day:
it bounds the attack to the week ending on it, so the statement quoted after, giving the
attack's own earlier day, tells the same attack (one event, on that day). Inputs written
here; each with a counter-example."""

from __future__ import annotations

from datetime import date

from transforms.events import extract_reports, merge_events

PUBLISHED = date(2026, 3, 6)  # a Friday: Tuesday is 3 March, Monday 2 March
SUMMARY = (
    "The provincial police said on Tuesday that three guards were killed when IS gunmen raided "
    "a checkpoint near Mayadin. "
)


def _events(corpus, places, entities, text):
    documents, mentions = corpus(("d", text, PUBLISHED, "Wire"))
    reports = extract_reports(documents, mentions, places, entities)
    events = merge_events(reports, documents, places, entities).events.to_pylist()
    return sorted(((e["location"], e["killed_best"], e["event_date"]) for e in events), key=str)


def test_the_statement_quoted_after_its_summary_is_the_same_attack(corpus, places, entities):
    quote = '"Late on Monday, IS gunmen stormed our checkpoint near Mayadin," an officer said.'
    got = _events(corpus, places, entities, SUMMARY + quote)
    assert got == [("Al Mayadin", 3, date(2026, 3, 2))]


def test_an_earlier_attack_with_its_own_toll_stays_its_own(corpus, places, entities):
    other = "On Monday, IS gunmen killed two farmers near Raqqa."
    got = _events(corpus, places, entities, SUMMARY + other)
    assert got == [("Al Mayadin", 3, date(2026, 3, 3)), ("Ar Raqqah", 2, date(2026, 3, 2))]


def test_a_statement_day_alone_still_dates_the_attack(corpus, places, entities):
    got = _events(corpus, places, entities, SUMMARY)
    assert got == [("Al Mayadin", 3, date(2026, 3, 3))]


def test_a_day_no_speaker_gives_is_the_attacks_own(corpus, places, entities):
    text = (
        "IS gunmen killed three guards at a checkpoint near Mayadin on Tuesday, police said. "
        '"Late on Monday, IS gunmen stormed a checkpoint near Mayadin," an officer said.'
    )
    got = _events(corpus, places, entities, text)
    assert sorted(d for _, _, d in got) == [date(2026, 3, 2), date(2026, 3, 3)]


def test_a_toll_told_in_a_later_statement_is_the_attacks(corpus, places, entities):
    text = (
        "Four guards were killed late on Sunday when IS gunmen stormed a post near Mayadin. "
        "Two other guards were wounded in the attack, the army said in a statement on Monday."
    )
    documents, mentions = corpus(("d", text, PUBLISHED, "Wire"))
    reports = extract_reports(documents, mentions, places, entities)
    events = merge_events(reports, documents, places, entities).events.to_pylist()
    got = [(e["killed_best"], e["wounded_best"], e["event_date"]) for e in events]
    assert got == [(4, 2, date(2026, 3, 1))]


def test_a_toll_on_a_day_of_its_own_is_another_attack(corpus, places, entities):
    text = (
        "Four guards were killed late on Sunday when IS gunmen stormed a post near Mayadin. "
        "On Monday, IS gunmen wounded two farmers in an ambush near Raqqa."
    )
    got = _events(corpus, places, entities, text)
    assert got == [("Al Mayadin", 4, date(2026, 3, 1)), ("Ar Raqqah", 0, date(2026, 3, 2))]


def test_the_day_a_toll_rose_is_no_attack_day(corpus, places, entities):
    text = (
        "The death toll from a truck bomb in Mayadin rose to 14 on Tuesday, medics said. "
        "The truck exploded on Monday beside a busy market."
    )
    got = _events(corpus, places, entities, text)
    assert got == [("Al Mayadin", 14, date(2026, 3, 2))]


def test_a_toll_rise_alone_still_dates_the_event(corpus, places, entities):
    text = "The death toll from a truck bomb in Mayadin rose to 14 on Tuesday, medics said."
    assert _events(corpus, places, entities, text) == [("Al Mayadin", 14, date(2026, 3, 3))]


def test_a_car_going_off_is_dated_only_for_the_attack_told(corpus, places, entities):
    text = (
        "IS gunmen killed four guards near Mayadin on Tuesday. "
        "In a separate attack, a car exploded near Raqqa on Monday, killing two."
    )
    got = _events(corpus, places, entities, text)
    assert got == [("Al Mayadin", 4, date(2026, 3, 3)), ("Ar Raqqah", 2, date(2026, 3, 2))]
