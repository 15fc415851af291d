import codecs
import json

from transforms.ingest import Rejected
from warehouse.inputs import iter_inputs

ARTICLE = "Gunmen attacked a checkpoint in Raqqa on Monday, killing two guards, officials said."


def _make_folder(root):
    (root / "sub").mkdir()
    (root / "good.txt").write_text(ARTICLE)
    (root / "sub" / "page.html").write_text(f"<html><p>{ARTICLE}</p></html>")
    (root / "notes.md").write_text(ARTICLE)
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".hidden.txt").write_text(ARTICLE)
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "text": ARTICLE, "source": "Rudaw", "published": "2026-03-01"})
        + "\n\nnot json\n"
        + json.dumps({"title": "no text"})
        + "\n[1, 2]\n"
    )


def test_folder_recursive_every_input_accounted_for(tmp_path):
    _make_folder(tmp_path)
    inputs = list(iter_inputs([tmp_path], max_bytes=1000))
    uris = [i.uri.replace(str(tmp_path), "") for i in inputs]
    assert uris == [
        "/feed.jsonl#L1",
        "/feed.jsonl#L3",
        "/feed.jsonl#L4",
        "/feed.jsonl#L5",
        "/good.txt",
        "/image.png",
        "/notes.md",
        "/sub/page.html",
    ]
    reasons = {
        u: (i.reject.reason if i.reject else None) for u, i in zip(uris, inputs, strict=True)
    }
    assert reasons == {
        "/feed.jsonl#L1": None,
        "/feed.jsonl#L3": "invalid_json",
        "/feed.jsonl#L4": "missing_text",
        "/feed.jsonl#L5": "invalid_json",
        "/good.txt": None,
        "/image.png": "unsupported_type",
        "/notes.md": None,
        "/sub/page.html": None,
    }
    first = inputs[0]
    assert (first.external_id, first.source, first.published) == ("a1", "Rudaw", "2026-03-01")
    assert inputs[-1].kind == "html"


def test_oversize_file_rejected_unread(tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE * 100)
    [raw] = iter_inputs([tmp_path / "big.txt"], max_bytes=100)
    assert raw.reject.reason == "too_large" and raw.data is None


def test_missing_path_is_a_rejection_not_a_crash(tmp_path):
    [raw] = iter_inputs([tmp_path / "nope"], max_bytes=100)
    assert isinstance(raw.reject, Rejected) and raw.reject.reason == "unreadable"


def test_utf16_file_read_as_bytes(tmp_path):
    (tmp_path / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    [raw] = iter_inputs([tmp_path], max_bytes=10_000)
    assert raw.data.startswith(codecs.BOM_UTF16_LE) and raw.reject is None


def test_jsonl_keys_go_through_the_same_field_mapping(tmp_path):
    from transforms.ingest.fields import Fields, parse_overrides

    path = tmp_path / "notes.jsonl"
    rows = [
        {"eventid": 7, "Summary": ARTICLE, "event_date": "2 March 2015"},  # a coder's keys
        {"body": ARTICLE, "headline": "Checkpoint attacked", "publisher": "Rudaw"},
        {"comment": ARTICLE},  # no key of the text's names
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    coder, article, unnamed = iter_inputs([path], max_bytes=10_000)
    assert (coder.text, coder.external_id, coder.published, coder.published_method) == (
        ARTICLE,
        "7",
        "2 March 2015",
        "event_date",
    )
    assert (article.title, article.source) == ("Checkpoint attacked", "Rudaw")
    assert unnamed.reject.reason == "missing_text" and "--field text" in unnamed.reject.detail
    named = Fields(parse_overrides(["text=comment"]))
    assert [i.text for i in iter_inputs([path], 10_000, named)] == [None, None, ARTICLE]
