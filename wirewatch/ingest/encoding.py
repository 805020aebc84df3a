"""Bytes -> text for every reader: BOMs, declared charsets, UTF-8, then detection; binary is refused.

Order of trust: a byte-order mark, then a charset the document or the HTTP header declares, then UTF-8
(by far the most common), then charset-normalizer's guess. A UTF-8 text with a few stray bytes is
decoded with U+FFFD replacements rather than handed to detection, which on nearly-UTF-8 input tends to
pick an exotic code page and garble every non-ASCII character. Random binary is recognised by its
control bytes before any decoding, so it becomes an InputError instead of an article of mojibake.
"""

from __future__ import annotations

import codecs
import re

# Signatures of binary formats people drop into news folders, for a clearer error than "binary".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP (or DOCX/XLSX/EPUB)"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE) document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that do not occur in text in any common 8-bit or multi-byte encoding (TAB, LF, FF, CR and ESC,
# which ISO-2022 uses, are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_SAMPLE = 65536
# Share of U+FFFD after a lenient UTF-8 decode above which the input is not UTF-8 at all.
_MAX_REPLACEMENT_SHARE = 0.01


class BinaryInput(ValueError):
    """The bytes are not text in any encoding we can read."""


def magic_kind(data: bytes) -> str | None:
    """The binary format whose signature `data` starts with (PDF, ZIP, PNG ...), else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def binary_kind(data: bytes) -> str | None:
    """A short description when `data` is (the start of) a binary file, else None."""
    magic = magic_kind(data)
    if magic:
        return magic
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text is full of NUL bytes
    sample = data[:_SAMPLE]
    if not sample:
        return None
    if b"\x00" in sample:
        return "contains NUL bytes"
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls / len(sample) > 0.02:
        return "contains control bytes"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes (<meta charset>, <?xml encoding>)."""
    head = data[:4096].decode("ascii", errors="replace")
    m = re.search(r"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", head, re.I) or re.search(
        r"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", head, re.I
    )
    return m[1] if m else None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Newlines are normalized to "\\n". Raises BinaryInput for binary data."""
    kind = binary_kind(data)
    if kind:
        raise BinaryInput(kind)
    text, encoding = _decode(data, declared)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    if declared:
        try:
            codecs.lookup(declared)
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad <= max(3, _MAX_REPLACEMENT_SHARE * len(lenient)) and _has_utf8_multibyte(data):
        return lenient, "utf-8 (with replacements)"
    if _mostly_ascii_cp1252(data):
        # Western text with a few accented letters (the usual non-UTF-8 news file): on such short
        # evidence detectors pick among cp1250/cp1252/latin-1 almost at random, and cp1252 is the
        # one that real-world files (Windows, old CMSs) overwhelmingly use.
        return data.decode("cp1252"), "cp1252"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 4 * _SAMPLE]).best()
    except Exception:  # noqa: BLE001 - detection is best effort
        best = None
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace"), best.encoding
        except LookupError:
            pass
    # cp1252 decodes nearly every byte; the binary check above already refused real garbage.
    return data.decode("cp1252", errors="replace"), "cp1252 (guessed)"


def _has_utf8_multibyte(data: bytes) -> bool:
    """True when the bytes hold valid UTF-8 multi-byte sequences, i.e. the text is UTF-8 with a few
    broken bytes rather than Latin-1/cp1252 (which has lone high bytes and no valid sequences)."""
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data) is not None


def _mostly_ascii_cp1252(data: bytes) -> bool:
    sample = data[: 4 * _SAMPLE]
    high = sum(1 for b in sample if b >= 0x80)
    if high > 0.05 * len(sample):
        return False  # mostly non-ASCII: Cyrillic, Greek, CJK ... let the detector decide
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
