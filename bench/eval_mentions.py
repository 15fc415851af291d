"""Score entity/place mentions on the seed articles against the hand-labelled gold file.

Gold: ``tests/gold/mentions_gold.csv``, one row per (document, surface string, target), where
target is an entity_id, a place_id, or ``?`` (a name the registry lacks: right when found and
not forced onto a registry id; left out of id accuracy and end-to-end recall).
``occurrences=all`` means every case-sensitive, word-bounded occurrence of the surface in the
document that a longer gold surface does not already cover.

Prints span precision/recall/F1 (exact spans), id accuracy on matched spans, end-to-end
precision/recall (exact span and right id) and each error. Run:
``.venv/bin/python -m bench.eval_mentions``. A test runs ``evaluate()`` with a floor.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa

from transforms.entities import detect_mentions, discover_entities
from warehouse.reference import load_registry

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "mentions_gold.csv"
SEEDS = ROOT / "seeds" / "articles"


def _bounded(text: str, s: int, e: int) -> bool:
    return (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())


def gold_spans(texts: dict[str, str], gold_path: Path = GOLD) -> dict[tuple[str, int, int], str]:
    """{(doc, start, end): target} expanded from the gold file."""
    with open(gold_path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out: dict[tuple[str, int, int], str] = {}
    for doc in sorted({r["doc"] for r in rows}):
        text = texts[doc]
        taken: list[tuple[int, int]] = []
        for r in sorted((r for r in rows if r["doc"] == doc), key=lambda r: -len(r["surface"])):
            surf, found = r["surface"], 0
            start = text.find(surf)
            while start >= 0:
                end = start + len(surf)
                if _bounded(text, start, end) and not any(a < end and start < b for a, b in taken):
                    out[(doc, start, end)] = r["target"]
                    taken.append((start, end))
                    found += 1
                start = text.find(surf, start + 1)
            if not found:
                raise ValueError(f"gold surface not in document {doc}: {surf!r}")
    return out


def seed_documents() -> pa.Table:
    paths = sorted(SEEDS.glob("*.txt"))
    return pa.table(
        {"doc_id": [p.name[:3] for p in paths], "text": [p.read_text("utf-8") for p in paths]}
    )


def evaluate(verbose: bool = False) -> dict[str, float]:
    """Run detection and discovery on the seeds; score against the gold file."""
    registry = load_registry()
    docs = seed_documents()
    texts = dict(zip(*(docs.column(c).to_pylist() for c in ("doc_id", "text")), strict=True))
    _, final = discover_entities(detect_mentions(docs, registry), docs, registry)
    cols = ("doc_id", "char_start", "char_end", "entity_id", "place_id")
    pred = {
        (d, s, e): (eid if eid is not None else pid)
        for d, s, e, eid, pid in zip(*(final.column(c).to_pylist() for c in cols), strict=True)
    }
    gold = gold_spans(texts)
    matched = gold.keys() & pred.keys()
    known = {k for k, v in gold.items() if v != "?"}
    right = {k for k in matched if gold[k] != "?" and gold[k] == pred[k]}
    # a name the registry lacks is right when it is not forced onto a registry id
    unknown_ok = {
        k
        for k in matched
        if gold[k] == "?" and pred[k] not in registry.entities and pred[k] not in registry.places
    }
    m = {
        "gold": len(gold),
        "predicted": len(pred),
        "span_precision": len(matched) / max(1, len(pred)),
        "span_recall": len(matched) / max(1, len(gold)),
        "id_accuracy": len(right) / max(1, len(matched & known)),
        "precision": (len(right) + len(unknown_ok)) / max(1, len(pred)),
        "recall": len(right) / max(1, len(known)),
    }
    m["span_f1"] = (
        2
        * m["span_precision"]
        * m["span_recall"]
        / max(1e-9, m["span_precision"] + m["span_recall"])
    )
    if verbose:
        for k in sorted(pred.keys() - gold.keys()):
            print(f"  extra   {k[0]} {texts[k[0]][k[1] : k[2]]!r} -> {pred[k]}")
        for k in sorted(gold.keys() - pred.keys()):
            print(f"  missed  {k[0]} {texts[k[0]][k[1] : k[2]]!r} (gold {gold[k]})")
        for k in sorted(matched - right):
            if gold[k] != "?":
                print(f"  wrong   {k[0]} {texts[k[0]][k[1] : k[2]]!r} -> {pred[k]}, gold {gold[k]}")
    return m


def main() -> None:
    m = evaluate(verbose=True)
    print(
        f"mentions on the seeds: {m['gold']} gold, {m['predicted']} predicted | spans: "
        f"P {m['span_precision']:.3f} R {m['span_recall']:.3f} F1 {m['span_f1']:.3f} | "
        f"id accuracy on matched spans {m['id_accuracy']:.3f} | "
        f"end to end (span and id): P {m['precision']:.3f} R {m['recall']:.3f}"
    )


if __name__ == "__main__":
    main()
