"""Great Expectations imported as this project uses it: pandas frames, no SQL datasource, no
statistical test.

GX imports more than sitrep's suites use, and a process that validates pays it on every run
(the validation process, ~2.1 s CPU of which is GX's import; the Data Docs builder too):

- SQLAlchemy (0.9 of GX's 8.2 s under ``python -X importtime``). GX's SQL datasources are an
  extra of GX (``great_expectations[postgresql]``, ``[sql-server]``, ...): SQLAlchemy is not
  among its requirements, and without it GX imports and validates pandas frames as it does
  with it (``great_expectations.compatibility.sqlalchemy`` puts a placeholder in its place).
  sitrep gives GX pandas frames read from DuckDB through Arrow (GX cannot reach DuckDB through
  its SQL datasource: ``expectations/validate.py``); SQLAlchemy is installed for Prefect's
  server only.
- ``scipy.stats`` (2.3 s: 480 of scipy's modules), which GX's modules bind at import
  (``from scipy import stats``) for the KL-divergence and KS-test expectations only; no suite
  of sitrep has one (``expectations/specs.py``). It is bound as a lazy module
  (``importlib.util.LazyLoader``): loaded, for real, by the first use of one of its names.

``import_gx`` imports GX so in a process that has not imported those modules (the validation
process, the Data Docs builder: they import nothing else of them); a process that already holds
them (Prefect's) keeps them, and GX uses them there as always. Verdicts and Data Docs are the
same either way (``tests/expectations/test_gx_import.py``).
"""

from __future__ import annotations

import importlib.util
import sys

SQL_TOOLKIT = "sqlalchemy"
LAZY = ("scipy.stats",)  # bound by GX's modules with ``from <package> import <module>``


def import_gx() -> None:
    """Import great_expectations without SQLAlchemy and with ``LAZY`` loaded on first use, in
    a process that has not imported them.

    Only for a process that validates or renders and nothing else: later imports of
    SQLAlchemy in it fail (``sys.modules`` holds None for it, Python's way to say a module is
    not to be imported)."""
    if SQL_TOOLKIT not in sys.modules:
        sys.modules[SQL_TOOLKIT] = None  # type: ignore[assignment]
    for name in LAZY:
        _lazy(name)
    import great_expectations  # noqa: F401 - the import is the point


def _lazy(name: str) -> None:
    """``name`` in ``sys.modules`` (and on its package) as a module executed on the first
    access to one of its attributes; nothing when it is imported already or not installed."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)  # imports its package (scipy's own is light)
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    package, _, attribute = name.rpartition(".")
    if package:
        setattr(sys.modules[package], attribute, module)
