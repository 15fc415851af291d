"""GX results of one expectation over a table's row batches, combined into its table result.

Only map expectations (GX's "unexpected rows" results) combine: a table's element, missing and
unexpected counts are its batches' sums, and success is GX's own rule on the sums (at least
``mostly`` of the rows considered are expected; vacuously true when none is considered). The
result dict has GX's SUMMARY keys, recomputed, with the first ``sample`` unexpected values.
An expectation that raised in any batch is that batch's (failed) result, error included.
"""

from __future__ import annotations

from collections import Counter
from typing import Any


def raised(result: Any) -> bool:
    return bool(result.exception_info and result.exception_info.get("raised_exception"))


def map_success(elements: int, unexpected: int, missing: int | None, mostly: float) -> bool:
    """GX's verdict of a map expectation from its counts (``expectation._mostly_success``)."""
    considered = elements - (missing or 0)
    if elements == 0 or considered == 0:
        return True
    return (considered - unexpected) / considered >= mostly


def recount(result: dict, elements: int, unexpected: int, missing: int | None) -> dict[str, Any]:
    """``result`` with its counts replaced and GX's percentages recomputed from them."""
    out = {**result, "element_count": elements, "unexpected_count": unexpected}
    considered = elements - (missing or 0)
    total = unexpected / elements * 100 if elements else None
    share = unexpected / considered * 100 if elements and considered else None
    out["unexpected_percent"] = share if missing is not None else total
    if missing is not None:
        out["missing_count"] = missing
        out["missing_percent"] = missing / elements * 100 if elements else None
        out["unexpected_percent_total"] = total
        out["unexpected_percent_nonmissing"] = share
    return out


def _value_counts(results: list[dict], sample: int) -> list[dict[str, Any]]:
    """GX's ``partial_unexpected_counts`` merged: most frequent first, ties by value."""
    counts: Counter[str] = Counter()
    values: dict[str, Any] = {}
    for r in results:
        for vc in r.get("partial_unexpected_counts") or []:
            key = repr(vc["value"])  # NaN is not equal to itself; dicts are not hashable
            counts[key] += vc["count"]
            values.setdefault(key, vc["value"])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:sample]
    return [{"value": values[k], "count": n} for k, n in ranked]


def combine(parts: list[Any], mostly: float, sample: int) -> Any:
    """One map expectation's results on consecutive row batches -> its result on all of them.

    ``parts`` are GX ``ExpectationValidationResult``s in row order; the first is updated and
    returned. Index lists are kept as GX gave them (the batches' frames carry table row numbers).
    """
    failed = next((p for p in parts if raised(p)), None)
    if failed is not None:
        return failed
    first = parts[0]
    if len(parts) == 1:
        return first
    results = [p.result or {} for p in parts]
    if not all("unexpected_count" in r for r in results):
        raise ValueError(f"{first.expectation_config.type}: not a map result, cannot combine")
    elements = sum(r.get("element_count") or 0 for r in results)
    unexpected = sum(r.get("unexpected_count") or 0 for r in results)
    missing = (
        sum(r["missing_count"] or 0 for r in results)
        if all("missing_count" in r for r in results)
        else None
    )
    combined = recount(results[0], elements, unexpected, missing)
    for key in ("partial_unexpected_list", "partial_unexpected_index_list"):
        if any(key in r for r in results):
            combined[key] = [v for r in results for v in r.get(key) or []][:sample]
    if any("partial_unexpected_counts" in r for r in results):
        combined["partial_unexpected_counts"] = _value_counts(results, sample)
    first.result = combined
    first.success = map_success(elements, unexpected, missing, mostly)
    return first
