"""A series' total told after its attacks ("A total of 20 were killed in the three blasts", "in
all four attacks"): counted once over the attacks it sums, never as the last one's toll (a
double count) nor as new attacks (a lost toll)."""

from __future__ import annotations

import pytest

from transforms.events.series import is_series_total, spread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every part states its own: the total's excess goes on top of them, evenly
        (
            "A truck bomb hit the grain silo in Raqqa on Feb 20, killing nine workers. An hour "
            "later a car bomb went off at the bus depot in Mayadin, killing three. A total of "
            "18 people died in the two bombings.",
            [("Mayadin", 6, None), ("Raqqa", 12, None)],
        ),
        # a total of the attacks told as one of a count, the others placed nowhere
        (
            "A car bomb went off outside the court in Raqqa on Feb 20. It was one of three "
            "bombs set off in the city that morning. Twenty-one people were killed and 40 "
            "wounded in all three attacks.",
            [("Raqqa", 21, 40)],
        ),
        # the total equals what the parts state: it restates them
        (
            "A truck bomb hit the grain silo in Raqqa on Feb 20, killing nine workers. An hour "
            "later a car bomb went off at the bus depot in Mayadin, killing three. Twelve "
            "people died in the two bombings.",
            [("Mayadin", 3, None), ("Raqqa", 9, None)],
        ),
        # counter-example: one attack's later toll (no total wording) stays the last one's
        (
            "A truck bomb hit the grain silo in Raqqa on Feb 20, killing nine workers. On Feb "
            "21 a car bomb went off at the bus depot in Mayadin, killing three. Seven people "
            "died in the blast.",
            [("Mayadin", 7, None), ("Raqqa", 9, None)],
        ),
        # counter-example: a total of the attacks told after it is theirs, shared (no spread)
        (
            "A truck bomb hit the grain silo in Raqqa on Feb 20, killing nine workers. Bombs "
            "also went off in Mayadin and Palmyra. Six people died in those attacks.",
            [("Mayadin", 3, None), ("Palmyra", 3, None), ("Raqqa", 9, None)],
        ),
    ],
)
def test_series_total_counts_once(tolls_by_place, text, expected):
    assert tolls_by_place(text) == expected


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("A total of 18 people died", True),
        ("18 were killed in all four attacks", True),
        ("the three blasts killed 18", True),
        ("In all, 18 were killed", True),
        # counter-examples: one attack, or attacks not yet told
        ("the blast killed 18", False),
        ("a bomb killed 18 at the market", False),
        ("attacks killed 18 across the province", False),
    ],
)
def test_series_total_wording(text, total):
    assert is_series_total(text) is total


def test_spread_keeps_the_parts_and_adds_to_the_total():
    # silent parts share what the stated ones leave
    assert spread((20, 20, 20), [(8, 8, 8), None, None]) == [(8, 8, 8), (0, 6, 20), (0, 6, 20)]
    # every part stated: the excess on top, each keeps its own figure as the low
    assert spread((20, 20, None), [(9, 9, 9), (3, 3, 3)]) == [(9, 13, None), (3, 7, None)]
    # a total no larger than the parts changes nothing
    assert spread((10, 10, 10), [(9, 9, 9), (3, 3, 3)]) == [(9, 9, 9), (3, 3, 3)]
    # an inferred zero (a report of only wounded) is silent
    assert spread((5, 5, 5), [(0, 0, None), (2, 2, 2)]) == [(0, 3, 5), (2, 2, 2)]


def test_spread_shares_by_place():
    # two silent parts of one place are one attack's: one share, each of them carrying it
    assert spread((10, 10, 10), [(4, 4, 4), None, None], ["x", "y", "y"]) == [
        (4, 4, 4),
        (0, 6, 10),
        (0, 6, 10),
    ]
    # a place stating its toll in one part takes nothing for its silent other part
    assert spread((10, 10, 10), [None, (4, 4, 4), None], ["x", "x", "y"]) == [
        None,
        (4, 4, 4),
        (0, 6, 10),
    ]
    # counter-example: parts of no place (None) are each an attack of their own
    assert spread((9, 9, 9), [None, None, None], [None, None, None]) == [
        (0, 3, 9),
        (0, 3, 9),
        (0, 3, 9),
    ]


def test_spread_leaves_parts_that_reach_the_total_low():
    # "nearly 50 were hurt" (49 to 50): parts stating 49 already reach it
    assert spread((49, 50, 50), [(30, 30, 30), (19, 19, 19)]) == [(30, 30, 30), (19, 19, 19)]
    # counter-example: parts short of the low bound still take the excess, on top
    assert spread((49, 50, 50), [(30, 30, 30), (10, 10, 10)]) == [(30, 35, 40), (10, 15, 20)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the total first, then its attacks: silent places share what the stated one leaves
        (
            "A wave of bombings across Syria killed 20 people on Feb 20. In Raqqa a truck bomb "
            "killed eight at a bus station. Car bombs also went off in Mayadin and Palmyra.",
            [("Mayadin", 6, None), ("Palmyra", 6, None), ("Raqqa", 8, None)],
        ),
        # every attack states its own: the total's excess goes on top of them
        (
            "Attacks across eastern Syria killed 15 people on Feb 20. A car bomb killed seven "
            "in Raqqa. Gunmen killed five at a checkpoint in Mayadin.",
            [("Mayadin", 6, None), ("Raqqa", 9, None)],
        ),
        # a comparison with the past is no part of the total
        (
            "Bombings across Syria killed 12 people on Feb 20, the worst day since attacks in "
            "March left 40 dead. A car bomb killed seven in Raqqa. Shells hit Palmyra.",
            [("Palmyra", 5, None), ("Raqqa", 7, None)],
        ),
        # counter-example: a tally over a span of time sums no attack told after it
        (
            "Attacks across Syria have killed 300 people this month. A car bomb killed seven in "
            "Raqqa. Shells hit Palmyra.",
            [("Palmyra", None, None), ("Raqqa", 7, None)],
        ),
        # a roundup of the other attacks, told after the one detailed: an attack of its own
        (
            "A car bomb killed nine at the bus depot in Raqqa on Feb 20. Other attacks across "
            "Syria killed four people and wounded 11.",
            [("Raqqa", 9, None), ("Syria", 4, 11)],
        ),
        # ... and what the one attack told after it leaves of it is theirs
        (
            "Seven people were killed in other attacks across Syria on Feb 20, among them a "
            "car bombing in Raqqa that killed five.",
            [("Raqqa", 5, None), ("Syria", 2, None)],
        ),
        # counter-example: one attack told after a total of attacks (not named others) is not
        # all of it, and the rest is a tally's
        (
            "Attacks across Syria killed 12 people on Feb 20. A car bomb killed six in Raqqa.",
            [("Raqqa", 6, None)],
        ),
        # the one attack after a total, stating none of its kind, takes the total
        (
            "Bombings across Syria wounded 30 people on Feb 20. A car bomb killed six in Raqqa.",
            [("Raqqa", 6, 30)],
        ),
        # counter-example: an attack that reaches the total leaves nothing untold
        (
            "Attacks across Syria killed six people on Feb 20. A car bomb killed six in Raqqa.",
            [("Raqqa", 6, None)],
        ),
        # counter-example: a tally over a span of time makes no attack of its own
        (
            "A car bomb killed nine in Raqqa on Feb 20. Attacks across Syria have killed 300 "
            "people this month.",
            [("Raqqa", 9, None)],
        ),
    ],
)
def test_total_told_first_counts_once(tolls_by_place, text, expected):
    assert tolls_by_place(text) == expected
