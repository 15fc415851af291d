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
