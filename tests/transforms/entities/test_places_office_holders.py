"""A name set off by an appositive naming a person's office is a person's, never a place.

"X, <country>'s president, said" or "X, the governor of Y, told" names who X is: a person,
even where a village of the gazetteer shares the name (Al Asharah, Deir ez-Zor, is also
spelled "Sharra"; Ad Dana, Idlib, "Dana"). An appositive naming a kind of place ("X, the
country's largest city") leaves X a place, and so does a place word before the name ("in X,
the city's mayor, Y, said"), or a reporting clause that is no appositive ("in X, the governor
said").
"""

from __future__ import annotations

import pytest

from transforms.entities import places as placing


def _place_names(detect, registry, text: str) -> dict[str, str]:
    m = detect(text)
    return {
        r.surface: registry.places[r.place_id].name
        for r in m.itertuples()
        if isinstance(r.place_id, str)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Dana, Syria's interim president, told reporters that Hasakah was calm.",
        "Sharra, the governor of Raqqa, promised to rebuild the bridge in Hasakah.",
        "Dana, the army's chief of staff, visited troops in Hasakah on Sunday.",
        "Dana, a senior official of the ministry, denied that Hasakah was shelled.",
    ],
    ids=["possessive-president", "the-governor-of", "the-chief", "a-senior-official"],
)
def test_a_name_with_an_office_appositive_is_no_place(detect, registry, text):
    found = _place_names(detect, registry, text)
    assert "Dana" not in found and "Sharra" not in found
    assert found["Hasakah"] == "Al-Hasakah"  # the other places of the sentence stay


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Two guards died in Mayadin, the province's second city, on Monday.", "Mayadin",
         "Mayadin"),
        ("Shells fell on Dana, Idlib's busiest market town, at dawn.", "Dana", "Ad Dana"),
        ("A bomb went off in Kirkuk, the governor of Kirkuk, Rakan Saeed, said.", "Kirkuk",
         "Kirkuk"),
        ("A bomb exploded in Dana, the governor said on Monday.", "Dana", "Ad Dana"),
    ],
    ids=["town-appositive", "possessive-town", "place-word-before", "no-appositive"],
)  # fmt: skip
def test_a_place_keeps_its_reading(detect, registry, text, name, place):
    assert _place_names(detect, registry, text)[name] == place


def test_office_holder_reads_only_a_closed_appositive():
    text = "Dana, Syria's president, said; Dana, Syria's president said"
    assert placing.office_holder(text, 0, 4)
    assert not placing.office_holder(text, 31, 35)  # (no comma closes it: "X, Y said")
