"""Conflict regions (mountains, plains, deserts, wadis, camps: ``places_curated.csv``) are
places of their governorate with a coarse geo_precision, and never the venue over a village
the same sentence names inside or beside them. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.events import extract_reports, merge_events
from warehouse.reference import load_registry


@pytest.fixture(scope="module")
def chain():
    registry = load_registry()
    places, entities = registry.places_table(), registry.entities_table()

    def run(text: str):
        docs = pa.table(
            {
                "doc_id": ["d0"],
                "text": [text],
                "published_date": [date(2026, 3, 2)],
                "source": ["s0"],
            }
        )
        reports = extract_reports(docs, detect_mentions(docs, registry), places, entities)
        return merge_events(reports, docs, places, entities).events.to_pandas()

    return run


@pytest.mark.parametrize(
    ("text", "location", "admin1"),
    [
        ("Regime jets struck Jabal al-Zawiya, killing three civilians.", "Jabal al-Zawiya",
         "Idlib"),
        ("Two shepherds were killed by a landmine in the Homs desert.", "Homs desert", "Homs"),
        ("Gunmen killed four soldiers in Eastern Ghouta on Monday.", "Eastern Ghouta",
         "Rif Dimashq"),
        ("A drone strike killed two men in Sahl al-Ghab.", "Al-Ghab Plain", "Hama"),
        ("An ISIS cell killed three policemen in Mutaibija on Friday.", "Mutaibijah",
         "Salah ad Din"),
        ("Militants killed two shepherds in Wadi Horan.", "Wadi Horan", "Al Anbar"),
    ],
)  # fmt: skip
def test_a_region_named_alone_is_the_place_of_its_governorate(chain, text, location, admin1):
    event = chain(text).iloc[0]
    assert (event.location, event.admin1) == (location, admin1)
    assert event.geo_precision == "3"


@pytest.mark.parametrize(
    ("text", "village"),
    [
        ("Shelling killed two children in Kansafrah in Jabal al-Zawiya.", "Kansafrah"),
        ("Clashes near Kafr Nabudah in the al-Ghab plain killed five fighters.", "Kafr Nabudah"),
        ("In Jabal al-Akrad, a sniper killed a soldier in Kinsabba.", "Kinnsibba"),
        ("Shelling killed four people in Douma, Eastern Ghouta.", "Douma"),
    ],
)
def test_a_village_named_with_its_region_is_the_venue(chain, text, village):
    events = chain(text)
    assert events.location.tolist() == [village]


def test_a_region_holds_a_village_of_the_next_governorate_named_in_it(chain):
    # Jabal al-Akrad (Latakia) straddles the line: Bdama (Idlib) named "in" it is the venue
    events = chain("Shelling killed two farmers in Badama in Jabal al-Akrad.")
    assert list(zip(events.location, events.admin1, strict=True)) == [("Bdama", "Idlib")]
    # counter-example: a region and a town far apart in one sentence are two venues
    events = chain("Car bombs killed five people in Palmyra and three in the Lajat.")
    assert sorted(events.location) == ["Lajat", "Palmyra"]
