"""A named group said to be behind, responsible for or blamed for *the* attack refers back to the
attack already told: it says who did it, it is not a new attack."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_reports
from transforms.events.classify import is_anaphoric

SAT = date(2026, 2, 21)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said Daesh was behind the roadside bomb.",
        "Police believe IS fighters were behind this ambush.",
        "The ministry held Hurras al-Din responsible for the shelling of the market.",
        "The SDF was blamed for these killings.",
    ],
)
def test_a_definite_reference_after_behind_refers_back(sentence):
    assert is_anaphoric(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "IS was behind a wave of car bombs in the capital.",  # a new attack, indefinite
        "The patrol drove behind the convoy.",
        "Gunmen attacked a checkpoint.",
    ],
)
def test_other_wordings_do_not_refer_back(sentence):
    assert not is_anaphoric(sentence)


def test_the_group_behind_the_bomb_is_the_perpetrator_of_one_report(corpus, places, entities):
    text = (
        "A roadside bomb killed three soldiers near Mayadin on Saturday. "
        "Officials said Daesh was behind the roadside bomb."
    )
    documents, mentions = corpus(("d", text, SAT, "Outlet"))
    (report,) = extract_reports(documents, mentions, places, entities).to_pylist()
    assert report["perpetrator_id"] == "ent:is" and report["killed_best"] == 3
