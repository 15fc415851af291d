"""Killed and wounded as (low, best, high): numbers, words, vague quantities, attackers apart."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        (
            "the ministry said that a soldier and a civilian were killed on Saturday",
            (2, 2, 2),
            None,
        ),
        ("an ambush in Palmyra that killed three Americans in December", (3, 3, 3), None),
        ("five Syrians were killed and others wounded in two attacks", (5, 5, 5), (2, 2, None)),
        (
            "an attack that killed a member of the security forces and wounded another",
            (1, 1, 1),
            (1, 1, 1),
        ),
        ("Several officers were reportedly killed in bombings", (3, 10, None), None),
        ("a roadside bomb killed dozens of soldiers", (12, 12, None), None),
        ("at least 12 people were wounded", None, (12, 12, None)),
        ("more than 20 people were killed", (21, 21, None), None),
        (
            "gunmen opened fire, killing two policemen and wounding 3 civilians",
            (2, 2, 2),
            (3, 3, 3),
        ),
        ("two gunmen were killed by the guards", None, None),  # attackers are not victims
        ("a suicide bomber killed himself and four others", (4, 4, 4), None),
        ("the group carried out a pistol attack in the city", None, None),
        (
            "an attack left 25 members of the internal security forces dead and two others wounded",
            (25, 25, 25),
            (2, 2, 2),
        ),
        ("two officials were killed and three others wounded in an attack", (2, 2, 2), (3, 3, 3)),
        ("the shelling killed 5 fighters and wounded two others", (5, 5, 5), (2, 2, 2)),
    ],
)
def test_counts(clause, killed, wounded):
    got = count_casualties(clause)
    assert got.killed == killed
    assert got.wounded == wounded
