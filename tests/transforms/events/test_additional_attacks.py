"""A sentence naming another attack than the one just told ("a second car bomb", "two more
bombs", "in a separate attack") reports its own attack: its toll adds to the first's instead of
updating it."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_reports, merge_events
from transforms.events.classify import additional_attacks

SAT = date(2026, 2, 21)


@pytest.mark.parametrize(
    ("clause", "count"),
    [
        ("A second roadside bomb went off an hour later", 1),
        ("another suicide bomber blew himself up at the gate", 1),
        ("Two more bombs exploded near the bus station", 2),
        ("in a separate attack gunmen shot a teacher", 1),
        ("An additional explosion hit the market", 1),
    ],
)
def test_another_attack_is_counted(clause, count):
    assert additional_attacks(clause) == count


@pytest.mark.parametrize(
    "clause",
    [
        "another two people were wounded",  # more victims, not another attack
        "the second day of the offensive",
        "the blast was the third in a week",  # a definite reference back
        "a bomb exploded near the market",
    ],
)
def test_no_other_attack_named(clause):
    assert additional_attacks(clause) is None


def _events(corpus, places, entities, text):
    documents, mentions = corpus(("d", text, SAT, "Outlet"))
    reports = extract_reports(documents, mentions, places, entities)
    return merge_events(reports, documents, places, entities).events.to_pylist()


def test_a_second_bomb_adds_its_toll(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "A car bomb exploded in Mayadin, killing four shoppers. "
        "A second car bomb went off nearby, killing an additional two people.",
    )
    assert sum(e["killed_best"] for e in evs) == 6


def test_a_toll_update_is_not_another_attack(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "A car bomb exploded in Mayadin, killing four shoppers. "
        "The death toll from the bombing later rose to six.",
    )
    assert [e["killed_best"] for e in evs] == [6]


def test_one_document_two_tolls_at_one_place_and_day_are_two_attacks(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "A car bomb exploded in Mayadin on Feb 21, killing five people. "
        "A roadside bomb hit an army patrol in Mayadin on Feb 21, killing two soldiers.",
    )
    assert sorted(e["killed_best"] for e in evs) == [2, 5]

