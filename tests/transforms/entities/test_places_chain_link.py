"""A chain of areas after a village ("X village, Jabal al-Zawiya, Idlib", "X (Ghab Plain,
Hama)") states X's governorate through the region between them (found on ``bench/notes4``):
a spelling read only approximately as a place outside it ("Baylun" read fuzzily as Babil,
Iraq, by its alias Babylon) is no place there; without the chain ("X village and the Y plain,
Z") the reading stands. Inputs in our own words.
"""

from __future__ import annotations

import pytest


def _places(detect, text: str) -> list[tuple[str, str]]:
    m = detect(text)
    return [(r.surface, r.place_id) for r in m.itertuples() if isinstance(r.place_id, str)]


@pytest.mark.parametrize(
    "text",
    [
        "Mortar rounds fell on Baylun village, Ghab Plain, Hama, on Tuesday.",
        "Mortar rounds fell on Baylun village (Ghab Plain, Hama) on Tuesday.",
    ],
    ids=["commas", "bracket"],
)
def test_a_chain_through_a_region_states_the_villages_governorate(detect, registry, text):
    # "Baylun" is read fuzzily as Babil (Babylon), in Iraq: not in Hama
    surfaces = [s for s, _ in _places(detect, text)]
    assert "Baylun" not in surfaces
    assert [registry.places[p].admin1 for _, p in _places(detect, text)] == ["Hama", "Hama"]


def test_without_the_chain_the_approximate_reading_stands(detect):
    text = "Mortar rounds fell on Baylun village and the Ghab Plain, Hama, on Tuesday."
    assert ("Baylun", "98227") in _places(detect, text)
