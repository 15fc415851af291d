"""Toll wordings of incident notes: one count "killed and injured" is a casualty count (killed or
wounded, not both), and the present tense of notes and headlines ("gunmen shoot dead")."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("Four shepherds were killed and injured by a landmine", (0, None, 4), (0, None, 4)),
        ("six people were wounded and killed in the blast", (0, None, 6), (0, None, 6)),
        # two counts: each its own (the counter-example)
        ("Four shepherds were killed and two injured by a landmine", (4, 4, 4), (2, 2, 2)),
        ("two guards were killed and three others were wounded", (2, 2, 2), (3, 3, 3)),
    ],
)
def test_one_count_killed_and_injured_is_a_range(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("Gunmen shoot dead a shopkeeper in the market", 1),
        ("A sniper shoots dead two farmers", 2),
        ("IS beheads a shepherd", 1),
    ],
)
def test_present_tense_tolls(clause, killed):
    assert count_casualties(clause).killed == (killed, killed, killed)


@pytest.mark.parametrize(
    "clause",
    ["They plan to execute the order", "Police shoot tear gas at the crowd"],
)
def test_present_tense_without_a_death_is_no_toll(clause):
    assert count_casualties(clause).killed is None
