"""Tolls in wordings seen in encyclopedia summaries: victims named after the verb ("along with",
"as well as"), "other 40", hundreds written out with "and", a long dash opening an aside, a
possessive "her", "a couple", "mostly civilians". Each rule has a counter-example that must not
change."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # victims added after a passive verb, of its own kind
        ("a local judge was killed along with his driver and two guards", (4, 4, 4), None),
        ("two nurses were hurt, as well as a patient in the ward", None, (3, 3, 3)),
        ("a farmer was shot dead together with his three sons", (4, 4, 4), None),
        # ... not a phrase with a predicate of its own, nor another verb
        ("nine villagers were killed, as well as 14 wounded", (9, 9, 9), (14, 14, 14)),
        ("six men were killed along with 30 others hurt", (6, 6, 6), (30, 30, 30)),
        ("four guards were wounded as well as damaging a truck", None, (4, 4, 4)),
        ("three were injured, as well as a shop was burned", None, (3, 3, 3)),
        # "other N": the count after "other"
        ("two boys died and other 17 were injured by the blast", (2, 2, 2), (17, 17, 17)),
        ("two boys died and other pupils were injured", (2, 2, 2), (2, 2, None)),
        # hundreds written out with "and": one number
        ("the bomb killed one hundred and five people", (105, 105, 105), None),
        ("eighty died and three hundred and forty were hurt", (80, 80, 80), (340, 340, 340)),
        ("two hundred people were killed and five wounded", (200, 200, 200), (5, 5, 5)),
        # a dash set off by spaces opens an aside: the list before it is the victims
        (
            "the blast killed two drivers and a cook - their colleagues named four others, "
            "two clerks and a guard among them",
            (3, 3, 3),
            None,
        ),
        ("the shelling killed a well-known poet and his son", (2, 2, 2), None),
        # "her" before a noun is a determiner, alone a person
        ("a woman and her three daughters died in the fire set by the attackers", (4, 4, 4), None),
        ("a woman and her sisters were wounded", None, (3, 3, None)),
        ("gunmen killed her", (1, 1, 1), None),
        # "a couple": two people
        ("an elderly couple was killed when gunmen raided their farm", (2, 2, 2), None),
        ("a couple of shepherds were wounded", None, (2, 2, 2)),
        # "mostly civilians" says who, not how many
        ("the raid killed mostly women and children", None, None),
        ("the raid killed 12 people, mostly women", (12, 12, 12), None),
    ],
)
def test_added_phrase_counts(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


def test_attacker_added_after_the_verb_counts_as_perpetrator():
    got = count_casualties("two policemen were killed along with the gunman")
    assert got.killed == (3, 3, 3)
    assert got.perpetrators_killed == 1


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # victims on top of those the same sentence told before: added, not the larger kept
        (
            "two guards were shot dead at the gate, and the bodies of three drivers were also "
            "found nearby",
            (5, 5, 5),
            None,
        ),
        (
            "a shell killed a boy and wounded his mother, a sniper also killed a farmer",
            (2, 2, 2),
            (1, 1, 1),
        ),
        ("four soldiers died in the ambush, and two more died later in hospital", (6, 6, 6), None),
        # counter-examples: a toll's update, "more than", another kind, one statement only
        ("the death toll rose to eleven, after three more died in hospital", (11, 11, 11), None),
        ("four soldiers died, more than ten were hurt", (4, 4, 4), (10, 10, None)),
        ("a bomb killed three people and wounded another five", (3, 3, 3), (5, 5, 5)),
        ("three more bodies were found in the river", (3, 3, 3), None),
    ],
)
def test_victims_added_in_one_sentence(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        # people first taken, then killed: the count of those taken
        ("gunmen seized six farmers at a checkpoint and later executed them", (6, 6, 6)),
        ("militants abducted 12 shepherds near a village, and then beheaded them", (12, 12, 12)),
        ("two teachers were kidnapped on the road to school, and were later killed", (2, 2, 2)),
        # counter-examples: nothing counted was taken; a pronoun with no count before it
        ("the fighters captured the hill and killed them", None),
        ("gunmen stopped a minibus and killed them", None),
        ("two aid workers were kidnapped on Monday and released on Friday", None),
    ],
)
def test_victims_taken_then_killed(clause, killed):
    assert count_casualties(clause).killed == killed


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # one count for the dead and the hurt together: either, never a split
        ("a shell hit a square, killing and wounding eleven", (0, None, 11), (0, None, 11)),
        ("the blast killed or injured 40 workers", (0, None, 40), (0, None, 40)),
        ("six boys and girls were killed or hurt", (0, None, 6), (0, None, 6)),
        # counter-examples: a count for each verb
        ("the blast killed four and injured 40 workers", (4, 4, 4), (40, 40, 40)),
        ("six boys were killed and two girls hurt", (6, 6, 6), (2, 2, 2)),
    ],
)
def test_one_count_for_dead_and_hurt(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        # terse tolls with no "and": each count with its own word
        ("a blast left at least 3 dead 12 injured", (3, 3, None), (12, 12, 12)),
        ("two rockets fell on the camp, leaving 4 killed 9 wounded", (4, 4, 4), (9, 9, 9)),
        # counter-example: a bare participle before its object is the killers' verb
        ("two gunmen killed three people", (3, 3, 3), None),
        # a phrase added before the victims counts only before a phrase of victims
        ("besides the gunman, two guards were killed", (3, 3, 3), None),
        (
            "besides the gunman, one guard was killed and three others were hurt",
            (2, 2, 2),
            (3, 3, 3),
        ),
        # ... and never a thing pointed back to
        ("in addition to this raid, five shepherds were killed", (5, 5, 5), None),
    ],
)
def test_terse_and_added_before(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)
