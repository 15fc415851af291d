"""GX 1.x suites, one builder per warehouse table, each expectation tagged with its severity.

Contract: ``build_suites()`` returns ``{table: ExpectationSuite}``; every expectation carries
``meta={"severity": "critical" | "warning"}``. These are the per-column checks pandas does
cheaply; checks across tables or against document text are SQL files in ``expectations/sql``.
Importing this module imports great_expectations (seconds): import it lazily.

Validation reads big tables in row batches (``expectations/validate.py``), so each expectation
has a scope (``scope_of``): ``ROW`` (each row judged alone: the table's verdict is the batches'
verdicts summed), ``UNIQUE`` (a key's uniqueness: judged on the rows whose key repeats, found
by DuckDB over the whole table) or ``TABLE`` (anything else: aggregates, row order, dtypes;
judged on the whole table's columns, so its memory grows with the table; no suite uses one).
"""

from __future__ import annotations

from collections.abc import Callable

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.expectation import Expectation

from expectations import vocab
from expectations.vocab import CRITICAL, WARNING


def _c(cls: type[Expectation], **kwargs: object) -> Expectation:
    return cls(meta={"severity": CRITICAL}, **kwargs)


def _w(cls: type[Expectation], **kwargs: object) -> Expectation:
    return cls(meta={"severity": WARNING}, **kwargs)


def _key(column: str) -> list[Expectation]:
    return [
        _c(gxe.ExpectColumnValuesToNotBeNull, column=column),
        _c(gxe.ExpectColumnValuesToBeUnique, column=column),
    ]


def _not_null(*columns: str) -> list[Expectation]:
    return [_c(gxe.ExpectColumnValuesToNotBeNull, column=c) for c in columns]


def _in_set(column: str, values: tuple[str, ...] | list[str]) -> Expectation:
    return _c(gxe.ExpectColumnValuesToBeInSet, column=column, value_set=sorted(values))


def _ordered(low: str, high: str) -> Expectation:
    """``low <= high`` on every row where both are known."""
    return _c(
        gxe.ExpectColumnPairValuesAToBeGreaterThanB,
        column_A=high,
        column_B=low,
        or_equal=True,
        ignore_row_if="either_value_is_missing",
    )


def _casualties(prefix: str) -> list[Expectation]:
    """low <= best <= high, non-negative (critical) and below a sane maximum (warning)."""
    low, best, high = (f"{prefix}_{s}" for s in ("low", "best", "high"))
    out = [_ordered(low, best), _ordered(best, high), _ordered(low, high)]
    for col in (low, best, high):
        out.append(_c(gxe.ExpectColumnValuesToBeBetween, column=col, min_value=0))
        out.append(
            _w(gxe.ExpectColumnValuesToBeBetween, column=col, max_value=vocab.MAX_CASUALTIES)
        )
    return out


def _coordinates() -> list[Expectation]:
    return [
        _c(gxe.ExpectColumnValuesToBeBetween, column="latitude", min_value=-90, max_value=90),
        _c(gxe.ExpectColumnValuesToBeBetween, column="longitude", min_value=-180, max_value=180),
        _c(gxe.ExpectColumnValuesToMatchRegex, column="country_code", regex=r"^[A-Z]{2}$"),
    ]


def _span() -> list[Expectation]:
    return [
        *_not_null("doc_id", "char_start", "char_end"),
        _c(gxe.ExpectColumnValuesToBeBetween, column="char_start", min_value=0),
        _c(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            column_A="char_end",
            column_B="char_start",
            or_equal=False,
            ignore_row_if="either_value_is_missing",
        ),
    ]


def _event_coding() -> list[Expectation]:
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
    ]


def documents() -> list[Expectation]:
    return [
        *_key("doc_id"),
        *_not_null("uri", "run_id"),
        _c(gxe.ExpectColumnValuesToBeBetween, column="n_chars", min_value=0),
    ]


def rejected_documents() -> list[Expectation]:
    return [
        *_not_null("uri", "reason", "run_id"),
        _c(gxe.ExpectCompoundColumnsToBeUnique, column_list=["uri", "content_sha256"]),
    ]


def run_inputs() -> list[Expectation]:
    return [*_not_null("run_id", "uri", "outcome"), _in_set("outcome", vocab.INPUT_OUTCOMES)]


def runs() -> list[Expectation]:
    counts = ("inputs_seen", "documents_loaded", "documents_rejected", "documents_new")
    return [
        *_key("run_id"),
        *_not_null("status", "started_at"),
        _in_set("status", vocab.RUN_STATUSES),
        *[_c(gxe.ExpectColumnValuesToBeBetween, column=c, min_value=0) for c in counts],
        _w(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            column_A="finished_at",
            column_B="started_at",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]


def entities() -> list[Expectation]:
    return [
        *_key("entity_id"),
        *_not_null("canonical_name", "entity_type", "origin"),
        _in_set("entity_type", vocab.ENTITY_TYPES),
        _in_set("origin", vocab.ENTITY_ORIGINS),
        _w(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            column_A="valid_to",
            column_B="valid_from",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]


def places() -> list[Expectation]:
    return [
        *_key("place_id"),
        *_not_null("name", "country_code", "precision"),
        _in_set("precision", vocab.PLACE_PRECISIONS),
        *_coordinates(),
    ]


def entity_mentions() -> list[Expectation]:
    return [
        *_key("mention_id"),
        *_span(),
        *_not_null("surface", "entity_type", "match_method"),
        _in_set("entity_type", vocab.MENTION_TYPES),
        _in_set("match_method", vocab.MATCH_METHODS),
        _in_set("role", vocab.MENTION_ROLES),
        _w(
            gxe.ExpectColumnValuesToBeBetween,
            column="score",
            min_value=0,
            max_value=vocab.MAX_MATCH_SCORE,
        ),
    ]


def event_reports() -> list[Expectation]:
    return [
        *_key("report_id"),
        *_not_null("event_id", "quote"),
        *_span(),
        *_event_coding(),
        _in_set("date_method", vocab.DATE_METHODS),
        _w(gxe.ExpectColumnValuesToBeBetween, column="confidence", min_value=0, max_value=1),
    ]


def events() -> list[Expectation]:
    sizes = ("n_reports", "n_documents", "n_sources")
    return [
        *_key("event_id"),
        *_event_coding(),
        _in_set("geo_precision", vocab.GEO_PRECISIONS),
        *_coordinates(),
        *_not_null(*sizes),
        *[_c(gxe.ExpectColumnValuesToBeBetween, column=c, min_value=1) for c in sizes],
        _ordered("n_documents", "n_reports"),
        _ordered("n_sources", "n_documents"),
        _ordered("first_reported", "last_reported"),
        _ordered("event_date", "first_reported"),
        _w(gxe.ExpectColumnValuesToNotBeNull, column="event_date"),
    ]


def event_merges() -> list[Expectation]:
    return [*_not_null("event_id", "report_id", "reason"), *_key("report_id")[1:]]


def event_conflicts() -> list[Expectation]:
    return [
        *_not_null("event_id", "field"),
        _c(gxe.ExpectCompoundColumnsToBeUnique, column_list=["event_id", "field"]),
    ]


def validation_results() -> list[Expectation]:
    return [
        *_not_null("run_id", "suite", "expectation", "severity", "success"),
        _in_set("severity", vocab.SEVERITIES),
    ]


BUILDERS: dict[str, Callable[[], list[Expectation]]] = {
    "documents": documents,
    "rejected_documents": rejected_documents,
    "run_inputs": run_inputs,
    "runs": runs,
    "entities": entities,
    "places": places,
    "entity_mentions": entity_mentions,
    "event_reports": event_reports,
    "events": events,
    "event_merges": event_merges,
    "event_conflicts": event_conflicts,
    "validation_results": validation_results,
}


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
UNIQUENESS = frozenset(
    {"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"}
)


def scope_of(expectation: Expectation) -> str:
    """``ROW``, ``UNIQUE`` or ``TABLE``: how much of the table one verdict needs."""
    kind = expectation.expectation_type
    if kind in ROW_WISE:
        return ROW
    # A row condition is pandas query syntax: DuckDB cannot find the repeats it keeps.
    plain = not getattr(expectation, "row_condition", None)
    return UNIQUE if kind in UNIQUENESS and plain else TABLE


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
