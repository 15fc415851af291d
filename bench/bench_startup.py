"""Small runs, end to end: how long ``sitrep run`` takes on the seeds as a user types it.

    python -m bench.bench_startup [--sitrep PATH] [--input DIR] [--workdir DIR] [--repeat 3]

Starts a local Prefect server of its own (as ``sitrep ui`` does, in a private Prefect home, on a
free port) and times, each as a fresh ``sitrep run`` process: the first run on the seeds (new
warehouse, cold Registry cache), a re-run with nothing new, a re-run after one new article is
dropped in, and a first run into another new warehouse (warm cache). Then the same first run
and no-op re-run without a server (Prefect's temporary one, started by each run). Beside them:
what a process spends importing the flow, building or unpickling the Registry. Prints the
figures and the issue's targets (no-op re-run <= 3 s, seeds <= 8 s with a server up) with the
machine's load average, which on shared cores moves every figure; beside each wall time, the CPU
seconds of the run's process and of the children it waited for (load moves them less; a
temporary server's and a detached Data Docs builder's are not counted).

``--sitrep`` times another checkout's console script (its own venv) for a before/after.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOOP_TARGET_S = 3.0
SEEDS_TARGET_S = 8.0
SERVER_START_TIMEOUT_S = 180
NEW_ARTICLE = (
    "Published: 4 March 2026\n\nA roadside bomb struck a police patrol near Tikrit on Tuesday, "
    "killing three officers, a provincial security official said.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min) / {five:.1f} (5 min) on {os.cpu_count()} cores"


def start_server(python: str, home: Path) -> tuple[subprocess.Popen, str, float]:
    """A local Prefect server (what ``sitrep ui`` runs), its API URL and its start time (s)."""
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    cmd = [python, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    log = (home.parent / "server.log").open("w")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=log, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    while time.perf_counter() - t0 < SERVER_START_TIMEOUT_S and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url, time.perf_counter() - t0
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(f"the Prefect server did not start (log: {log.name})")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def timed_run(sitrep: str, inputs: Path, warehouse: Path, env: dict, log: Path) -> dict:
    """One ``sitrep run`` process: wall seconds and the status its summary printed."""
    cmd = [sitrep, "run", "--input", str(inputs), "--warehouse", str(warehouse)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(
        cmd, env=env, capture_output=True, text=True, check=False, cwd=_checkout(sitrep)
    )
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    log.write_text(out.stdout + out.stderr)
    summary = out.stderr.rsplit("Finished in state", 1)[-1]  # the table printed at the end
    status = next((s for s in ("unchanged", "published", "failed") if s in summary), "?")
    if out.returncode != 0:
        status = f"exit {out.returncode} (log: {log})"
    return {"seconds": seconds, "cpu": cpu, "status": status}


def _python_of(sitrep: str) -> str:
    return str(Path(sitrep).with_name("python"))


def _checkout(sitrep: str) -> Path:
    """The project folder whose ``.venv/bin/sitrep`` this is: its code is what runs."""
    return Path(sitrep).absolute().parents[2]


def import_seconds(python: str, env: dict, cwd: Path) -> float:
    """Wall seconds of a fresh process importing the flow module (what every run pays)."""
    code = "import time; t=time.perf_counter(); import flows.pipeline; print(time.perf_counter()-t)"
    out = subprocess.run(
        [python, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=cwd
    )
    return float(out.stdout.split()[-1])


def registry_seconds(python: str, env: dict, cache: Path, cwd: Path) -> dict[str, float]:
    """A fresh process's Registry: built (no cache), then read from ``cache`` (as runs do)."""
    code = (
        "import sys, time; from pathlib import Path; import pandas, pyarrow\n"
        "from warehouse import reference as r\n"
        "t=time.perf_counter(); r.load_registry(); b=time.perf_counter()-t\n"
        "kw = {'cache_dir': Path(sys.argv[1])} if 'cache_dir' in "
        "r.load_registry.__code__.co_varnames else {}\n"
        "r._load.cache_clear(); r.load_registry(**kw)\n"
        "r._load.cache_clear(); t=time.perf_counter(); r.load_registry(**kw)\n"
        "print(b, time.perf_counter()-t, bool(kw))"
    )
    out = subprocess.run(
        [python, "-c", code, str(cache)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    built, cached, has_cache = out.stdout.split()[-3:]
    return {"built": float(built), "cached": float(cached) if has_cache == "True" else None}


def measure(sitrep: str, inputs: Path, work: Path, repeat: int) -> dict:
    base = dict(os.environ, SITREP_UI_DISCOVERY="0", SITREP_CACHE_DIR=str(work / "cache"))
    base.pop("PREFECT_API_URL", None)
    python = _python_of(sitrep)
    inbox = work / "inbox"
    shutil.copytree(inputs, inbox)
    res: dict = {"load_before": _load()}
    res["import_s"] = statistics.median(
        import_seconds(python, base, _checkout(sitrep)) for _ in range(repeat)
    )
    server, url, res["server_start_s"] = start_server(python, work / "prefect-home")
    try:
        env = dict(base, PREFECT_API_URL=url)
        wh = work / "with-server" / "a.duckdb"
        res["server_first"] = timed_run(sitrep, inbox, wh, env, work / "server_first.log")
        noops = [
            timed_run(sitrep, inbox, wh, env, work / f"server_noop_{i}.log") for i in range(repeat)
        ]
        res["server_noop"] = _median(noops)
        (inbox / "new-article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        res["server_one_new"] = timed_run(sitrep, inbox, wh, env, work / "server_one_new.log")
        (inbox / "new-article.txt").unlink()
        wh2 = work / "with-server" / "b.duckdb"
        res["server_first_warm"] = timed_run(sitrep, inbox, wh2, env, work / "server_warm.log")
    finally:
        stop_server(server)
    wh3 = work / "no-server" / "a.duckdb"
    res["ephemeral_first"] = timed_run(sitrep, inbox, wh3, base, work / "ephemeral_first.log")
    res["ephemeral_noop"] = timed_run(sitrep, inbox, wh3, base, work / "ephemeral_noop.log")
    res["registry"] = registry_seconds(python, base, work / "registry-cache", _checkout(sitrep))
    res["load_after"] = _load()
    return res


def _median(runs: list[dict]) -> dict:
    ok = [r for r in runs if r["status"] in ("unchanged", "published")]
    if not ok:
        return runs[-1]
    return {
        "seconds": statistics.median(r["seconds"] for r in ok),
        "cpu": statistics.median(r["cpu"] for r in ok),
        "status": ok[0]["status"],
        "all": [round(r["seconds"], 2) for r in runs],
    }


def report(res: dict, sitrep: str) -> str:
    def row(what: str, key: str) -> str:
        r = res[key]
        spread = f" (runs: {', '.join(map(str, r['all']))})" if "all" in r else ""
        return f"| {what} | {r['seconds']:.2f}{spread} | {r['cpu']:.2f} | {r['status']} |"

    reg = res["registry"]
    cached = f"{reg['cached']:.2f}" if reg["cached"] is not None else "n/a (no cache)"
    noop, first = res["server_noop"]["seconds"], res["server_first_warm"]["seconds"]
    return "\n".join(
        [
            f"## sitrep small runs ({sitrep})",
            "",
            f"Load average before: {res['load_before']}; after: {res['load_after']}.",
            "",
            "| `sitrep run` on the seeds | wall s | CPU s | status |",
            "|---|---:|---:|---|",
            row("local server up: first run (new warehouse, cold cache)", "server_first"),
            row("local server up: re-run, nothing new", "server_noop"),
            row("local server up: re-run, one new article", "server_one_new"),
            row("local server up: first run (new warehouse, warm cache)", "server_first_warm"),
            row("no server (temporary one): first run", "ephemeral_first"),
            row("no server (temporary one): re-run, nothing new", "ephemeral_noop"),
            "",
            f"Where the seconds go: importing the flow {res['import_s']:.2f} s; the Registry "
            f"built {reg['built']:.2f} s, read from its cache {cached} s; a local Prefect "
            f"server's start (paid once, by `sitrep ui`) {res['server_start_s']:.2f} s.",
            "",
            "Targets (local server up):",
            f"- re-run with nothing new: {noop:.2f} s (target <= {NOOP_TARGET_S:.0f}): "
            f"{'PASS' if noop <= NOOP_TARGET_S else 'FAIL'}",
            f"- the seeds end to end: {first:.2f} s (target <= {SEEDS_TARGET_S:.0f}): "
            f"{'PASS' if first <= SEEDS_TARGET_S else 'FAIL'}",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_startup", description=__doc__)
    ap.add_argument("--sitrep", default=str(Path(sys.executable).with_name("sitrep")))
    ap.add_argument("--input", type=Path, default=ROOT / "seeds" / "articles")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="no-op re-runs (the median is shown)")
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-startup-"))
    work.mkdir(parents=True, exist_ok=True)
    res = measure(args.sitrep, args.input, work, args.repeat)
    print(report(res, args.sitrep))
    print(f"\n(logs: {work})")


if __name__ == "__main__":
    main()
