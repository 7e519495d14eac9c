"""From bytes to clean text: encodings, byte-order marks, line endings, characters XML forbids.

Exports come as UTF-8, but older ones are Windows-1252 or Latin-1, and some tools write UTF-16.
Anything that is not text is refused here, before a reader sees it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ...core.errors import SourceError
from ...core.files import read_bounded

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
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    return _legacy(data)


def _damaged_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """UTF-8 text with a few bad bytes stays UTF-8: the bad bytes become U+FFFD, reported by position.

    Decoding such a file as a legacy code page instead turns every non-ASCII letter into mojibake
    ("Летопись" into "Ð\x9bÐµÑ\x82..."). A file counts as UTF-8 when its valid multi-byte sequences
    outnumber its invalid bytes: legacy text almost never forms valid UTF-8 sequences by chance."""
    bad: list[int] = []

    def replace(error: UnicodeDecodeError) -> tuple[str, int]:
        bad.extend(range(error.start, error.end))
        return "\ufffd", error.end

    codecs.register_error("tei-edition-positions", replace)
    text = data.decode("utf-8", errors="tei-edition-positions")
    multibyte = sum(1 for char in text if char > "\x7f") - text.count("\ufffd")
    if multibyte <= len(bad):
        return None
    shown = ", ".join(str(position) for position in bad[:5]) + (", ..." if len(bad) > 5 else "")
    return text, [f"invalid UTF-8: {len(bad)} byte(s) replaced by U+FFFD (at byte {shown})"]


#: Code pages the detector may choose from for a file that is not UTF-8: those of the archive's exports
#: and of the languages of its documents. Left free, charset-normalizer takes short English text for
#: Baltic or Japanese code pages.
LEGACY_CODE_PAGES = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251",
                     "koi8_r": "KOI8-R", "cp1253": "Windows-1253", "cp1255": "Windows-1255",
                     "cp1256": "Windows-1256", "cp866": "CP866", "mac_roman": "Mac Roman",
                     "latin_1": "Latin-1 (ISO 8859-1)"}
#: How much less coherent than the detector's first choice the archive's own code page may read and
#: still be taken: on a short text the detector's scores for the Latin code pages differ by noise.
_PREFERENCE_MARGIN = 0.1


def _legacy(data: bytes) -> tuple[str, list[str]]:
    """A file that is not UTF-8 at all: Windows-1252 (the archive's code page; Latin-1 where a byte is
    undefined in it) unless charset-normalizer finds that another code page reads clearly better."""
    import charset_normalizer

    preferred = "latin_1" if any(byte in _CP1252_UNDEFINED for byte in data) else "cp1252"
    # each code page's reading: how coherent its language is, less how much of it is mess
    # (code pages that read the bytes as the same text share one match)
    scores = {encoding: match.coherence - match.chaos
              for match in charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_CODE_PAGES))
              for encoding in (match.encoding, *match.could_be_from_charset)}
    encoding = preferred
    if scores:
        best = max(scores, key=scores.get)
        if scores.get(preferred, -1.0) < scores[best] - _PREFERENCE_MARGIN:
            encoding = best
    return data.decode(encoding), [f"not UTF-8: decoded as {LEGACY_CODE_PAGES.get(encoding, encoding)}"]


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


#: Unicode white space other than the ASCII space, tab and line feed (the White_Space property).
_OTHER_SPACE = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: Invisible characters that, alone on a line, leave it blank (zero-width space, word joiner, BOM).
_INVISIBLE = "\u200b\u2060\ufeff"
_LINE_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029]")
_EDGE_SPACE = re.compile(f"^[ \t{_OTHER_SPACE}]+|[ \t{_OTHER_SPACE}]+$", re.MULTILINE)
_BLANK_LINE = re.compile(f"^[ \t{_OTHER_SPACE}{_INVISIBLE}]+$", re.MULTILINE)


def _ascii_spaces(match: re.Match) -> str:
    return "" if match.end() == len(match.string) or match.string[match.end()] == "\n" else " " * len(match.group())


def normalise_layout(text: str) -> str:
    """The converter's only changes to a source's characters, besides removing those XML cannot hold
    (docs/encoding.md, "What the converter changes in a source's characters", lists them for editors):

    - every line break (CR LF, CR, NEL, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR) is a line feed;
    - a line holding only white space and invisible characters (U+200B, U+2060, U+FEFF) is empty;
    - white space at the end of a line is dropped, and at its start (indentation) any white space
      character counts as one ASCII space, so that the reader sees every indentation alike.

    White space inside a line is kept as written. These characters carry layout, not words, so the
    lossless check (which compares words) is not affected by them.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _BLANK_LINE.sub("", text)
    return _EDGE_SPACE.sub(_ascii_spaces, text)


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
    text = normalise_layout(text)
    forbidden = len(_XML_FORBIDDEN.findall(text))
    if forbidden:
        text = _XML_FORBIDDEN.sub("", text)
        warnings.append(f"removed {forbidden} control character(s) that XML cannot hold")
    if not text.strip():
        raise SourceError("contains no text", name)
    return text, warnings
