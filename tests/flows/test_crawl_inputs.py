"""A WARC crawl and a saved feed through the real flow: pages and items load with their
metadata, every other record is in rejected_documents, and a re-run reads nothing again."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.warehouse.crawl_fixtures import PAGE_URL, RSS, UNDATED_URL, write_warc

pytestmark = pytest.mark.prefect


def test_warc_and_feed_load_and_account_for_every_record(tmp_path):
    from flows.pipeline import sitrep_flow

    folder = tmp_path / "in"
    folder.mkdir()
    crawl = write_warc(folder / "crawl.warc.gz")
    (folder / "mosul.rss").write_text(RSS, encoding="utf-8")
    wh = tmp_path / "w.duckdb"
    run = sitrep_flow(inputs=[str(folder)], warehouse=str(wh))
    # 10 WARC records (2 pages) + 3 feed items (2 with text)
    assert (run["inputs_seen"], run["documents_loaded"], run["documents_rejected"]) == (13, 4, 9)
    with duckdb.connect(str(wh), read_only=True) as con:
        docs = con.execute(
            "select uri, source, title, published_date from documents order by uri"
        ).fetchall()
        rejected = con.execute(
            "select reason, count(*) from rejected_documents group by reason order by reason"
        ).fetchall()
        where = con.execute("select min(uri) from rejected_documents").fetchone()[0]
    assert docs == [
        # no outlet in the page: its host names it; no date anywhere: none, not the crawl's
        (UNDATED_URL, "anbar-news.example", "Sniper wounds farmer near Hit", None),
        (PAGE_URL, "Euphrates Herald", "Mortar shells hit market in Deir ez-Zor", date(2026, 4, 2)),
        (
            "https://mosul-daily.example/ied-south-mosul",
            "Mosul Daily",
            "IED kills two soldiers south of Mosul",
            date(2026, 3, 3),
        ),
        (
            "https://mosul-daily.example/trucks-tal-afar",
            "Mosul Daily",
            "Gunmen torch trucks on Tal Afar road",
            date(2026, 3, 4),
        ),
    ]
    assert rejected == [
        ("http_status", 2),
        ("missing_text", 1),
        ("not_html", 2),
        ("warc_not_a_page", 4),
    ]
    assert where.startswith(str(crawl) + "#W")
    again = sitrep_flow(inputs=[str(folder)], warehouse=str(wh))
    assert (again["status"], again["documents_new"], again["inputs_seen"]) == ("unchanged", 0, 13)
