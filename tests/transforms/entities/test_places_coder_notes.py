"""Place rules found on hand-written coders' notes (``bench/notes``), each with a
counter-example that must not change (inputs in our own words, not the notes').

- a one-word name that is only some registered person's surname (no person named before in
  the document) and also a place, standing where a place is cued ("in X", "near X", "X,
  eastern Y countryside"), is the place; uncued, the person;
- a name right before the word "district" read as a place outside the district its spelling
  names is that district ("X, Mahmudiyah district, Baghdad"); read inside it (its seat), or
  without the word, it stays;
- "X neighbourhood, Y city", "X quarter, western Y", "the X quarter of Y": Y holds X, one
  venue (X; or Y when X is read as an area or far from Y); a city (by code, or a town of
  100,000 people, no quarter itself) holds its quarters within 15 km; places named side by
  side stay two;
- the ends of a road named by both ends ("on the X-Y highway near Z", "the road between X and
  Y, near Z") are no venue beside the place named on it; a road named alone keeps its near end;
- where the attackers are stationed ("forces stationed in X (Y) shelled ...") is where the fire
  came from, never a venue, even when the place hit is only a countryside; troops "stationed
  in X" who were attacked were hit there;
- a list of names ("A, B and C") shares its cue: the area after its last name ("in the Hama
  countryside", "(Idleb)"), or a verb or plural before its first ("shelled", "the villages
  of"); "in" before a list of people cues none of them;
- a town after a word in Arabic's construct form ("Amiriyat al-Fallujah") names the place the
  word's plain form names near it (30 km); with no such place near, the town stays;
- "in X district, Baghdad, Iraq" (the district's name read as its seat, the word after it): the
  governorate named by its seat's name ends the chain of areas, no second venue;
- a bracket of areas after a village ("X (Y, Z)") names Y's district even when Y is spelled
  otherwise than the gazetteer spells it (read by key or fuzzily); without the district, X's
  namesakes across the governorate leave the governorate;
- the name closing a bracket of areas ("the Y countryside (Aleppo)", "(Y, Aleppo)") is the
  governorate, not its seat: no venue of its own beside the village named;
- "X in the Y area": the land around the town Y holds X, one venue (X); Y named apart ("in X
  and in the Y area") stays a venue of its own.
"""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.events import extract_reports


def _places(detect, text: str) -> list[tuple[str, str]]:
    m = detect(text)
    return [(r.surface, r.place_id) for r in m.itertuples() if isinstance(r.place_id, str)]


def _actors(detect, text: str) -> list[str]:
    m = detect(text)
    return [r.surface for r in m.itertuples() if isinstance(r.entity_id, str)]


@pytest.mark.parametrize(
    ("text", "name", "governorate"),
    [
        ("Gunmen on a motorbike shot a former rebel commander in Zibin, south of Sweida.",
         "Zibin", "As-Suwayda"),
        ("A shell landed near Kasab, close to the Turkish border, on Sunday.",
         "Kasab", "Latakia"),
        ("Unidentified men opened fire on a patrol in Maadan on Monday night.",
         "Maadan", "Ar-Raqqah"),
    ],
    ids=["in-zibin", "near-kasab", "in-maadan"],
)  # fmt: skip
def test_a_lone_surname_where_a_place_is_cued_is_the_place(
    detect, registry, text, name, governorate
):
    found = [(s, registry.places[p].admin1) for s, p in _places(detect, text)]
    assert (name, governorate) in found
    assert name not in _actors(detect, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury listed Zibin among the network's financiers.",
        "Investigators say Maadan moved the money through two exchange houses.",
        # the first word of a longer name is no name of its own
        "Rebels attacked an army post near Tal Tel Aswad hill in the Raqqa countryside.",
    ],
    ids=["listed-surname", "surname-subject", "first-word-of-a-name"],
)
def test_a_surname_without_a_place_cue_stays_the_person(detect, registry, text):
    assert [registry.places[p].precision for _, p in _places(detect, text)] in ([], ["governorate"])


def test_a_name_before_district_read_outside_that_district_is_the_district(detect, registry):
    text = (
        "04/02/2013: Gunmen killed a shop owner near the river in Al-Rashid, Mahmudiyah "
        "district, Baghdad governorate, Iraq."
    )
    found = {s: registry.places[p] for s, p in _places(detect, text)}
    # read as the district, or as its seat the city (a city answers to its name without the
    # article): in Baghdad either way, never the Nineveh hamlet spelled "Mahmudiyah"
    (said,) = [s for s in found if s.startswith("Mahmudiyah")]
    assert (found[said].precision, found[said].admin1) in {
        ("district", "Baghdad"),
        ("town", "Baghdad"),
    }


@pytest.mark.parametrize(
    ("text", "surface", "precision", "governorate"),
    [
        # the seat of the district, in its governorate: left as read
        ("A bomb went off in a village, Muqdadiyah district, Diyala, Iraq.",
         "Muqdadiyah", "town", "Diyala"),
        # no level word after it: the hamlet near Tal Afar stays
        ("Shepherds found a mine near Mahmudiyah, west of Tal Afar, Nineveh.",
         "Mahmudiyah", "town", "Nineveh"),
    ],
    ids=["seat-of-its-district", "no-level-word"],
)  # fmt: skip
def test_a_name_read_inside_its_district_or_without_the_word_stays(
    detect, registry, text, surface, precision, governorate
):
    found = {s: registry.places[p] for s, p in _places(detect, text)}
    assert (found[surface].precision, found[surface].admin1) == (precision, governorate)


def _venues(registry, text: str) -> list[tuple[str, str]]:
    """The reports' (location text, governorate) of one document."""
    docs = pa.table({"doc_id": ["d"], "text": [text], "published_date": [date(2016, 6, 1)]})
    mentions = detect_mentions(docs, registry)
    reports = extract_reports(
        docs, mentions, registry.places_table(), registry.entities_table()
    ).to_pandas()
    return sorted(set(zip(reports.location_text, reports.admin1, strict=True)))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a quarter read where its city stands: the quarter, the city only holds it
        ("06/01/2016: A car bomb went off in Al-Faisaliya neighbourhood, Mosul city, Nineveh,"
         " Iraq, killing four shoppers.", ("Al-Faisaliya", "Nineveh")),
        # a quarter's name read as a governorate (Kirkuk's old name): the city stays
        ("06/01/2016: Gunmen shot a teacher dead in the Al-Tamim quarter, western Ramadi,"
         " Anbar, Iraq.", ("Ramadi", "Al Anbar")),
        # "the X quarter of Y" with X read in another governorate (a Tartus village): Y
        ("06/01/2016: Gunmen shot a shopkeeper dead in the Al-Hamidiyah quarter of Deir ez-Zor"
         " city.", ("Deir ez-Zor", "Deir ez-Zor")),
        # ... and read inside Y: X
        ("06/01/2016: A bomb went off in the Karrada neighbourhood of Baghdad, killing five.",
         ("Karrada", "Baghdad")),
    ],
    ids=["quarter-of-mosul", "misread-quarter-of-ramadi", "misread-quarter-of-deir-ez-zor",
         "quarter-of-baghdad"],
)  # fmt: skip
def test_a_part_said_to_lie_in_the_next_place_makes_one_venue(registry, text, venue):
    assert _venues(registry, text) == [venue]


def test_places_named_side_by_side_without_a_level_word_stay_two(registry):
    text = "06/01/2016: Mortar rounds fell on Sadr City and Kadhimiya, Baghdad, wounding six."
    assert [v for v, _ in _venues(registry, text)] == ["Kadhimiya", "Sadr City"]


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("06/01/2016: A roadside bomb struck a fuel tanker on the Mosul-Erbil highway near"
         " Bartella, Nineveh, Iraq, killing the driver.", ["Bartella"]),
        ("06/01/2016: Militants attacked a checkpoint on the road between Tikrit and Samarra,"
         " near Ishaqi, killing two soldiers.", ["Ishaqi"]),
        # a road named alone keeps its near end (around it, coarser)
        ("06/01/2016: Gunmen stopped a minibus on the Homs-Palmyra highway and shot three"
         " passengers dead.", ["Homs"]),
    ],
    ids=["dash-road-near-x", "road-between-near-x", "road-alone"],
)  # fmt: skip
def test_a_roads_ends_give_way_to_the_place_named_on_it(registry, text, venues):
    assert [v for v, _ in _venues(registry, text)] == venues


def test_a_road_with_only_its_area_beside_it_keeps_its_near_end(registry):
    text = (
        "06/01/2016: Gunmen shot a council member dead on the road linking Saraqib to Taftanaz"
        " (Idleb)."
    )
    assert [v for v, _ in _venues(registry, text)] == ["Saraqib"]


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("06/01/2016: Turkish forces stationed in Jarablus (Aleppo) shelled farmland in the"
         " eastern Manbij countryside, wounding two shepherds.", ["Manbij"]),
        ("06/01/2016: Regime troops positioned at Morek shelled Khan Shaykhun, killing a child.",
         ["Khan Shaykhun"]),
        # the troops stationed there are the ones hit: there it happened
        ("06/01/2016: Militants attacked soldiers stationed in Haditha, killing three.",
         ["Haditha"]),
    ],
    ids=["stationed-then-countryside", "positioned-then-town", "target-stationed"],
)  # fmt: skip
def test_where_the_attackers_are_stationed_is_no_venue(registry, text, venues):
    assert [v for v, _ in _venues(registry, text)] == venues


@pytest.mark.parametrize(
    ("text", "name", "governorate"),
    [
        # the countryside after the list's last name cues its first
        ("Jets hit Kafr Nabuda, Kafr Zita and Al-Lataminah in the northern Hama countryside.",
         "Kafr Nabuda", "Hama"),
        # a village's name that folds to a city's old name: the list's area decides
        ("Artillery fire hit Kansafra, Al-Bara and Ihsim in Jabal al-Zawiya (Idleb) on Sunday.",
         "Al-Bara", "Idlib"),
    ],
    ids=["list-then-countryside", "list-then-region"],
)  # fmt: skip
def test_a_list_of_names_shares_the_cue_around_it(detect, registry, text, name, governorate):
    found = [(s, registry.places[p].admin1) for s, p in _places(detect, text)]
    assert (name, governorate) in found


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        # (Aleppo alone: the city)
        ("In Aleppo, Ahmad and his brother were detained by the police.", ["Aleppo"]),
        ("Ahmad, Salam and Mahmoud were wounded when the shell landed.", []),
    ],
    ids=["in-before-a-list-of-people", "people-listed"],
)
def test_a_list_of_people_is_no_list_of_places(detect, registry, text, towns):
    found = [s for s, p in _places(detect, text) if registry.places[p].precision == "town"]
    assert found == towns


@pytest.mark.parametrize("name", ["Amiriyat al-Fallujah", "Amiriyet el-Fallujah"])
def test_a_construct_name_before_a_town_names_the_place_near_it(detect, registry, name):
    found = {
        s: registry.places[p]
        for s, p in _places(detect, f"Mortar rounds landed in {name}, killing a child.")
    }
    place = found[name]
    assert (place.admin1, place.admin2) == ("Al Anbar", "Falluja District")
    assert place.name != "Fallujah"


def test_a_construct_word_no_place_near_the_town_bears_leaves_the_town(detect, registry):
    text = "IS's Wilayat al-Fallujah claimed the bombing."
    assert [(s, registry.places[p].name) for s, p in _places(detect, text)] == [
        ("al-Fallujah", "Fallujah")
    ]


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("04/11/2014: Gunmen shot dead four policemen at a checkpoint in Madain district,"
         " Baghdad, Iraq.", ["Madain"]),
        ("05/30/2016: A car bomb went off at a checkpoint in Tarmiyah district, Baghdad, Iraq,"
         " killing seven.", ["Tarmiyah"]),
        # towns listed after a district stay venues of their own
        ("04/11/2014: Bombs went off in Khalis district, Baqubah and Muqdadiyah on Friday,"
         " wounding nine.", ["Baqubah", "Khalis district", "Muqdadiyah"]),
    ],
    ids=["madain-district-baghdad", "tarmiyah-district-baghdad", "towns-listed"],
)  # fmt: skip
def test_a_governorate_named_by_its_seat_after_a_district_is_no_venue(registry, text, venues):
    assert [v for v, _ in _venues(registry, text)] == venues


TALL_GHAZAL_MALIKIYAH, TALL_GHAZAL_RAS_AL_AYN, HASAKAH = "383648", "163583", "173813"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On 2 March 2020, a landmine killed a shepherd near Tall Ghazal (Al-Malikeyya,"
         " Hasakeh).", TALL_GHAZAL_MALIKIYAH),
        ("On 2 March 2020, a landmine killed a shepherd near Tall Ghazal (Ras al-Ain,"
         " Hasakeh).", TALL_GHAZAL_RAS_AL_AYN),
        # counter-example: no district in the bracket, two villages of the name in the
        # governorate: the governorate
        ("On 2 March 2020, a landmine killed a shepherd near Tall Ghazal (Hasakeh).", HASAKAH),
    ],
    ids=["district-fuzzy", "district-by-key", "no-district"],
)  # fmt: skip
def test_a_bracketed_district_spelled_otherwise_still_holds_the_village(detect, text, place):
    assert dict(_places(detect, text))["Tall Ghazal"] == place


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("On 4 June 2019, HTS shelled a regime post near Anadan in the Jebel Saman countryside"
         " (Aleppo). 2 fatalities.", ["Anadan"]),
        # counter-example: a town cue before the bracket keeps the city
        ("On 4 June 2019, HTS shelled a regime post in Aleppo city (Jebel Saman, Aleppo). 2"
         " fatalities.", ["Aleppo"]),
    ],
    ids=["countryside-bracket", "city-cued"],
)  # fmt: skip
def test_the_name_closing_a_bracket_of_areas_is_the_governorate(registry, text, venues):
    assert [v for v, _ in _venues(registry, text)] == venues


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("On 2 April 2018, ISIS cells attacked an SDF post in Gharanij in the Hajin area,"
         " killing 3 fighters.", ["Gharanij"]),
        ("On 2 April 2018, ISIS cells attacked an SDF post near Gharanij in the Hajin area,"
         " killing 3 fighters.", ["Gharanij"]),
        # counter-example: the area named apart from the village is a venue of its own
        ("On 2 April 2018, ISIS cells attacked SDF posts in Gharanij and in the Hajin area,"
         " killing 3 fighters.", ["Gharanij", "Hajin"]),
    ],
    ids=["in-x-in-the-y-area", "near-x-in-the-y-area", "x-and-the-y-area"],
)  # fmt: skip
def test_the_area_of_a_town_holds_the_village_named_in_it(registry, text, venues):
    assert [v for v, _ in _venues(registry, text)] == venues
