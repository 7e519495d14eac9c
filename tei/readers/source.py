"""From bytes to clean text: encodings, byte-order marks, line endings, characters XML forbids.

Exports come as UTF-8, but older ones are Windows-1252 or Latin-1, and some tools write UTF-16.
Anything that is not text is refused here, before a reader sees it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import SourceError
from ..files import read_bounded

#: Largest source document accepted, in bytes. The largest archive documents are a few hundred KB;
#: conversion time grows with size, so a hostile 50 MB file is refused rather than converted for hours.
MAX_SOURCE_BYTES = 10 * 1024 * 1024

_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF file",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/ODT)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an MS Office file",
}
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Characters XML 1.0 cannot hold: C0 controls but tab and newline, lone surrogates, U+FFFE/FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte of its ASCII characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        encoding = "utf-16-le"
    elif even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), []
        except UnicodeDecodeError as exc:
            raise SourceError(f"has a UTF-8 byte-order mark but invalid UTF-8 at byte {exc.start + 3}", name) from None
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                          (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), []
            except UnicodeDecodeError:
                raise SourceError(f"has a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}", name) from None
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise SourceError(f"is not a text document: it looks like {what}", name)
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, ["decoded as UTF-16 (no byte-order mark)"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if not any(byte in _CP1252_UNDEFINED for byte in data):
        return data.decode("cp1252"), ["not UTF-8: decoded as Windows-1252"]
    return data.decode("latin-1"), ["not UTF-8: decoded as Latin-1 (ISO 8859-1)"]


_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return len(_BINARY_CHARS.findall(sample)) > max(8, len(sample) // 20)


def read_source_file(path: Path, name: str | None = None) -> bytes:
    """A source file's bytes, read with a bound (a device or a growing file is never read without
    end); anything but a regular file, and an oversized file, is refused."""
    label = name or str(path)
    try:
        data = read_bounded(path, MAX_SOURCE_BYTES)
    except ValueError as exc:
        raise SourceError(str(exc), label) from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", label) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"is too large (over {MAX_SOURCE_BYTES} bytes, the limit)", label)
    return data


def decode_source(data: bytes, name: str = "<input>") -> tuple[str, list[str]]:
    """Decode a source document to text with `\\n` line endings; return it with warnings.

    Raises `SourceError` for empty, binary, oversized or undecodable input.
    """
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"is too large ({len(data)} bytes; the limit is {MAX_SOURCE_BYTES})", name)
    if not data.strip():
        raise SourceError("is empty" if not data else "contains only white space", name)
    text, warnings = _decode(data, name)
    if _looks_binary(text):
        raise SourceError("is not a text document: it contains binary data", name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    forbidden = len(_XML_FORBIDDEN.findall(text))
    if forbidden:
        text = _XML_FORBIDDEN.sub("", text)
        warnings.append(f"removed {forbidden} control character(s) that XML cannot hold")
    if not text.strip():
        raise SourceError("contains no text", name)
    return text, warnings
