"""Build seeds/reference/{entities,places}.csv from the curated CSVs and /work/shared/data.

Run once by a maintainer (``python -m seeds.reference.build_reference``); the outputs are
committed, so nothing at run time reads the shared data directory. Inputs:

- ``actors_curated.csv``, ``places_curated.csv``: hand-written for this conflict (this folder).
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

from transforms.entities.keys import name_key, strip_accents  # noqa: E402
from transforms.entities.lexicon import STOPWORDS  # noqa: E402

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
# Spellings of governorates that GeoNames' admin1 file lacks (it has one name each).
GOVERNORATE_ALIASES = {
    "SY.01": "Hasakah|Hasaka|Hassakeh|al-Hasakah|Al-Hasakah|Hasakeh",
    "SY.02": "Latakia|Lattakia|Ladhiqiyah|al-Ladhiqiyah",
    "SY.03": "Quneitra|Qunaytirah|al-Qunaytirah",
    "SY.04": "Raqqa|Raqqah|al-Raqqa|Rakka",
    "SY.05": "Suwayda|Sweida|Suweida|al-Suwayda|As-Suwayda|Sweida",
    "SY.06": "Daraa|Deraa|Dar'a",
    "SY.07": "Deir ez-Zor|Deir al-Zor|Deir Ezzor|Dayr az-Zawr|Deir el-Zour",
    "SY.08": "Rif Dimashq|Rif-Dimashq|Damascus countryside|Rural Damascus|Reef Damascus",
    "SY.09": "Aleppo|Halab",
    "SY.10": "Hama|Hamah",
    "SY.11": "Homs|Hims",
    "SY.12": "Idlib|Idleb",
    "SY.13": "Damascus|Dimashq",
    "SY.14": "Tartus|Tartous",
    "IQ.01": "Anbar|al-Anbar|Al Anbar",
    "IQ.02": "Basra|Basrah",
    "IQ.03": "Muthanna|al-Muthanna",
    "IQ.04": "Qadisiyah|al-Qadisiyah|Diwaniyah",
    "IQ.05": "Sulaymaniyah|Sulaimaniyah|Slemani",
    "IQ.06": "Babil|Babylon",
    "IQ.07": "Baghdad",
    "IQ.08": "Duhok|Dohuk|Dahuk",
    "IQ.09": "Dhi Qar|Thi Qar",
    "IQ.10": "Diyala",
    "IQ.11": "Erbil|Irbil|Arbil",
    "IQ.12": "Karbala|Kerbala",
    "IQ.13": "Kirkuk",
    "IQ.14": "Maysan|Missan",
    "IQ.15": "Nineveh|Ninawa|Ninewa|Ninevah",
    "IQ.16": "Wasit",
    "IQ.17": "Najaf|an-Najaf",
    "IQ.18": "Salah ad Din|Salahuddin|Salah al-Din|Saladin",
    "IQ.19": "Halabja",
}
# Capitals of a state whose governorate bears the same name: the bare name means the city.
NATIONAL_CAPITALS = {"170654", "98182"}  # Damascus, Baghdad
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
    if name.lower() in STOPWORDS or len(name_key(name).replace(" ", "")) < 3:
        return None
    return name


def join(values) -> str:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return "|".join(seen)


# --------------------------------------------------------------------------- places
def build_places(data: Path) -> list[dict]:
    admin1: dict[str, tuple[str, str, str]] = {}
    for line in (data / "geonames/admin1CodesASCII.txt").read_text("utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        admin1[code] = (name, ascii_name, gid)
    towns: list[dict] = []
    with open(data / "geonames/cities500_SY_IQ.tsv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            aliases = [r["name"], *(r["alternatenames"] or "").split(",")]
            towns.append(
                {
                    "place_id": r["geonameid"],
                    "name": r["name"],
                    "admin1": r["admin1_name"],
                    "admin1_code": f"{r['country_code']}.{r['admin1_code']}",
                    "admin2": "",
                    "country_code": r["country_code"],
                    "latitude": float(r["latitude"]),
                    "longitude": float(r["longitude"]),
                    "feature_code": "PPL",
                    "precision": "town",
                    "aliases": join(a for a in map(clean_alias, aliases) if a),
                    "population": int(r["population"] or 0),
                    "seat_of": "",
                }
            )
    rows: list[dict] = []
    for code, (name, ascii_name, gid) in sorted(admin1.items()):
        if code[:2] not in COUNTRIES:
            continue
        own = [name, ascii_name, *GOVERNORATE_ALIASES.get(code, "").split("|")]
        own_keys = {name_key(a) for a in own if a}
        seat = None
        for t in towns:  # the seat shares the governorate's name ("Deir ez-Zor", "Ar Raqqah")
            if (
                t["admin1_code"] == code
                and own_keys & {name_key(a) for a in t["aliases"].split("|")}
                and (seat is None or t["population"] > seat["population"])
            ):
                seat = t
        aliases = [*own, *(f"{a} {w}" for a in own if a for w in ("province", "governorate"))]
        if seat is not None:
            seat["seat_of"] = gid
            seat["feature_code"] = "PPLC" if seat["place_id"] in NATIONAL_CAPITALS else "PPLA"
            aliases += seat["aliases"].split("|")
        rows.append(
            {
                "place_id": gid,
                "name": name,
                "admin1": name,
                "admin2": "",
                "country_code": code[:2],
                "latitude": seat["latitude"] if seat else None,
                "longitude": seat["longitude"] if seat else None,
                "feature_code": "ADM1",
                "precision": "governorate",
                "aliases": join(a for a in aliases if a),
                "population": seat["population"] if seat else 0,
                "seat_of": "",
            }
        )
    for line in (data / "geonames/admin2Codes.txt").read_text("utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        if code[:2] not in COUNTRIES:
            continue
        a1 = ".".join(code.split(".")[:2])
        base = re.sub(r"\s+District$", "", ascii_name)
        seat = next(
            (
                t
                for t in towns
                if t["admin1_code"] == a1
                and name_key(base) in {name_key(a) for a in t["aliases"].split("|")}
            ),
            None,
        )
        rows.append(
            {
                "place_id": gid,
                "name": name,
                "admin1": admin1[a1][0] if a1 in admin1 else "",
                "admin2": name,
                "country_code": code[:2],
                "latitude": seat["latitude"] if seat else None,
                "longitude": seat["longitude"] if seat else None,
                "feature_code": "ADM2",
                "precision": "district",
                "aliases": join([name, ascii_name, f"{base} district", f"{base} District"]),
                "population": 0,
                "seat_of": "",
            }
        )
    for t in towns:
        t.pop("admin1_code")
        rows.append(t)
    rows += foreign_cities(data, admin1)
    with open(HERE / "places_curated.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append({**r, "population": 0, "seat_of": ""})
    return rows


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
