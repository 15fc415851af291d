"""A sentence's one report of several attacks with a toll ("Four car bombs in Baghdad killed 40")
followed by two or more reports inside its place is their total told first: counted once over
them, as a total "across" a land is, not an attack of its own on top of them (a double count).
Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations


def _tolls(reports: list[dict]) -> list[tuple]:
    return sorted((r["location_text"], r["killed_best"]) for r in reports)


def test_a_series_total_in_a_city_is_counted_once_over_its_quarters(real_reports):
    for total in (
        "Four car bombs in Baghdad killed at least 40 people on Monday.",
        "At least 40 people were killed in a series of bombings in Baghdad on Monday.",
    ):
        text = f"{total} A car bomb killed 25 in Karrada and a second one killed 15 in Shaab."
        assert _tolls(real_reports(text)) == [("Karrada", 25), ("Shaab", 15)]


def test_one_attack_in_the_city_stays_its_own(real_reports):
    # counter-example: one attack named, not several: the city's bombing is another
    text = (
        "A car bomb in Baghdad killed 40 people on Monday. Later a car bomb killed 25 in "
        "Karrada and a second one killed 5 in Shaab."
    )
    assert _tolls(real_reports(text)) == [("Baghdad", 40), ("Karrada", 25), ("Shaab", 5)]


def test_a_series_elsewhere_is_no_total_of_them(real_reports):
    # counter-example: the quarters lie outside the series' town
    text = (
        "Two car bombs exploded in Mosul on Monday, killing 9. In Baghdad, a car bomb killed 25 "
        "in Karrada and a second one killed 5 in Shaab."
    )
    assert _tolls(real_reports(text)) == [("Karrada", 25), ("Mosul", 9), ("Shaab", 5)]
