"""Full articles' openings: outlets' dateline conventions mark the reporter's place (and the
region after it), which neither is a venue nor holds the lead's places; a country owning a
force ("Iran's Revolutionary Guards") is no place holding the sentence's villages. Inputs
written here; each with a counter-example."""

import pandas as pd
import pytest


def _roles(m: pd.DataFrame) -> dict:
    return {s: (None if pd.isna(r) else r) for s, r in zip(m.surface, m.role, strict=True)}


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("Beirut (AFP) - Russian warplanes struck the town of Kafr Nabl on Tuesday.", "Beirut"),
        ("Deir ez-Zor (Reuters) - A bomb went off near Mayadin on Friday.", "Deir ez-Zor"),
        ("Hama, SANA – Rocket shells fell on the town of Mhardeh on Sunday.", "Hama"),
        ("QAMISHLO (ANHA) – Shells hit a village near Amuda on Monday.", "QAMISHLO"),
        ("ERBIL, Kurdistan Region (Kurdistan24) – A drone struck a car near Zakho.", "ERBIL"),
    ],
)
def test_outlets_datelines_mark_the_reporters_place(detect, text, reporter):
    roles = _roles(detect(text))
    assert roles[reporter] == "dateline"
    venues = [s for s, r in roles.items() if r is None and s not in ("Russian",)]
    assert venues and all(s not in text[: text.index(reporter) + len(reporter)] for s in venues)


def test_the_region_after_the_reporters_place_is_the_datelines_too(detect):
    roles = _roles(detect("SULAIMANI, Kurdistan Region — Shells hit a village near Penjwen."))
    assert roles["Kurdistan Region"] == "dateline" and roles["Penjwen"] is None
    # counter-example: the region named in the sentence is the text's own
    roles = _roles(detect("Shells hit a village in the Kurdistan Region on Monday."))
    assert roles["Kurdistan Region"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Hama, the province's capital, was shelled on Sunday.",  # no dash: a sentence
        "Mosul - the city was quiet on Sunday, residents said.",  # no agency: a sentence
    ],
)
def test_a_title_case_place_without_an_agency_is_no_dateline(detect, text):
    assert all(r is None for r in _roles(detect(text)).values())


def test_the_datelines_place_holds_no_village_of_the_lead(detect):
    # Sidakan lies in Erbil: the reporter's Sulaymaniyah does not hold it
    m = detect("SULAIMANI, Kurdistan Region — Shells hit pastures near the town of Sidakan.")
    assert "Sidakan" in set(m.surface)
    # counter-example: a governorate the sentence itself names still decides
    m = detect("Shells hit pastures near the town of Sidakan in Sulaymaniyah province.")
    assert "Sidakan" not in set(m.surface)


def test_a_country_owning_a_force_holds_no_village(detect):
    m = detect("Iran's Revolutionary Guards shelled pastures near the town of Sidakan.")
    assert "Sidakan" in set(m.surface)
    m = detect("Turkey's army shelled pastures near the town of Sidakan on Monday.")
    assert "Sidakan" in set(m.surface)
    # counter-example: a country owning a province holds the places of the sentence
    m = detect("Shells hit pastures near the town of Sidakan in Syria's Idlib province.")
    assert "Sidakan" not in set(m.surface)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow, a key ally of Damascus, denies striking civilians in Idlib.",
        "Ankara, which backs the rebel factions, said its drones hit PKK targets.",
    ],
)
def test_a_capital_speaking_after_an_apposition_is_its_government(detect, text):
    first = text.split(",")[0]
    assert _roles(detect(text))[first] == "metonym"


@pytest.mark.parametrize(
    "text",
    [
        "Baghdad, the Iraqi capital, was hit by two car bombs on Monday.",  # an auxiliary
        "In Damascus, a city of four million, said residents, the power was cut.",  # a place
    ],
)
def test_a_capital_in_apposition_before_an_auxiliary_or_after_in_stays_a_place(detect, text):
    name = "Baghdad" if "Baghdad" in text else "Damascus"
    assert _roles(detect(text))[name] is None
