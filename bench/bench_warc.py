"""WARC input, measured: the reader's throughput and memory at two crawl sizes, and what the
HTML extraction of each page costs beside it.

    python -m bench.bench_warc [--pages 2000] [--workdir DIR]

Writes two gzipped crawls of synthetic news pages (N and 4N pages, each page followed by a
JSON record and an image, as a crawler leaves them; text from ``bench/corpus.py``), then, each
in a fresh process: reads every record with ``warehouse.warc.warc_inputs`` (records/s, MB/s of
the file, peak RSS), and ingests the first 500 pages (``transforms.ingest.ingest``, trafilatura)
for ms/page. Streaming shows as a peak RSS that does not grow with the crawl.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

INGEST_SAMPLE = 500


def write_crawl(path: Path, pages: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from bench.corpus import iter_articles

    def http(ctype: str) -> StatusAndHeaders:
        return StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, art in enumerate(iter_articles(pages)):
            body = "".join(f"<p>{html.escape(p)}</p>" for p in art["text"].split("\n") if p)
            page = (
                f"<html><head><title>{html.escape(art.get('title') or '')}</title>"
                f'<meta property="og:site_name" content="{html.escape(art.get("source") or "")}">'
                "</head><body><nav><a>Home</a> <a>World</a></nav>"
                f"<article><h1>{html.escape(art.get('title') or '')}</h1>{body}</article>"
                "<footer>All rights reserved.</footer></body></html>"
            )
            for uri, payload, ctype in (
                (f"https://news.example/{i}", page.encode(), "text/html"),
                (f"https://news.example/{i}.json", json.dumps(art).encode(), "application/json"),
                (f"https://news.example/{i}.jpg", b"\xff\xd8\xff" + bytes(3000), "image/jpeg"),
            ):
                writer.write_record(
                    writer.create_warc_record(
                        uri, "response", payload=BytesIO(payload), http_headers=http(ctype)
                    )
                )
    return path.stat().st_size


def measure(path: Path) -> dict:
    """In this process: read the crawl through, then ingest a sample of its pages."""
    from transforms.ingest import Rejected, ingest
    from warehouse.outlets import load_outlets
    from warehouse.warc import warc_inputs

    t0 = time.perf_counter()
    records = pages = 0
    sample = []
    for raw in warc_inputs(path, 5 * 1024 * 1024):
        records += 1
        if raw.reject is None:
            pages += 1
            if len(sample) < INGEST_SAMPLE:
                sample.append(raw)
    read_s = time.perf_counter() - t0
    outlets = load_outlets()
    t0 = time.perf_counter()
    loaded = 0
    for raw in sample:
        try:
            ingest(raw, outlets)
            loaded += 1
        except Rejected:
            pass
    ingest_s = time.perf_counter() - t0
    size_mb = path.stat().st_size / 1e6
    return {
        "records": records,
        "pages": pages,
        "file_mb": round(size_mb, 1),
        "read_s": round(read_s, 2),
        "records_per_s": round(records / read_s),
        "mb_per_s": round(size_mb / read_s, 1),
        "ingest_ms_per_page": round(1000 * ingest_s / max(1, len(sample)), 1),
        "sample_loaded": f"{loaded}/{len(sample)}",
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-bench-warc-"))
    work.mkdir(parents=True, exist_ok=True)
    for n in (args.pages, 4 * args.pages):
        crawl = work / f"crawl-{n}.warc.gz"
        size = write_crawl(crawl, n)
        out = subprocess.run(
            [sys.executable, "-m", "bench.bench_warc", "--measure", str(crawl)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{n} pages ({size / 1e6:.1f} MB gz): {json.dumps(row)}")


if __name__ == "__main__":
    main()
