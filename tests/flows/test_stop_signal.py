"""A run told to stop (SIGTERM, Ctrl-C) stops within seconds, its flow run marked Crashed or
Cancelled with why, instead of waiting for the stages it will not reach."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "articles"
SITREP = Path(sys.executable).with_name("sitrep")
STOP_WITHIN_SECONDS = 15

pytestmark = pytest.mark.prefect


def _env() -> dict[str, str]:
    """The subprocess talks to the session's Prefect test server."""
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_run_ends_within_seconds_marked_with_why(tmp_path, signum):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(400):  # distinct bodies: every one a new document, minutes of extraction
        (inbox / f"{i:04d}.txt").write_text(f"{texts[i % len(texts)]}\nDesk note {i}.\n")
    log = tmp_path / "run.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(SITREP), "run", "--input", str(inbox), "--warehouse", str(tmp_path / "w.duckdb")],
            env=_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 300
        while "extract-mentions-and-attack-reports" not in log.read_text():
            # the extraction finished (its task's line): the signal lands in the merge, the
            # build (a DuckDB query: its interruption must stop the run, not retry the build)
            # or the validation, as the machine's speed has it
            assert proc.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "the run never reached its extraction"
            time.sleep(0.1)
        time.sleep(1.0)
        assert proc.poll() is None, "the run ended before it could be stopped"
        sent = time.monotonic()
        proc.send_signal(signum)
        proc.wait(timeout=120)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = log.read_text()
    assert took < STOP_WITHIN_SECONDS, f"{took:.1f} s\n{text[-3000:]}"
    assert proc.returncode != 0, text[-3000:]
    assert re.search(r"Flow run .* Finished in state (Crashed|Cancelled)\(.+\)", text), text[-3000:]
