"""Operations against the session's temporary Prefect server: schedule, serve, artifacts."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.prefect

SERVE_START_TIMEOUT = 120  # importing Prefect and registering takes a while on 2 cores
SERVE_STOP_TIMEOUT = 20


def _client():
    from prefect.client.orchestration import get_client

    return get_client(sync_client=True)


def _artifacts(flow_run_id) -> dict[str, object]:
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with _client() as client:
        found = client.read_artifacts(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
        )
    return {a.key: a for a in found}


def _inbox(tmp_path: Path, seeds_dir: Path, n_articles: int) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for src in sorted(seeds_dir.iterdir())[:n_articles]:
        shutil.copy(src, inbox / src.name)
    (inbox / "blank.txt").write_text("   \n")  # rejected: empty
    return inbox


def test_scheduled_deployment_has_its_cron(tmp_path):
    from flows.serve import scheduled_deployment

    inbox, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    dep = scheduled_deployment(cron="15 */2 * * *", inbox=inbox, warehouse=warehouse, name="t1")
    dep.apply()
    with _client() as client:
        stored = client.read_deployment_by_name("sitrep/t1")
    assert [s.schedule.cron for s in stored.schedules] == ["15 */2 * * *"]
    assert all(s.active for s in stored.schedules)
    assert stored.parameters == {"inputs": [str(inbox.resolve())], "warehouse": str(warehouse)}
    assert stored.entrypoint == "flows.pipeline.sitrep_flow"


def test_default_schedule_is_hourly(tmp_path):
    from flows.serve import DEFAULT_CRON, scheduled_deployment

    dep = scheduled_deployment(inbox=tmp_path, warehouse=tmp_path / "w.duckdb")
    assert os.environ.get("SITREP_CRON", "0 * * * *") == DEFAULT_CRON
    assert [s.schedule.cron for s in dep.schedules] == [DEFAULT_CRON]


def test_invalid_cron_is_bad_usage(tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    res = CliRunner().invoke(
        app, ["serve", "--cron", "every hour", "--inbox", str(tmp_path / "in")]
    )
    assert res.exit_code == 2
    assert "invalid schedule" in res.output


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_sitrep_serve_registers_the_schedule_and_stops_promptly(tmp_path, stop):
    from prefect.settings import PREFECT_API_URL

    inbox, warehouse = tmp_path / "inbox", tmp_path / "w.duckdb"
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value())
    cmd = [
        str(Path(sys.executable).with_name("sitrep")),
        "serve",
        "--cron",
        "*/7 * * * *",
        "--inbox",
        str(inbox),
        "--warehouse",
        str(warehouse),
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline, stored = time.monotonic() + SERVE_START_TIMEOUT, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with _client() as client:
                    stored = client.read_deployment_by_name("sitrep/scheduled")
                if stored.parameters.get("warehouse") == str(warehouse):
                    break
            except Exception:  # not registered yet
                pass
            time.sleep(1)
        assert proc.poll() is None, proc.stdout.read().decode()
        assert stored is not None and [s.schedule.cron for s in stored.schedules] == ["*/7 * * * *"]
        assert inbox.is_dir()  # created for the user to drop files into
        proc.send_signal(stop)
        started = time.monotonic()
        proc.wait(timeout=SERVE_STOP_TIMEOUT)
        assert time.monotonic() - started < SERVE_STOP_TIMEOUT
        assert proc.returncode == 0, proc.stdout.read().decode()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_flow_run_publishes_summary_and_locations(tmp_path, seeds_dir):
    from flows.artifacts import LOCATIONS_KEY, SUMMARY_KEY
    from flows.pipeline import sitrep_flow

    inbox = _inbox(tmp_path, seeds_dir, 2)
    state = sitrep_flow(
        inputs=[str(inbox)], warehouse=str(tmp_path / "w.duckdb"), return_state=True
    )
    assert state.is_completed(), state.message
    found = _artifacts(state.state_details.flow_run_id)
    assert set(found) >= {SUMMARY_KEY, LOCATIONS_KEY}
    md = found[SUMMARY_KEY].data
    assert ": published" in md.splitlines()[0]
    assert "| inputs seen | 3 |" in md and "| documents loaded | 2 |" in md
    assert "| empty | 1 |" in md and "blank.txt" in md
    assert "## Events" in md and "## Validation" in md
    table = found[LOCATIONS_KEY]
    assert table.type == "table"
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    from warehouse.report_data import attacks_by_location

    expected = attacks_by_location(tmp_path / "w.duckdb", 1000)
    assert len(rows) == len(expected) > 0
    assert {r["location"] for r in rows} == {r["location"] for r in expected}


def test_failed_run_shows_why(tmp_path, seeds_dir):
    from flows.artifacts import LOCATIONS_KEY, SUMMARY_KEY
    from flows.pipeline import sitrep_flow

    inbox = _inbox(tmp_path, seeds_dir, 1)
    state = sitrep_flow(
        inputs=[str(inbox)], warehouse=str(tmp_path / "w.duckdb"), strict=True, return_state=True
    )
    assert state.is_failed()
    found = _artifacts(state.state_details.flow_run_id)
    assert LOCATIONS_KEY not in found
    md = found[SUMMARY_KEY].data
    assert md.splitlines()[0].endswith(": failed")
    assert "## Why it failed" in md and "StrictModeError" in md
    assert "| inputs seen | 2 |" in md and "| empty | 1 |" in md


def test_prefect_yaml_deploys_to_a_process_pool(tmp_path):
    """`prefect deploy --all` with the repository's prefect.yaml, run from a copy of its layout."""
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.settings import PREFECT_API_URL

    root = Path(__file__).resolve().parents[2]
    shutil.copy(root / "prefect.yaml", tmp_path / "prefect.yaml")
    for package in ("flows", "transforms", "warehouse", "expectations", "seeds"):
        (tmp_path / package).symlink_to(root / package)
    with _client() as client:
        client.create_work_pool(WorkPoolCreate(name="sitrep-pool", type="process"))
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value())
    prefect = str(Path(sys.executable).with_name("prefect"))
    res = subprocess.run(
        [prefect, "--no-prompt", "deploy", "--all"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    with _client() as client:
        stored = client.read_deployment_by_name("sitrep/scheduled")
    assert stored.work_pool_name == "sitrep-pool"
    assert [s.schedule.cron for s in stored.schedules] == ["0 * * * *"]
    assert stored.entrypoint == "flows/pipeline.py:sitrep_flow"
    assert stored.parameters == {
        "inputs": ["warehouse/inbox"],
        "warehouse": "warehouse/sitrep.duckdb",
    }
    directories = [
        step["prefect.deployments.steps.set_working_directory"]["directory"]
        for step in stored.pull_steps or []
        if "prefect.deployments.steps.set_working_directory" in step
    ]
    assert directories == [str(tmp_path)]


def test_runs_interrupted_by_a_shutdown_are_marked_crashed(tmp_path):
    from datetime import UTC, datetime, timedelta

    from prefect.states import Completed, Running

    from flows.serve import crash_interrupted_runs, scheduled_deployment

    since = datetime.now(UTC) - timedelta(seconds=1)
    dep_id = scheduled_deployment(
        cron="0 0 1 1 *", inbox=tmp_path, warehouse=tmp_path / "w.duckdb", name="t-crash"
    ).apply()
    with _client() as client:
        running = client.create_flow_run_from_deployment(dep_id)
        done = client.create_flow_run_from_deployment(dep_id)
        client.set_flow_run_state(running.id, Running(), force=True)
        client.set_flow_run_state(done.id, Running(), force=True)
        client.set_flow_run_state(done.id, Completed(), force=True)
    assert crash_interrupted_runs("t-crash", since) == [running.name]
    with _client() as client:
        crashed = client.read_flow_run(running.id).state
        assert crashed.is_crashed() and "sitrep serve stopped" in crashed.message
        assert client.read_flow_run(done.id).state.is_completed()


def test_a_running_server_is_found_for_runs_to_report_to():
    from urllib.parse import urlsplit

    from prefect.settings import PREFECT_API_URL

    from flows.cli_ops import local_ui_api_url

    parts = urlsplit(PREFECT_API_URL.value())
    expected = f"http://{parts.hostname}:{parts.port}/api"
    assert local_ui_api_url(parts.hostname, parts.port) == expected


@pytest.mark.parametrize(
    ("group", "stop"),
    [(True, signal.SIGINT), (False, signal.SIGINT), (False, signal.SIGTERM)],
    ids=["ctrl-c", "sigint-to-sitrep-only", "sigterm-to-sitrep-only"],
)
def test_sitrep_ui_starts_a_server_and_stops_it(tmp_path, group, stop):
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "home"))
    env.pop("PREFECT_API_URL", None)
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    proc = subprocess.Popen(
        [sitrep, "ui", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline, healthy = time.monotonic() + SERVE_START_TIMEOUT, False
        while time.monotonic() < deadline and proc.poll() is None and not healthy:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                    healthy = r.status == 200
            except OSError:
                time.sleep(1)
        assert healthy, proc.stdout.read().decode() if proc.poll() is not None else "no answer"
        if group:
            os.killpg(proc.pid, stop)  # Ctrl-C reaches the whole foreground group
        else:
            proc.send_signal(stop)  # e.g. a service manager stopping sitrep alone
        proc.wait(timeout=SERVE_STOP_TIMEOUT)
        assert proc.returncode == 0
        with pytest.raises(OSError):  # the server went with it, not left orphaned
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
