"""A state's forces named without their state ("regime forces shelled", "government shelling
killed") are the army of the country the place is in, only as the agent; and the other side
answering ("opposition fighters responded by shelling ...") does not inherit the attack's
perpetrator. Inputs written here; each with a counter-example."""

from __future__ import annotations

import pytest


@pytest.fixture
def actors(real_reports):
    return lambda text: [r["perpetrator_id"] for r in real_reports(text)]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("Government shelling killed four civilians in the village of Kansafra on Saturday.",
         "ent:sy_army"),
        ("Three farmers were killed when regime forces shelled the town of Ariha on Monday.",
         "ent:sy_army"),
        ("Government forces killed two gunmen in a raid near Baiji on Monday.", "ent:iq_army"),
        # the regime itself the agent, or its arms in the possessive
        ("The regime shelled the town of Ariha on Monday, killing three farmers.", "ent:sy_army"),
        ("The regime's warplanes killed two shepherds near Kansafra on Monday.", "ent:sy_army"),
        # counter-examples: the forces hit, not acting
        ("At least 14 regime forces, including two officers, were killed near Palmyra.", None),
        ("Islamic State militants attacked government forces near Palmyra, killing four.",
         "ent:islamic_state"),
        ("Rebels shelled government-held villages near Suqaylabiyah, wounding a soldier.", None),
        ("Rebels attacked the regime near Ariha on Monday, killing three soldiers.", None),
    ],
)  # fmt: skip
def test_unnamed_state_forces_are_the_places_army_as_agent(actors, text, perpetrator):
    assert actors(text) == [perpetrator]


def test_the_side_answering_does_not_inherit_the_attackers_name(actors):
    text = (
        "Regime forces shelled the town of Ariha on Thursday, killing two children. "
        "Opposition factions responded by shelling government positions near Suqaylabiyah, "
        "wounding a soldier."
    )
    assert actors(text) == ["ent:sy_army", None]
    # counter-example: a later act of the same attackers keeps their name
    text = (
        "Regime forces shelled the town of Ariha on Thursday, killing two children. "
        "The shelling then hit the nearby village of Kansafra, wounding a farmer."
    )
    assert actors(text) == ["ent:sy_army", "ent:sy_army"]
