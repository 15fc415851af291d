"""A coder's toll field ("Fatalities: 5", "Fatalities: 2 civilians") after a note's attack is
its death toll; the word in prose, or a field holding no number, counts none."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_reports, merge_events
from transforms.events.casualties import count_casualties

DAY = date(2020, 3, 9)


def _events(corpus, places, entities, text):
    documents, mentions = corpus(("d", text, DAY, "Coders"))
    reports = extract_reports(documents, mentions, places, entities)
    return merge_events(reports, documents, places, entities).events.to_pylist()


@pytest.mark.parametrize(
    ("field", "killed"),
    [("Fatalities: 5.", 5), ("Fatalities: 2 civilians.", 2), ("Fatalities: 0.", 0)],
    ids=["number", "number-and-who", "none"],
)
def test_a_toll_field_after_a_note_is_its_death_toll(corpus, places, entities, field, killed):
    text = f"On 9 March 2020, IS gunmen attacked a checkpoint near Mayadin. {field}"
    assert [e["killed_best"] for e in _events(corpus, places, entities, text)] == [killed]


@pytest.mark.parametrize(
    "clause",
    [
        "fatalities: 3 were feared by the monitors",  # not a capitalised field label
        "Fatalities: unknown.",
        "The casualty ratio: 3 to 1.",
    ],
    ids=["prose-word", "no-number", "other-field"],
)
def test_no_toll_field_counts_no_dead(clause):
    assert count_casualties(clause).killed is None
