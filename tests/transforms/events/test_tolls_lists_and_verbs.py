"""Tolls in the wordings of incident notes: lists of victims after an active verb, several verb
phrases of one subject, totals with their parts, verbs of killing beyond "killed", and the
auxiliary of an elliptic clause. Each rule has a counter-example that must not fire."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        # A list after an active verb, closed by "and": every item counts.
        ("a sniper shot dead a teacher, her husband and 3 neighbours in the square", 5),
        ("the shell killed a farmer, two herders and six goats' owners", 9),
        # Counter-examples: an appositive names the victim; items that restate the count.
        ("the gunmen killed Omar Haddad, a retired judge, and fled", 1),
        ("the raid killed two medics, a Kurd and an Arab, near the clinic", 2),
        ("gunmen killed a guard, then fled", 1),
    ],
)
def test_lists_after_an_active_verb(clause, killed):
    assert count_casualties(clause).killed[1] == killed


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        # Two verb phrases of one subject add up.
        ("the cell beheaded two drivers and killed a mechanic", 3),
        ("militants killing 4 recruits and also killing their trainer", 5),
        (
            "they tortured 11 men to death, executed a cleric, and shot dead a family of four",
            16,
        ),
        # Counter-example: one statement restating the same victims keeps the larger.
        ("a bomb killed five people, four of them police", 5),
    ],
)
def test_verb_phrases_of_one_subject_add_up(clause, killed):
    assert count_casualties(clause).killed[1] == killed


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        # The whole, not the whole plus its parts.
        ("Seven people including four pilgrims and a guide were killed", 7),
        ("Five workers among them two engineers were killed", 5),
        # A bare phrase after a count shares it.
        ("At least 14 border guards and allied tribesmen were killed", 14),
        ("nine conscripts and Russian-trained commandos died", 9),
        # Counter-examples: a part with its own count, or a determiner, adds.
        ("At least 14 border guards and two tribesmen were killed", 16),
        ("9 conscripts and the driver died", 10),
        # A parenthesis before the verb is no conjunct.
        ("A guard of the oil company (Northern Oil Services) was killed", 1),
        ("Two nurses (sisters from the village) were killed", 2),
        # "a family composed of five"
        ("a family composed of 6 was killed by the shell", 6),
        ("a family consisting of four people died", 4),
        ("a family was killed by the shell", 1),
    ],
)
def test_totals_and_parts(clause, killed):
    assert count_casualties(clause).killed[1] == killed


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("a council member was gunned down outside his home", 1),
        ("two traders were shot and killed at the market", 2),
        ("four truck drivers were shot to death at the crossing", 4),
        ("three herders were found dead in the valley", 3),
        ("militants assassinated a mayor and two aides", 3),
        ("the group burned eleven prisoners alive", 11),
        ("the attackers burned to death 6 villagers", 6),
        ("the explosion claimed another 17 lives", 17),
        ("the strike left one death and nine injuries", 1),
    ],
)
def test_verbs_of_killing(clause, killed):
    assert count_casualties(clause).killed[1] == killed


@pytest.mark.parametrize(
    "clause",
    [
        "the group claimed responsibility for the blast",
        "a death squad was blamed for the raid",
        "the farmers were found alive in the valley",
        "two shepherds were shot in the leg",
    ],
)
def test_no_death_without_a_verb_of_killing(clause):
    assert count_casualties(clause).killed is None


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # The auxiliary of an elliptic clause is no plural noun.
        ("a sentry was killed and another was wounded", (1, 1, 1), (1, 1, 1)),
        ("a teacher was killed and her son was hurt", (1, 1, 1), (1, 1, 1)),
        ("a mortar kills one and another five were injured", (1, 1, 1), (5, 5, 5)),
        ("a mine killed 3 sappers and injured another one", (3, 3, 3), (1, 1, 1)),
        ("the car bomb left at least one death and eight injured", (1, 1, None), (8, 8, 8)),
        # Counter-example: a plural subject after "and" still counts as plural.
        ("a sentry was killed and villagers were wounded", (1, 1, 1), (2, 2, None)),
    ],
)
def test_elliptic_clauses(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("gunmen fired on two brothers at the well, killing them both", 2),
        ("a sniper fired at a nurse, resulting in her death", 1),
        ("a mine struck the truck, causing the driver's instant death", 1),
        ("the strike resulted in a conscript dead and another one wounded", 1),
        ("four herders were abducted and later executed by the cell", 4),
        ("the cell put at least 7 captives to death", 7),
        ("the group burns nine prisoners alive", 9),
    ],
)
def test_outcomes_and_coordinated_participles(clause, killed):
    assert count_casualties(clause).killed[1] == killed


@pytest.mark.parametrize(
    "clause",
    [
        # Counter-examples: a death that is not one; a first participle that is a casualty.
        "the blast caused his house to collapse",
        "the raid resulted in the arrest of four men",
        "four herders were abducted and later released",
    ],
)
def test_outcomes_without_a_death(clause):
    assert count_casualties(clause).killed is None


def test_casualty_participles_stay_one_count_for_both():
    got = count_casualties("five farmers were wounded and killed by the shelling")
    assert (got.killed, got.wounded) == ((0, None, 5), (0, None, 5))


@pytest.mark.parametrize(
    ("clause", "wounded"),
    [
        # Wounds sustained or suffered, and a resultative "left".
        ("a shepherd died and another sustained injuries when the mine went off", 1),
        ("four cadets suffered shrapnel wounds in the shelling", 4),
        ("two porters were left injured by the blast", 2),
        ("a medic was also left wounded at the gate", 1),
    ],
)
def test_wounds_sustained_and_left_wounded(clause, wounded):
    assert count_casualties(clause).wounded[1] == wounded


@pytest.mark.parametrize(
    "clause",
    [
        # Counter-examples: losses, threats and being left behind are no wounds.
        "the garrison sustained heavy losses",
        "the mayor received threats before the attack",
        "two porters were left behind at the gate",
    ],
)
def test_no_wounds_without_injuries(clause):
    assert count_casualties(clause).wounded is None
