"""Data-quality suites of the warehouse (GX 1.x, built in code) and SQL checks.

``validate(db_path, run_id=None, docs_dir=None) -> ValidationReport`` is the one entry point.
great_expectations is imported only when a validation runs (it takes seconds to import).
"""

from expectations.validate import Outcome, ValidationReport, validate

__all__ = ["Outcome", "ValidationReport", "validate"]
