"""bench.measure: a detached child's CPU is charged before the next measured run, not in it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.measure import _cpu_seconds, reap_detached

BURN = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"


def _let_go_and_finish() -> None:
    # started and let go, as expectations.docs.build_later starts the Data Docs renderer
    proc = subprocess.Popen([sys.executable, "-c", BURN], start_new_session=True)
    pid = proc.pid
    del proc
    stat = Path(f"/proc/{pid}/stat")  # read, not `ps`: a new Popen would reap it first
    while stat.read_text().rsplit(")", 1)[1].split()[0] != "Z":
        time.sleep(0.05)


def test_a_finished_child_let_go_is_counted_once_reaped():
    _let_go_and_finish()
    before = _cpu_seconds()
    assert reap_detached(timeout=10)
    assert _cpu_seconds() - before >= 0.25  # its 0.3 s reach this process's children now
    again = _cpu_seconds()
    assert reap_detached(timeout=10)
    assert _cpu_seconds() - again < 0.25  # counter-example: nothing left to charge
