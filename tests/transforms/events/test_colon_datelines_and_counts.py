"""A place in capitals ending in a colon at the story's start ("BAGHDAD: ...") is the dateline,
no venue; a group whose members an attack wounded is the side hit ("wounded three SDF
members"); a monitor's count of the killed ("documented the killing of 87 civilians in June")
is no attack. Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations

import pytest

from transforms.entities import places as placing


@pytest.fixture
def reports(real_reports):
    return lambda text: [
        (r["location_text"], r["killed_best"], r["perpetrator_id"], r["actor2"])
        for r in real_reports(text)
    ]


def test_a_colon_dateline_is_no_venue(reports):
    text = (
        "BAGHDAD: A roadside bomb killed three soldiers near the town of Al-Karmah, east of "
        "Fallujah, on Tuesday, officials said."
    )
    assert [r[0] for r in reports(text)] == ["Al-Karmah"]


def test_a_colon_dateline_span():
    text = "MOSUL, Iraq: Gunmen killed two men.\n\nLater: more news."
    assert [text[a:b] for a, b in placing.dateline_spans(text)] == ["MOSUL"]


def test_a_heading_in_mixed_case_or_later_in_a_roundup_stays_a_venue(reports):
    text = (
        "Weekly roundup\n\nIn Anbar, gunmen killed a farmer near Rawa on Monday.\n\n"
        "KIRKUK: Three policemen were killed in an attack on a checkpoint on Wednesday."
    )
    assert sorted(r[0] for r in reports(text)) == ["KIRKUK", "Rawa"]


def test_members_wounded_are_the_side_hit(reports):
    text = "A roadside bomb wounded three SDF members in the village of Hajin on Friday."
    ((_, _, perpetrator, hit),) = reports(text)
    assert (perpetrator, hit) == (None, "ent:sdf")


def test_the_group_wounding_stays_the_attacker(reports):
    text = "SDF fighters opened fire on a car in Hajin on Friday, wounding three men."
    ((_, _, perpetrator, _),) = reports(text)
    assert perpetrator == "ent:sdf"


def test_a_monitors_count_of_the_killed_is_no_attack(reports):
    text = (
        "The network documented the killing of 87 civilians in Idlib in June, 19 of them "
        "children."
    )
    assert reports(text) == []


def test_a_killing_told_with_its_place_stays(reports):
    text = "Gunmen killed 8 civilians in a market in Idlib on Sunday, the network documented."
    assert [(r[0], r[1]) for r in reports(text)] == [("Idlib", 8)]
