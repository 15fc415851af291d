"""Curated spellings of gazetteer places (seeds/reference/place_aliases_curated.csv): each
lands on the place its row names, and a row naming no place stops the build."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[2] / "seeds" / "reference"


def _rows(name: str) -> list[dict]:
    with open(REFERENCE / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_curated_spelling_is_an_alias_of_its_place():
    places = {r["place_id"]: r for r in _rows("places.csv")}
    for row in _rows("place_aliases_curated.csv"):
        place = places[row["place_id"]]
        assert place["name"] == row["name"]
        assert set(row["aliases"].split("|")) <= set(place["aliases"].split("|"))


def test_a_row_whose_place_is_gone_stops_the_build(build, tmp_path):
    rows = [{"place_id": "1", "name": "Tall Abyad", "aliases": "Tall Abyad"}]
    good = tmp_path / "good.csv"
    good.write_text("place_id,name,aliases,why\n1,Tall Abyad,Gire Spi,Kurdish\n", "utf-8")
    build.add_curated_aliases(rows, good)
    assert rows[0]["aliases"] == "Tall Abyad|Gire Spi"
    # counter-example: the id now names another place
    bad = tmp_path / "bad.csv"
    bad.write_text("place_id,name,aliases,why\n1,Ra's al Ayn,Serekaniye,Kurdish\n", "utf-8")
    with pytest.raises(SystemExit, match="no place 1"):
        build.add_curated_aliases(rows, bad)
