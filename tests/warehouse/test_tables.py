"""CSV/TSV files: one input per row, the columns found by the field mapping, every row
accounted for (loaded or rejected with its reason), read as a stream."""

from __future__ import annotations

import codecs
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from transforms.ingest import ingest_batch
from transforms.ingest.fields import Fields, parse_overrides
from warehouse.inputs import file_of, iter_inputs
from warehouse.outlets import load_outlets
from warehouse.tables import file_encoding

LIMIT = 100_000
ROOT = Path(__file__).resolve().parents[2]

# Worded here: a clash note as an armed-conflict coder files it, quoted because of its commas.
CODER_CSV = (
    "event_id_cnty,event_date,year,admin1,location,source,notes\n"
    'SYR901,3 March 2019,2019,Deir ez-Zor,Hajin,SOHR,"On 3 March 2019, unidentified gunmen '
    'shot dead a local council member in Hajin, Deir ez-Zor."\n'
    'SYR902,2019-03-05,2019,Raqqa,Raqqa,"Reuters; AFP","A roadside bomb hit a patrol on the '
    'edge of Raqqa city,\nwounding two fighters.\n""No one claimed it,"" a resident said."\n'
)
# A terrorism-database export saved as tab-separated text: the split date, 0 for unknown.
TERROR_TSV = (
    "eventid\tiyear\timonth\tiday\tcountry_txt\tsummary\tscite1\n"
    "201703070001\t2017\t3\t7\tIraq\t03/07/2017: Assailants detonated an explosive-laden "
    "vehicle at a checkpoint in Tikrit city, Saladin governorate, Iraq. Six people died.\tGazette\n"
    "201703000002\t2017\t3\t0\tIraq\tAssailants abducted two shepherds near Rutba town, "
    "Anbar governorate, Iraq.\t\n"
)


def _inputs(path, fields=None):
    return list(iter_inputs([path], LIMIT, fields))


def _reasons(inputs):
    return [(i.uri.rsplit("#", 1)[1], i.reject.reason if i.reject else None) for i in inputs]


def test_a_coder_csv_loads_a_document_per_row_with_its_event_date(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CODER_CSV, encoding="utf-8")
    inputs = _inputs(path)
    assert _reasons(inputs) == [("R1", None), ("R2", None)]
    first, second = inputs
    assert (first.external_id, first.source, first.published, first.published_method) == (
        "SYR901",
        "SOHR",
        "3 March 2019",
        "event_date",
    )
    # quoted commas, a newline and doubled quotes stay inside the one field
    assert second.text.endswith(
        'city,\nwounding two fighters.\n"No one claimed it," a resident said.'
    )
    assert file_of(second.uri) == str(path)
    result = ingest_batch(inputs, load_outlets(), "r1", datetime(2026, 12, 1))
    docs = result.documents.to_pylist()
    assert [(d["published_date"], d["published_date_method"]) for d in docs] == [
        (date(2019, 3, 3), "event_date"),
        (date(2019, 3, 5), "event_date"),
    ]
    assert result.ledger.column("outcome").to_pylist() == ["loaded", "loaded"]


def test_a_tsv_loads_with_the_split_date_and_an_unknown_day_is_no_date(tmp_path):
    path = tmp_path / "gtd.tsv"
    path.write_text(TERROR_TSV, encoding="utf-8")
    dated, undated = _inputs(path)
    assert (dated.published, dated.external_id, dated.source) == (
        "2017-03-07",
        "201703070001",
        "Gazette",
    )
    assert "Tikrit city" in dated.text and "\t" not in dated.text
    assert (undated.published, undated.source, undated.reject) == (None, None, None)


def test_a_generic_spreadsheet_with_headline_and_a_bom(tmp_path):
    path = tmp_path / "articles.csv"
    body = "Mortar shells struck a market in Kirkuk on Tuesday, killing three traders."
    path.write_bytes(
        codecs.BOM_UTF8
        + b"Headline,Body,Outlet,Published\n"
        + f'Market shelled,"{body}",Kurdistan 24,2026-02-03\n'.encode()
    )
    [row] = _inputs(path)
    assert (row.title, row.text, row.source, row.published) == (
        "Market shelled",
        body,
        "Kurdistan 24",
        "2026-02-03",
    )
    assert (row.published_method, row.charset) == ("metadata", "utf-8-bom")


def test_bad_rows_are_rejected_with_reasons_and_the_file_goes_on(tmp_path):
    path = tmp_path / "mixed.csv"
    good = "Gunmen fired on a bus near Samarra on Friday and wounded four passengers."
    lines = [
        b"date,text,source",
        f"2026-01-02,{good},Sumaria".encode(),
        # UTF-8 beyond ASCII early in the file: it is UTF-8, and a stray byte is a bad row
        "2026-01-07,Shelling hit a Tal Afar café at noon and killed two diners.,Sumaria".encode(),
        b"2026-01-03,,Sumaria",  # no text
        b",,",  # nothing at all
        f"2026-01-04,{good},Sumaria,extra,fields".encode(),  # a delimiter astray
        b"2026-01-05,Bombs in Mosul \xe9 killed five,Sumaria",  # not UTF-8
        b"",  # a blank line is no row
        f"2026-01-06,{good} {'x' * LIMIT},Sumaria".encode(),  # over the size limit
        f"2026-01-08,{good} Again.,Sumaria".encode(),  # the file goes on
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    inputs = _inputs(path)
    assert _reasons(inputs) == [
        ("R1", None),
        ("R2", None),
        ("R3", "missing_text"),
        ("R4", "empty"),
        ("R5", "invalid_row"),
        ("R6", "undecodable"),
        ("R7", "too_large"),
        ("R8", None),
    ]
    details = {i.uri.rsplit("#", 1)[1]: i.reject.detail for i in inputs if i.reject}
    assert details["R3"] == "column 'text' is empty"
    assert "5 fields, the header has 3" in details["R5"]
    assert "not valid utf-8" in details["R6"]
    result = ingest_batch(inputs, load_outlets(), "r1", datetime(2026, 12, 1))
    assert result.ledger.num_rows == 8 and result.rejected.num_rows == 5
    assert result.documents.num_rows == 3


def test_a_file_without_a_text_column_rejects_each_row_and_says_how_to_name_it(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,killed\nMosul,3\nHit,1\n", encoding="utf-8")
    inputs = _inputs(path)
    assert _reasons(inputs) == [("R1", "missing_text"), ("R2", "missing_text")]
    assert "--field text=FIELD" in inputs[0].reject.detail
    # the override names it
    fields = Fields(parse_overrides(["text=place"]))
    assert [i.text for i in _inputs(path, fields)] == ["Mosul", "Hit"]


def test_an_empty_file_is_one_rejection(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_bytes(b"")
    [only] = _inputs(path)
    assert (only.uri, only.reject.reason) == (str(path), "empty")


def test_semicolon_csv_and_legacy_windows_encoding(tmp_path):
    path = tmp_path / "export.csv"
    text = "Date;Notes\n12/03/2020;Un obus a tué deux civils à Idleb, selon l’OSDH.\n"
    path.write_bytes(text.encode("cp1252"))
    [row] = _inputs(path)
    assert row.text == "Un obus a tué deux civils à Idleb, selon l’OSDH."
    assert row.charset == "cp1252"


def test_utf16_spreadsheet_export(tmp_path):
    path = tmp_path / "unicode.tsv"
    path.write_text("Title\tText\nبعقوبة\tA bomb in Baquba killed two.\n", encoding="utf-16")
    [row] = _inputs(path)
    assert (row.title, row.text, row.charset) == (
        "بعقوبة",
        "A bomb in Baquba killed two.",
        "utf-16-bom",
    )


def test_encoding_sniffing():
    assert file_encoding("Kūt".encode()) == "utf-8"
    assert file_encoding("Kūt".encode()[:-2]) == "utf-8"  # a character cut at the end
    assert file_encoding("café, 3 killed".encode("cp1252")) == "cp1252"
    # UTF-8 beyond ASCII with one stray byte: UTF-8, the stray row is the one rejected
    assert file_encoding("Kūt ".encode() + b"\xe9 killed") == "utf-8"


def test_rows_are_streamed_not_read_whole(tmp_path):
    path = tmp_path / "big.csv"
    note = "Unknown gunmen killed a shepherd near Palmyra, a monitor said."
    with path.open("w", encoding="utf-8") as f:
        f.write("id,notes\n")
        f.writelines(f"{i},{note} ({i})\n" for i in range(40_000))
    size = path.stat().st_size
    # measured in a process of its own: tracemalloc counts every thread's allocations, and a
    # test worker may hold threads of earlier tests (a Prefect client's) allocating meanwhile
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_READING, str(path), str(LIMIT)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    n, peak = int(out[0]), int(out[1])
    assert n == 40_000
    assert peak < size / 10, f"peak {peak} bytes reading a {size}-byte file"


_PEAK_OF_READING = """
import sys, tracemalloc
from pathlib import Path
from warehouse.inputs import iter_inputs
tracemalloc.start()
n = sum(1 for _ in iter_inputs([Path(sys.argv[1])], int(sys.argv[2])))
print(n, tracemalloc.get_traced_memory()[1])
"""


def test_a_column_named_twice_is_read_from_its_first(tmp_path):
    path = tmp_path / "twice.csv"
    note = "Gunmen killed a farmer near Kirkuk at dawn and fled on foot."
    path.write_text(f"notes,source,source\n{note},Kirkuk Now,Twitter\n", encoding="utf-8")
    [row] = _inputs(path)
    assert (row.text, row.source) == (note, "Kirkuk Now")
