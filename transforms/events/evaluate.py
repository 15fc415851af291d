"""Score extracted events against a gold annotation (tests/gold/events_gold.json's shape).

Contract: ``evaluate(gold, events, reports, doc_ids) -> dict`` (pure). ``doc_ids`` maps the
gold's document keys ("000") to warehouse doc_ids.

- Matching: a predicted event matches a gold event when their admin1 agree (or both have no
  place), the predicted location is one of the gold's place names (or the gold's governorate
  itself, a coarser but right place), and the predicted date falls in the gold date's span
  (its day, or its month for month precision). Pairs are chosen one-to-one, most shared
  documents first.
- Event precision = matched predicted / predicted; recall = matched gold / gold.
- Field accuracy over matched pairs: date, location, admin1, perpetrator, attribution,
  event_type, weapon, target, killed range (low and high equal), documents (same set).
- Deduplication B-cubed F1 over items (gold event, reporting document): an item's gold
  cluster is its gold event; its predicted cluster is the predicted event holding a report
  of that document matched to it (else the item is alone). Precision and recall are averaged
  over items (Bagga & Baldwin 1998).
- ``not_event_violations``: reports whose quote overlaps a passage the gold says is no attack.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from typing import Any

import pyarrow as pa


def fold(name: Any) -> str | None:
    """Lower case, accents and punctuation dropped, Arabic article prefixes ignored."""
    if name is None or (isinstance(name, float) and name != name):
        return None
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\b(?:al|el|ar|as|ad|ash|az|ez)[\s-]+", "", s)
    return re.sub(r"[^a-z0-9]+", "", s) or None


def _gdate(g: dict) -> date | None:
    return date.fromisoformat(g["event_date"]) if g.get("event_date") else None


def date_ok(pred: date | None, g: dict, precision: str | None = None) -> bool:
    """The predicted date is the gold's (its day, or month/year at the gold's precision); with
    ``precision`` given, a coarser predicted date that holds the gold day also counts."""
    gd = _gdate(g)
    if pred is None or gd is None:
        return pred is None and gd is None
    if precision == "week" and g.get("date_precision", "day") == "day":
        return 0 <= (pred - gd).days <= 6
    if precision == "month" and g.get("date_precision", "day") == "day":
        return (pred.year, pred.month) == (gd.year, gd.month)
    if g.get("date_precision") == "month":
        return (pred.year, pred.month) == (gd.year, gd.month)
    if g.get("date_precision") == "year":
        return pred.year == gd.year
    return pred == gd


def place_ok(
    location: Any, admin1: Any, g: dict, exact: bool = False, place_id: Any = None
) -> bool:
    """The predicted place is the gold's (same gazetteer id, or a gold spelling with the same
    admin1), or, unless ``exact``, the gold's governorate as a whole."""
    if (
        place_id is not None
        and g.get("place_id") is not None
        and str(place_id) == str(g["place_id"])
    ):
        return True
    names = {fold(n) for n in g.get("place_names") or []}
    if not names:
        return fold(location) is None
    if fold(admin1) != fold(g.get("admin1")):
        return False
    return fold(location) in names or (not exact and fold(location) == fold(g.get("admin1")))


def killed_ok(e: dict, g: dict) -> bool:
    """Same killed range; or, for an exact gold toll, a best equal to it inside a range that
    holds it ("at least 7" read as 7 or more is right when 7 were killed)."""
    lo, best, hi = e.get("killed_low"), e.get("killed_best"), e.get("killed_high")
    if (lo, hi) == (g.get("killed_low"), g.get("killed_high")):
        return True
    exact = g.get("killed_low")
    return (
        exact is not None
        and exact == g.get("killed_high")
        and best == exact
        and lo is not None
        and lo <= exact
        and (hi is None or hi >= exact)
    )


def _bcubed(gold_of: dict[Any, Any], pred_of: dict[Any, Any]) -> tuple[float, float, float]:
    items = list(gold_of)
    if not items:
        return 0.0, 0.0, 0.0
    gcl, pcl = defaultdict(set), defaultdict(set)
    for i in items:
        gcl[gold_of[i]].add(i)
        pcl[pred_of[i]].add(i)
    p = sum(len(pcl[pred_of[i]] & gcl[gold_of[i]]) / len(pcl[pred_of[i]]) for i in items)
    r = sum(len(pcl[pred_of[i]] & gcl[gold_of[i]]) / len(gcl[gold_of[i]]) for i in items)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(
    golds: list[dict], ev: list[dict], docs_of: dict[str, set[str]]
) -> tuple[dict[int, int], set[int]]:
    """Gold event -> predicted event, each matched once: place and date agree, the most shared
    documents first, then an exact place; the predicted events matched."""
    cands = []
    for gi, g in enumerate(golds):
        for ei, e in enumerate(ev):
            pid = e.get("place_id")
            if place_ok(e.get("location"), e.get("admin1"), g, place_id=pid) and date_ok(
                e.get("event_date"), g, e.get("date_precision")
            ):
                shared = len(docs_of[e["event_id"]] & set(g["documents"]))
                exact = place_ok(e.get("location"), e.get("admin1"), g, True, pid)
                cands.append((shared, exact, -gi, -ei, gi, ei))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, ei in sorted(cands, reverse=True):
        if gi not in pairs and ei not in used:
            pairs[gi] = ei
            used.add(ei)
    return pairs, used


def _fields(docs_of: dict[str, set[str]]) -> dict[str, Any]:
    """Per field, whether a matched event has it right."""
    return {
        "event_date": lambda e, g: (
            date_ok(e.get("event_date"), g)
            and (e.get("date_precision") or "day") == g.get("date_precision", "day")
        ),
        "location": lambda e, g: place_ok(
            e.get("location"), e.get("admin1"), g, True, e.get("place_id")
        ),
        "admin1": lambda e, g: (
            fold(e.get("admin1")) == fold(g.get("admin1"))
            or (e.get("place_id") is not None and str(e.get("place_id")) == str(g.get("place_id")))
        ),
        "perpetrator": lambda e, g: fold(e.get("perpetrator")) == fold(g.get("perpetrator")),
        "attribution": lambda e, g: e.get("attribution") == g.get("attribution"),
        "event_type": lambda e, g: e.get("event_type") == g.get("event_type"),
        "weapon": lambda e, g: e.get("weapon") == g.get("weapon"),
        "target": lambda e, g: e.get("target") == g.get("target"),
        "killed": killed_ok,
        "documents": lambda e, g: docs_of[e["event_id"]] == set(g["documents"]),
    }


def _items(
    golds: list[dict], ev: list[dict], pairs: dict[int, int], docs_of: dict[str, set[str]]
) -> tuple[dict, dict]:
    """B-cubed's items, (gold event, document): their gold and their predicted cluster."""
    gold_of: dict = {}
    pred_of: dict = {}
    for gi, g in enumerate(golds):
        for d in g["documents"]:
            item = (gi, d)
            gold_of[item] = gi
            pe = pairs.get(gi)
            if pe is not None and d in docs_of[ev[pe]["event_id"]]:
                pred_of[item] = ev[pe]["event_id"]
            else:
                pred_of[item] = ("alone", gi, d)
    return gold_of, pred_of


def _violations(not_events: list[dict], reps: list[dict], doc_ids: dict[str, str]) -> list[dict]:
    """Reports quoting a passage the gold says is not an attack."""
    violations = []
    for ne in not_events:
        did = doc_ids.get(ne["doc"])
        for r in reps:
            q = r.get("quote") or ""
            if r["doc_id"] == did and (ne["quote"] in q or (q and q in ne["quote"])):
                violations.append({"doc": ne["doc"], "why": ne["why"], "quote": q})
    return violations


def evaluate(
    gold: dict,
    events: pa.Table,
    reports: pa.Table,
    doc_ids: dict[str, str],
) -> dict[str, Any]:
    """Event precision/recall, per-field accuracy, B-cubed F1 and not-event violations."""
    ev = events.to_pylist()
    reps = reports.to_pylist()
    key_of = {v: k for k, v in doc_ids.items()}
    docs_of: dict[str, set[str]] = defaultdict(set)
    for r in reps:
        if r.get("event_id"):
            docs_of[r["event_id"]].add(key_of.get(r["doc_id"], r["doc_id"]))
    golds = gold["events"]
    pairs, used = _pairs(golds, ev, docs_of)
    fields = _fields(docs_of)
    accuracy = {
        name: (sum(f(ev[ei], golds[gi]) for gi, ei in pairs.items()) / len(pairs) if pairs else 0.0)
        for name, f in fields.items()
    }
    bp, br, bf = _bcubed(*_items(golds, ev, pairs, docs_of))
    violations = _violations(gold.get("not_events", []), reps, doc_ids)
    return {
        "gold_events": len(golds),
        "predicted_events": len(ev),
        "matched": len(pairs),
        "event_precision": len(pairs) / len(ev) if ev else 0.0,
        "event_recall": len(pairs) / len(golds) if golds else 0.0,
        "field_accuracy": accuracy,
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": bf,
        "not_event_violations": violations,
        "unmatched_gold": [golds[gi]["id"] for gi in range(len(golds)) if gi not in pairs],
        "unmatched_predicted": [
            {k: ev[ei].get(k) for k in ("event_id", "event_date", "location", "admin1")}
            for ei in range(len(ev))
            if ei not in used
        ],
    }
