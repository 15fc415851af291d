"""A town a bearing is taken from ("X, south of Y", "X, 10 km east of Y") says where X lies,
not which governorate holds it: a place just outside a city often lies in the next
governorate (a suburb of Damascus in Rif Dimashq). A minor place's one reading within
``BEARING_KM`` of that town stands, and is the venue (before, the city's governorate ruled it
out and the city took the attack); a reading far from the town stays out."""

from __future__ import annotations

import pytest


def _at(real_reports, text: str) -> list[tuple[str, str]]:
    return sorted((r["location_text"], r["admin1"]) for r in real_reports(text))


@pytest.mark.parametrize(
    "text",
    [
        "On 9 April 2016, a car bomb went off in Sayyidah Zaynab, south of Damascus, killing"
        " six people.",
        "On 9 April 2016, a car bomb went off in Sayyidah Zaynab, 10 km south of Damascus,"
        " killing six people.",
    ],
    ids=["bearing", "distance-and-bearing"],
)
def test_a_place_south_of_a_city_may_lie_in_the_next_governorate(real_reports, text):
    assert _at(real_reports, text) == [("Sayyidah Zaynab", "Rif Dimashq")]


def test_a_town_far_from_the_bearings_town_is_not_read(real_reports):
    text = (
        "On 9 April 2016, a car bomb went off in Sayyidah Zaynab, south of Aleppo, killing"
        " six people."
    )
    assert [a for _, a in _at(real_reports, text)] == ["Aleppo"]
