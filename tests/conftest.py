"""Shared fixtures. One Prefect test server per test session, started only if a test needs it."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

import pytest

# Before Prefect is imported anywhere: no telemetry, a private Prefect home, patience at start.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="sitrep-prefect-home-")
# Runs' caches (the Registry's pickle) in the session's own folder, not the user's.
os.environ["SITREP_CACHE_DIR"] = tempfile.mkdtemp(prefix="sitrep-cache-")
from flows.settings import prepare_process  # noqa: E402

prepare_process()  # DO_NOT_TRACK and friends, as the CLI sets them

# A suite started in the background by a shell without job control (``make test &`` in a
# script, a CI step) inherits SIGINT ignored, and so does every process it starts: a test that
# stops a run, `sitrep serve` or `sitrep ui` with Ctrl-C (SIGINT) then waited for nothing. As a
# terminal would, the suite's processes start with SIGINT's default (KeyboardInterrupt).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "articles"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Prefect tests share one worker (so one temporary server) and the session harness."""
    for item in items:
        if item.get_closest_marker("prefect"):
            item.add_marker(pytest.mark.xdist_group("prefect"))
            item.fixturenames.insert(0, "prefect_server")


@pytest.fixture(scope="session")
def prefect_server():
    """Prefect's temporary server for the whole session (it takes 20-40 s to start here)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
