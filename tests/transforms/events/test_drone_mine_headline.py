"""Attacks told with a drone dropping munitions, a land mine written as two words, or a
headline's present tense ("IS execute ..."). Inputs written here; each with a counter-example
that must not change."""

from __future__ import annotations

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: sorted(
        (r["location_text"] or "", r["killed_best"], r["wounded_best"])
        for r in real_reports(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A drone dropped a grenade on a farm near Tikrit on Monday, wounding two farmers.",
         [("Tikrit", 0, 2)]),
        ("A land mine hit a truck near Baiji on Monday. Its driver was wounded.",
         [("Baiji", 0, 1)]),
        ("Gunmen execute three shepherds near Hawija.", [("Hawija", 3, None)]),
    ],
)  # fmt: skip
def test_attacks_told_so(told, text, expected):
    assert told(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Counter-examples: a drone dropping leaflets, a mine that is no weapon, a threat to
        # execute.
        "A drone dropped leaflets over Tikrit on Monday urging residents to leave.",
        "Workers reopened the phosphate mine near Baiji on Monday.",
        "IS threatened to execute three shepherds near Hawija.",
    ],
)
def test_not_attacks(told, text):
    assert told(text) == []
