"""English words spelled as an Arabic article ("at", "as", "an"), in lower case and apart
from the name after them, are the English words: "fired at Tall Tamr" names Tall Tamr, not
"At Tall" (Al-Tall, north of Damascus) followed by a stray word. The article written as part
of the name ("At Tall", "at-Tall") still names the town. Inputs in our own words."""

from __future__ import annotations

import pytest


def _places(detect, registry, text: str) -> list[tuple[str, str]]:
    m = detect(text)
    return [
        (r.surface, registry.places[r.place_id].admin1)
        for r in m.itertuples()
        if isinstance(r.place_id, str)
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen opened fire at Tall Tamr on Sunday night.", ("Tall Tamr", "Al-Hasakah")),
        ("A motorbike bomb went off at Tall Abyad's market.", ("Tall Abyad", "Ar-Raqqah")),
        ("Turkish howitzers fired at Tall Rifaat for an hour.", ("Tall Rifaat", "Aleppo")),
    ],
    ids=["at-tall-tamr", "at-tall-abyad", "at-tall-rifaat"],
)  # fmt: skip
def test_the_english_word_at_is_no_article(detect, registry, text, place):
    assert _places(detect, registry, text) == [place]


@pytest.mark.parametrize(
    "text",
    ["A car bomb went off in At Tall on Sunday.", "A car bomb went off in at-Tall on Sunday."],
    ids=["capital", "hyphen"],
)
def test_the_article_written_with_the_name_still_names_it(detect, registry, text):
    assert [admin1 for _, admin1 in _places(detect, registry, text)] == ["Rif Dimashq"]
