"""Coders' notes name places that are not where the attack struck (bench/notes6): the
governorate's countryside as "rural X", the gunners' town before a fire verb, the town whose
hospital took the wounded, the town held by the side that fired, a victim's birthplace. Each
gives way to the venue; each counter-example keeps its place."""

from __future__ import annotations

import pytest


def _venues(real_reports, text: str) -> list[tuple[str, str]]:
    return sorted((r["location_text"], r["geo_precision"]) for r in real_reports(text))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # "rural X" is the governorate's countryside, as "the X countryside" is
        ("Gunmen killed a shepherd in eastern rural Hama on Sunday.", ("Hama", "3")),
        (
            "Militants attacked an army post in rural southwest Kirkuk, killing three soldiers.",
            ("Kirkuk", "3"),
        ),
    ],
    ids=["eastern-rural-hama", "rural-southwest-kirkuk"],
)
def test_rural_names_the_governorate(real_reports, text, venue):
    assert _venues(real_reports, text) == [venue]


def test_a_rural_road_near_a_town_is_the_town(real_reports):
    # "near" names the town; "rural" before another word is no cue
    text = "A bomb planted on a rural road near Hama killed two farmers."
    assert _venues(real_reports, text) == [("Hama", "2")]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # the gunners' town before a fire verb is where the fire came from
        (
            "Government troops in Jurin shelled Qalaat al-Madiq on Friday, killing a woman.",
            "Qalaat al-Madiq",
        ),
        # the town held by the side firing
        (
            "Rockets fired from SDF-held Tal Rifaat struck Azaz, wounding four people.",
            "Azaz",
        ),
        # the hospital's town, after a verb of carrying and an object
        (
            "A mine killed two herders in Suluk; relatives took them to the hospital in Tal Abyad.",
            "Suluk",
        ),
        # the hospital named after its town
        (
            "A car bomb went off in the market of Suluk, killing three; the wounded were "
            "rushed to Tal Abyad hospital.",
            "Suluk",
        ),
        # a victim's birthplace, before the venue in the sentence
        (
            "Gunmen shot dead a teacher, a native of Mosul, outside his school in Haditha.",
            "Haditha",
        ),
        (
            "A drone struck a tent of families displaced from southern Idlib in Atmeh, killing "
            "one child.",
            "Atmeh",
        ),
    ],
    ids=[
        "forces-in-shelled",
        "side-held",
        "took-them-to-hospital",
        "town-hospital",
        "native-of",
        "displaced-from",
    ],  # fmt: skip
)
def test_where_the_fire_came_from_or_the_victims_went_is_no_venue(real_reports, text, venue):
    assert [v for v, _ in _venues(real_reports, text)] == [venue]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # gunmen in a town who attacked struck there (no fire verb)
        ("Gunmen in Jurin attacked an army checkpoint, killing two soldiers.", "Jurin"),
        # a clash with forces in a town is in that town
        ("Clashes with government troops in Jurin left three fighters dead.", "Jurin"),
        # an attack on a town's hospital is in the town
        ("A drone struck Tal Abyad hospital, killing two nurses.", "Tal Abyad"),
        # the side holding the town struck, not firing from it
        ("Turkish drones struck SDF-held Tal Rifaat, killing two fighters.", "Tal Rifaat"),
    ],
    ids=["gunmen-in-attacked", "clash-with-troops-in", "hospital-struck", "held-town-struck"],
)
def test_counter_examples_keep_their_place(real_reports, text, venue):
    assert [v for v, _ in _venues(real_reports, text)] == [venue]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # ", in the Y area" after a village names the land around the town that holds it
        ("A sniper shot dead a soldier at a post in Kirnaz, in the Mhardeh area, on Sunday.",
         "Kirnaz"),
        # ", in the western Y desert": a compass word before the area's name
        ("Gunmen attacked a border post in Wadi Hauran, in the western Anbar desert, killing "
         "five guards.", "Wadi Hauran"),
    ],
    ids=["comma-in-the-area", "comma-in-the-western-desert"],
)  # fmt: skip
def test_the_area_after_a_comma_and_in_is_no_second_venue(real_reports, text, venue):
    assert [r["location_text"] for r in real_reports(text)] == [venue]


@pytest.mark.parametrize(
    "text",
    [
        "Shelling killed two farmers in Kirnaz; in Mhardeh, a sniper wounded a boy.",
        # a town named after ", in" with no area word is a place of its own
        "Shelling killed two farmers in Kirnaz, in the town of Mhardeh a sniper wounded a boy.",
    ],
    ids=["semicolon", "in-the-town-of"],
)
def test_a_town_after_a_comma_and_in_stays_a_venue(real_reports, text):
    assert sorted(r["location_text"] for r in real_reports(text)) == ["Kirnaz", "Mhardeh"]


def test_near_a_landmark_in_the_area_is_the_area(real_reports):
    # "near X, in the Y area": somewhere in Y's area, X only a landmark in it (the rule above
    # does not fire after a reference point)
    text = "Shelling wounded two farmers near Kirnaz, in the Mhardeh area, on Sunday."
    assert [r["location_text"] for r in real_reports(text)] == ["Mhardeh"]
