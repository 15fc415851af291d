import csv
from datetime import date
from pathlib import Path

import pytest

from transforms.ingest import RawInput, Rejected, ingest
from transforms.ingest.document import doc_id_for
from transforms.ingest.outlets import Outlets

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def outlets() -> Outlets:
    with (ROOT / "seeds/reference/outlets.csv").open(encoding="utf-8", newline="") as f:
        return Outlets.from_rows(list(csv.DictReader(f)))


def _file(name: str) -> RawInput:
    data = (ROOT / "seeds/articles" / name).read_bytes()
    return RawInput(uri=name, data=data, n_bytes=len(data))


BODY = (
    "Gunmen attacked an army checkpoint near Palmyra on Tuesday, killing two soldiers, "
    "the defence ministry said in a statement carried by state media."
)


# What each seed's own text states about itself (nulls where it states nothing).
@pytest.mark.parametrize(
    ("name", "source", "published", "wire", "has_title"),
    [
        ("000_1eb21593b101c4ab.txt", "The National", date(2026, 2, 22), None, True),
        ("001_4baabb5df3867a4e.txt", "The Straits Times", date(2026, 2, 22), "Reuters", False),
        (
            "002_dca67c49c66cab46.txt",
            "News.Az",
            date(2026, 2, 22),
            "Agence France-Presse; Reuters",
            False,
        ),
        ("003_ff6c243ecba94ddd.txt", None, None, "Reuters", False),
        ("004_546802c64d3fa081.txt", "EconoTimes", None, "Reuters", True),
    ],
)
def test_seed_metadata(outlets, name, source, published, wire, has_title):
    doc = ingest(_file(name), outlets)
    assert doc.source == source
    assert doc.published_date == published
    assert doc.wire == wire
    assert (doc.title is not None) == has_title


def test_seed_chrome_gone_and_caption_once(outlets):
    doc = ingest(_file("000_1eb21593b101c4ab.txt"), outlets)
    assert doc.caption and doc.caption.endswith("Getty Images")
    assert doc.caption not in doc.text
    for chrome in ("Play/Pause", "Bookmark", "Updated:"):
        assert chrome not in doc.text
    assert doc.text.startswith("ISIS said it had begun")
    assert doc.text.endswith("transfer of control of the camps.")
    doc4 = ingest(_file("004_546802c64d3fa081.txt"), outlets)
    for chrome in ("Menu", "Search", "Market Data", "Close", "Welcome to", "Sign up"):
        assert chrome not in doc4.text
    assert doc4.text.endswith("insurgency resurgence across Syria.")
    doc1 = ingest(_file("001_4baabb5df3867a4e.txt"), outlets)
    assert "newsletters" not in doc1.text and not doc1.text.endswith("REUTERS")


def test_metadata_wins_over_text(outlets):
    raw = RawInput(
        uri="x",
        text="Published: 1 March 2026\n\n" + BODY,
        source="rudaw",
        published="2026-02-27",
        url="https://www.example.org/a",
    )
    doc = ingest(raw, outlets)
    assert (doc.source, doc.source_method) == ("Rudaw", "metadata")
    assert (doc.published_date, doc.published_date_method) == (date(2026, 2, 27), "metadata")
    assert doc.uri == "https://www.example.org/a"


def test_outlet_from_url_domain(outlets):
    raw = RawInput(uri="x", text=BODY, url="https://www.aljazeera.com/news/2026/3/1/x")
    assert ingest(raw, outlets).source == "Al Jazeera"


def test_unreadable_metadata_date_is_null_not_a_guess(outlets):
    doc = ingest(RawInput(uri="x", text=BODY, published="last week"), outlets)
    assert doc.published_date is None and doc.published_date_method is None


def test_same_body_same_doc_id_whatever_the_whitespace_and_quotes():
    assert doc_id_for("He said “no”.\n\nEnd.") == doc_id_for('He said  "no". End.')
    assert doc_id_for("one text") != doc_id_for("another text")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (RawInput(uri="e", data=b"", n_bytes=0), "empty"),
        (RawInput(uri="b", data=b"\x89PNG\r\n\x1a\n" + bytes(300), n_bytes=308), "binary"),
        (RawInput(uri="big", data=b"x" * 20, n_bytes=20), "too_large"),
        (RawInput(uri="chrome", data=b"Menu\nSearch\nClose\n", n_bytes=18), "no_text"),
        (RawInput(uri="tags", data=b"<html><script>x()</script></html>", n_bytes=33), "no_text"),
    ],
)
def test_bad_inputs_rejected(outlets, raw, reason):
    with pytest.raises(Rejected) as err:
        ingest(raw, outlets, max_bytes=10 if raw.uri == "big" else 5_000_000)
    assert err.value.reason == reason


@pytest.mark.parametrize(
    "note",
    ["A mortar shell wounded two boys.", "Gunmen shot dead a shopkeeper in Tuz!"],
)
def test_a_short_note_of_one_whole_sentence_is_a_document(outlets, note):
    doc = ingest(RawInput(uri="note", text=note, n_bytes=len(note)), outlets)
    assert doc.text == note


def test_one_unpunctuated_line_alone_is_the_body_not_a_headline(outlets):
    note = "Islamic State fighters shot dead two shepherds near Tadmur"
    doc = ingest(RawInput(uri="note", text=note, n_bytes=len(note)), outlets)
    assert doc.text == note


def test_a_headline_above_an_article_stays_the_headline(outlets):
    text = "Two Shepherds Shot Dead Near Tadmur\n\n" + BODY
    doc = ingest(RawInput(uri="page", text=text, n_bytes=len(text)), outlets)
    assert doc.title == "Two Shepherds Shot Dead Near Tadmur"
    assert not doc.text.startswith("Two Shepherds")


@pytest.mark.parametrize(
    "stub",
    ["Menu Search Close Login.", "Car bombings", "12 May 2016 Mosul bombings", "Share this."],
)
def test_a_short_stub_that_is_no_sentence_is_still_no_text(outlets, stub):
    with pytest.raises(Rejected) as err:
        ingest(RawInput(uri="stub", text=stub, n_bytes=len(stub)), outlets)
    assert err.value.reason == "no_text"


def test_known_unchanged_inputs_are_recorded_not_cleaned_again(outlets):
    from datetime import datetime

    from transforms.ingest import ingest_batch

    good = RawInput(uri="a.txt", data=BODY.encode(), n_bytes=len(BODY))
    bad = RawInput(uri="b.txt", data=b"", n_bytes=0)
    first = ingest_batch([good, bad], outlets, "r1", datetime(2026, 1, 1))
    rows = first.ledger.to_pylist()
    known = {(r["uri"], r["content_sha256"]): (r["doc_id"], r["reason"]) for r in rows}
    doc_ids = frozenset(first.documents.column("doc_id").to_pylist())
    # Re-ingesting the empty input would reject it again (a row in `rejected`): it must not be.
    again = ingest_batch(
        [good, bad], outlets, "r2", datetime(2026, 1, 2), doc_ids, known_inputs=known
    )
    assert again.documents.num_rows == 0 and again.rejected.num_rows == 0
    assert [
        (r["outcome"], r["doc_id"], r["reason"], r["is_new"]) for r in again.ledger.to_pylist()
    ] == [("loaded", rows[0]["doc_id"], None, False), ("rejected", None, "empty", False)]
    changed = RawInput(uri="a.txt", data=(BODY + " More.").encode(), n_bytes=len(BODY) + 6)
    third = ingest_batch(
        [changed], outlets, "r3", datetime(2026, 1, 3), doc_ids, known_inputs=known
    )
    assert third.documents.num_rows == 1  # same uri, new bytes: cleaned and loaded


def test_a_rejection_survives_pickling_to_a_worker_process():
    import pickle

    from transforms.ingest import RawInput, Rejected

    raw = RawInput(uri="c.warc#W0", reject=Rejected("not_html", "content type image/jpeg"))
    back = pickle.loads(pickle.dumps(raw))
    assert (back.reject.reason, back.reject.detail) == ("not_html", "content type image/jpeg")
