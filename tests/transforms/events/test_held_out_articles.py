"""Rules written on the misses of the held-out full articles (bench/articles3): each tested with
inputs written here in our own words, and a counter-example that must not change."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: sorted(
        (r["location_text"], r["killed_best"], r["wounded_best"])
        for r in real_reports(text, date(2016, 3, 7))
    )


def test_a_bearing_alone_in_a_later_sentence_locates_the_venue_told(told):
    # The lead placed the attack; a later sentence says where that place lies (one attack,
    # its toll whole, not shared with the point the bearing is taken from).
    text = (
        "A suicide bomber drove a fuel tanker into a checkpoint at the entrance to the city "
        "of Hilla on Sunday, killing at least 40 people and wounding 52, police said. "
        "Witnesses said the tanker blew up while soldiers were checking cars at the "
        "checkpoint, which lies some 100 km (60 miles) south of Baghdad."
    )
    assert told(text) == [("Hilla", 40, 52)]


def test_a_bearing_too_near_for_the_venue_told_names_another(told):
    text = (
        "A suicide bomber drove a fuel tanker into a checkpoint at the entrance to the city "
        "of Hilla on Sunday, killing at least 40 people and wounding 52, police said. "
        "Later, a second bomb went off in a market about 20 km south of Baghdad."
    )
    assert [place for place, _, _ in told(text)] == ["Baghdad", "Hilla"]


@pytest.fixture
def perp(real_reports):
    return lambda text: [r["perpetrator_id"] for r in real_reports(text, date(2023, 3, 7))]


@pytest.mark.parametrize(
    "text",
    [
        # members "in" a group, one more victim named before the verb
        "An officer in the Popular Mobilization Forces and two of his bodyguards were killed on "
        "Monday when a bomb hit their car near Baqubah, police said.",
        # the group's office speaking, by a possessive
        "A drone struck a vehicle near Qamishli on Thursday, killing two SDF commanders, the "
        "SDF's press office said.",
        # the group holding the town struck
        "Six people were killed on Wednesday when a car bomb went off in the city of Jarablus, "
        "which is under the control of the Syrian National Army.",
    ],
)
def test_groups_hit_speaking_or_holding_the_place_are_no_agent(perp, text):
    assert perp(text) == [None]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("An officer in the Popular Mobilization Forces said on Monday that ISIS militants "
         "killed two farmers near Baqubah.", "ent:islamic_state"),
        ("The SDF's fighters stormed a checkpoint near Hajin on Monday, killing three soldiers.",
         "ent:sdf"),
        ("Fighters of the Syrian National Army shelled the outskirts of Manbij on Wednesday, "
         "killing two civilians.", "ent:sna"),
    ],
)  # fmt: skip
def test_the_group_acting_stays_the_agent(perp, text, agent):
    assert perp(text) == [agent]


@pytest.fixture
def days(real_reports):
    # published Thursday 2017-09-28
    return lambda text: sorted(
        (r["location_text"], r["event_date"].isoformat(), r["date_precision"])
        for r in real_reports(text, date(2017, 9, 28))
    )


def test_an_undated_attack_after_the_story_day_happened_that_day(days):
    text = (
        "Air raids and shelling killed at least 20 people across Syria on Wednesday, a war "
        "monitor said. In the northwest, an air raid hit a market in the town of Armanaz, "
        "killing 11 civilians."
    )
    assert days(text) == [("Armanaz", "2017-09-27", "day")]


@pytest.mark.parametrize(
    "text",
    [
        # no day told before it
        "An air raid hit a market in the town of Armanaz, killing 11 civilians, a monitor said.",
        # a day too long before publication to be the story's
        "The town was retaken on 2 September. An air raid hit a market in the town of Armanaz, "
        "killing 11 civilians, a monitor said.",
        # a day counted from another thing ("the previous day") is that thing's
        "The army vowed revenge for an ambush the previous day. An air raid hit a market in "
        "the town of Armanaz, killing 11 civilians, a monitor said.",
        # a statement's day is no day of the story
        "The governor said on Wednesday that schools would reopen. An air raid hit a market in "
        "the town of Armanaz, killing 11 civilians, a monitor said.",
    ],
)
def test_with_no_story_day_the_publication_week_stands(days, text):
    assert days(text) == [("Armanaz", "2017-09-28", "week")]


def test_an_older_month_told_after_an_undated_attack_is_its_own(days):
    text = (
        "A car bomb exploded near a cafe in Tikrit, killing six people. "
        "In March, a similar bombing in Samarra killed 12 people."
    )
    assert days(text) == [("Samarra", "2017-03-01", "month"), ("Tikrit", "2017-09-28", "week")]



@pytest.mark.parametrize(
    "text",
    [
        "The UN mission said more than 900 Iraqis were killed in acts of violence in May alone.",
        "The country's civil war, now in its eighth year, has killed about half a million people.",
        "The insurgency has killed more than 20,000 people since 2004.",
    ],
)
def test_a_war_or_a_month_counted_whole_is_no_attack(real_reports, text):
    assert real_reports(text, date(2017, 9, 28)) == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A car bomb has killed 12 people in a market in Baqubah, police said.", 12),
        ("Gunmen killed three policemen in Tarmiyah in an act of violence that shocked the town.",
         3),
    ],
)  # fmt: skip
def test_an_attack_in_the_perfect_or_called_violence_stays(real_reports, text, killed):
    got = real_reports(text, date(2017, 9, 28))
    assert [r["killed_best"] for r in got] == [killed]
