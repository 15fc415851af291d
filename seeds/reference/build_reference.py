"""Build seeds/reference/{entities,places}.csv from the curated CSVs and /work/shared/data.

Run once by a maintainer (``python -m seeds.reference.build_reference``); the outputs are
committed, so nothing at run time reads the shared data directory. Inputs:

- ``actors_curated.csv``, ``places_curated.csv``, ``place_aliases_curated.csv``,
  ``place_names_curated.csv``: hand-written for this conflict (this folder).
- GeoNames (CC BY 4.0, "GeoNames geonames.org"): admin1/admin2 codes, cities500.
- OFAC SDN list (public domain): names and a.k.a. spellings of sanctioned people and groups.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import wof  # noqa: E402  (seeds/reference/wof.py)

from transforms.entities.keys import (  # noqa: E402
    name_key,
    place_key,
    skeleton,
    strip_accents,
)
from transforms.entities.lexicon import NOT_PLACE_NAMES, STOPWORDS  # noqa: E402

SHARED = Path("/work/shared/data")
COUNTRIES = ("SY", "IQ")
# OFAC programs and links that put an SDN entry in this conflict's registry.
OFAC_PROGRAMS = re.compile(r"\b(SYRIA[-\w]*|IRAQ\d*)\b")
OFAC_LINKS = re.compile(
    r"Linked To: (ISLAMIC STATE OF IRAQ AND THE LEVANT|AL-NUSRAH FRONT|HAY'AT TAHRIR AL-SHAM"
    r"|KATA'IB HIZBALLAH|ASA'IB AHL AL-HAQ|HIZBALLAH)"
)
OFAC_PLACES = re.compile(r"\b(POB|nationality|citizen)[^;]*\b(Syria|Iraq)\b")
ORG_WORDS = re.compile(
    r"\b(BANK|COMPANY|CO\.|LTD|LLC|EXCHANGE|TRADING|INVESTMENT|AIRLINES|OIL|PETROLEUM|GROUP|"
    r"INDUSTR|CORPORATION|FOUNDATION|ESTABLISHMENT|HOLDING|SERVICES|OFFICE)",
)
# Foreign capitals and cities that the corpus names (often as metonyms for governments).
FOREIGN_CITIES = [
    ("Washington", "US"), ("Ankara", "TR"), ("Moscow", "RU"), ("Tehran", "IR"),
    ("Beirut", "LB"), ("Amman", "JO"), ("Jerusalem", "IL"), ("Tel Aviv", "IL"),
    ("Riyadh", "SA"), ("Doha", "QA"), ("Abu Dhabi", "AE"), ("Cairo", "EG"), ("London", "GB"),
    ("Paris", "FR"), ("Berlin", "DE"), ("Brussels", "BE"), ("Geneva", "CH"),
    ("Istanbul", "TR"), ("Gaziantep", "TR"), ("Kuwait City", "KW"), ("Sanaa", "YE"),
]  # fmt: skip
# Spellings of governorates that GeoNames' admin1 file lacks (it has one name each), among
# them ACLED's admin1 ("Idleb", "Lattakia", "Rural Damascus", "Deir-ez-Zor", "Al-Hasakeh",
# "Ar-Raqqa", "As-Sweida", "Dar'a", "Tartous", "Ninewa", "Thi-Qar", "Al-Basrah", "Al-Najaf",
# "Al-Qadissiya") and GTD's provstate ("Saladin", "Dohuk", "Al Anbar", "Ninawa", "At Tamim").
GOVERNORATE_ALIASES = {
    "SY.01": "Hasakah|Hasaka|Hassakeh|al-Hasakah|Al-Hasakah|Hasakeh|Al-Hasakeh|Al Hasakah",
    "SY.02": "Latakia|Lattakia|Ladhiqiyah|al-Ladhiqiyah",
    "SY.03": "Quneitra|Qunaytirah|al-Qunaytirah",
    "SY.04": "Raqqa|Raqqah|al-Raqqa|Rakka|Ar-Raqqa|Ar Raqqah|Al-Raqqa",
    "SY.05": "Suwayda|Sweida|Suweida|al-Suwayda|As-Suwayda|As-Sweida|As Suwayda|Al-Suwayda",
    "SY.06": "Daraa|Deraa|Dar'a",
    "SY.07": (
        "Deir ez-Zor|Deir al-Zor|Deir Ezzor|Deirezzor|Dayr az-Zawr|Deir el-Zour|Deir-ez-Zor|"
        "Dayr az Zawr|Deir al-Zour"
    ),
    "SY.08": "Rif Dimashq|Rif-Dimashq|Damascus countryside|Rural Damascus|Reef Damascus",
    "SY.09": "Aleppo|Halab",
    "SY.10": "Hama|Hamah",
    "SY.11": "Homs|Hims",
    "SY.12": "Idlib|Idleb",
    "SY.13": "Damascus|Dimashq",
    "SY.14": "Tartus|Tartous",
    "IQ.01": "Anbar|al-Anbar|Al Anbar|Al-Anbar",
    "IQ.02": "Basra|Basrah|Al-Basrah|Al Basrah|Al-Basra",
    "IQ.03": "Muthanna|al-Muthanna|Al-Muthanna",
    "IQ.04": "Qadisiyah|al-Qadisiyah|Diwaniyah|Al-Qadissiya|Qadissiya|Al-Qadisiyyah|Qadisiyyah",
    "IQ.05": "Sulaymaniyah|Sulaimaniyah|Slemani|Sulaimani|Suleimaniyah|As Sulaymaniyah",
    "IQ.06": "Babil|Babylon",
    "IQ.07": "Baghdad",
    "IQ.08": "Duhok|Dohuk|Dahuk",
    "IQ.09": "Dhi Qar|Thi Qar|Thi-Qar|Dhi-Qar",
    "IQ.10": "Diyala",
    "IQ.11": "Erbil|Irbil|Arbil",
    "IQ.12": "Karbala|Kerbala",
    "IQ.13": "Kirkuk|Tameem|Ta'mim|At-Ta'mim|At Tamim",  # Ta'mim: its name in 1976-2006
    "IQ.14": "Maysan|Missan",
    "IQ.15": "Nineveh|Ninawa|Ninewa|Ninevah",
    "IQ.16": "Wasit",
    "IQ.17": "Najaf|an-Najaf|Al-Najaf|An-Najaf",
    "IQ.18": "Salah ad Din|Salahuddin|Salah al-Din|Saladin|Salah Al-Din",
    "IQ.19": "Halabja",
}
# The one spelling of each governorate in every row's ``admin1``: GeoNames' ASCII admin1 name,
# except where that is no English name.
GOVERNORATE_NAMES = {
    "IQ.11": "Erbil", "IQ.12": "Karbala", "IQ.19": "Halabja", "SY.08": "Rif Dimashq",
    "SY.13": "Damascus",
}  # fmt: skip
# Capitals of a state whose governorate bears the same name: the bare name means the city.
NATIONAL_CAPITALS = {"170654", "98182"}  # Damascus, Baghdad
CAPITAL_PHRASES = {"SY": ("Syria", "Syrian"), "IQ": ("Iraq", "Iraqi")}
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
_IATA = re.compile(r"^[A-Z]{2,4}$")
_ARTICLE_CAP = re.compile(r"^(al|el|an|ar|as|ash|at|az|ad|ad-|ez)[- ][A-Z]")


def clean_alias(name: str) -> str | None:
    """A GeoNames alternate name fit for matching English text, or None."""
    name = name.strip()
    ascii_form = strip_accents(name).replace("‘", "'").replace("’", "'").replace("ʼ", "'")
    ascii_form = ascii_form.replace("ʿ", "'").replace("ʾ", "'")
    if not _LATIN.match(ascii_form) or _IATA.match(name):
        return None
    if not (name[0].isupper() or _ARTICLE_CAP.match(ascii_form)):
        return None  # lower-case romanisations of Arabic script ("alrqt") are not English usage
    low = ascii_form.lower()
    if low in STOPWORDS or low in NOT_PLACE_NAMES or len(name_key(name).replace(" ", "")) < 3:
        return None
    return name


def join(values) -> str:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return "|".join(seen)


# --------------------------------------------------------------------------- places
def governorate_name(code: str, ascii_name: str) -> str:
    """The one spelling of a governorate in ``admin1`` (the convention in README.md)."""
    return GOVERNORATE_NAMES.get(code) or ascii_name


def build_places(data: Path) -> list[dict]:
    admin1: dict[str, tuple[str, str, str]] = {}
    for line in (data / "geonames/admin1CodesASCII.txt").read_text("utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        if code[:2] in COUNTRIES:
            admin1[code] = (name, ascii_name, gid)
    gov_name = {code: governorate_name(code, a) for code, (_n, a, _g) in admin1.items()}
    with open(data / "geonames/cities500_SY_IQ.tsv", encoding="utf-8") as fh:
        geonames_towns = {r["geonameid"]: r for r in csv.DictReader(fh, delimiter="\t")}
    wof_rows = wof.read(data / "whosonfirst/sy_iq_places.tsv")
    regions = wof.region_codes(wof_rows, admin1)
    districts, district_of = build_districts(data, wof_rows, regions, gov_name)
    used = {d["place_id"] for d in districts} | {gid for _n, _a, gid in admin1.values()}
    towns = wof.town_rows(
        wof_rows, regions, gov_name, district_of, geonames_towns, clean_alias, used
    )
    for t in towns:  # "the Iraqi capital", "Syria's capital" name the capital city
        if t["place_id"] in NATIONAL_CAPITALS:
            country, demonym = CAPITAL_PHRASES[t["country_code"]]
            phrases = [f"{demonym} capital", f"{country}'s capital", f"capital of {country}"]
            t["aliases"] = join([*t["aliases"].split("|"), *phrases])
    seen = {t["place_id"] for t in towns}
    towns += [_geonames_town(r, gov_name) for k, r in geonames_towns.items() if k not in seen]
    rows = [_governorate(code, admin1[code], gov_name[code], towns) for code in sorted(admin1)]
    rows += _placed_twice(_one_per_district(_with_seats(districts, towns), towns))
    for t in towns:
        t.pop("admin1_code")
        t["match"] = "" if t.pop("prominent") else "cue"
        rows.append(t)
    rows += foreign_cities(data, admin1)
    with open(HERE / "places_curated.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append({**r, "population": 0, "seat_of": ""})
    add_curated_names(rows, HERE / "place_names_curated.csv")
    mark_quarters(rows)
    add_curated_aliases(rows, HERE / "place_aliases_curated.csv")
    return [{c: r.get(c, "") for c in PLACE_COLUMNS} | _native(r) for r in rows]


def add_curated_names(rows: list[dict], path: Path) -> None:
    """The common English names of the cities and seats (``path``: the form of each one's
    English Wikipedia title, ASCII: "Raqqa" for GeoNames' "Ar Raqqah"); the source's name
    stays an alias and ``name_native`` stays the source's. A row whose id no longer names
    its source name in its governorate stops the build rather than renaming another place."""
    by_id = {r["place_id"]: r for r in rows}
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            place = by_id.get(r["place_id"])
            if place is None or (place["name"], place["admin1"]) != (r["source_name"], r["admin1"]):
                raise SystemExit(
                    f"{path.name}: no place {r['place_id']} named {r['source_name']!r} in "
                    f"{r['admin1']!r}"
                )
            if r["name"] != place["name"]:
                place["name_native"] = place.get("name_native") or place["name"]
                place["name"] = r["name"]
                place["aliases"] = join([r["name"], *place["aliases"].split("|")])


# A section of a city (GeoNames' PPLX: "Sadr City", "Karrada", the curated Green Zone) this
# close to a city of its governorate is a quarter of that city (Baghdad's quarters lie up to
# ~20 km from its point).
QUARTER_KM = 25.0


def mark_quarters(rows: list[dict]) -> None:
    """``quarter_of``: for a section of a populated place (feature code PPLX), the most
    populous city (a capital, a governorate seat or a place of ``wof.CITY_POPULATION``) of
    its governorate within ``QUARTER_KM``, whose name events show beside the quarter's
    ("Baghdad - Sadr City", as ACLED writes it)."""
    cities = [
        r
        for r in rows
        if r["precision"] == "town"
        and r["country_code"] in COUNTRIES
        and r["feature_code"] != "PPLX"
        and (
            r["feature_code"] in wof.CAPITAL_CODES
            or int(r["population"] or 0) >= wof.CITY_POPULATION
        )
    ]
    for r in rows:
        if r["feature_code"] != "PPLX" or r["precision"] != "town" or r["latitude"] in (None, ""):
            continue
        near = [c for c in cities if c["admin1"] == r["admin1"] and wof.km(r, c) <= QUARTER_KM]
        if near:
            r["quarter_of"] = max(near, key=lambda c: int(c["population"] or 0))["place_id"]


def add_curated_aliases(rows: list[dict], path: Path) -> None:
    """Spellings the sources lack for places they hold (Kurdish names of towns in northeast
    Syria, a glued article), from ``path``; a row whose id and name no longer match a place
    stops the build rather than naming another place."""
    by_id = {r["place_id"]: r for r in rows}
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            place = by_id.get(r["place_id"])
            if place is None or place["name"] != r["name"]:
                raise SystemExit(f"{path.name}: no place {r['place_id']} named {r['name']!r}")
            place["aliases"] = join([*place["aliases"].split("|"), *r["aliases"].split("|")])


# Columns of places.csv, in order (see README.md).
PLACE_COLUMNS = [
    "place_id", "name", "admin1", "admin2", "country_code", "latitude", "longitude",
    "feature_code", "precision", "aliases", "population", "seat_of", "name_native",
    "names_arabic", "wikidata_id", "match", "quarter_of",
]  # fmt: skip


def _native(row: dict) -> dict:
    return {"name_native": row.get("name_native") or row["name"]}


def _geonames_town(r: dict, gov_name: dict[str, str]) -> dict:
    """A GeoNames ``cities500`` town that Who's On First lacks."""
    aliases = [r["name"], *(r["alternatenames"] or "").split(",")]
    code = f"{r['country_code']}.{r['admin1_code']}"
    return {
        "place_id": r["geonameid"],
        "name": wof.plain_name(r["name"]),
        "admin1": gov_name.get(code, r["admin1_name"]),
        "admin1_code": code,
        "admin2": "",
        "country_code": r["country_code"],
        "latitude": float(r["latitude"]),
        "longitude": float(r["longitude"]),
        "feature_code": "PPL",
        "precision": "town",
        "aliases": join(a for a in map(clean_alias, [wof.ascii_name(r["name"]), *aliases]) if a),
        "population": int(r["population"] or 0),
        "seat_of": "",
        "name_native": r["name"],
        "names_arabic": join(a for a in aliases if wof._ARABIC.search(a)),
        "prominent": True,
    }


def _governorate(code: str, names: tuple[str, str, str], english: str, towns: list[dict]):
    """A governorate's row; its seat town (sharing its name) gets ``seat_of``."""
    name, ascii_name, gid = names
    own = [english, name, ascii_name, *GOVERNORATE_ALIASES.get(code, "").split("|")]
    own_keys = {name_key(a) for a in own if a}
    seat = None
    for t in towns:  # the seat shares the governorate's name ("Deir ez-Zor", "Ar Raqqah")
        if (
            t["admin1_code"] == code
            and t["population"] > 0
            and own_keys & {name_key(a) for a in t["aliases"].split("|")}
            and (seat is None or t["population"] > seat["population"])
        ):
            seat = t
    aliases = [*own, *(f"{a} {w}" for a in own if a for w in ("province", "governorate"))]
    if seat is not None:
        seat["seat_of"] = gid
        seat["feature_code"] = "PPLC" if seat["place_id"] in NATIONAL_CAPITALS else "PPLA"
        aliases += seat["aliases"].split("|")
    return {
        "place_id": gid,
        "name": english,
        "admin1": english,
        "admin2": "",
        "country_code": code[:2],
        "latitude": seat["latitude"] if seat else None,
        "longitude": seat["longitude"] if seat else None,
        "feature_code": "ADM1",
        "precision": "governorate",
        "aliases": join(a for a in aliases if a),
        "population": seat["population"] if seat else 0,
        "seat_of": "",
        "name_native": name,
        "names_arabic": seat["names_arabic"] if seat else "",
    }


def build_districts(data: Path, wof_rows: list[dict], regions: dict, gov_name: dict):
    """District rows (GeoNames admin2, plus the WOF counties GeoNames lacks), and a function
    giving a WOF place's district name."""
    rows: list[dict] = []
    by_key: dict[tuple[str, str], str] = {}  # (admin1 code, name key) -> district name
    for line in (data / "geonames/admin2Codes.txt").read_text("utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        a1 = ".".join(code.split(".")[:2])
        if code[:2] not in COUNTRIES or a1 not in gov_name:
            continue
        base = _district_base(ascii_name)
        english = f"{base} District"
        by_key[(a1, name_key(base))] = english
        rows.append(_district(gid, english, gov_name[a1], code[:2], [name, ascii_name]))
    county_name: dict[str, str] = {}
    for r in wof_rows:
        a1 = regions.get(r["region_id"])
        if r["placetype"] != "county" or a1 is None:
            continue
        spellings = [r["name"], *wof.split(r["eng_names"]), *wof.split(r["latin_variants"])]
        found = next(
            (by_key[(a1, name_key(_district_base(s)))] for s in spellings
             if (a1, name_key(_district_base(s))) in by_key),
            None,
        )  # fmt: skip
        if found is not None:  # a GeoNames district: WOF gives its point when it has none
            row = next(d for d in rows if d["name"] == found and d["admin1"] == gov_name[a1])
            if not row["latitude"]:
                row["latitude"], row["longitude"] = float(r["latitude"]), float(r["longitude"])
            # and its name as coders write it (WOF's own is OCHA's: "Hindiya district",
            # "Mahmoudiya district"), with the district word only, when that name is the
            # district's by key (WOF's other English names for counties mix in their
            # neighbours': "Balad Ruz" for Mada'in, "Anah" for Ru'ua)
            b = _district_base(r["name"])
            if wof.latin(r["name"]) and by_key.get((a1, name_key(b))) == found:
                row["aliases"] = join([*row["aliases"].split("|"), *(f"{b} {w}" for w in _WORDS)])
        else:
            base = _district_base(wof.english_name(r))
            found = f"{base} District"
            # bare county names ("Balad") stay the towns': a district is named as one
            latin = [f"{_district_base(s)} District" for s in spellings if wof.latin(s)]
            rows.append(
                _district(f"wof:{r['wof_id']}", found, gov_name[a1], r["country"], latin)
                | {"latitude": float(r["latitude"]), "longitude": float(r["longitude"]),
                   "wikidata_id": r["wd_id"]}
            )  # fmt: skip
            by_key[(a1, name_key(base))] = found
        county_name[r["wof_id"]] = found
    return rows, lambda row: county_name.get(row["county_id"], "")


def _with_seats(districts: list[dict], towns: list[dict]) -> list[dict]:
    """Districts with the coordinates of their same-named town ("Mayadin District", Mayadin),
    and, where no town of the governorate bears it, their bare name ("Balad Ruz")."""
    by_key: dict[tuple[str, str], dict] = {}
    for t in sorted(towns, key=lambda t: -t["population"]):
        for a in t["aliases"].split("|"):
            by_key.setdefault((t["admin1"], name_key(a)), t)
    out = []
    for d in districts:
        bare = [
            _district_base(a) for a in d["aliases"].split("|") if re.search(r"(?i)district$", a)
        ]
        seat = next(
            (
                by_key[(d["admin1"], name_key(b))]
                for b in bare
                if (d["admin1"], name_key(b)) in by_key
            ),
            None,
        )
        if seat is not None:  # a district named after its seat sits at the seat, as a
            # governorate does (ACLED codes a district-level event at its capital)
            d = {**d, "latitude": seat["latitude"], "longitude": seat["longitude"]}
        elif seat is None:
            d = {**d, "aliases": join([*d["aliases"].split("|"), *(b for b in bare if " " in b)])}
        out.append(d)
    return out


_WORDS = ("District", "district")


def _one_per_district(districts: list[dict], towns: list[dict]) -> list[dict]:
    """One record per district. GeoNames keeps some districts twice (an old and a new admin2
    code: "Soran" and "Sawran", "Mergasur" twice) and Who's On First adds its own spelling
    of others ("Tilkaif" beside "Tel Keppe", "Harim" beside "Harem"): two records of one
    governorate at one point (their seat's), of which the villages link to one. That one
    keeps the other's spellings ("X village, Soran district" is then in it); the other goes.
    Districts at one point none of whose villages link to them are left apart."""
    linked = {t["admin2"] for t in towns if t["admin2"]}
    groups: dict[tuple, list[dict]] = {}
    for d in districts:
        if d["latitude"] is not None:
            groups.setdefault((d["admin1"], d["latitude"], d["longitude"]), []).append(d)
    gone: set[str] = set()
    for group in groups.values():
        names = {d["admin2"] for d in group if d["admin2"] in linked}
        if len(group) < 2 or len(names) != 1:
            continue
        keep = next(d for d in group if d["admin2"] in names)
        others = [d for d in group if d is not keep]
        keep["aliases"] = join([a for d in (keep, *others) for a in d["aliases"].split("|")])
        gone |= {d["place_id"] for d in others}
    return [d for d in districts if d["place_id"] not in gone]


def _placed_twice(districts: list[dict]) -> list[dict]:
    """Without the districts GeoNames files twice. A district no source places (no point of
    its own, no seat's) whose spellings match, by skeleton, those of exactly one placed
    district of its country is that district filed again, at times under another governorate
    ("Adhamiyah District" in Duhok beside Baghdad's "al A'zamiyah District", alias Adhamia):
    the placed one keeps its spellings, the other goes."""

    def skeletons(d: dict) -> set[str]:
        return {skeleton(place_key(_district_base(a))) for a in d["aliases"].split("|") if a}

    placed: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for d in districts:
        if d["latitude"] is not None:
            for sk in skeletons(d):
                placed[(d["country_code"], sk)].append(d)
    gone: set[str] = set()
    for d in districts:
        if d["latitude"] is not None:
            continue
        same = {o["place_id"]: o for sk in skeletons(d) for o in placed[(d["country_code"], sk)]}
        if len(same) == 1:
            (keep,) = same.values()
            keep["aliases"] = join([*keep["aliases"].split("|"), *d["aliases"].split("|")])
            gone.add(d["place_id"])
    return [d for d in districts if d["place_id"] not in gone]


def _district_base(name: str) -> str:
    name = wof.ascii_name(name)
    name = re.sub(r"\s+District$", "", name, flags=re.I)
    name = re.sub(r"^(?:Qada'?|Qadha'?|Markaz|Qeza-i|Mintaqat)\s+", "", name, flags=re.I)
    return wof.plain_name(name)


def _district(pid: str, name: str, admin1: str, country: str, spellings: list[str]) -> dict:
    bases = [_district_base(s) for s in [name, *spellings]]
    aliases = [name, *spellings, *(f"{b} {w}" for b in bases for w in ("district", "District"))]
    return {
        "place_id": pid,
        "name": name,
        "admin1": admin1,
        "admin2": name,
        "country_code": country,
        "latitude": None,
        "longitude": None,
        "feature_code": "ADM2",
        "precision": "district",
        "aliases": join(aliases),
        "population": 0,
        "seat_of": "",
        "name_native": spellings[0] if spellings else name,
    }


def foreign_cities(data: Path, admin1: dict[str, tuple[str, str, str]]) -> list[dict]:
    with zipfile.ZipFile(data / "geonames/cities500.json.zip") as zf:
        cities = json.load(zf.open("cities500.json"))
    out = []
    for name, cc in FOREIGN_CITIES:
        found = [
            c
            for c in cities.values()
            if c["countrycode"] == cc and (c["name"] == name or name in c["alternatenames"])
        ]
        if not found:
            raise SystemExit(f"foreign city not in cities500: {name} {cc}")
        c = max(found, key=lambda c: c["population"])
        out.append(
            {
                "place_id": str(c["geonameid"]),
                "name": name,
                "admin1": admin1.get(f"{cc}.{c['admin1code']}", ("",))[0],
                "admin2": "",
                "country_code": cc,
                "latitude": c["latitude"],
                "longitude": c["longitude"],
                "feature_code": "PPLC",
                "precision": "town",
                "aliases": join([name, strip_accents(c["name"])]),
                "population": c["population"],
                "seat_of": "",
            }
        )
    return out


# --------------------------------------------------------------------------- actors
_LOWER_WORDS = {"of", "and", "the", "in", "for", "to", "fi", "wa", "li", "min", "bin", "ibn"}


def title_case(name: str) -> str:
    """OFAC's upper-case names in reading case: "AL-NUSRAH FRONT" -> "al-Nusrah Front"."""

    def word(w: str, first: bool) -> str:
        parts = w.split("-")
        out = []
        for i, p in enumerate(parts):
            low = p.lower()
            if low in {"al", "el", "ad", "ar", "as", "ash", "az"} and (i < len(parts) - 1):
                out.append(low.capitalize() if first and i == 0 else low)
            elif low in _LOWER_WORDS and not first:
                out.append(low)
            else:
                out.append(low.capitalize())  # "qa'idat" -> "Qa'idat", not "Qa'Idat"
        return "-".join(out)

    words = name.split()
    return " ".join(word(w, i == 0) for i, w in enumerate(words))


def person_name(sdn_name: str) -> str:
    """OFAC "SURNAME, Given names" -> "Given names Surname" in reading case."""
    if "," in sdn_name:
        last, first = (s.strip() for s in sdn_name.split(",", 1))
        return f"{first} {title_case(last)}".strip()
    return title_case(sdn_name) if sdn_name.isupper() else sdn_name


_KUNYA = {"abu", "um", "bin", "ibn", "abd", "abdul"}  # "Abu Ali" alone names nobody


def ofac_alias_ok(alias: str) -> bool:
    """Multi-word spellings only: a lone OFAC word ("AL-FATIH", "BASHIQ") is too ambiguous."""
    toks = [t for t in name_key(alias).split() if t not in _KUNYA]
    if alias.isupper() and 3 <= len(alias) <= 5 and " " not in alias:
        return True  # acronyms (ISIS, ISIL, HTS) are matched case-sensitively
    return len(toks) >= 2 and len(alias) <= 60


def load_ofac(data: Path) -> tuple[dict[str, dict], dict[str, list[str]]]:
    base = data / "names/ofac_sdn"
    sdn: dict[str, dict] = {}
    with open(base / "sdn.csv", encoding="latin-1") as fh:
        for row in csv.reader(fh):
            if len(row) < 12:
                continue
            cells = [c.strip() if c.strip() != "-0-" else "" for c in row]
            sdn[cells[0]] = {
                "name": cells[1],
                "type": cells[2],
                "program": cells[3],
                "title": cells[4],
                "remarks": cells[11],
            }
    alts: dict[str, list[str]] = defaultdict(list)
    with open(base / "alt.csv", encoding="latin-1") as fh:
        for row in csv.reader(fh):
            if len(row) >= 4 and row[2].strip() in {"aka", "fka", "nka"}:
                alts[row[0]].append(row[3].strip())
    for num, e in sdn.items():
        alts[num] += re.findall(r"a\.k\.a\. '([^']+(?:''[^']*)*)'", e["remarks"])
    return sdn, alts


def ofac_names(num: str, sdn: dict[str, dict], alts: dict[str, list[str]]) -> list[str]:
    e = sdn[num]
    fix = person_name if e["type"] == "individual" else title_case
    names = [fix(e["name"]), *(fix(a) for a in alts.get(num, []))]
    return [n for n in names if ofac_alias_ok(n)]


# A state's armed forces, and how the press names their weapons: "a Turkish air strike",
# "Iraqi warplanes" are mentions of that state's forces.
STATE_FORCES = {
    "SY": ("ent:sy_army", ["Syrian"]),
    "IQ": ("ent:iq_army", ["Iraqi"]),
    "TR": ("ent:tr_army", ["Turkish"]),
    "RU": ("ent:ru_army", ["Russian"]),
    "US": ("ent:us_military", ["US", "U.S.", "American"]),
    "IL": ("ent:idf", ["Israeli"]),
}
FORCE_NOUNS = [
    *("air strike", "air strikes", "airstrike", "airstrikes", "drone", "drones"),
    *("drone strike", "drone strikes", "shelling", "artillery", "warplane", "warplanes"),
    *("jets", "fighter jets", "aircraft", "helicopter", "helicopters", "forces", "troops"),
    *("soldiers", "military", "army", "air force"),
]


def build_entities(data: Path) -> list[dict]:
    sdn, alts = load_ofac(data)
    with open(HERE / "actors_curated.csv", encoding="utf-8") as fh:
        curated = list(csv.DictReader(fh))
    owner: dict[str, str] = {}  # alias key -> curated entity that claims it
    for r in curated:
        for a in r["aliases"].split("|"):
            owner.setdefault(name_key(a), r["entity_id"])
    rows = []
    used = set()
    for r in curated:
        aliases = [r["canonical_name"], *r["aliases"].split("|")]
        num = r.pop("ofac_ent_num")
        if num:
            used.add(num)
            aliases += [
                a
                for a in ofac_names(num, sdn, alts)
                if owner.get(name_key(a), r["entity_id"]) == r["entity_id"]
            ]
        for entity_id, adjectives in STATE_FORCES.values():
            if entity_id == r["entity_id"]:
                aliases += [f"{a} {noun}" for a in adjectives for noun in FORCE_NOUNS]
        rows.append({**r, "aliases": join(aliases), "source": "curated" + ("+ofac" if num else "")})
    claimed = dict(owner)
    for num, e in sdn.items():
        if num in used or e["type"] in {"vessel", "aircraft"}:
            continue
        text = f"{e['program']} {e['remarks']}"
        if not (
            OFAC_PROGRAMS.search(e["program"])
            or OFAC_LINKS.search(text)
            or (e["program"].find("SDGT") >= 0 and OFAC_PLACES.search(e["remarks"]))
        ):
            continue
        names = [a for a in ofac_names(num, sdn, alts) if name_key(a) not in claimed]
        if not names:
            continue
        for a in names:
            claimed.setdefault(name_key(a), f"ofac:{num}")
        if e["type"] == "individual":
            etype = "person"
        elif ORG_WORDS.search(e["name"]) or "FTO" not in e["program"] and "SDGT" not in text:
            etype = "institution"
        else:
            etype = "armed_group"
        rows.append(
            {
                "entity_id": f"ofac:{num}",
                "canonical_name": names[0],
                "entity_type": etype,
                "aliases": join(names),
                "wikidata_id": "",
                "valid_from": "",
                "valid_to": "",
                "country_code": "IQ"
                if "IRAQ" in e["program"]
                else "SY"
                if "SYRIA" in e["program"]
                else "",
                "source": "ofac",
            }
        )
    # An alias two registry entities share is ambiguous: keep it on curated entities only.
    by_key: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for a in r["aliases"].split("|"):
            by_key[name_key(a)].add(r["entity_id"])
    for r in rows:
        if r["source"] == "ofac":
            kept = [a for a in r["aliases"].split("|") if len(by_key[name_key(a)]) == 1]
            r["aliases"] = join(kept)
    return [r for r in rows if r["aliases"]]


def write(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args()
    places = build_places(args.data)
    entities = build_entities(args.data)
    write(args.out / "places.csv", places)
    write(args.out / "entities.csv", entities)
    print(f"places: {len(places)} rows; entities: {len(entities)} rows")


if __name__ == "__main__":
    main()
