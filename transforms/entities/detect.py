"""detect_mentions: every span of a document that names a registry actor or place.

Per document: one automaton pass (``matcher.known_hits``), one regex pass for the remaining
capitalised names (``matcher.name_runs``), then resolution in two passes. Pass one settles
the registry hits and the full names found by key or fuzzy match, turning each into its row
at once, and collects the document's country context and person antecedents; pass two
resolves partial names ("Sharaa") by coreference and ambiguous places by that context.
Output rows are in document order, one per span; sentence numbers come from one bisection
per mention over the sentences' bounds. "the capital" named alone is the capital of the one
conflict country the document names (``_the_capital``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.entities import places as placing
from transforms.entities.coref import SURNAME_SCORE, Antecedents
from transforms.entities.keys import (
    name_key,
    place_key,
    skeleton,
    strip_accents,
    vowel_runs_blind,
)
from transforms.entities.lexicon import (
    ARTICLE_PREFIXES,
    DEMONYMS,
    ORG_AFTER,
    PERSON_TITLES,
    STOPWORDS,
)
from transforms.entities.matcher import known_hits, make_piece, name_runs, place_cued
from transforms.entities.registry import Place, Registry, normalise
from transforms.entities.resolve import (
    CUED_METHODS,
    KEY_SCORE,
    ROW_METHOD,
    SKELETON,
    SKELETON_SCORE,
    country_swap,
    needs_cue,
    pick_target,
    resolve_run,
    resolve_surface,
)
from transforms.sentences import sentence_bounds

ALIAS_SCORE = 1.0
_START = itemgetter(0)
_START_OF_PENDING = itemgetter(1)
_SPAN_OF_HIT = itemgetter(0, 1)
_END = itemgetter(1)
# A row's tail, as _mentions_of finds it: the ENTITY_MENTIONS columns from char_start on
# (Arrow turns the rows' tuples into columns: cheaper than transposing them in Python).
_ROW = pa.struct(list(schemas.ENTITY_MENTIONS)[4:])
# Rows held as Python objects before they go to Arrow: a chunk's rows all at once would leave
# the CPU's caches (tuples, surfaces) and slow every later document down.
BATCH_ROWS = 8192
_JOINER = re.compile(r"\s+(?:of|and)\s+")
_GOV_SUFFIX = re.compile(r"[ \t]+(?:[Pp]rovince|[Gg]overnorate)\b")


@lru_cache(maxsize=50_000)
def _common_word(surface: str) -> bool:
    """One common word or demonym ("Syrian", "Americans", "Forces"): never a name alone."""
    if " " in surface:
        return False
    w = surface.lower().replace("’", "'").removesuffix("'s")
    return (
        w in STOPWORDS or w in DEMONYMS or w.rstrip("s") in DEMONYMS or w.rstrip("s") in STOPWORDS
    )


def _titled(text: str, start: int) -> bool:
    before = text[max(0, start - 25) : start].rsplit(None, 1)  # (its last word)
    return bool(before) and before[-1].lower().strip(".,") in PERSON_TITLES


def _run_plan(registry: Registry, run: str, rel: tuple[tuple[int, int], ...]) -> tuple:
    """What a capitalised run resolves to, whatever its document, spans relative to the run.

    (windows, resolved, later): key-matched windows (start, end, targets, indexes into ``rel``
    of the hits they replace); full names resolved by key or fuzzy match (start, end,
    resolution, titled); names left to coreference (start, end, surface, titled, key tokens,
    resolution). Cached per registry by (run, rel): runs recur across documents, and every
    step here depends on the run's text only, never on its context.
    """
    windows, left = resolve_run(registry, run, rel)
    wins = [
        (ws, we, targets, [i for i, (hs, he) in enumerate(rel) if ws <= hs and he <= we], m, sc)
        for ws, we, targets, m, sc in windows
    ]
    resolved, later = [], []

    def defer(piece) -> None:
        toks = tuple(name_key(piece.surface).split())
        res = resolve_surface(registry, piece.surface)
        later.append((piece.start, piece.end, piece.surface, piece.titled, toks, res))

    for ls, le in left:
        piece = make_piece(run, ls, le, context=False)
        if piece is None:
            continue
        multi = " " in name_key(piece.surface)  # one-word names: coreference first
        res = resolve_surface(registry, piece.surface) if multi else None
        if res is not None:
            resolved.append((piece.start, piece.end, res, piece.titled))
        elif multi and _JOINER.search(piece.surface):
            # "Fighters of Daech": each side of "of"/"and" is a name of its own
            a = piece.start
            for m in [*_JOINER.finditer(piece.surface), None]:
                b = piece.start + m.start() if m else piece.end
                part = make_piece(run, a, b, context=False)
                if part is not None and not _common_word(part.surface):
                    defer(part)
                a = piece.start + m.end() if m else a
        elif not _common_word(piece.surface):
            defer(piece)
    return wins, resolved, later


def _place_row(
    text: str, start: int, end: int, place: Place, method: str, score: float, datelines: list
) -> tuple:
    """A settled place mention's row tail (ENTITY_MENTIONS from char_start on)."""
    if place.precision == "governorate" and method != "alias":
        m = _GOV_SUFFIX.match(text, end)
        if m:  # "Deir Ez-Zour province": the cue word is part of the name
            end = m.end()
    surface = text[start:end]
    in_dl = bool(datelines) and any(a <= start and end <= b for a, b in datelines)
    method = ROW_METHOD.get(method, method)
    if method == "alias" and surface == place.name:
        method = "exact"
    if in_dl or place.feature_code == "PPLC" or place.precision == "country":
        role = placing.role(text, start, end, place, in_dl)
    else:
        role = None  # (what role() says of a town or a governorate outside datelines)
    return (start, end, surface, None, place.place_id, "place", method, score, role)


def _mentions_of(
    text: str,
    registry: Registry,
    rows: list,
    sentence_nos: list,
    aside: list | None = None,
    context: tuple[dict[str, int], dict[str, float]] | None = None,
) -> int:
    """Append one text's mentions to ``rows`` (tuples of ``_ROW``'s fields, in text order)
    and their sentence numbers to ``sentence_nos``; returns how many rows were added.
    With ``aside``, appends (name runs, sentence bounds or None) to it: ``DetectedText``'s.
    ``context``: the (countries, governorates) counts ambiguous places are chosen by; the
    text's unambiguous places are added to them (a headline is read with its body's).

    Steps (``_Doc``'s): the capitalised runs (key, fuzzy and multi-word names), the automaton's
    hits, the partial names left to coreference, the guarded names, then the places whose
    choice waited for the document's context, and the country the text names."""
    norm = normalise(text)
    guard_words: list[int] = []
    muted: list[tuple[int, int]] = []  # minor places' names without a place cue
    hits = known_hits(text, norm, registry, guard_words, muted)
    doc = _Doc(text, registry, context)
    # (name_runs leaves out the runs that start a hit and end inside it: "ISIS", "Syria")
    # (a minor place's name without a cue is no other name either: "Al Baghdadi" never
    # becomes Baghdad by a fuzzy match)
    covered = dict(map(_SPAN_OF_HIT, hits))
    runs = name_runs(text, {**dict(muted), **covered} if muted else covered)
    later, replaced = doc.run_pass(hits, runs)
    if replaced:
        hits = [h for k, h in enumerate(hits) if k not in replaced]
    doc.hit_pass(hits)
    doc.ante.finish()
    doc.coreference_pass(later)
    doc.guarded_pass(bool(guard_words))
    doc.district_pass()
    found = doc.found
    if doc.pending:
        _count_actor_countries(found, registry, doc.countries)
        _settle_places(
            text, registry, found, doc.pending, doc.countries, doc.admin1s, doc.datelines
        )
    if "capital" in text:
        _the_capital(text, registry, found, doc.countries, bool(doc.pending), doc.datelines)
    doc.construct_pass()
    _named_countrys_namesake(text, registry, found, doc.admin1s, doc.datelines)
    _drop_misread(text, found)
    if not found:
        if aside is not None:
            aside.append((runs, None))
        return 0
    found.sort(key=_START)  # stable: equal starts keep their order
    # sentence number: odd positions among the sentences' (start, end) bounds are inside one
    bounds = sentence_bounds(text)
    if aside is not None:
        aside.append((runs, bounds))
    sentence_nos.extend(
        [k >> 1 if k & 1 else -1 for k in map(bisect_right, repeat(bounds), map(_START, found))]
    )
    rows.extend(found)
    return len(found)


class _Doc:
    """One document's detection state: its rows so far and the context they feed.

    Each span becomes its row as soon as it is resolved, and feeds the document's context
    (countries and governorates of unambiguous places, person antecedents) on the way. Places
    whose choice waits for that context (several candidates) or whose span may still grow
    ("... province") hold a placeholder (start, end) in ``found`` until the end.
    """

    __slots__ = (
        "text", "registry", "datelines", "found", "pending", "countries", "admin1s", "ante",
    )  # fmt: skip

    def __init__(
        self,
        text: str,
        registry: Registry,
        context: tuple[dict[str, int], dict[str, float]] | None = None,
    ):
        self.text = text
        self.registry = registry
        self.datelines = placing.dateline_spans(text)
        # row tails (start, end, surface, entity_id, place_id, entity_type, method, score,
        # role), in the order spans are found; placeholders for pending places
        self.found: list[tuple] = []
        self.pending: list[tuple] = []  # (index in found, start, end, ids, method, score)
        # context: countries of unambiguous places, and their governorates
        self.countries: dict[str, int]
        self.admin1s: dict[str, float]
        self.countries, self.admin1s = context if context is not None else ({}, {})
        self.ante = Antecedents()  # context: full-name person mentions

    def count_place(self, place: Place) -> None:
        """An unambiguous place joins the context; a minor place (known only with a cue) by
        half: its reading is the likelier to be another place the gazetteer lacks."""
        countries, admin1s = self.countries, self.admin1s
        countries[place.country_code] = countries.get(place.country_code, 0) + 1
        if place.admin1:
            admin1s[place.admin1] = admin1s.get(place.admin1, 0) + (0.5 if place.cue else 1)

    def settle(self, a: int, b: int, kind: str, ids: list[str], method: str, score: float):
        """A resolved span of the run or hit passes: its row (or placeholder) and context."""
        text, found = self.text, self.found
        if kind == "entity":
            ent = self.registry.entities[ids[0]]
            surface = text[a:b]
            if method == "alias" and surface == ent.canonical_name:
                method = "exact"
            found.append((a, b, surface, ent.entity_id, None, ent.entity_type, method, score, None))
            if ent.entity_type == "person":
                self.ante.add(a, surface, ent.entity_id)
            return
        if _of_possessive(text, b, text[a:b]):
            return  # "the capital of Iraq's Kurdish region"
        if method in CUED_METHODS:
            if not _cued_name(text, a, b, self.registry):
                return  # a name read loosely needs a place cue
        elif (
            method != "alias"
            and needs_cue(self.registry, ids)
            and not place_cued(text, a, b, self.registry.area_after)
        ):
            return  # a minor place's name by key, without a place cue: no place
        if len(ids) == 1 and method not in CUED_METHODS:
            place = self.registry.places[ids[0]]
            self.count_place(place)
            if method == "alias" and not place.cue:
                found.append(_place_row(text, a, b, place, method, score, self.datelines))
                return
        self.pending.append((len(found), a, b, ids, method, score))
        found.append((a, b))

    def run_pass(self, hits: list, runs: list) -> tuple[list, set[int]]:
        """Settle the capitalised runs' names (per-run plans, cached); return the names left
        to coreference, by run, and the indexes of the hits a longer window replaced."""
        text, registry = self.text, self.registry
        plans = registry.plan_cache
        later: list = []  # (run start, the run plan's names left to coreference)
        replaced: set[int] = set()  # hits inside a longer key-matched window
        n_hits = len(hits)
        rel: tuple[tuple[int, int], ...]  # the hits inside a run, relative to it
        ends = list(map(_END, hits))  # increasing: hits do not overlap
        for r_start, r_end in runs:
            hi = bisect_right(ends, r_start)  # the first hit ending after the run's start
            j = hi
            while j < n_hits and hits[j][0] < r_end:
                # a hit reaching past the run ("... province") widens it
                h = hits[j]
                if h[0] < r_start:
                    r_start = h[0]
                if h[1] > r_end:
                    r_end = h[1]
                j += 1
            if j - hi == 1:  # (the common case, without a generator)
                h = hits[hi]
                if h[0] == r_start and h[1] == r_end:
                    continue  # the run lies inside one registry hit
                rel = ((h[0] - r_start, h[1] - r_start),)
            elif j > hi:
                rel = tuple((hits[k][0] - r_start, hits[k][1] - r_start) for k in range(hi, j))
            else:
                rel = ()
            run = text[r_start:r_end]
            plan = plans.get((run, rel))
            if plan is None:
                plan = plans[(run, rel)] = _run_plan(registry, run, rel)
            wins, resolved, deferred = plan
            for ws, we, targets, inside, method, score in wins:
                a, b = r_start + ws, r_start + we
                replaced.update(hi + i for i in inside)
                kind, ids = pick_target(registry, targets, text, a, b, _titled(text, a))
                self.settle(a, b, kind, ids, method, score)
            for ps, pe, res, titled in resolved:
                a, b = r_start + ps, r_start + pe
                kind, ids = pick_target(registry, res[0], text, a, b, titled or _titled(text, a))
                self.settle(a, b, kind, ids, res[1], res[2])
            if deferred:
                later.append((r_start, deferred))
        return later, replaced

    def hit_pass(self, hits: list) -> None:
        """The automaton's hits: settle() and _place_row() inlined for the hits whose
        answer is fixed (most are)."""
        text, registry, add = self.text, self.registry, self.found.append
        entities, datelines = registry.entities, self.datelines
        for h_start, h_end, pat in hits:
            ent, place = pat.entity, pat.place
            if ent is None and place is None and len(pat.targets) == 1:
                # one government body: only its country can change (settle())
                ent = entities[country_swap(registry, pat.targets[0][1], text, h_start, h_end)]
            if ent is not None:
                surface = text[h_start:h_end]
                method = "exact" if surface == ent.canonical_name else "alias"
                add(
                    (h_start, h_end, surface, ent.entity_id, None, ent.entity_type, method,
                     ALIAS_SCORE, None)
                )  # fmt: skip
                if ent.entity_type == "person":
                    self.ante.add(h_start, surface, ent.entity_id)
                continue
            if place is not None:
                self.count_place(place)
                if place.cue:  # a minor place: the areas the sentence names decide (last)
                    self.pending.append(
                        (len(self.found), h_start, h_end, [place.place_id], "alias", ALIAS_SCORE)
                    )
                    add((h_start, h_end))
                    continue
                surface = text[h_start:h_end]
                in_dl = bool(datelines) and any(a <= h_start and h_end <= b for a, b in datelines)
                if in_dl or place.feature_code == "PPLC" or place.precision == "country":
                    if _of_possessive(text, h_end, surface):
                        continue  # "the capital of Iraq's Kurdish region": not Iraq's capital
                    role = placing.role(text, h_start, h_end, place, in_dl)
                else:
                    role = None
                method = "exact" if surface == place.name else "alias"
                add(
                    (h_start, h_end, surface, None, place.place_id, "place", method, ALIAS_SCORE,
                     role)
                )  # fmt: skip
                continue
            titled = _titled(text, h_start)
            kind, ids = pick_target(registry, pat.targets, text, h_start, h_end, titled)
            self.settle(h_start, h_end, kind, ids, "alias", ALIAS_SCORE)

    def coreference_pass(self, later: list) -> None:
        """Partial names ("Sharaa"): a person named in full before, else their own reading."""
        text, registry, found = self.text, self.registry, self.found
        entities = registry.entities
        for r_start, deferred in later:
            for ps, pe, _surface, titled, toks, res in deferred:
                p_start, p_end = r_start + ps, r_start + pe
                ref = self.ante.resolve_tokens(p_start, toks, registry)
                if (
                    ref is not None
                    and ref[1] == SURNAME_SCORE
                    and _place_stands(text, p_start, p_end, res, registry)
                ):
                    ref = None  # "in Maadan, east of Raqqa": no person named, a place cued
                if ref is not None:
                    ent = entities[ref[0]]
                    found.append(
                        (p_start, p_end, text[p_start:p_end], ent.entity_id, None,
                         ent.entity_type, "coreference", ref[1], None)
                    )  # fmt: skip
                elif res is not None:
                    titled = titled or _titled(text, p_start)
                    kind, ids = pick_target(registry, res[0], text, p_start, p_end, titled)
                    if kind == "entity":
                        ent = entities[ids[0]]
                        found.append(
                            (p_start, p_end, text[p_start:p_end], ent.entity_id, None,
                             ent.entity_type, res[1], res[2], None)
                        )  # fmt: skip
                    elif (
                        _cued_name(text, p_start, p_end, registry)
                        if res[1] in CUED_METHODS
                        else not needs_cue(registry, ids)
                        or place_cued(text, p_start, p_end, registry.area_after)
                    ):
                        self.pending.append((len(found), p_start, p_end, ids, res[1], res[2]))
                        found.append((p_start, p_end))

    def district_pass(self) -> None:
        """A name right before the word "district" ("Y" in "X, Y district, Z") read as a
        place outside the district its spelling names ("Mahmudiyah district": a Nineveh
        hamlet called Mahmudiyah) is misread: the span, word and all, is that district."""
        text, found, registry = self.text, self.found, self.registry
        if "istrict" not in text:  # (most texts)
            return
        for i, row in enumerate(found):
            a, b = row[0], row[1]
            word = _DISTRICT_NEXT.match(text, b)
            if word is None or (len(row) > 2 and row[5] != "place"):
                continue
            district = registry.district_named(text[a:b])
            if district is None:
                continue
            if len(row) > 2:
                read = [row[4]]
            else:
                k = next(k for k, pend in enumerate(self.pending) if pend[0] == i)
                read = self.pending[k][3]
            if any(registry.places[r].admin1 == district.admin1 for r in read):
                continue  # (its seat, or a place of its governorate: left as read)
            if len(row) == 2:
                del self.pending[k]
            found[i] = _place_row(text, a, word.end(), district, "key", KEY_SCORE, self.datelines)

    def construct_pass(self) -> None:
        """A town named after a word in Arabic's construct form ("Amiriyat al-Fallujah": the
        Amiriyah of Fallujah) names the place that word's plain form ("-ah") names near it,
        when the word is read as nothing else: the span, both words, is that place."""
        text, found, registry = self.text, self.found, self.registry
        if _CONSTRUCT_HINT.search(text) is None:  # (most texts)
            return
        taken = [(row[0], row[1]) for row in found if row]
        for i, row in enumerate(found):
            if len(row) < 9 or row[5] != "place":
                continue
            town = registry.places[row[4]]
            word = _CONSTRUCT_BEFORE.search(text, max(0, row[0] - 40), row[0])
            if town.precision != "town" or word is None:
                continue
            if not (word.group(0).rstrip().endswith(("l", "l-")) or _ARTICLE_HEAD.match(row[2])):
                continue  # ("the Amiriyat al-": the article before the town, or opening it)
            if any(a < word.end() and word.start() < b for a, b in taken):
                continue  # (the word is read already)
            near = _construct_place(registry, word.group(1), town)
            if near is not None:
                start = word.start()
                found[i] = _place_row(text, start, row[1], near, "key", KEY_SCORE, self.datelines)

    def guarded_pass(self, flagged: bool) -> None:
        """Guarded names ("in Hit") last: any other reading of the span wins."""
        text, registry, found = self.text, self.registry, self.found
        guarded = registry.guarded_regex
        if guarded is None or (
            # the automaton saw a guarded word (in the normalised text: "Hīt" too); else,
            # when not every guarded word is flagged, a plain substring test
            not flagged
            and (registry.guards_flagged or not any(map(text.__contains__, registry.guarded)))
        ):
            return
        for g in guarded.finditer(text):
            a, b = g.span(1)
            if not any(s < b and a < e for s, e, *_ in found):
                ids = list(registry.guarded[strip_accents(g.group(1))])
                self.pending.append((len(found), a, b, ids, "alias", 1.0))
                found.append((a, b))


def _of_possessive(text: str, end: int, surface: str) -> bool:
    """Whether a capital named as "capital of <country>" is followed by a possessive: the
    country owns what comes next ("the capital of Iraq's Kurdish region" is Erbil's, not
    Baghdad)."""
    return surface[:11].lower() == "capital of " and text.startswith(("'s", "’s"), end)


# The countries of the conflict, whose actors say where a document is: the SDF, the Syrian army,
# HTS in Syria; the Peshmerga, the PMF, the Iraqi army in Iraq.
_CONFLICT_COUNTRIES = frozenset(placing.PRIORITY_COUNTRIES)


def _count_actor_countries(found: list[tuple], registry: Registry, countries: dict) -> None:
    """Each actor of one conflict country the document names (once each, not its media)
    counts for that country as an unambiguous place does: "Peshmerga repelled an attack near
    X" reads X in Iraq when X names villages of both countries."""
    entities = registry.entities
    seen = {row[3] for row in found if len(row) > 2 and row[3] is not None}
    for entity_id in seen:
        ent = entities.get(entity_id)
        if ent is None or ent.entity_type == "media":
            continue
        if ent.country_code in _CONFLICT_COUNTRIES:
            countries[ent.country_code] = countries.get(ent.country_code, 0) + 1


# Feature codes of a seat of a district or more: a town too well known to be a namesake's name.
_SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})


def _named_countrys_namesake(
    text: str, registry: Registry, found: list[tuple], admin1s: dict, datelines: list
) -> None:
    """A small town (no population, no seat of a district) of the conflict country the
    document never names, while it names the other and no other place of the first, names
    the named country's place of that name when the gazetteer has one and a place is cued
    ("near al-Mazraa camp ... in Iraq": no As-Suwayda subdistrict seat), chosen among its
    namesakes there as any name of several places is (``placing.choose_place``): a name that
    exists in both countries takes the one the text names."""
    places = registry.places
    rows = [(i, places[r[4]]) for i, r in enumerate(found) if len(r) > 4 and r[4] in places]
    named = {p.country_code for _, p in rows if p.precision == "country"} & _CONFLICT_COUNTRIES
    if len(named) != 1:
        return
    others = {
        p.place_id: i
        for i, p in rows
        if p.country_code in _CONFLICT_COUNTRIES and p.country_code not in named
    }
    if len(others) != 1:
        return
    (place_id, idx), (country,) = next(iter(others.items())), named
    place, (start, end) = places[place_id], found[idx][:2]
    if place.precision != "town" or place.population or place.feature_code in _SEAT_CODES:
        return
    if not place_cued(text, start, end, registry.area_after):
        return
    key = place_key(text[start:end])
    ids = [
        t[1]
        for index in (registry.key_index, registry.weak_keys)
        for t in index.get(key, ())
        if t[0] == "place" and places[t[1]].country_code == country
        and places[t[1]].precision == "town"
    ]  # fmt: skip
    if not ids:
        return
    pick = placing.choose_place(ids, registry, False, True, {country: 1}, admin1s)
    found[idx] = _place_row(text, start, end, pick, "key", KEY_SCORE, datelines)


# A name that goes on with an article glued to its next word ("X al-Y", "X el-Y"): one
# compound name, X's part (its old town, its new quarter), not a second place Y.
_COMPOUND_TAIL = re.compile(rf"(?<=[\w'’]) (?i:{ARTICLE_PREFIXES})[-‑]$")


def _compound_tail(text: str, start: int, ends: set[int]) -> bool:
    """Whether the name at ``start`` (its article included or not) goes on a place name
    ending in ``ends`` by one space and a glued article ("Daraa al-Balad")."""
    if text[start - 1 : start] not in ("-", "‑"):  # the span holds the article: "al-Balad"
        start = text.find("-", start, start + 5) + 1 or start
    m = _COMPOUND_TAIL.search(text, max(0, start - 6), start)
    return m is not None and m.start() in ends


def _drop_name_parts(text: str, found: list[tuple]) -> None:
    """Drop the places read in the second half of a compound name after a place ("Daraa
    al-Balad": Daraa's old town, no town Balad elsewhere) and those closing an Arabic armed
    unit's name ("Faylaq al-Sham": the Sham Legion, no Damascus)."""
    if not found or "-" not in text:
        return
    ends = {row[1] for row in found if len(row) >= 9 and row[5] == "place"}
    found[:] = [
        row
        for row in found
        if len(row) < 9
        or row[5] != "place"
        or not (_compound_tail(text, row[0], ends) or placing.unit_tail(text, row[0]))
    ]


# A word that may open a person's name: capitalised, mid-sentence (the word before it is no
# sentence end), and no cue or preposition ("In", "Near").
_GIVEN_NAME_BEFORE = re.compile(r"(?<=[\w,'’)] )([A-Z][a-z'’]{2,})(?<!['’]s)[ \t]+$")
# Words that head a place's or a province's name in Arabic ("Wilayat al-Fallujah", "Jisr
# al-Shughur", "Deir al-Zor"): what follows them is that place, no surname.
_CONSTRUCT_HEADS = frozenset(
    (
        "wilayat", "wilayah", "madinat", "mintaqat", "nahiyat", "nahiya", "qada", "jisr", "tal",
        "tall", "tell", "ras", "deir", "dayr", "kafr", "ain", "ayn", "bab", "wadi", "jabal",
        "jebel", "sahl", "hay", "hayy", "souq", "suq", "bir", "khan", "qasr", "qalaat",
        "maarat", "marj", "umm", "beit", "bayt", "harat", "mazraat", "tawil",
    )
)  # fmt: skip
# An Arabic surname after a name: "al-Araji", "Abu Saada".
_SURNAME_AFTER = re.compile(rf"[ \t]+(?:(?i:{ARTICLE_PREFIXES})[-‑]|Abu[ \t]+)[A-Z][\w'’]+")
_ARTICLE_BEFORE = re.compile(rf"(?<![\w'’])(?i:{ARTICLE_PREFIXES})[-‑]$")


def _personal_name_part(
    text: str, start: int, end: int, starts: set[int], ends: set[int]
) -> bool:
    """Whether the place at [start, end) is a word of a person's name: a surname with its
    article after a given name ("the cleric Moqtada al-Sadr": no Sadr City), or a given name
    before an Arabic surname ("Adviser Qasim al-Araji", "Governor of Tartous Safwan Abu
    Saada": no Qasim, no Safwan). A place after a cue ("in al-Bab", "near Daraa al-Balad")
    or before a place of its own ("Daraa al-Balad" when al-Balad is a place read) stays."""
    article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    head = article.start() if article is not None else start
    # (the span may hold the article: "al-Sadr")
    has_article = article is not None or text[start : start + 3].lower() in ("al-", "el-")
    given = _GIVEN_NAME_BEFORE.search(text, max(0, head - 30), head)
    word = given.group(1).lower().strip("'’") if given is not None else ""
    if given is None or word in STOPWORDS or word in _CONSTRUCT_HEADS:
        return False
    if has_article:  # (not after a place: "Iraq al-...")
        return given.end(1) not in ends
    after = _SURNAME_AFTER.match(text, end)
    if after is None or " " in text[start:end].strip():
        return False
    return not any(end < k <= after.end() for k in starts)


def _drop_personal_names(text: str, found: list[tuple]) -> None:
    """Drop the places that are a word of a person's name (``_personal_name_part``)."""
    if not found or ("-" not in text and "Abu " not in text):
        return
    places = [row for row in found if len(row) >= 9 and row[5] == "place"]
    starts, ends = {row[0] for row in places}, {row[1] for row in places}
    found[:] = [
        row
        for row in found
        if len(row) < 9
        or row[5] != "place"
        or not _personal_name_part(text, row[0], row[1], starts, ends)
    ]


def _drop_misread(text: str, found: list[tuple]) -> None:
    """Drop the places that are a person's name or a word of a longer name."""
    _drop_office_holders(text, found)
    _drop_personal_names(text, found)
    _drop_name_parts(text, found)


def _drop_office_holders(text: str, found: list[tuple]) -> None:
    """ "X, Syria's president, said": X names a person, whatever place shares the name."""
    if not found or ", " not in text:
        return
    at = placing.office_appositions(text)
    if at:
        found[:] = [
            row
            for row in found
            if row[1] not in at
            or len(row) < 9
            or row[5] != "place"
            or not placing.office_holder(text, row[0], row[1])
        ]


def _settle_places(
    text: str,
    registry: Registry,
    found: list[tuple],
    pending: list[tuple],
    countries: dict[str, int],
    admin1s: dict[str, float],
    datelines: list,
) -> None:
    """Replace the placeholders of ``pending`` places in ``found`` by their rows.

    One sense per document: a cued mention ("the city of Raqqa", "Raqqa province") decides
    the uncued mentions of the same candidate set ("attacks in Raqqa"), the first cued one in
    document order winning; the rest is left to ``placing.choose_place`` and the context.
    """
    cued, own = _span_cues(text, pending, registry)
    places = registry.places
    areas = [
        area
        for area in _containers(text, found, pending, registry)
        if not any(a <= area[0] and area[1] <= b for a, b in datelines)  # the reporter's
    ]
    _agreed_countries(registry, pending, countries)
    dropped = False
    context = (countries, admin1s)
    loose = []  # names read by skeleton: last, with every other place as their context
    shared: list[tuple] = []  # names of a governorate and its seat read, uncued, as the first
    # in document order: each choice joins the context of the ones after it
    for idx, start, end, ids, method, score in sorted(pending, key=_START_OF_PENDING):
        if method == SKELETON:
            loose.append((idx, start, end, ids, method, score))
            continue
        if needs_cue(registry, ids):
            # a minor place: not when the sentence puts it elsewhere ("the X area of Y" with
            # no X in Y's governorate: Y is the place)
            within = _within(text, start, end, areas)
        elif method in _APPROXIMATE:
            # a spelling matched only approximately: not when the place named right after as
            # holding it ("X area in western Y", "X, Y province") lies elsewhere
            within = _holder(text, end, areas) or _stated_after(text, end, areas)
        elif len(ids) > 1 and any(places[i].cue for i in ids):
            # a spelling of villages and of a larger place: not when the area stated right
            # after it holds none of them ("Busra al-Harir, Daraa province" is no Harir)
            within = _stated_after(text, end, areas)
        else:
            within = None
        if within is not None and not any(placing.inside(within, places[i]) for i in ids):
            # the spelling may be another place's, inside the area stated right after it ("As
            # Sallehiyah in the An-Najaf countryside": not Kifri, whose alias Salahiyah folds
            # alike); an area merely nearby in the sentence says too little
            stated = _stated_after(text, end, areas)
            other = stated and _respelled_within(registry, text[start:end], stated, *context)
            if not other:
                found[idx] = ()
                dropped = True
            else:
                found[idx] = _place_row(
                    text, start, end, other, SKELETON, SKELETON_SCORE, datelines
                )
            continue
        if needs_cue(registry, ids) and _abroad(text, start, [places[i] for i in ids], countries):
            found[idx] = ()
            dropped = True
            continue
        if len(ids) > 1:
            ids = _cued_readings(text, start, end, ids, registry)
        if len(ids) == 1:
            place = places[ids[0]]
        else:
            gov, town, cands = own[idx]
            if gov == town:
                gov, town = cued.get(cands, (gov, town))
            within, said = _within(text, start, end, areas), text[start:end]
            place = placing.choose_place(ids, registry, gov, town, countries, admin1s, within, said)
            seat = None if gov or town else _seat_named_alike(registry, ids, place)
            if seat is not None:
                shared.append((idx, seat, method, score))
            if not place.cue:
                countries[place.country_code] = countries.get(place.country_code, 0) + 1
                if place.admin1:
                    admin1s[place.admin1] = admin1s.get(place.admin1, 0) + 1
        found[idx] = _place_row(text, start, end, place, method, score, datelines)
    if loose and not _settle_loose(
        text, registry, found, loose, (areas, countries, admin1s, datelines)
    ):
        dropped = True
    _shared_names_as_seats(text, registry, found, shared, datelines)
    _by_stated_point(text, registry, found, pending, datelines)
    if dropped:
        found[:] = [row for row in found if row]


def _seat_named_alike(registry: Registry, ids: list[str], place: Place) -> Place | None:
    """The town among ``ids`` that is the seat of ``place``, the governorate read for the name
    they share; None when ``place`` is no such governorate."""
    if place.precision != "governorate":
        return None
    seats = placing.seats_among([registry.places[i] for i in ids])
    return next((p for p in seats if p.seat_of == place.place_id), None)


def _shared_names_as_seats(
    text: str, registry: Registry, found: list[tuple], shared: list[tuple], datelines: list
) -> None:
    """A name a governorate shares with its seat, read with no cue as the governorate
    (``placing.SHARED_NAME_DEFAULT``), is the town when the document names no other place
    of that governorate: "a car bomb went off in Kirkuk" is the city; beside a village of
    the governorate ("Kirkuk: ... near Hawija") it stays the area holding it."""
    places = registry.places
    for idx, seat, method, score in shared:
        if not found[idx]:
            continue
        named = {row[4] for row in found if len(row) > 4 and row[4] in places}
        named -= {found[idx][4], seat.place_id}
        if any(places[p].admin1 == seat.admin1 for p in named):
            continue
        start, end = found[idx][:2]
        found[idx] = _place_row(text, start, end, seat, method, score, datelines)


def _by_stated_point(
    text: str, registry: Registry, found: list[tuple], pending: list[tuple], datelines: list
) -> None:
    """A name of several places set off by a distance and direction from a town named right
    after it ("X, 45 miles southwest of Y", "X, near Y": ``placing.stated_point``) names the
    one nearest that point, when the place chosen so far lies beyond the point's tolerance
    (``placing.point_from``) and that one within it; else the choice stands."""
    places = registry.places
    at = {row[0]: row[4] for row in found if len(row) > 4 and row[4] is not None}
    for idx, start, end, ids, method, score in pending:
        if len(ids) < 2 or len(found[idx]) < 5 or found[idx][4] is None:
            continue
        stated = placing.stated_point(text, end)
        if stated is None:
            continue
        ref = places.get(at.get(stated[0], ""))
        if ref is None or ref.precision != "town" or ref.place_id in ids:
            continue
        aim = placing.point_from(ref, stated[1], stated[2])
        if aim is None:
            continue
        point, reach = aim

        def off(p: Place, point: dict = point) -> float:
            km = placing.km_apart(point, _point(p))
            return float("inf") if km is None else km

        if off(places[found[idx][4]]) <= reach:
            continue
        towns = [places[i] for i in ids if places[i].precision not in _AREA_PRECISIONS]
        best = min(towns, key=off, default=None)
        if best is not None and off(best) <= reach:
            found[idx] = _place_row(text, start, end, best, method, score, datelines)


def _abroad(text: str, start: int, cands: list[Place], countries: dict[str, int]) -> bool:
    """A minor place (known only with a cue) found only in the conflict country the document
    does not name, while it names the other: a village the gazetteer lacks ("the village of
    X" in a report from Babil is no Syrian hamlet of that name), unless the text says whose
    it is ("the Syrian village of X")."""
    named = {c for c, n in countries.items() if n > 0 and c in _CONFLICT_COUNTRIES}
    theirs = {p.country_code for p in cands}
    if len(named) != 1 or theirs & named:
        return False
    said = _FOREIGN_BEFORE.search(text, max(0, start - 40), start)
    return said is None or DEMONYMS.get(said.group(1).lower()) not in theirs


# "the capital" named alone: not "the capital of X", "the capital city of X", nor in
# apposition to a name ("the capital, Baghdad", "the capital Damascus": the name is found).
_THE_CAPITAL = re.compile(
    r"\b[Tt]he\s+capital(?:\s+city)?\b(?!\s+(?:city\s+)?of\b)(?![ \t]*,?[ \t]*[A-Z])"
)
# ... nor restating the name just before it ("Baghdad, the capital,").
_RESTATES_BEFORE = re.compile(r"[A-Za-z][\w'’-]*\s*,\s*$")


def _the_capital(
    text: str,
    registry: Registry,
    found: list[tuple],
    countries: dict[str, int],
    actors_counted: bool,
    datelines: list,
) -> None:
    """ "the capital" named alone is the capital of the one conflict country (Syria, Iraq) the
    document names or whose actors it names ("clashes in Iraq ... a car bomb in the capital":
    Baghdad); never when it names both."""
    spans = [
        m.span()
        for m in _THE_CAPITAL.finditer(text)
        if _RESTATES_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None
    ]
    if not spans:
        return
    if not actors_counted:
        countries = dict(countries)
        _count_actor_countries(found, registry, countries)
    named = [c for c, n in countries.items() if n > 0 and c in _CONFLICT_COUNTRIES]
    if len(named) != 1:
        return
    capital = _capital_of(registry, named[0])
    if capital is None:
        return
    for a, b in spans:
        if not any(row[0] < b and a < row[1] for row in found):
            found.append(_place_row(text, a, b, capital, "alias", ALIAS_SCORE, datelines))


def _capital_of(registry: Registry, country: str) -> Place | None:
    """The national capital (PPLC) of ``country`` in the gazetteer, if it holds one."""
    key = ("capital", country)
    if key not in registry.place_cache:
        registry.place_cache[key] = next(
            (
                p
                for p in registry.places.values()
                if p.feature_code == "PPLC" and p.country_code == country
            ),
            None,
        )
    return registry.place_cache[key]


def _cued_readings(text: str, start: int, end: int, ids: list[str], registry: Registry) -> list:
    """A name that reads as a known place and as minor villages (``Place.cue``) names a
    village only with a place cue around it: "fled Ramadi" is the city, even in a document
    about Deir ez-Zor, whose hamlet Ar Ramadi would win by context ("in Ar Ramadi" may not)."""
    places = registry.places
    major = [i for i in ids if not places[i].cue]
    if not major or len(major) == len(ids):
        return ids
    return ids if place_cued(text, start, end, registry.area_after) else major


def _span_cues(text: str, pending: list[tuple], registry: Registry) -> tuple[dict, dict]:
    """(the first governorate/town cue of each candidate set, in document order; each pending
    multi-candidate span's own cues and candidate set, by index)."""
    cued: dict[frozenset, tuple[bool, bool]] = {}
    own: dict[int, tuple[bool, bool, frozenset]] = {}
    # in document order (stable: spans sharing a start keep the order they were found in)
    for idx, start, end, ids, _m, _s in sorted(pending, key=_START_OF_PENDING):
        if len(ids) > 1:
            gov, town = placing.cues(text, start, end, text[start:end])
            cands = frozenset(ids)
            if gov != town:
                cued.setdefault(cands, (gov, town))
            # "south of Kirkuk", "Kirkuk airbase": the town, for this mention alone (when the
            # name is a governorate's, only its seat: "west of Anbar" is no village Anbar)
            ref = not gov and placing.town_reference(text, start, end)
            own[idx] = (gov, town or (ref and _seat_among(registry, ids)), cands)
    return cued, own


def _seat_among(registry: Registry, ids: list[str]) -> bool:
    """Whether the readings hold a governorate's seat beside it, or no governorate."""
    places = [registry.places[i] for i in ids]
    governorates = any(p.precision == "governorate" for p in places)
    return not governorates or bool(placing.seats_among(places))


def _agreed_countries(registry: Registry, pending: list[tuple], countries: dict[str, int]):
    """Count the countries of the pending names whose readings all lie in one country
    ("Baghdad", the city or its governorate): a name earlier in the text takes the country of
    one named later ("Al-Sadiyah, 120 km north of Baghdad")."""
    places = registry.places
    for _idx, _start, _end, ids, _m, _s in pending:
        if needs_cue(registry, ids):
            continue
        found = {places[i].country_code for i in ids}
        if len(found) == 1:
            (country,) = found
            countries[country] = countries.get(country, 0) + 1


def _settle_loose(
    text: str,
    registry: Registry,
    found: list[tuple],
    loose: list[tuple],
    context: tuple[list, dict[str, int], dict[str, float], list],
) -> bool:
    """Rows for the names read by skeleton (``_by_skeleton``), the document's other places
    settled (``context``: its areas, countries, governorates and datelines); False when one
    of them names no place (its placeholder is emptied)."""
    areas, countries, admin1s, datelines = context
    holders = [area for area in areas if not placing.bearing_reference(text, area[0])]
    kept = True
    for idx, start, end, ids, method, score in loose:
        within = _within(text, start, end, areas)
        named = _by_skeleton(registry, ids, within, countries, admin1s, text[start:end])
        if named is None and _within(text, start, end, holders) is None:
            # the only areas around are towns a bearing is taken from ("X, south of
            # Damascus"): they hold nothing (X may lie in the next governorate); the one
            # reading lying within reach of such a town stands
            named = _near_bearing_town(text, registry, found, ids, end)
        if named is None:  # several places share the skeleton: none is named
            found[idx] = ()
            kept = False
        else:
            found[idx] = _place_row(text, start, end, named, method, score, datelines)
    return kept


# How far a place set off by a bearing from a town ("X, south of Y", "X, 20 km east of Y") may
# lie from that town to be the one meant.
BEARING_KM = 60.0


def _near_bearing_town(
    text: str, registry: Registry, found: list[tuple], ids: list[str], end: int
) -> Place | None:
    """The one of ``ids`` within ``BEARING_KM`` of the town a bearing is taken from right after
    the name ending at ``end`` (in the same sentence), else None."""
    places = registry.places
    for row in found:
        if len(row) < 5 or row[4] is None or not end < row[0] <= end + _HOLDER_REACH:
            continue
        ref = places[row[4]]
        if ref.precision != "town" or not placing.bearing_reference(text, row[0]):
            continue
        if _SENTENCE_END.search(text, end, row[0]) is not None:
            continue
        kms = [(placing.km_apart(_point(places[i]), _point(ref)), places[i]) for i in ids]
        near = [p for km, p in kms if km is not None and km <= BEARING_KM]
        return near[0] if len(near) == 1 else None
    return None


def _place_stands(text: str, start: int, end: int, res, registry: Registry) -> bool:
    """A partial name the document names no person by, read as a place where a place is cued
    ("clashes in Maadan, eastern Raqqa countryside"): a registered person's surname alone
    (``coref.SURNAME_SCORE``) gives way to the place there."""
    return (
        res is not None
        and any(kind == "place" for kind, _ in res[0])
        and _NAME_GOES_ON.match(text, end) is None  # (the whole name: not "Tal" of "Tal X")
        and place_cued(text, start, end)  # (not " in Y" alone: "Sharaa in Damascus")
    )


_NAME_GOES_ON = re.compile(r"[ -]+[A-Z]")


def _cued_name(text: str, start: int, end: int, registry: Registry) -> bool:
    """A name read loosely (``CUED_METHODS``) stands where a place is cued, capitalised, and
    names no body ("in Tawhid Brigade")."""
    if not place_cued(text, start, end, registry.area_after):
        return False
    nxt = _NEXT_WORD.match(text, end, end + 30)
    if nxt is not None and nxt.group(1).lower().strip(".,;:") in ORG_AFTER:
        return False
    foreign = _FOREIGN_BEFORE.search(text, max(0, start - 40), start)
    return foreign is None or DEMONYMS.get(foreign.group(1).lower()) in _HOME


_NEXT_WORD = re.compile(r"\s+(\S+)")
_DISTRICT_NEXT = re.compile(r"\s+[Dd]istrict\b")
# "the Turkish town of X", "a Lebanese village": a place of that country, which the
# gazetteer of Syria and Iraq does not hold (a name read loosely there is no place).
_FOREIGN_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:(?:border|frontier)\s+)?(?:town|city|village|province)\s+(?:of\s+)?$"
)
_HOME = frozenset({"SY", "IQ"})
# Places sharing a skeleton this close together (km) are one place listed more than once.
SKELETON_SPREAD_KM = 25.0


def _by_skeleton(
    registry: Registry,
    ids: list[str],
    within: frozenset[str] | None,
    countries: dict[str, int],
    admin1s: dict[str, float],
    said: str,
) -> Place | None:
    """The one place a name read by skeleton names, or None. Its candidates inside the areas
    the sentence names around it, else in the governorates of the document's other places,
    else (when the document places nothing in a governorate, its countries allowing) the major
    places whose own name has that skeleton ("Thiban": Dhiban, not a hamlet elsewhere with a
    variant so written); they must lie together (``SKELETON_SPREAD_KM``: one place listed
    more than once)."""
    cands = [registry.places[i] for i in ids]
    if within is not None:
        cands = [p for p in cands if placing.inside(within, p)]
        # a district named among the areas, over the rest of its governorate
        cands = [p for p in cands if p.admin2 in within] or cands
    if within is None or within <= _HOME:  # no area finer than a country named around it
        near = [p for p in cands if p.admin1 in admin1s]
        # (none there: the document's places say it is none of them)
        cands = near if near or admin1s else _named_alike(cands, countries, said)
    if not cands:
        return None
    if len(cands) > 1 and not all(
        (placing.km_apart(_point(a), _point(b)) or 0.0) <= SKELETON_SPREAD_KM
        for a in cands
        for b in cands
    ):
        return None
    return placing.choose_place(
        [p.place_id for p in cands], registry, False, False, countries, admin1s, within
    )


def _named_alike(cands: list[Place], countries: dict[str, int], said: str) -> list[Place]:
    """Among a skeleton's places, with no governorate to go by: the major places whose own
    name has that skeleton; else the places one of whose spellings differs from ``said``
    only in its vowels, a diphthong written as one vowel ("Suliman Bek": Sulaiman Bek, not
    Salman Bak)."""
    cands = [p for p in cands if not countries or p.country_code in countries]
    skel = skeleton(place_key(said))
    major = [
        p
        for p in cands
        if not p.cue and skel in {skeleton(place_key(n)) for n in (p.name, p.name_native or p.name)}
    ]
    if major:
        return major
    blind = vowel_runs_blind(place_key(said))
    return [p for p in cands if any(vowel_runs_blind(place_key(a)) == blind for a in p.aliases)]


# A capitalised word in the construct form ending "-at"/"-et" right before "al-" and the town
# it belongs to: "Amiriyat al-Fallujah" (group 1: the word without its "t").
_CONSTRUCT_BEFORE = re.compile(r"\b([A-Z][\w'’`]+?[ae])t\s+(?:(?:[Aa]l|[Ee]l)-?\s*)?$")
# What every text holding such a name holds ("-at al-", "-et el-", "-at Al-"): a cheap test.
_CONSTRUCT_HINT = re.compile(r"[ae]t [AaEe]l")
_ARTICLE_HEAD = re.compile(r"(?:[Aa]l|[Ee]l)[- ]")
# How far from the town the place in its construct name may lie (km).
CONSTRUCT_KM = 30.0


def _construct_place(registry: Registry, stem: str, town: Place) -> Place | None:
    """The place named ``stem`` + "h" ("Amiriya" -> Al Amiriyah) nearest ``town`` within
    ``CONSTRUCT_KM``, if any."""
    key = place_key(stem + "h")
    ids = {t[1] for index in (registry.key_index, registry.weak_keys) for t in index.get(key, ())}
    near = []
    for pid in ids:
        p = registry.places.get(pid)
        if p is None or p.precision != "town" or p.place_id == town.place_id:
            continue
        apart = placing.km_apart(_point(p), _point(town))
        if apart is not None and apart <= CONSTRUCT_KM:
            near.append((apart, pid))
    return registry.places[min(near)[1]] if near else None


def _point(p: Place) -> dict:
    return {"latitude": p.latitude, "longitude": p.longitude}


_AREA_PRECISIONS = frozenset({"governorate", "district", "country"})
# Match methods that only approximate the spelling (a transliteration key, a fuzzy score).
_APPROXIMATE = frozenset({"key", "fuzzy"})
# How far after a place the place holding it may start ("X neighbourhood in western Y").
_HOLDER_REACH = 60
# What may stand between a place and the area holding it in one sentence: no sentence end.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


# A country or governorate in the possessive owning a force or an office is its owner, not
# where the sentence's places lie ("Iran's Revolutionary Guards shelled ... the town of X",
# "Turkey's army"); "Syria's Idlib province", "Iraq's eastern Diyala" still hold them.
_OWNER_NOUNS = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){0,2}?(?:army|armed\s+forces|forces|military|troops|government|"
    r"ministry|authorities|president|air\s+force|navy|warplanes|jets|drones?|militias?)\b"
)


def _owner(text: str, end: int, actor_starts: set[int]) -> bool:
    """The area mention ending at ``end`` owns the force or office after it (``_OWNER_NOUNS``,
    or an actor's name right after its "'s")."""
    if text[end : end + 2] not in ("'s", "’s"):
        return False
    return _OWNER_NOUNS.match(text, end) is not None or (end + 3) in actor_starts


def _containers(text: str, found: list[tuple], pending: list[tuple], registry: Registry) -> list:
    """(start, end, names) of the document's governorate, district and country mentions,
    settled or still pending (a pending span's governorate and district readings count); not
    those a distance is given from ("40 km south of Y"), nor owners ("Iran's army")."""
    places = registry.places
    actor_starts = {row[0] for row in found if len(row) > 3 and row[3] is not None}
    out = []
    for row in found:
        if len(row) > 2 and row[4] is not None:
            p = places[row[4]]
            if _owner(text, row[1], actor_starts) or placing.unit_tail(text, row[0]):
                continue
            if p.precision in _AREA_PRECISIONS:
                names = frozenset({_area_name(p)})
            elif p.admin1 and placing.holds_previous(text, row[0]):
                # "the Mansur district of Baghdad": the town holds the place before it
                names = frozenset({p.admin1})
            elif seat := _bracketed_seat(text, row[0], row[1], p):
                names = seat  # "X (Choman, Erbil)": a district named by its seat's name
            else:
                continue
            if not placing.distance_reference(text, row[0]):  # "120 km north of Y": no holder
                out.append((row[0], row[1], names))
    for _idx, start, end, ids, _m, _s in pending:
        if placing.unit_tail(text, start):
            continue  # "Faylaq al-Sham": a word of a unit's name
        cands = [places[i] for i in ids]
        names = frozenset(_area_name(p) for p in cands if p.precision in _AREA_PRECISIONS)
        if not names and placing.holds_previous(text, start):
            names = frozenset(p.admin1 for p in cands if p.admin1 and not p.cue)
        elif not names and len(cands) == 1:
            # the same, its name spelled otherwise ("(Al-Malikeyyeh, Al-Hasakeh)")
            names = _bracketed_seat(text, start, end, cands[0]) or names
        if names and not placing.distance_reference(text, start):
            out.append((start, end, names))
    return out


def _bracketed_seat(text: str, start: int, end: int, p: Place) -> frozenset[str] | None:
    """The areas town ``p`` stands for when named at ``text[start:end]`` among a bracket's
    areas (its district and governorate), else None."""
    if p.admin2 and p.precision == "town" and placing.in_bracket(text, start, end):
        return frozenset({p.admin2, p.admin1 or p.country_code})
    return None


def _holder(text: str, end: int, areas: list) -> frozenset[str] | None:
    """The areas of the place named right after ``end`` as holding the one before it ("X
    neighbourhood in western Y": Y's), if any."""
    for a, b, names in areas:
        if (
            end <= a <= end + _HOLDER_REACH
            and a < b
            and placing.holds_previous(text, a)
            and _SENTENCE_END.search(text, end, a) is None
        ):
            return names
    return None


# What stands between a name and the area stated as holding it: "X, Y province", "X (Y
# governorate)", "X in the Y countryside", "the X frontline in Y", "X village in southern Y".
_STATED_GAP = re.compile(
    r"(?:\s+(?:village|town|city|area|neighbou?rhood|frontline|front|axis|hill|farms))?"
    r"(?:\s*[,(]\s*|\s+in\s+(?:the\s+)?)(?:(?:north|south|east|west)\w*\s+|rural\s+)?",
    re.IGNORECASE,
)


# One name of a chain of areas between a village and its governorate ("X village, Jabal
# al-Zawiya, Idlib", "X, Ghab Plain, Hama"): a capitalised run of up to four words, then a
# comma or a bracket.
_CHAIN_LINK = re.compile(
    r"(?:the\s+)?[A-Z][\w'’`]*(?:[ -]+(?:[A-Z]|al-|el-|as-|ash-|ad-|az-|ar-|an-|at-)[\w'’`-]*)"
    r"{0,3}\s*[,(]\s*"
)


def _stated_after(text: str, end: int, areas: list) -> frozenset[str] | None:
    """The areas of a governorate, district or country stated right after ``end`` as holding
    the name before it (``_STATED_GAP``), if any; else those stated after one more name of
    the chain (``_CHAIN_LINK``: a region between the village and its governorate)."""
    near = [
        (a, names, _STATED_GAP.match(text, end, a))
        for a, b, names in areas
        if end < a <= end + _HOLDER_REACH and a < b
    ]
    for a, names, gap in near:
        if gap is not None and gap.end() == a:
            return names
    for a, names, gap in near:
        link = gap and gap.end() > end and _CHAIN_LINK.match(text, gap.end(), a)
        if link and link.end() == a:
            return names
    return None


def _respelled_within(
    registry: Registry,
    said: str,
    within: frozenset[str],
    countries: dict[str, int],
    admin1s: dict[str, float],
) -> Place | None:
    """The one place inside ``within`` that ``said`` names by key or skeleton, when the place
    its spelling first matched lies outside: a village spelled as another place's alias. A
    country stated alone ("X, Iraq") counts too: its namesakes there, by ``_by_skeleton``'s
    rules (the document's governorates, else lying together)."""
    key = place_key(said)
    ids = list(
        dict.fromkeys(
            t[1]
            for index in (registry.key_index, registry.weak_keys, registry.skeletons)
            for t in index.get(skeleton(key) if index is registry.skeletons else key, ())
            if t[0] == "place"
        )
    )
    if not ids:
        return None
    return _by_skeleton(registry, ids, within, countries, admin1s, said)


def _area_name(p: Place) -> str:
    """The name a governorate, district or country goes by in its places' rows."""
    return (p.admin2 if p.precision == "district" else p.admin1) or p.country_code


def _within(text: str, start: int, end: int, areas: list) -> frozenset[str] | None:
    """The areas the sentence of ``text[start:end]`` names around it ("X, Diyala province",
    "X in the Balad Ruz district", "the Y countryside"), as admin1/admin2/country names."""
    names: set[str] = set()
    for a, b, area in areas:
        if a < b and (b <= start or a >= end) and (a, b) != (start, end):
            lo, hi = (b, start) if b <= start else (end, a)
            if hi - lo <= 120 and _SENTENCE_END.search(text, lo, hi) is None:
                names |= area
    return frozenset(names) if names else None


class DetectedText(NamedTuple):
    """What detection computed of one readable text, for a step that would compute it again
    (``discover.name_candidates_of``)."""

    doc_id: str
    text: str
    runs: list[tuple[int, int]]  # matcher.name_runs(text) but the runs inside one hit
    bounds: list[int] | None  # sentences.sentence_bounds(text), None when it has no mention
    spans: list[tuple[int, int]]  # its mentions' (char_start, char_end), in row order


def detect_mentions(documents: pa.Table, registry: Registry) -> pa.Table:
    """schemas.ENTITY_MENTIONS rows for ``documents`` (doc_id, text and, when present, title),
    in document order: a document's headline rows (``field = 'title'``) before its body's.

    ``<field>[char_start:char_end] == surface`` on every row. The body is read first, alone,
    so its rows do not depend on the headline; the headline's ambiguous places are chosen with
    the body's places as context. A text that cannot be read (null) yields no rows; it never
    stops the others.
    """
    return _detect(documents, registry, None)


def mentions_in(text: str, registry: Registry) -> int:
    """How many mentions detection finds in ``text`` read alone."""
    return _mentions_of(text, registry, [], [])


def detect_texts(documents: pa.Table, registry: Registry) -> tuple[pa.Table, list[DetectedText]]:
    """``detect_mentions(documents, registry)`` and, in document order, a ``DetectedText``
    per document with a readable (non-null, non-empty) text (the body's, never the title's)."""
    detected: list[DetectedText] = []
    return _detect(documents, registry, detected), detected


def _detect(documents: pa.Table, registry: Registry, detected: list | None) -> pa.Table:
    doc_ids = documents.column("doc_id").to_pylist()
    texts = documents.column("text").to_pylist()
    if "title" in documents.column_names:
        titles = documents.column("title").to_pylist()
    else:
        titles = [None] * documents.num_rows
    doc_column: list[str] = []
    fields: list[str] = []
    sentence_nos: list[int] = []
    rows: list[tuple] = []  # (char_start, ..., role): _ROW
    batches: list[pa.RecordBatch] = []
    aside: list | None = None if detected is None else []
    for doc_id, text, title in zip(doc_ids, texts, titles, strict=True):
        context: tuple[dict[str, int], dict[str, float]] = ({}, {})
        n = 0
        if isinstance(text, str) and text:
            n = _mentions_of(text, registry, rows, sentence_nos, aside, context)
            if aside is not None and detected is not None:
                runs, bounds = aside.pop()
                spans = list(map(_SPAN_OF_HIT, rows[-n:])) if n else []
                detected.append(DetectedText(str(doc_id), text, runs, bounds, spans))
        n_title = _title_mentions(title, registry, rows, sentence_nos, n, context)
        if n + n_title:
            doc_column.extend(repeat(str(doc_id), n + n_title))
            fields.extend(repeat("title", n_title))
            fields.extend(repeat("text", n))
        if len(rows) >= BATCH_ROWS:
            batches.append(_batch(doc_column, fields, sentence_nos, rows))
            doc_column, fields, sentence_nos, rows = [], [], [], []
    batches.append(_batch(doc_column, fields, sentence_nos, rows))
    return pa.Table.from_batches(batches, schemas.ENTITY_MENTIONS).combine_chunks()


def _title_mentions(
    title: object,
    registry: Registry,
    rows: list,
    sentence_nos: list,
    n_body: int,
    context: tuple[dict[str, int], dict[str, float]],
) -> int:
    """Detect a headline's mentions and put them before its body's ``n_body`` rows (the last
    ones of ``rows``); returns how many there are."""
    if not isinstance(title, str) or not title:
        return 0
    own_rows: list[tuple] = []
    own_nos: list[int] = []
    n = _mentions_of(title, registry, own_rows, own_nos, None, context)
    if n:
        at = len(rows) - n_body
        rows[at:at] = own_rows
        sentence_nos[at:at] = own_nos
    return n


def _batch(
    doc_column: list[str], fields: list[str], sentence_nos: list[int], rows: list[tuple]
) -> pa.RecordBatch:
    """ENTITY_MENTIONS rows from the lists ``_detect`` fills."""
    doc_ids = pa.array(doc_column, pa.string())
    field = pa.array(fields, pa.string())
    tails = pa.array(rows, type=_ROW).flatten()
    start, end = pc.cast(tails[0], pa.string()), pc.cast(tails[1], pa.string())
    # f"{doc_id}:{char_start}:{char_end}" in the body, f"{doc_id}:title:{char_start}:{char_end}"
    # in the headline (the body's ids are the same as before headlines were read)
    mention_id = pc.if_else(
        pc.equal(field, "title"),
        pc.binary_join_element_wise(doc_ids, field, start, end, ":"),
        pc.binary_join_element_wise(doc_ids, start, end, ":"),
    )
    return pa.RecordBatch.from_arrays(
        [mention_id, doc_ids, field, pa.array(sentence_nos, pa.int32()), *tails],
        schema=schemas.ENTITY_MENTIONS,
    )
