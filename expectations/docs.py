"""GX Data Docs from a validation's results, built apart.

Rendering the site takes GX seconds; the run's verdict does not wait for it: the gate leaves
the site to a detached process (``build_later``), which renders one validation result per
suite from GX's results.
Builds of one site take turns (a lock file); each renders the newest results waiting, so the
site ends with the last run's.

    python -m expectations.docs <payload.json>     # what build_later starts
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PENDING = ".pending"  # payloads waiting for their build, inside the docs folder
LOCK = ".build.lock"
LOG = ".build.log"

Suites = list[tuple[str, list[dict[str, Any]]]]


def build(docs_dir: str | Path, run_id: str, suites: Suites) -> Path:
    """Render ``suites`` (suite name, then per expectation its type, kwargs, meta, success and
    GX result dict) as the Data Docs site in ``docs_dir``; its index. Imports GX."""
    import great_expectations as gx
    from great_expectations.core import ExpectationValidationResult

    from expectations import specs
    from expectations.suites import to_gx
    from expectations.validate import GxContext

    gxr = GxContext(Path(docs_dir), run_id)
    for name, results in suites:
        expectations = [
            to_gx(specs.Spec(r["type"], r["kwargs"], r["meta"]["severity"])) for r in results
        ]
        for e, r in zip(expectations, results, strict=True):
            e.meta = dict(r["meta"])  # SQL checks also name their table and column
        suite = gx.ExpectationSuite(name=name, expectations=expectations)
        validated = [
            ExpectationValidationResult(
                success=r["success"], expectation_config=e.configuration, result=r["result"]
            )
            for e, r in zip(suite.expectations, results, strict=True)
        ]
        gxr.record(suite, validated, {"rendered_from": "validation results"})
    index = gxr.build_docs()
    assert index is not None
    return index


def build_later(docs_dir: str | Path, run_id: str, suites: Suites) -> Path:
    """Start a detached process building the site from ``suites``; the site's index (written
    when that process is done: seconds)."""
    docs = Path(docs_dir)
    pending = docs / PENDING
    pending.mkdir(parents=True, exist_ok=True)
    payload = pending / f"{run_id}.json"
    tmp = payload.with_suffix(".tmp")
    tmp.write_text(json.dumps({"run_id": run_id, "suites": suites}, default=str))
    tmp.replace(payload)
    with (docs / LOG).open("ab") as log:
        subprocess.Popen(
            [sys.executable, "-m", "expectations.docs", str(payload)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,  # outlives the run; a Ctrl-C of the run does not cut it
            cwd=str(Path(__file__).resolve().parents[1]),
        )
    return docs / "index.html"


def pending(docs_dir: str | Path) -> list[Path]:
    """Payloads of builds not finished yet (a build that failed leaves its payload)."""
    return sorted((Path(docs_dir) / PENDING).glob("*.json"))


def wait(docs_dir: str | Path, timeout: float = 300.0) -> bool:
    """Wait until no build of the site is pending; False if some still is after ``timeout``."""
    deadline = time.monotonic() + timeout
    while pending(docs_dir):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def main(argv: list[str] | None = None) -> None:
    """Build the site from the newest pending payload (run ids start with their UTC time), once
    the site's lock is free; drop the older payloads it supersedes."""
    (path,) = argv if argv is not None else sys.argv[1:]
    docs = Path(path).parent.parent
    fd = os.open(docs / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # one build of a site at a time
        waiting = pending(docs)
        if not waiting:  # a later build already rendered the newest results
            return
        newest = waiting[-1]
        data = json.loads(newest.read_text())
        build(docs, data["run_id"], [(n, r) for n, r in data["suites"]])
        for payload in waiting:
            payload.unlink(missing_ok=True)
    finally:
        os.close(fd)


if __name__ == "__main__":
    from expectations.gx_import import import_gx

    import_gx()  # this process renders and nothing else: GX without SQLAlchemy
    main()
