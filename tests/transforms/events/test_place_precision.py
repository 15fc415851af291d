"""Relative places ("near X", "40 km east of X", "on the X - Y road") keep X as the place with
ACLED's coarser geo_precision, and events carry the plain English name of their place."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.entities import places as placing
from transforms.events import extract_reports, merge_events
from warehouse.reference import load_registry

MAYADIN, PALMYRA, DEIR_CITY = "173480", "163808", "170794"


@pytest.fixture(scope="module")
def chain():
    registry = load_registry()
    places, entities = registry.places_table(), registry.entities_table()

    def run(*texts: str):
        docs = pa.table(
            {
                "doc_id": [f"d{i}" for i in range(len(texts))],
                "text": list(texts),
                "published_date": [date(2026, 3, 2)] * len(texts),
                "source": [f"s{i}" for i in range(len(texts))],
            }
        )
        reports = extract_reports(docs, detect_mentions(docs, registry), places, entities)
        return reports.to_pandas(), merge_events(reports, docs, places, entities)

    return run


@pytest.mark.parametrize(
    ("text", "is_relative"),
    [
        ("Gunmen attacked a checkpoint near Mayadin.", True),
        ("A bomb exploded 40 km east of Mayadin.", True),
        ("Shelling hit the outskirts of Mayadin.", True),
        ("Clashes in the desert south of Mayadin.", True),
        ("Raids in the Mayadin countryside.", True),
        ("A convoy was hit on the Mayadin - Palmyra road.", True),
        ("A bomb exploded in Mayadin.", False),
        ("Gunmen attacked the town of Mayadin.", False),
        ("Mayadin residents buried the dead.", False),
    ],
)
def test_a_place_named_as_a_reference_point(text, is_relative):
    start = text.index("Mayadin")
    assert placing.relative(text, start, start + len("Mayadin")) is is_relative


@pytest.mark.parametrize(
    ("text", "far_end"),
    [
        ("A convoy was hit on the Mayadin - Palmyra road.", "Palmyra"),
        ("Gunmen ambushed a bus on the road between Mayadin and Palmyra.", "Palmyra"),
    ],
)
def test_the_far_end_of_a_road_is_no_venue(text, far_end):
    start = text.index(far_end)
    assert placing.road_far_end(text, start, start + len(far_end))
    first = text.index("Mayadin")
    assert not placing.road_far_end(text, first, first + len("Mayadin"))
    counter = "A bomb exploded in Mayadin and another in Palmyra."
    start = counter.index("Palmyra")
    assert not placing.road_far_end(counter, start, start + len("Palmyra"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Gunmen killed two soldiers near Mayadin on Sunday.", "2"),
        ("Gunmen killed two soldiers 40 km east of Mayadin on Sunday.", "2"),
        ("Gunmen killed two soldiers in Mayadin on Sunday.", "1"),
    ],
)
def test_relative_places_resolve_to_the_town_with_coarser_precision(chain, text, code):
    reports, result = chain(text)
    assert reports.place_id.tolist() == [MAYADIN]
    assert reports.geo_precision.tolist() == [code]
    event = result.events.to_pandas().iloc[0]
    assert (event.location, event.admin1, event.geo_precision) == ("Mayadin", "Deir ez-Zor", code)


def test_a_road_attack_is_one_event_at_its_first_town(chain):
    reports, _ = chain("A roadside bomb killed three soldiers on the Mayadin - Palmyra road.")
    assert reports.place_id.tolist() == [MAYADIN]
    assert reports.geo_precision.tolist() == ["2"]


def test_the_finest_report_sets_the_events_precision(chain):
    _, result = chain(
        "Gunmen killed two soldiers near Mayadin on Sunday.",
        "Gunmen killed two soldiers in Mayadin on Sunday.",
    )
    events = result.events.to_pandas()
    assert len(events) == 1 and events.iloc[0].geo_precision == "1"


def test_event_locations_read_as_plain_english(chain):
    _, result = chain("A car bomb killed five in Tadmur on Sunday.")
    event = result.events.to_pandas().iloc[0]
    assert (event.place_id, event.location) == (PALMYRA, "Palmyra")


@pytest.mark.parametrize(
    "text",
    [
        "A bomb killed four in the Karrada neighbourhood of Baghdad on Sunday.",
        "A bomb killed four in Karrada, north of Baghdad, on Sunday.",
    ],
)
def test_the_area_holding_a_place_is_no_second_venue(chain, text):
    reports, _ = chain(text)
    assert len(reports) == 1 and reports.location_text.tolist() == ["Karrada"]
    assert reports.admin1.tolist() == ["Baghdad"] and reports.killed_best.tolist() == [4]


def test_two_venues_in_one_sentence_stay_two(chain):
    reports, _ = chain("Bombs killed four in Mayadin and two in Palmyra on Sunday.")
    assert sorted(reports.place_id) == sorted([MAYADIN, PALMYRA])


def test_the_capital_named_by_its_country_is_the_city(chain):
    reports, _ = chain("A car bomb killed six people in the Iraqi capital on Sunday.")
    assert reports.place_id.tolist() == ["98182"]


def test_a_placeless_attack_takes_the_documents_only_venue(chain):
    text = (
        "Security forces sealed off the centre of Mayadin on Sunday. "
        "A suicide bomber killed nine soldiers at a checkpoint."
    )
    reports, _ = chain(text)
    assert reports.place_id.tolist() == [MAYADIN]
    two = text.replace("Security forces", "Troops from Palmyra and security forces")
    reports, _ = chain(two)
    assert MAYADIN not in reports.place_id.tolist()  # two places named: no guess


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed two soldiers near Mayadin, Deir ez-Zor, on Sunday.",
        "Gunmen killed two soldiers near Mayadin (Deir ez-Zor governorate) on Sunday.",
        "Deir ez-Zor: gunmen killed two soldiers near Mayadin on Sunday.",
        "Gunmen killed two soldiers near Mayadin in Deir ez-Zor province in eastern Syria.",
        "A mine killed two shepherds 20 km west of Mayadin, Deir ez-Zor province, on Sunday.",
        "A mine killed two shepherds near the town of Mayadin in eastern Deir ez-Zor on Sunday.",
    ],
)
def test_the_area_holding_a_reference_point_is_no_venue(chain, text):
    reports, _ = chain(text)
    assert reports.place_id.tolist() == [MAYADIN]
    assert reports.geo_precision.tolist() == ["2"]


def test_a_venue_beside_a_reference_point_elsewhere_stays_the_venue(chain):
    # Palmyra lies in Homs, not in Deir ez-Zor: the governorate named is the venue
    reports, _ = chain("Gunmen killed two in Deir ez-Zor province, 100 km east of Palmyra.")
    assert reports.admin1.tolist() == ["Deir ez-Zor"]
    assert reports.place_id.tolist() != [PALMYRA]


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike killed three near Mayadin, 45 km southeast of Deir ez-Zor, on Sunday.",
        "A drone strike killed three on the outskirts of Mayadin, south of the city of "
        "Deir ez-Zor, on Sunday.",
    ],
)
def test_a_place_locating_the_one_before_it_is_no_second_venue(chain, text):
    reports, _ = chain(text)
    assert reports.place_id.tolist() == [MAYADIN] and reports.killed_best.tolist() == [3]


def test_two_reference_points_of_two_attacks_stay_two(chain):
    reports, _ = chain("Mines killed two near Mayadin and three near Palmyra on Sunday.")
    assert sorted(reports.place_id) == sorted([MAYADIN, PALMYRA])


def test_a_district_named_after_its_town_holds_the_village_named_with_it(chain):
    # coders' summaries: "X village, Y district, Z governorate"; Y is the district, not the
    # town of Y, so the sentence names one venue and its toll stays whole
    # (the gazetteer spells the district "Al-Shatra District", the town "Ash Shatrah")
    reports, _ = chain(
        "Gunmen killed three farmers in Sayyid Ja'far village, Shatra district, Dhi Qar "
        "governorate, Iraq, and wounded two."
    )
    assert reports.place_id.tolist() == ["91330"]
    assert (reports.killed_best.tolist(), reports.wounded_best.tolist()) == ([3], [2])


def test_a_quarter_called_a_district_is_no_district(chain):
    reports, _ = chain("A bomb wounded six people in the Karrada district of Baghdad on Sunday.")
    assert reports.location_text.tolist() == ["Karrada"]
    assert reports.geo_precision.tolist() == ["1"]


@pytest.mark.parametrize(
    "text",
    [
        "Unknown assailants killed two people in Sayyid Ja'far (Shatra, Dhi Qar) on Sunday.",
        "Unknown assailants killed two people in Sayyid Ja'far village, Nasiriyah district, "
        "on Sunday.",
    ],
)
def test_a_place_named_as_the_area_holding_the_one_before_is_no_venue(chain, text):
    reports, _ = chain(text)
    assert reports.place_id.tolist() == ["91330"] and reports.killed_best.tolist() == [2]


def test_a_district_named_whole_holds_the_village_before_it(chain):
    # the gazetteer files this village under "Sawran District": "Soran District" still holds it
    reports, _ = chain(
        "Unknown assailants killed two people in Tall Bisti Banji village, Soran District, "
        "Erbil governorate, on Sunday."
    )
    assert reports.place_id.tolist() == ["7103288"] and reports.killed_best.tolist() == [2]


def test_places_listed_one_after_another_stay_venues(chain):
    reports, _ = chain("Shells killed two in Sayyid Ja'far, Nasiriyah and Shatra on Sunday.")
    assert len(reports) > 1 and "91330" in set(reports.place_id)


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb hit the Damascus suburb of Jaramana on Sunday, killing five.",
        "A car bomb hit the crowded Damascus suburb of Jaramana on Sunday, killing five.",
    ],
)
def test_the_larger_place_named_first_is_the_area_not_the_venue(chain, text):
    reports, _ = chain(text)
    assert reports.location_text.tolist() == ["Jaramana"] and reports.killed_best.tolist() == [5]


@pytest.mark.parametrize(
    "text",
    [
        "A roadside bomb struck a patrol in the Tarmiyah district of Baghdad, killing three.",
        "Mortar rounds fell on the Hamdaniya district east of Mosul, killing three.",
        "Three were killed when a bomb went off in Madain district in southern Baghdad.",
    ],
)
def test_a_governorate_seat_beside_a_district_of_its_governorate_holds_it(chain, text):
    # The seat stands for its governorate: the district is the venue, one attack, one toll.
    reports, _ = chain(text)
    assert len(reports) == 1
    assert reports.geo_precision.tolist() == ["2"] and reports.killed_best.tolist() == [3]


def test_a_seat_and_a_district_both_struck_stay_two_venues(chain):
    reports, _ = chain(
        "A car bomb exploded in Baghdad on Monday, and gunmen attacked a checkpoint in the "
        "Tarmiyah district, killing two."
    )
    assert len(reports) == 2
