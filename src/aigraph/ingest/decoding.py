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
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16, else as the most plausible strict reading
    among GB18030/GBK, Big5, Shift-JIS, EUC-KR, Windows-1252 and Latin-1, else by detection
    (charset-normalizer). Returns (text, encoding). A BOM, or the zero bytes of UTF-16 text, decides
    first. Binary files raise InputError naming the file."""
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
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    readings = []
    for enc in LEGACY:
        try:
            readings.append((enc, data.decode(enc)))
        except UnicodeDecodeError:
            continue
    if readings:
        # the most plausible reading; on a tie the first in LEGACY's order (GB18030 before Big5 ...)
        scores = [_implausible(text[:_SAMPLE]) for _, text in readings]
        enc, text = readings[scores.index(min(scores))]
        if min(scores) <= 0.25:
            return _checked(text, path), enc
    sample = data[:_SAMPLE]
    if len(_BINARY_BYTES.findall(sample)) > max(8, len(sample) // 20):
        raise InputError(f"{path}: binary file (control bytes), not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: cannot tell the text encoding; save it as UTF-8")
    return _checked(str(best), path), str(best.encoding)


LEGACY = ("gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "latin-1")
"""Encodings tried after UTF-8, each strictly: the most plausible reading wins (see _implausible)."""

_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7a3]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_PUNCT = set("，。、；：！？（）《》“”‘’—…·「」『』【】〈〉～\u3000€£¥©®°–—•«»")


def _implausible(text: str) -> float:
    """How unlike real text a reading is: the share of its non-ASCII characters that are rare CJK
    characters (outside GB2312 and the common Big5 and JIS sets, traditional folded to simplified),
    private-use or control characters, or accented letters in runs (Latin-1 read from multi-byte text).
    Big5 or Shift-JIS bytes read as GB18030 give rare and private-use characters; GB bytes read as
    Latin-1 give runs of accented letters."""
    wide = bad = 0
    run = 0
    for c in text:
        if c < "\x80":
            run = 0
            continue
        wide += 1
        if _CJK.match(c):
            bad += not (_common_cjk(c))
            run = 0
        elif _KANA_HANGUL.match(c) or c in _PUNCT:
            run = 0
        elif _LATIN_LETTER.match(c):
            run += 1
            bad += run > 1  # "Café" has one in a row; "æ·±åº¦" is GB2312 read as Latin-1
        else:
            bad += 2 if (0xE000 <= ord(c) <= 0xF8FF or ord(c) < 0xA0) else 1
            run = 0
    return bad / wide if wide else 0.0


def _common_cjk(c: str) -> bool:
    from aigraph.folding import fold_char

    return _encodes(fold_char(c), "gb2312") or _encodes(c, "gb2312") or _big5_level1(c) or _jis_level1(c)


def _big5_level1(c: str) -> bool:
    try:
        b = c.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and b"\xa4\x40" <= b <= b"\xc6\x7e"


def _jis_level1(c: str) -> bool:
    try:
        b = c.encode("shift_jis")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and b"\x88\x9f" <= b <= b"\x98\x72"


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
