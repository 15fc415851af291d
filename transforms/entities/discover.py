"""Discovery: unknown names that recur across documents become entities (origin 'discovered').

Runs once over the whole corpus, after ``detect_mentions``. Candidates are the capitalised
name spans no mention covers (``matcher.name_pieces``), minus sentence-initial single words
and words that are only demonyms or common words. Candidates are grouped by match key; keys
of the same length and initial that are fuzzy-similar join one cluster, and a one-word key
joins the one multi-word cluster ending with it ("Kobani" -> "Mazloum Kobani"). A cluster
named in at least ``MIN_DOCUMENTS`` documents becomes an entity (a sentence-initial
candidate joined by "of"/"and" keeps only what follows the joiner); its type comes from context
(a title: person; "group", "forces": armed_group; "agency": media; "ministry": government;
"province", "city of": place), else 'unknown'. A candidate made only of words the corpus also
writes in lower case ("Attack", "Authorities") is a common noun capitalised by position and
never becomes an entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd
import pyarrow as pa
from rapidfuzz import fuzz

from transforms import schemas
from transforms.entities.keys import name_key
from transforms.entities.lexicon import DEMONYMS, PLACE_AFTER, STOPWORDS, TOWN_BEFORE
from transforms.entities.matcher import Piece, name_pieces
from transforms.entities.registry import Registry
from transforms.sentences import sentence_index, sentence_spans

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


def _candidate(p: Piece) -> bool:
    words = re.split(r"[\s\-‑]+", p.surface)
    if all(_plain_word(w) for w in words if w):
        return False
    return not (len(words) == 1 and p.sentence_initial and not p.titled)


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’]+")  # "booby-trapped": "booby", "trapped"


def _words_of(surface: str) -> list[str]:
    return [w.lower() for w in re.split(r"[\s\-‑]+", surface) if w]


def _type(votes: Counter) -> str:
    return votes.most_common(1)[0][0] if votes else "unknown"


def discover_entities(
    mentions: pd.DataFrame | pa.Table, documents: pd.DataFrame | pa.Table, registry: Registry
) -> tuple[pa.Table, pa.Table]:
    """(schemas.ENTITIES rows with origin 'discovered', all mentions incl. discovered ones).

    The returned mentions are the input mentions plus one row per discovered-name span, in
    document order; ``text[char_start:char_end] == surface`` holds on every new row.
    """
    if isinstance(mentions, pa.Table):
        mentions = mentions.to_pandas()
    if isinstance(documents, pa.Table):
        documents = documents.select(["doc_id", "text"]).to_pandas()
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    if len(mentions):
        for d, s, e in zip(mentions["doc_id"], mentions["char_start"], mentions["char_end"],
                           strict=True):  # fmt: skip
            covered[str(d)].append((int(s), int(e)))
    cands: list[tuple[str, Piece, str, str]] = []  # (doc_id, piece, key, type cue)
    texts: dict[str, str] = {}
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        if not isinstance(text, str) or not text:
            continue
        doc_id = str(doc_id)
        texts[doc_id] = text
        for p in name_pieces(text, sorted(covered.get(doc_id, []))):
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
            cands.append((doc_id, p, key, _cue(text, p)))
    # A word the corpus also writes in lower case ("attack", "authorities") is a common noun
    # capitalised by position (headlines, sentence starts): a candidate of only such words goes.
    cand_words = {w for c in cands for w in _words_of(c[1].surface)}
    lower_seen: set[str] = set()
    for text in texts.values():
        lower_seen.update(cand_words.intersection(_LOWER_WORD.findall(text)))
    kept = []
    for doc_id, p, key, cue in cands:
        words = _words_of(p.surface)
        if all(w in lower_seen for w in words):
            continue
        if p.sentence_initial and len(words) > 1 and words[0] in lower_seen:
            # "Get EconoTimes": the first word is an ordinary word capitalised by position
            m = re.match(r"\S+\s+", p.surface)
            if m is not None:
                cut = p.start + m.end()
                p = Piece(cut, p.end, texts[doc_id][cut : p.end], p.titled, False)
                key = name_key(p.surface)
        kept.append((doc_id, p, key, cue))
    cands = kept
    # cluster keys: exact key, then fuzzy on same length and initial, then surname joins
    keys = sorted({c[2] for c in cands})
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
    clusters: dict[str, list[tuple[str, Piece, str, str]]] = defaultdict(list)
    for c in cands:
        clusters[find(c[2])].append(c)

    new_entities: list[dict] = []
    new_rows: list[dict] = []
    spans_cache: dict[str, list[tuple[int, int]]] = {}
    for members in clusters.values():
        docs = {m[0] for m in members}
        if len(docs) < MIN_DOCUMENTS:
            continue
        surfaces = Counter(m[1].surface for m in members)
        canonical = sorted(surfaces.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        rep = name_key(canonical)
        entity_id = "disc:" + rep.replace(" ", "_")
        if entity_id in registry.entities:
            continue
        votes = Counter(m[3] for m in members if m[3])
        etype = _type(votes)
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
        for doc_id, p, key, _cue_type in members:
            spans = spans_cache.setdefault(doc_id, sentence_spans(texts[doc_id]))
            new_rows.append(
                {
                    "mention_id": f"{doc_id}:{p.start}:{p.end}",
                    "doc_id": doc_id,
                    "sentence_no": sentence_index(spans, p.start),
                    "char_start": p.start,
                    "char_end": p.end,
                    "surface": p.surface,
                    "entity_id": entity_id,
                    "place_id": None,
                    "entity_type": etype,
                    "match_method": "discovered",
                    "score": round(fuzz.ratio(key, rep) / 100.0, 4),
                    "role": None,
                }
            )
    entities = (
        schemas.conform(sorted(new_entities, key=lambda e: e["entity_id"]), schemas.ENTITIES)
        if new_entities
        else schemas.ENTITIES.empty_table()
    )
    base = mentions[schemas.ENTITY_MENTIONS.names] if len(mentions) else None
    frames = [f for f in (base, pd.DataFrame(new_rows) if new_rows else None) if f is not None]
    if not frames:
        return entities, schemas.ENTITY_MENTIONS.empty_table()
    allm = pd.concat(frames, ignore_index=True)
    order = {d: i for i, d in enumerate(map(str, documents["doc_id"]))}
    allm["_o"] = allm["doc_id"].map(order).fillna(len(order))
    allm = allm.sort_values(["_o", "char_start", "char_end"], kind="stable").drop(columns="_o")
    return entities, schemas.conform(allm.reset_index(drop=True), schemas.ENTITY_MENTIONS)


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
