"""Write files and folders so that a reader never sees them half-written."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside `path`; on success it replaces `path`, on error it vanishes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8", newline=None if "b" in mode else "\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def replace_dir(new: Path, target: Path) -> None:
    """Swap a fully built folder in for `target`, keeping the old one until the swap is done."""
    target = Path(target)
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------- a folder replaced as a whole

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@contextmanager
def staged_dir(out: str | Path, fresh: tuple[str, ...] = ("store",), moved: tuple[str, ...] = ()) -> Iterator[Path]:
    """A copy of the graph folder `out` to change as one transaction. The copy starts with `out`'s
    entries as hard links (except those named in `fresh`, which the block writes anew: the RocksDB store
    changes files in place), so code in the block must replace files (atomic_write, replace_dir), never
    change them in place. When the block ends normally the copy takes `out`'s place in one atomic step
    (Linux renameat2 RENAME_EXCHANGE), so readers, and a writer killed at any moment, see either the
    old set of files or the new one, never a mix. On error the copy vanishes. One writer at a time:
    see writer_lock.

    Folders named in `moved` are moved into the copy instead (one rename, however many files they
    hold) and moved back if the block fails or the writer dies: only for folders of files that are
    added under new names and whose deletions wait until the swap (the document cache), and that
    readers do not read."""
    out = Path(os.path.realpath(out))
    with writer_lock(out):
        _recover(out)
        stage = out.with_name(f".{out.name}.staging-{os.getpid()}")
        stage.mkdir(mode=0o700)  # nobody reads the new files before they have the old folder's permissions
        note = out.with_name(f".{out.name}.moved-{os.getpid()}")
        swapped = False
        try:
            mode = stat.S_IMODE(out.stat().st_mode) if out.is_dir() else 0o777 & ~_umask()
            if out.is_dir():
                _copy_links(out, stage, set(fresh) | set(moved))
                names = [m for m in moved if (out / m).is_dir()]
                if names:
                    note.write_text("\n".join(names) + "\n", encoding="utf-8")
                    _fsync_dir(out.parent)
                    for m in names:
                        os.rename(out / m, stage / m)
            yield stage
            _fsync_tree(stage, skip={stage / m for m in moved})
            os.chmod(stage, mode)
            _swap(stage, out)
            swapped = True
        finally:
            if not swapped:
                _move_back(note, stage, out)
            note.unlink(missing_ok=True)
            shutil.rmtree(stage, ignore_errors=True)
            _fsync_dir(out.parent)


def _move_back(note: Path, stage: Path, out: Path) -> None:
    """Folders a failed or killed writer moved into its staged copy, back where they were."""
    try:
        names = note.read_text("utf-8").split()
    except OSError:
        return
    for m in names:
        if (stage / m).exists() and not (out / m).exists() and out.is_dir():
            os.rename(stage / m, out / m)


_HELD: dict[Path, int] = {}


@contextmanager
def writer_lock(out: str | Path) -> Iterator[None]:
    """Be the only writer of the graph folder `out`: an flock on `.<name>.lock` beside it, released by
    the kernel if the holder dies. Re-entrant within a process; a second process gets StoreError."""
    import fcntl

    from aigraph.errors import StoreError

    out = Path(os.path.realpath(out))
    if out in _HELD:
        _HELD[out] += 1
        try:
            yield
        finally:
            _HELD[out] -= 1
        return
    lock = out.with_name(f".{out.name}.lock")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o644)
    except OSError as exc:
        raise StoreError(f"Cannot write the graph folder {out}/: {exc.strerror or exc} ({exc.filename or lock}).") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            who = f"Another aigraph process (pid {pid})" if pid.isdigit() else "Another aigraph process"
            raise StoreError(f"{who} is writing the graph in {out}/; wait for it to finish, then try again.") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)  # so that a second writer can say who holds the lock
        _HELD[out] = 1
        try:
            yield
        finally:
            del _HELD[out]
    finally:
        os.close(fd)


def writer_locked(fn):
    """Run `fn` holding the writer lock of the folder passed as its `out` argument (read-modify-write
    updates such as `aigraph add` must not interleave with another writer)."""
    import functools
    import inspect

    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with writer_lock(sig.bind(*args, **kwargs).arguments["out"]):
            return fn(*args, **kwargs)

    return wrapper


def _recover(out: Path) -> None:
    """Undo what a killed writer left: staged folders (stale, since we hold the lock), and an old
    folder moved aside by the two-rename fallback just before it died."""
    for stale in out.parent.glob(f".{out.name}.staging-*"):
        note = out.with_name(f".{out.name}.moved-{stale.name.rsplit('-', 1)[-1]}")
        _move_back(note, stale, out)
        note.unlink(missing_ok=True)
        shutil.rmtree(stale, ignore_errors=True)
    old = out.with_name(f".{out.name}.old")
    if old.is_dir():
        if out.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, out)


def _copy_links(out: Path, stage: Path, fresh: set[str]) -> None:
    for entry in out.iterdir():
        if entry.name in fresh or not (entry.is_symlink() or entry.is_dir() or entry.is_file()):
            continue  # a FIFO, a socket or a device is not part of a graph (and opening a FIFO blocks)
        target = stage / entry.name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(src: str | Path, dst: str | Path) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        if stat.S_ISREG(os.lstat(src).st_mode) or os.path.islink(src):
            shutil.copy2(src, dst, follow_symlinks=False)


def _swap(stage: Path, out: Path) -> None:
    if not out.exists():
        os.rename(stage, out)
        return
    if _exchange(stage, out):
        return
    # no RENAME_EXCHANGE here: two renames; _recover puts the old folder back if we die in between
    old = out.with_name(f".{out.name}.old")
    os.rename(out, old)
    os.rename(stage, out)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _fsync_tree(root: Path, skip: set[Path] = frozenset()) -> None:
    """Make the staged files durable before they become the graph (a power cut after the swap). The
    files of the folders in `skip` were durable before (moved folders: files added there are written
    by atomic_write, which syncs them), so only those folders themselves are synced."""
    for d in skip:
        _fsync_dir(d)
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [n for n in dirnames if Path(dirpath, n) not in skip]
        for name in files:
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
                if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
                    # opening a FIFO would wait for a writer that never comes; a file with other links
                    # is the live folder's own, already on disk (an update leaves most files as they were)
                    continue
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            except OSError:
                continue
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
