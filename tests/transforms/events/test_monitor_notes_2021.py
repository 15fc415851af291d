"""Rules found on conflict monitors' 2021 notes of Iraq and Syria (``bench/notes4``), each
with a counter-example that must not change (inputs in our own words, not the notes'):

- the arms as the agent ("Russian jets struck X", "regime artillery hit X", "government
  artillery pounded X") report an attack, as "a drone struck X" did; the same arms flying
  over or landing report none;
- a named region followed by its governorate after a comma ("Jabal al-Zawiya, Idlib") is one
  venue, the region, with the whole toll (as "the X area, Y governorate" was); a region of
  another governorate before it stays a venue of its own beside that governorate;
- where the fire came from, named as areas of a place or by their bearing from it ("fired
  from regime-held areas west of the Euphrates", "from areas of X"), is no venue, as "from
  their positions in X" was; areas where the attack struck ("in areas south of Hit") stay
  the venue.
"""

from __future__ import annotations

import pytest


def _venues(real_reports, text: str) -> list[tuple[str | None, str | None, int | None]]:
    return sorted(
        ((r["location_text"], r["admin1"], r["killed_best"]) for r in real_reports(text)),
        key=str,
    )


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # (no other attack word: the arms and their verb are the whole report)
        ("Russian jets struck farmland outside Sarmin on Tuesday.", ("Sarmin", "Idlib")),
        ("Government artillery pounded Kafr Nabl on Tuesday.", ("Kafr Nabl", "Idlib")),
        ("Turkish warplanes hit a hillside near Amedi, Duhok, on Tuesday.", ("Amedi", "Duhok")),
        ("Regime forces bombarded Kafr Nabl on Tuesday.", ("Kafr Nabl", "Idlib")),
    ],
    ids=["jets-struck", "artillery-pounded", "warplanes-hit", "bombarded"],
)  # fmt: skip
def test_arms_as_the_agent_report_an_attack(real_reports, text, venue):
    assert [v[:2] for v in _venues(real_reports, text)] == [venue]


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets flew over Sarmin on Tuesday.",
        "A helicopter landed near Sarmin on Tuesday.",
    ],
    ids=["flew-over", "landed"],
)
def test_arms_doing_nothing_hostile_report_nothing(real_reports, text):
    assert real_reports(text) == []


def test_a_region_and_its_governorate_after_a_comma_are_one_venue(real_reports):
    text = "Government forces shelled Jabal al-Zawiya, Idlib, on Tuesday, killing three civilians."
    assert _venues(real_reports, text) == [("Jabal al-Zawiya", "Idlib", 3)]


def test_a_region_before_another_governorate_stays_its_own_venue(real_reports):
    # Jabal al-Akrad lies in Latakia: the comma does not make Idlib hold it
    text = "Government forces shelled Jabal al-Akrad, Idlib, on Tuesday, killing three civilians."
    assert [v[:2] for v in _venues(real_reports, text)] == [
        ("Idlib", "Idlib"),
        ("Jabal al-Akrad", "Latakia"),
    ]


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("Rockets hit the coalition base at Al-Tanf on Monday. Nobody was hurt; the rockets"
         " were fired from regime-held areas west of the Euphrates.", [("Al-Tanf", "Homs", 0)]),
        ("Regime forces shelled Kansafra on Monday from regime-held areas of Maarat al-Numan.",
         [("Kansafra", "Idlib", None)]),
    ],
    ids=["own-sentence", "same-sentence"],
)  # fmt: skip
def test_where_the_fire_came_from_is_no_venue(real_reports, text, venues):
    assert _venues(real_reports, text) == venues


def test_areas_where_the_attack_struck_stay_the_venue(real_reports):
    text = "The army shelled IS hideouts in areas south of Hit on Monday."
    assert [v[:2] for v in _venues(real_reports, text)] == [("Hit", "Al Anbar")]
