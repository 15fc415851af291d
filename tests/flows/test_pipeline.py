"""End to end: the real Prefect flow on the seed articles into tmp_path, then re-runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "articles"

pytestmark = pytest.mark.prefect

# Tables whose rows are the data (ledgers of runs grow by design, one row per run).
DATA_TABLES = (
    "documents",
    "rejected_documents",
    "entities",
    "places",
    "entity_mentions",
    "event_reports",
    "events",
    "event_merges",
    "event_conflicts",
)


def _run(inputs, warehouse, **kw):
    from flows.pipeline import sitrep_flow

    return sitrep_flow(inputs=[str(p) for p in inputs], warehouse=str(warehouse), **kw)


def _snapshot(db: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in DATA_TABLES
        }


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    wh = tmp_path_factory.mktemp("wh") / "sitrep.duckdb"
    run = _run([SEEDS], wh)
    return wh, run


def test_seeds_load_with_their_outlets_and_dates(seeded):
    wh, run = seeded
    assert (run["inputs_seen"], run["documents_loaded"], run["documents_rejected"]) == (5, 5, 0)
    with duckdb.connect(str(wh), read_only=True) as con:
        rows = con.execute(
            "select uri, source, published_date, title is not null, caption is not null "
            "from documents order by uri"
        ).fetchall()
        runs = con.execute(
            "select status, inputs_seen, documents_loaded, documents_rejected from runs"
        ).fetchall()
    got = {Path(uri).name[:3]: row for uri, *row in rows}
    assert got == {
        "000": ["The National", date(2026, 2, 22), True, True],
        "001": ["The Straits Times", date(2026, 2, 22), False, False],
        "002": ["News.Az", date(2026, 2, 22), False, False],
        "003": [None, None, False, False],
        "004": ["EconoTimes", None, True, True],
    }
    assert runs == [("published", 5, 5, 0)]


def test_rerun_changes_nothing_and_one_more_article_adds_one_document(seeded, tmp_path):
    wh, _ = seeded
    before = _snapshot(wh)
    run = _run([SEEDS], wh)
    assert (run["status"], run["documents_new"], run["inputs_seen"]) == ("unchanged", 0, 5)
    assert _snapshot(wh) == before
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text(
        "Published: 3 March 2026\n\nGunmen attacked an army checkpoint near Palmyra on "
        "Monday, killing two soldiers, the Syrian Defence Ministry said.\n"
    )
    run = _run([SEEDS, extra], wh)
    assert (run["inputs_seen"], run["documents_new"]) == (6, 1)
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == (6,)
        assert con.execute("select count(*) from runs").fetchone() == (3,)


def test_broken_files_are_listed_and_the_good_ones_load(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "001_4baabb5df3867a4e.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(
        "Des hommes armés ont attaqué un poste à Raqqa lundi, tuant deux gardes, selon "
        "les responsables syriens.".encode("latin-1")
    )
    (folder / "utf16.txt").write_bytes(
        "\ufeffGunmen attacked a checkpoint in Raqqa on Monday, killing two guards.".encode(
            "utf-16-le"
        )
    )
    (folder / "page.html").write_text(
        "<html><nav>Home</nav><p>Gunmen attacked a checkpoint "
        "in Hasakah on Monday, killing two guards.</p></html>"
    )
    (folder / "big.txt").write_text("x " * 3000)
    wh = tmp_path / "w.duckdb"
    run = _run([folder], wh, max_bytes=5000)
    assert run["inputs_seen"] == run["documents_loaded"] + run["documents_rejected"] == 7
    with duckdb.connect(str(wh), read_only=True) as con:
        rejected = dict(con.execute("select uri, reason from rejected_documents").fetchall())
        encodings = {
            Path(u).name: e
            for u, e in con.execute("select uri, encoding from documents").fetchall()
        }
    assert {Path(u).name: r for u, r in rejected.items()} == {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "big.txt": "too_large",
    }
    assert encodings == {
        "good.txt": "utf-8",
        "latin1.txt": "cp1252",
        "utf16.txt": "utf-16-le-bom",
        "page.html": "utf-8",
    }


def test_strict_fails_on_any_rejection(tmp_path):
    from flows.pipeline import StrictModeError

    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(StrictModeError, match="empty"):
        _run([tmp_path / "empty.txt"], tmp_path / "w.duckdb", strict=True)
    assert not (tmp_path / "w.duckdb").exists()


def _sitrep_run(wh: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            Path(sys.executable).parent / "sitrep",
            "run",
            "--input",
            str(SEEDS),
            "--warehouse",
            str(wh),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _summary(out: subprocess.CompletedProcess) -> str:
    """The table a run prints as it ends (its title, "run <id>: <status>", may wrap)."""
    return out.stderr.rsplit("Finished in state", 1)[-1]


def test_console_script_runs_the_flow_and_the_duckdb_shell_reads_it(tmp_path):
    """`sitrep run` as a user types it, attached to a running server (the session's, as one
    `sitrep ui` started): each run shows in that server's API; a re-run with nothing new
    publishes nothing and is recorded; `.venv/bin/duckdb -readonly` opens the result."""
    import hashlib

    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    from transforms import schemas
    from warehouse.lake import Lake
    from warehouse.storage import lake_dir

    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value() or ""}
    wh = tmp_path / "sitrep.duckdb"
    out = _sitrep_run(wh, env)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "inputs seen" in _summary(out) and "published" in _summary(out)
    assert "leaked semaphore" not in out.stderr  # the validation process leaves nothing behind
    published = (wh.stat().st_mtime_ns, hashlib.sha256(wh.read_bytes()).hexdigest())

    again = _sitrep_run(wh, env)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "unchanged" in _summary(again)
    assert (wh.stat().st_mtime_ns, hashlib.sha256(wh.read_bytes()).hexdigest()) == published
    runs = Lake(lake_dir(wh)).read("runs", schemas.RUNS).to_pylist()
    assert sorted(r["status"] for r in runs) == ["published", "unchanged"]
    with get_client(sync_client=True) as client:
        for run in runs:  # the runs' own flow runs, on the server they were attached to
            flow_run = client.read_flow_run(run["flow_run_id"])
            assert flow_run.state.is_completed()
            assert flow_run.parameters["warehouse"] == str(wh)

    shell = subprocess.run(
        [
            bin_dir / "duckdb",
            "-readonly",
            "-csv",
            str(wh),
            "-c",
            "select count(*) as n from documents",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.split() == ["n", "5"]


def test_readme_sql_examples_run_on_the_seed_warehouse(seeded):
    """The README's ```sql blocks are executed, so they cannot drift from the tables."""
    import re

    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sql\n(.*?)```", readme, re.DOTALL)
    statements = [s.strip() for b in blocks for s in b.split(";") if s.strip()]
    assert len(statements) >= 6
    wh, _ = seeded
    with duckdb.connect(str(wh), read_only=True) as con:
        results = [con.execute(s).fetchall() for s in statements]
    assert results[0], "attacks_by_location is empty on the seeds"
