"""An act of killing or wounding named as a noun ("led to the killing of five", "the
martyrdom of two fighters and the wounding of three others", "martyring two young men"):
the wire translations of Iraqi and Syrian statements. Inputs written here, with
counter-examples that must not change."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("an airstrike on the hideout led to its destruction and the killing of four militants",
         4, None),
        ("which resulted in the martyrdom of three soldiers and the wounding of two others",
         3, 2),
        ("a drone hit the car, martyring two young men", 2, None),
        ("which led to the killing of one of them and the injury of the other", 1, 1),
        ("the assassination of a tribal elder", 1, None),
    ],
)  # fmt: skip
def test_a_named_act_counts_its_object(clause, killed, wounded):
    tolls = count_casualties(clause)
    assert (tolls.killed and tolls.killed[1], tolls.wounded and tolls.wounded[1]) == (
        killed,
        wounded,
    )


@pytest.mark.parametrize(
    "clause",
    [
        "pilgrims marked the anniversary of the martyrdom of Imam Hussein",
        "the Martyrs Documentation Office said",
    ],
)
def test_a_martyrdom_without_a_count_is_no_death(clause):
    assert count_casualties(clause).killed is None
