"""The "one heavy story" case: N copies of a few articles about the same attacks against N
unrelated stories of the same size, each run end to end by stage in a fresh process.

    python -m bench.heavy [--sizes 2000,8000] [--kinds heavy,unrelated] [--workers K]
                          [--timeout S] [--workdir DIR]

A heavily covered attack is republished by hundreds or thousands of outlets; counting it once
must cost what counting N different attacks costs. The heavy corpus is the five seed articles
(two attacks on 21 February 2026 and their background), each copied N/5 times as a distinct
document (its own sign-off and outlet, dated as the original); the unrelated corpus is the
benchmark corpus (``bench.corpus``, ~3 KB articles, as the seeds). Each is measured by
``bench.measure direct`` (stages called directly, then a re-run with nothing new and a run
with 1% more documents: for the heavy story, 1% more copies). Printed: wall seconds per stage,
growth from each N to the next, heavy / unrelated at each N, and the targets of issue 12
(8,000 copies <= 3x 8,000 unrelated documents; t(8,000) / t(2,000) <= 5; +1% < 10% of a full
run, by wall time and by CPU seconds). ``make bench`` runs N = 2,000 and 8,000;
``--sizes 2000,8000,32000,100000`` the full case; ``--sizes 100000 --kinds heavy`` the +1%
target alone (the heavy story's full run, its re-run and its +1% run, no unrelated corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.measure import EXTRA_SHARE, make_corpus
from bench.run_all import FLOOR_RATIO_MAX, _err, _measure, _s

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles"
DEFAULT_SIZES = (2000, 8000)
QUICK_SIZES = (500, 2000)
OUTLETS = 500  # distinct outlets republishing the story
HEAVY_OVER_UNRELATED_MAX = 3.0
GROWTH_MAX = 5.0  # t(8,000) / t(2,000): 4x the documents
PLUS_SHARE_MAX = 0.10
STAGES = ("ingest", "extract", "resolve", "build", "validate", "publish")
KINDS = ("unrelated", "heavy")


def copies(n: int, start: int = 0) -> list[dict[str, Any]]:
    """Copies ``start`` .. ``start + n - 1`` of the seed articles, each a distinct document."""
    texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    out = []
    for i in range(start, start + n):
        out.append(
            {
                "id": f"copy{i:07d}",
                "title": None,
                "source": f"Republisher {i % OUTLETS}",
                "url": f"https://republisher{i % OUTLETS}.example/story/{i}",
                "published": None,  # read from the text, as for the original
                "text": f"{texts[i % len(texts)]}\n\nRepublished by desk {i}.",
                "format": "text",
            }
        )
    return out


def make_heavy(work: Path, n: int) -> dict[str, Any]:
    """W/corpus/articles.jsonl (n copies) and extra.jsonl (the next 1%), as ``make_corpus``."""
    out = work / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    n_extra = max(1, round(n * EXTRA_SHARE))
    for name, rows in (("articles", copies(n)), ("extra", copies(n_extra, n))):
        with (out / f"{name}.jsonl").open("w") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
    return {"n": n, "n_extra": n_extra}


def measure(
    sizes: list[int],
    work: Path,
    workers: int,
    timeout: float | None,
    kinds: tuple[str, ...] = KINDS,
) -> dict:
    results: dict[str, dict[str, Any]] = {}
    for n in sizes:
        for kind in kinds:
            w = work / f"{kind}{n}"
            print(f"heavy story case: {kind}, N = {n:,} ...", file=sys.stderr, flush=True)
            (make_heavy if kind == "heavy" else lambda w, n: make_corpus(w, n, 7))(w, n)
            results.setdefault(str(n), {})[kind] = _measure(
                "direct", w, timeout, "--workers", str(workers)
            )
            (work / "heavy.json").write_text(json.dumps(results, indent=2, default=str))
    return results


def _total(d: dict[str, Any]) -> float | None:
    full = d.get("full", {})
    return None if _err(full) else full["seconds"]


def _floor_ratio(d: dict[str, Any]) -> float | None:
    """End-to-end wall seconds over the tokenisation floor of the same texts."""
    full, floor = _total(d), (d.get("floor") or {}).get("seconds")
    return full / floor if full and floor else None


def report(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "## One heavy story (issue 12)",
        "",
        "| N | corpus | " + " | ".join(STAGES) + " | end to end s | +1% s (share) | events "
        "| peak RSS MB |",
        "|---|---|" + "---:|" * (len(STAGES) + 4),
    ]
    for n, kinds in results.items():
        for kind, d in kinds.items():
            full = d.get("full", {})
            if _err(full):
                lines.append(f"| {n} | {kind} | failed: {_err(d) or _err(full)} |")
                continue
            st = full.get("stages", {})
            plus = d.get("plus_1pct", {})
            plus_s = (
                f"{_s(plus['seconds'])} ({plus['seconds'] / full['seconds']:.1%})"
                if not _err(plus)
                else "n/a"
            )
            events = st.get("build", {}).get("counts", {}).get("events", "n/a")
            cells = [_s(st.get(s, {}).get("seconds")) for s in STAGES]
            peak = (d.get("peak_rss_mb") or {}).get("self", "n/a")
            lines.append(
                f"| {n} | {kind} | " + " | ".join(cells) + f" | {_s(full['seconds'])} | "
                f"{plus_s} | {events} | {peak} |"
            )
    lines += ["", "Growth (end to end, next N / this N) and heavy / unrelated:", ""]
    ns = sorted(results, key=int)
    for kind in ("unrelated", "heavy"):
        for a, b in zip(ns, ns[1:], strict=False):
            ta, tb = (_total(results[x].get(kind, {})) for x in (a, b))
            if ta and tb:
                lines.append(f"- {kind}: t({int(b):,}) / t({int(a):,}) = {tb / ta:.2f}")
    for n in ns:
        th, tu = (_total(results[n].get(k, {})) for k in ("heavy", "unrelated"))
        if th and tu:
            lines.append(f"- N = {int(n):,}: heavy / unrelated = {th / tu:.2f}")
    lines += ["", "Targets:", ""] + _targets(results)
    return "\n".join(lines)


def _targets(results: dict[str, dict[str, Any]]) -> list[str]:
    def mark(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    out = []
    h8, u8 = (_total(results.get("8000", {}).get(k, {})) for k in ("heavy", "unrelated"))
    if h8 and u8:
        ratio = h8 / u8
        out.append(
            f"- 8,000 copies / 8,000 unrelated: {ratio:.2f} "
            f"(target <= {HEAVY_OVER_UNRELATED_MAX:.0f}): {mark(ratio <= HEAVY_OVER_UNRELATED_MAX)}"
        )
    h2 = _total(results.get("2000", {}).get("heavy", {}))
    if h2 and h8:
        out.append(
            f"- heavy t(8,000) / t(2,000): {h8 / h2:.2f} (target <= {GROWTH_MAX:.0f}): "
            f"{mark(h8 / h2 <= GROWTH_MAX)}"
        )
    for n in sorted(results, key=int):  # 100,000 copies within 20x the floor, as unrelated
        ratios = {k: _floor_ratio(results[n].get(k, {})) for k in ("heavy", "unrelated")}
        if ratios["heavy"]:
            out.append(
                f"- end to end / floor at {int(n):,}: heavy {ratios['heavy']:.0f}x, unrelated "
                + (f"{ratios['unrelated']:.0f}x" if ratios["unrelated"] else "n/a")
                + f" (target <= {FLOOR_RATIO_MAX} at 100,000): "
                + mark(ratios["heavy"] <= FLOOR_RATIO_MAX)
            )
    for n in sorted(results, key=int):  # the target is the largest N's; each N shows the trend
        d = results[n].get("heavy", {})
        plus, full = d.get("plus_1pct", {}), _total(d)
        if full and not _err(plus):
            share = plus["seconds"] / full
            resolve = plus.get("stages", {}).get("resolve", {}).get("seconds")
            out.append(
                f"- +1% copies on {int(n):,}: {share:.1%} of the full run, resolve "
                f"{_s(resolve)} s (target < {PLUS_SHARE_MAX:.0%}): {mark(share < PLUS_SHARE_MAX)}"
            )
            out += _cpu_share(int(n), plus, d.get("full", {}), mark)
    return out or ["- not measured"]


def _cpu_share(n: int, plus: dict[str, Any], full: dict[str, Any], mark: Any) -> list[str]:
    """The +1% run's CPU seconds over the full run's (this process and its reaped children):
    on a shared machine the fairer figure, as long as both ran at the same load."""
    cpu_plus, cpu_full = plus.get("cpu_seconds"), full.get("cpu_seconds")
    if not cpu_plus or not cpu_full:
        return []
    share = cpu_plus / cpu_full
    return [
        f"- +1% copies on {n:,}, CPU: {_s(cpu_plus)} of {_s(cpu_full)} s, {share:.1%} "
        f"(target < {PLUS_SHARE_MAX:.0%}): {mark(share < PLUS_SHARE_MAX)}"
    ]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.heavy", description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None)
    ap.add_argument(
        "--kinds",
        type=lambda s: tuple(s.split(",")),
        default=KINDS,
        help="corpora to measure: heavy, unrelated or both (default)",
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=None, help="seconds per measurement")
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-heavy-"))
    sizes = list(args.sizes or DEFAULT_SIZES)
    results = measure(sizes, work, args.workers, args.timeout, args.kinds)
    print(report(results))
    print(f"\n(results: {work / 'heavy.json'})")


if __name__ == "__main__":
    main()
