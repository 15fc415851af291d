"""One benchmark measurement in a fresh process (``bench/run_all.py`` starts one per mode and N,
so each peak RSS belongs to one run). Prints one JSON object on its last stdout line.

    python -m bench.measure corpus --dir W --n 10000        # W/corpus/articles.jsonl + extra.jsonl
    python -m bench.measure direct --dir W [--workers K] [--chunk-size C]
    python -m bench.measure flow   --dir W [--workers K] [--chunk-size C]
    python -m bench.measure query  --dir W --events 1000000

``direct`` calls the stages of ``flows/stages.py`` as plain functions (chunk stages on a process
pool of K workers, as the flow does), then the floor, validation and the incremental re-runs;
``flow`` runs the same stages as the Prefect flow. Both read only W/corpus/articles.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXTRA_SHARE = 0.01  # the incremental run adds this share of new documents
FLOOR_PASSES = 3
WORD = re.compile(r"\w+")


def _peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child (MB)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(me, 1), "largest_child": round(kids, 1)}


def _timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


# -- corpus ------------------------------------------------------------------------------------
def make_corpus(work: Path, n: int, seed: int) -> dict[str, Any]:
    """W/corpus/articles.jsonl (n articles) and W/corpus/extra.jsonl (the next 1%)."""
    from bench import corpus

    out = work / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    n_extra = max(1, round(n * EXTRA_SHARE))
    t0 = time.perf_counter()
    dump = json.JSONEncoder(ensure_ascii=False).encode
    with (
        (out / "articles.jsonl").open("w", encoding="utf-8") as main,
        (out / "extra.jsonl").open("w", encoding="utf-8") as extra,
    ):
        # The larger corpus starts with the smaller one: its tail is "1% new documents".
        for i, article in enumerate(corpus.iter_articles(n + n_extra, seed)):
            (main if i < n else extra).write(dump(article) + "\n")
    made = {"n": n, "n_extra": n_extra, "seed": seed, "seconds": time.perf_counter() - t0}
    (out / "made.json").write_text(json.dumps(made))  # lets run_all reuse the corpus
    return made


# -- floor -------------------------------------------------------------------------------------
def floor_seconds(path: Path, passes: int = FLOOR_PASSES) -> dict[str, Any]:
    """One pass of ``re.findall(r"\\w+", text)`` over the corpus texts: only the findall is
    timed, texts are streamed (the floor adds nothing to peak memory), and the fastest of
    ``passes`` passes is kept (the machine is shared; the floor should not absorb its noise)."""
    best = float("inf")
    words = docs = 0
    for _ in range(passes):
        spent = 0.0
        words = docs = 0
        with path.open(encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                t0 = time.perf_counter()
                words += len(WORD.findall(text))
                spent += time.perf_counter() - t0
                docs += 1
        best = min(best, spent)
    return {"seconds": best, "documents": docs, "words": words, "passes": passes}


# -- direct ------------------------------------------------------------------------------------
def _cpu_seconds() -> float:
    """User + system CPU of this process and of its finished child processes."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _save_partial() -> None:
    """Write what is measured so far: a run cut short by a timeout still reports its stages."""
    if _PARTIAL:
        path, res = _PARTIAL
        res["peak_rss_mb"] = _peak_rss_mb()  # so far: a killed run still tells its memory
        path.write_text(json.dumps(res, default=str))


_PARTIAL: tuple[Path, dict[str, Any]] | None = None


class _Stages(dict):
    """Per-stage figures; every stage recorded is saved at once and logged to stderr."""

    def __setitem__(self, stage: str, figures: Any) -> None:
        # the process's peak so far: where it rises tells which stage set it
        figures = {**figures, "peak_rss_mb_so_far": _peak_rss_mb()["self"]}
        super().__setitem__(stage, figures)
        print(f"{stage}: {figures.get('seconds', 0):.1f} s", file=sys.stderr, flush=True)
        _save_partial()


def run_stages(settings: Any, workers: int, out: dict[str, Any]) -> dict[str, Any]:
    """The flow's stages called directly, filling ``out``: wall time per stage, core seconds of
    the chunk stages, total wall time."""
    from flows import ingest, stages

    out["stages"] = _Stages()
    lake = stages.open_lake(settings)
    now = stages.utcnow()
    run_id = stages.new_run_id(now)
    t_all, cpu_all = time.perf_counter(), _cpu_seconds()
    basis = stages.published_basis(lake, run_id)  # as the flow does, before any write
    summary, dt = _timed(ingest.ingest_stage, lake, settings, run_id, now, workers)
    out["stages"]["ingest"] = {"seconds": dt, "documents_new": summary.documents_new}
    out["documents_loaded"] = summary.documents_loaded
    # The flow's extraction stage as the flow runs it: chunks on spawned worker processes.
    t0, cpu0 = time.perf_counter(), _cpu_seconds()
    chunks = stages.pending_chunks(lake)
    if stages.nothing_new(lake, settings, summary, chunks):
        # as the flow does: the published file is current; the run is only recorded
        stages.write_run(
            lake,
            {
                "run_id": run_id,
                "started_at": now,
                "finished_at": stages.utcnow(),
                "status": "unchanged",
                "inputs_seen": summary.inputs_seen,
                "documents_loaded": summary.documents_loaded,
                "documents_rejected": summary.documents_rejected,
                "documents_new": 0,
            },
        )
        out["stages"]["extract"] = {"seconds": time.perf_counter() - t0, "chunks": 0}
        out["nothing_new"] = True
        out["seconds"] = time.perf_counter() - t_all
        out["cpu_seconds"] = _cpu_seconds() - cpu_all
        out["run_id"] = run_id
        _save_partial()
        return out
    from flows import validator

    validator.warm()  # as the flow does: GX's import overlaps the stages
    results = stages.extract_chunks(lake, chunks, workers)
    out["stages"]["extract"] = {
        "seconds": time.perf_counter() - t0,
        "chunks": len(chunks),
        "documents": sum(c.rows for c, _ in results),
        "mentions": sum(x.mentions for _, x in results),
        "reports": sum(x.reports for _, x in results),
        # CPU of each step inside the chunk tasks (the workers' own clocks)
        "mentions_cpu_seconds": sum(x.mentions_cpu for _, x in results),
        "reports_cpu_seconds": sum(x.reports_cpu for _, x in results),
        # this process plus its reaped worker processes
        "core_seconds": _cpu_seconds() - cpu0,
    }
    (resolved, merged), dt = _timed(stages.resolve_stage, lake)
    out["stages"]["resolve"] = {"seconds": dt, **resolved}
    changes = summary.changes.add(stages.extracted_changes(lake, chunks)).add(merged)
    t0 = time.perf_counter()
    run_row = {
        "run_id": run_id,
        "started_at": now,
        "status": "published",
        "inputs_seen": summary.inputs_seen,
        "documents_loaded": summary.documents_loaded,
        "documents_rejected": summary.documents_rejected,
    }
    staged, counts, changed = stages.build_stage(
        lake, settings, run_id, run_row, changes=changes, basis=basis
    )
    out["stages"]["build"] = {
        "seconds": time.perf_counter() - t0,
        "counts": counts,
        # what the build reports it changed (the rows the gate checks); None: built whole
        "changed_rows": None
        if changed is None
        else {t: len(c.keys or ()) for t, c in changed.items()},
    }
    out["stages"]["validate"] = validation(lake, settings, run_id, staged, changed)
    _, dt = _timed(stages.publish_stage, settings, staged)
    stages.write_run(lake, run_row)
    stages.mark_published(lake, run_id)
    out["stages"]["publish"] = {"seconds": dt}
    out["seconds"] = time.perf_counter() - t_all
    # CPU seconds (this process and reaped workers): on a shared machine the fairer comparison
    out["cpu_seconds"] = _cpu_seconds() - cpu_all
    out["run_id"] = run_id
    _save_partial()
    return out


def validation(
    lake: Any, settings: Any, run_id: str, staged: str, changed: Any = None
) -> dict[str, Any]:
    """The flow's audit step (``flows/gate.py``); a critical failure is recorded, not raised,
    so the benchmark still publishes and carries on, as the flow would not."""
    t0 = time.perf_counter()
    try:
        from flows import gate
    except ImportError as exc:
        return {"seconds": 0.0, "error": f"no validation stage: {exc}"}
    try:
        audit = gate.validate_stage(lake, settings, run_id, staged, changed)
        outcome = {"checked": audit.get("checked"), "warnings": len(audit.get("warnings", []))}
    except Exception as exc:  # noqa: BLE001 - a failed expectation is a finding, not a crash
        outcome = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    return {"seconds": time.perf_counter() - t0, **outcome}


def _event_ids(settings: Any) -> set[str]:
    from transforms import schemas
    from warehouse.lake import Lake

    table = Lake(settings.lake_root).read("events", schemas.EVENTS, ["event_id"])
    return set(table.column("event_id").to_pylist())


def direct(work: Path, workers: int, chunk_size: int) -> dict[str, Any]:
    from flows.settings import RunSettings

    corpus_dir = work / "corpus"
    root = work / "direct"
    shutil.rmtree(root, ignore_errors=True)
    settings = RunSettings(
        inputs=(str(corpus_dir / "articles.jsonl"),),
        warehouse=str(root / "sitrep.duckdb"),
        chunk_size=chunk_size,
    )
    global _PARTIAL
    res: dict[str, Any] = {"workers": workers, "chunk_size": chunk_size}
    _PARTIAL = (work / "direct.partial.json", res)
    res["floor"] = floor_seconds(corpus_dir / "articles.jsonl")
    res["full"] = {}
    res["full"] = _guard(run_stages, settings, workers, res["full"])
    res["peak_rss_mb_full"] = res["peak_rss_mb"] = _peak_rss_mb()
    _save_partial()
    if "error" in res["full"]:
        return res
    before = _guard(_event_ids, settings)
    _docs_built(settings)
    res["rerun_no_new_input"] = {}
    res["rerun_no_new_input"] = _guard(run_stages, settings, workers, res["rerun_no_new_input"])
    plus = RunSettings(
        inputs=(str(corpus_dir / "articles.jsonl"), str(corpus_dir / "extra.jsonl")),
        warehouse=settings.warehouse,
        chunk_size=chunk_size,
    )
    _docs_built(settings)
    res["plus_1pct"] = {}
    res["plus_1pct"] = _guard(run_stages, plus, workers, res["plus_1pct"])
    after = _guard(_event_ids, settings)
    if isinstance(before, set) and isinstance(after, set):
        res["event_ids_kept"] = {"before": len(before), "kept": len(before & after)}
    res["peak_rss_mb"] = _peak_rss_mb()
    _docs_built(settings)  # the next measurement (another corpus) starts on an idle machine
    return res


def _docs_built(settings: Any) -> None:
    """Wait for the previous run's Data Docs (rendered by a detached process after its verdict):
    each measured run starts on an idle machine, as scheduled runs do; then reap that process,
    so its CPU is charged to no later run."""
    from expectations import docs
    from flows.gate import docs_dir

    docs.wait(docs_dir(settings), timeout=180)
    reap_detached()


def reap_detached(timeout: float = 30.0) -> bool:
    """Reap the finished child processes started with ``subprocess.Popen`` and let go (the Data
    Docs renderer, ``expectations.docs.build_later``); False if one still runs after
    ``timeout`` seconds.

    A child's CPU reaches RUSAGE_CHILDREN (``_cpu_seconds``) only when it is reaped, and
    ``subprocess`` reaps a Popen let go only when the next Popen starts: the next run's gate.
    Unreaped, a full run's rendering (GX's import and the site) was charged to the +1% run
    measured after it in the same process."""
    deadline = time.monotonic() + timeout
    while True:
        subprocess._cleanup()  # what each new Popen does first: waits for the finished ones
        if not subprocess._active or time.monotonic() >= deadline:
            return not subprocess._active
        time.sleep(0.05)


def _guard(fn: Callable[..., Any], *args: Any) -> Any:
    """Run one measurement; a failing stage (others' code mid-edit) is reported, not fatal."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - the report must carry on and say what failed
        traceback.print_exc()
        return {"error": f"{type(exc).__name__}: {exc}"[:500]}


# -- flow --------------------------------------------------------------------------------------
def flow(work: Path, workers: int, chunk_size: int) -> dict[str, Any]:
    """The Prefect flow on the same corpus, after Prefect's local server is up."""
    os.environ.setdefault("PREFECT_HOME", str(work / "prefect-home"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect import flow as prefect_flow

    from flows.pipeline import configured_flow

    root = work / "flow"
    shutil.rmtree(root, ignore_errors=True)

    @prefect_flow(name="bench-warm-up")
    def warm_up() -> int:
        return 1

    _, server_start = _timed(warm_up)  # starts the temporary server: not part of a run
    run = configured_flow()
    out: dict[str, Any] = {"server_start_seconds": server_start}
    t0, cpu0 = time.perf_counter(), _cpu_seconds()
    try:
        result = run(
            inputs=[str(work / "corpus" / "articles.jsonl")],
            warehouse=str(root / "sitrep.duckdb"),
            chunk_size=chunk_size,
            workers=workers,
        )
        out.update(
            events_total=result.get("events_total"), documents_new=result.get("documents_new")
        )
    except Exception as exc:  # noqa: BLE001 - a run that fails its audit still timed every stage
        # A critical expectation stops the flow before publishing: its time still counts (the
        # publish step it skips takes milliseconds), so the failure is reported beside it.
        out["failed"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    out["seconds"] = time.perf_counter() - t0
    # the flow's own process and its reaped workers; not Prefect's server process
    out["cpu_seconds"] = _cpu_seconds() - cpu0
    out["peak_rss_mb"] = _peak_rss_mb()
    if "failed" not in out:  # the same flow again, nothing new: the published file is current
        again, out["rerun_seconds"] = _timed(
            lambda: run(
                inputs=[str(work / "corpus" / "articles.jsonl")],
                warehouse=str(root / "sitrep.duckdb"),
                chunk_size=chunk_size,
                workers=workers,
            )
        )
        out["rerun_status"] = again.get("status")
    return out


# -- query -------------------------------------------------------------------------------------
def query(work: Path, n_events: int, repeats: int = 7) -> dict[str, Any]:
    """``attacks_by_location`` over ``n_events`` synthetic events in a warehouse file."""
    import duckdb

    from bench.synthetic_events import events_table
    from transforms import catalog
    from warehouse.db import build_models

    path = work / "query.duckdb"
    path.unlink(missing_ok=True)
    events = events_table(n_events)
    with duckdb.connect(str(path)) as con:
        for name, schema in catalog.TABLES.items():
            con.register("_t", events if name == "events" else schema.empty_table())
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _t')
            con.unregister("_t")
        models = build_models(con)
        con.execute("CHECKPOINT")
    if "attacks_by_location" not in models:
        return {"error": "no attacks_by_location model", "models": models}
    with duckdb.connect(str(path), read_only=True) as con:
        rows = len(con.execute("select * from attacks_by_location").fetchall())  # warm-up
        mart = _median_ms(con, "select * from attacks_by_location", repeats)
        # the same aggregation computed at query time, for comparison
        sql = (
            Path(__file__).resolve().parents[1]
            / "warehouse/models/marts"
            / "attacks_by_location.sql"
        ).read_text()
        live = _median_ms(con, sql, repeats)
    return {"events": n_events, "rows": rows, "median_ms": mart, "aggregate_median_ms": live}


def _median_ms(con: Any, sql: str, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        con.execute(sql).fetchall()
        timings.append(time.perf_counter() - t0)
    return sorted(timings)[len(timings) // 2] * 1000


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.measure")
    ap.add_argument("mode", choices=("corpus", "direct", "flow", "query"))
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--chunk-size", type=int, default=None)
    ap.add_argument("--events", type=int, default=1_000_000)
    args = ap.parse_args(argv)
    from flows.settings import prepare_process

    prepare_process()  # as the CLI does: telemetry off, Arrow's system allocator (and workers')
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.chunk_size is None:
        from flows.settings import CHUNK_SIZE

        args.chunk_size = CHUNK_SIZE
    if args.mode == "corpus":
        res = make_corpus(args.dir, args.n, args.seed)
    elif args.mode == "direct":
        res = direct(args.dir, args.workers, args.chunk_size)
    elif args.mode == "flow":
        res = flow(args.dir, args.workers, args.chunk_size)
    else:
        res = query(args.dir, args.events)
    sys.stdout.write("\n" + json.dumps(res, default=str) + "\n")


if __name__ == "__main__":
    main()
