"""A toll told as a whole with its parts counts the whole once: the dead among a count of the
hurt ("hurting 35, 10 of them fatally": killed 10, wounded 25), a total with its breakdown
("among the 28 victims were ..."), a range ("between 10 and 15": the lower figure, ACLED's
conservative count, the upper its bound), and counted people taken to hospital (the hurt)."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("the rocket fell on a wedding, hurting 40 guests, 12 of them fatally",
         (12, 12, 12), (28, 28, 28)),
        ("a mortar round struck the square, injuring 22 people, of them 4 dead",
         (4, 4, 4), (18, 18, 18)),
        ("the ambush wounded 30 recruits, five of whom later died", (5, 5, 5), (25, 25, 25)),
        ("the shelling caused 35 casualties, 10 of them fatal", (10, 10, 10), (25, 25, 25)),
        # counter-examples: a subset saying who, or how badly, takes nothing from the whole
        ("the bomb killed 30 people, 12 of them children", (30, 30, 30), None),
        ("the blast wounded 30 shoppers, 12 of them seriously", None, (30, 30, 30)),
        ("Thirty pilgrims, eight of them women, were killed near the shrine", (30, 30, 30), None),
    ],
)  # fmt: skip
def test_the_dead_among_the_hurt(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("Among the 19 victims were 15 conscripts and 4 farmers, while 60 others were hurt",
         (19, 19, 19), (60, 60, 60)),
        ("Among the 14 dead were three nurses and a porter", (14, 14, 14), None),
        ("The 12 dead included two women and a boy", (12, 12, 12), None),
        ("Among the 40 wounded were six cadets", None, (40, 40, 40)),
        # counter-example: a total of suspects is no toll
        ("Among the 3 suspects were two brothers", None, None),
    ],
)  # fmt: skip
def test_a_total_with_its_breakdown_counts_once(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("Between 10 and 15 villagers were killed in the raid", (10, 10, 15), None),
        ("between six and nine guards were wounded", None, (6, 6, 9)),
        ("the strike killed 20 to 25 fighters", (20, 20, 25), None),
        ("the blast wounded 10-15 commuters", None, (10, 10, 15)),
        # counter-examples: a toll's change is its last figure; an age or a time is no count
        ("the death toll climbed from 5 to 9", (9, 9, 9), None),
        ("A 12-year-old boy was killed", (1, 1, 1), None),
        ("twelve people were killed between 2 and 3 pm", (12, 12, 12), None),
    ],
)
def test_ranges_count_the_lower_figure(clause, killed, wounded):
    got = count_casualties(clause)
    assert (got.killed, got.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "wounded"),
    [
        ("Fourteen others were taken to hospital with burns", (14, 14, 14)),
        ("killing four and sending another 17 to hospital", (17, 17, 17)),
        ("leaving 3 dead and 11 more people being transported to hospitals in the city",
         (11, 11, 11)),
        ("8 students were hospitalised after the blast", (8, 8, 8)),
        # counter-examples: bodies, things, uncounted people and one man's check-up
        ("Six bodies were taken to the hospital", None),
        ("The army sent two ambulances to the hospital", None),
        ("two ambulances were sent to the hospital", None),
        ("The wounded were rushed to hospital", None),
        ("The mayor was taken to hospital for a check-up", None),
        ("Doctors at the hospital said three of the victims were children", None),
    ],
)  # fmt: skip
def test_counted_people_taken_to_hospital_were_hurt(clause, wounded):
    assert count_casualties(clause).wounded == wounded
