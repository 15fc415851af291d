"""Tolls as full articles write them: state media's "martyred", a toll opening right after a
dateline's dash, both sides' dead in a relative clause ("clashes in which ..."). Inputs written
here; each with a counter-example."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


def _best(r):
    return None if r is None else r[1]


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("A farmer was martyred and two of his sons were injured when shells fell on the town.",
         1, 2),
        ("Two soldiers were martyred in the attack on the checkpoint.", 2, None),
        # counter-examples: the martyrs of a square's or a cemetery's name died long ago
        ("Crowds gathered in Martyrs Square on Friday to protest.", None, None),
        ("He was buried in the martyrs' cemetery on Saturday.", None, None),
    ],
)  # fmt: skip
def test_martyred_counts_the_killed(clause, killed, wounded):
    got = count_casualties(clause)
    assert (_best(got.killed), _best(got.wounded)) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("TIKRIT - Twelve people were wounded and four killed when a bomb went off.", 4, 12),
        ("Homs, SANA - Seven civilians were injured when rockets hit a school.", None, 7),
        # counter-example: dashes around an aside, the count before them
        ("Three fighters - all from one village - were killed.", 3, None),
    ],
)
def test_a_toll_right_after_a_datelines_dash(clause, killed, wounded):
    got = count_casualties(clause)
    assert (_best(got.killed), _best(got.wounded)) == (killed, wounded)


def test_both_sides_dead_in_a_relative_clause_are_summed():
    got = count_casualties(
        "Gunmen attacked a checkpoint, sparking clashes in which 11 members of the security "
        "forces and six attackers were killed, officials said."
    )
    assert got.killed == (17, 17, 17) and got.perpetrators_killed == 6
    # counter-examples: "which" about the weapon, and the whole before a subset
    assert count_casualties("The bomb, which was hidden in a cart, killed two people.").killed == (
        2, 2, 2
    )  # fmt: skip
    assert count_casualties("Five people, all of whom were civilians, were killed.").killed == (
        5, 5, 5
    )  # fmt: skip
