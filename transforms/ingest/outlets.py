"""Which outlet published an article, and which wire agencies it cites.

The outlet comes from metadata, else from the URL's domain, else from the outlet naming itself
in the text: a "Welcome to X" banner, "Get X's newsletters", "X reports" (present tense: past
tense "Reuters reported" is a citation), or X doing first-hand reporting ("X recently
accompanied ..."). Names resolve through the outlets reference table (aliases, abbreviations).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlparse

_NAME = r"(?P<x>(?:The |the )?[A-Z][\w.&’'-]*(?:\s[A-Z][\w.&’'-]*){0,3})"
_WELCOME = re.compile(
    r"^\s*welcome to (?:the )?(?P<x>[\w.&' -]{2,40}?)[\s!.]*$", re.IGNORECASE | re.MULTILINE
)
_NEWSLETTER = re.compile(rf"{_NAME}['’]s\s+(?:daily\s+|free\s+)?newsletters?\b")
_REPORTS = re.compile(rf"{_NAME}\s+reports\b")
_FIRST_HAND = re.compile(
    rf"{_NAME}\s+(?:recently\s+|has\s+|had\s+|exclusively\s+)?"
    r"(?:accompanied|learned|learnt|visited|interviewed|obtained|understands|has seen|"
    r"spoke to|spoke with|reached|contacted)\b"
)
_COPYRIGHT = re.compile(rf"(?:©|copyright)\s*(?:\d{{4}}\s*)?{_NAME}", re.IGNORECASE)
MEDIA_WORDS = re.compile(
    r"\b(news|times|post|daily|journal|tribune|herald|agency|tv|radio|"
    r"gazette|telegraph|observer|monitor|press|\.\w{2,3})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Outlets:
    """Alias -> canonical name, domain -> name, and the set of wire agencies."""

    by_alias: dict[str, str]
    by_alias_folded: dict[str, str]
    by_domain: dict[str, str]
    wires: frozenset[str]
    wire_pattern: re.Pattern[str] | None

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]]) -> Outlets:
        """From the outlets reference table's rows (name, aliases and domains '|'-separated,
        kind; a cell is its text, "" when empty)."""
        by_alias: dict[str, str] = {}
        by_domain: dict[str, str] = {}
        wires: set[str] = set()
        wire_aliases: list[str] = []
        for row in rows:
            name = str(row["name"])
            aliases = {name, *str(row.get("aliases") or "").split("|")} - {""}
            for alias in aliases:
                by_alias[alias] = name
            for domain in str(row.get("domains") or "").split("|"):
                if domain:
                    by_domain[domain.lower()] = name
            if row.get("kind") == "wire":
                wires.add(name)
                wire_aliases.extend(aliases)
        pattern = None
        if wire_aliases:
            alternatives = "|".join(
                re.escape(a) for a in sorted(wire_aliases, key=len, reverse=True)
            )
            pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        # Abbreviations ("ST", "AP") only match as written; full names match in any case.
        folded = {a.casefold(): n for a, n in by_alias.items() if not a.isupper() or len(a) > 4}
        return cls(by_alias, folded, by_domain, frozenset(wires), pattern)

    def canonical(self, name: str) -> str | None:
        name = name.strip(" .,'’")
        return (
            self.by_alias.get(name)
            or self.by_alias_folded.get(name.casefold())
            or (self.by_alias_folded.get(name.casefold().removeprefix("the ")))
        )

    def canonical_suffix(self, phrase: str) -> str | None:
        """The outlet named by the phrase or by its tail ("Get ST" -> The Straits Times)."""
        words = phrase.split()
        for i in range(len(words)):
            found = self.canonical(" ".join(words[i:]))
            if found:
                return found
        return None


def outlet_from_url(url: str | None, outlets: Outlets) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower().split(":")[0].removeprefix("www.")
    if not host:
        return None
    while host.count("."):
        if host in outlets.by_domain:
            return outlets.by_domain[host]
        host = host.split(".", 1)[1] if host.count(".") > 1 else ""
        if not host:
            break
    return urlparse(url).netloc.lower().removeprefix("www.") or None


def outlet_from_text(text: str, outlets: Outlets) -> tuple[str | None, str | None]:
    """(outlet, method) from the outlet naming itself in the text; (None, None) if it doesn't."""
    m = _WELCOME.search(text)
    if m:
        name = m.group("x").strip()
        return outlets.canonical(name) or name, "text:welcome"
    for m in _NEWSLETTER.finditer(text):
        name = outlets.canonical_suffix(m.group("x"))
        if name and name not in outlets.wires:
            return name, "text:newsletter"
    for pattern, method in (
        (_REPORTS, "text:reports"),
        (_FIRST_HAND, "text:self-reference"),
        (_COPYRIGHT, "text:copyright"),
    ):
        for m in pattern.finditer(text):
            raw = m.group("x")
            name = outlets.canonical_suffix(raw)
            if name in outlets.wires:
                continue
            if name:
                return name, method
            if method != "text:self-reference" and MEDIA_WORDS.search(raw):
                return raw.strip(), method
    return None, None


@functools.lru_cache(maxsize=16_384)
def _wires_in(line: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    return tuple(m.group(0) for m in pattern.finditer(line)) if line else ()


def cited_wires(text: str, outlets: Outlets, outlet: str | None) -> str | None:
    """Wire agencies the text cites, canonical names joined by '; ', the outlet itself excluded."""
    if outlets.wire_pattern is None:
        return None
    # Line by line (no alias holds a line break, and a line's edge bounds a match as a break
    # does), each line's aliases read once per process: a story's copies repeat their lines.
    pattern = outlets.wire_pattern
    found = {outlets.by_alias[a] for line in text.split("\n") for a in _wires_in(line, pattern)}
    found.discard(outlet or "")
    return "; ".join(sorted(found)) or None
