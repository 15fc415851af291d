"""Validation cost at scale: every suite and SQL check over a warehouse of 1M events.

    python -m bench.bench_validate [--events 1000000] [--workdir DIR]

Builds a consistent warehouse (events, one report each, their documents and places, one run)
through the real lake and DuckDB builder, then times ``expectations.validate`` on it: the
great_expectations import, the SQL checks alone, and the whole validation (with Data Docs).
Valid by construction, so every expectation should pass; failures are printed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from transforms import schemas
from warehouse.db import build_database
from warehouse.lake import Lake

REPORTS_PER_DOCUMENT = 5
N_PLACES = 200
RUN = "20260101T000000Z-bench000"
# Places in a rectangle well inside Syria, a governorate per 20 places.
LAT, LON = (33.5, 36.5), (36.5, 41.5)


def _table(name: str, columns: dict[str, pa.Array | list], n: int) -> pa.Table:
    schema = schemas.TABLES[name]
    arrays = [pa.array(columns[f.name], f.type) if f.name in columns else pa.nulls(n, f.type)
              for f in schema]  # fmt: skip
    return pa.table(arrays, schema=schema)


def make_tables(n: int, seed: int = 7) -> dict[str, pa.Table]:
    rng = np.random.default_rng(seed)
    lat = rng.uniform(*LAT, N_PLACES)
    lon = rng.uniform(*LON, N_PLACES)
    admin1 = [f"Governorate {i // 20}" for i in range(N_PLACES)]
    places = _table("places", {
        "place_id": [f"p{i}" for i in range(N_PLACES)],
        "name": [f"Town {i}" for i in range(N_PLACES)],
        "admin1": admin1, "country_code": ["SY"] * N_PLACES, "latitude": lat, "longitude": lon,
        "feature_code": ["PPL"] * N_PLACES, "precision": ["town"] * N_PLACES,
    }, N_PLACES)  # fmt: skip

    pi = rng.integers(0, N_PLACES, n)
    killed = rng.poisson(2.0, n).astype(np.int32)
    wounded = rng.poisson(3.0, n).astype(np.int32)
    first = date(2023, 6, 1)
    days = rng.integers(0, 3 * 365, n)
    event_date = np.datetime64(first) + days.astype("timedelta64[D]")
    n_docs = -(-n // REPORTS_PER_DOCUMENT)
    doc_of = np.arange(n) // REPORTS_PER_DOCUMENT
    # Each document is published two days after the latest event it reports.
    pub = np.full(n_docs, np.datetime64(first), dtype="datetime64[D]")
    np.maximum.at(pub, doc_of, event_date)
    pub = pub + np.timedelta64(2, "D")

    sentences = [
        f"An attack killed {k} people in Town {p}. " for k, p in zip(killed, pi, strict=True)
    ]
    texts, starts, ends = [], np.zeros(n, np.int32), np.zeros(n, np.int32)
    for d in range(n_docs):
        pos, parts = 0, []
        for i in range(d * REPORTS_PER_DOCUMENT, min(n, (d + 1) * REPORTS_PER_DOCUMENT)):
            s = sentences[i]
            starts[i], ends[i] = pos, pos + len(s) - 1
            parts.append(s)
            pos += len(s)
        texts.append("".join(parts))
    doc_ids = [f"d{d:08d}" for d in range(n_docs)]
    event_ids = [f"e{i:08d}" for i in range(n)]
    documents = _table("documents", {
        "doc_id": doc_ids, "uri": [f"file:///in/{d}.txt" for d in doc_ids],
        "source": ["Bench"] * n_docs,
        "published_date": pub.astype("datetime64[D]"), "text": texts,
        "n_chars": [len(t) for t in texts], "ingested_at": [datetime(2026, 1, 1)] * n_docs,
        "run_id": [RUN] * n_docs,
    }, n_docs)  # fmt: skip
    coding = {
        "event_type": ["Violence against civilians"] * n, "sub_event_type": ["Attack"] * n,
        "event_date": event_date, "date_precision": ["day"] * n,
        "place_id": [f"p{i}" for i in pi], "admin1": [admin1[i] for i in pi],
        "attribution": ["unattributed"] * n, "killed_low": killed, "killed_best": killed,
        "killed_high": killed * 2, "wounded_low": wounded, "wounded_best": wounded,
        "wounded_high": wounded * 2,
    }  # fmt: skip
    reports = _table("event_reports", {
        "report_id": [f"r{i:08d}" for i in range(n)], "event_id": event_ids,
        "doc_id": [doc_ids[d] for d in doc_of], "sentence_no": np.arange(n) % REPORTS_PER_DOCUMENT,
        "char_start": starts, "char_end": ends, "quote": [s[:-1] for s in sentences],
        "date_method": ["explicit"] * n, "confidence": np.full(n, 0.8), **coding,
    }, n)  # fmt: skip
    reported = pub[doc_of]
    events = _table("events", {
        "event_id": event_ids, "country_code": ["SY"] * n,
        "latitude": lat[pi], "longitude": lon[pi],
        "location": [f"Town {i}" for i in pi], "geo_precision": ["1"] * n,
        "n_reports": np.ones(n, np.int32), "n_documents": np.ones(n, np.int32),
        "n_sources": np.ones(n, np.int32), "first_reported": reported, "last_reported": reported,
        "has_conflict": np.zeros(n, bool), **coding,
    }, n)  # fmt: skip
    runs = _table("runs", {
        "run_id": [RUN], "started_at": [datetime(2026, 1, 1)],
        "finished_at": [datetime(2026, 1, 1) + timedelta(minutes=5)], "status": ["published"],
        "inputs_seen": [n_docs], "documents_loaded": [n_docs], "documents_rejected": [0],
        "documents_new": [n_docs],
    }, 1)  # fmt: skip
    run_inputs = _table("run_inputs", {
        "run_id": [RUN] * n_docs, "uri": [f"file:///in/{d}.txt" for d in doc_ids],
        "outcome": ["loaded"] * n_docs, "doc_id": doc_ids, "is_new": [True] * n_docs,
    }, n_docs)  # fmt: skip
    return {"places": places, "documents": documents, "event_reports": reports,
            "events": events, "runs": runs, "run_inputs": run_inputs}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_validate")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-bench-validate-"))
    work.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    tables = make_tables(args.events)
    lake = Lake(work / "lake")
    for name, table in tables.items():
        lake.write_current(name, table)
    db = work / "bench.duckdb"
    db.unlink(missing_ok=True)
    counts = build_database(db, lake)
    t_build = time.perf_counter() - t0
    print(f"warehouse: {db} built in {t_build:.1f} s; rows: "
          + ", ".join(f"{k} {v:,}" for k, v in counts.items() if v))  # fmt: skip

    t0 = time.perf_counter()
    import great_expectations  # noqa: F401

    t_import = time.perf_counter() - t0
    import duckdb

    from expectations import validate
    from expectations.sqlchecks import run_checks

    t0 = time.perf_counter()
    with duckdb.connect(str(db), read_only=True) as con:
        sql = run_checks(con)
    t_sql = time.perf_counter() - t0

    t0 = time.perf_counter()
    report = validate(db, run_id="bench", docs_dir=work / "data_docs")
    t_all = time.perf_counter() - t0
    for o in report.failed():
        print("FAILED", o.line())
    print(f"great_expectations import: {t_import:.1f} s (once per process)")
    print(f"SQL checks alone ({len(sql)} queries): {t_sql:.1f} s")
    print(
        f"validation of {counts['events']:,} events ({counts['event_reports']:,} reports, "
        f"{counts['documents']:,} documents): {t_all:.1f} s for {len(report.outcomes)} "
        f"expectations, {len(report.failed())} failed; data docs {report.docs_index}"
    )


if __name__ == "__main__":
    main()
