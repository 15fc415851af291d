"""bench.heavy: the +1% target read by CPU seconds as well as by wall time."""

from __future__ import annotations

from bench.heavy import report


def _heavy(full_s: float, full_cpu: float | None, plus_s: float, plus_cpu: float | None) -> dict:
    def run(seconds: float, cpu: float | None) -> dict:
        out = {"seconds": seconds, "stages": {"resolve": {"seconds": 1.0}}}
        return out | ({"cpu_seconds": cpu} if cpu is not None else {})

    return {"full": run(full_s, full_cpu), "plus_1pct": run(plus_s, plus_cpu)}


def test_the_plus_run_s_cpu_share_is_judged_apart_from_its_wall_share():
    # wall 12% (fails), CPU 9% (passes): each is printed with its own verdict
    text = report({"100000": {"heavy": _heavy(100.0, 200.0, 12.0, 18.0)}})
    assert "- +1% copies on 100,000: 12.0% of the full run" in text
    assert "- +1% copies on 100,000, CPU: 18.00 of 200.00 s, 9.0% (target < 10%): PASS" in text
    over = report({"100000": {"heavy": _heavy(100.0, 200.0, 9.0, 21.0)}})
    assert "10.5% (target < 10%): FAIL" in over and "9.0% of the full run" in over


def test_no_cpu_share_without_both_runs_cpu_seconds():
    text = report({"100000": {"heavy": _heavy(100.0, None, 12.0, 18.0)}})
    assert "CPU:" not in text and "12.0% of the full run" in text
