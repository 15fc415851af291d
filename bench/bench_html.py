"""HTML extraction, measured: trafilatura against the plain tag-and-class parser it replaced.

    python -m bench.bench_html [PAGES_DIR]

Both run on the pages under ``tests/transforms/ingest/pages`` (written for the project, with
their truth in ``truth.json``: body sentences that must stay, chrome strings that must go, the
headline, date and outlet), each followed by the text-chrome rules, as ``ingest`` does. Prints
one line per page and extractor, then the totals, and milliseconds per page.
"""

from __future__ import annotations

import html
import json
import sys
import time
from pathlib import Path

from transforms.ingest.chrome import clean_text_lines
from transforms.ingest.dates import parse_date_value
from transforms.ingest.decode import decode_bytes
from transforms.ingest.html import html_to_text
from transforms.ingest.html_meta import page_meta

PAGES = Path(__file__).resolve().parent.parent / "tests" / "transforms" / "ingest" / "pages"


def _plain(html: str) -> tuple[str, str | None, str | None, str | None]:
    page = page_meta(html)
    return page.text, page.title, page.published, page.source


def _trafilatura(html: str) -> tuple[str, str | None, str | None, str | None]:
    page = html_to_text(html)
    return page.text, page.title, page.published, page.source


EXTRACTORS = {"plain parser": _plain, "trafilatura": _trafilatura}


def score(pages: Path) -> dict[str, dict[str, float]]:
    truth = json.loads((pages / "truth.json").read_text())
    totals: dict[str, dict[str, float]] = {}
    for name, extract in EXTRACTORS.items():
        t = totals[name] = dict.fromkeys(("body", "chrome", "title", "date", "site", "ms"), 0.0)
        for page, want in truth.items():
            html = (pages / page).read_text(encoding="utf-8")
            start = time.perf_counter()
            text, title, published, source = extract(html)
            body = clean_text_lines(text).body
            t["ms"] += (time.perf_counter() - start) * 1000
            day = parse_date_value(published) if published else None
            row = {
                "body": sum(s in body for s in want["body"]),
                "chrome": sum(s in body for s in want["chrome"]),
                "title": title == want["title"],
                "date": (str(day) if day else None) == want["date"],
                "site": source == want["site"],
            }
            for k, v in row.items():
                t[k] += v
            print(f"{name:13} {page:22} " + " ".join(f"{k}={int(v)}" for k, v in row.items()))
        t["pages"] = len(truth)
        t["body_of"] = sum(len(w["body"]) for w in truth.values())
        t["chrome_of"] = sum(len(w["chrome"]) for w in truth.values())
    return totals


SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles"


def seeds_as_paragraphs(seeds: Path = SEEDS) -> tuple[int, int, int]:
    """The plain-text seeds (scraped text, chrome lines and all): (lines, lines the text-chrome
    rules keep, lines trafilatura keeps when each line is given to it as a paragraph). Without
    markup trafilatura has no structure to judge chrome by: the rules stay for plain text."""
    lines = rules = extractor = 0
    for path in sorted(seeds.glob("*.txt")):
        text, _ = decode_bytes(path.read_bytes())
        rows = [ln.strip() for ln in text.split("\n") if ln.strip()]
        page = "<html><body>" + "".join(f"<p>{html.escape(r)}</p>" for r in rows) + "</body></html>"
        lines += len(rows)
        rules += len({ln.strip() for ln in clean_text_lines(text).body.split("\n") if ln.strip()})
        extractor += len({ln.strip() for ln in html_to_text(page).text.split("\n") if ln.strip()})
    return lines, rules, extractor


def main() -> None:
    lines, rules, extractor = seeds_as_paragraphs()
    print(
        f"seeds (plain text, {lines} lines): text-chrome rules keep {rules} distinct lines, "
        f"trafilatura on the same lines as paragraphs keeps {extractor}"
    )
    pages = Path(sys.argv[1]) if len(sys.argv) > 1 else PAGES
    for name, t in score(pages).items():
        print(
            f"{name}: body sentences kept {t['body']:.0f}/{t['body_of']:.0f}, chrome strings left "
            f"{t['chrome']:.0f}/{t['chrome_of']:.0f}, headline {t['title']:.0f}/{t['pages']:.0f}, "
            f"metadata date {t['date']:.0f}/{t['pages']:.0f}, "
            f"outlet {t['site']:.0f}/{t['pages']:.0f}, "
            f"{t['ms'] / t['pages']:.1f} ms/page"
        )


if __name__ == "__main__":
    main()
