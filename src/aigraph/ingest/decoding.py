"""Bytes to text: BOMs, a strict order of encodings, then detection; binary files refused."""

from __future__ import annotations

import re

from aigraph.errors import InputError

# (magic bytes, what the file is) for binary formats users are likely to drop into a corpus folder
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); extract its text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document; save it as text first"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# C0/C1 controls other than tab, newline and carriage return: a text with many of them is binary
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SAMPLE = 1 << 16


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), GB18030/GBK, Big5 or UTF-16, each tried strictly
    in that order, else by detection (charset-normalizer). Returns (text, encoding). A BOM, or the zero
    bytes of UTF-16 text, decides first; a GB18030 reading that looks like Big5 read wrongly gives way to
    Big5. Binary files raise InputError naming the file."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{path}: binary file ({what}), not text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), path), enc
            except UnicodeDecodeError:
                # a BOM says what it is meant to be: keep what decodes and flag the rest with U+FFFD
                return _checked(data.decode(enc, errors="replace"), path), enc
    wide = _utf16_order(data)
    if wide:
        try:
            return _checked(data.decode(wide), path), wide
        except UnicodeDecodeError:
            pass
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and (big5 := _big5_instead(data, text)) is not None:
            return _checked(big5, path), "big5"
        return _checked(text, path), enc
    sample = data[:_SAMPLE]
    if len(_BINARY_BYTES.findall(sample)) > max(8, len(sample) // 20):
        raise InputError(f"{path}: binary file (control bytes), not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: cannot tell the text encoding; save it as UTF-8")
    return _checked(str(best), path), str(best.encoding)


def _utf16_order(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the head is mostly zero (ASCII in UTF-16)."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 16 and even <= odd // 8:
        return "utf-16-le"
    if even > len(head) // 16 and odd <= even // 8:
        return "utf-16-be"
    return None


def _big5_instead(data: bytes, gb_text: str) -> str | None:
    """Big5 bytes always decode as GB18030 too, into rare characters outside GB2312. When the GB18030
    reading is full of those and a strict Big5 reading exists, the file is Big5."""
    cjk = _CJK.findall(gb_text[:_SAMPLE])
    if len(cjk) < 8:
        return None
    rare = sum(1 for c in cjk if not _encodes(c, "gb2312"))
    if rare <= len(cjk) // 10:
        return None
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        return None
    cjk5 = _CJK.findall(big5[:_SAMPLE])
    common5 = sum(1 for c in cjk5 if b"\xa4\x40" <= c.encode("big5") <= b"\xc6\x7e")  # Big5 level 1: frequent
    return big5 if cjk5 and common5 / len(cjk5) >= 1 - rare / len(cjk) else None


def _encodes(c: str, enc: str) -> bool:
    try:
        c.encode(enc)
    except UnicodeEncodeError:
        return False
    return True


def _checked(text: str, path: str) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    head = text[:_SAMPLE]
    if head and len(_BINARY_CONTROLS.findall(head)) > max(8, len(head) // 20):
        raise InputError(f"{path}: binary file (control characters), not text")
    return text
