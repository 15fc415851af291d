"""detect_mentions: seed spellings, unseen variants, case rules, places, roles, coreference."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from transforms import schemas
from transforms.entities import detect_mentions
from transforms.entities.registry import Registry, normalise

SEEDS_SPELLINGS = [
    # (seed file prefix, surface, id)
    ("000", "ISIS", "ent:islamic_state"),
    ("002", "Islamic State", "ent:islamic_state"),
    ("002", "IS", "ent:islamic_state"),
    ("000", "Ahmad Al Shara", "ent:ahmed_al_sharaa"),
    ("000", "Al Shara", "ent:ahmed_al_sharaa"),
    ("001", "Ahmed al-Sharaa", "ent:ahmed_al_sharaa"),
    ("001", "Sharaa", "ent:ahmed_al_sharaa"),
    ("000", "Bashar Al Assad", "ent:bashar_al_assad"),
    ("000", "Al Assad", "ent:bashar_al_assad"),
    ("001", "Bashar al-Assad", "ent:bashar_al_assad"),
    ("001", "Assad", "ent:bashar_al_assad"),
    ("000", "Abu Hudhayfa Al Ansari", "ent:abu_hudhayfa_al_ansari"),
    ("001", "Abu Hudhayfa al-Ansari", "ent:abu_hudhayfa_al_ansari"),
    ("000", "Deir Ezzor", "170792"),
    ("001", "Deir al-Zor", "170792"),
    ("002", "Deir ez-Zor province", "170792"),
    ("000", "Mayadin", "173480"),
    ("000", "Palmyra", "163808"),
    ("002", "As-Suwayda desert", "cur:region:suwayda_desert"),
    ("002", "al-Tanf", "cur:base:al_tanf"),
    ("002", "al-Shaddadi", "172837"),
    ("002", "Kasraq", "cur:base:kasraq"),
    ("002", "Harab al-Jir", "cur:base:harab_al_jir"),
    ("002", "Rmeilan", "cur:town:rmeilan"),
    ("002", "Al-Hol camp", "cur:camp:al_hol"),
    ("000", "Defence Ministry", "ent:sy_mod"),
    ("003", "Defense Ministry", "ent:sy_mod"),
    ("002", "Syrian Defense Ministry", "ent:sy_mod"),
    ("001", "Interior Ministry", "ent:sy_moi"),
    ("000", "Hayat Tahrir Al Sham", "ent:hts"),
    ("000", "Syrian Democratic Forces", "ent:sdf"),
    ("000", "SDF", "ent:sdf"),
    ("000", "US Central Command", "ent:centcom"),
    ("001", "Reuters", "ent:reuters"),
    ("002", "Agence France-Presse", "ent:afp"),
    ("002", "Amaq news agency", "ent:amaq"),
    ("000", "Dabiq", "ent:dabiq"),
    ("000", "Damascus", "170654"),
    ("000", "Ankara", "323786"),
    ("000", "Washington", "4140963"),
]


SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "articles"


@pytest.fixture(scope="module")
def seed_mentions(registry):
    paths = sorted(SEEDS.glob("*.txt"))
    docs = pa.table(
        {"doc_id": [p.name[:3] for p in paths], "text": [p.read_text("utf-8") for p in paths]}
    )
    out = detect_mentions(docs, registry).to_pandas()
    out["id"] = out["entity_id"].fillna(out["place_id"])
    return docs, out


@pytest.mark.parametrize(("doc", "surface", "expected"), SEEDS_SPELLINGS)
def test_every_seed_spelling_resolves(seed_mentions, doc, surface, expected):
    _, m = seed_mentions
    ids = set(m[(m.doc_id == doc) & (m.surface == surface)]["id"])
    assert ids == {expected}, f"{surface!r} in {doc}: {ids}"


def test_seed_mentions_keep_the_span_invariant_and_schema(seed_mentions):
    docs, m = seed_mentions
    texts = dict(zip(*(docs.column(c).to_pylist() for c in ("doc_id", "text")), strict=True))
    assert len(m) > 150
    assert all(texts[d][s:e] == x for d, s, e, x in zip(m.doc_id, m.char_start, m.char_end,
                                                          m.surface, strict=True))  # fmt: skip
    assert (m.place_id.isna() == (m.entity_type != "place")).all()
    assert (m.entity_id.isna() == (m.entity_type == "place")).all()
    assert m.mention_id.is_unique
    assert (m.sentence_no >= 0).all()


# Spellings that are in no reference file: each must resolve by key or fuzzy match.
UNSEEN = [
    ("Yesterday Ahmed el-Sharaa met the envoy.", "Ahmed el-Sharaa", "ent:ahmed_al_sharaa", "key"),
    ("Talks with Ahmad Al-Shara'a ended.", "Ahmad Al-Shara'a", "ent:ahmed_al_sharaa", "key"),
    ("Forces of Bachar al-Assad fled.", "Bachar al-Assad", "ent:bashar_al_assad", "key"),
    ("Under Bashar el-Assad the war began.", "Bashar el-Assad", "ent:bashar_al_assad", "key"),
    ("Spokesman Abu Hudhaifah al-Ansari spoke.", "Abu Hudhaifah al-Ansari",
     "ent:abu_hudhayfa_al_ansari", "key"),
    ("A statement by Abu Huzaifa al-Ansari followed.", "Abu Huzaifa al-Ansari",
     "ent:abu_hudhayfa_al_ansari", "key"),
    ("Fighters of Daech attacked.", "Daech", "ent:islamic_state", "key"),
    ("The Islamic State of Iraq and al-Shaam said so.", "Islamic State of Iraq and al-Shaam",
     "ent:islamic_state", "key"),
    ("Leaders of Hayat Tahrir el-Cham met.", "Hayat Tahrir el-Cham", "ent:hts", "key"),
    ("Clashes in Deir Ez-Zour province went on.", "Deir Ez-Zour province", "170792", "key"),
    ("A bomb hit Mayadeen on Monday.", "Mayadeen", "173480", "key"),
    # an alias hit ("Raqqa") widened over its glued article
    ("Patrols left Er-Raqqa at dawn.", "Er-Raqqa", "172955", "alias"),  # the city
    ("Shelling hit Al-Hassakeh overnight.", "Al-Hassakeh", "173813", "alias"),
    ("The Syrian Democratic Force said so.", "Syrian Democratic Force", "ent:sdf", "fuzzy"),
    ("Then Ahmed Alsharaa spoke.", "Ahmed Alsharaa", "ent:ahmed_al_sharaa", "fuzzy"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "expected", "method"), UNSEEN,
                         ids=[u[1] for u in UNSEEN])  # fmt: skip
def test_unseen_spellings_resolve(registry, detect, text, surface, expected, method):
    assert normalise(surface).strip() not in registry.patterns, "not unseen: a reference alias"
    m = detect(text)
    row = m[m.surface == surface]
    assert len(row) == 1, m[["surface", "entity_id", "place_id"]]
    got = row.iloc[0]
    assert (got.entity_id if isinstance(got.entity_id, str) else got.place_id) == expected
    assert got.match_method == method
    assert 0.85 <= got.score <= 1.0


@pytest.mark.parametrize(
    "text",
    ["It is what it is.", "This is IS.", "Is it? It is.", "THE WAR IS OVER, IT IS SAID",
     "Give us the list", "Let us go"],
)  # fmt: skip
def test_is_the_verb_and_us_the_pronoun_are_never_actors(detect, text):
    m = detect(text)
    bad = m[m.surface.str.lower().isin(["is", "us"]) & (m.surface != "IS")]
    assert bad.empty
    # the only "IS" that may count is the group in mixed-case text
    assert (m.surface == "IS").sum() == text.count("This is IS.")


def test_acronyms_in_mixed_case_text_are_actors(detect):
    m = detect("IS claimed the attack, and the US said it saw IS fighters; tell us more.")
    assert list(m.surface) == ["IS", "US", "IS"]
    assert list(m.entity_id.fillna(m.place_id)) == [
        "ent:islamic_state", "cur:country:US", "ent:islamic_state"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "surface", "place_id", "precision"),
    [
        ("Fighting in Deir al-Zor province.", "Deir al-Zor province", "170792", "governorate"),
        ("Fighting in Deir Ezzor.", "Deir Ezzor", "170792", "governorate"),
        ("In the city of Deir ez-Zor a bomb exploded.", "Deir ez-Zor", "170794", "town"),
        ("A bomb in Deir ez-Zor city killed two.", "Deir ez-Zor", "170794", "town"),
        ("Raqqa governorate saw clashes.", "Raqqa governorate", "172957", "governorate"),
        ("The blast in Damascus killed two.", "Damascus", "170654", "town"),
        ("Fighting in the Mayadin District.", "Mayadin District", "173481", "district"),
        ("Troops in Iraq.", "Iraq", "cur:country:IQ", "country"),
    ],
)
def test_places_resolve_with_precision_and_governorate(
    registry, detect, text, surface, place_id, precision
):
    m = detect(text)
    row = m[m.surface == surface].iloc[0]
    assert row.place_id == place_id and row.entity_type == "place"
    place = registry.places[place_id]
    assert place.precision == precision
    if precision in {"town", "district", "governorate"}:
        assert place.admin1 == "Deir ez-Zor" or place_id in {"172957", "170654"}
        assert place.latitude is not None and place.longitude is not None


def test_towns_carry_their_governorate_name(registry, detect):
    m = detect("Attacks hit Mayadin, Palmyra and al-Shaddadi.")
    admin1 = {s: registry.places[p].admin1 for s, p in zip(m.surface, m.place_id, strict=True)}
    assert admin1 == {"Mayadin": "Deir ez-Zor", "Palmyra": "Homs", "al-Shaddadi": "Al-Hasakah"}


def test_dateline_is_marked_and_not_an_event_place(detect):
    m = detect("DAMASCUS (Reuters) - A car bomb exploded in Aleppo on Sunday.")
    roles = dict(zip(m.surface, m.role, strict=True))
    assert roles["DAMASCUS"] == "dateline"
    assert pd.isna(roles["Aleppo"])


@pytest.mark.parametrize(
    "text",
    [
        "BAQUBA, Iraq - Gunmen killed two farmers in Khalis on Monday.",
        "BAQUBA — Gunmen killed two farmers in Khalis on Monday.",
        "BAQUBA, March 3 (Agency) - Gunmen killed two farmers in Khalis on Monday.",
    ],
)
def test_a_dateline_without_an_agency_is_marked_too(detect, text):
    m = detect(text)
    roles = dict(zip(m.surface, m.role, strict=True))
    assert roles["BAQUBA"] == "dateline" and pd.isna(roles["Khalis"])


def test_a_place_opening_a_sentence_is_no_dateline(detect):
    # not in capitals, or no dash after it: the place is the venue
    for text in (
        "Baquba - a car bomb killed two people on Monday.",
        "BAQUBA was hit by a car bomb on Monday.",
    ):
        m = detect(text)
        assert m.role.isna().all(), text


def test_capitals_acting_as_governments_are_metonyms(detect):
    m = detect("Ankara has rejected the plan, while talks in Ankara went on.")
    assert list(m.role.fillna("-")) == ["metonym", "-"]


def test_a_countrys_own_ministry_is_chosen(detect):
    m = detect("Iraq's Defence Ministry said five soldiers died. The Defence Ministry in Syria")
    assert list(m[m.entity_type != "place"].entity_id) == ["ent:iq_mod", "ent:sy_mod"]


def test_partial_name_before_the_full_name_resolves(detect):
    m = detect("Sharaa vows revenge\n\nSyrian President Ahmed al-Sharaa said on Sunday.")
    got = dict(zip(m.surface, m.match_method, strict=True))
    assert got == {"Sharaa": "coreference", "Ahmed al-Sharaa": "exact"}
    assert set(m.entity_id) == {"ent:ahmed_al_sharaa"}


def test_ambiguous_town_follows_the_documents_country():
    places = [
        {"place_id": "sy", "name": "Karama", "country_code": "SY", "feature_code": "PPL",
         "precision": "town", "population": 9000, "aliases": "Karama"},
        {"place_id": "iq", "name": "Karama", "country_code": "IQ", "feature_code": "PPL",
         "precision": "town", "population": 10, "aliases": "Karama"},
        {"place_id": "bg", "name": "Baghdad", "country_code": "IQ", "feature_code": "PPLC",
         "precision": "town", "population": 7000000, "aliases": "Baghdad"},
    ]  # fmt: skip
    reg = Registry.from_rows([], places)

    def place_of(text):
        docs = pa.table({"doc_id": ["d"], "text": [text]})
        m = detect_mentions(docs, reg).to_pandas()
        return m[m.surface == "Karama"].place_id.iloc[0]

    assert place_of("A blast in Karama.") == "sy"  # Syria first, then population
    assert place_of("Near Baghdad, a blast in Karama.") == "iq"


def test_unresolvable_names_and_empty_documents_never_drop_the_others(registry):
    docs = pa.table(
        {"doc_id": ["a", "b", "c"],
         "text": ["Qzwx Vrrtq and Xqqz met in Raqqa.", None, "ISIS struck Palmyra."]}
    )  # fmt: skip
    m = detect_mentions(docs, registry).to_pandas()
    assert list(zip(m.doc_id, m.surface, strict=True)) == [
        ("a", "Raqqa"),
        ("c", "ISIS"),
        ("c", "Palmyra"),
    ]


def test_output_follows_the_schema_even_when_empty(registry):
    out = detect_mentions(pa.table({"doc_id": ["a"], "text": ["nothing here"]}), registry)
    assert out.schema == schemas.ENTITY_MENTIONS and out.num_rows == 0


def test_towns_named_like_english_words_need_a_preposition(detect):
    m = detect("Clashes in Hit left two dead. Hit by a shell, he talked to Sam in Kut.")
    assert list(zip(m.surface, m.place_id, strict=True)) == [("Hit", "95788"), ("Kut", "99131")]


def test_detect_texts_hands_over_what_detection_computed(registry):
    # the contract extract_names relies on: per readable text, its mentions' spans, its
    # sentence bounds (when it has mentions) and its name runs, less only runs that lie inside
    # one of its mentions
    from transforms.entities.detect import detect_texts
    from transforms.entities.matcher import name_runs
    from transforms.sentences import sentence_bounds

    texts = [
        "Syrian President Ahmad Al Shara met ISIS envoys in Deir ez-Zor province. The US said.",
        None,
        "",
        "Nothing capitalised here",
        "Mr Sharaa spoke. Brigadier Qwentin Zarvosh of the Syrian Army. Islamic State of Iraq.",
    ]
    docs = pa.table({"doc_id": list("abcde"), "text": texts})
    mentions, detected = detect_texts(docs, registry)
    assert mentions.equals(detect_mentions(docs, registry))
    assert [d.doc_id for d in detected] == ["a", "d", "e"]
    frame = mentions.to_pandas()
    for d in detected:
        mine = frame[frame.doc_id == d.doc_id]
        assert d.spans == list(zip(mine.char_start, mine.char_end, strict=True))
        assert d.bounds == (sentence_bounds(d.text) if d.spans else None)
        every = name_runs(d.text)
        assert set(d.runs) <= set(every) and sorted(d.runs) == d.runs
        left_out = set(every) - set(d.runs)
        assert all(any(s <= a and b <= e for s, e in d.spans) for a, b in left_out)
    assert any(set(name_runs(d.text)) - set(d.runs) for d in detected)  # some were left out


@pytest.mark.parametrize("batch_rows", [1, 3, 1_000_000])
def test_rows_going_to_arrow_in_batches_give_the_same_table(registry, monkeypatch, batch_rows):
    from transforms.entities import detect as detect_module

    texts = [
        "Syrian President Ahmad Al Shara met ISIS envoys in Deir ez-Zor province.",
        None,
        "Mr Sharaa spoke in Raqqa. The Syrian Army said.",
        "Nothing capitalised here",
        "Islamic State fighters attacked Palmyra and Homs.",
    ]
    docs = pa.table({"doc_id": list("abcde"), "text": texts})
    want = detect_mentions(docs, registry)
    monkeypatch.setattr(detect_module, "BATCH_ROWS", batch_rows)
    got = detect_mentions(docs, registry)
    assert got.equals(want) and got.schema == want.schema and want.num_rows > 6
    assert all(c.num_chunks == 1 for c in got.columns)


def test_the_groups_forerunners_names_are_the_group_not_a_quarter(detect):
    m = detect("A truck bomb hit the embassy; Tawhid and Jihad said it carried out the attack.")
    assert list(zip(m.surface, m.entity_id.fillna(m.place_id), strict=True)) == [
        ("Tawhid and Jihad", "ent:islamic_state")
    ]
    # counter-example: the Baghdad quarter called Jihad, named as a place, stays the quarter
    m = detect("A truck bomb hit a market in the Jihad district.")
    assert list(m.surface) == ["Jihad"] and m.place_id.notna().all()
