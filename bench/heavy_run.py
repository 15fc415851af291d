"""Issue 12's own table: ``sitrep run`` as a user types it, on N copies of the seed story.

    python -m bench.heavy_run [--sizes 500,1000,2000,15000] [--workers K] [--workdir DIR]

Each N is a fresh ``sitrep run`` (its own temporary Prefect server, its own warehouse) on
``bench.heavy.copies(N)``: the five seed articles copied N/5 times each, every copy a distinct
document from one of 500 outlets, dated as the original. Printed per N: wall seconds, growth
from the N before (against the growth of N), and what the published warehouse says of 21
February 2026: its events, each with ``n_documents`` and ``n_sources``. The five seeds alone
give two such events (Mayadin and Ar Raqqah); N copies must give the same two, counting every
copy and every outlet.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.heavy import copies

DEFAULT_SIZES = (500, 1000, 2000, 15000)
EVENTS_ON_DAY = Path(__file__).parent / "sql" / "heavy_run_day.sql"


def run_once(work: Path, n: int, workers: int) -> dict[str, Any]:
    """Write N copies, time ``sitrep run`` on them, read the published day's events."""
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "copies.jsonl"
    with corpus.open("w") as f:
        f.writelines(json.dumps(r) + "\n" for r in copies(n))
    warehouse = work / "sitrep.duckdb"
    cmd = [
        str(Path(sys.executable).with_name("sitrep")),
        "run",
        "--input",
        str(corpus),
        "--warehouse",
        str(warehouse),
        "--workers",
        str(workers),
    ]
    t0 = time.perf_counter()
    with (work / "run.log").open("w") as log:
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, check=False)
    wall = time.perf_counter() - t0
    out: dict[str, Any] = {"n": n, "seconds": wall, "exit": proc.returncode}
    if proc.returncode == 0:
        out["events"] = day_events(warehouse)
    return out


def day_events(warehouse: Path) -> list[dict[str, Any]]:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        cur = con.execute(EVENTS_ON_DAY.read_text())
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        "| copies of one story | `sitrep run` wall s | growth (N growth) | events on 21 Feb 2026 "
        "(n_documents / n_sources) |",
        "|---:|---:|---|---|",
    ]
    before: dict[str, Any] | None = None
    for r in results:
        growth = (
            f"{r['seconds'] / before['seconds']:.2f} ({r['n'] / before['n']:.1f})"
            if before and r["exit"] == 0 and before["exit"] == 0
            else ""
        )
        day = (
            "; ".join(
                f"{e['location']} ({e['n_documents']:,} / {e['n_sources']:,})" for e in r["events"]
            )
            if r["exit"] == 0
            else f"run failed (exit {r['exit']})"
        )
        lines.append(f"| {r['n']:,} | {r['seconds']:.1f} | {growth} | {day} |")
        before = r
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m bench.heavy_run", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-heavy-run-"))
    results = []
    for n in args.sizes or DEFAULT_SIZES:
        print(f"sitrep run on {n:,} copies ...", file=sys.stderr, flush=True)
        results.append(run_once(work / f"n{n}", n, args.workers))
        (work / "heavy_run.json").write_text(json.dumps(results, indent=2, default=str))
    print(report(results))
    print(f"\n(results: {work / 'heavy_run.json'})")


if __name__ == "__main__":
    main()
