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


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # an opening phrase with no comma after it: the count after it is the subject's
        ("In separate attacks at least nine people were killed", 9, None),
        ("On Tuesday 14 villagers were wounded", None, 14),
        ("Nearby four shepherds and a boy were killed", 5, None),
        ("Elsewhere two policemen were hurt", None, 2),
        ("In Raqqa three guards and a driver were killed", 4, None),
        # the opening's own count (attacks, a day of a month, a year) is none of the victims
        ("In three ambushes 11 soldiers were killed", 11, None),
        ("On 4 June 6 people were wounded", None, 6),
        ("In 2019 20 fighters were killed", 20, None),
        # counter-examples: no opening, or no count after it (a bare plural stays 2)
        ("Seven guards at two checkpoints were killed", 7, None),
        ("In the raid the guards were killed", 2, None),
    ],
)
def test_opening_phrase_before_the_counted_subject(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed and got.killed[1], got.wounded and got.wounded[1]) == (killed, wounded)


def test_at_least_is_no_opening():
    # "at least 12" is a qualifier of the count (unbounded), not an opening "at ..."
    assert count_casualties("at least 12 people were wounded").wounded == (12, 12, None)
    assert count_casualties("At least 6 were killed in Raqqa").killed == (6, 6, None)
