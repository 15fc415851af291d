"""An attack told first without a day, then "The explosion occurred on Thursday ...": that
day is the attack's, and an older attack told after it with its own month ("In October 2020,
a truck bomb ... killed 19") keeps its own date and never lends it to the first. Inputs written
here, with a counter-example that must not change."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def dated(real_reports):
    return lambda text: sorted(
        (r["killed_best"], r["event_date"], r["date_precision"])
        for r in real_reports(text, published=date(2024, 5, 10))
    )


def test_the_day_told_later_is_the_attacks(dated):
    text = (
        "Four civilians were killed in a car bomb attack in the town of Jarablus, local "
        "sources said. The explosion occurred on Wednesday near the main market. In March "
        "2024, a truck bomb in Jarablus killed 12 people."
    )
    assert dated(text) == [(4, date(2024, 5, 8), "day"), (12, date(2024, 3, 1), "month")]


def test_a_day_said_of_something_else_is_not_the_attacks(dated):
    # counter-example: no word of the attack's time, the condemnation's day is no attack day
    text = (
        "Four civilians were killed in a car bomb attack in the town of Jarablus, local "
        "sources said. The governor condemned the explosion on Wednesday."
    )
    ((killed, _, precision),) = dated(text)
    assert (killed, precision) == (4, "week")


def test_a_statements_day_is_not_the_attacks(dated):
    # the day the statement was made bounds the attack; the day it names is the attack's
    text = (
        "Four civilians were killed in a car bomb attack in the town of Jarablus, local "
        "sources said. The governor said on Thursday that the explosion occurred on Tuesday."
    )
    assert dated(text) == [(4, date(2024, 5, 7), "day")]
