"""A coder's CSV export through the real flow: each row a document dated by its event date,
events years old kept (not history), bad rows in rejected_documents, every row in the ledger,
and a field mapping given to the flow reaching the reader."""

from __future__ import annotations

import csv
from datetime import date

import duckdb
import pytest

pytestmark = pytest.mark.prefect

# Notes worded here, in a clash coder's manner; the export is years older than the run.
ROWS = [
    {
        "event_id_cnty": "IRQ7001",
        "event_date": "18 June 2016",
        "location": "Tikrit",
        "source": "Coder feed",
        "outlet_name": "Shafaq News",
        "notes": (
            "On 18 June 2016, a roadside bomb struck an army patrol on the road north of Tikrit, "
            "killing three soldiers and wounding two."
        ),
    },
    {
        # no date in the note: it is dated by its row
        "event_id_cnty": "SYR7002",
        "event_date": "2017-09-04",
        "location": "Hajin",
        "source": "Coder feed",
        "outlet_name": "Deir Ezzor 24",
        "notes": (
            "Unidentified gunmen shot dead two civilians at a checkpoint in Hajin, "
            "Deir ez-Zor, and fled."
        ),
    },
    {  # a row without text: rejected, the file goes on
        "event_id_cnty": "SYR7003",
        "event_date": "2017-09-05",
        "location": "Hajin",
        "source": "Coder feed",
        "outlet_name": "",
        "notes": "",
    },
]


def test_a_coder_csv_becomes_events_dated_years_ago(tmp_path):
    from flows.pipeline import sitrep_flow

    export = tmp_path / "coder_export.csv"
    with export.open("w", newline="", encoding="utf-8-sig") as f:  # with a BOM, as Excel saves
        writer = csv.DictWriter(f, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    wh = tmp_path / "w.duckdb"
    run = sitrep_flow(inputs=[str(export)], warehouse=str(wh), fields=["source=outlet_name"])
    assert (run["status"], run["inputs_seen"], run["documents_loaded"]) == ("published", 3, 2)
    with duckdb.connect(str(wh), read_only=True) as con:
        docs = con.execute(
            "select external_id, source, published_date, published_date_method, encoding "
            "from documents order by external_id"
        ).fetchall()
        ledger = con.execute("select uri, outcome, reason from run_inputs order by uri").fetchall()
        rejected = con.execute("select reason, detail from rejected_documents").fetchall()
        events = con.execute(
            "select d.external_id, e.event_date, e.killed_best "
            "from events e join event_reports r using (event_id) join documents d using (doc_id) "
            "order by d.external_id"
        ).fetchall()
    assert docs == [
        ("IRQ7001", "Shafaq News", date(2016, 6, 18), "event_date", "utf-8-bom"),
        ("SYR7002", "Deir Ezzor 24", date(2017, 9, 4), "event_date", "utf-8-bom"),
    ]
    assert ledger == [
        (f"{export}#R1", "loaded", None),
        (f"{export}#R2", "loaded", None),
        (f"{export}#R3", "rejected", "missing_text"),
    ]
    assert rejected == [("missing_text", "column 'notes' is empty")]
    assert events == [("IRQ7001", date(2016, 6, 18), 3), ("SYR7002", date(2017, 9, 4), 2)]
