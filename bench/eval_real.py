"""Score extraction on real incident text nobody here wrote (``make eval-real``).

    .venv/bin/python -m bench.eval_real [CSV] [--show KIND] [--limit N] [--per-row]
        [--published DAY]

Reads ``../shared/data/dev/wikipedia_incidents_syria_iraq.csv`` (Wikipedia's incident tables for
Syria and Iraq, with the encyclopedia's own labels; see the README beside it), runs the real
chain on each row's text as one document (ingestion, entity detection, report extraction,
merging), and prints:

- event recall: rows whose document yields at least one event;
- governorate and town agreement of the events found (a label is looked up by every spelling in
  Who's On First; an event's governorate is the outline holding its point, else its ``admin1``;
  an event placed only in a country or a country-wide region has none), and the governorate
  misses counted by what their events hold (no place, their country only, another country, a
  place in no governorate, a place in another governorate);
- town name agreement, of the rows whose town is right: an event's ``location`` reads as the
  label (``norm``; either side of a quarter's "Baghdad - Sadr City"): how far the names
  shown are the ones analysts type, a spelling measure;
- killed / wounded agreement: the document's summed ``killed_best`` / ``wounded_best`` equals
  the row's plain-number label;
- day agreement: an event of the row's document is dated on the row's date (each row is given
  its date as the publication date, as a note filed on the day would be);
- perpetrator agreement, by the registry's own reading of the label and of the text: of the
  rows whose events name a perpetrator and whose label names an actor, how often one is the
  label's (a side hit read as the attacker misses); of the rows whose label's actor the text
  names, how often an event has it;
- Islamic State attribution precision, recall and F1 over all rows, and over the rows whose
  text names the group or whose label is another (the rest carry the encyclopedia's own
  attribution, which no reading of the text can reach).

``--show KIND`` (recall, town, town_name, admin1, killed, wounded, day, perp_named, perp_found,
is, is_named) lists the
rows that miss. ``--published YYYY-MM-DD`` publishes every row that day instead of on its own
date (rows exported, or filed, long after their events). ``--per-row`` merges each row's
reports on their own, never with another row's: the difference from the default run is what
cross-row merging costs or gains. The labels are the encyclopedia's, not a gold standard: use
the misses to find kinds of text the rules get wrong, never to hard-code a sentence.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from bench.eval_events import chain
from warehouse.inputs import iter_inputs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DEV = SHARED / "dev" / "wikipedia_incidents_syria_iraq.csv"
WOF = SHARED / "whosonfirst" / "sy_iq_places.tsv"
REGIONS = SHARED / "whosonfirst" / "regions_sy_iq.geojson"
# The registry holds the group's earlier names (OFAC lists them as ISIL's aliases); so does the
# label.
IS_LABEL = re.compile(
    r"islamic state|\bisil\b|\bisis\b|daesh|al.?qa.?ida in iraq|tawhid wal.?jihad", re.I
)
# Rows whose text names the group: the others' labels are the encyclopedia's own attribution.
IS_TEXT = re.compile(
    r"Islamic State|\bISIL\b|\bISIS\b|\bIS\b|Da.?esh|Qa.?ida in Iraq|Tawhid|Zarqawi"
)
LEVEL_WORDS = re.compile(
    r"\b(governorate|province|district|subdistrict|sub-district|city|town|village|countryside|"
    r"region|autonomous|kurdistan|iraq|syria|near|outskirts of|others?)\b",
    re.I,
)
ARTICLE = re.compile(r"^(al|el|ar|as|ad|an|ash|at|az|ath|adh)\s+")
TA_MARBUTA = re.compile(r"ah\b")
TOWN_KM = 15.0


def norm(name: str) -> str:
    """Lower-case ASCII letters and single spaces, without a leading Arabic article, a final
    "-ah" read as "-a" (the ta marbuta written both ways: Hawijah, Hawija)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text.replace("'", "").replace("`", "")).strip()
    return TA_MARBUTA.sub("a", ARTICLE.sub("", text))


class Gazetteer:
    """Who's On First places by every normalised spelling, and the governorate outlines."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[dict]] = defaultdict(list)
        with WOF.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                names = {
                    row["name"],
                    *row["eng_names"].split("|"),
                    *row["latin_variants"].split("|"),
                }
                for name in names - {""}:
                    self.by_name[norm(name)].append(row)
        self.regions = json.loads(REGIONS.read_text(encoding="utf-8"))["features"]

    def candidates(self, label: str) -> list[dict]:
        key = norm(LEVEL_WORDS.sub(" ", label))
        return self.by_name.get(key, [])

    def region_of_point(self, lat: float, lon: float) -> str | None:
        for feature in self.regions:
            if _inside(lon, lat, feature["geometry"]):
                return str(feature["properties"]["wof_id"])
        return None

    def region_of_name(self, name: str) -> str | None:
        regions = [r for r in self.candidates(name) if r["placetype"] == "region"]
        return regions[0]["wof_id"] if regions else None


def _inside(x: float, y: float, geometry: dict) -> bool:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        ring = polygon[0]
        inside = False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
        if inside:
            return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(a))


def label_places(label: str) -> list[str]:
    parts = re.split(r",|\band\b|/", label or "")
    return [p.strip() for p in parts if p.strip() and not re.fullmatch(r"others?", p.strip())]


def run_chain(
    rows: list[dict], per_row: bool = False, published: str | None = None
) -> tuple[dict, list[dict]]:
    """Events per row id, and every event (dicts), from the real extraction chain; with
    ``per_row`` each row's reports are merged on their own (extraction without cross-row
    merging); with ``published`` (``YYYY-MM-DD``) every row is published that day instead of
    on its own date (notes exported, or filed, long after the events)."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "rows.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for row in rows:
                item = {"id": row["row_id"], "text": row["text"], "source": "wikipedia"}
                if published or row["date"]:
                    item["published"] = published or row["date"]
                f.write(json.dumps(item) + "\n")
        ingested, result = chain(iter_inputs([feed], 10_000_000), per_document=per_row)
    documents = ingested.documents.to_pandas()
    row_of_doc = dict(zip(documents["doc_id"], documents["external_id"], strict=True))
    events, reps = result.events.to_pandas(), result.reports.to_pandas()
    by_event = {e["event_id"]: e for e in events.to_dict("records")}
    per_row: dict[str, dict[str, dict]] = defaultdict(dict)
    for rep in reps.to_dict("records"):
        row_id = row_of_doc.get(rep["doc_id"])
        if row_id and rep["event_id"] in by_event:
            per_row[row_id][rep["event_id"]] = by_event[rep["event_id"]]
    return {k: list(v.values()) for k, v in per_row.items()}, list(by_event.values())


def _int(value: str) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _num(value) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def _event_region(gaz: Gazetteer, event: dict) -> str | None:
    """The governorate of an event placed in one: none for a country or a country-wide region
    (its point is a centroid, inside whichever governorate holds it)."""
    if not isinstance(event.get("admin1"), str) or not event["admin1"]:
        return None
    lat, lon = _num(event.get("latitude")), _num(event.get("longitude"))
    if lat is not None and lon is not None:
        found = gaz.region_of_point(lat, lon)
        if found:
            return found
    return gaz.region_of_name(event["admin1"])


def score(
    rows: list[dict],
    per_row: dict,
    gaz: Gazetteer,
    actors: dict[str, tuple[set, set]] | None = None,
) -> dict[str, list]:
    """For each measure, a list of (row, hit) pairs over the rows it applies to; with
    ``actors`` (``named_actors``), the perpetrator measures too."""
    out: dict[str, list] = defaultdict(list)
    for row in rows:
        events = per_row.get(row["row_id"], [])
        hits = row_hits(row, events, gaz)
        if actors is not None:
            hits.update(perpetrator_hits(events, *actors[row["row_id"]]))
        for key, hit in hits.items():
            out[key].append((row, hit))
    return out


def named_actors(rows: list[dict]) -> dict[str, tuple[set[str], set[str]]]:
    """Per row id: the actors its perpetrator label names, and those its text names, as
    canonical names, both read by the registry's own matcher (armed groups and state forces:
    "Islamic State (suspected)" and "ISIL" are the Islamic State; "Unknown" is none)."""
    import pyarrow as pa

    from transforms.entities import detect_mentions
    from warehouse.reference import load_registry

    registry = load_registry()
    entities = registry.entities_table().to_pandas()
    name = dict(zip(entities["entity_id"], entities["canonical_name"], strict=True))
    kinds = {"armed_group", "government"}
    out: dict[str, tuple[set[str], set[str]]] = {}
    for column in ("perpetrator", "text"):
        docs = pa.table(
            {
                "doc_id": [r["row_id"] for r in rows],
                "text": [r[column] or "" for r in rows],
                "published_date": pa.nulls(len(rows), pa.date32()),
                "source": ["label"] * len(rows),
            }
        )
        found: dict[str, set[str]] = defaultdict(set)
        for m in detect_mentions(docs, registry).to_pylist():
            if m["entity_id"] in name and m["entity_type"] in kinds:
                found[m["doc_id"]].add(name[m["entity_id"]])
        for r in rows:
            label, text = out.get(r["row_id"], (set(), set()))
            got = found.get(r["row_id"], set())
            out[r["row_id"]] = (got, text) if column == "perpetrator" else (label, got)
    return out


def perpetrator_hits(events: list[dict], label: set[str], text: set[str]) -> dict[str, bool]:
    """The perpetrator measures of one row: ``perp_named``, over rows whose events name a
    perpetrator and whose label names an actor, whether one of them is the label's (a side
    hit read as the attacker misses); ``perp_found``, over rows whose label names an actor
    the text names too, whether an event has it."""
    named = {e["perpetrator"] for e in events if isinstance(e.get("perpetrator"), str)}
    out: dict[str, bool] = {}
    if named and label:
        out["perp_named"] = bool(named & label)
    if label & text:
        out["perp_found"] = bool(named & label)
    return out


def row_hits(row: dict, events: list[dict], gaz: Gazetteer) -> dict[str, object]:
    """Each measure that applies to one labelled row, and whether its events meet it.

    A row may pin its place's governorate (``region_id``, a Who's On First region id): then
    only that governorate counts, and only the towns of that name inside it. A ``date`` of a
    month (``YYYY-MM``) asks the event's month."""
    out: dict[str, object] = {"recall": bool(events)}
    is_label = bool(IS_LABEL.search(row["perpetrator"] or ""))
    is_found = any(e.get("perpetrator") == "Islamic State" for e in events)
    out["is"] = (is_label, is_found)
    if IS_TEXT.search(row["text"]) or not is_label:
        out["is_named"] = (is_label, is_found)
    if not events:
        return out
    places = label_places(row["place"])
    cands = [gaz.candidates(p) for p in places]
    regions = {c["region_id"] for cs in cands for c in cs if c["region_id"]}
    regions |= {c["wof_id"] for cs in cands for c in cs if c["placetype"] == "region"}
    if row.get("region_id"):
        regions = {row["region_id"]}
    if regions:
        got = {_event_region(gaz, e) for e in events}
        out["admin1"] = bool(got & regions)
        if not got & regions:
            out["admin1_miss"] = miss_kind(events)
    named = cands[0] if len(places) == 1 else []
    towns = [c for c in named if c["placetype"] == "locality"]
    # (a label naming a governorate names its towns of that name only, "Baghdad" the city:
    # "Anbar" is no town, though villages elsewhere share its name)
    named_regions = {c["wof_id"] for c in named if c["placetype"] == "region"}
    if named_regions:
        towns = [t for t in towns if named_regions & _regions_of(gaz, t)]
    if row.get("region_id"):
        towns = [t for t in towns if row["region_id"] in _regions_of(gaz, t)]
    if towns and not LEVEL_WORDS.search(row["place"]):
        out["town"] = any(_near(e, towns) for e in events)
        if out["town"]:
            out["town_name"] = any(name_agrees(e.get("location"), places[0]) for e in events)
    for field, label in (("killed", "dead"), ("wounded", "injured")):
        want = _int(str(row[label]))
        if want is not None:
            got_toll = sum(int(_num(e.get(f"{field}_best")) or 0) for e in events)
            out[field] = got_toll == want
    if row["date"]:
        size = len(row["date"])
        out["day"] = any(str(e["event_date"])[:size] == row["date"] for e in events)
    return out


def name_agrees(location: object, label: str) -> bool:
    """The event's ``location`` reads as the label does (``norm``: case, accents, hyphens,
    a leading article, a final -ah folded), or one side of a quarter's "City - Quarter" does:
    a spelling measure, not a place measure."""
    if not isinstance(location, str) or not location:
        return False
    want = norm(label)
    return want in {norm(location), *(norm(part) for part in location.split(" - "))}


def _regions_of(gaz: Gazetteer, place: dict) -> set[str]:
    """A place's governorate by its record and by the outline holding its point (the two
    differ for a few records, such as the Golan's villages)."""
    inside = gaz.region_of_point(float(place["latitude"]), float(place["longitude"]))
    return {place["region_id"], inside} - {None, ""}


def _near(event: dict, towns: list[dict]) -> bool:
    """The event lies within ``TOWN_KM`` of one of the towns."""
    lat, lon = _num(event.get("latitude")), _num(event.get("longitude"))
    if lat is None or lon is None:
        return False
    km = min(_km(lat, lon, float(t["latitude"]), float(t["longitude"])) for t in towns)
    return km <= TOWN_KM


# What a governorate miss's events hold, coarsest first: the kinds ``report`` counts.
MISS_KINDS = {
    "no place": "no place",
    "country": "only Iraq or Syria",
    "other country": "another country only",
    "no governorate": "no governorate (river, region)",
    "wrong": "a place in another governorate",
}


def miss_kind(events: list[dict]) -> str:
    """Why a row's events miss its governorate: the finest thing they hold (``MISS_KINDS``)."""
    ids = {e["place_id"] for e in events if isinstance(e.get("place_id"), str)}
    if not ids:
        return "no place"
    if any(isinstance(e.get("admin1"), str) and e["admin1"] for e in events):
        return "wrong"
    countries = {i for i in ids if i.startswith("cur:country:")}
    if countries != ids:
        return "no governorate"
    return "country" if countries <= {"cur:country:IQ", "cur:country:SY"} else "other country"


def _prf(pairs: list) -> tuple[float, float, float]:
    tp = sum(1 for _, (g, p) in pairs if g and p)
    fp = sum(1 for _, (g, p) in pairs if p and not g)
    fn = sum(1 for _, (g, p) in pairs if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(scores: dict[str, list], per_row: dict, show: str | None) -> None:
    names = {
        "recall": "event recall (rows with an event)",
        "admin1": "governorate right, of rows found",
        "town": "town right, of rows found naming one town",
        "town_name": "town name agrees, of town right (spelling)",
        "killed": "killed right (summed), of rows found",
        "wounded": "wounded right (summed), of rows found",
        "day": "day right, of rows found",
        "perp_named": "perpetrator named is the label's",
        "perp_found": "perpetrator found, label's actor in the text",
    }
    for key, label in names.items():
        pairs = scores[key]
        if not pairs and key.startswith("perp"):
            continue  # a scorer that reads no perpetrator labels (``probe_villages``)
        hits = sum(1 for _, hit in pairs if hit)
        share = hits / len(pairs) if pairs else 0.0
        print(f"{label:<44} {share:6.3f}  ({hits}/{len(pairs)})")
        if key == "admin1":
            kinds = [kind for _, kind in scores["admin1_miss"]]
            for kind, what in MISS_KINDS.items():
                print(f"  {'missed: ' + what:<42} {kinds.count(kind):6d}")
    for key, label in (("is", "all rows"), ("is_named", "named in text")):
        p, r, f = _prf(scores[key])
        print(f"{'IS attribution P / R / F1, ' + label:<44} {p:.3f} / {r:.3f} / {f:.3f}")
    if not show:
        return
    for row, hit in scores[show]:
        miss = (hit[0] != hit[1]) if show.startswith("is") else not hit
        if miss:
            got = [
                {
                    k: e.get(k)
                    for k in (
                        "event_date",
                        "location",
                        "admin1",
                        "perpetrator",
                        "killed_best",
                        "wounded_best",
                    )
                }
                for e in per_row.get(row["row_id"], [])
            ]
            print(
                f"\n[{row['date']} | {row['place']} | dead {row['dead']} inj {row['injured']}"
                f" | {row['perpetrator']}]\n  {row['text'][:400]}\n  -> {got}"
            )


SHOW_KINDS = (
    "recall", "town", "town_name", "admin1", "killed", "wounded", "day", "perp_named",
    "perp_found", "is", "is_named",
)  # fmt: skip


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line (see the module docstring); ``--help`` prints it, a bad flag exits 2."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.eval_real", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("csv", nargs="?", type=Path, default=DEV, help="default: the dev set")
    parser.add_argument("--show", choices=SHOW_KINDS, help="list the rows that miss")
    parser.add_argument("--limit", type=int, help="only the first N rows")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="every row published that day")
    parser.add_argument("--per-row", action="store_true", help="merge each row on its own")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    show, published, per_row, source = args.show, args.published, args.per_row, args.csv
    if not source.exists():
        sys.exit(f"eval-real: {source} not found (it lives in ../shared/data/dev/)")
    with source.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[: args.limit]
    started = time.perf_counter()
    by_row, events = run_chain(rows, per_row, published)
    elapsed = time.perf_counter() - started
    mode = ", each row merged alone" if per_row else ""
    mode += f", every row published {published}" if published else ""
    print(f"{source.name}: {len(rows)} rows, {len(events)} events{mode}, chain {elapsed:.1f} s")
    report(score(rows, by_row, Gazetteer(), named_actors(rows)), by_row, show)


if __name__ == "__main__":
    main()
