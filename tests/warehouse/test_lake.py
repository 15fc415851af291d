import duckdb
import pyarrow as pa

from transforms import catalog, schemas
from warehouse.db import build_database, load_table
from warehouse.lake import Lake, content_key


def _docs(ids):
    return schemas.conform(
        [
            {
                "doc_id": i,
                "external_id": None,
                "uri": f"u{i}",
                "source": None,
                "source_method": None,
                "wire": None,
                "title": None,
                "published_date": None,
                "published_date_method": None,
                "caption": None,
                "text": f"text {i}",
                "n_chars": 6,
                "encoding": "utf-8",
                "ingested_at": None,
                "run_id": "r",
            }
            for i in ids
        ],
        schemas.DOCUMENTS,
    )


def test_parts_are_content_addressed_and_idempotent(tmp_path):
    lake = Lake(tmp_path)
    key = content_key(["b", "a"])
    assert key == content_key(["a", "b"])
    assert lake.write_part("documents", _docs(["a", "b"]), key, "month=2026-02") is not None
    assert lake.write_part("documents", _docs(["a", "b"]), key, "month=2026-02") is None
    assert lake.parts("documents") == [(key, "month=2026-02")]
    assert lake.read("documents", schemas.DOCUMENTS).num_rows == 2
    assert not list(tmp_path.rglob(".tmp-*"))


def test_missing_table_reads_empty_with_schema(tmp_path):
    table = Lake(tmp_path).read("events", schemas.EVENTS)
    assert table.num_rows == 0 and table.schema.names == schemas.EVENTS.names


def test_load_table_from_parts_and_from_nothing(tmp_path):
    lake = Lake(tmp_path)
    lake.write_part("documents", _docs(["a"]), "k1", "month=2026-01")
    lake.write_part("documents", _docs(["b", "c"]), "k2", "month=unknown")
    con = duckdb.connect()
    assert load_table(con, "documents", lake, schemas.DOCUMENTS) == 3
    assert [c[0] for c in con.execute("describe documents").fetchall()] == schemas.DOCUMENTS.names
    assert load_table(con, "events", lake, schemas.EVENTS) == 0


def test_build_database_has_every_table(tmp_path):
    lake = Lake(tmp_path / "lake")
    lake.write_current("places", pa.Table.from_pylist([], schema=schemas.PLACES))
    counts = build_database(tmp_path / "w.duckdb", lake)
    assert set(counts) == set(catalog.TABLES)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rows = con.execute("select table_name from information_schema.tables").fetchall()
    tables = {r[0] for r in rows}
    assert set(catalog.TABLES) <= tables


def test_lake_on_an_fsspec_url_filesystem():
    """Object storage works the same way: here fsspec's in-memory filesystem."""
    lake = Lake("memory://sitrep-test-lake")
    assert not lake.local
    lake.write_part("documents", _docs(["a", "b"]), "k1", "month=2026-02")
    lake.write_current("events", schemas.EVENTS.empty_table())
    assert lake.parts("documents") == [("k1", "month=2026-02")]
    assert lake.read("documents", schemas.DOCUMENTS).column("doc_id").to_pylist() == ["a", "b"]
    con = duckdb.connect()
    assert load_table(con, "documents", lake, schemas.DOCUMENTS) == 2


def test_lake_on_a_file_url(tmp_path):
    lake = Lake(f"file://{tmp_path}")
    lake.write_part("documents", _docs(["a"]), "k1", "month=unknown")
    assert (tmp_path / "documents" / "month=unknown" / "part-k1.parquet").exists()
    assert Lake(tmp_path).read("documents", schemas.DOCUMENTS).num_rows == 1


def test_batches_join_small_parts_in_order_and_never_exceed_their_size(tmp_path):
    # five parts of three rows: read as batches of at most seven rows, consecutive parts
    # joined (two per batch), every row once and in the order of the files
    lake = Lake(tmp_path)
    for p in range(5):
        lake.write_part("documents", _docs([f"d{p}{r}" for r in range(3)]), f"k{p}", "month=x")
    batches = list(lake.iter_batches("documents", schemas.DOCUMENTS, batch_size=7))
    assert [b.num_rows for b in batches] == [6, 6, 3]
    ids = [i for b in batches for i in b.column("doc_id").to_pylist()]
    assert ids == lake.read("documents", schemas.DOCUMENTS).column("doc_id").to_pylist()
    assert ids == [f"d{p}{r}" for p in range(5) for r in range(3)]
    # the counter-example: a part larger than the batch is still cut to it
    small = lake.iter_batches("documents", schemas.DOCUMENTS, batch_size=2)
    assert [b.num_rows for b in small] == [2, 1] * 5
