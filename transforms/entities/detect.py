"""detect_mentions: every span of a document that names a registry actor or place.

Per document: one automaton pass (``matcher.known_hits``), one regex pass for the remaining
capitalised names (``matcher.name_pieces``), then resolution in two passes. Pass one settles
the registry hits and the full names found by key or fuzzy match, and collects the document's
country context and person antecedents; pass two resolves places by that context and partial
names ("Sharaa") by coreference. Output rows are in document order, one per span.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import itemgetter

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.entities import places as placing
from transforms.entities.coref import Antecedents
from transforms.entities.keys import name_key
from transforms.entities.lexicon import DEMONYMS, PERSON_TITLES, STOPWORDS
from transforms.entities.matcher import known_hits, make_piece, name_runs
from transforms.entities.registry import Registry, normalise
from transforms.entities.resolve import (
    KEY_SCORE,
    country_swap,
    pick_target,
    resolve_run,
    resolve_surface,
)
from transforms.sentences import sentence_spans

ALIAS_SCORE = 1.0
_START = itemgetter(0)
_FIELDS = list(schemas.ENTITY_MENTIONS)[1:]  # the columns _mentions_of fills, in order
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
    before = text[max(0, start - 25) : start].split()
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
        (ws, we, targets, [i for i, (hs, he) in enumerate(rel) if ws <= hs and he <= we])
        for ws, we, targets in windows
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


def _mentions_of(doc_id: str, text: str, registry: Registry, out: tuple) -> None:
    """Append one document's mentions to the columns whose ``extend`` methods are ``out``
    (ENTITY_MENTIONS order, mention_id left out)."""
    norm = normalise(text)
    hits = known_hits(text, norm, registry)
    # (start, end, kind, ids, method, score)
    found: list[tuple[int, int, str, list[str], str, float]] = []
    add = found.append
    later = []  # (start, end, surface, titled, key tokens, resolution)
    replaced: set[int] = set()  # hits inside a longer key-matched window
    hi, n_hits = 0, len(hits)
    plans = registry.plan_cache
    for r_start, r_end in name_runs(text):
        while hi < n_hits and hits[hi][1] <= r_start:
            hi += 1
        if hi < n_hits:
            h = hits[hi]
            if h[0] == r_start and h[1] >= r_end and (hi + 1 >= n_hits or hits[hi + 1][0] >= r_end):
                continue  # the run is one registry hit ("ISIS", "Syria")
            j = hi
            while j < n_hits and hits[j][0] < r_end:
                # a hit reaching past the run ("... province") widens it
                h = hits[j]
                if h[0] < r_start:
                    r_start = h[0]
                if h[1] > r_end:
                    r_end = h[1]
                j += 1
            if j > hi:
                rel = tuple((hits[k][0] - r_start, hits[k][1] - r_start) for k in range(hi, j))
                if j - hi == 1 and rel[0] == (0, r_end - r_start):
                    continue  # the run is one registry hit
            else:
                rel = ()
        else:
            rel = ()
        run = text[r_start:r_end]
        plan = plans.get((run, rel))
        if plan is None:
            plan = plans[(run, rel)] = _run_plan(registry, run, rel)
        wins, resolved, deferred = plan
        for ws, we, targets, inside in wins:
            a, b = r_start + ws, r_start + we
            replaced.update(hi + i for i in inside)
            kind, ids = pick_target(registry, targets, text, a, b, _titled(text, a))
            add((a, b, kind, ids, "key", KEY_SCORE))
        for ps, pe, res, titled in resolved:
            a, b = r_start + ps, r_start + pe
            kind, ids = pick_target(registry, res[0], text, a, b, titled or _titled(text, a))
            add((a, b, kind, ids, res[1], res[2]))
        for ps, pe, *rest in deferred:
            later.append((r_start + ps, r_start + pe, *rest))
    for k, (h_start, h_end, pat) in enumerate(hits):
        if pat.fixed is not None:
            if k not in replaced:
                kind, ids = pat.fixed
                add((h_start, h_end, kind, ids, "alias", ALIAS_SCORE))
            continue
        if k in replaced:
            continue
        if len(pat.targets) == 1:  # one government body: only its country can change
            kind, ids = "entity", [country_swap(registry, pat.targets[0][1], text, h_start, h_end)]
        else:
            kind, ids = pick_target(
                registry, pat.targets, text, h_start, h_end, _titled(text, h_start)
            )
        add((h_start, h_end, kind, ids, "alias", ALIAS_SCORE))
    # context: countries of unambiguous places and named countries; person antecedents
    countries: Counter = Counter()
    admin1s: Counter = Counter()
    ante = Antecedents()
    for start, end, kind, ids, _m, _s in found:
        if kind == "place" and len(ids) == 1:
            known = registry.places[ids[0]]
            countries[known.country_code] += 1
            if known.admin1:
                admin1s[known.admin1] += 1
        elif kind == "entity" and registry.entities[ids[0]].entity_type == "person":
            ante.add(start, text[start:end], ids[0])
    ante.finish()
    for p_start, p_end, _surface, titled, toks, res in later:
        ref = ante.resolve_tokens(p_start, toks, registry)
        if ref is not None:
            add((p_start, p_end, "entity", [ref[0]], "coreference", ref[1]))
        elif res is not None:
            titled = titled or _titled(text, p_start)
            kind, ids = pick_target(registry, res[0], text, p_start, p_end, titled)
            add((p_start, p_end, kind, ids, res[1], res[2]))
    # guarded names last: any other reading of the span wins
    guarded = registry.guarded_regex
    if guarded is not None and any(map(text.__contains__, registry.guarded)):
        for g in guarded.finditer(text):
            a, b = g.span(1)
            if not any(s < b and a < e for s, e, *_ in found):
                found.append((a, b, "place", list(registry.guarded[g.group(1)]), "alias", 1.0))
    found.sort(key=_START)  # stable: equal starts keep their order
    # one sense per document: a cued mention ("the city of Raqqa", "Raqqa province") decides
    # the uncued mentions of the same candidate set ("attacks in Raqqa") in this document
    cued: dict[frozenset, tuple[bool, bool]] = {}
    own_cues = []  # (gov, town, candidate set) of each ambiguous place, for the loop below
    for start, end, kind, ids, _m, _s in found:
        if kind == "place" and len(ids) > 1:
            gov, town = placing.cues(text, start, end, text[start:end])
            cands = frozenset(ids)
            own_cues.append((gov, town, cands))
            if gov != town:
                cued.setdefault(cands, (gov, town))
    next_cues = iter(own_cues).__next__
    datelines = placing.dateline_spans(text)
    spans = sentence_spans(text)
    si, n_spans = 0, len(spans)
    places, entities, role_of = registry.places, registry.entities, placing.role
    rows = []  # this document's rows, turned into columns at the end
    row = rows.append
    for start, end, kind, ids, method, score in found:
        surface = text[start:end]
        if kind == "place":
            if len(ids) == 1:
                place = places[ids[0]]
            else:
                gov, town, cands = next_cues()
                if gov == town:
                    gov, town = cued.get(cands, (gov, town))
                place = placing.choose_place(ids, registry, gov, town, countries, admin1s)
            if place.precision == "governorate" and method != "alias":
                m = _GOV_SUFFIX.match(text, end)
                if m:  # "Deir Ez-Zour province": the cue word is part of the name
                    end = m.end()
                    surface = text[start:end]
            in_dl = bool(datelines) and any(a <= start and end <= b for a, b in datelines)
            if method == "alias" and surface == place.name:
                method = "exact"
            entity_id, place_id, etype = None, place.place_id, "place"
            if in_dl or place.feature_code == "PPLC" or place.precision == "country":
                role = role_of(text, end, place, in_dl)
            else:
                role = None  # (what role_of says of a town or a governorate outside datelines)
        else:
            ent = entities[ids[0]]
            if method == "alias" and surface == ent.canonical_name:
                method = "exact"
            entity_id, place_id, etype, role = ent.entity_id, None, ent.entity_type, None
        # sentence number by one merge pass (mentions and sentences are both in order)
        while si < n_spans and spans[si][1] <= start:
            si += 1
        sentence_no = si if si < n_spans and spans[si][0] <= start else -1
        row(
            (doc_id, sentence_no, start, end, surface, entity_id, place_id, etype, method, score,
             role)
        )  # fmt: skip
    if rows:
        for extend, values in zip(out, zip(*rows, strict=True), strict=True):
            extend(values)


def detect_mentions(documents: pd.DataFrame | pa.Table, registry: Registry) -> pa.Table:
    """schemas.ENTITY_MENTIONS rows for ``documents`` (doc_id, text), in document order.

    ``text[char_start:char_end] == surface`` on every row. One document's text that cannot be
    read (null) yields no rows; it never stops the others.
    """
    if isinstance(documents, pa.Table):
        documents = documents.select(["doc_id", "text"]).to_pandas()
    # one list per column (ENTITY_MENTIONS order, mention_id left out: Arrow joins it below)
    columns: list[list] = [[] for _ in _FIELDS]
    out = tuple(c.extend for c in columns)
    for doc_id, text in zip(documents["doc_id"].tolist(), documents["text"].tolist(), strict=True):
        if isinstance(text, str) and text:
            _mentions_of(str(doc_id), text, registry, out)
    arrays = [pa.array(c, type=f.type) for c, f in zip(columns, _FIELDS, strict=True)]
    doc_ids, starts, ends = arrays[0], arrays[2], arrays[3]
    mention_id = pc.binary_join_element_wise(  # f"{doc_id}:{char_start}:{char_end}"
        doc_ids, pc.cast(starts, pa.string()), pc.cast(ends, pa.string()), ":"
    )
    return pa.Table.from_arrays([mention_id, *arrays], schema=schemas.ENTITY_MENTIONS)
