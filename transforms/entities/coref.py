"""Partial references: "Sharaa", "Mr Al Shara", "Assad" -> the person named in full nearby.

A person's antecedents are the full-name mentions (two or more key tokens) in the same
document; a partial name resolves to the antecedent whose key ends with, or starts with, the
partial's key tokens: the nearest one before it, else the first one after it (a headline may
name "Sharaa" before the body says "Ahmed al-Sharaa"). Without one, the registry's surname index
answers when exactly one registered person carries that surname.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from transforms.entities.keys import name_key
from transforms.entities.registry import Registry

COREF_SCORE = 0.9
SURNAME_SCORE = 0.75  # no antecedent in the document: weaker evidence


@lru_cache(maxsize=100_000)
def _key_tokens(surface: str) -> tuple[str, ...]:
    return tuple(name_key(surface).split())


def key_tokens(surface: str) -> tuple[str, ...]:
    """The key tokens a partial name is matched by (a full name's: its first and last)."""
    return _key_tokens(surface)


class Antecedents:
    """Full-name person mentions of one document, indexed by their first and last key token."""

    def __init__(self) -> None:
        self._by_token: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}

    def add(self, start: int, surface: str, entity_id: str) -> None:
        toks = _key_tokens(surface)
        if len(toks) >= 2:
            item = (start, toks, entity_id)
            self._by_token.setdefault(toks[-1], []).append(item)
            if toks[0] != toks[-1]:
                self._by_token.setdefault(toks[0], []).append(item)

    def finish(self) -> None:
        for items in self._by_token.values():
            items.sort()

    def resolve(self, start: int, surface: str, registry: Registry) -> tuple[str, float] | None:
        return self.resolve_tokens(start, tuple(name_key(surface).split()), registry)

    def resolve_tokens(
        self, start: int, toks: tuple[str, ...], registry: Registry
    ) -> tuple[str, float] | None:
        """``resolve`` for a partial name given as its key tokens (callers that cache them)."""
        if not toks or len(toks) > 2:
            return None
        n = len(toks)
        by_token = self._by_token
        items = (
            [
                i
                for i in by_token.get(toks[-1], []) + by_token.get(toks[0], [])
                if len(i[1]) > n and (i[1][-n:] == toks or i[1][:n] == toks)
            ]
            if toks[-1] in by_token or toks[0] in by_token
            else None
        )
        if items:
            items.sort()
            pos = bisect_left(items, (start,))
            return (items[pos - 1] if pos else items[pos])[2], COREF_SCORE
        owners = registry.surnames.get(toks[-1], set())
        if n == 1 and len(owners) == 1:
            return next(iter(owners)), SURNAME_SCORE
        return None
