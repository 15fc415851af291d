"""A distance and direction stated from a known place decides between a name's namesakes.

"X, 40 km north of Y" / "X, near Y" right after a name of several places picks the one nearest
the point so stated, within half the distance plus ``POINT_SLACK_KM`` (``NEAR_KM`` for "near");
a point far from every namesake, or a phrase that follows another name, changes nothing.
Gazetteer facts used: Suran is a town 18 km north of Hama and a village 40 km north of Aleppo
(Sorane, also read "Suran", lies on Aleppo's eastern edge); Amiriyah names a Diyala village and
a Wasit hamlet, none of them south-west of Baghdad (Amiriyat al-Fallujah, in Anbar, is listed
as "Nahiyat al 'Amiriyah" and is no candidate for the bare name).
"""

from __future__ import annotations

import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.entities import places as placing


def _places(text: str, registry) -> dict[str, tuple[str, str | None]]:
    """Each place mention's surface -> (place name, governorate)."""
    docs = pa.table({"doc_id": ["d"], "text": [text]})
    m = detect_mentions(docs, registry).to_pandas()
    return {
        r.surface: (registry.places[r.place_id].name, registry.places[r.place_id].admin1)
        for r in m.itertuples()
        if isinstance(r.place_id, str)
    }


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Rebels shelled Suran, some 40 km north of Aleppo, on Friday.", ("Suran", "Aleppo")),
        ("Rebels shelled Suran, 25 miles north of Aleppo, on Friday.", ("Suran", "Aleppo")),
        ("Rebels shelled Suran, a village 20 kilometres north of Hama.", ("Suran", "Hama")),
        ("Rebels shelled Suran, on the outskirts of Aleppo.", ("Sorane", "Aleppo")),
    ],
    ids=["km-north", "miles", "a-village-km", "outskirts"],
)
def test_the_namesake_near_the_stated_point_wins(registry, text, meant):
    assert _places(text, registry)["Suran"] == meant


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # no Amiriyah of the gazetteer lies near 45 miles south-west of Baghdad
        (
            "A car bomb exploded in Amiriyah, 45 miles southwest of Baghdad, killing five.",
            "A car bomb exploded in Amiriyah, killing five.",
        ),
        # 150 km east of Aleppo is desert, far from both Surans
        ("Rebels shelled Suran, some 150 km east of Aleppo.", "Rebels shelled Suran."),
    ],
    ids=["amiriyah-far", "suran-far"],
)
def test_a_point_far_from_every_namesake_keeps_todays_choice(registry, text, plain):
    name = next(iter(_places(plain, registry)))
    assert _places(text, registry)[name] == _places(plain, registry)[name]


def test_a_distance_stated_for_another_name_decides_nothing(registry):
    plain = _places("Fighters from Suran attacked a checkpoint.", registry)["Suran"]
    text = "Fighters from Suran attacked Marea, 30 km north of Aleppo."
    assert plain == ("Suran", "Hama")
    assert _places(text, registry)["Suran"] == plain


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("X, some 20 kilometres north-east of Kirkuk", (45.0, 20.0)),
        ("X, 10 miles west of Mosul", (270.0, 16.09)),
        ("X, near Tikrit", (None, 0.0)),
        ("X, a town just outside Tikrit", (None, 0.0)),
    ],
)
def test_stated_point_reads_distance_direction_and_nearness(text, stated):
    start, km, bearing = placing.stated_point(text, 1)
    assert text[start:].split()[0] in ("Kirkuk", "Mosul", "Tikrit")
    assert (bearing, round(km, 2)) == stated


@pytest.mark.parametrize(
    "text",
    ["X and Y, 30 km east of Mosul", "X was hit 30 km east of Mosul", "X, east of Mosul"],
)
def test_stated_point_wants_the_phrase_right_after_the_name(text):
    assert placing.stated_point(text, 1) is None
