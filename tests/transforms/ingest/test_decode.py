import codecs

import pytest

from transforms.ingest.decode import decode_bytes, meta_charset
from transforms.ingest.errors import Rejected

TEXT = "Deir ez-Zor: café “attack” — 3 killed"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-bom"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le-bom"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be-bom"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_every_supported_encoding(data, encoding):
    text, found = decode_bytes(data)
    assert text == TEXT
    assert found == encoding


def test_latin1_with_c1_bytes_is_latin1():
    data = "Résumé".encode("latin-1") + b"\x81"
    text, found = decode_bytes(data)
    assert found == "latin-1"
    assert text.startswith("Résumé")


def test_controls_and_nuls_removed_and_nfc():
    data = "Cafe\u0301\x00 line\r\nnext\x07".encode()
    text, _ = decode_bytes(data)
    assert text == "Café line\nnext"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"%PDF-1.4 whatever", "binary"),
    ],
)
def test_not_text_is_rejected_with_reason(data, reason):
    with pytest.raises(Rejected) as err:
        decode_bytes(data)
    assert err.value.reason == reason


def test_never_crashes_on_random_bytes():
    import random

    rng = random.Random(3)
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        try:
            text, _ = decode_bytes(data)
            assert "\x00" not in text
        except Rejected as rej:
            assert rej.reason in {"empty", "binary", "undecodable"}


@pytest.mark.parametrize(
    "head, charset",
    [
        (b'<meta charset="koi8-r">', "koi8-r"),
        (b"<meta http-equiv=Content-Type content='text/html;charset=ISO-8859-6'>", "iso-8859-6"),
        (b'<meta charset="utf-16le">', "utf-8"),  # bytes read as ASCII cannot be UTF-16
        (b'<meta name="description" content="charset=koi8-r is not a declaration">', None),
        (b'<script>var s = "charset=koi8-r";</script>', None),
        (b'<link rel="x" type="text/css; charset=koi8-r">', None),
        (b" " * 1100 + b'<meta charset="koi8-r">', None),  # past the standard's 1024 bytes
    ],
    ids=["charset", "http-equiv", "utf-16", "other meta", "script", "link", "too late"],
)
def test_meta_charset_reads_only_a_meta_declaration_near_the_top(head, charset):
    assert meta_charset(b"<!doctype html><html><head>" + head + b"</head>") == charset


def test_a_meta_declaration_is_used_for_html_only():
    data = '<meta charset="koi8-r"><p>Взрыв в Алеппо убил двоих.</p>'.encode("koi8-r")
    assert decode_bytes(data, html=True)[1] == "koi8-r"
    assert decode_bytes(data)[1] != "koi8-r"  # plain text: no markup is trusted
