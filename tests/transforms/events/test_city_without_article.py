"""A city written without its article ("Mahmudiyah" for Al Mahmudiyah, a town of 350,000 south
of Baghdad) is the city, though a hamlet elsewhere carries that spelling as its own: the
gazetteer lists a city's names without the article too (``seeds/reference/wof.py``,
``articleless``, tested in tests/seeds/test_wof.py), so both are candidates and the larger
wins where nothing else tells."""

from __future__ import annotations


def test_the_city_wins_over_a_hamlet_spelled_so(real_reports):
    (r,) = real_reports("A roadside bomb exploded in Mahmudiyah, killing three soldiers.")
    assert (r["location_text"], r["admin1"]) == ("Mahmudiyah", "Baghdad")
    # counter-example: the hamlet's own governorate named beside it keeps the hamlet
    (r,) = real_reports("A roadside bomb exploded in Mahmudiyah, Nineveh, killing three soldiers.")
    assert r["admin1"] == "Nineveh"
