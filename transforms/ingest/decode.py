"""Bytes to clean Unicode text: BOMs, UTF-8, UTF-16, legacy single-byte encodings, never a crash.

``decode_bytes`` either returns ``(text, encoding)`` or raises ``Rejected`` with a reason code.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from transforms.ingest.errors import Rejected

# Share of replacement/control characters above which decoded bytes are not text.
MAX_CONTROL_SHARE = 0.02
# Leading bytes of common binary formats that may carry a text extension.
BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"Rar!",
    b"II*\x00",
    b"MM\x00*",
    b"OggS",
    b"RIFF",
    b"\x00\x00\x01\x00",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls except tab and newline; carriage returns are folded into newlines first.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe]")
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
# The HTML standard's prescan: a page's own declaration lies in its first 1024 bytes, as
# <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">.
META_PRESCAN_BYTES = 1024
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTTP_EQUIV = re.compile(rb"""\bhttp-equiv\s*=\s*["']?\s*content-type""", re.IGNORECASE)
_CHARSET_ATTR = re.compile(rb"""\scharset\s*=""", re.IGNORECASE)


def clean_text(text: str) -> str:
    """NFC, unified newlines, no NULs or control characters, no zero-width spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` of its first 1024 bytes, if any.

    As the HTML standard's prescan: ``<meta charset>``, or ``<meta http-equiv=Content-Type>``
    with a charset in its content; a UTF-16 declaration in bytes read as ASCII means UTF-8.
    Other tags are not read (a ``charset=`` in a script or a link's type says nothing).
    """
    for tag in _META.finditer(data[:META_PRESCAN_BYTES]):
        meta = tag.group(0)
        if not (_CHARSET_ATTR.search(meta) or _HTTP_EQUIV.search(meta)):
            continue
        found = _META_CHARSET.search(meta)
        if found:
            name = found.group(1).decode("ascii").lower()
            return "utf-8" if name.startswith("utf-16") else name
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: one byte of each pair is mostly NUL for Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _too_many_controls(text: str) -> bool:
    """Binary decoded as text: control or replacement characters beyond a little noise."""
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r") or ch == "\ufffd")
    return bad > max(8, len(text) * MAX_CONTROL_SHARE)


def _declared(data: bytes, charset: str | None) -> tuple[str, str] | None:
    """(text, charset) when the charset the server declared decodes the bytes; else None."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset).name
        # As browsers do (WHATWG Encoding): a page declared latin-1 or ascii is windows-1252.
        name = "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
        return clean_text(data.decode(name)), name
    except (LookupError, UnicodeDecodeError):
        return None  # an unknown or wrong declaration: the bytes are judged as they are


def decode_bytes(data: bytes, charset: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode raw input bytes; raise Rejected('empty'|'binary'|'undecodable') when not text.
    ``charset``: what the server declared (a crawl's HTTP Content-Type), tried after a BOM;
    without it, an ``html`` page's own ``<meta>`` declaration (``meta_charset``), as browsers
    do. A declaration that does not decode the bytes is ignored: they are sniffed."""
    if not data.strip():
        raise Rejected("empty", "no bytes, or only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return clean_text(data[len(bom) :].decode(encoding)), f"{encoding}-bom"
            except UnicodeDecodeError as exc:
                raise Rejected("undecodable", f"{encoding} BOM but invalid bytes: {exc}") from exc
    if data.startswith(BINARY_MAGIC):
        raise Rejected("binary", f"binary file signature {data[:4]!r}")
    declared = _declared(data, charset or (meta_charset(data) if html else None))
    if declared is not None and not _too_many_controls(declared[0]):
        return declared
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return clean_text(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    # A few stray NULs are noise to remove; many are a binary file.
    if data.count(0) > max(8, len(data) * MAX_CONTROL_SHARE):
        raise Rejected("binary", f"{data.count(0)} NUL bytes in {len(data)}")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Windows-1252 is a superset of printable latin-1 and what "latin-1" web text really is;
        # its five undefined bytes only occur in true latin-1 (C1 controls).
        if any(b in _CP1252_HOLES for b in data):
            text, encoding = data.decode("latin-1"), "latin-1"
        else:
            text, encoding = data.decode("cp1252"), "cp1252"
    if _too_many_controls(text):
        raise Rejected("binary", "control characters throughout the decoded text")
    return clean_text(text), encoding
