"""Places and perpetrators on the synthetic corpus (bench/corpus.py) against its ground truth.

Each ground-truth report gives the spelling an article used for the event's place
(``place_text``, e.g. "Koysinjaq", "Remadi") and perpetrator (``perpetrator_text``, e.g. "PKK
militants"), and the event's GeoNames place and admin1. For every report this finds the
mention covering that spelling in the article and checks its place (same GeoNames id, or at
least the same admin1) and its actor (the registry entity whose name or alias is the event's
perpetrator). Prints the figures. Run: ``.venv/bin/python -m bench.eval_entities_corpus [n]``.
"""

from __future__ import annotations

import sys
from collections import Counter

import pyarrow as pa

from bench.corpus import iter_corpus
from transforms.entities import detect_mentions
from transforms.entities.keys import name_key
from warehouse.reference import load_registry


def evaluate(n: int = 1000, seed: int = 7, verbose: bool = False) -> dict[str, float]:
    articles, events = [], []
    for article, done in iter_corpus(n, seed):
        if article is not None:
            articles.append(article)
        events += done
    registry = load_registry()
    ids, bodies = [a["id"] for a in articles], [a["text"] for a in articles]
    m = detect_mentions(pa.table({"doc_id": ids, "text": bodies}), registry).to_pandas()
    by_doc = {d: g for d, g in m.groupby("doc_id")}
    texts = dict(zip(ids, bodies, strict=True))
    c: Counter = Counter()
    misses: Counter = Counter()
    for ev in events:
        perp_key = name_key(ev["perpetrator"] or "")
        for rep in ev["reports"]:
            doc, text = rep["article_id"], texts.get(rep["article_id"])
            if text is None:
                continue
            g = by_doc.get(doc)
            for field in ("place", "perpetrator"):
                spelling = rep.get(f"{field}_text")
                if not spelling or spelling not in text:
                    continue
                c[f"{field}_reports"] += 1
                start = text.find(spelling)
                end = start + len(spelling)
                hit = None if g is None else g[(g.char_start < end) & (g.char_end > start)]
                if hit is None or hit.empty:
                    misses[(field, spelling)] += 1
                    continue
                c[f"{field}_found"] += 1
                if field == "place":
                    pids = [p for p in hit.place_id if isinstance(p, str)]
                    if ev["place_id"] in pids:
                        c["place_id_right"] += 1
                    if any(registry.places[p].admin1 == ev["admin1"] for p in pids):
                        c["place_admin1_right"] += 1
                    elif verbose:
                        print(
                            f"  place {spelling!r} -> {pids} (truth {ev['place_id']} {ev['place']})"
                        )
                else:
                    ids = [e for e in hit.entity_id if isinstance(e, str)]
                    if any(
                        perp_key in {name_key(a) for a in registry.entities[e].aliases}
                        for e in ids
                        if e in registry.entities
                    ):
                        c["perpetrator_right"] += 1
                    elif verbose:
                        print(f"  actor {spelling!r} -> {ids} (truth {ev['perpetrator']})")
    if verbose:
        for (field, spelling), k in misses.most_common(15):
            print(f"  not found {field} {spelling!r} x{k}")
    pr, ar = max(1, c["place_reports"]), max(1, c["perpetrator_reports"])
    return {
        "reports": c["place_reports"],
        "place_found": c["place_found"] / pr,
        "place_id_right": c["place_id_right"] / pr,
        "place_admin1_right": c["place_admin1_right"] / pr,
        "perpetrator_reports": c["perpetrator_reports"],
        "perpetrator_found": c["perpetrator_found"] / ar,
        "perpetrator_right": c["perpetrator_right"] / ar,
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    r = evaluate(n, verbose=True)
    print(
        f"synthetic corpus, {n} articles, {r['reports']} place reports: place found "
        f"{r['place_found']:.3f}, right GeoNames id {r['place_id_right']:.3f}, right governorate "
        f"{r['place_admin1_right']:.3f} | {r['perpetrator_reports']} perpetrator reports: found "
        f"{r['perpetrator_found']:.3f}, right entity {r['perpetrator_right']:.3f}"
    )


if __name__ == "__main__":
    main()
