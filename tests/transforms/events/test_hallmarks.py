"""An attack that "bore the hallmarks of" a group is inferred from its manner: the group is
suspected, not named as the agent. Inputs written here, with counter-examples."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb killed nine people at a market in Tikrit on Monday. The attack bore the "
        "hallmarks of the Islamic State.",
        "A car bomb killed nine people at a market in Tikrit on Monday in an attack bearing "
        "the hallmarks of the Islamic State.",
    ],
)
def test_the_hallmarks_of_a_group_make_it_suspected(real_reports, text):
    ((perpetrator, attribution),) = [
        (r["perpetrator_id"], r["attribution"]) for r in real_reports(text)
    ]
    assert (perpetrator, attribution) == ("ent:islamic_state", "suspected")


def test_a_group_named_as_the_agent_stays_attributed(real_reports):
    # counter-example: no inference, the group did it
    text = "Islamic State militants killed nine people at a market in Tikrit on Monday."
    ((r),) = real_reports(text)
    assert (r["perpetrator_id"], r["attribution"]) == ("ent:islamic_state", "attributed")
