"""Bytes to text for every reader: byte-order marks obeyed, UTF-8 expected, cp1252 the usual fallback."""

from __future__ import annotations

import codecs
import re

from corpus.ingest.records import FormatError

__all__ = ["BYTE_ORDER_MARKS", "decode_html", "decode_text", "read_article_bytes", "read_html_bytes"]

BINARY_SNIFF_BYTES = 8192
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Checked in this order: a UTF-32 little-endian mark begins with the UTF-16 one."""

def read_article_bytes(data: bytes, name: str) -> tuple[str | None, str, str]:
    """Decode an article file: ``(text or None, encoding, problem)``.

    A byte-order mark is obeyed (UTF-8, UTF-16 and UTF-32, as Windows tools save "Unicode text"). Empty and
    binary files give ``None`` and the problem; text that is not UTF-8 is decoded as cp1252 (the usual
    culprit in scraped English news), else latin-1, and says so.
    """
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                return None, "", f"starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()} ({err.reason})"
            return (text, encoding, "") if text.strip() else (None, "", "empty file")
    if not data.strip():
        return None, "", "empty file"
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return None, "", "binary file (contains NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), "utf-8", ""
    except UnicodeDecodeError as err:
        where = f"byte {err.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding, f"not valid UTF-8 (first bad {where}); decoded as {encoding}"
    raise AssertionError("latin-1 decodes every byte string")


def decode_text(data: bytes) -> str:
    """Bytes of a structured file (JSON, CSV, HTML, an export) as text: a byte-order mark is obeyed, else
    UTF-8, else cp1252 with undecodable bytes replaced."""
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


HTML_CHARSET_SNIFF_BYTES = 65536
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
"""WHATWG Encoding: pages labelled ISO-8859-1 or ASCII are decoded as windows-1252, as browsers do."""


def _declared_charset(data: bytes) -> str:
    head = data[:HTML_CHARSET_SNIFF_BYTES]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii", "replace") if found else ""


def _utf8_with_cp1252(data: bytes) -> tuple[str, int]:
    """UTF-8, with every byte that is not part of valid UTF-8 read as cp1252 (latin-1 where cp1252 has none)."""
    parts: list[str] = []
    bad = 0
    pos = 0
    while True:
        try:
            parts.append(data[pos:].decode("utf-8"))
            return "".join(parts), bad
        except UnicodeDecodeError as err:
            start, end = pos + err.start, pos + err.end
            parts.append(data[pos:start].decode("utf-8"))
            for byte in data[start:end]:
                try:
                    parts.append(bytes([byte]).decode("cp1252"))
                except UnicodeDecodeError:
                    parts.append(chr(byte))
            bad += end - start
            pos = end


def decode_html(data: bytes) -> tuple[str, str, str]:
    """The text of an HTML file (a saved page or an export): ``(text, encoding, problem)``, the problem empty
    unless a fallback was taken. Raises ``ValueError`` for a byte-order mark the bytes do not follow.

    A byte-order mark wins; then UTF-8 if the bytes are valid UTF-8 (saved pages often keep the ``<meta
    charset>`` of the page they were saved from); then the charset the page declares (``<meta charset>``,
    ``http-equiv`` or an XML declaration; ISO-8859-1 and ASCII as windows-1252); else UTF-8 with each byte that
    is not valid UTF-8 read as cp1252, and ``problem`` says how many (exports glue such bytes into UTF-8 pages).
    """
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", ""), ""
            except UnicodeDecodeError as err:
                raise ValueError(f"starts with a {encoding.upper()} byte-order mark but is not "
                                 f"{encoding.upper()} ({err.reason})") from None
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    problem = ""
    codec = "utf-8"
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            problem = f"declares the unknown charset {declared!r}; read as UTF-8"
    if codec in _AS_CP1252:
        codec = "cp1252"
    if codec not in ("utf-8", "utf-8-sig"):
        try:
            return data.decode(codec), codec, problem
        except UnicodeDecodeError as err:
            problem = f"declares {declared} but byte {err.start} is not {declared}; read as UTF-8"
    text, bad = _utf8_with_cp1252(data)
    count = f"{bad} byte{'s' if bad != 1 else ''}"
    if problem:
        problem += f"; {count} that are not UTF-8 were read as cp1252"
    elif declared:
        problem = f"declares {declared} but {count} are not UTF-8; those were read as cp1252"
    else:
        problem = f"not valid UTF-8 ({count}); those were read as cp1252"
    return text, "utf-8+cp1252", problem


def read_html_bytes(data: bytes) -> tuple[str, str]:
    """An HTML file's text and decoding problem ("" if none), as :func:`decode_html` reads it; a
    :class:`~corpus.ingest.records.FormatError` for empty or binary input or a byte-order mark the bytes break."""
    if not data.strip():
        raise FormatError("empty file")
    if b"\x00" in data[:BINARY_SNIFF_BYTES] and not data.startswith(tuple(bom for bom, _ in BYTE_ORDER_MARKS)):
        raise FormatError("binary file (contains NUL bytes), not HTML")
    try:
        text, _, problem = decode_html(data)
    except ValueError as err:
        raise FormatError(str(err)) from None
    return text, problem
