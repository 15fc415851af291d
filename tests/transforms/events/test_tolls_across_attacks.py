"""Tolls of a passage telling several attacks: another attack in another governorate keeps its
own toll (the first attack's is not shared with it), and a toll smaller than what the attacks
told before state on their own is the toll of the attacks told after them, not a total."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one attack's toll told first, its place next; then another attack elsewhere
        (
            "Nine people were killed and twenty wounded on Feb 20 when a bomb went off in a "
            "crowded cafe. The blast hit the old market of Mayadin. On the same day, gunmen "
            "raided a checkpoint in Raqqa, killing four soldiers.",
            [("Mayadin", 9, 20), ("Raqqa", 4, None)],
        ),
        # counter-example: a series' toll is shared (what the attack stating its own leaves)
        (
            "A wave of bombings killed twelve people on Feb 20. One blast hit the old market "
            "of Mayadin. Gunmen raided a checkpoint in Raqqa, killing four soldiers.",
            [("Mayadin", 8, None), ("Raqqa", 4, None)],
        ),
    ],
)
def test_another_attack_elsewhere(tolls_by_place, text, expected):
    assert tolls_by_place(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the smaller toll, after the attacks stating none: theirs, shared
        (
            "A car bomb killed 14 people and wounded 30 in Raqqa on Feb 20. Roadside bombs "
            "and shootings were also reported in Mayadin and Palmyra. Six people were "
            "killed and 8 hurt in those incidents.",
            [("Mayadin", 3, 4), ("Palmyra", 3, 4), ("Raqqa", 14, 30)],
        ),
        # counter-example: a larger toll is the total; the others share what it leaves
        (
            "A car bomb killed 14 people in Raqqa on Feb 20. Roadside bombs and shootings "
            "were also reported in Mayadin and Palmyra. Twenty people were killed in all.",
            [("Mayadin", 3, None), ("Palmyra", 3, None), ("Raqqa", 14, None)],
        ),
        # counter-example: attacks told before the one stating its toll take no smaller toll
        (
            "Roadside bombs and shootings were reported in Mayadin and Palmyra on Feb 20. "
            "A car bomb killed 14 people in Raqqa. Six civilians were killed.",
            [("Mayadin", None, None), ("Palmyra", None, None), ("Raqqa", 14, None)],
        ),
    ],
)
def test_smaller_toll_after_the_stated_ones(tolls_by_place, text, expected):
    assert tolls_by_place(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places of one clause keep their own tolls, whatever clause comes before it
        (
            "On Feb 20, car bombs killed 30 in Mayadin and 12 in Raqqa.",
            [("Mayadin", 30, None), ("Raqqa", 12, None)],
        ),
        (
            "In a night of raids, gunmen killed three guards in Mayadin and a shepherd in Raqqa.",
            [("Mayadin", 3, None), ("Raqqa", 1, None)],
        ),
        # or share the one toll the clause states, never each the whole
        (
            "On Feb 20, car bombs went off in Mayadin and Raqqa, killing 12.",
            [("Mayadin", 6, None), ("Raqqa", 6, None)],
        ),
        # counter-example: places in clauses of their own keep their own clauses' tolls
        (
            "A bomb killed five people in Mayadin on Feb 20, while in Raqqa gunmen shot dead "
            "three policemen.",
            [("Mayadin", 5, None), ("Raqqa", 3, None)],
        ),
    ],
)
def test_places_of_one_clause_after_another(tolls_by_place, text, expected):
    assert tolls_by_place(text) == expected
