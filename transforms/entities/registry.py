"""The in-memory registry of actors and places, built once per process from reference tables.

Grain: one ``Registry`` holds every canonical actor (``entities``), every gazetteer place
(``places``) and their indexes: the normalised-alias table the automaton is built from, the
match-key index, fuzzy buckets and the surname index for partial references. It is picklable
(chunks may run in other processes) with the tables it has made; the Aho-Corasick automaton
is rebuilt lazily after unpickling instead of being shipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import ahocorasick
import pyarrow as pa

from transforms import schemas
from transforms.entities.keys import (
    consonants,
    name_key,
    place_key,
    skeleton,
    strip_accents,
    vowel_blind,
)
from transforms.entities.lexicon import STOPWORDS

# Bytes that survive normalisation for the automaton: ASCII digits and letters, lower-cased
# (upper-case ASCII maps to lower case here, so most texts skip ``str.lower``).
_KEEP = bytes(
    (c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32)
    for c in range(256)
)
# The only non-ASCII characters ``str.lower`` turns into ASCII (U+0130 "İ" is folded first).
_KELVIN = "\u212a"
# An all-capitals alias of at most this many letters is an acronym: matched case-sensitively.
ACRONYM_MAX_LETTERS = 5
# A gazetteer alternate name shorter than this ("Sam" for Damascus) is too ambiguous to match.
PLACE_ALIAS_MIN_LETTERS = 4
# The shortest key a minor place is also found by with its vowels ignored (shorter keys, such
# as "hamdan", collide with too many others).
BLIND_MIN_LETTERS = 7
# The fewest consonants a place name's skeleton (``keys.skeleton``) needs to be read by it:
# shorter skeletons ("ht", "sd") are shared by too many names and words.
SKELETON_MIN_CONSONANTS = 3
# The case of the automaton's guarded-name words: no alias, only the sign that a guarded name
# may occur (``Registry.automaton``).
GUARD = "guard"
# The case of an alias that names only minor places (villages known by no population, seat or
# English name: ``Place.cue``): matched capitalised and with a place cue around it
# (``matcher.place_cued``), since many such names are also people's names ("Ahmad Khamis").
CUE = "cue"
_ARTICLE_HEAD = re.compile(r"^(?:Al|Ar|As|Ash|At|Ad|Az|An|El)[ -]")


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics -> their one-letter ASCII base ("ā" -> "a", "Ḩ" -> "h")."""
    table = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(cp)) if c.isascii())
        if len(base) == 1 and base.isalpha():
            table[cp] = base.lower()
    return table


_FOLD = _fold_table()
_ACCENTED = re.compile("[À-ɏḀ-ỿ]")  # the ranges _FOLD covers
# Their UTF-8 lead bytes: U+00C0-U+024F start with C3-C9 (C9 also starts U+0250-U+027F: a
# false alarm costs a fold, never a difference), U+1E00-U+1EFF with E1 B8-BB. One-byte
# searches run at memchr speed, several times faster than a regex scan for _ACCENTED.
_ACCENT_LEADS = tuple(bytes([b]) for b in range(0xC3, 0xCA))
_ACCENT_LEADS_E1 = tuple(bytes([0xE1, b]) for b in range(0xB8, 0xBC))


def _has_accents(text: str) -> bool:
    """Whether ``text`` may hold a character of _ACCENTED (never False when it does)."""
    raw = text.encode("utf-8", "surrogatepass")
    if any(map(raw.__contains__, _ACCENT_LEADS)):
        return True
    return b"\xe1" in raw and any(map(raw.__contains__, _ACCENT_LEADS_E1))


def normalise(text: str) -> str:
    """Lower case, accents folded, every other non-ASCII-alphanumeric character -> a space.

    Length-preserving (``len(normalise(t)) == len(t)``), so offsets map back to ``text``.
    Accents are folded only when the text has accented letters (most English text has none,
    and the fold costs a per-character table lookup).
    """
    if text.isascii():  # (a flag test, not a scan)
        return text.encode("ascii").translate(_KEEP).decode("ascii")
    if _has_accents(text):
        text = text.translate(_FOLD)
    # Every other non-ASCII character becomes a space whether lower-cased or not, so only the
    # few that lower-case to ASCII need ``str.lower``.
    low = text
    if _KELVIN in text:
        low = text.lower()
        if len(low) != len(text):  # a few code points lower-case to two ("İ"): char by char
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.encode("ascii", "replace").translate(_KEEP).decode("ascii")


@dataclass(frozen=True)
class Entity:
    entity_id: str
    canonical_name: str
    entity_type: str
    aliases: tuple[str, ...]
    origin: str = "registry"
    wikidata_id: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    country_code: str | None = None


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    admin1: str | None
    admin2: str | None
    country_code: str
    latitude: float | None
    longitude: float | None
    feature_code: str
    precision: str
    aliases: tuple[str, ...]
    population: int = 0
    seat_of: str | None = None  # the governorate this town is the seat of, sharing its name
    cue: bool = False  # a minor place: its names count only with a place cue around them
    name_native: str | None = None  # the source's spelling, diacritics kept ("Mayādīn")
    names_arabic: tuple[str, ...] = ()
    wikidata_id: str | None = None
    quarter_of: str | None = None  # the city this place is a quarter of (Sadr City: Baghdad)


@dataclass(slots=True)
class Pattern:
    """One normalised alias in the automaton and what it may name."""

    norm: str
    forms: set[str] = field(default_factory=set)  # spellings as written in the reference
    targets: list[tuple[str, str]] = field(default_factory=list)  # ("entity"|"place", id)
    case: str = "cap"  # 'exact' (acronyms), 'any' (written lower case), 'cap' (needs a capital)
    forms_nodot: frozenset[str] = frozenset()
    dotted: bool = False  # some spelling ends with "." ("U.S.")
    fixed: tuple[str, list[str]] | None = None  # the answer when context cannot change it
    entity: Entity | None = None  # that answer's actor or place (the hit loop's shortcut)
    place: Place | None = None
    weak: set[tuple[str, str]] = field(default_factory=set)  # targets that need a cue


def _case_rule(forms: set[str]) -> str:
    if len(forms) == 1 and (f := next(iter(forms))).istitle() and "." not in f and " " in f:
        return "cap"  # (most gazetteer names, settled without a scan)
    if all(f.islower() for f in forms):
        return "any"
    if all(
        "." in f or (f.isupper() and sum(c.isalpha() for c in f) <= ACRONYM_MAX_LETTERS)
        for f in forms
    ):
        return "exact"
    return "cap"


def _none(v):
    """A reference cell's value; an empty cell ("", or a key the row lacks) is None."""
    return None if v is None or v == "" else v


def _accented_forms() -> dict[str, str]:
    """letter -> every precomposed Latin letter that folds to it ("i" -> "iìíîïīĭį...")."""
    forms: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = strip_accents(ch)
        if len(base) == 1 and base.isascii() and base.isalpha() and base != ch:
            forms[base] = forms.get(base, base) + ch
    return forms


_LETTER_FORMS = _accented_forms()


def _any_accent(name: str) -> str:
    """A regex for ``name`` written with or without diacritics ("Hit" matches "Hīt")."""
    return "".join(f"[{_LETTER_FORMS[c]}]" if c in _LETTER_FORMS else re.escape(c) for c in name)


# " in (the) " before an area's name; the words of a name; a capitalised word right after it.
# " in (the) Y", " in southern Y", ", north-western Y": what may come between a name and the
# area holding it (a compass word before the area only says which part of it).
_COMPASS = r"(?:(?:north|south)[ -]?(?:east|west)ern|northern|southern|eastern|western)\s+"
_IN_THE = re.compile(rf"\s+in\s+(?:the\s+)?(?:{_COMPASS})?|\s*,\s+(?:the\s+)?{_COMPASS}")
# "X (Y, Z)", "X village (Z)": a bracket right after a name (or its level word).
_BRACKET_AFTER = re.compile(
    r"(?:\s+(?:village|town|area|hill))?\s*\(([^()]{2,80})\)", re.IGNORECASE
)
_AREA_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
# A district's spelling with its level word: "Pshdar District", "Tooz district".
_DISTRICT_WORD = re.compile(r"(.+?)\s+[Dd]istrict")


class Registry:
    """Actors and places with their alias, key, fuzzy and surname indexes (see module doc)."""

    def __init__(self, entities: list[Entity], places: list[Place]):
        self.entities: dict[str, Entity] = {e.entity_id: e for e in entities}
        self.places: dict[str, Place] = {p.place_id: p for p in places}
        self.patterns: dict[str, Pattern] = {}
        self.key_index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # minor places by key: found by key only (never fuzzy), and only with a place cue
        self.weak_keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # minor places by their key read vowel-blind (``keys.vowel_blind``), for long names only
        self.weak_blind: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # every place by the consonant skeleton of each of its names (``keys.skeleton``), and
        # guarded names by their key ("Heet" for "Hit"): read only for a cued, capitalised
        # name nothing else matched (``resolve.py``)
        self.skeletons: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.guard_keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        for e in entities:
            for a in e.aliases:
                self._add_alias(a, ("entity", e.entity_id))
            if e.entity_type == "person":
                for a in e.aliases:
                    toks = name_key(a).split()
                    if len(toks) >= 2:
                        self.surnames[toks[-1]].add(e.entity_id)
        # Names equal to English words or very short ("Hit", "Ana") are "guarded": matched only
        # capitalised right after a preposition ("in Hit"), by ``guarded_regex``.
        self.guarded: dict[str, list[str]] = defaultdict(list)
        for p in places:
            for a in p.aliases:
                plain = strip_accents(a)
                letters = sum(map(str.isalpha, a))
                english = not a.isupper() and plain.lower() in STOPWORDS
                if not english:
                    self._add_skeleton(a, ("place", p.place_id))
                if p.cue:  # a minor place: a name counts only with a cue, never guarded
                    if not english and letters >= PLACE_ALIAS_MIN_LETTERS:
                        self._add_alias(a, ("place", p.place_id), weak=True)
                    continue
                if english or not (
                    letters >= PLACE_ALIAS_MIN_LETTERS or a == p.name or a.isupper()
                ):
                    own = strip_accents(p.name)
                    own_names = {own, _ARTICLE_HEAD.sub("", own)}
                    if (
                        plain in own_names
                        and plain.isalpha()
                        and len(plain) >= 3
                        and p.precision == "town"
                        and p.country_code in {"SY", "IQ"}
                        and p.place_id not in self.guarded[plain]
                    ):  # the town's own name ("Hīt", "At Tall"), not any alternate spelling
                        self.guarded[plain].append(p.place_id)
                        key = place_key(plain)
                        if key and ("place", p.place_id) not in self.guard_keys[key]:
                            self.guard_keys[key].append(("place", p.place_id))
                    continue
                self._add_alias(a, ("place", p.place_id))
        self._add_bare_districts(places)
        self.guarded = dict(self.guarded)
        self._guarded_re: re.Pattern | None = None
        self._area_names: frozenset[str] | None = None
        self._area_keys: frozenset[str] | None = None
        for pat in self.patterns.values():
            if pat.weak and len(pat.weak) == len(pat.targets):
                self._add_major_namesakes(pat)
            pat.case = _case_rule(pat.forms)
            if pat.case == "cap" and pat.weak and all(t in pat.weak for t in pat.targets):
                pat.case = CUE
            pat.forms_nodot = frozenset(f.rstrip(".") for f in pat.forms)
            pat.dotted = any(f.endswith(".") for f in pat.forms)
            if len(pat.targets) == 1:
                kind, tid = pat.targets[0]
                if kind == "place":
                    pat.fixed, pat.place = (kind, [tid]), self.places[tid]
                elif self.entities[tid].entity_type != "government":
                    pat.fixed, pat.entity = (kind, [tid]), self.entities[tid]
        self.key_index = dict(self.key_index)
        self.weak_keys = dict(self.weak_keys)
        self.weak_blind = dict(self.weak_blind)
        self.skeletons = dict(self.skeletons)
        self.guard_keys = dict(self.guard_keys)
        # Fuzzy candidates are bucketed by (number of tokens, first letter) of the key.
        buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
        for k in self.key_index:
            buckets[(k.count(" ") + 1, k[0])].append(k)
        self.fuzzy_buckets = dict(buckets)
        self._automaton: ahocorasick.Automaton | None = None
        self._guards_flagged = False
        # per-process memo tables of resolve.py (by surface string and by capitalised run)
        self.resolve_cache: dict = {}
        self.run_cache: dict = {}
        self.plan_cache: dict = {}  # detect.py: what a capitalised run resolves to, by run
        self.place_cache: dict = {}  # places.py: a span's candidate places, by ids and cues
        self._tables: dict[str, pa.Table | None] = {}
        self._governorates: dict[str, Place] | None = None

    def _add_bare_districts(self, places: list[Place]) -> None:
        """A district's name without the word "district" ("Pshdar", "Sharbazher") names it
        too, as coders write it in a bracket ("X (Pshdar, Sulaymaniyah)"), when no other
        place or actor bears that name (by key): "Kirkuk" stays the city."""
        for p in places:
            if p.precision != "district":
                continue
            for alias in p.aliases:
                m = _DISTRICT_WORD.fullmatch(alias)
                if m is None:
                    continue
                bare = m.group(1)
                key = place_key(bare)
                if (
                    len(bare) < PLACE_ALIAS_MIN_LETTERS
                    or bare.lower() in STOPWORDS
                    or normalise(strip_accents(bare)).strip() in self.patterns
                    or any(t[1] != p.place_id for t in self.key_index.get(key, ()))
                    or self.weak_keys.get(key)
                ):
                    continue
                self._add_alias(bare, ("place", p.place_id))

    def _add_major_namesakes(self, pat: Pattern) -> None:
        """A spelling only minor places have ("Hawija", a Diyala hamlet's) also names the
        major places whose names fold to the same key ("Al Hawijah", the Kirkuk town): the
        larger place is then a candidate, and the usual ranking (size, context) chooses."""
        key = place_key(next(iter(pat.forms)))
        for target in self.key_index.get(key, ()):
            if target[0] == "place" and target not in pat.targets:
                pat.targets.append(target)

    def _add_skeleton(self, alias: str, target: tuple[str, str]) -> None:
        """Index a place's name by its consonant skeleton, when long enough to tell."""
        skel = skeleton(place_key(alias))
        if consonants(skel) >= SKELETON_MIN_CONSONANTS:
            targets = self.skeletons[skel]
            if target not in targets:
                targets.append(target)

    def _add_alias(self, alias: str, target: tuple[str, str], weak: bool = False) -> None:
        """Index ``alias`` for ``target``; a ``weak`` one (a minor place's) goes to
        ``weak_keys``, out of the key and fuzzy indexes: with a cue, its exact spelling or its
        key names the place, a fuzzy match never does."""
        alias = alias.strip()
        norm = normalise(strip_accents(alias)).strip()
        if len(norm.replace(" ", "")) < 2:
            return
        pat = self.patterns.get(norm)
        if pat is None:
            pat = self.patterns[norm] = Pattern(norm)
        pat.forms.add(alias)
        if target not in pat.targets:
            pat.targets.append(target)
        key = place_key(alias) if target[0] == "place" else name_key(alias)
        if weak:
            pat.weak.add(target)
            if key and target not in self.weak_keys[key]:
                self.weak_keys[key].append(target)
            blind = vowel_blind(key)
            if len(blind) >= BLIND_MIN_LETTERS and target not in self.weak_blind[blind]:
                self.weak_blind[blind].append(target)
            return
        if key and target not in self.key_index[key]:
            self.key_index[key].append(target)

    # ------------------------------------------------------------------ automaton
    @property
    def automaton(self) -> ahocorasick.Automaton:
        """One Aho-Corasick automaton over every alias, padded with spaces (word boundaries)."""
        if self._automaton is None:
            a = ahocorasick.Automaton()
            for norm, pat in self.patterns.items():
                # the value carries what the hit loop needs, so it does no dict lookup
                a.add_word(f" {norm} ", (len(norm), pat.case, pat.dotted, pat))
            # Guarded names ride along as flagged words (case GUARD, no pattern): a text in
            # which none occurs as a word need not be searched by ``guarded_regex``. A name
            # that is no plain ASCII word, or that is an alias too, cannot be flagged.
            self._guards_flagged = True
            for name in self.guarded:
                word = name.lower()
                if name.isascii() and name.isalpha() and word not in self.patterns:
                    a.add_word(f" {word} ", (len(word), GUARD, False, None))
                else:
                    self._guards_flagged = False
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def _bracket_area_after(self, text: str, end: int) -> bool:
        """Whether a bracket of areas follows ``text[:end]``, its last name a governorate or a
        region ("X (Y, Idleb)", "X (Deir Ez Zor)"): coders' way of saying where X lies."""
        m = _BRACKET_AFTER.match(text, end)
        if m is None:
            return False
        return self.is_area_name(m.group(1).rsplit(",", 1)[-1])

    @property
    def area_names(self) -> frozenset[str]:
        """Every capitalised spelling of a governorate or a region, normalised."""
        if self._area_names is None:
            self._area_names = frozenset(
                normalise(a).strip()
                for p in self.places.values()
                if p.precision in ("governorate", "region")
                for a in p.aliases
                if a[:1].isupper()
            )
        return self._area_names

    def is_area_name(self, said: str) -> bool:
        """Whether ``said`` names a governorate or a region, in one of its spellings or one
        that folds to the same key ("Sala ad-Din", "Al-Muthannia" as coders write them)."""
        if normalise(said).strip() in self.area_names:
            return True
        if said.endswith(("'s", "’s")):
            return False  # "in Diyala's council": Diyala owns what follows
        if self._area_keys is None:
            self._area_keys = frozenset(
                k for k in map(place_key, self.area_names) if len(k.replace(" ", "")) >= 4
            )
        return place_key(said) in self._area_keys

    @property
    def guards_flagged(self) -> bool:
        """Whether every guarded name is a flagged word of the automaton (see there)."""
        _ = self.automaton
        return self._guards_flagged

    @property
    def guarded_regex(self) -> re.Pattern | None:
        """Guarded place names after a preposition ("in Hit", "near Ana"); group 1 is the name."""
        if self._guarded_re is None and self.guarded:
            names = "|".join(map(_any_accent, sorted(self.guarded, key=len, reverse=True)))
            self._guarded_re = re.compile(
                rf"\b(?:in|near|of|from|at|outside|to|around|and)\s+({names})\b(?![-‑])"
            )
        return self._guarded_re

    def district_named(self, name: str) -> Place | None:
        """The one district whose spelling with its level word folds to ``name`` + "district"
        ("Mahmudiyah" -> Mahmudiya District), None when none or several do."""
        key = place_key(f"{name} district")
        found = {
            tid
            for kind, tid in self.key_index.get(key, ())
            if kind == "place" and self.places[tid].precision == "district"
        }
        return self.places[found.pop()] if len(found) == 1 else None

    def area_after(self, text: str, end: int) -> bool:
        """Whether " in <a governorate or region>" follows ``text[:end]``, the area holding the
        name before it: "fell on Tirad in Hama" (not "in Hama's", nor "in Basra Operations
        Command": a longer name). A set lookup of the next few words, longest first."""
        m = _IN_THE.match(text, end)
        if m is None:
            return self._bracket_area_after(text, end)
        words: list[re.Match[str]] = []
        for w in _AREA_WORDS.finditer(text, m.end(), min(len(text), m.end() + 60)):
            if text[(words[-1].end() if words else m.end()) : w.start()].strip():
                break  # (words joined by spaces only)
            words.append(w)
            if len(words) == 4:
                break
        for w in reversed(words):
            if self.is_area_name(text[m.end() : w.end()]):
                return _CAPITAL_NEXT.match(text, w.end()) is None
        return False

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_automaton"] = None  # rebuilt on first use in the receiving process
        # The tables made so far travel (Arrow buffers: 6 MB, copied, not rebuilt row by row);
        # the memos of a run's lookups do not.
        state["resolve_cache"], state["run_cache"] = {}, {}
        state["plan_cache"], state["place_cache"] = {}, {}
        return state

    def governorate(self, admin1: str | None) -> Place | None:
        """The governorate place named ``admin1`` (the ``admin1`` convention), if any."""
        if self._governorates is None:
            self._governorates = {
                p.admin1: p
                for p in self.places.values()
                if p.precision == "governorate" and p.admin1
            }
        return self._governorates.get(admin1) if admin1 else None

    # ------------------------------------------------------------------ tables
    def entities_table(self) -> pa.Table:
        """schemas.ENTITIES, one row per registry actor (origin 'registry'); built once."""
        if self._tables.get("entities") is None:
            self._tables["entities"] = self._entities_table()
        return self._tables["entities"]

    def places_table(self) -> pa.Table:
        """schemas.PLACES, one row per gazetteer place (governorates and districts included)."""
        if self._tables.get("places") is None:
            self._tables["places"] = self._places_table()
        return self._tables["places"]

    def _entities_table(self) -> pa.Table:
        rows = [
            {
                "entity_id": e.entity_id,
                "canonical_name": e.canonical_name,
                "entity_type": e.entity_type,
                "aliases": list(e.aliases),
                "origin": e.origin,
                "wikidata_id": e.wikidata_id,
                "valid_from": e.valid_from,
                "valid_to": e.valid_to,
            }
            for e in self.entities.values()
        ]
        return schemas.conform(rows, schemas.ENTITIES)

    def location(self, p: Place) -> str:
        """The name events show at ``p``: a quarter of a city with its city first, as ACLED
        writes it ("Baghdad - Sadr City": ``location ilike '%baghdad%'`` finds it), else its
        name."""
        city = self.places.get(p.quarter_of) if p.quarter_of else None
        return f"{city.name} - {p.name}" if city is not None else p.name

    def _places_table(self) -> pa.Table:
        rows = [
            {
                "place_id": p.place_id,
                "name": p.name,
                "location": self.location(p),
                "admin1": p.admin1,
                "admin2": p.admin2,
                "country_code": p.country_code,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "feature_code": p.feature_code,
                "precision": p.precision,
                "name_native": p.name_native or p.name,
                "names_arabic": list(p.names_arabic),
                "aliases": list(p.aliases),
                "name_keys": place_keys(p),
                "population": p.population,
                "wikidata_id": p.wikidata_id,
            }
            for p in self.places.values()
        ]
        return schemas.conform(rows, schemas.PLACES)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_rows(cls, entities: list[dict], places: list[dict]) -> Registry:
        """Build from the reference tables' rows (as in seeds/reference: a cell is its text,
        "" when empty; aliases '|'-separated; dates ISO; coordinates numbers or None)."""

        def aliases(row, name_col: str) -> tuple[str, ...]:
            names = [row[name_col], *str(_none(row.get("aliases")) or "").split("|")]
            return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))

        def as_date(v) -> date | None:
            v = _none(v)
            return None if v is None else date.fromisoformat(str(v))

        ents = [
            Entity(
                entity_id=r["entity_id"],
                canonical_name=r["canonical_name"],
                entity_type=r["entity_type"],
                aliases=aliases(r, "canonical_name"),
                origin=_none(r.get("origin")) or "registry",
                wikidata_id=_none(r.get("wikidata_id")),
                valid_from=as_date(r.get("valid_from")),
                valid_to=as_date(r.get("valid_to")),
                country_code=_none(r.get("country_code")),
            )
            for r in entities
        ]
        pls = [
            Place(
                place_id=str(r["place_id"]),
                name=r["name"],
                admin1=_none(r.get("admin1")),
                admin2=_none(r.get("admin2")),
                country_code=r["country_code"],
                latitude=_none(r.get("latitude")),
                longitude=_none(r.get("longitude")),
                feature_code=r["feature_code"],
                precision=r["precision"],
                aliases=aliases(r, "name"),
                population=int(_none(r.get("population")) or 0),
                seat_of=_none(str(r["seat_of"]) if _none(r.get("seat_of")) else None),
                cue=r.get("match") == "cue",
                name_native=_none(r.get("name_native")) or r["name"],
                names_arabic=tuple(str(_none(r.get("names_arabic")) or "").split("|"))
                if _none(r.get("names_arabic"))
                else (),
                wikidata_id=_none(r.get("wikidata_id")),
                quarter_of=_none(str(r["quarter_of"]) if _none(r.get("quarter_of")) else None),
            )
            for r in places
        ]
        return cls(ents, pls)


def place_keys(p: Place) -> list[str]:
    """The match keys (``place_key``, as the matcher folds names) of every Latin spelling of
    ``p``: its name, native form and aliases, each once. ``warehouse/models/macros/place_key.sql``
    folds a typed name the same way, so a query finds a place by any spelling ("Deir-ez-Zor",
    "al-Mayadeen", "Al Raqqah")."""
    keys = dict.fromkeys(place_key(n) for n in (p.name, p.name_native or p.name, *p.aliases))
    return [k for k in keys if k]
