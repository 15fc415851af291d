"""Who's On First places of Syria and Iraq -> gazetteer rows (towns, villages, neighbourhoods,
districts), for ``build_reference.py``.

Input: ``/work/shared/data/whosonfirst/sy_iq_places.tsv`` (one row per WOF record; see the
README beside it). Each locality or neighbourhood becomes one ``town`` row, keyed by its
GeoNames id when it has one (so ids stay those of the GeoNames-based gazetteer before it),
else ``wof:<id>``; each WOF county that GeoNames' admin2 list lacks becomes a ``district``.

Names: ``name`` is the plain English ASCII form analysts type (WOF's English name, else its
name without diacritics); ``name_native`` keeps the source spelling with its diacritics,
``names_arabic`` the Arabic-script names, ``aliases`` every Latin-script spelling (and a
"Qaryat X" village's name without its "village of" word, "X"), less the variants that name
another place (``own_spellings``).
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from transforms.entities.keys import name_key, place_key, strip_accents

_ARABIC = re.compile("[\u0600-\u06ff]")
# A Latin spelling fit for matching English text: letters, spaces and the few marks names use.
_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
# Feature codes of seats of a district or subdistrict: named in reporting as towns.
SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3"})
# Cities (seats of a state or governorate, or this populous): their old and native names
# ("Halab", "Dimashq") are theirs even where a village bears one too.
CAPITAL_CODES = frozenset({"PPLC", "PPLA"})
CITY_POPULATION = 100_000
# WOF variants that are no spelling of the place (a bird's family name for "Bulbul").
_NOT_A_NAME = re.compile(r"idae$|aceae$")
TOWN_TYPES = ("locality", "neighbourhood")
# Generic words heading a settlement's name (village of, subdistrict of, ruin of, farm of, the
# Arabs of), as folded by ``place_key``: "Qaryat Bahzani" is also "Bahzani".
_GENERIC_HEAD = re.compile(r"^(?:kariat|karia|nahiat|nahia|khirbat|hush|mazrat|arab) ")
# A record without a GeoNames id sharing a name (or Wikidata id) with a GeoNames-identified
# record of its governorate closer than this is the same place listed twice (WOF carries older
# copies of many towns: "Tekrit" beside "Tikrit").
SAME_PLACE_KM = 10.0
# A variant whose key is this unlike (rapidfuzz ratio, 0-100) every one of the place's own
# names, and which is another place's own name, is that other place's ("Jazira" among As
# Suwayrah's variants, "Baghuz" among Kasan's).
LIKE_OWN_NAME = 70.0


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
    """Whether ``name`` is a Latin spelling as typed (an ayn mark heading it, as in "'Ayn al
    'Arab", is no reason to pass it over for a variant)."""
    return bool(name) and not _ARABIC.search(name) and bool(_LATIN_OK.match(plain_name(name)))


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
    repeats = duplicates(rows)
    copies: dict[str, list[str]] = defaultdict(list)  # kept wof_id -> the copies' spellings
    for r in rows:
        if r["wof_id"] in repeats:
            copies[repeats[r["wof_id"]]] += [r["name"], *split(r["eng_names"])]
            copies[repeats[r["wof_id"]]] += split(r["latin_variants"])
    owners = name_owners(
        [r for r in rows if r["placetype"] in TOWN_TYPES and r["wof_id"] not in repeats]
    )
    for r in rows:
        if r["placetype"] not in TOWN_TYPES or r["wof_id"] in repeats:
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
        spellings += copies.get(r["wof_id"], [])
        spellings += headless([name, r["name"]])
        if not _city(r, gn):  # a city's names are curated: its own even if a village's too
            own = [name, r["name"], gn["name"] if gn is not None else ""]
            spellings = own_spellings(spellings, own, r["wof_id"], owners)
        else:
            spellings += articleless([s for s in spellings if latin(s)])
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


def _own_names(r: dict) -> list[str]:
    return [r["name"], *split(r["eng_names"])]


def km(a: dict, b: dict) -> float:
    """Kilometres between two rows' points (equirectangular: fine at these distances)."""
    lat1, lon1, lat2, lon2 = (
        math.radians(float(v))
        for v in (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    )
    x = (lon2 - lon1) * math.cos((lat1 + lat2) / 2)
    return 6371.0 * math.hypot(x, lat2 - lat1)


def duplicates(rows: list[dict]) -> dict[str, str]:
    """wof_id of a town listed twice -> wof_id of the record kept: a record without a GeoNames
    id whose Wikidata id or one of whose own names (by key) a GeoNames-identified record of the
    same governorate shares, within ``SAME_PLACE_KM``."""
    named: dict[str, list[dict]] = defaultdict(list)
    by_wikidata: dict[str, dict] = {}
    for r in rows:
        if r["placetype"] in TOWN_TYPES and r["gn_id"]:
            for n in _own_names(r):
                named[place_key(n)].append(r)
            if r["wd_id"]:
                by_wikidata.setdefault(r["wd_id"], r)
    out: dict[str, str] = {}
    for r in rows:
        if r["placetype"] not in TOWN_TYPES or r["gn_id"]:
            continue
        same = [by_wikidata[r["wd_id"]]] if r["wd_id"] in by_wikidata else []
        same += [o for n in _own_names(r) for o in named.get(place_key(n), [])]
        kept = next(
            (o for o in same if o["region_id"] == r["region_id"] and km(r, o) <= SAME_PLACE_KM),
            None,
        )
        if kept is not None:
            out[r["wof_id"]] = kept["wof_id"]
    return out


def name_owners(rows: list[dict]) -> dict[str, set[str]]:
    """Key of a place's own name (WOF name or English name) -> the wof_ids bearing it (towns
    only: a governorate or district named after its seat shares the seat's names)."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for n in _own_names(r):
            key = place_key(n)
            if key:
                out[key].add(r["wof_id"])
    return out


def own_spellings(
    spellings: list[str], own: list[str], wof_id: str, owners: dict[str, set[str]]
) -> list[str]:
    """``spellings`` without the variants that name something else: a variant unlike every
    one of the place's own names ``own`` that is another place's own name ("Jazira" for As
    Suwayrah, "Baghuz" for Kasan) or only part of another of the place's names ("Bakr" of
    "Bakr Bayaf", "Ibrahim" of "Khalil Ibrahim": a word shared with people and other
    places). The place's own names, and spellings like them ("Latakija"), stay."""
    own_keys = {place_key(n) for n in own if n} - {""}
    own_keys |= {_GENERIC_HEAD.sub("", k) for k in own_keys} - {""}
    keys = {s: place_key(s) for s in spellings if s}
    token_sets = {tuple(k.split()) for k in keys.values() if k}
    out = []
    for s, key in keys.items():
        if key in own_keys:
            out.append(s)
            continue
        toks = tuple(key.split())
        if not toks:
            continue
        if all(fuzz.ratio(key, k) < LIKE_OWN_NAME for k in own_keys) and (
            owners.get(key, set()) - {wof_id}
            or any(len(t) > len(toks) and _inside(toks, t) for t in token_sets)
        ):
            continue
        out.append(s)
    return out


# "Village of" or "subdistrict of" heading a settlement's name ("Qaryat al Kuwam", "Nahiyat
# Yathrib"), which reporting leaves out ("the village of al-Kuwam", "in Yathrib").
_VILLAGE_OF = re.compile(r"^(?:Qaryat|Qariyat|Qarya|Qaryah|Nahiyat|Nahiyah|Nahiya)\s+")


def headless(names: list[str]) -> list[str]:
    """The names without a "village of" or "subdistrict of" word heading them: "Qaryat al
    Kuwam" -> "Al Kuwam", "Nahiyat Yathrib" -> "Yathrib"."""
    return _without(_VILLAGE_OF, names)


# The Arabic article heading a name, as romanised ("Al ", "Ar-", "As ", "El-").
_ARTICLE_HEAD = re.compile(
    r"^(?:al|el|ul|il|ad|ar|as|ash|az|ez|es|ed|er|at|ath|adh|an|en|et)[ -](?=\w)", re.IGNORECASE
)


def articleless(names: list[str]) -> list[str]:
    """The names without the article heading them ("Al Mahmudiyah" -> "Mahmudiyah"): a city is
    written so as often as not, and its spelling so must not be left to a village that carries
    it as its own ("Mahmudiyah", a hamlet of Nineveh)."""
    return _without(_ARTICLE_HEAD, names)


def _without(head: re.Pattern[str], names: list[str]) -> list[str]:
    """The names ``head`` heads, without it, where at least four letters are left."""
    out = []
    for n in names:
        rest = head.sub("", n)
        if rest != n and len(name_key(rest).replace(" ", "")) >= 4:
            out.append(rest[0].upper() + rest[1:])
    return out


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """``part`` is a run of consecutive words of ``whole``."""
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _city(r: dict, gn: dict | None) -> bool:
    population = max(int(float(r["population"] or 0)), int(gn["population"] or 0) if gn else 0)
    return r["gn_fcode"] in CAPITAL_CODES or population >= CITY_POPULATION
