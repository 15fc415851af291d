"""A second act in one clause whose verb takes "N others" as its object adds its victims to the
first ("a bombing killed 40, followed by a second blast that killed 6 others": 46). "Others" in a
list ("a commander and 3 others"), or of another kind, adds nothing more than before. A cause
after the verb ("wounded due to militant shelling") is no object counting people. Inputs
written here; each rule has a counter-example that must not change."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # a second blast's victims, the object of its own verb after a clause break
        (
            "at least 40 people died in a truck bombing, followed by a second blast that "
            "killed 6 others",
            (46, 46, None),
            None,
        ),
        ("a mortar round killed three boys, and another shell killed two others", (5, 5, 5), None),
        ("gunmen wounded four guards, then a grenade injured 7 others", None, (11, 11, 11)),
        # counter-examples: a list of victims, the other kind, a subject before its verb
        ("the blast killed a police officer and 3 others travelling with him", (4, 4, 4), None),
        ("a car bomb killed 12 shoppers, wounding 30 others", (12, 12, 12), (30, 30, 30)),
        ("nine soldiers were killed and 14 others wounded", (9, 9, 9), (14, 14, 14)),
    ],
)
def test_others_after_a_verb_of_a_second_act_add(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "wounded"),
    [
        # a cause after the verb is no object: "due to militant shelling" counts no one
        ("a boy was wounded due to militant shelling", (1, 1, 1)),
        ("a farmer was injured because of insurgent mortar fire", (1, 1, 1)),
        ("two girls were hurt owing to terrorist rocket fire", (2, 2, 2)),
        # counter-example: the object of the active verb still counts
        ("the shelling injured four insurgents and a boy", (5, 5, 5)),
    ],
)
def test_a_cause_after_the_verb_counts_no_one(clause, wounded):
    assert count_casualties(clause).wounded == wounded
