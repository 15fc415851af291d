"""The warehouse's expectations as plain data, one builder per table (no great_expectations).

Contract: ``SPECS`` maps each warehouse table to a builder returning its ``Spec``s, in suite
order; a ``Spec`` is a GX 1.x expectation type, its keyword arguments and its severity
(``meta={"severity": ...}``). ``expectations/suites.py`` builds the GX suites from them (so GX
validates exactly these); kept as plain data so that reading them needs no GX import. These
are the per-column checks; checks across tables or against
document text are SQL files in ``expectations/sql``.

Each expectation has a scope (``scope``): ``ROW`` (each row judged alone: a table's verdict is
its rows' verdicts summed), ``UNIQUE`` (a key's uniqueness, judged on the rows whose key
repeats) or ``TABLE`` (anything else: aggregates, row order, dtypes; judged on the whole
table at once; no suite uses one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from expectations import vocab
from expectations.vocab import CRITICAL, WARNING
from transforms import catalog


@dataclass(frozen=True)
class Spec:
    """One expectation: GX's type name (``expect_...``), its kwargs, its severity."""

    type: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    severity: str = CRITICAL

    @property
    def meta(self) -> dict[str, str]:
        return {"severity": self.severity}


NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE_VALUES = "expect_column_values_to_be_unique"
UNIQUE_COMPOUND = "expect_compound_columns_to_be_unique"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
REGEX = "expect_column_values_to_match_regex"
PAIR_GREATER = "expect_column_pair_values_a_to_be_greater_than_b"


def _c(kind: str, **kwargs: Any) -> Spec:
    return Spec(kind, kwargs, CRITICAL)


def _w(kind: str, **kwargs: Any) -> Spec:
    return Spec(kind, kwargs, WARNING)


def _key(column: str) -> list[Spec]:
    return [_c(NOT_NULL, column=column), _c(UNIQUE_VALUES, column=column)]


def _not_null(*columns: str) -> list[Spec]:
    return [_c(NOT_NULL, column=c) for c in columns]


def _in_set(column: str, values: tuple[str, ...] | list[str]) -> Spec:
    return _c(IN_SET, column=column, value_set=sorted(values))


def _ordered(low: str, high: str) -> Spec:
    """``low <= high`` on every row where both are known."""
    return _c(
        PAIR_GREATER,
        column_A=high,
        column_B=low,
        or_equal=True,
        ignore_row_if="either_value_is_missing",
    )


def _casualties(prefix: str) -> list[Spec]:
    """low <= best <= high, non-negative (critical) and below a sane maximum (warning)."""
    low, best, high = (f"{prefix}_{s}" for s in ("low", "best", "high"))
    out = [_ordered(low, best), _ordered(best, high), _ordered(low, high)]
    for col in (low, best, high):
        out.append(_c(BETWEEN, column=col, min_value=0))
        out.append(_w(BETWEEN, column=col, max_value=vocab.MAX_CASUALTIES))
    return out


def _perpetrators_killed() -> list[Spec]:
    """Attackers killed are among the killed (critical: more dead attackers than deaths, or a
    negative count, is a contradiction in the row, not an unusual attack)."""
    return [
        _c(BETWEEN, column="perpetrators_killed", min_value=0),
        _ordered("perpetrators_killed", "killed_high"),
    ]


def _coordinates() -> list[Spec]:
    return [
        _c(BETWEEN, column="latitude", min_value=-90, max_value=90),
        _c(BETWEEN, column="longitude", min_value=-180, max_value=180),
        _c(REGEX, column="country_code", regex=r"^[A-Z]{2}$"),
    ]


def _span() -> list[Spec]:
    return [
        *_not_null("doc_id", "char_start", "char_end"),
        _c(BETWEEN, column="char_start", min_value=0),
        _c(
            PAIR_GREATER,
            column_A="char_end",
            column_B="char_start",
            or_equal=False,
            ignore_row_if="either_value_is_missing",
        ),
    ]


def _event_coding() -> list[Spec]:
    """Vocabulary of an event or a report: ACLED types, attribution, precisions, tolls."""
    return [
        *_not_null("event_type", "sub_event_type", "attribution"),
        _in_set("event_type", vocab.EVENT_TYPES),
        # (event_type, sub_event_type) pairs: SQL (GX's pandas pair check iterates rows).
        _in_set("sub_event_type", sorted({s for _, s in vocab.EVENT_TYPE_PAIRS})),
        _in_set("attribution", vocab.ATTRIBUTIONS),
        _in_set("date_precision", vocab.DATE_PRECISIONS),
        *_casualties("killed"),
        *_casualties("wounded"),
        *_perpetrators_killed(),
    ]


def documents() -> list[Spec]:
    return [
        *_key("doc_id"),
        *_not_null("uri", "run_id"),
        _c(BETWEEN, column="n_chars", min_value=0),
    ]


def rejected_documents() -> list[Spec]:
    return [
        *_not_null("uri", "reason", "run_id"),
        _c(UNIQUE_COMPOUND, column_list=["uri", "content_sha256"]),
    ]


def run_inputs() -> list[Spec]:
    return [*_not_null("run_id", "uri", "outcome"), _in_set("outcome", vocab.INPUT_OUTCOMES)]


def runs() -> list[Spec]:
    counts = ("inputs_seen", "documents_loaded", "documents_rejected", "documents_new")
    return [
        *_key("run_id"),
        *_not_null("status", "started_at"),
        _in_set("status", vocab.RUN_STATUSES),
        *[_c(BETWEEN, column=c, min_value=0) for c in counts],
        _w(
            PAIR_GREATER,
            column_A="finished_at",
            column_B="started_at",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]


def entities() -> list[Spec]:
    return [
        *_key("entity_id"),
        *_not_null("canonical_name", "entity_type", "origin"),
        _in_set("entity_type", vocab.ENTITY_TYPES),
        _in_set("origin", vocab.ENTITY_ORIGINS),
        _w(
            PAIR_GREATER,
            column_A="valid_to",
            column_B="valid_from",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]


def places() -> list[Spec]:
    return [
        *_key("place_id"),
        *_not_null("name", "country_code", "precision"),
        _in_set("precision", vocab.PLACE_PRECISIONS),
        *_coordinates(),
    ]


def entity_mentions() -> list[Spec]:
    return [
        *_key("mention_id"),
        *_not_null("field"),
        _in_set("field", vocab.MENTION_FIELDS),
        *_span(),
        *_not_null("surface", "entity_type", "match_method"),
        _in_set("entity_type", vocab.MENTION_TYPES),
        _in_set("match_method", vocab.MATCH_METHODS),
        _in_set("role", vocab.MENTION_ROLES),
        _w(BETWEEN, column="score", min_value=0, max_value=vocab.MAX_MATCH_SCORE),
    ]


def event_reports() -> list[Spec]:
    return [
        *_key("report_id"),
        *_not_null("event_id", "quote"),
        *_span(),
        *_event_coding(),
        _in_set("date_method", vocab.DATE_METHODS),
        _in_set("geo_precision", vocab.GEO_PRECISIONS),
        _w(BETWEEN, column="confidence", min_value=0, max_value=1),
    ]


def events() -> list[Spec]:
    sizes = ("n_reports", "n_documents", "n_sources")
    return [
        *_key("event_id"),
        *_event_coding(),
        _in_set("geo_precision", vocab.GEO_PRECISIONS),
        *_coordinates(),
        *_not_null(*sizes),
        *[_c(BETWEEN, column=c, min_value=1) for c in sizes],
        _ordered("n_documents", "n_reports"),
        _ordered("n_sources", "n_documents"),
        _ordered("first_reported", "last_reported"),
        _ordered("event_date", "first_reported"),
        _w(NOT_NULL, column="event_date"),
    ]


def event_merges() -> list[Spec]:
    return [*_not_null("event_id", "report_id", "reason"), *_key("report_id")[1:]]


def event_conflicts() -> list[Spec]:
    return [
        *_not_null("event_id", "field"),
        _c(UNIQUE_COMPOUND, column_list=["event_id", "field"]),
    ]


def validation_results() -> list[Spec]:
    return [
        *_not_null("run_id", "suite", "expectation", "severity", "success"),
        _in_set("severity", vocab.SEVERITIES),
    ]


# One builder per warehouse table of the catalog, named after it (a table without one fails
# here, at import).
SPECS: dict[str, Callable[[], list[Spec]]] = {name: globals()[name] for name in catalog.TABLES}


ROW, UNIQUE, TABLE = "row", "unique", "table"
# Expectations whose verdict on a row depends on that row alone.
ROW_WISE = frozenset(
    {
        "expect_column_values_to_not_be_null",
        "expect_column_values_to_be_null",
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_not_be_in_set",
        "expect_column_values_to_be_between",
        "expect_column_values_to_match_regex",
        "expect_column_values_to_not_match_regex",
        "expect_column_values_to_match_regex_list",
        "expect_column_values_to_not_match_regex_list",
        "expect_column_values_to_match_strftime_format",
        "expect_column_values_to_be_dateutil_parseable",
        "expect_column_values_to_be_json_parseable",
        "expect_column_value_lengths_to_be_between",
        "expect_column_value_lengths_to_equal",
        "expect_column_pair_values_a_to_be_greater_than_b",
        "expect_column_pair_values_to_be_equal",
        "expect_column_pair_values_to_be_in_set",
        "expect_multicolumn_sum_to_equal",
        "expect_select_column_values_to_be_unique_within_record",
    }
)
# A value (or a combination of values) may occur once in the whole table.
UNIQUENESS = frozenset({UNIQUE_VALUES, UNIQUE_COMPOUND})


def scope(kind: str, kwargs: dict[str, Any]) -> str:
    """``ROW``, ``UNIQUE`` or ``TABLE``: how much of the table one verdict needs."""
    if kind in ROW_WISE:
        return ROW
    # A row condition is pandas query syntax: DuckDB cannot find the repeats it keeps.
    plain = not kwargs.get("row_condition")
    return UNIQUE if kind in UNIQUENESS and plain else TABLE
