"""Build seeds/reference/governorates.geojson from Who's On First's governorate outlines.

Run once by a maintainer (``python seeds/reference/build_governorates.py``); the output is
committed, so the report draws its map offline and nothing at run time reads the shared data.
Input: ``/work/shared/data/whosonfirst/regions_sy_iq.geojson`` (the 33 governorates of Syria
and Iraq and the UN zone on the Golan, coordinates at 0.01 degree). Credit: "Data from Who's On
First (whosonfirst.org)" and "GeoNames geonames.org" (CC0 / CC BY 4.0).

Each outline keeps its geometry and gets ``place_id``: the gazetteer's governorate (GeoNames
id, as in ``places.csv``), by WOF's GeoNames id, else by its name among the governorates'
aliases; ``admin1`` is that governorate's name here. The report joins events to outlines by
``place_id`` against the warehouse's own places, so a renamed governorate still finds its shape.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path("/work/shared/data/whosonfirst/regions_sy_iq.geojson")
TARGET = HERE / "governorates.geojson"


def _key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def governorates() -> dict[str, dict[str, str]]:
    """place_id -> the governorate row of places.csv."""
    with (HERE / "places.csv").open(encoding="utf-8") as fh:
        return {r["place_id"]: r for r in csv.DictReader(fh) if r["precision"] == "governorate"}


def match(props: dict, govs: dict[str, dict[str, str]]) -> str | None:
    gn = str(props.get("gn_id") or "")
    if gn in govs:
        return gn
    names = {_key(props.get("name") or ""), _key(props.get("wof_name") or "")} - {""}
    hits = [
        pid
        for pid, row in govs.items()
        if row["country_code"] == props.get("country")
        and names & {_key(a) for a in row["aliases"].split("|") + [row["name"]]}
    ]
    return hits[0] if len(hits) == 1 else None


def main() -> int:
    govs = governorates()
    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    features = []
    for f in source["features"]:
        props = f["properties"]
        pid = match(props, govs)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "wof_id": props["wof_id"],
                    "name": props["name"],
                    "country": props["country"],
                    "place_id": pid,
                    "admin1": govs[pid]["admin1"] if pid else None,
                },
                "geometry": f["geometry"],
            }
        )
    out = {
        "type": "FeatureCollection",
        "credit": "Data from Who's On First (whosonfirst.org) and GeoNames (geonames.org)",
        "features": features,
    }
    TARGET.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n")
    unmatched = [f["properties"]["name"] for f in features if not f["properties"]["place_id"]]
    print(f"{len(features)} outlines -> {TARGET}; without a governorate: {unmatched}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
