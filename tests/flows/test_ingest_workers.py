"""A crawl ingested on worker processes: readers' rejections travel to the workers and back
(a rejection must pickle), and the outcome is the one an inline ingest gives."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.ingest import ingest_stage
from flows.settings import RunSettings
from tests.warehouse.crawl_fixtures import write_warc
from warehouse.lake import Lake


def _ingest(tmp_path, name, workers):
    crawl = tmp_path / "crawl.warc.gz"
    if not crawl.exists():
        write_warc(crawl)
    settings = RunSettings(
        inputs=(str(crawl),), warehouse=str(tmp_path / name / "w.duckdb"), chunk_size=3
    )
    lake = Lake(settings.lake_root)
    return ingest_stage(lake, settings, "run-1", datetime(2026, 6, 11, tzinfo=UTC), workers=workers)


def test_a_crawl_on_two_workers_is_ingested_as_inline(tmp_path):
    pooled = _ingest(tmp_path, "pooled", workers=2)  # 10 records in 4 batches: a process pool
    inline = _ingest(tmp_path, "inline", workers=1)
    assert (pooled.inputs_seen, pooled.documents_loaded, pooled.documents_rejected) == (10, 2, 8)
    assert (
        pooled.reasons
        == inline.reasons
        == {
            "warc_not_a_page": 4,
            "http_status": 2,
            "not_html": 2,
        }
    )
    assert sorted(pooled.rejected) == sorted(inline.rejected)
