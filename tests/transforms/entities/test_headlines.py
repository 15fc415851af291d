"""Headlines are read: their names are mentions with spans into ``documents.title``, and a
report whose body names no place takes the headline's (ingestion -> detection -> extraction).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.events import extract_reports
from transforms.ingest.document import RawInput, ingest
from warehouse.outlets import load_outlets

BODY_NO_PLACE = (
    "A roadside bomb struck an army convoy on Sunday, killing four soldiers, security sources said."
)
BODY_WITH_PLACE = (
    "A roadside bomb struck an army convoy near Kirkuk on Sunday, killing four soldiers, "
    "security sources said."
)


def _docs(rows: list[tuple[str, str | None, str]]) -> pa.Table:
    return pa.table(
        {
            "doc_id": [r[0] for r in rows],
            "title": pa.array([r[1] for r in rows], pa.string()),
            "text": [r[2] for r in rows],
            "published_date": [date(2025, 3, 10)] * len(rows),
        }
    )


def _reports(docs: pa.Table, registry) -> pd.DataFrame:
    mentions = detect_mentions(docs, registry)
    out = extract_reports(docs, mentions, registry.places_table(), registry.entities_table())
    return out.to_pandas().set_index("doc_id")


def test_headline_names_are_mentions_spanning_the_title(registry):
    title = "Roadside bomb strikes army convoy outside Tikrit"
    docs = _docs([("d", title, BODY_NO_PLACE)])
    m = detect_mentions(docs, registry).to_pandas()
    head = m[m.field == "title"]
    assert list(head.surface) == ["Tikrit"]
    row = head.iloc[0]
    assert title[row.char_start : row.char_end] == row.surface
    assert row.mention_id == f"d:title:{row.char_start}:{row.char_end}"
    assert row.sentence_no == 0
    # the headline's rows come first, and every mention id stays unique
    assert list(m.field)[: len(head)] == ["title"] * len(head)
    assert m.mention_id.is_unique


def test_the_body_reads_the_same_with_or_without_its_headline(registry):
    body = "Gunmen opened fire on a checkpoint in Samarra, killing two policemen."
    cols = ["mention_id", "char_start", "char_end", "surface", "place_id", "entity_id"]
    with_title = detect_mentions(_docs([("d", "Attack in Mosul", body)]), registry).to_pandas()
    without = detect_mentions(_docs([("d", None, body)]), registry).to_pandas()
    body_rows = with_title[with_title.field == "text"].reset_index(drop=True)
    assert body_rows[cols].equals(without[cols])
    assert set(without.field) == {"text"}
    assert "Mosul" in set(with_title.surface)


def test_documents_without_a_title_column_are_read_as_before(registry):
    docs = pa.table({"doc_id": ["d"], "text": ["Shelling hit Idlib on Friday."]})
    m = detect_mentions(docs, registry).to_pandas()
    assert list(m.field) == ["text"] and list(m.surface) == ["Idlib"]


def test_a_report_with_no_place_in_its_body_takes_the_headline_place(registry):
    docs = _docs([("d", "Roadside bomb strikes army convoy in Tikrit", BODY_NO_PLACE)])
    r = _reports(docs, registry).loc["d"]
    assert r.location_text == "Tikrit"
    assert r.admin1 == "Salah ad Din"
    assert r.geo_precision == "1"
    assert r.quote == BODY_NO_PLACE  # the quote stays the body's sentence


def test_a_headline_place_named_as_a_reference_is_coarser(registry):
    """'outside Tikrit' in the headline: read in the title, so ACLED precision 2."""
    docs = _docs([("d", "Roadside bomb strikes army convoy outside Tikrit", BODY_NO_PLACE)])
    r = _reports(docs, registry).loc["d"]
    assert (r.location_text, r.geo_precision) == ("Tikrit", "2")


def test_two_headline_places_of_one_governorate(registry):
    """'Tikrit and Samarra': the event is in Salah ad Din, not in either town (ACLED 3)."""
    docs = _docs([("d", "Bombs hit convoys in Tikrit and Samarra", BODY_NO_PLACE)])
    r = _reports(docs, registry).loc["d"]
    assert (r.admin1, r.geo_precision) == ("Salah ad Din", "3")


@pytest.mark.parametrize(
    ("title", "body", "location"),
    [
        # the body names its own place: the headline's is not used
        ("Roadside bomb strikes army convoy in Tikrit", BODY_WITH_PLACE, "Kirkuk"),
        # two places of two governorates in the headline: it does not say which one (two of
        # one governorate give it: test_two_headline_places_of_one_governorate)
        ("Bombs hit convoys in Tikrit and Kirkuk", BODY_NO_PLACE, None),
        # the body is about another country than the headline's town
        (
            "Roadside bomb strikes army convoy in Tikrit",
            BODY_NO_PLACE.replace("on Sunday", "in Syria on Sunday"),
            "Syria",
        ),
        # no headline
        (None, BODY_NO_PLACE, None),
    ],
    ids=["body-place-wins", "two-headline-places", "other-country", "no-headline"],
)
def test_when_the_headline_place_is_not_used(registry, title, body, location):
    r = _reports(_docs([("d", title, body)]), registry).loc["d"]
    assert (r.location_text if isinstance(r.location_text, str) else None) == location


def test_an_ingested_headline_line_reaches_mentions_and_reports(registry):
    """Ingestion lifts the headline line out of the body into ``title``; it is still read."""
    raw = RawInput(
        uri="mem://a.txt",
        text="Mortar rounds hit vegetable market in Daraa\n\n"
        "Mortar rounds fell on a vegetable market on Thursday morning, killing three "
        "shoppers and wounding nine, a local doctor said.",
    )
    doc = ingest(raw, load_outlets())
    assert doc.title == "Mortar rounds hit vegetable market in Daraa"
    assert "Daraa" not in doc.text
    docs = _docs([(doc.doc_id, doc.title, doc.text)])
    m = detect_mentions(docs, registry).to_pandas()
    assert list(m[m.field == "title"].surface) == ["Daraa"]
    r = _reports(docs, registry).loc[doc.doc_id]
    assert (r.location_text, r.admin1, r.killed_best) == ("Daraa", "Daraa", 3)
