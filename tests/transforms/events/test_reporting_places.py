"""A place naming who reports is no venue: an outlet's name ("Baghdad Today"), an outlet's
reporter ("Al Mayadeen's correspondent"), where a reporter is based ("our correspondent in
Daraa said"). Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations

import pytest

from transforms.entities import places as placing


@pytest.fixture
def told(real_reports):
    return lambda text: sorted({r["location_text"] for r in real_reports(text)})


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Two farmers were killed on Sunday when a bomb went off in an orchard near Khalis, a "
         "police officer told Baghdad Today.", "Khalis"),
        ("Mosul Now's reporter said a roadside bomb killed two soldiers in Tal Afar on Sunday.",
         "Tal Afar"),
        ("Our correspondent in Deir ez-Zor said gunmen killed two oil workers in Hajin on "
         "Sunday.", "Hajin"),
    ],
)  # fmt: skip
def test_a_place_naming_who_reports_is_no_venue(told, text, venue):
    assert told(text) == [venue]


def test_the_same_name_where_something_happened_stays_a_venue(told):
    text = "A roadside bomb killed two soldiers in Baghdad today, police said."
    assert told(text) == ["Baghdad"]


@pytest.mark.parametrize(
    ("text", "name", "reporting"),
    [
        ("told Baghdad Today that", "Baghdad", True),
        ("Al Mayadeen's correspondent said", "Al Mayadeen", True),
        ("the agency's correspondent in Daraa said", "Daraa", True),
        ("a bomb in Baghdad today killed two", "Baghdad", False),
        ("Baghdad's governor said", "Baghdad", False),
        ("the governor in Daraa said", "Daraa", False),
    ],
)  # fmt: skip
def test_reporting_place(text, name, reporting):
    start = text.index(name)
    assert placing.reporting_place(text, start, start + len(name)) is reporting
