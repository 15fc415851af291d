"""A bare year naming an event ("the 2004 Kufa shelling", "Battle of Mosul (2016)") is part of a
name, not the report's date: the report is dated as if the year were not there."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_reports
from transforms.events.dates import find_dates

PUB = date(2016, 11, 2)


@pytest.mark.parametrize(
    "text",
    [
        "2015 Tadmur bombing: a car bomb hit the market.",
        "Survivors of the 2014 Raqqa massacre gathered.",
        "Part of the Siege of Raqqa (2016): gunmen shot two men.",
    ],
)
def test_a_year_in_a_name_is_marked_a_name(text):
    (d,) = find_dates(text, PUB)
    assert d.precision == "year" and d.method == "name"


@pytest.mark.parametrize(
    "text",
    [
        "In 2014 Islamic State overran the city.",
        "Since 2015 IS fighters have held the road.",
        "The group has attacked the town every summer since 2013.",
        "Clashes in 2015, Kurdish forces said, left the town in ruins.",
    ],
)
def test_a_year_said_as_a_time_stays_a_date(text):
    (d,) = find_dates(text, PUB)
    assert d.method == "explicit"


def test_a_report_under_a_named_year_label_takes_its_publication(corpus, places, entities):
    text = "2016 Mayadin bombing: A car bomb killed five people in Mayadin."
    documents, mentions = corpus(("d", text, PUB, "Outlet"))
    (r,) = extract_reports(documents, mentions, places, entities).to_pylist()
    assert (r["event_date"], r["date_method"]) == (PUB, "publication")
