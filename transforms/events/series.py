"""A series' total told after the attacks it sums ("... killing four. A total of 32 people were
killed in the four blasts", "42 were killed in all four attacks"): the total counts once.

Contract: ``is_series_total(text)`` says whether a sentence's wording states a total of
several attacks told before it: a word of total ("in all", "in total", "a total of",
"altogether", "overall", "all told") or a definite plural of attacks ("the four blasts", "all
the attacks", "both bombings"). ``spread(total, parts)`` gives each part's toll once the total
is counted, as (low, best, high) ranges (``casualties.Range``; None where a part states none):

- parts stating no toll share what the stated ones leave of the total, evenly, the remainder
  to the first (ACLED's rule for a total over several events; ``extract.split_evenly``);
- when every part states its own, the total's excess over their sum is spread evenly on top
  of them (each keeps its own figure as its low bound): the parts add up to the total;
- a total no larger than what the parts state changes nothing (it restates them, or counts
  only some of them).

Either way the parts' best figures add up to the total, never to the total and the parts.
"""

from __future__ import annotations

import re

from transforms.events.rules import NUMBER_WORDS

Range = tuple[int, int | None, int | None]

_NUM = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_SERIES_TOTAL = re.compile(
    r"\b(?:in\s+all|in\s+total|a\s+total\s+of|altogether|all\s+told|overall)\b|"
    rf"\b(?:the|these|those|all|both)\s+(?:(?:the|of\s+the)\s+)?(?:(?:{_NUM}|\d+)\s+)?"
    r"(?:(?:separate|coordinated|simultaneous|car|suicide|roadside|twin|other)\s+){0,2}"
    r"(?:attacks|blasts|bombings|explosions|bombs|shootings|assaults|incidents|strikes)\b",
    re.IGNORECASE,
)


def is_series_total(text: str) -> bool:
    """The wording states a total of several attacks told before (see the module)."""
    return _SERIES_TOTAL.search(text) is not None


def _best(r: Range) -> int:
    return r[1] if r[1] is not None else r[0]


def _silent(r: Range | None) -> bool:
    """No toll of this kind stated: none, or a zero only inferred ((0, 0, None): a report of
    only wounded killed nobody, as far as it says)."""
    return r is None or r == (0, 0, None)


def spread(total: Range | None, parts: list[Range | None]) -> list[Range | None]:
    """Each part's toll with the series' ``total`` counted once (see the module)."""
    if total is None or total[1] is None or not parts:
        return parts
    given = sum(_best(p) for p in parts if p is not None and not _silent(p))
    excess = total[1] - given
    if excess <= 0:
        return parts
    silent = [k for k, p in enumerate(parts) if _silent(p)]
    takers = silent or list(range(len(parts)))
    q, rem = divmod(excess, len(takers))
    out = list(parts)
    for j, k in enumerate(takers):
        share = q + (1 if j < rem else 0)
        p = parts[k]
        if _silent(p) or p is None:
            out[k] = (0, share, total[2])
        else:
            high = None if p[2] is None or total[2] is None else p[2] + excess
            out[k] = (p[0], _best(p) + share, high)
    return out
