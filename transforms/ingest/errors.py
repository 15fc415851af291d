"""The one way ingestion says no: a reason code (closed vocabulary) and a human detail."""

from __future__ import annotations

# reason code -> what it means; the codes are stored in rejected_documents.reason.
REASONS = {
    "empty": "the input has no bytes, or only whitespace",
    "binary": "the input is a binary file, not text",
    "undecodable": "the bytes are not valid in any supported text encoding",
    "too_large": "the input is larger than the configured maximum size",
    "no_text": "no article text remains once markup and page chrome are removed",
    "invalid_json": "a JSONL line is not a JSON object",
    "missing_text": "a JSONL object or CSV/TSV row has no non-empty text field (none found "
    "among the field mapping's names, or it is empty), or a feed item no content",
    "invalid_row": "a CSV/TSV row that is no record: more fields than the header, broken quoting",
    "unsupported_type": "the file's extension is not one sitrep reads",
    "unreadable": "the file could not be read",
    "warc_not_a_page": "a WARC record that holds no page: a request, revisit, metadata or warcinfo",
    "http_status": "a crawled response that is not a page: a redirect or an HTTP error",
    "not_html": "a crawled response or feed link that is not HTML (JSON, an image, other media)",
    "invalid_feed": "an RSS/Atom file that cannot be parsed as a feed",
}


class Rejected(Exception):
    """Raised by an ingestion rule; carries a reason code from REASONS and a detail."""

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown rejection reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail or REASONS[reason]

    def __reduce__(self):
        # Pickled with its own arguments (an Exception pickles its message, which this
        # constructor would refuse): a reader's rejection travels to the ingest workers.
        return (Rejected, (self.reason, self.detail))
