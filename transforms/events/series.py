"""A series' total told after the attacks it sums ("... killing four. A total of 32 people were
killed in the four blasts", "42 were killed in all four attacks"): the total counts once.

Contract: ``is_series_total(text)`` says whether a sentence's wording states a total of
several attacks told before it: a word of total ("in all", "in total", "a total of",
"altogether", "overall", "all told") or a definite plural of attacks ("the four blasts", "all
the attacks", "both bombings"). ``spread(total, parts)`` gives each part's toll once the total
is counted, as (low, best, high) ranges (``casualties.Range``; None where a part states none):

- parts stating no toll share what the stated ones leave of the total, evenly by place, the
  remainder to the first (ACLED's rule for a total over several events; ``extract.split_evenly``);
  a place that states its own toll in one part takes nothing for its other parts;
- when every part states its own, the total's excess over their sum is spread evenly on top
  of them (each keeps its own figure as its low bound): the parts add up to the total;
- a total no larger than what the parts state changes nothing (it restates them, or counts
  only some of them).

Either way the parts' best figures add up to the total, never to the total and the parts.

A total may also come first: a toll of attacks over a land ("A wave of attacks across Iraq
killed 93 people", "Attacks across central Iraq killed 12"), then the attacks it sums, each
with its place ("In Hillah, two car bombs killed 22"). ``told_first(text)`` reads such a
toll from the clauses of a sentence that tell attacks over a land (``rules.ACROSS_PLACE``),
up to a comparison with the past ("the bloodiest day since attacks in 2011 left 130 dead"):
``spread`` counts it once over the reports that follow, as it does a total told after them.
A tally over a span of time ("this month", "in May", "have killed hundreds") sums no attacks
told: it is none.
"""

from __future__ import annotations

import re

from transforms.events import rules
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


# A span of time a tally covers, or a perfect tense telling a state of affairs: no day's series.
_OVER_TIME = re.compile(
    r"\b(?:(?:this|last|past|that|previous)\s+(?:week|month|year|weekend)s?|"
    r"in\s+(?:" + rules.MONTH_NAMES + r")\b|"
    r"(?:have|has|had)\s+(?:now\s+)?(?:been\s+)?(?:killed|left|claimed|wounded|injured|taken)|"
    r"(?:per|each|every)\s+(?:day|week|month)\b|monthly|weekly|annual)",
    re.IGNORECASE,
)
# A comparison with the past ends what a total says: "the bloodiest day since attacks in
# January 2011 left more than 130 dead".
_COMPARISON = re.compile(r"\b(?:since|than\s+(?:any|on)|compared\s+(?:with|to))\b", re.IGNORECASE)


def told_first(clauses: list[str]) -> str | None:
    """The text of a toll of attacks over a land told before them (see the module), from a
    sentence's clauses that tell attacks over a land; None when they tell a tally over time."""
    text = ", ".join(c for c in clauses if rules.ACROSS_PLACE.search(c))
    cut = _COMPARISON.search(text)
    text = text[: cut.start()] if cut else text
    return None if not text or _OVER_TIME.search(text) else text


def is_series_total(text: str) -> bool:
    """The wording states a total of several attacks told before (see the module)."""
    return _SERIES_TOTAL.search(text) is not None


def _best(r: Range) -> int:
    return r[1] if r[1] is not None else r[0]


def _silent(r: Range | None) -> bool:
    """No toll of this kind stated: none, or a zero only inferred ((0, 0, None): a report of
    only wounded killed nobody, as far as it says)."""
    return r is None or r == (0, 0, None)


def spread(
    total: Range | None, parts: list[Range | None], keys: list[object] | None = None
) -> list[Range | None]:
    """Each part's toll with the series' ``total`` counted once (see the module). ``keys``
    name each part's place (None: a place of its own): as within one passage
    (``extract._kind_shares``), parts of one place are one attack's and take one share, and a
    place with a toll of its own takes none for its silent parts. A total the stated parts
    already reach (its low bound: "almost 150" is 149 or more) changes nothing."""
    if total is None or total[1] is None or not parts:
        return parts
    keys = [k if k is not None else ("part", j) for j, k in enumerate(keys or [None] * len(parts))]
    stated = [j for j, p in enumerate(parts) if p is not None and not _silent(p)]
    given = sum(_best(p) for p in parts if p is not None and not _silent(p))
    excess = total[1] - given
    if excess <= 0 or given >= total[0]:
        return parts
    told = {keys[j] for j in stated}
    silent = [j for j, p in enumerate(parts) if _silent(p) and keys[j] not in told]
    out = list(parts)
    if silent:
        places = list(dict.fromkeys(keys[j] for j in silent))
        q, rem = divmod(excess, len(places))
        share = {k: q + (1 if n < rem else 0) for n, k in enumerate(places)}
        for j in silent:
            out[j] = (0, share[keys[j]], total[2])
        return out
    q, rem = divmod(excess, len(stated))
    for n, j in enumerate(stated):
        p = parts[j]
        assert p is not None
        high = None if p[2] is None or total[2] is None else p[2] + excess
        out[j] = (p[0], _best(p) + q + (1 if n < rem else 0), high)
    return out
