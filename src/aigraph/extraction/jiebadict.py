"""jieba's dictionary and word tags, loaded once per process from a compact cache of our own."""

from __future__ import annotations

import array
import hashlib
import os
import struct
import sys
import tempfile
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

MAGIC = b"aigraph-jieba-2\n"
"""First bytes of a cache file; a file that does not start so is ignored and written again."""


def cache_dir() -> Path:
    """Where the cache is kept: $AIGRAPH_CACHE, else $XDG_CACHE_HOME/aigraph, else ~/.cache/aigraph."""
    if os.environ.get("AIGRAPH_CACHE"):
        return Path(os.environ["AIGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aigraph"


def _dict_path() -> Path:
    import jieba

    return Path(jieba.__file__).with_name("dict.txt")


def cache_path() -> Path:
    """The cache file of the installed jieba's dictionary: named by the cache's format and the
    dictionary's version, size and time, so that no other jieba, dictionary or aigraph reads a stale one."""
    import jieba

    st = _dict_path().stat()
    key = f"{MAGIC!r}|{jieba.__version__}|{_dict_path()}|{st.st_size}|{st.st_mtime_ns}|{sys.byteorder}"
    return cache_dir() / f"jieba-{hashlib.sha256(key.encode()).hexdigest()[:16]}.bin"


@cache
def loaded() -> tuple[dict[str, int], Mapping[str, str]]:
    """(jieba's prefix dictionary word -> frequency, dictionary word -> part-of-speech tag), with jieba's
    default tokenizer made ready on the same dictionary. jieba's own start-up (a marshal load of its
    prefix dictionary, 0.5 s) and reading the tags from dict.txt (0.1 s) are most of a small build's
    extraction; the same tables read from this cache take about a third of that."""
    import jieba

    jieba.setLogLevel(60)
    dt = jieba.dt
    if dt.dictionary is not jieba.DEFAULT_DICT or dt.initialized:
        # another dictionary, or one jieba already loaded (perhaps with words added): use it as it is
        dt.initialize()
        return dt.FREQ, _tags_of_dict(dt)
    path = cache_path()
    got = read(path)
    if got is None:
        dt.initialize()
        got = dt.FREQ, dt.total, _tags_of_dict(dt)
        try:
            write(path, *got)
        except OSError:
            pass  # a read-only home: the next process reads jieba's dictionary again
    freq, total, tags = got
    dt.FREQ, dt.total, dt.initialized = freq, total, True
    return freq, tags


def _tags_of_dict(dt) -> dict[str, str]:
    f = dt.get_dict_file()
    try:
        fields = f.read().decode("utf-8").split()
    finally:
        f.close()
    return dict(zip(fields[0::3], fields[2::3]))


class Tags(Mapping):
    """Word -> part-of-speech tag over sorted words and one byte per word: a build looks up a few hundred
    words, so this is made in a quarter of the time a dict of the 350,000 words takes."""

    def __init__(self, words: list[str], codes: bytes, names: list[str]) -> None:
        self.words, self.codes, self.names = words, codes, names

    @classmethod
    def of(cls, tags: Mapping[str, str]) -> Tags:
        names = sorted(set(tags.values()))
        code = {n: i for i, n in enumerate(names)}
        words = sorted(tags)
        return cls(words, bytes(code[tags[w]] for w in words), names)

    def __getitem__(self, word: str) -> str:
        i = bisect_left(self.words, word)
        if i < len(self.words) and self.words[i] == word:
            return self.names[self.codes[i]]
        raise KeyError(word)

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)


def write(path: Path, freq: dict[str, int], total: int, tags: Mapping[str, str]) -> None:
    """The tables as five blobs (words, frequencies; tagged words sorted, a tag number for each, the tags):
    read back much faster than marshal or the dictionary's text are."""
    counts = array.array("q", freq.values())
    t = tags if isinstance(tags, Tags) else Tags.of(tags)
    if len(t.names) > 256:
        raise ValueError("more than 256 distinct tags: one byte per word cannot number them")
    blobs = ["\n".join(freq).encode(), counts.tobytes(), "\n".join(t.words).encode(), t.codes,
             "\n".join(t.names).encode()]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + struct.pack("<q", total))
            for blob in blobs:
                fh.write(struct.pack("<q", len(blob)) + blob)
        os.replace(tmp, path)  # another process reading it sees the old file or the whole new one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read(path: Path) -> tuple[dict[str, int], int, Tags] | None:
    """The tables of a cache file, or None when it is missing, cut short or not one of ours."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    view, at = memoryview(data), len(MAGIC)
    try:
        (total,) = struct.unpack_from("<q", view, at)
        at += 8
        blobs = []
        for _ in range(5):
            (size,) = struct.unpack_from("<q", view, at)
            at += 8
            if at + size > len(data):
                return None
            blobs.append(view[at:at + size])
            at += size
        words, tagged, names = (_lines(blobs[k]) for k in (0, 2, 4))
        counts = array.array("q")
        counts.frombytes(blobs[1])
        codes = bytes(blobs[3])
    except (struct.error, UnicodeDecodeError, ValueError):
        return None
    if len(words) != len(counts) or len(tagged) != len(codes) or at != len(data) \
            or (codes and max(codes) >= len(names)):
        return None
    return dict(zip(words, counts)), total, Tags(tagged, codes, names)


def _lines(blob: memoryview) -> list[str]:
    text = bytes(blob).decode()
    return text.split("\n") if text else []
