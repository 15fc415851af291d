"""GX imported without SQLAlchemy and with scipy.stats loaded on first use
(``expectations/gx_import.py``) gives the same verdicts on a warehouse with failures, and
renders Data Docs; scipy.stats, once used, is scipy's; a process that already holds those
modules keeps them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh process: the verdicts of ``validate`` on argv[1], whether SQLAlchemy is
# there, how many of scipy.stats' modules validation loaded, and scipy.stats used after;
# argv[2] "held" imports both first (as a process running Prefect and scipy would), argv[3]
# a folder for Data Docs.
SCRIPT = """
import json, sys
if sys.argv[2] == "held":
    import sqlalchemy
    import scipy.stats
from expectations.gx_import import import_gx
import_gx()
from expectations import validate
report = validate(sys.argv[1], run_id="r1", docs_dir=sys.argv[3])
held = sys.modules.get("sqlalchemy")
loaded = len([m for m in sys.modules if m.startswith("scipy.stats.")])
from scipy import stats
print(json.dumps({
    "outcomes": [o.__dict__ for o in report.outcomes],
    "sqlalchemy": None if held is None else held.__name__,
    "stats_modules": loaded,
    "entropy": float(stats.entropy([0.5, 0.5], [0.9, 0.1])),
    "stats_modules_after": len([m for m in sys.modules if m.startswith("scipy.stats.")]),
}))
"""


def _verdicts(db: Path, mode: str, docs: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), mode, str(docs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_verdicts_without_sqlalchemy_are_gx_verdicts(tmp_path, tables, build_warehouse):
    tables["run_inputs"][0]["outcome"] = "skipped"  # not an outcome: a critical failure
    tables["documents"][0]["n_chars"] = -5
    db = build_warehouse(tables)
    plain = _verdicts(db, "plain", tmp_path / "docs-plain")
    held = _verdicts(db, "held", tmp_path / "docs-held")
    assert plain["sqlalchemy"] is None  # GX imported without it
    assert plain["stats_modules"] == 0  # nor scipy.stats run: no suite uses it
    assert plain["stats_modules_after"] > 10  # loaded, scipy's own, once used
    assert plain["entropy"] == held["entropy"] > 0.5
    assert held["sqlalchemy"] == "sqlalchemy"  # already imported: kept, and GX uses it
    assert held["stats_modules"] > 10
    assert plain["outcomes"] == held["outcomes"]
    failed = {(o["suite"], o["column"]) for o in plain["outcomes"] if not o["success"]}
    assert ("run_inputs", "outcome") in failed and ("documents", "n_chars") in failed
    assert len(plain["outcomes"]) > 100
    assert (tmp_path / "docs-plain" / "index.html").is_file()  # Data Docs render without it


def test_docs_builder_process_renders_without_sqlalchemy(tmp_path):
    """The detached Data Docs builder (``python -m expectations.docs``) imports GX that way."""
    from expectations import docs

    suites = [("runs", [{"type": "expect_column_values_to_not_be_null",
                         "kwargs": {"column": "run_id"}, "meta": {"severity": "critical"},
                         "success": True, "result": {"element_count": 1}}])]  # fmt: skip
    docs.build_later(tmp_path / "site", "r1", suites)
    assert docs.wait(tmp_path / "site", timeout=120)
    assert (tmp_path / "site" / "index.html").is_file()
