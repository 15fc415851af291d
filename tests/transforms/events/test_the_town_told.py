"""A sentence naming no place that names a part of "the city" or "the town" ("a cafe in the
city's X neighbourhood") is placed in the town the document named last before it. Inputs
written here; each with a counter-example that must not change."""

from __future__ import annotations

from datetime import date

DAY = date(2019, 11, 18)


def _places(real_reports, text):
    return [(r["place_id"], r["killed_best"]) for r in real_reports(text, DAY)]


def test_a_part_of_the_city_told_before_is_in_that_city(real_reports):
    text = (
        "Hundreds marched on Monday in the northern city of Kirkuk to mourn five young men. "
        "The bomb exploded late on Saturday in a tea shop in the city's Wasiti neighborhood, "
        "killing the five and wounding twelve, health officials said. In August, a roadside "
        "bomb killed two soldiers near Daquq."
    )
    found, _daquq = _places(real_reports, text)
    alone = _places(real_reports, "A bomb killed five in Kirkuk on Saturday.")
    assert found == (alone[0][0], 5)


def test_the_citys_officials_and_an_unnamed_city_place_nothing(real_reports):
    # counter-examples: the city's governor is no part of it; "in the city" alone may mean
    # another city than the last one named
    governor = (
        "Mourners gathered in Kirkuk on Monday. The city's governor said a bomb killed five "
        "people late on Saturday."
    )
    alone = (
        "Mourners gathered in Kirkuk on Monday. Residents in the city said a bomb killed five "
        "people late on Saturday."
    )
    assert _places(real_reports, governor) == _places(real_reports, alone)
