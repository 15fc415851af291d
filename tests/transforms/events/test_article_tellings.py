"""Article wordings met in wire and regional reports, each with a counter-example that must
not change: a number grouped by commas ("1,700"), an attack told again by its named attackers
("The IS militants attacked the outpost near X"), where the fire or the attackers came from
("launched from the vicinity of Y", "who came from the neighbouring Y province"), and the far
end of a road ("the road between X and the village of Y"). Inputs written here."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.fixture
def told(real_reports):
    return lambda text: sorted(
        (r["location_text"], r["killed_best"], r["wounded_best"]) for r in real_reports(text)
    )


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("militants executed about 1,500 prisoners", 1500),
        ("2,300 people were killed in the fighting", 2300),
        ("the toll rose to 1,050", 1050),
        # counter-example: a list's comma keeps its items apart
        ("killed two, wounded three", 2),
    ],
)
def test_a_number_grouped_by_commas_is_one_number(clause, killed):
    assert count_casualties(clause).killed[1] == killed


def test_an_attack_told_again_by_its_named_attackers_is_one_report(told):
    text = (
        "Four soldiers were killed and two wounded on Monday in an attack by Islamic State "
        "militants on an army outpost in Diyala province. The IS militants attacked the "
        "outpost near the town of Jalawla with machine guns, the source said."
    )
    assert told(text) == [("Jalawla", 4, 2)]


def test_a_second_attack_by_named_attackers_stays_its_own(told):
    text = (
        "Four soldiers were killed on Monday in an attack by Islamic State militants in "
        "Diyala province. Later, IS militants killed two shepherds near Kirkuk."
    )
    assert [place for place, _, _ in told(text)] == ["Diyala province", "Kirkuk"]


@pytest.mark.parametrize(
    "text",
    [
        "Rockets launched from the vicinity of Al Baghdadi hit Ain al-Asad air base on "
        "Wednesday, wounding four contractors.",
        "Militants who came from the neighbouring Idlib province attacked army posts in Kafr "
        "Nabudah on Sunday, wounding four soldiers.",
    ],
)
def test_where_the_fire_or_attackers_came_from_is_no_venue(told, text):
    assert len(told(text)) == 1


def test_a_place_struck_after_from_stays_a_venue(told):
    text = "Rockets hit the vicinity of Al Baghdadi on Wednesday, wounding four contractors."
    assert [place for place, _, _ in told(text)] == ["Al Baghdadi"]


def test_the_far_end_of_a_road_is_no_second_venue(told):
    text = (
        "A Turkish drone strike killed two people in a car on the road between Amedi and the "
        "village of Sersink on Tuesday."
    )
    assert [place for place, _, _ in told(text)] == ["Amedi"]


def test_two_villages_struck_stay_two_venues(told):
    text = "Turkish jets bombed the villages of Amedi and Sersink on Tuesday, killing two people."
    assert len(told(text)) == 2
