"""A live blog tells its items newest first, each under a time heading ("06:20 GMT - ..."):
no passage, and so no date, runs from one item into the next, and an undated item that refers
back to the attacks told ("died in the bombing in X") takes their day. Inputs written here;
each with a counter-example."""

from __future__ import annotations

from datetime import date

from transforms.events import extract_reports

PUBLISHED = date(2026, 3, 6)  # a Friday: Tuesday is 3 March


def _reports(corpus, places, entities, text):
    documents, mentions = corpus(("d", text, PUBLISHED, "Blog"))
    rows = extract_reports(documents, mentions, places, entities).to_pylist()
    return sorted(((r["killed_best"], r["event_date"]) for r in rows), key=str)


BLOG = (
    "09:15 GMT - Toll climbs\n"
    "Hospital staff said 11 people were killed when IS gunmen bombed a market in Mayadin on "
    "Tuesday.\n\n"
    "08:30 GMT - Strike on Raqqa\n"
    "Monitors said 5 fighters were killed when jets hit a depot near Raqqa late on Tuesday.\n\n"
    "07:45 GMT - Envoy summoned\n"
    "The foreign ministry said it had summoned an envoy. It will lodge a protest.\n\n"
    "06:20 GMT - First figures\n"
    "A medic said at least 7 people died in the bombing in Mayadin.\n\n"
    "04:00 GMT - Background\n"
)


def test_an_earlier_item_takes_the_day_of_the_attack_it_refers_to(corpus, places, entities):
    text = BLOG + (
        "The army said its jets struck 30 targets. The raids answered a drone attack on a base "
        "in Syria on 28 February that killed three soldiers."
    )
    got = _reports(corpus, places, entities, text)
    assert (7, date(2026, 3, 3)) in got
    assert (7, date(2026, 2, 28)) not in got


def test_without_time_headings_a_dated_attack_after_is_one_passage(corpus, places, entities):
    text = (
        "A medic said at least 7 people died in a bombing in Mayadin. The bombing answered a "
        "drone attack on a base in Syria on 28 February that killed three soldiers."
    )
    assert _reports(corpus, places, entities, text) == [(7, date(2026, 2, 28))]


def test_a_time_heading_is_told_from_a_sentence_opening_with_a_time():
    from transforms.events.extract import _TIMESTAMP_HEADING

    for heading in ("06:20 GMT - First figures", "1.05pm: Strikes confirmed", "23:10 | Update"):
        assert _TIMESTAMP_HEADING.match(heading), heading
    for sentence in ("10:30 GMT was when the blast hit.", "At 06:20 - a blast", "3.5 km away"):
        assert not _TIMESTAMP_HEADING.match(sentence), sentence
