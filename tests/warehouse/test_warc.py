"""WARC crawls: each HTML page one input, every other record accounted for, streamed."""

import random
from datetime import date

import pytest

from tests.warehouse.crawl_fixtures import (
    PAGE_URL,
    UNDATED_URL,
    write_warc,
)
from transforms.ingest import ingest
from warehouse.inputs import file_of, iter_inputs
from warehouse.outlets import load_outlets
from warehouse.warc import warc_inputs

EXPECTED = [  # (kind of record, reason) in file order
    ("warcinfo", "warc_not_a_page"),
    ("request", "warc_not_a_page"),
    (PAGE_URL, None),
    (UNDATED_URL, None),
    ("redirect", "http_status"),
    ("json", "not_html"),
    ("image", "not_html"),
    ("revisit", "warc_not_a_page"),
    ("metadata", "warc_not_a_page"),
    ("404", "http_status"),
]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_every_record_is_an_input_pages_loaded_others_rejected(tmp_path, gzip):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    inputs = list(iter_inputs([tmp_path], 5_000_000))
    assert [r.reject.reason if r.reject else None for r in inputs] == [e[1] for e in EXPECTED]
    assert [r.url for r in inputs if r.reject is None] == [PAGE_URL, UNDATED_URL]
    assert all(r.uri.startswith(f"{path}#W") and file_of(r.uri) == str(path) for r in inputs)
    assert len({r.uri for r in inputs}) == len(inputs)
    details = [r.reject.detail for r in inputs if r.reject]
    assert "HTTP 301 -> " + PAGE_URL in details[2]
    assert "application/json" in details[3] and "image/jpeg" in details[4]
    assert "revisit" in details[5] and "404" in details[7]


def test_pages_get_metadata_and_never_the_crawl_date(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz")
    pages = [r for r in warc_inputs(path, 5_000_000) if r.reject is None]
    dated, undated = (ingest(r, load_outlets()) for r in pages)
    assert dated.uri == PAGE_URL and dated.source == "Euphrates Herald"
    assert dated.title == "Mortar shells hit market in Deir ez-Zor"
    assert dated.published_date == date(2026, 4, 2) and dated.published_date_method == "metadata"
    assert "Most read" not in dated.text and "Wheat harvest" not in dated.text
    assert "killing\nfour civilians" in dated.text or "killing four civilians" in dated.text
    # The crawl date (2026-06-10) is in every record's header: it is not the page's date.
    assert undated.uri == UNDATED_URL and undated.published_date is None
    assert undated.title == "Sniper wounds farmer near Hit"


def test_a_page_over_the_size_limit_is_rejected_unread(tmp_path):
    path = write_warc(tmp_path / "crawl.warc")
    reasons = [r.reject.reason for r in warc_inputs(path, 600) if r.reject]
    assert reasons.count("too_large") == 1  # the 950-byte page; the 485-byte one loads


def test_a_crawl_cut_short_keeps_what_was_read_and_says_where_it_broke(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) // 3])
    inputs = list(warc_inputs(cut, 5_000_000))
    assert inputs[0].reject.reason == "warc_not_a_page"
    assert inputs[-1].reject.reason == "unreadable"
    assert "breaks off" in inputs[-1].reject.detail
    assert file_of(inputs[-1].uri) == str(cut)


@pytest.mark.parametrize("cut", [400, 800, 1500, 3000, 5000])
def test_an_uncompressed_crawl_cut_anywhere_ends_in_one_unreadable_input(tmp_path, cut):
    whole = write_warc(tmp_path / "whole.warc", gzip=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:cut])
    inputs = list(warc_inputs(path, 5_000_000))
    assert [r.reject.reason for r in inputs if r.reject][-1] == "unreadable"
    assert all(r.reject or r.data.rstrip().endswith(b"</html>") for r in inputs)


def test_a_file_that_is_no_warc_is_one_unreadable_input(tmp_path):
    bogus = tmp_path / "notes.warc"
    bogus.write_text("these are notes, not a crawl\n" * 20)
    inputs = list(warc_inputs(bogus, 5_000_000))
    assert [r.reject.reason for r in inputs] == ["unreadable"]


def test_the_reader_streams_a_large_crawl(tmp_path):
    """200 pages of ~10 kB: the reader holds one payload at a time (its generator is consumed
    lazily, so the first page arrives before the file is read through)."""
    rng = random.Random(7)
    words = ["shop", "road", "market", "river", "bridge", "school", "field", "truck", "north"]
    pages = [
        (f"https://x.example/{i}", "<html><body><p>" + " ".join(rng.choices(words, k=1500)))
        for i in range(200)
    ]
    path = write_warc(tmp_path / "big.warc.gz", pages=pages)
    size = path.stat().st_size
    reader = warc_inputs(path, 5_000_000)
    first = [next(reader) for _ in range(3)]
    assert first[2].url == "https://x.example/0"
    assert reader.gi_frame.f_locals["handle"].tell() < size / 10  # not read through
    assert sum(1 for r in reader if r.reject is None) == 199


@pytest.mark.parametrize(
    "charset, body, encoding",
    [
        ("windows-1256", "قتل مسلحون جنديين قرب الموصل يوم الاثنين، بحسب مصدر أمني.", "cp1256"),
        (
            "ISO-8859-1",
            "Des hommes armés ont tué deux gardes à Raqqa lundi, selon la police.",
            "cp1252",
        ),
        (
            None,
            "Gunmen killed two guards at a checkpoint near Raqqa on Monday, police said.",
            "utf-8",
        ),
    ],
)
def test_a_page_is_decoded_by_the_charset_its_server_declared(tmp_path, charset, body, encoding):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "c.warc"
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    page = f"<html><body><article><p>{body}</p></article></body></html>"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a",
                "response",
                payload=BytesIO(page.encode(encoding)),
                http_headers=http,
            )
        )
    (raw,) = warc_inputs(path, 5_000_000)
    doc = ingest(raw, load_outlets())
    assert doc.text == body and doc.encoding == encoding


def _warc_page(path, ctype, page: bytes):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a", "response", payload=BytesIO(page), http_headers=http
            )
        )
    (raw,) = warc_inputs(path, 5_000_000)
    return ingest(raw, load_outlets())


ARABIC = "قتل مسلحون جنديين قرب الموصل يوم الاثنين، بحسب مصدر أمني."


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1256">',
        "<meta charset=windows-1256>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
        "<META CONTENT='text/html; charset=Windows-1256' HTTP-EQUIV='content-type'>",
    ],
    ids=["charset", "unquoted", "http-equiv", "upper-case, reversed"],
)
def test_a_page_without_a_server_charset_is_decoded_by_its_meta_declaration(tmp_path, head):
    page = f"<html><head>{head}<title>t</title></head><body><article><p>{ARABIC}</p>"
    doc = _warc_page(
        tmp_path / "m.warc", "text/html", (page + "</article></body></html>").encode("cp1256")
    )
    assert doc.text == ARABIC and doc.encoding == "cp1256"


def test_the_server_charset_wins_over_the_meta_and_a_wrong_meta_is_ignored(tmp_path):
    body = "Des hommes armés ont tué deux gardes à Raqqa lundi, selon la police."
    page = f'<html><head><meta charset="windows-1256"></head><body><article><p>{body}</p>'
    page += "</article></body></html>"
    declared = _warc_page(tmp_path / "a.warc", "text/html; charset=utf-8", page.encode("utf-8"))
    assert declared.text == body and declared.encoding == "utf-8"
    # A page saying UTF-8 whose bytes are not: its bytes are judged as they are.
    wrong = page.replace("windows-1256", "utf-8").encode("cp1252")
    sniffed = _warc_page(tmp_path / "b.warc", "text/html", wrong)
    assert sniffed.text == body and sniffed.encoding == "cp1252"
