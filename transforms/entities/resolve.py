"""Resolution of a surface string to registry targets: exact alias, then key, then fuzzy.

``resolve_surface`` is cached per registry and surface string, so a name costs its key and
fuzzy search once per process, not once per mention. ``pick_target`` chooses among a span's
candidate targets (an entity and a place may share a name: "Dabiq" the outlet and the town)
from context cues, and swaps a generic ministry to the country named before it
("Iraq's Defence Ministry" -> the Iraqi ministry).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from transforms.entities.keys import (
    ARTICLES,
    consonants,
    name_key,
    place_key,
    skeleton,
    vowel_blind,
)
from transforms.entities.lexicon import (
    COUNTRY_ADJECTIVE,
    DEMONYMS,
    FUNCTION_WORDS,
    NAME_JOINERS,
    NOT_PLACE_NAMES,
    ORG_AFTER,
    PERSON_TITLES,
    PLACE_AFTER,
    STOPWORDS,
    TOWN_BEFORE,
)
from transforms.entities.registry import CUE, Registry, normalise

# Fuzzy matching on keys (rapidfuzz ratio, 0-100): the floor for multi-word and one-word names,
# and the shortest one-word key fuzzy matching may touch (short words collide too easily).
FUZZY_MIN_MULTI = 88.0
FUZZY_MIN_SINGLE = 92.0
FUZZY_SINGLE_MIN_LEN = 6
KEY_SCORE = 0.95  # a key match is near-certain: the folding only merges spellings
BLIND_SCORE = 0.9  # a minor place's key matched with its vowels ignored
# Match methods of names read only where a place is cued (``needs_cue`` aside): a guarded
# town's name by key ("Heet" for "Hit"), and a place's name by consonant skeleton
# (``keys.skeleton``: "Thiban" for "Dhiban"), which detection resolves only when it names one
# place, there or within the areas the text names. Rows say "key" and "fuzzy".
CUED_KEY = "key-cued"
SKELETON = "skeleton"
CUED_METHODS = frozenset({CUED_KEY, SKELETON})
ROW_METHOD = {CUED_KEY: "key", SKELETON: "fuzzy"}
SKELETON_SCORE = 0.85
# The fewest consonants of a window read by skeleton in place of a shorter reading inside it
# ("Tal al Hawa" is no "Tall Hu": both "tl h").
SKELETON_WINDOW_MIN = 4
# Words that are never a name read by key or fuzzily, whatever they fold to ("Shiite" folds as
# a village's "Es Shita" does): English words, communities and faiths, demonyms.
_WORDS = STOPWORDS | NOT_PLACE_NAMES | frozenset(DEMONYMS)

Resolution = tuple[list[tuple[str, str]], str, float]  # (targets, method, score)


def _plain_word(surface: str) -> bool:
    """A word of ``_WORDS``, or a people's name in the plural ("Saudis", "Afghans")."""
    word = surface.lower().replace("’", "'")
    return word in _WORDS or (word.endswith("s") and word[:-1] in DEMONYMS)


def resolve_surface(registry: Registry, surface: str) -> Resolution | None:
    """Targets for an uncovered name span by key, then fuzzy key; None if neither finds one."""
    cache = registry.resolve_cache
    if surface in cache:
        return cache[surface]
    out = _resolve(registry, surface)
    cache[surface] = out
    return out


def _resolve(registry: Registry, surface: str) -> Resolution | None:
    key = name_key(surface)
    if not key or _plain_word(surface):
        return None
    full = place_key(surface)
    guarded = registry.guard_keys.get(full)
    if guarded:  # a town whose own name is an English word, spelled otherwise ("Heet")
        return list(guarded), CUED_KEY, KEY_SCORE
    if key in STOPWORDS:
        return None  # a place's name keeps its title words ("Shaykh al Hadid")
    hit = (_key_hits(registry, full) if full != key else []) or _key_hits(registry, key)
    if hit:  # (a minor place's key: ``needs_cue`` tells the caller to look for a cue)
        return hit, "key", KEY_SCORE
    blind = registry.weak_blind.get(vowel_blind(full))
    if blind:  # a minor place's name with other short vowels ("Salehiyeh"): only with a cue
        return list(blind), "fuzzy", BLIND_SCORE
    return _fuzzy(registry, key) or _skeleton(registry, full)


def _fuzzy(registry: Registry, key: str) -> Resolution | None:
    """A major target whose key is close enough to ``key`` (rapidfuzz ratio)."""
    ntok = key.count(" ") + 1
    if ntok == 1 and len(key) < FUZZY_SINGLE_MIN_LEN:
        return None
    bucket = registry.fuzzy_buckets.get((ntok, key[0]))
    if not bucket:
        return None
    cutoff = FUZZY_MIN_SINGLE if ntok == 1 else FUZZY_MIN_MULTI
    best = process.extractOne(key, bucket, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None:
        return None
    return list(registry.key_index[best[0]]), "fuzzy", round(best[1] / 100.0, 4)


def _skeleton(registry: Registry, key: str) -> Resolution | None:
    """The places sharing the consonant skeleton of ``key`` (only skeletons long enough are
    indexed: ``Registry.skeletons``)."""
    targets = registry.skeletons.get(skeleton(key))
    return (list(targets), SKELETON, SKELETON_SCORE) if targets else None


def _key_hits(registry: Registry, key: str) -> list[tuple[str, str]]:
    """The targets of ``key``: the major ones, else the minor places (found with a cue only)."""
    return list(registry.key_index.get(key, ()) or registry.weak_keys.get(key, ()))


def needs_cue(registry: Registry, ids: list[str]) -> bool:
    """Whether place candidates ``ids`` are all minor places (``Place.cue``)."""
    places = registry.places
    return all(places[i].cue for i in ids)


def pick_target(
    registry: Registry, targets: list[tuple[str, str]], text: str, start: int, end: int,
    titled: bool,
) -> tuple[str, list[str]]:  # fmt: skip
    """('entity', [id]) or ('place', [candidate ids]) for a span, from its context."""
    ents = [t[1] for t in targets if t[0] == "entity"]
    places = [t[1] for t in targets if t[0] == "place"]
    if ents and places:
        after = text[end : end + 20].split()
        nxt = after[0].lower().strip(".,;:") if after else ""
        before = text[max(0, start - 20) : start].lower().rstrip()
        if nxt in PLACE_AFTER or before.endswith(TOWN_BEFORE + ("in", "near", "at")):
            ents = []
        elif (
            nxt in ORG_AFTER
            or titled
            or any(registry.entities[e].entity_id.startswith("ent:") for e in ents)
        ):
            places = []
    if not ents:
        return "place", places
    if titled:
        persons = [e for e in ents if registry.entities[e].entity_type == "person"]
        ents = persons or ents
    # curated entities before the ones derived from sanctions lists
    ents.sort(key=lambda e: (not e.startswith("ent:"), e))
    return "entity", [country_swap(registry, ents[0], text, start, end)]


def country_swap(registry: Registry, entity_id: str, text: str, start: int, end: int) -> str:
    """ "Iraq's Defence Ministry": the generic alias becomes that country's own body."""
    ent = registry.entities[entity_id]
    if ent.entity_type != "government" or not ent.country_code:
        return entity_id
    before = text[max(0, start - 20) : start].rsplit(None, 1)  # (its last word)
    if not before:
        return entity_id
    word = before[-1].lower().replace("’", "'").removesuffix("'s")
    country = DEMONYMS.get(word)
    if not country or country == ent.country_code or country not in COUNTRY_ADJECTIVE:
        return entity_id
    key = name_key(f"{COUNTRY_ADJECTIVE[country]} {text[start:end]}")
    for kind, other in registry.key_index.get(key, []):
        if kind == "entity":
            return other
    return entity_id


# (start, end, targets, method, score), relative to a run
Window = tuple[int, int, list[tuple[str, str]], str, float]
# English words that head many place names ("Tall Shihab", "Tell Abyad": a hill).
_PLACE_HEADS = frozenset({"tall", "tell"})
# Common words that are also the articles and joiners of Arabic names ("as", "al", "abu"):
# a window read by skeleton may hold them, and no other common word.
_NAME_WORDS = ARTICLES | NAME_JOINERS | _PLACE_HEADS
_WORD_SPAN = re.compile(r"\S+")


def resolve_run(
    registry: Registry, run: str, hits: tuple[tuple[int, int], ...]
) -> tuple[list[Window], list[tuple[int, int]]]:
    """Key matches among the word windows of a capitalised run, and what is left uncovered.

    ``hits`` are the registry hits inside the run (relative spans). A window is a contiguous
    stretch of words that neither starts nor ends with a function word or a title (a title may
    start a place's name: "Sheikh al-Hadeed", "Tell Chihab", read by ``place_key``), whose key
    has two or more words (one-word names are left to coreference), and that holds each hit
    it touches whole; longest windows win. A window that contains hits replaces them: "Islamic
    State of Iraq and al-Shaam" beats the hit "Islamic State of Iraq". A window no key names
    may name a place by its consonant skeleton (``keys.skeleton``: "Abu Hakfa al Jnubi" for
    Abu Hakfa al Janubi, before "Abu Hakfa" by key; method ``SKELETON``, which detection reads
    only where a place is cued) when it holds no common word and no hit but minor places'
    names ("as Saghir" in "Drawznah as Saghir"). Returns the windows and the uncovered
    stretches (relative spans, untrimmed). Cached per (run, hits).
    """
    cache = registry.run_cache
    ck = (run, hits)
    hit = cache.get(ck)
    if hit is not None:
        return hit
    words = []
    for m in _WORD_SPAN.finditer(run):
        s, e = m.span()
        w = run[s:e]
        trail = len(w) - len(_TRAIL.sub("", w))
        words.append((s, e - trail, _TRAIL.sub("", w).lower()))
    n = len(words)
    edge_ok = [w[2] not in FUNCTION_WORDS and w[2] not in PERSON_TITLES for w in words]
    # a title or a hill may start a place's name ("Sheikh al-Hadeed", "Tell Chihab"): such a
    # window is read by place key
    titled = [w[2] in PERSON_TITLES or w[2] in _PLACE_HEADS for w in words]
    taken = [False] * n
    found: list[Window] = []
    soft = [_minor_hit(registry, run[hs:he]) for hs, he in hits]
    for length in range(n, 0, -1):
        for i in range(n - length + 1):
            j = i + length - 1
            if not ((edge_ok[i] or titled[i]) and edge_ok[j]) or any(taken[i : j + 1]):
                continue
            s, e = words[i][0], words[j][1]
            if any(
                (hs < e and s < he and not (s <= hs and he <= e)) or (hs == s and he == e)
                for hs, he in hits
            ):
                continue  # cuts a hit, or is one
            if length == 1 and any(hs <= s and e <= he for hs, he in hits):
                continue
            targets = _window_targets(registry, run[s:e], titled[i])
            if targets:
                found.append((s, e, list(targets), "key", KEY_SCORE))
                for k in range(i, j + 1):
                    taken[k] = True
    if found or any(soft):
        found = _skeleton_windows(registry, run, words, found, hits, soft)
    out = (sorted(found), _uncovered(run, found, hits))
    cache[ck] = out
    return out


def _window_targets(registry: Registry, window: str, titled: bool) -> list[tuple[str, str]]:
    """The targets of a window's key; one-word keys are left to coreference first ("Sharaa",
    "Al Assad"). A window starting with a title is read as a place's name, title and all."""
    key = place_key(window) if titled else name_key(window)
    if " " not in key:
        return []
    targets = _key_hits(registry, key)  # a minor place's too: detection asks for its cue
    return [t for t in targets if t[0] == "place"] if titled else targets


def _skeleton_windows(
    registry: Registry,
    run: str,
    words: list[tuple[int, int, str]],
    found: list[Window],
    hits: tuple[tuple[int, int], ...],
    soft: list[bool],
) -> list[Window]:
    """``found`` with the longer windows that name a place by skeleton in place of the key
    windows and minor places' hits they hold: the longest name wins ("Abu Hakfa al Jnubi"
    over the key window "Abu Hakfa", "Drawznah as Saghir" over the hit "as Saghir"). Only
    such windows: a stretch holding neither goes whole to ``resolve_surface``, where a fuzzy
    match of a major place comes first ("Jurf al-Sakr")."""
    shorter = [(s, e) for s, e, *_rest in found] + [
        h for h, ok in zip(hits, soft, strict=True) if ok
    ]
    plain = [w[2] not in STOPWORDS or w[2] in _NAME_WORDS for w in words]
    n = len(words)
    for length in range(n, 1, -1):
        for i in range(n - length + 1):
            j = i + length - 1
            s, e = words[i][0], words[j][1]
            if not all(plain[i : j + 1]) or words[i][2] in FUNCTION_WORDS - _NAME_WORDS:
                continue
            if not any(s <= a and b <= e and (a, b) != (s, e) for a, b in shorter):
                continue  # nothing shorter to beat
            if any(
                hs < e and s < he and not (s <= hs and he <= e and ok)
                for (hs, he), ok in zip(hits, soft, strict=True)
            ):
                continue  # cuts a hit, or holds one that names more than minor places
            if any(fs < e and s < fe and not (s <= fs and fe <= e) for fs, fe, *_r in found):
                continue  # cuts a window
            key = place_key(run[s:e])
            targets = [t for t in registry.skeletons.get(skeleton(key), ()) if t[0] == "place"]
            if " " in key and targets and consonants(skeleton(key)) >= SKELETON_WINDOW_MIN:
                found = [w for w in found if not (s <= w[0] and w[1] <= e)]
                found.append((s, e, targets, SKELETON, SKELETON_SCORE))
                shorter = [(a, b) for a, b in shorter if not (s <= a and b <= e)]
    return found


def _minor_hit(registry: Registry, said: str) -> bool:
    """Whether a registry hit inside a run names only minor places (``Place.cue``): a longer
    window read by skeleton may hold it ("as Saghir" in "Drawznah as Saghir")."""
    pat = registry.patterns.get(normalise(said).strip())
    return pat is not None and pat.case == CUE


def _uncovered(
    run: str, found: list[Window], hits: tuple[tuple[int, int], ...]
) -> list[tuple[int, int]]:
    """The stretches of ``run`` neither a window nor a hit covers."""
    covered = sorted([(s, e) for s, e, *_rest in found] + [h for h in hits])
    left: list[tuple[int, int]] = []
    pos = 0
    for s, e in covered:
        if s > pos:
            left.append((pos, s))
        pos = max(pos, e)
    if pos < len(run):
        left.append((pos, len(run)))
    return left


_TRAIL = re.compile(r"(?:['’]s)?[.,;:’'\"”)]*$")
