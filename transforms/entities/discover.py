"""Discovery: unknown names that recur across documents become entities (origin 'discovered').

Two steps, so the corpus-wide one never holds the corpus: ``name_candidates`` runs per chunk
of documents beside ``detect_mentions`` and keeps what needs the text; ``discover`` streams
those candidates once the corpus is extracted (``discover_entities`` runs both in memory).
``extract_names`` is detection and ``name_candidates`` in one pass over each text, reusing
what detection found (name runs, sentence bounds, mention spans): the chunk stage calls it.

Candidates are the capitalised name spans no mention covers (``matcher.name_pieces``), minus
sentence-initial single words and words that are only demonyms or common words. Candidates
are grouped by match key; keys of the same length and initial that are fuzzy-similar join one
cluster, and a one-word key joins the one multi-word cluster ending with it ("Kobani" ->
"Mazloum Kobani"). A cluster named in at least ``MIN_DOCUMENTS`` documents becomes an entity
(a sentence-initial candidate joined by "of"/"and" keeps only what follows the joiner); its
type comes from context (a title: person; "group", "forces": armed_group; "agency": media;
"ministry": government; "province", "city of": place), else 'unknown'. A candidate made only
of words the corpus also writes in lower case ("Attack", "Authorities") is a common noun
capitalised by position and never becomes an entity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz

from transforms import schemas
from transforms.entities.detect import detect_texts
from transforms.entities.keys import name_key
from transforms.entities.lexicon import DEMONYMS, PLACE_AFTER, STOPWORDS, TOWN_BEFORE
from transforms.entities.matcher import Piece, name_pieces
from transforms.entities.registry import Registry
from transforms.sentences import sentence_bounds

_JOINER = re.compile(r"\s+(?:of|and)\s+")
MIN_DOCUMENTS = 2  # a name seen in one article only is not yet an entity
CLUSTER_MIN_RATIO = 88.0  # rapidfuzz ratio between two keys of one cluster
_TYPE_CUES = {
    "armed_group": {"group", "forces", "force", "militia", "militias", "brigade", "brigades",
                    "battalion", "front", "movement", "faction", "fighters", "army"},
    "media": {"agency", "outlet", "newspaper", "channel", "tv", "television", "radio"},
    "government": {"ministry", "ministries", "government", "council", "command"},
}  # fmt: skip


def _plain_word(w: str) -> bool:
    w = re.sub(r"['’]s$", "", w.lower())
    return (
        w in STOPWORDS or w in DEMONYMS or w.rstrip("s") in DEMONYMS or w.rstrip("s") in STOPWORDS
    )


_WORD_SPLIT = re.compile(r"[\s\-‑]+")


@lru_cache(maxsize=100_000)
def _surface_words(surface: str) -> tuple[bool, int, tuple[str, ...]]:
    """(whether its words are all demonyms or common words, how many parts splitting it at
    spaces and hyphens gives, its words lower-cased); cached: name surfaces recur."""
    parts = _WORD_SPLIT.split(surface)
    words = [w for w in parts if w]
    return all(map(_plain_word, words)), len(parts), tuple(w.lower() for w in words)


def _candidate(p: Piece) -> bool:
    plain, n_parts, _ = _surface_words(p.surface)
    return not plain and not (n_parts == 1 and p.sentence_initial and not p.titled)


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’]+")  # "booby-trapped": "booby", "trapped"


def _words_of(surface: str) -> list[str]:
    return list(_surface_words(surface)[2])


def _type(votes: Counter) -> str:
    """The most voted type; a tie goes to the first by name, whatever the order of votes."""
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if votes else "unknown"


def name_candidates(mentions: pa.Table, documents: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Discovery's per-document work, for one chunk: (schemas.NAME_CANDIDATES rows,
    schemas.LOWER_WORDS rows: the chunk's distinct lower-case words).

    Candidates are the capitalised name spans no mention covers, with their match key, context
    cue and sentence; what needs the whole corpus (which words it also writes in lower case,
    which names recur) is left to ``discover``.
    """
    found = [mentions.column(c).to_pylist() for c in ("doc_id", "char_start", "char_end")]
    if "field" in mentions.column_names:
        fields = mentions.column("field").to_pylist()
    else:
        fields = [None] * mentions.num_rows
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d, s, e, field in zip(*found, fields, strict=True):
        if field != "title":  # the headline's spans cover no body text
            covered[str(d)].append((s, e))
    rows: list[dict] = []
    texts: list[str] = []
    doc_ids, bodies = (documents.column(c).to_pylist() for c in ("doc_id", "text"))
    for doc_id, text in zip(doc_ids, bodies, strict=True):
        if not isinstance(text, str) or not text:
            continue
        doc_id = str(doc_id)
        texts.append(text)
        _candidates_of(doc_id, text, sorted(covered.get(doc_id, [])), None, None, rows)
    return _tables(rows, texts)


def extract_names(documents: pa.Table, registry: Registry) -> tuple[pa.Table, pa.Table, pa.Table]:
    """One chunk's (schemas.ENTITY_MENTIONS, schemas.NAME_CANDIDATES, schemas.LOWER_WORDS):
    ``detect_mentions(documents, registry)`` and ``name_candidates`` of those mentions, the
    same tables, with each text's name runs and sentence bounds found once, by detection."""
    mentions, detected = detect_texts(documents, registry)
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in detected:  # (documents sharing an id share their mentions, as in name_candidates)
        covered[d.doc_id] += d.spans
    rows: list[dict] = []
    for d in detected:
        _candidates_of(d.doc_id, d.text, sorted(covered[d.doc_id]), d.runs, d.bounds, rows)
    candidates, lower = _tables(rows, [d.text for d in detected])
    return mentions, candidates, lower


def candidates_in(text: str) -> int:
    """How many name candidates ``text`` read alone holds (no mention covering any)."""
    rows: list[dict] = []
    _candidates_of("", text, [], None, None, rows)
    return len(rows)


def _candidates_of(
    doc_id: str,
    text: str,
    covered: list[tuple[int, int]],
    runs: list[tuple[int, int]] | None,
    bounds: list[int] | None,
    rows: list[dict],
) -> None:
    """Append the NAME_CANDIDATES rows of one text to ``rows``; ``covered``: its mentions'
    sorted spans; ``runs``, ``bounds``: its name runs and sentence bounds, if known."""
    for p in name_pieces(text, covered, runs):
        j = _JOINER.search(p.surface)
        if p.sentence_initial and j is not None:
            # "Fighters of Saraya Ansar al-Sunna": a sentence's first word is capitalised
            # anyway; the name is what follows the joiner
            cut = p.start + j.end()
            p = Piece(cut, p.end, text[cut : p.end], p.titled, False)
        if not _candidate(p):
            continue
        key = name_key(p.surface)
        if not key or len(key.replace(" ", "")) < 3:
            continue
        if bounds is None:
            bounds = sentence_bounds(text)
        words = _words_of(p.surface)
        trim = re.match(r"\S+\s+", p.surface) if p.sentence_initial and len(words) > 1 else None
        at = p.start + trim.end() if trim is not None else None
        rows.append(
            {
                "doc_id": doc_id,
                "sentence_no": _sentence_no(bounds, p.start),
                "char_start": p.start,
                "char_end": p.end,
                "surface": p.surface,
                "key": key,
                "cue": _cue(text, p),
                "words": words,
                "sentence_initial": p.sentence_initial,
                "trim_start": at,
                "trim_sentence_no": None if at is None else _sentence_no(bounds, at),
                "trim_surface": None if at is None else text[at : p.end],
                "trim_key": None if at is None else name_key(text[at : p.end]),
            }
        )


def _sentence_no(bounds: list[int], offset: int) -> int:
    """``sentence_index`` over ``sentence_bounds``: odd positions are inside a sentence."""
    k = bisect_right(bounds, offset)
    return k >> 1 if k & 1 else -1


def _tables(rows: list[dict], texts: list[str]) -> tuple[pa.Table, pa.Table]:
    """(NAME_CANDIDATES of ``rows``, LOWER_WORDS of ``texts``)."""
    return (
        schemas.conform(rows, schemas.NAME_CANDIDATES),
        pa.table({"word": pa.array(sorted(lower_words(texts)), pa.string())}),
    )


def lower_words(texts: Iterable[str]) -> set[str]:
    """The distinct ``_LOWER_WORD`` matches of ``texts``.

    A match holds no white space, and at a white-space-separated token's start its
    look-behind sees white space or nothing, as at the text's start: the matches of a text
    are those of its tokens. Tokens recur (within a text and across texts), so each distinct
    one is searched once, the chunk's tokens joined by spaces.
    """
    tokens: set[str] = set()
    for text in texts:
        tokens.update(text.split())
    return set(_LOWER_WORD.findall(" ".join(tokens)))


class _Key(NamedTuple):
    """What clustering needs of one match key, summed over the corpus."""

    docs: set[str]  # at most MIN_DOCUMENTS of the documents naming it: enough to decide
    surfaces: Counter[str]
    cues: Counter[str]


def _kept(words: list[str], lower_seen: set[str]) -> bool:
    return not all(w in lower_seen for w in words)


def _final(row: dict, lower_seen: set[str]) -> tuple[int, int, str, str] | None:
    """(start, sentence_no, surface, key) of a candidate once the corpus's lower-case words are
    known, or None when it is only common words capitalised by position."""
    if not _kept(row["words"], lower_seen):
        return None
    if row["trim_start"] is not None and row["words"][0] in lower_seen:
        # "Get EconoTimes": the first word is an ordinary word capitalised by position
        return row["trim_start"], row["trim_sentence_no"], row["trim_surface"], row["trim_key"]
    return row["char_start"], row["sentence_no"], row["surface"], row["key"]


_READ = ["doc_id", "sentence_no", "char_start", "char_end", "surface", "key", "cue", "words",
         "trim_start", "trim_sentence_no", "trim_surface", "trim_key"]  # fmt: skip


def discover(
    candidate_parts: Callable[[], Iterable[pa.Table]],
    lower_word_parts: Iterable[pa.Table],
    registry: Registry,
) -> tuple[pa.Table, pa.Table]:
    """Corpus-wide discovery over ``name_candidates`` outputs: (schemas.ENTITIES rows with
    origin 'discovered', schemas.ENTITY_MENTIONS rows of the discovered names only).

    Streams: ``candidate_parts()`` is called three times (a fresh iterator of the chunks'
    candidate tables each time) and ``lower_word_parts`` read once, so memory holds one part and
    one entry per distinct match key, never the corpus. Results do not depend on how the corpus
    is cut into chunks.
    """
    # 1. the candidates' words the corpus also writes in lower case
    cand_words: set[str] = set()
    for part in candidate_parts():
        cand_words.update(pc.unique(pc.list_flatten(part.column("words"))).to_pylist())
    lower_seen: set[str] = set()
    for part in lower_word_parts:
        lower_seen.update(cand_words.intersection(part.column("word").to_pylist()))
    del cand_words
    # 2. per match key: a few of its documents, its spellings and its context cues
    by_key: dict[str, _Key] = {}
    for part in candidate_parts():
        for row, n, docs in _distinct(part):
            final = _final(row, lower_seen)
            if final is None:
                continue
            k = by_key.get(final[3])
            if k is None:
                k = by_key[final[3]] = _Key(set(), Counter(), Counter())
            for doc in docs:
                if len(k.docs) < MIN_DOCUMENTS:
                    k.docs.add(doc)
            k.surfaces[final[2]] += n
            if row["cue"]:
                k.cues[row["cue"]] += n
    entities, entity_of = _cluster(by_key, registry)
    # 3. a mention per candidate of a kept cluster, as columns part by part (a dict per mention
    #    would hold a heavily covered story's every copy of a name at once)
    kept_keys = pa.array(sorted(entity_of), pa.string())
    found = [_mentions(part, kept_keys, lower_seen, entity_of) for part in candidate_parts()]
    if not found:
        return entities, schemas.ENTITY_MENTIONS.empty_table()
    return entities, pa.concat_tables(found)


# What step 2 reads of a candidate: rows equal in these read alike (``words`` as one string).
_ALIKE = ["words", "n_words", "trimmed", "surface", "key", "cue", "trim_surface", "trim_key"]


def _distinct(part: pa.Table) -> Iterator[tuple[dict, int, list[str]]]:
    """Step 2's view of one part: a row (``_READ``) per set of candidates alike (``_ALIKE``),
    in the order of their first row, with how many they are and two of their documents (the
    first and last by id, one when they are all one document's).

    A heavily covered story repeats its names in every copy: each distinct candidate is then
    judged once, not once per copy. Two documents suffice: a key's documents are only ever
    counted up to ``MIN_DOCUMENTS`` (any two distinct documents of a set decide as well as
    the first two)."""
    n = part.num_rows
    if not n:
        return
    words = part.column("words")
    alike = pa.table(
        {
            "words": pc.binary_join(words, "\x1f"),
            "n_words": pc.list_value_length(words),
            "trimmed": pc.is_valid(part.column("trim_start")),
            **{c: part.column(c) for c in _ALIKE[3:]},
            "_i": pa.array(range(n), pa.int64()),
            "doc_id": part.column("doc_id"),
        }
    )
    groups = alike.group_by(_ALIKE, use_threads=False).aggregate(
        [("_i", "min"), ("_i", "count"), ("doc_id", "min"), ("doc_id", "max")]
    )
    groups = groups.sort_by([("_i_min", "ascending")])
    rows = part.take(groups.column("_i_min")).select(_READ).to_pylist()
    counts, lows, highs = (
        groups.column(c).to_pylist() for c in ("_i_count", "doc_id_min", "doc_id_max")
    )
    for row, count, low, high in zip(rows, counts, lows, highs, strict=True):
        yield row, count, [low] if low == high else [low, high]


def _mentions(
    part: pa.Table,
    kept_keys: pa.Array,
    lower_seen: set[str],
    entity_of: dict[str, tuple[str, str, str]],
) -> pa.Table:
    """The mentions of the kept clusters among one part's candidates (schemas.ENTITY_MENTIONS),
    ``_final`` computed on columns (a heavily covered story names its entities in every copy)."""
    maybe = pc.or_kleene(
        pc.is_in(part.column("key"), kept_keys), pc.is_in(part.column("trim_key"), kept_keys)
    )
    rows = part.filter(maybe).select(_READ).combine_chunks()
    kept, trimmed = _decided(rows.column("words"), rows.column("trim_start"), lower_seen)

    def final(column: str) -> pa.ChunkedArray:
        return pc.if_else(trimmed, rows.column("trim_" + column), rows.column(column))

    rows = rows.append_column("_start", pc.if_else(trimmed, rows.column("trim_start"),
                                                   rows.column("char_start")))  # fmt: skip
    rows = rows.append_column("_sentence", final("sentence_no"))
    rows = rows.append_column("_surface", final("surface"))
    rows = rows.append_column("_key", final("key"))
    rows = rows.filter(pc.and_(kept, pc.is_in(rows.column("_key"), kept_keys)))
    keys = sorted(entity_of)
    at = pc.index_in(rows.column("_key"), pa.array(keys, pa.string()))
    ids, types, reps = zip(*(entity_of[k] for k in keys), strict=True) if keys else ((), (), ())
    scores = [round(fuzz.ratio(k, rep) / 100.0, 4) for k, rep in zip(keys, reps, strict=True)]
    n, schema = rows.num_rows, schemas.ENTITY_MENTIONS
    start, end = (pc.cast(rows.column(c), pa.string()) for c in ("_start", "char_end"))
    columns = {
        "mention_id": pc.binary_join_element_wise(rows.column("doc_id"), start, end, ":"),
        "doc_id": rows.column("doc_id"),
        "field": pa.array(["text"] * n, pa.string()),
        "sentence_no": rows.column("_sentence"),
        "char_start": rows.column("_start"),
        "char_end": rows.column("char_end"),
        "surface": rows.column("_surface"),
        "entity_id": pa.array(ids, pa.string()).take(at),
        "place_id": pa.nulls(n, pa.string()),
        "entity_type": pa.array(types, pa.string()).take(at),
        "match_method": pa.array(["discovered"] * n, pa.string()),
        "score": pa.array(scores, pa.float64()).take(at),
        "role": pa.nulls(n, pa.string()),
    }
    return pa.table([pc.cast(columns[f.name], f.type) for f in schema], schema=schema)


def _decided(
    words: pa.ChunkedArray, trim_start: pa.ChunkedArray, lower_seen: set[str]
) -> tuple[pa.Array, pa.Array]:
    """``_final``'s two decisions per candidate, on columns: (kept: not only words the corpus
    writes in lower case; trimmed: its first word is one, and a trimmed span exists)."""
    words = words.combine_chunks() if isinstance(words, pa.ChunkedArray) else words
    n = len(words)
    offsets = pc.subtract(words.offsets, words.offsets[0])  # into the flattened words
    lower = pc.fill_null(
        pc.is_in(pc.list_flatten(words), pa.array(sorted(lower_seen), pa.string())), False
    )
    # lower-case words per candidate: differences of a running count at its offsets
    running = pa.concat_arrays([pa.array([0], pa.int64()),
                                pc.cumulative_sum(pc.cast(lower, pa.int64()))])  # fmt: skip
    ends, starts = offsets[1:], offsets[:n]
    n_lower = pc.subtract(pc.take(running, ends), pc.take(running, starts))
    lengths = pc.subtract(ends, starts)
    kept = pc.less(n_lower, lengths)
    # its first word in lower case (an empty candidate has none: the pad)
    first = pc.take(pa.concat_arrays([lower, pa.array([False])]), starts)
    trimmed = pc.and_(pc.is_valid(trim_start), pc.and_(first, pc.greater(lengths, 0)))
    return kept, trimmed


def _groups(keys: list[str]) -> dict[str, list[str]]:
    """Name keys grouped: spellings alike (same word count and initial, fuzzy ratio at least
    CLUSTER_MIN_RATIO), and a one-word key with the one group whose names end with it."""
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_bucket: dict[tuple[int, str], list[str]] = defaultdict(list)
    for k in keys:
        by_bucket[(k.count(" "), k[0])].append(k)
    for bucket in by_bucket.values():
        for i, ka in enumerate(bucket):
            for kb in bucket[i + 1 :]:
                if fuzz.ratio(ka, kb) >= CLUSTER_MIN_RATIO:
                    parent[find(kb)] = find(ka)
    multi_by_last: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if " " in k:
            multi_by_last[k.rsplit(" ", 1)[1]].add(find(k))
    for k in keys:
        if " " not in k and len(multi_by_last.get(k, ())) == 1:
            parent[find(k)] = find(next(iter(multi_by_last[k])))
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        clusters[find(k)].append(k)
    return clusters


def _cluster(
    by_key: dict[str, _Key], registry: Registry
) -> tuple[pa.Table, dict[str, tuple[str, str, str]]]:
    """Keys -> clusters -> entities: (ENTITIES rows, key -> (entity_id, type, representative
    key)) for the clusters named in at least MIN_DOCUMENTS documents."""
    clusters = _groups(sorted(by_key))
    new_entities: list[dict] = []
    entity_of: dict[str, tuple[str, str, str]] = {}
    for members in clusters.values():
        docs = set().union(*(by_key[k].docs for k in members))
        if len(docs) < MIN_DOCUMENTS:
            continue
        surfaces = sum((by_key[k].surfaces for k in members), Counter())
        canonical = sorted(surfaces.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        rep = name_key(canonical)
        entity_id = "disc:" + rep.replace(" ", "_")
        if entity_id in registry.entities:
            continue
        etype = _type(sum((by_key[k].cues for k in members), Counter()))
        new_entities.append(
            {
                "entity_id": entity_id,
                "canonical_name": canonical,
                "entity_type": etype,
                "aliases": sorted(surfaces),
                "origin": "discovered",
                "wikidata_id": None,
                "valid_from": None,
                "valid_to": None,
            }
        )
        for k in members:
            entity_of[k] = (entity_id, etype, rep)
    entities = schemas.conform(sorted(new_entities, key=lambda e: e["entity_id"]), schemas.ENTITIES)
    return entities, entity_of


def discover_entities(
    mentions: pa.Table, documents: pa.Table, registry: Registry
) -> tuple[pa.Table, pa.Table]:
    """(schemas.ENTITIES rows with origin 'discovered', all mentions incl. discovered ones):
    ``name_candidates`` and ``discover`` over one in-memory corpus.

    The returned mentions are the input mentions plus one row per discovered-name span, in
    document order; ``text[char_start:char_end] == surface`` holds on every new row.
    """
    candidates, lower = name_candidates(mentions, documents)
    entities, found = discover(lambda: [candidates], [lower], registry)
    known = mentions.select(schemas.ENTITY_MENTIONS.names).cast(schemas.ENTITY_MENTIONS)
    allm = pa.concat_tables([known, found])
    order = {d: i for i, d in enumerate(map(str, documents.column("doc_id").to_pylist()))}
    rank = [order.get(d, len(order)) for d in allm.column("doc_id").to_pylist()]
    allm = allm.append_column("_o", pa.array(rank, pa.int64()))
    keys = [("_o", "ascending"), ("char_start", "ascending"), ("char_end", "ascending")]
    allm = allm.take(pc.sort_indices(allm, sort_keys=keys)).drop_columns(["_o"])
    return entities, allm.combine_chunks()


def _cue(text: str, p: Piece) -> str:
    """The entity type the span's context suggests, or ''."""
    if p.titled:
        return "person"
    after = text[p.end : p.end + 25].split()
    nxt = after[0].lower().strip(".,;:") if after else ""
    for etype, words in _TYPE_CUES.items():
        if nxt in words:
            return etype
    before = text[max(0, p.start - 20) : p.start].lower().rstrip()
    if nxt in PLACE_AFTER or before.endswith(TOWN_BEFORE):
        return "place"
    return ""
