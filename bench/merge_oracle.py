"""Oracle for the merge: record ``merge_events`` / ``remerge_events`` outputs on fixed inputs, then
check that a changed merge gives the same tables, row for row.

    python -m bench.merge_oracle record DIR [--cases seeds,copies,bench7,bench11,wiki,fuzz]
    python -m bench.merge_oracle check DIR
    python -m bench.merge_oracle rebase DIR   # after a deliberate rule change: outputs again

Inputs are made once by ``record`` and kept in DIR (the merge's own inputs: report candidates,
documents, places, entities), so a check compares the merge alone, whatever extraction does
since. Cases: the seed articles; 300 copies of them (distinct documents, other outlets); two
benchmark corpora (``bench.corpus``, seeds 7 and 11, 4,000 articles each); the Wikipedia dev
descriptions; and random report tables over a small gazetteer (``fuzz``: few places, days,
actors and types, so many reports meet). Each case also records an incremental merge
(``remerge_events``) of its last 3% of documents on top of the first 97%.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms import schemas

NAMES = ("reports", "events", "merges", "conflicts")
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds" / "articles"
WIKI = Path("/work/shared/data/dev/wikipedia_incidents_syria_iraq.csv")


def _pipeline_inputs(inputs: list[str], work: Path) -> dict[str, pa.Table]:
    """Ingest and extract ``inputs`` as the flow does (stages called directly, no Prefect)."""
    from flows import ingest, stages
    from flows.settings import RunSettings
    from warehouse.lake import Lake
    from warehouse.reference import load_registry

    settings = RunSettings(inputs=tuple(inputs), warehouse=str(work / "sitrep.duckdb"))
    now = stages.utcnow()
    lake = Lake(settings.lake_root)
    ingest.ingest_stage(lake, settings, stages.new_run_id(now), now, 2)
    stages.extract_chunks(lake, stages.pending_chunks(lake), 2)
    registry = load_registry()
    return {
        "candidates": lake.read("report_candidates", schemas.EVENT_REPORTS),
        "documents": lake.read(
            "documents", schemas.DOCUMENTS, ["doc_id", "published_date", "source"]
        ),
        "places": registry.places_table(),
        "entities": registry.entities_table(),
    }


def seed_copies(n: int, out: Path) -> Path:
    """``n`` distinct documents: the seed articles again under other outlets, published the day
    after the attacks (each copy's text differs by its outlet's sign-off)."""
    texts = [p.read_text() for p in sorted(SEEDS_DIR.glob("*.txt"))]
    path = out / "copies.jsonl"
    with path.open("w") as f:
        for i in range(n):
            text = texts[i % len(texts)]
            f.write(
                json.dumps(
                    {
                        "id": f"copy{i:06d}",
                        "title": f"Copy {i}",
                        "source": f"Outlet {i % 97}",
                        "url": f"https://outlet{i % 97}.example/{i}",
                        "published": "2026-02-22",
                        "text": f"{text}\n\nReporting by desk {i}.",
                        "format": "text",
                    }
                )
                + "\n"
            )
    return path


def _bench_corpus(n: int, seed: int, out: Path) -> Path:
    from bench import corpus

    path = out / f"bench{seed}.jsonl"
    with path.open("w") as f:
        for a in corpus.iter_articles(n, seed):
            f.write(json.dumps(a) + "\n")
    return path


def _wiki(out: Path) -> Path:
    path = out / "wiki.jsonl"
    with WIKI.open() as src, path.open("w") as f:
        for row in csv.DictReader(src):
            f.write(
                json.dumps(
                    {
                        "id": row["row_id"],
                        "title": row["place"] or row["country"],
                        "source": "wikipedia",
                        "url": f"https://en.wikipedia.org/#{row['row_id']}",
                        "published": None,
                        "text": row["text"],
                        "format": "text",
                    }
                )
                + "\n"
            )
    return path


def _fuzz(seed: int, n: int = 1500) -> dict[str, pa.Table]:
    """Random report candidates over a small gazetteer: few places, days and actors."""
    rnd = random.Random(seed)
    places = [
        ("t_a", "Town A", "Gov1", "town"),
        ("t_b", "Town B", "Gov1", "town"),
        ("v_c", "Village C", "Gov1", "village"),
        ("d_1", "District 1", "Gov1", "district"),
        ("g_1", "Gov1", "Gov1", "governorate"),
        ("t_x", "Town X", "Gov2", "town"),
        ("g_2", "Gov2", "Gov2", "governorate"),
        ("c_sy", "Syria", None, "country"),
    ]
    place_rows = [
        {
            "place_id": p,
            "name": nm,
            "admin1": a1,
            "admin2": "District 1" if p in ("t_a", "v_c") else None,
            "country_code": "SY",
            "latitude": 35.0,
            "longitude": 40.0,
            "feature_code": None,
            "precision": prec,
        }
        for p, nm, a1, prec in places
    ]
    entities = [
        {"entity_id": e, "canonical_name": e.upper(), "entity_type": "armed_group",
         "aliases": [], "origin": "registry"}
        for e in ("e1", "e2", "e3")
    ]  # fmt: skip
    base = date(2026, 1, 10)
    docs, reports = [], []
    for d in range(n // 3):
        pub = base + timedelta(days=rnd.randint(0, 12)) if rnd.random() > 0.1 else None
        docs.append(
            {"doc_id": f"d{d:05d}", "published_date": pub, "source": f"s{rnd.randint(0, 40)}"}
        )
        for k in range(rnd.choice((1, 1, 1, 2, 3))):
            day = base + timedelta(days=rnd.randint(-3, 12))
            prec = rnd.choice(("day",) * 8 + ("week", "month", "year"))
            dated = rnd.random() > 0.12
            kill = rnd.choice((None, None, 2, 3, 4))
            reports.append(
                {
                    "report_id": f"r{d:05d}_{k}",
                    "doc_id": f"d{d:05d}",
                    "sentence_no": rnd.randint(0, 3),
                    "event_type": rnd.choice(("Explosions/Remote violence", "Battles",
                                              "Violence against civilians")),
                    "sub_event_type": rnd.choice(("Attack", "Armed clash", "Air/drone strike")),
                    "event_date": day if dated else None,
                    "date_precision": prec if dated else None,
                    "date_method": rnd.choice(("explicit", "relative")) if dated else None,
                    "place_id": rnd.choice([p[0] for p in places] + [None]),
                    "location_text": rnd.choice(("A", "a", "B", None)),
                    "perpetrator_id": rnd.choice(("e1", "e2", "e3", None, None)),
                    "attribution": rnd.choice(("claimed", "attributed", "suspected", None)),
                    "target": rnd.choice(("soldiers", "civilians", None)),
                    "weapon": rnd.choice(("unknown", "unknown", "ied", "drone", "firearms")),
                    "killed_low": kill,
                    "killed_best": kill,
                    "killed_high": kill if rnd.random() > 0.3 else None,
                    "confidence": 0.5,
                }
            )  # fmt: skip
    return {
        "candidates": schemas.conform(reports, schemas.EVENT_REPORTS),
        "documents": pa.Table.from_pylist(docs),
        "places": schemas.conform(place_rows, schemas.PLACES),
        "entities": schemas.conform(entities, schemas.ENTITIES),
    }


def build_inputs(case: str, tmp: Path) -> dict[str, pa.Table]:
    work = tmp / case
    work.mkdir(parents=True)
    if case == "seeds":
        return _pipeline_inputs([str(SEEDS_DIR)], work)
    if case == "copies":
        return _pipeline_inputs([str(seed_copies(300, work))], work)
    if case.startswith("bench"):
        return _pipeline_inputs([str(_bench_corpus(4000, int(case[5:]), work))], work)
    if case == "wiki":
        return _pipeline_inputs([str(_wiki(work))], work)
    if case.startswith("fuzz"):
        return _fuzz(int(case[4:] or 1))
    raise SystemExit(f"unknown case {case}")


def _split(inputs: dict[str, pa.Table]) -> pa.Table:
    """The candidates of the first 97% of documents (by doc_id): the previous run's."""
    ids = sorted(set(inputs["candidates"].column("doc_id").to_pylist()))
    old = pa.array(ids[: int(len(ids) * 0.97)], pa.string())
    return inputs["candidates"].filter(pc.is_in(inputs["candidates"].column("doc_id"), old))


def outputs(inputs: dict[str, pa.Table]) -> dict[str, pa.Table]:
    from transforms.events import merge_events
    from transforms.events.remerge import remerge_events

    args = (inputs["documents"], inputs["places"], inputs["entities"])
    full = merge_events(inputs["candidates"], *args)
    previous = merge_events(_split(inputs), *args)
    again = remerge_events(inputs["candidates"], previous, *args).result
    out = {f"full_{k}": t for k, t in zip(NAMES, full, strict=True)}
    out.update({f"re_{k}": t for k, t in zip(NAMES, again, strict=True)})
    return out


def record(root: Path, cases: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            d = root / case
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
            inputs = build_inputs(case, Path(tmp))
            for k, t in inputs.items():
                pq.write_table(t, d / f"in_{k}.parquet")
            for k, t in outputs(inputs).items():
                pq.write_table(t, d / f"out_{k}.parquet")
            n = inputs["candidates"].num_rows
            print(f"{case}: {n} reports recorded", flush=True)


def _kept(d: Path) -> dict[str, pa.Table]:
    return {
        k: pq.read_table(d / f"in_{k}.parquet")
        for k in ("candidates", "documents", "places", "entities")
    }


def rebase(root: Path) -> None:
    """Record the outputs again from the kept inputs (after a deliberate change of the rule)."""
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        for k, t in outputs(_kept(d)).items():
            pq.write_table(t, d / f"out_{k}.parquet")
        print(f"{d.name}: outputs recorded again", flush=True)


def check(root: Path) -> int:
    bad = 0
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        inputs = _kept(d)
        got = outputs(inputs)
        diffs = []
        for k, t in got.items():
            want = pq.read_table(d / f"out_{k}.parquet")
            # columns added to the schemas since the recording are compared on the next record
            if not t.select(want.column_names).cast(want.schema).equals(want):
                diffs.append(f"{k} ({t.num_rows} rows, recorded {want.num_rows})")
        print(f"{d.name}: {'identical' if not diffs else 'DIFFERS: ' + ', '.join(diffs)} "
              f"({inputs['candidates'].num_rows} reports)", flush=True)  # fmt: skip
        bad += bool(diffs)
    return bad


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("record", "check", "rebase"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--cases", default="seeds,copies,bench7,bench11,wiki,fuzz1,fuzz2,fuzz3")
    a = ap.parse_args(argv)
    if a.action == "record":
        record(a.dir, a.cases.split(","))
    elif a.action == "rebase":
        rebase(a.dir)
    else:
        sys.exit(1 if check(a.dir) else 0)


if __name__ == "__main__":
    main()
