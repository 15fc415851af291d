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
