"""Killed and wounded as (low, best, high): numbers, words, vague quantities, attackers counted
apart as perpetrators, stated absences, and numbers that are no toll."""

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
        ("more than 20 people were killed", (20, 20, None), None),  # the stated figure (GTD, ACLED)
        (
            "gunmen opened fire, killing two policemen and wounding 3 civilians",
            (2, 2, 2),
            (3, 3, 3),
        ),
        ("the group carried out a pistol attack in the city", None, None),
        (
            "an attack left 25 members of the internal security forces dead and two others wounded",
            (25, 25, 25),
            (2, 2, 2),
        ),
        ("two officials were killed and three others wounded in an attack", (2, 2, 2), (3, 3, 3)),
        ("the shelling killed 5 fighters and wounded two others", (5, 5, 5), (2, 2, 2)),
        # Number words: compounds, hundreds, dozens.
        ("Forty-three villagers were killed in the raid", (43, 43, 43), None),
        ("ninety one people died and two hundred were injured", (91, 91, 91), (200, 200, 200)),
        ("two dozen passengers were hurt", None, (24, 24, 24)),
        ("a few shepherds were wounded", None, (2, 3, 5)),
        # A subset is not added to its whole.
        ("Thirty pilgrims, eight of them women, were killed near the shrine", (30, 30, 30), None),
        ("the mortar killed nine people, including four children", (9, 9, 9), None),
        # Conjuncts are summed; a clause before "and" is no conjunct.
        ("five guards and three drivers were killed", (8, 8, 8), None),
        ("a mine went off and four herders were killed", (4, 4, 4), None),
        # Nouns of death and injury, the toll, bodies, executions, verbs of dying.
        ("the blast led to the deaths of at least 9 people", (9, 9, None), None),
        ("the rocket caused four fatalities and 11 injuries", (4, 4, 4), (11, 11, 11)),
        ("the death toll has risen to 31", (31, 31, 31), None),
        # A time between the rise and its figure; the rise named as a noun.
        ("the toll of the market bombing climbed again on Friday to 26 dead", (26, 26, 26), None),
        (
            "monitors recorded a rise in the death toll of the shelling on the town, today, to 8",
            (8, 8, 8),
            None,
        ),
        ("the price of fuel rose later on Sunday to 900 pounds", None, None),
        ("a rise in the number of checkpoints to 40 this year", None, None),
        ("the remains of six workers were recovered from a well", (6, 6, 6), None),
        ("eight captives were executed by the group", (8, 8, 8), None),
        ("Two nurses died in the shelling", (2, 2, 2), None),
        ("the raid left three fighters killed and five others wounded", (3, 3, 3), (5, 5, 5)),
        ("Officials gave a first count of twelve dead and 30 wounded", (12, 12, 12), (30, 30, 30)),
        ("the bomb killed four and injured another 15", (4, 4, 4), (15, 15, 15)),
        # Missing is not wounded.
        ("seven troops were killed and 3 others are missing", (7, 7, 7), None),
        # "Casualties" is killed or wounded: a range, no death count.
        ("the shelling caused 20 casualties", (0, None, 20), (0, None, 20)),
        ("the bombing killed two and caused 20 casualties", (2, 2, 2), (0, None, 20)),
        # Stated absences are zeros; a stated toll outranks them.
        ("nobody was hurt in the explosion", (0, 0, 0), (0, 0, 0)),
        ("the blast caused no casualties", (0, 0, 0), (0, 0, 0)),
        ("the crew walked away unharmed", (0, 0, 0), (0, 0, 0)),
        ("there were neither injuries nor deaths", (0, 0, 0), (0, 0, 0)),
        ("no one was killed but three guards were wounded", (0, 0, 0), (3, 3, 3)),
        ("one guard was killed and the others were unhurt", (1, 1, 1), (0, 0, 0)),
        # Negated verbs state nothing by themselves.
        ("the hostages were not killed", None, None),
        # Numbers that are no tolls: ages, distances, dates, history, ordinals, prices.
        ("a 14-year-old girl was killed", (1, 1, 1), None),
        ("the car bomb went off 3 km from the base, killing two", (2, 2, 2), None),
        ("the commander, who was killed in 2016, had founded the cell", None, None),
        ("a soldier of the 4th brigade was wounded", None, (1, 1, 1)),
        ("the price of bread rose to 500 pounds", None, None),
        ("the toll road reopened on 3 May", None, None),
        # The killers are no victims: a count followed by its object.
        ("three gunmen killed two farmers", (2, 2, 2), None),
    ],
)
def test_counts(clause, killed, wounded):
    got = count_casualties(clause)
    assert got.killed == killed
    assert got.wounded == wounded


@pytest.mark.parametrize(
    ("clause", "killed", "perpetrators"),
    [
        ("two gunmen were killed by the guards", (2, 2, 2), 2),
        ("a suicide bomber killed himself and four others", (5, 5, 5), 1),
        ("three suicide attackers blew themselves up at the gate", (3, 3, 3), 3),
        ("the bomber blew himself up, killing six shoppers", (7, 7, 7), 1),
        ("apart from the attacker, four passers-by died", (5, 5, 5), 1),
        ("the clash left nine soldiers and four insurgents dead", (13, 13, 13), 4),
        ("the driver was killed, as were two policemen", (3, 3, 3), None),
        # Counter-examples: attackers who lived, victims only.
        ("two gunmen killed a guard and fled", (1, 1, 1), None),
        ("the bomber detonated a truck, killing 12 people", (12, 12, 12), None),
    ],
)
def test_perpetrators_killed(clause, killed, perpetrators):
    got = count_casualties(clause)
    assert got.killed == killed
    assert got.perpetrators_killed == perpetrators


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # The subject of the next clause is not the object of the first.
        ("a shell killed two and another 6 were hurt", (2, 2, 2), (6, 6, 6)),
        ("the blast killed a guard and damaging shops nearby", (1, 1, 1), None),
        # "hurt" is an active verb as "wounded" is: its object is wounded, not killed ...
        ("a rocket killed a farmer and hurt his two sons", (1, 1, 1), (2, 2, 2)),
        ("the mine killed one soldier, hurting four more", (1, 1, 1), (4, 4, 4)),
        ("a car bomb hurt 23 shoppers", None, (23, 23, 23)),
        ("the rocket killed or hurt 14 people", (0, None, 14), (0, None, 14)),
        ("a shell killed a boy and injured his mother", (1, 1, 1), (1, 1, 1)),
        # ... when it harms people: a counted or someone's object, not a thing or an idea.
        ("the siege killed ten and hurt the town's trade", (10, 10, 10), None),
        ("the curfew hurt the economy", None, None),
        # Present tense, collective nouns, putting to death, rising tolls.
        ("At least 3 people die in the fire set by the attackers", (3, 3, None), None),
        ("a family of four was killed by the shell", (4, 4, 4), None),
        ("two hostages were beaten to death", (2, 2, 2), None),
        ("the captors burned a driver to death", (1, 1, 1), None),
        ("the toll from the market bombing in the city has climbed to 19", (19, 19, 19), None),
        # Killed or wounded, not saying which: a range for both.
        ("9 people were killed or wounded in the blast", (0, None, 9), (0, None, 9)),
        # A bare noun after a counted one shares its count; with its own count it adds.
        ("40 guards and drivers were executed", (40, 40, 40), None),
        ("40 guards and 3 drivers were executed", (43, 43, 43), None),
        # Adjectives and irregular plurals.
        ("the killed guards were named by the ministry", None, None),
        ("the policemen were wounded", None, (2, 2, None)),
    ],
)
def test_counts_more_kinds(clause, killed, wounded):
    got = count_casualties(clause)
    assert got.killed == killed
    assert got.wounded == wounded
