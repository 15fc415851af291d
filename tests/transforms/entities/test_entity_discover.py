"""discover_entities: recurring unknown names become one entity per name, whatever the spelling."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from transforms import schemas
from transforms.entities import detect_mentions, discover_entities


@pytest.fixture
def corpus():
    return pa.table(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                "Fighters of Saraya Ansar al-Sunna attacked a checkpoint near Raqqa. "
                "The commander Abu Layla al-Furati said the Saraya Ansar al-Sunna group struck.",
                "A group called Saraya Ansar al-Sunnah claimed the blast in Homs on Monday.",
                "Officials said Brigadier Qwentin Zarvosh visited Aleppo. Nothing else happened.",
            ],
        }
    )


def test_recurring_unknown_name_becomes_one_entity(registry, corpus):
    mentions = detect_mentions(corpus, registry)
    entities, final = discover_entities(mentions, corpus, registry)
    assert entities.schema == schemas.ENTITIES and final.schema == schemas.ENTITY_MENTIONS
    ents = entities.to_pandas()
    saraya = ents[ents.canonical_name.str.startswith("Saraya Ansar")]
    assert len(saraya) == 1, ents
    row = saraya.iloc[0]
    assert row.origin == "discovered" and row.entity_id.startswith("disc:")
    assert set(row.aliases) == {"Saraya Ansar al-Sunna", "Saraya Ansar al-Sunnah"}
    assert row.entity_type == "armed_group"  # "... group struck", "group called ..."
    f = final.to_pandas()
    found = f[f.entity_id == row.entity_id]
    assert list(found.doc_id) == ["a", "a", "b"]
    assert set(found.match_method) == {"discovered"}


def test_names_seen_in_one_document_only_are_not_entities(registry, corpus):
    entities, _ = discover_entities(detect_mentions(corpus, registry), corpus, registry)
    names = set(entities.to_pandas().canonical_name)
    assert not any("Zarvosh" in n or "Furati" in n for n in names)
    assert "Nothing" not in names and "Officials" not in names


def test_discovery_keeps_registry_mentions_order_and_spans(registry, corpus):
    mentions = detect_mentions(corpus, registry)
    _, final = discover_entities(mentions, corpus, registry)
    f = final.to_pandas()
    texts = dict(zip(*(corpus.column(c).to_pylist() for c in ("doc_id", "text")), strict=True))
    assert set(mentions.column("mention_id").to_pylist()) <= set(f.mention_id)
    assert f.mention_id.is_unique
    assert all(texts[d][s:e] == x for d, s, e, x in zip(f.doc_id, f.char_start, f.char_end,
                                                          f.surface, strict=True))  # fmt: skip
    order = list(zip(f.doc_id, f.char_start, strict=True))
    assert order == sorted(order)


def test_discovery_on_an_empty_corpus(registry):
    docs = pa.table({"doc_id": pa.array([], pa.string()), "text": pa.array([], pa.string())})
    entities, final = discover_entities(schemas.ENTITY_MENTIONS.empty_table(), docs, registry)
    assert entities.num_rows == 0 and final.num_rows == 0


def test_discovered_mentions_join_the_detected_ones(registry, corpus):
    mentions = detect_mentions(corpus, registry)
    entities, final = discover_entities(mentions, corpus, registry)
    assert mentions.num_rows > 0 and entities.num_rows == 1
    assert final.num_rows > mentions.num_rows


def _in_chunks(corpus, registry, sizes):
    """name_candidates per chunk of ``sizes`` documents, then the streaming ``discover``."""
    from transforms.entities import discover, name_candidates

    parts, words, at = [], [], 0
    for n in sizes:
        chunk = corpus.slice(at, n)
        at += n
        cands, lower = name_candidates(detect_mentions(chunk, registry), chunk)
        assert cands.schema == schemas.NAME_CANDIDATES and lower.schema == schemas.LOWER_WORDS
        parts.append(cands)
        words.append(lower)
    return discover(lambda: iter(parts), iter(words), registry)


@pytest.mark.parametrize("sizes", [[3], [1, 2], [1, 1, 1], [2, 1]])
def test_chunked_discovery_equals_discovery_over_the_whole_corpus(registry, corpus, sizes):
    entities, final = discover_entities(detect_mentions(corpus, registry), corpus, registry)
    got_entities, found = _in_chunks(corpus, registry, sizes)
    assert got_entities.equals(entities)
    whole = final.to_pandas()
    whole = whole[whole.match_method == "discovered"].reset_index(drop=True)
    got = found.to_pandas().sort_values(["doc_id", "char_start"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, whole)


def test_a_word_written_in_lower_case_in_another_chunk_is_a_common_noun(registry):
    # "Curfew Patrol" recurs capitalised by position only; chunk 2 writes "curfew" and
    # "patrol" in lower case: the name must go, though no chunk sees both.
    corpus = pa.table(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                "Curfew Patrol units were seen. Nothing else.",
                "Curfew Patrol units were seen again. Nothing more.",
                "A curfew was declared and a patrol went out.",
            ],
        }
    )
    entities, _ = _in_chunks(corpus, registry, [2, 1])
    assert not any("Curfew" in n for n in entities.column("canonical_name").to_pylist())
    kept, _ = _in_chunks(corpus.slice(0, 2), registry, [2])
    assert any("Curfew" in n for n in kept.column("canonical_name").to_pylist())


EXTRACT_CORPUS = {
    "doc_id": ["a", "b", "c", "a", "e", "f"],
    "text": [
        "Fighters of Saraya Ansar al-Sunna attacked Raqqa. Mr Sharaa met ISIS officials.",
        None,
        "",
        "Saraya Ansar al-Sunnah struck Homs. Brigadier Qwentin Zarvosh’s men fled.",
        "THE Curfew Patrol (Syria’s) don't, it's booby-trapped: Abu Layla al-Furati.",
        "no capitals here at all",
    ],
}


@pytest.mark.parametrize("rows", [slice(None), slice(0, 1), slice(1, 3), slice(3, None)])
def test_extract_names_equals_detection_then_name_candidates(registry, rows):
    # one pass over each text must give exactly the two-step tables, documents sharing an
    # id ("a") and unreadable texts included
    from transforms.entities import extract_names, name_candidates

    docs = pa.table({k: v[rows] for k, v in EXTRACT_CORPUS.items()})
    mentions = detect_mentions(docs, registry)
    candidates, lower = name_candidates(mentions, docs)
    got = extract_names(docs, registry)
    assert got[0].equals(mentions) and got[0].schema == mentions.schema
    assert got[1].equals(candidates) and got[1].schema == candidates.schema
    assert got[2].equals(lower) and got[2].schema == lower.schema
    if rows == slice(None):
        assert candidates.num_rows > 0 and lower.num_rows > 0


@pytest.mark.parametrize(
    "text",
    [
        "booby-trapped cars, don't stop",
        "Syria’s army’s men; ’tis said 'quoted' words",
        "x1abc ab_cd _ab éab abé naïve Mosul-based",
        "tab\tnew\nline\x1cfile\x1dsep\u2028par\u00a0nbsp end",
        "a b c aa bb",
        "",
        "UPPER Case MiXed words",
    ],
)
def test_lower_words_are_the_lower_case_word_matches(text):
    import importlib

    discover_module = importlib.import_module("transforms.entities.discover")
    want = set(discover_module._LOWER_WORD.findall(text))
    assert discover_module.lower_words([text]) == want
    assert discover_module.lower_words([text, text.upper(), "plain words"]) == (
        want | {"plain", "words"}
    )


def test_name_pieces_from_given_runs_equal_their_own():
    from transforms.entities.matcher import name_pieces, name_runs

    text = "The Syrian President Ahmad Al Shara met Abu Layla al-Furati in Deir ez-Zor province."
    for covered in ([], [(4, 10)], [(21, 38), (60, 81)], [(0, 90)]):
        assert name_pieces(text, covered, name_runs(text)) == name_pieces(text, covered)


def _copies_corpus():
    """A name spelt two ways: the shorter, later-sorting spelling in three copies of one story
    (so only its count makes it the canonical name), the other in two documents; a name read
    alike in two documents (both count); a name written many times in one document only; a
    sentence-initial span whose first word the corpus also writes in lower case ('saraya'); a
    spelling of a kept key made only of words the corpus writes in lower case ('wardiyan')."""
    copy = "Fighters of the Saraya Nabhaniya group shelled Raqqa. Saraya Nabhaniya said it struck."
    texts = [
        copy,
        copy,
        copy,
        "The Saraya Nabhaniyya brigade attacked Homs on Monday. Locals blamed Katibat Wardiyan.",
        "Saraya Nabhaniyya said it withdrew. Locals blamed Katibat Wardiyan.",
        "Brigadier Qwentin Zarvosh visited Aleppo. Qwentin Zarvosh left. Qwentin Zarvosh spoke.",
        "Guards stood near Wardian posts. Analysts saw them near Wardiyan posts.",
        "Police were near Wardian posts. The wardiyan clan and the old saraya stood there.",
    ]
    return pa.table({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})


def _one_by_one_mentions(part, kept_keys, lower_seen, entity_of):
    """Step 3 as it was written first: ``_final`` row by row (the reference)."""
    import importlib

    from rapidfuzz import fuzz

    d = importlib.import_module("transforms.entities.discover")
    out = []
    for row in part.select(d._READ).to_pylist():
        final = d._final(row, lower_seen)
        if final is None or final[3] not in entity_of:
            continue
        start, sentence_no, surface, key = final
        entity_id, etype, rep = entity_of[key]
        out.append({"mention_id": f"{row['doc_id']}:{start}:{row['char_end']}",
                    "doc_id": row["doc_id"], "field": "text", "sentence_no": sentence_no,
                    "char_start": start, "char_end": row["char_end"], "surface": surface,
                    "entity_id": entity_id, "place_id": None, "entity_type": etype,
                    "match_method": "discovered", "score": round(fuzz.ratio(key, rep) / 100.0, 4),
                    "role": None})  # fmt: skip
    return pa.Table.from_pylist(out, schema=schemas.ENTITY_MENTIONS)


@pytest.mark.parametrize("sizes", [[8], [2, 6], [1, 1, 1, 1, 1, 1, 1, 1]])
def test_discovery_judging_alike_candidates_once_equals_one_by_one(registry, sizes, monkeypatch):
    import importlib

    d = importlib.import_module("transforms.entities.discover")
    corpus = _copies_corpus()
    got_entities, got = _in_chunks(corpus, registry, sizes)
    names = got_entities.column("canonical_name").to_pylist()
    assert "Saraya Nabhaniya" in names, names  # three copies outnumber two documents
    assert "Katibat Wardiyan" in names, names  # two documents, read alike
    assert not any("Zarvosh" in n for n in names)  # one document, however often
    one_by_one = lambda part: (  # noqa: E731 - each candidate read alone, as before
        (row, 1, [row["doc_id"]]) for row in part.select(d._READ).to_pylist()
    )
    monkeypatch.setattr(d, "_distinct", one_by_one)
    monkeypatch.setattr(d, "_mentions", _one_by_one_mentions)
    entities, found = _in_chunks(corpus, registry, sizes)
    assert got_entities.equals(entities) and got.equals(found)
    surfaces = found.column("surface").to_pylist()
    assert "Nabhaniya" in surfaces and "Wardian" in surfaces and "Wardiyan" not in surfaces
