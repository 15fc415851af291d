"""Held-out coders' notes (bench/notes6) left three things: the place fire was sent from came back
as the venue through the document's one-place fallback; three plain wordings of an attack were
not read at all; and "shot a civilian dead" had no toll. Each rule here is met by sentences of
our own, each with a counter-example that keeps the old reading."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


def _venues(real_reports, text: str) -> list[str | None]:
    return sorted(str(r["location_text"]) for r in real_reports(text))


# --- where the fire came from is never the venue ---------------------------------------------


def test_the_only_place_being_the_launch_site_gives_no_venue(real_reports):
    # the sentence's only place is where the rockets were launched: the attack has no place,
    # never the launch site (the document's one-place fallback used to bring it back)
    text = "Rockets launched from Manbij fell on a poultry farm in the countryside, killing two."
    assert _venues(real_reports, text) == ["None"]


def test_the_launch_site_gives_way_to_a_reference_in_a_later_clause(real_reports):
    # a comma puts the reference point in a clause of its own: still the venue's, not the
    # launch site's ("south of Azaz", the district that holds Tal Rifaat)
    text = "Mortar rounds fired from Tal Rifaat landed on a farm, south of Azaz, killing a boy."
    assert _venues(real_reports, text) == ["Azaz"]


def test_the_gunners_town_gives_way_to_the_area_holding_it(real_reports):
    # "troops in Y shelled X in the Z plain": Z holds Y, and Z is still the venue, not Y
    text = "Regime troops in Jurin shelled a farm in the Ghab plain, killing a farmer."
    assert _venues(real_reports, text) == ["the Ghab"]


@pytest.mark.parametrize(
    "text",
    [
        # the attack told in the place the gunmen came from is still that place
        "A sniper shot a child in Tal Rifaat on Monday.",
        # people travelling from a place: their origin may be all the text says
        "Gunmen returning from Tal Rifaat attacked a farm, south of Azaz, killing a boy.",
    ],
    ids=["attack-in-the-town", "returning-from"],
)
def test_counter_examples_keep_the_town(real_reports, text):
    assert _venues(real_reports, text) == ["Tal Rifaat"]


# --- three plain wordings of an attack -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # an armed side as the agent of "struck"
        ("Turkish forces struck a farmhouse near Kafr Daael on Tuesday.", "Kafr Daael"),
        # drones sent at a target
        ("Militiamen launched drones at an army post near Kafr Daael overnight.", "Kafr Daael"),
        # the fire and where it came from between the arms and the verb
        (
            "Artillery fire from across the border hit the village of Karabla, wounding a woman.",
            "Karabla",
        ),
    ],
    ids=["forces-struck", "launched-drones-at", "artillery-fire-from-hit"],
)
def test_plain_attack_wordings_are_read(real_reports, text, venue):
    assert _venues(real_reports, text) == [venue]


@pytest.mark.parametrize(
    "text",
    [
        "Government forces struck a deal with the elders of Kafr Daael on Tuesday.",
        "Surveillance drones at the airbase near Kafr Daael were grounded by the storm.",
        "Residents of Karabla said artillery fire from the hills could be heard all night.",
    ],
    ids=["struck-a-deal", "drones-at-a-base", "fire-heard"],
)
def test_counter_examples_are_no_attack(real_reports, text):
    assert real_reports(text) == []


# --- "shot X dead" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("masked men shot a shepherd dead beside his flock", (1, 1, 1)),
        ("the gunmen shot three guards dead at the gate", (3, 3, 3)),
    ],
)
def test_the_object_between_shot_and_dead_is_killed(clause, killed):
    assert count_casualties(clause).killed == killed


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        # no object between: the passive's subject is the count, as before
        ("a farmer was shot dead by a sniper, and two others were wounded", (1, 1, 1)),
        # a preposition after "shot": no object; the stated toll stands
        ("the soldiers shot at the crowd and left four dead", (4, 4, 4)),
        # shot, not dead
        ("a sniper shot a boy in the leg", None),
    ],
    ids=["shot-dead-by", "shot-at", "not-dead"],
)
def test_shot_dead_counter_examples(clause, killed):
    assert count_casualties(clause).killed == killed
