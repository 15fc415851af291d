"""Places in armed-clash notes (the way monitors and coders write about Syria's front lines):

- a place in an armed unit's name ("the X Military Council", "Faylaq al-X", "Jaish al-X") is
  where the unit was raised, not where it fought: beside another place it is no venue; alone,
  a place heading the name is all the text says and stays, one closing an Arabic name ("the
  Sham Legion") is a word of it and never a venue;
- a road named by its ends with its number in brackets ("the X-Y (M5) highway", "the M4
  (X-Y) highway") is a road like "the X - Y highway": beside a town, the town is the venue;
  alone, its near end at ACLED's geo_precision 2;
- a name going on another place's by an article glued to a word ("X al-Balad", X's old town)
  is one compound name, X's, not a second place elsewhere;
- a village set in its governorate by "in southern Y" or ", northern Y" is cued as "in Y" is;
- a counter-attack and an exchange of artillery fire are attacks;
- a toll of both sides with no auxiliary ("7 SNA and 5 SDF fighters killed") is their sum.
"""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


def _places(real_reports, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r["location_text"], r["admin1"], r["geo_precision"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "ISIS cells ambushed a patrol of the Raqqa Military Council near Maadan on Monday,"
            " killing two fighters.",
            "Maadan",
        ),
        (
            "Russian jets bombed a Jaish al-Sham camp outside Harim on Monday, killing six"
            " fighters.",
            "Harim",
        ),
        (
            "Fighters of Faylaq al-Sham repelled an assault on the village of Kafr Sajnah on"
            " Monday; two attackers were killed.",
            "Kafr Sajnah",
        ),
    ],
    ids=["military-council", "jaish-al", "faylaq-al"],
)
def test_a_place_in_a_units_name_is_no_venue_beside_another(real_reports, text, venue):
    assert [p[0] for p in _places(real_reports, text)] == [venue]


def test_a_place_heading_a_units_name_alone_stays(real_reports):
    text = "Gunmen attacked a post of the Raqqa Military Council on Monday, killing two fighters."
    assert [p[:2] for p in _places(real_reports, text)] == [("Raqqa", "Ar-Raqqah")]


def test_a_place_closing_an_arabic_units_name_is_never_a_venue(real_reports):
    text = "Gunmen attacked a post of Faylaq al-Sham on Monday, killing two fighters."
    assert [p[0] for p in _places(real_reports, text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "A bomb hit a bus on the M5 (Homs-Hama) highway near Talbisah on Monday, killing three.",
        "A bomb hit a bus on the Homs-Hama (M5) highway near Talbisah on Monday, killing three.",
    ],
    ids=["ends-in-brackets", "number-in-brackets"],
)
def test_a_numbered_road_beside_a_town_gives_the_town(real_reports, text):
    assert [p[0] for p in _places(real_reports, text)] == ["Talbisah"]


def test_a_numbered_road_alone_is_around_its_near_end(real_reports):
    text = "Gunmen ambushed a truck on the Palmyra-Sukhnah (M20) road on Monday, killing two."
    assert _places(real_reports, text) == [("Palmyra", "Homs", "2")]


def test_a_town_with_a_bracket_that_is_no_road_keeps_its_precision(real_reports):
    text = "A bomb went off in Talbisah (Homs) on Monday, killing three people."
    assert _places(real_reports, text) == [("Talbisah", "Homs", "1")]


def test_a_compound_name_is_its_first_places(real_reports):
    text = "Mortar shells fell on Daraa al-Balad on Sunday, killing two children."
    assert [p[:2] for p in _places(real_reports, text)] == [("Daraa", "Daraa")]


def test_two_places_listed_stay_two(real_reports):
    text = "Bombs went off in Samarra and al-Balad on Sunday, killing four people."
    assert sorted(p[:2] for p in _places(real_reports, text)) == [
        ("Samarra", "Salah ad Din"),
        ("al-Balad", "Salah ad Din"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized Umm Jalal in southern Idlib after clashes on Monday, killing two.",
        "Rebels seized Umm Jalal, south-eastern Idlib, after clashes on Monday, killing two.",
    ],
    ids=["in-southern", "comma-compass"],
)
def test_a_village_in_a_part_of_its_governorate_is_cued(real_reports, text):
    assert [p[:2] for p in _places(real_reports, text)] == [("Umm Jalal", "Idlib")]


def test_a_village_name_without_a_cue_is_no_place(real_reports):
    text = "Rebels seized Umm Jalal after clashes on Monday, killing two."
    assert [p[0] for p in _places(real_reports, text)] == [None]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Rebels launched a counterattack on army positions in Kafr Sajnah, southern Idlib,"
            " on Sunday.",
            "Kafr Sajnah",
        ),
        (
            "Kurdish fighters and Turkish troops exchanged artillery fire near Tall Tamr on"
            " Monday.",
            "Tall Tamr",
        ),
    ],
    ids=["counterattack", "artillery-exchange"],
)
def test_counterattacks_and_exchanges_of_artillery_fire_are_attacks(real_reports, text, venue):
    assert [p[0] for p in _places(real_reports, text)] == [venue]


def test_an_exchange_of_letters_is_no_attack(real_reports):
    assert real_reports("The two delegations exchanged letters in Ankara on Monday.") == []


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("9 YPG and 4 SNA fighters killed", 13),
        ("heavy fighting; 11 regime, 3 HTS and 2 NLF killed", 16),
    ],
    ids=["two-sides", "three-sides"],
)
def test_a_toll_of_both_sides_without_an_auxiliary_sums_them(clause, killed):
    assert count_casualties(clause).killed == (killed, killed, killed)


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("4 dead and 30 wounded", 4, 30),
        ("the shelling killed three, and 6 civilians wounded", 3, 6),
        ("killed 3 and 6 wounded", 3, 6),
        ("at least 3 people die and 6 wounded", 3, 6),
    ],
    ids=["dead-then-wounded", "object-then-wounded", "object-no-comma", "die-then-wounded"],
)
def test_a_verbs_count_is_no_item_of_the_next_toll(clause, killed, wounded):
    got = count_casualties(clause)
    assert got.killed is not None and got.wounded is not None
    assert (got.killed[1], got.wounded[1]) == (killed, wounded)
