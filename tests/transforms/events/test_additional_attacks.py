"""A sentence naming another attack than the one just told ("a second car bomb", "two more
bombs", "in a separate attack") reports its own attack: its toll adds to the first's instead of
updating it."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_reports, merge_events
from transforms.events.classify import additional_attacks, other_attacks

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



@pytest.mark.parametrize(
    ("clause", "after_several", "other"),
    [
        ("A number of other attacks took place in the city, killing four", False, True),
        ("Separate bombings hit two markets", False, True),
        ("In addition to this attack, three guards were shot dead", False, True),
        ("In addition to the bombing, gunmen raided a farm", True, True),
        # counter-examples: after a toll of several attacks, the others are its rest; no
        # other attacks named; the victims added, not an attack ("in addition to two guards")
        ("Other bombings in two towns killed ten", True, False),
        ("The bomb went off near other shops", False, False),
        ("in addition to two guards, a driver was killed", False, False),
    ],
)
def test_other_attacks_uncounted(clause, after_several, other):
    assert other_attacks(clause, after_several) is other


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one attack's toll, then other attacks with their own: the toll stays the first's
        (
            "A suicide bomber struck a funeral in Palmyra on Feb 20. At least 30 were killed in "
            "the blast. A number of other attacks took place in Raqqa and Mayadin, killing four.",
            [("Mayadin", 2, None), ("Palmyra", 30, None), ("Raqqa", 2, None)],
        ),
        # "in addition to this attack" tells another, though it points back
        (
            "A car bomb killed nine people in Raqqa on Feb 20. In addition to this attack, three "
            "guards were killed when gunmen stormed a checkpoint in Palmyra.",
            [("Palmyra", 3, None), ("Raqqa", 9, None)],
        ),
        # counter-example: after a toll of several attacks, "other bombings" are its rest
        (
            "A string of car bombings struck Syria on Feb 20, killing 30. The deadliest hit "
            "Raqqa, where two blasts killed 20. Other bombings in Mayadin and Palmyra killed 10.",
            [("Mayadin", 5, None), ("Palmyra", 5, None), ("Raqqa", 20, None)],
        ),
    ],
)
def test_other_attacks_keep_their_own_toll(tolls_by_place, text, expected):
    assert sorted(tolls_by_place(text), key=str) == sorted(expected, key=str)
