"""Every critical expectation says, in docs/tables.md, why its violation is an error."""

from __future__ import annotations

import re
from pathlib import Path

from expectations.specs import SPECS
from expectations.sqlchecks import load_checks
from expectations.vocab import CRITICAL

DOC = (Path(__file__).resolve().parents[2] / "docs" / "tables.md").read_text()
WHY = re.search(r"^## Why a critical expectation is an error.*?(?=^## |\Z)", DOC, re.M | re.S)


def test_every_critical_kind_and_sql_check_is_explained():
    assert WHY is not None
    section = WHY.group(0)
    kinds = {s.type for build in SPECS.values() for s in build() if s.severity == CRITICAL}
    checks = {c.name for c in load_checks() if c.severity == CRITICAL}
    missing = sorted(n for n in kinds | checks if f"`{n}`" not in section)
    assert not missing, f"critical expectations without a why: {missing}"
