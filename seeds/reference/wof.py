"""Who's On First places of Syria and Iraq -> gazetteer rows (towns, villages, neighbourhoods,
districts), for ``build_reference.py``.

Input: ``/work/shared/data/whosonfirst/sy_iq_places.tsv`` (one row per WOF record; see the
README beside it). Each locality or neighbourhood becomes one ``town`` row, keyed by its
GeoNames id when it has one (so ids stay those of the GeoNames-based gazetteer before it),
else ``wof:<id>``; each WOF county that GeoNames' admin2 list lacks becomes a ``district``.

Names: ``name`` is the plain English ASCII form analysts type (WOF's English name, else its
name without diacritics); ``name_native`` keeps the source spelling with its diacritics,
``names_arabic`` the Arabic-script names, ``aliases`` every Latin-script spelling.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from transforms.entities.keys import name_key, strip_accents

_ARABIC = re.compile("[\u0600-\u06ff]")
# A Latin spelling fit for matching English text: letters, spaces and the few marks names use.
_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
# Feature codes of seats of a district or subdistrict: named in reporting as towns.
SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3"})
# WOF variants that are no spelling of the place (a bird's family name for "Bulbul").
_NOT_A_NAME = re.compile(r"idae$|aceae$")


def ascii_name(name: str) -> str:
    """``name`` as plain ASCII: diacritics dropped, ayn/hamza marks and backticks as "'"."""
    out = strip_accents(unicodedata.normalize("NFC", name))
    for mark in "‘’ʼʿʾ`´":
        out = out.replace(mark, "'")
    out = out.replace("å", "a").replace("Å", "A")
    return " ".join(out.split())


def plain_name(name: str) -> str:
    """``ascii_name`` without the marks at a word's edge ("'Anah" -> "Anah"): as typed."""
    return re.sub(r"(?<![A-Za-z])'|'(?![A-Za-z])", "", ascii_name(name)).strip()


def latin(name: str) -> bool:
    return bool(name) and not _ARABIC.search(name) and bool(_LATIN_OK.match(ascii_name(name)))


def split(cell: str) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def english_name(row: dict, geonames_name: str = "") -> str:
    """The plain English ASCII name: WOF's English name (the one GeoNames uses, if any), else
    its (Latin) name, else its first Latin variant; ``""`` when it has none."""
    english = split(row["eng_names"])
    key = name_key(geonames_name) if geonames_name else None
    preferred = [e for e in english if key is not None and name_key(e) == key]
    for cand in [*preferred, *english, row["name"], *split(row["latin_variants"])]:
        if latin(cand) and not _NOT_A_NAME.search(cand):
            return plain_name(cand)
    return ""


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def region_codes(rows: list[dict], admin1: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    """WOF region id -> GeoNames admin1 code ("IQ.10"), by GeoNames id, else by name."""
    by_gid = {gid: code for code, (_n, _a, gid) in admin1.items()}
    by_key = {}
    for code, (name, ascii_, _gid) in admin1.items():
        for n in (name, ascii_, re.sub(r"\s+Governorate$", "", ascii_)):
            by_key[name_key(n)] = code
    out = {}
    for r in rows:
        if r["placetype"] != "region":
            continue
        code = by_gid.get(r["gn_id"])
        if code is None:
            for n in [r["name"], *split(r["eng_names"])]:
                code = by_key.get(name_key(n))
                if code and code[:2] == r["country"]:
                    break
        if code is not None and code[:2] == r["country"]:
            out[r["wof_id"]] = code
    return out


def admin1_code(row: dict, regions: dict[str, str]) -> str | None:
    """The row's governorate code: its WOF region, else its GeoNames admin1 code."""
    code = regions.get(row["region_id"])
    if code is None and row["gn_admin1_code"]:
        try:
            code = f"{row['country']}.{int(float(row['gn_admin1_code'])):02d}"
        except ValueError:
            code = None
    return code


def town_rows(
    rows: list[dict],
    regions: dict[str, str],
    gov_name: dict[str, str],
    district_of: Callable[[dict], str],
    geonames_towns: dict[str, dict],
    clean_alias: Callable[[str], str | None],
    used: set[str],
) -> list[dict]:
    """One ``town`` row per WOF locality and neighbourhood (see module docstring); ``used``
    holds the ids taken already (districts, governorates) and gets the towns' ids."""
    out: list[dict] = []
    for r in rows:
        if r["placetype"] not in ("locality", "neighbourhood"):
            continue
        gn = geonames_towns.get(r["gn_id"])
        name = english_name(r, gn["name"] if gn is not None else "")
        code = admin1_code(r, regions)
        if not name or code is None or code not in gov_name:
            continue
        pid = r["gn_id"] if r["gn_id"] and r["gn_id"] not in used else f"wof:{r['wof_id']}"
        used.add(pid)
        spellings = [name, r["name"], *split(r["eng_names"]), *split(r["latin_variants"])]
        arabic = [
            a for a in [*split(r["ara_names"]), *split(r["latin_variants"])] if _ARABIC.search(a)
        ]
        spellings += [a for a in split(r["ara_names"]) if latin(a)]
        if gn is not None:
            spellings += [gn["name"], *(gn["alternatenames"] or "").split(",")]
        aliases = [a for a in map(clean_alias, spellings) if a and not _NOT_A_NAME.search(a)]
        fcode = r["gn_fcode"] or ("PPLX" if r["placetype"] == "neighbourhood" else "PPL")
        population = int(gn["population"] or 0) if gn is not None else 0
        population = population or int(float(r["population"] or 0))
        native = r["name"] if latin(r["name"]) else (gn["name"] if gn is not None else name)
        out.append(
            {
                "place_id": pid,
                "name": name,
                "admin1": gov_name[code],
                "admin1_code": code,
                "admin2": district_of(r),
                "country_code": r["country"],
                "latitude": float(r["latitude"]),
                "longitude": float(r["longitude"]),
                "feature_code": fcode,
                "precision": "town",
                "aliases": "|".join(dict.fromkeys(aliases)),
                "population": population,
                "seat_of": "",
                "name_native": native,
                "names_arabic": "|".join(dict.fromkeys(arabic)),
                "wikidata_id": r["wd_id"],
                "prominent": bool(
                    population or fcode in SEAT_CODES or r["eng_names"] or gn is not None
                ),
            }
        )
    return out
