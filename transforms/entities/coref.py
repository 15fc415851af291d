"""Partial references: "Sharaa", "Mr Al Shara", "Assad" -> the person named in full nearby.

A person's antecedents are the full-name mentions (two or more key tokens) in the same
document; a partial name resolves to the antecedent whose key ends with, or starts with, the
partial's key tokens: the nearest one before it, else the nearest after it (a headline may
name "Sharaa" before the body says "Ahmed al-Sharaa"). Without one, the registry's surname index
answers when exactly one registered person carries that surname.
"""

from __future__ import annotations

from bisect import bisect_left

from transforms.entities.keys import name_key
from transforms.entities.registry import Registry

COREF_SCORE = 0.9
SURNAME_SCORE = 0.75  # no antecedent in the document: weaker evidence


class Antecedents:
    """Full-name person mentions of one document, by position."""

    def __init__(self) -> None:
        self._items: list[tuple[int, tuple[str, ...], str]] = []

    def add(self, start: int, surface: str, entity_id: str) -> None:
        toks = tuple(name_key(surface).split())
        if len(toks) >= 2:
            self._items.append((start, toks, entity_id))

    def finish(self) -> None:
        self._items.sort()

    def resolve(self, start: int, surface: str, registry: Registry) -> tuple[str, float] | None:
        toks = tuple(name_key(surface).split())
        if not toks or len(toks) > 2:
            return None

        def fits(full: tuple[str, ...]) -> bool:
            n = len(toks)
            return len(full) > n and (full[-n:] == toks or full[:n] == toks)

        pos = bisect_left(self._items, (start,))
        before = [i for i in self._items[:pos] if fits(i[1])]
        if before:
            return before[-1][2], COREF_SCORE
        after = [i for i in self._items[pos:] if fits(i[1])]
        if after:
            return after[0][2], COREF_SCORE
        owners = registry.surnames.get(toks[-1], set())
        if len(toks) == 1 and len(owners) == 1:
            return next(iter(owners)), SURNAME_SCORE
        return None
