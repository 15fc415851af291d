"""The registry: tables follow the schemas, it pickles, it is built once per process."""

from __future__ import annotations

import pickle
from pathlib import Path

import pyarrow as pa

from transforms import schemas
from transforms.entities import detect_mentions
from warehouse.reference import REFERENCE_DIR, load_registry

PRECISIONS = {"town", "district", "governorate", "region", "country"}
TYPES = {"person", "armed_group", "government", "institution", "media", "state", "international"}


def test_entities_table_follows_the_schema(registry):
    t = registry.entities_table()
    assert t.schema == schemas.ENTITIES
    df = t.to_pandas()
    assert df.entity_id.is_unique
    assert set(df.origin) == {"registry"}
    assert set(df.entity_type) <= TYPES
    assert all(len(a) >= 1 for a in df.aliases)
    sharaa = df[df.entity_id == "ent:ahmed_al_sharaa"].iloc[0]
    assert "Abu Mohammad al-Julani" in list(sharaa.aliases)  # a former name


def test_places_table_follows_the_schema(registry):
    t = registry.places_table()
    assert t.schema == schemas.PLACES
    df = t.to_pandas()
    assert df.place_id.is_unique
    assert set(df.precision) <= PRECISIONS
    govs = df[df.precision == "governorate"]
    assert len(govs[govs.country_code == "SY"]) == 14 and len(govs[govs.country_code == "IQ"]) == 19
    assert (govs.name == govs.admin1).all()
    towns = df[(df.precision == "town") & df.country_code.isin(["SY", "IQ"])]
    assert towns.admin1.notna().all() and towns.latitude.notna().all()


def test_registry_pickles_and_detects_the_same_after(registry):
    docs = pa.table({"doc_id": ["a"], "text": ["Mr Sharaa met Ahmed al-Sharaa in Deir Ezzor."]})
    before = detect_mentions(docs, registry)
    clone = pickle.loads(pickle.dumps(registry))
    assert clone._automaton is None  # rebuilt on first use, not shipped
    assert detect_mentions(docs, clone).equals(before)


def test_load_registry_is_built_once_per_process():
    assert load_registry() is load_registry()
    assert load_registry(REFERENCE_DIR) is load_registry()


def test_committed_reference_files_stay_small():
    total = sum(p.stat().st_size for p in Path(REFERENCE_DIR).glob("*.csv"))
    # the Who's On First gazetteer (30k places with their spellings) is most of it
    assert total < 8_000_000


def test_reference_readme_credits_the_sources():
    text = (Path(REFERENCE_DIR) / "README.md").read_text("utf-8")
    assert "GeoNames geonames.org" in text and "CC BY 4.0" in text
    assert "OFAC" in text and "public domain" in text
