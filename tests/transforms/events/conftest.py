"""Small inline gazetteer, actors and a document/mention builder for the events tests."""

from __future__ import annotations

import re
from datetime import date

import pyarrow as pa
import pytest

from transforms import schemas

PLACES = [
    # place_id, name, admin1, precision
    ("t_may", "Al Mayadin", "Deir ez-Zor", "town"),
    ("g_dez", "Deir ez-Zor", "Deir ez-Zor", "governorate"),
    ("t_raq", "Ar Raqqah", "Ar-Raqqah", "town"),
    ("g_raq", "Ar-Raqqah", "Ar-Raqqah", "governorate"),
    ("t_pal", "Tadmur", "Homs", "town"),
    ("c_sy", "Syria", None, "country"),
]
# surface -> (entity_type, id)
LEXICON = {
    "Mayadin": ("place", "t_may"),
    "Mayadeen": ("place", "t_may"),
    "Deir ez-Zor": ("place", "t_dez_town"),
    "Deir al-Zor": ("place", "g_dez"),
    "Raqqa": ("place", "t_raq"),
    "Palmyra": ("place", "t_pal"),
    "Syria": ("place", "c_sy"),
    "DAMASCUS": ("place", "c_sy"),
    "Islamic State": ("armed_group", "ent:is"),
    "ISIS": ("armed_group", "ent:is"),
    "IS": ("armed_group", "ent:is"),
    "Hurras al-Din": ("armed_group", "ent:hd"),
    "Daesh": ("armed_group", "ent:is"),
    "SDF": ("armed_group", "ent:sdf"),
    "Peshmerga": ("armed_group", "ent:pesh"),
    "Syrian army": ("government", "ent:sy_army"),
}


@pytest.fixture
def places() -> pa.Table:
    rows = [
        {
            "place_id": pid,
            "name": name,
            "admin1": a1,
            "admin2": None,
            "country_code": "SY",
            "latitude": 35.0,
            "longitude": 40.0,
            "feature_code": None,
            "precision": prec,
        }
        for pid, name, a1, prec in PLACES
    ]
    rows.append({**rows[1], "place_id": "t_dez_town", "precision": "town"})
    return pa.Table.from_pylist(rows, schema=schemas.PLACES)


@pytest.fixture
def entities() -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "entity_id": "ent:is",
                "canonical_name": "Islamic State",
                "entity_type": "armed_group",
                "aliases": ["IS", "ISIS"],
                "origin": "registry",
            },
            {
                "entity_id": "ent:hd",
                "canonical_name": "Hurras al-Din",
                "entity_type": "armed_group",
                "aliases": [],
                "origin": "registry",
            },
        ],
        schema=schemas.ENTITIES,
    )


def mentions_for(doc_id: str, text: str) -> list[dict]:
    """Every lexicon surface in ``text`` as a mention (longest first, case-sensitive)."""
    rows, taken = [], []
    for surface in sorted(LEXICON, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            kind, ident = LEXICON[surface]
            rows.append(
                {
                    "mention_id": f"{doc_id}:{m.start()}",
                    "doc_id": doc_id,
                    "sentence_no": 0,
                    "char_start": m.start(),
                    "char_end": m.end(),
                    "surface": surface,
                    "entity_id": ident if kind != "place" else None,
                    "place_id": ident if kind == "place" else None,
                    "entity_type": kind,
                    "match_method": "exact",
                    "score": 1.0,
                    "role": "dateline" if surface.isupper() and len(surface) > 3 else None,
                }
            )
    return rows


@pytest.fixture
def corpus():
    """Build (documents, mentions) tables from (doc_id, text, published, source) tuples."""

    def build(*docs: tuple[str, str, date | None, str]) -> tuple[pa.Table, pa.Table]:
        drows, mrows = [], []
        for doc_id, text, pub, source in docs:
            drows.append(
                {
                    "doc_id": doc_id,
                    "text": text,
                    "published_date": pub,
                    "source": source,
                    "title": None,
                }
            )
            mrows.extend(mentions_for(doc_id, text))
        documents = pa.Table.from_pylist(drows, schema=schemas.DOCUMENTS)
        mentions = pa.Table.from_pylist(mrows, schema=schemas.ENTITY_MENTIONS)
        return documents, mentions

    return build


# The day the one-document helpers below publish on unless told (a Sunday).
SUNDAY = date(2026, 2, 22)


@pytest.fixture
def reports_of(corpus, places, entities):
    """Report rows (dicts) of one document, its mentions from the small lexicon: ``read(text,
    published=SUNDAY)``."""
    from transforms.events import extract_reports

    def read(text: str, published: date | None = SUNDAY) -> list[dict]:
        documents, mentions = corpus(("d1", text, published, "A"))
        return extract_reports(documents, mentions, places, entities).to_pylist()

    return read


@pytest.fixture
def tolls_by_place(reports_of):
    """(location_text, killed_best, wounded_best) of one document's reports, sorted."""

    def read(text: str) -> list[tuple]:
        got = reports_of(text)
        return sorted((r["location_text"], r["killed_best"], r["wounded_best"]) for r in got)

    return read


@pytest.fixture(scope="session")
def real_reports():
    """Report rows (dicts) of one text read through the real chain: the shipped gazetteer and
    actors, entity detection, extraction."""
    from transforms.entities import detect_mentions
    from transforms.events import extract_reports
    from warehouse.reference import load_registry

    registry = load_registry()
    places, entities = registry.places_table(), registry.entities_table()

    def run(text: str, published: date = date(2026, 3, 6)) -> list[dict]:
        docs = pa.table(
            {"doc_id": ["d0"], "text": [text], "published_date": [published], "source": ["s0"]}
        )
        mentions = detect_mentions(docs, registry)
        return extract_reports(docs, mentions, places, entities).to_pylist()

    return run
