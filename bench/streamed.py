"""What the streamed-input benchmarks (``bench_warc``, ``bench_tables``) share: a file read
through by its reader in a fresh process (inputs/s, MB/s, peak RSS), a sample of its inputs
ingested for the cost of each, at N and 4N inputs."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


def measure(path: Path, read: Callable[[Path, int], Iterator], sample: int, keys: dict) -> dict:
    """In this process: read ``path`` through with ``read``, then ingest the first ``sample``
    inputs it loaded. ``keys`` names the figures: inputs, loaded, per_s, ms (the bench's words
    for them, "records", "pages", ...)."""
    from transforms.ingest import Rejected, ingest
    from warehouse.outlets import load_outlets

    t0 = time.perf_counter()
    inputs = loaded_inputs = 0
    kept = []
    for raw in read(path, MAX_BYTES):
        inputs += 1
        if raw.reject is None:
            loaded_inputs += 1
            if len(kept) < sample:
                kept.append(raw)
    read_s = time.perf_counter() - t0
    outlets = load_outlets()
    t0 = time.perf_counter()
    loaded = 0
    for raw in kept:
        try:
            ingest(raw, outlets)
            loaded += 1
        except Rejected:
            pass
    ingest_s = time.perf_counter() - t0
    size_mb = path.stat().st_size / 1e6
    return {
        keys["inputs"]: inputs,
        keys["loaded"]: loaded_inputs,
        "file_mb": round(size_mb, 1),
        "read_s": round(read_s, 2),
        keys["per_s"]: round(inputs / read_s),
        "mb_per_s": round(size_mb / read_s, 1),
        keys["ms"]: round(1000 * ingest_s / max(1, len(kept)), 2),
        "sample_loaded": f"{loaded}/{len(kept)}",
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(
    module: str,
    doc: str,
    size_flag: tuple[str, int],
    write: Callable[[Path, int], int],
    file_name: Callable[[int], str],
    measured: Callable[[Path], dict],
) -> None:
    """The bench's command line: ``--measure FILE`` (the fresh process) prints ``measured``'s
    figures as JSON; else write the N and 4N files (``write``) and measure each in a fresh
    process, one line each."""
    flag, default = size_flag
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument(f"--{flag}", type=int, default=default)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measured(args.measure)))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix=f"sitrep-{module.rpartition('.')[2]}-"))
    work.mkdir(parents=True, exist_ok=True)
    n = getattr(args, flag)
    for size in (n, 4 * n):
        path = work / file_name(size)
        written = write(path, size)
        out = subprocess.run(
            [sys.executable, "-m", module, "--measure", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{size} {flag} ({written / 1e6:.1f} MB, {path.name}): {json.dumps(row)}")
