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

import html
import json
from io import BytesIO
from pathlib import Path

from bench import streamed

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
    """In this process: read the file through, then ingest a sample of its inputs."""
    from warehouse.warc import warc_inputs

    keys = {
        "inputs": "records",
        "loaded": "pages",
        "per_s": "records_per_s",
        "ms": "ingest_ms_per_page",
    }
    return streamed.measure(path, warc_inputs, INGEST_SAMPLE, keys)


def main() -> None:
    module, size = "bench.bench_warc", ("pages", 2_000)
    streamed.main(module, __doc__, size, write_crawl, lambda n: f"crawl-{n}.warc.gz", measure)


if __name__ == "__main__":
    main()
