"""Build ``bench/places.tsv`` (committed) from a GeoNames ``cities500_SY_IQ.tsv`` extract.

Run once by a developer, never by the generator (a user's clone has no copy of the extract):

    python -m bench.curate_places /work/shared/data/geonames/cities500_SY_IQ.tsv

Keeps, per place, the GeoNames name and up to ``MAX_SPELLINGS`` Latin-script alternate spellings
close enough to the name to be a transliteration of it (not a former or neighbouring name).
Data: GeoNames geonames.org, CC BY 4.0.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

OUT = Path(__file__).with_name("places.tsv")
MAX_SPELLINGS = 6
# Below this similarity an "alternate name" is usually another place or an old name.
MIN_SIMILARITY = 72
_LATIN = re.compile(r"^[A-Z][A-Za-z' -]*[a-z][A-Za-z' -]*$")
_RUSSIAN = re.compile(r"'(?:-|$)|ehl|ehz|ehr", re.I)
_ARTICLE = re.compile(r"^(?:a[lnrdstz]|e[lnrdstz])[- ']", re.I)


def _fold(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _ARTICLE.sub("", ascii_.lower()).replace("-", " ").replace("'", "")


def _spellings(name: str, alternates: str) -> list[str]:
    key = _fold(name)
    seen = {name}
    out = [name]
    for alt in alternates.split(","):
        alt = alt.strip().replace("’", "'")
        if alt in seen or not _LATIN.match(alt) or len(alt) < 3 or alt.isupper():
            continue
        if _RUSSIAN.search(alt):  # "Ehl'-Kaim", "Abu-Kamal'": Cyrillic round trips
            continue
        if fuzz.ratio(_fold(alt), key) < MIN_SIMILARITY:
            continue
        seen.add(alt)
        out.append(alt)
    # Prefer the shortest, most English-looking forms: what outlets actually print.
    return [out[0], *sorted(out[1:], key=lambda s: (s.count(" ") + s.count("-"), len(s)))][
        : MAX_SPELLINGS + 1
    ]


def main(src: str) -> None:
    with open(src, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# GeoNames geonames.org, CC BY 4.0; curated by bench/curate_places.py\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["place_id", "name", "admin1", "country_code", "population", "spellings"])
        for r in rows:
            w.writerow(
                [
                    r["geonameid"],
                    r["name"],
                    r["admin1_name"],
                    r["country_code"],
                    r["population"],
                    "|".join(_spellings(r["name"], r["alternatenames"])),
                ]
            )
    print(f"wrote {len(rows)} places to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
