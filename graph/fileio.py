"""Atomic file writes: a reader (or a crash) never sees half a file.

Every output of actorgraph goes through here: write to a temporary file in the same directory, flush
and fsync it, then ``os.replace`` it over the target, which is atomic on POSIX and Windows.

Only a *regular file* is replaced that way. A rename puts a new regular file where the path was, so
``export -o /dev/null`` as root replaced the device node itself, and a FIFO or a symlink lost what it
was. Now: a symlink is followed (its target is replaced, the link stays); a character device
(``/dev/null``, ``/dev/stdout``) or a FIFO is written through, as a shell redirection would; a
folder, a block device or a socket is refused in one line.
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import OutputError

__all__ = ["write_atomic", "atomic_output"]


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` (see the module docstring); returns ``path``."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    mode = _existing_mode(path)
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _write_through(path, raw)
        return path
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"{path}: is {_kind(mode)}, not a regular file; refusing to write an output there")
    _replace(Path(os.path.realpath(path)), raw)
    return path


@contextmanager
def atomic_output(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file to stream an output into, with the same rules as ``write_atomic``: what is
    written lands at ``path`` whole when the block ends, or not at all if it raises. Why: a graph of
    ten million triples is written as it is serialised, never held in memory as one string."""
    path = Path(path)
    mode = _existing_mode(path)
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        with open(path, "wb") as fh:
            yield fh
        return
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"{path}: is {_kind(mode)}, not a regular file; refusing to write an output there")
    with _replacing(Path(os.path.realpath(path))) as fh:
        yield fh


@contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """The atomic write proper: a temporary file beside ``path``, fsynced, renamed over it when the
    block ends (removed if it raises)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _existing_mode(path: Path) -> int | None:
    """The file type bits of what ``path`` names (through symlinks), or None if nothing is there."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _write_through(path: Path, raw: bytes) -> None:
    """Write into a character device or a FIFO as it is: there is nothing to replace atomically."""
    with open(path, "wb") as fh:
        fh.write(raw)


def _replace(path: Path, raw: bytes) -> None:
    """Replace ``path`` with ``raw`` atomically (see ``_replacing``)."""
    with _replacing(path) as fh:
        fh.write(raw)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
