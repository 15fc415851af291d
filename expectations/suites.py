"""GX 1.x suites, one per warehouse table, built from the specs of ``expectations/specs.py``.

Contract: ``build_suite(table)`` returns the table's ``ExpectationSuite``; every expectation
carries ``meta={"severity": "critical" | "warning"}``. ``BUILDERS`` maps a table to a builder of
its GX expectations (the specs, as GX objects). Importing this module imports
great_expectations (seconds): import it lazily.

Validation reads big tables in row batches (``expectations/validate.py``), so each expectation
has a scope (``scope_of``, see ``specs.scope``): ``ROW``, ``UNIQUE`` or ``TABLE``.
"""

from __future__ import annotations

from collections.abc import Callable

import great_expectations as gx
from great_expectations.expectations.expectation import Expectation
from great_expectations.expectations.registry import get_expectation_impl

from expectations import specs
from expectations.specs import ROW, ROW_WISE, TABLE, UNIQUE, UNIQUENESS

__all__ = ["BUILDERS", "ROW", "ROW_WISE", "TABLE", "UNIQUE", "UNIQUENESS", "build_suite",
           "columns_of", "scope_of", "to_gx"]  # fmt: skip


def to_gx(spec: specs.Spec) -> Expectation:
    """The GX expectation of ``spec`` (its class by type name, its kwargs, its severity)."""
    return get_expectation_impl(spec.type)(meta=spec.meta, **spec.kwargs)


def _builder(table: str) -> Callable[[], list[Expectation]]:
    return lambda: [to_gx(s) for s in specs.SPECS[table]()]


BUILDERS: dict[str, Callable[[], list[Expectation]]] = {t: _builder(t) for t in specs.SPECS}


def scope_of(expectation: Expectation) -> str:
    """``ROW``, ``UNIQUE`` or ``TABLE``: how much of the table one verdict needs."""
    row_condition = getattr(expectation, "row_condition", None)
    return specs.scope(expectation.expectation_type, {"row_condition": row_condition})


def build_suite(table: str) -> gx.ExpectationSuite:
    suite = gx.ExpectationSuite(name=table)
    for expectation in BUILDERS[table]():
        suite.add_expectation(expectation)
    return suite


def columns_of(suite: gx.ExpectationSuite) -> list[str]:
    """The columns a suite reads, so a batch loads only those (documents' text stays out)."""
    cols: list[str] = []
    for e in suite.expectations:
        kw = e.configuration.kwargs
        for c in [
            kw.get("column"),
            kw.get("column_A"),
            kw.get("column_B"),
            *kw.get("column_list", []),
        ]:
            if c and c not in cols:
                cols.append(c)
    return cols
