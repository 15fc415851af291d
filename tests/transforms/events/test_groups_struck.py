"""A group whose hideout, positions or members a strike hit is the side hit, not the attacker:
"an airstrike on a hideout of ISIS", "killed three members of a PKK-affiliated group",
"'neutralized' five YPG militants", "two PMF fighters were martyred", "a town cleared of IS".
Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations

import pytest


@pytest.fixture
def actors(real_reports):
    return lambda text: [(r["perpetrator_id"], r["actor2"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Iraqi jets carried out an airstrike on a hideout of ISIS near Hawija on Tuesday, "
         "killing four militants.", "ent:islamic_state"),
        ("A Turkish drone strike killed two members of a PKK-affiliated group near Sinjar on "
         "Saturday.", "ent:pkk"),
        ("Turkish forces 'neutralized' four YPG militants in a drone strike near Tal Rifaat "
         "on Friday.", "ent:ypg"),
        ("Two fighters of the Popular Mobilization Forces were martyred in an attack near "
         "Samarra on Sunday.", "ent:pmf"),
        ("A car bomb killed four people on Thursday in Jarablus, a town cleared of ISIS by "
         "Syrian rebels.", "ent:islamic_state"),
    ],
)  # fmt: skip
def test_the_group_struck_is_the_side_hit(actors, text, hit):
    ((perpetrator, other),) = actors(text)
    assert perpetrator != hit
    assert other == hit


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # counter-examples: the group acting stays the attacker
        ("ISIS fighters attacked an army post near Hawija on Tuesday, killing four soldiers.",
         "ent:islamic_state"),
        ("Members of a PKK-affiliated group attacked a Turkish base near Amedi on Saturday.",
         "ent:pkk"),
        ("YPG militants shelled Marea on Friday, wounding four civilians.", "ent:ypg"),
    ],
)  # fmt: skip
def test_the_group_acting_stays_the_attacker(actors, text, perpetrator):
    assert [p for p, _ in actors(text)] == [perpetrator]


@pytest.mark.parametrize(
    ("text", "perpetrator", "hit"),
    [
        # the abbreviation in brackets stands where the name stood
        ("Gunmen shot dead a member of the Syrian Democratic Forces (SDF) in Raqqa on "
         "Thursday.", None, "ent:sdf"),
        # a possessive country between the members and their group
        ("Three members of Iraq's Popular Mobilization Forces were killed when IS militants "
         "attacked their post near Baiji on Sunday.", "ent:islamic_state", "ent:pmf"),
        # counter-example: the bracketed name of the group acting stays the attacker
        ("The Syrian Democratic Forces (SDF) shelled a village near Manbij on Friday, "
         "killing two.", "ent:sdf", None),
    ],
)  # fmt: skip
def test_a_bracketed_abbreviation_and_a_possessive_keep_the_groups_side(
    actors, text, perpetrator, hit
):
    assert actors(text) == [(perpetrator, hit)]
