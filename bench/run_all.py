"""``make bench``: the issue-7 figures for N = 10,000 and N = 100,000 articles, each measured in
fresh processes (``bench/measure.py``), printed as Markdown for the issue's closing note.

    python -m bench.run_all [--quick] [--sizes 10000,100000] [--workers K] [--chunk-size C]
                            [--events 1000000] [--workdir DIR] [--no-flow] [--timeout S]

Per N: corpus generation; the pipeline's stages called directly (wall time, documents/s, core
time of the chunk stages), the floor (one ``re.findall(r"\\w+")`` pass over the same texts),
validation, a re-run with no new input and a run with 1% new documents; then the Prefect flow on
the same corpus (its wall time against the direct stages is Prefect's share). Last, the
``attacks_by_location`` mart over 1M synthetic events. Results also go to DIR/results.json.
Targets are checked here, never by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# The targets.
EXTRACTION_DOCS_PER_CORE_S = 1000
FLOOR_RATIO_MAX = 20
PREFECT_SHARE_MAX = 0.10
QUERY_MS_MAX = 100
RSS_GROWTH_MAX = 1.5
QUICK_SIZES = (1000,)
FULL_SIZES = (10_000, 100_000)


def _measure(mode: str, work: Path, timeout: float | None, *extra: str) -> dict[str, Any]:
    """Run ``bench.measure <mode>`` in a fresh process; its JSON, or what went wrong."""
    work.mkdir(parents=True, exist_ok=True)
    log = work / f"{mode}.log"
    cmd = [sys.executable, "-m", "bench.measure", mode, "--dir", str(work), *extra]
    t0 = time.perf_counter()
    try:
        with log.open("w") as err:
            proc = subprocess.run(
                cmd, stdout=subprocess.PIPE, stderr=err, text=True, timeout=timeout, check=False
            )
    except subprocess.TimeoutExpired:
        return _partial(work, mode, f"timed out after {timeout:.0f} s (log: {log})")
    wall = time.perf_counter() - t0
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return _partial(work, mode, f"exit {proc.returncode} (log: {log})")
    out = json.loads(lines[-1])
    out["process_wall_seconds"] = wall
    return out


def _partial(work: Path, mode: str, why: str) -> dict[str, Any]:
    """What a cut-short measurement saved before it stopped, marked incomplete."""
    path = work / f"{mode}.partial.json"
    out = json.loads(path.read_text()) if path.exists() else {}
    out["incomplete"] = why
    if "full" not in out:
        out["error"] = why
    return out


def _rate(n: float | None, seconds: float | None) -> str:
    return f"{n / seconds:,.0f}" if n and seconds else "n/a"


def _s(x: float | None) -> str:
    return f"{x:,.2f}" if isinstance(x, (int, float)) else "n/a"


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _cell(text: object, width: int = 90) -> str:
    """One table cell: one line, pipes escaped, cut to ``width``."""
    s = " ".join(str(text).split()).replace("|", "/")
    return s if len(s) <= width else s[: width - 3] + "..."


def _err(d: Any) -> str | None:
    """Why a measurement has no result (failed, cut short, absent); None when it is complete."""
    if not isinstance(d, dict) or not d:
        return "not measured"
    if d.get("error"):
        return str(d["error"])
    if "seconds" not in d and "median_ms" not in d:
        return str(d.get("incomplete", "incomplete"))
    return None


def report(results: dict[str, Any]) -> str:
    """The Markdown the issue's closing note quotes."""
    m = results["machine"]
    lines = [
        "## sitrep benchmark",
        "",
        f"{m['cores']} cores, Python {m['python']}, {m['platform']}; workers {m['workers']}, "
        f"chunk size {m['chunk_size']}; started {m['started']}.",
        "",
        "| N | stage | wall s | documents/s | core s (chunk tasks) |",
        "|---|---|---:|---:|---:|",
    ]
    for n, r in results["sizes"].items():
        d = r.get("direct", {})
        full = d.get("full", {}) if isinstance(d, dict) else {}
        docs = full.get("documents_loaded") or int(n)
        for name, st in full.get("stages", {}).items():
            core = _s(st.get("core_seconds")) if "core_seconds" in st else ""
            rate = _rate(docs, st["seconds"]) if st["seconds"] >= 0.01 else "-"
            note = f" ({_cell(st['error'], 60)})" if st.get("error") else ""
            lines.append(_row(n, name, _s(st["seconds"]) + note, rate, core))
        if _err(full):
            lines.append(_row(n, "direct run", _cell(f"failed: {_err(d) or _err(full)}"), "", ""))
            continue
        lines.append(
            _row(
                n, "**end to end (direct)**", _s(full["seconds"]), _rate(docs, full["seconds"]), ""
            )
        )
        f = r.get("flow", {})
        if not _err(f):
            failed = f" (failed: {_cell(f['failed'], 60)})" if f.get("failed") else ""
            lines.append(
                _row(
                    n,
                    "**end to end (Prefect flow)**",
                    _s(f["seconds"]) + failed,
                    _rate(docs, f["seconds"]),
                    "",
                )
            )
    lines += [
        "",
        "| N | corpus s | floor s | floor ratio (direct / flow) | Prefect share | peak RSS MB "
        "main / largest worker | validation s | re-run, no new input s (direct / flow) | "
        "+1% documents s "
        "(share of full) | event ids kept |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in results["sizes"].items():
        d, f = r.get("direct", {}), r.get("flow", {})
        full = d.get("full", {}) if isinstance(d, dict) else {}
        if _err(full):
            continue
        floor = d["floor"]["seconds"]
        flow_s = None if _err(f) else f["seconds"]
        ratio = f"{full['seconds'] / floor:,.0f} / " + (
            f"{flow_s / floor:,.0f}" if flow_s else "n/a"
        )
        share = f"{(flow_s - full['seconds']) / flow_s:.1%}" if flow_s else "n/a"
        if flow_s and f.get("cpu_seconds") and full.get("cpu_seconds"):
            share += f" (CPU: {(f['cpu_seconds'] - full['cpu_seconds']) / f['cpu_seconds']:.1%})"
        rss = d.get("peak_rss_mb", {})
        if flow_s:
            rss_f = f.get("peak_rss_mb", {})
            rss = {k: max(rss.get(k, 0), rss_f.get(k, 0)) for k in ("self", "largest_child")}
        val = full["stages"].get("validate", {})
        rerun, plus = d.get("rerun_no_new_input", {}), d.get("plus_1pct", {})
        plus_s = (
            f"{_s(plus['seconds'])} ({plus['seconds'] / full['seconds']:.1%})"
            if not _err(plus)
            else _cell(_err(plus), 60)
        )
        kept = d.get("event_ids_kept")
        kept_s = f"{kept['kept']:,} of {kept['before']:,}" if kept else "n/a"
        lines.append(
            f"| {n} | {_s(r['corpus'].get('seconds'))} | {_s(floor)} | {ratio} | {share} | "
            f"{rss.get('self', 'n/a')} / {rss.get('largest_child', 'n/a')} | "
            f"{_s(val.get('seconds'))}{' (' + _cell(_err(val), 60) + ')' if _err(val) else ''} | "
            f"{_s(rerun.get('seconds')) if not _err(rerun) else _cell(_err(rerun), 60)} / "
            f"{_s(f.get('rerun_seconds')) if flow_s else 'n/a'} | "
            f"{plus_s} | {kept_s} |"
        )
    q = results.get("query", {})
    lines += ["", "Targets:", ""]
    lines += _targets(results)
    if not _err(q):
        lines.append(
            f"\n`attacks_by_location` over {q['events']:,} events: {q['median_ms']:.1f} ms median "
            f"(the mart, a table built with the warehouse; {q['aggregate_median_ms']:.1f} ms to "
            "aggregate the events at query time)."
        )
    else:
        lines.append(f"\n`attacks_by_location`: failed: {_err(q)}")
    return "\n".join(lines)


def _targets(results: dict[str, Any]) -> list[str]:
    out = []
    sizes = results["sizes"]

    def mark(ok: bool | None) -> str:
        return "n/a" if ok is None else ("PASS" if ok else "FAIL")

    big = sizes[max(sizes, key=int)] if sizes else {}
    full = big.get("direct", {}).get("full", {}) if isinstance(big.get("direct"), dict) else {}
    if not _err(full):
        ex = full["stages"].get("extract", {})
        docs = ex.get("documents") or full.get("documents_loaded") or 0
        core = ex.get("core_seconds", 0)
        per_core = docs / core if core else None
        steps = {
            k: docs / ex[f"{k}_cpu_seconds"] if ex.get(f"{k}_cpu_seconds") else None
            for k in ("mentions", "reports")
        }
        out.append(
            f"- attack-event extraction per core: {steps['reports'] or 0:,.0f} documents/s "
            f"(target >= {EXTRACTION_DOCS_PER_CORE_S:,}): "
            f"{mark(bool(steps['reports']) and steps['reports'] >= EXTRACTION_DOCS_PER_CORE_S)}"
            f"; entity detection {steps['mentions'] or 0:,.0f} documents/s per core (issue 3's "
            f"target >= 2,000); the whole chunk stage with its Parquet reads and writes "
            f"{per_core or 0:,.0f} documents/s per core"
        )
        floor = big["direct"]["floor"]["seconds"]
        f = big.get("flow", {})
        e2e = f["seconds"] if not _err(f) else full["seconds"]
        what = "flow" if not _err(f) else "direct stages, no flow run"
        out.append(
            f"- end to end at N = {max(sizes, key=int)}: {e2e / floor:,.0f} x the floor ({what}; "
            f"target <= {FLOOR_RATIO_MAX}): {mark(e2e / floor <= FLOOR_RATIO_MAX)}"
        )
        if not _err(f):
            share = (f["seconds"] - full["seconds"]) / f["seconds"]
            out.append(
                f"- Prefect share of wall time: {share:.1%} (target <= {PREFECT_SHARE_MAX:.0%}): "
                f"{mark(share <= PREFECT_SHARE_MAX)}"
            )
        plus = big.get("direct", {}).get("plus_1pct", {})
        if not _err(plus):
            out.append(
                f"- +1% documents: {plus['seconds'] / full['seconds']:.1%} of a full run "
                "(target: about 1% plus a small constant)"
            )
    if len(sizes) >= 2:
        small, large = (sizes[k] for k in sorted(sizes, key=int)[:1] + sorted(sizes, key=int)[-1:])
        peaks = []
        for r in (small, large):
            rss = (
                r.get("direct", {}).get("peak_rss_mb", {})
                if isinstance(r.get("direct"), dict)
                else {}
            )
            peaks.append(max(rss.values()) if rss else None)
        if all(peaks):
            growth = peaks[1] / peaks[0]
            out.append(
                f"- peak RSS, largest N / smallest N: {growth:.2f} (target <= {RSS_GROWTH_MAX}): "
                f"{mark(growth <= RSS_GROWTH_MAX)}"
            )
    q = results.get("query", {})
    if not _err(q):
        out.append(
            f"- attacks_by_location over {q['events']:,} events: {q['median_ms']:.1f} ms "
            f"(target < {QUERY_MS_MAX}): {mark(q['median_ms'] < QUERY_MS_MAX)}"
        )
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="N = 1,000 and 100k events only")
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--chunk-size", type=int, default=None)
    ap.add_argument("--events", type=int, default=None)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--no-flow", action="store_true", help="skip the Prefect flow runs")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per measurement")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--heavy-sizes",
        type=lambda s: [int(x) for x in s.split(",") if int(x)],
        default=None,
        help="N of the heavy-story case (bench/heavy.py; default 2000,8000; 0 skips it)",
    )
    args = ap.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    n_events = args.events if args.events is not None else (100_000 if args.quick else 1_000_000)
    if args.chunk_size is None:
        from flows.settings import CHUNK_SIZE

        args.chunk_size = CHUNK_SIZE
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(terse=True),
            "workers": args.workers,
            "chunk_size": args.chunk_size,
            "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        },
        "sizes": {},
    }
    common = ["--workers", str(args.workers), "--chunk-size", str(args.chunk_size)]

    def save() -> None:
        (work / "results.json").write_text(json.dumps(results, indent=2, default=str))

    for n in sizes:
        w = work / f"n{n}"
        r: dict[str, Any] = {}
        results["sizes"][str(n)] = r
        print(f"N = {n:,}: corpus ...", file=sys.stderr, flush=True)
        made = w / "corpus" / "made.json"
        if (
            made.exists()
            and json.loads(made.read_text())["n"] == n
            and json.loads(made.read_text())["seed"] == args.seed
        ):  # same corpus already there (e.g. made before a timed run)
            r["corpus"] = json.loads(made.read_text()) | {"reused": True}
        else:
            r["corpus"] = _measure(
                "corpus", w, args.timeout, "--n", str(n), "--seed", str(args.seed)
            )
        save()
        print(f"N = {n:,}: stages called directly ...", file=sys.stderr, flush=True)
        r["direct"] = _measure("direct", w, args.timeout, *common)
        save()
        if not args.no_flow:
            print(f"N = {n:,}: Prefect flow ...", file=sys.stderr, flush=True)
            r["flow"] = _measure("flow", w, args.timeout, *common)
            save()
    from bench import heavy

    heavy_sizes = args.heavy_sizes if args.heavy_sizes is not None else heavy.DEFAULT_SIZES
    if args.quick and args.heavy_sizes is None:
        heavy_sizes = heavy.QUICK_SIZES
    if heavy_sizes:
        results["heavy"] = heavy.measure(
            list(heavy_sizes), work / "heavy", args.workers, args.timeout
        )
        save()
    if n_events:  # --events 0 skips the mart timing
        print(f"attacks_by_location over {n_events:,} events ...", file=sys.stderr, flush=True)
        results["query"] = _measure("query", work, args.timeout, "--events", str(n_events))
        save()
    print(report(results))
    if results.get("heavy"):
        print("\n" + heavy.report(results["heavy"]))
    print(f"\n(results: {work / 'results.json'})")


if __name__ == "__main__":
    main()
