"""A store directory on disk: who may read it while whom writes it, and how a writer replaces it whole.

Why: Oxigraph (RocksDB) lets one process open a directory read-write, and "opening read-only while
another process writes is undefined behaviour" (pyoxigraph's documentation). So every read-only
command used to open the store read-write, took its lock, and a concurrent ``ingest`` failed after
its extraction; a store on a read-only disk could not be queried at all. And a build wrote its
documents, then the ontology graph, then the analysis graph, in separate transactions: an
interruption in between left a store without (or with a stale) analysis graph that still validated.

The rules, with lock files beside the store (``out/.store.lock``, ``.store.swap.lock``, ``.store.write.lock``):

* **Readers** (query, export, validate, serve, render) open the store with ``Store.read_only``
  and hold a *shared* lock on ``.store.lock`` while they read. They never block each other.
* **A writer** (build, ingest) holds ``.store.write.lock`` (writers take turns; a second one waits,
  bounded, instead of failing after its extraction), makes a checkpoint of the store beside it
  (``.store.new-GEN``: hard links, cheap), writes everything into that copy, marks it complete, and
  only then swaps it in: two renames under an *exclusive* ``.store.lock`` (which waits for the readers
  of the old copy to finish; new readers queue behind ``.store.swap.lock`` meanwhile). Readers read
  the old, complete generation until then: nobody writes a directory that is open read-only, and a
  store is never seen half-written.
* **Interrupted**: a kill before the swap leaves the old store untouched (the copy is removed by the
  next writer); a kill between the two renames leaves a complete copy and no store, which the next
  command renames into place (``recover``).
* **Generation**: each complete store has ``actorgraph-state.json`` (its generation id), and the store
  itself holds the same id in its meta graph. A store whose data does not hold the generation its
  state file names (a truncated MANIFEST makes RocksDB open an *older* state, silently) is reported
  as damaged instead of being read.

A library caller that writes a store in place (``graph.store.open_store``) takes both locks
exclusively for as long as it has the store open, and removes the state file (it cannot vouch for
the analysis graph; ``validate`` then checks it against the documents).

Where the parent folder cannot be written (a read-only disk), there are no lock files: nobody can
write there either, and readers read without one.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from ..fileio import write_atomic

__all__ = [
    "DEFAULT_WAIT", "READ_WAIT", "STATE_FILE", "acquire", "copy_path", "exclusive", "forget_state", "Lock",
    "new_generation", "read_state", "recover", "recover_missing", "remove_tree", "shared", "swap_in",
    "write_state", "writer_lock"
]

STATE_FILE = "actorgraph-state.json"
DEFAULT_WAIT = 60.0  # seconds a writer waits for another writer, or for readers to let go of the old copy
READ_WAIT = 30.0  # seconds a reader waits for a swap (or an in-place writer) to finish
_POLL = 0.1


def new_generation() -> str:
    """A generation id: when it was written (UTC) and a random suffix."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + secrets.token_hex(4)


# ---------------------------------------------------------------- locks


@dataclass
class Lock:
    """Held ``flock``s (none where no lock file can be made); ``release`` is idempotent."""

    fds: list[int]

    def release(self) -> None:
        while self.fds:
            fd = self.fds.pop()
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _lock_path(store: Path, kind: str) -> Path:
    return store.parent / f".{store.name}.{kind}"


def acquire(store: Path, kind: str, exclusive: bool, wait: float, what: str) -> Lock:
    """Lock ``kind`` ("lock", "swap.lock" or "write.lock") of ``store``, waiting up to ``wait`` seconds.

    ``StoreError`` naming ``what`` the holder is doing if it is still held after the wait."""
    fd = _open_lock_file(_lock_path(store, kind))
    if fd is None:
        return Lock([])
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        try:
            fcntl.flock(fd, mode)
            return Lock([fd])
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() >= deadline:
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    waited = f" (waited {wait:g} s)" if wait > 0 else ""
                    raise StoreError(f"store {store} is in use: {what}{waited}; try again when it has finished") from None
                raise StoreError(f"cannot lock store {store}: {exc.strerror or exc}") from None
        time.sleep(_POLL)


def shared(store: Path, wait: float) -> Lock:
    """A reader's lock. It passes the "swap" turnstile first, so that a writer waiting to swap in a
    new generation is not starved by readers that keep arriving: they queue behind it (for the
    milliseconds the swap takes once the earlier readers are done)."""
    turnstile = acquire(store, "swap.lock", False, wait, "a build or ingest is replacing it")
    try:
        return acquire(store, "lock", False, wait, "a build or ingest is replacing it")
    finally:
        turnstile.release()


def exclusive(store: Path, wait: float, what: str) -> Lock:
    """The lock that keeps every reader out (for a swap, a checkpoint or an in-place writer)."""
    turnstile = acquire(store, "swap.lock", True, wait, what)
    try:
        lock = acquire(store, "lock", True, wait, what)
    except BaseException:
        turnstile.release()
        raise
    return Lock(turnstile.fds + lock.fds)


def _open_lock_file(path: Path) -> int | None:
    """A descriptor of the lock file (created if need be), or None where it cannot exist (the folder
    is read-only: nobody can write the store there either)."""
    for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):
        try:
            return os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EROFS, errno.EPERM):
                raise StoreError(f"cannot lock store {path.parent}: {exc.strerror or exc}") from None
    return None


# ---------------------------------------------------------------- state


def read_state(store: Path) -> dict | None:
    """The state file of a store directory: {"generation": str, "complete": bool}, or None."""
    try:
        data = json.loads((store / STATE_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreError(f"store {store}: unreadable {STATE_FILE} ({exc}); delete the store folder and "
                         "run actorgraph build to write it again") from None
    return data if isinstance(data, dict) else None


def write_state(store: Path, generation: str, complete: bool) -> None:
    write_atomic(store / STATE_FILE, json.dumps({"generation": generation, "complete": complete}) + "\n")


def forget_state(store: Path) -> None:
    """An in-place writer cannot vouch for the store's generation: remove the record."""
    try:
        (store / STATE_FILE).unlink()
    except FileNotFoundError:
        pass


# ---------------------------------------------------------------- swapping in a new generation


def _siblings(store: Path, kind: str) -> list[Path]:
    return sorted(store.parent.glob(f".{store.name}.{kind}-*"))


def recover(store: Path) -> None:
    """Finish what an interrupted writer left (call with the write lock held, or when none can be
    held): a complete new copy without a store is renamed into place; stale copies are removed."""
    if not store.exists():
        complete = [p for p in _siblings(store, "new") if (read_state(p) or {}).get("complete")]
        if complete:
            os.rename(complete[-1], store)
            _fsync_dir(store.parent)
    for leftover in _siblings(store, "new") + _siblings(store, "old"):
        remove_tree(leftover)


def swap_in(store: Path, copy: Path, wait: float) -> None:
    """Replace ``store`` by the complete ``copy``: two renames under an exclusive read lock, so no
    reader has the old directory open while it moves. A kill between them is undone by ``recover``."""
    lock = exclusive(store, wait, "it is being read (waiting to replace it)")
    try:
        old = store.parent / f".{store.name}.old-{secrets.token_hex(4)}"
        if store.exists():
            os.rename(store, old)
        os.rename(copy, store)
        _fsync_dir(store.parent)
    finally:
        lock.release()
    remove_tree(old)


def remove_tree(path: Path, attempts: int = 5) -> None:
    """Remove a store copy even while RocksDB's background threads of a just-released opening still
    write into it (a file appearing mid-``rmtree`` leaves the directory behind): retry a few times."""
    import gc
    import time

    for attempt in range(attempts):
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            return
        gc.collect()  # the last reference to a pyoxigraph Store closes RocksDB
        time.sleep(0.05 * (attempt + 1))


def copy_path(store: Path, generation: str) -> Path:
    return store.parent / f".{store.name}.new-{generation}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def recover_missing(store: Path) -> None:
    """A reader that finds no store: if a writer was killed between its two renames, finish the
    swap (unless a writer is at work, which will)."""
    if not _siblings(store, "new"):
        return
    try:
        lock = acquire(store, "write.lock", True, 0.0, "")
    except StoreError:
        return
    try:
        recover(store)
    finally:
        lock.release()


@contextmanager
def writer_lock(store: Path, wait: float) -> Iterator[Lock]:
    """The write lock of ``store`` for the ``with`` block (writers take turns, waiting up to ``wait``
    seconds), with leftovers of an interrupted writer cleaned up first."""
    lock = acquire(store, "write.lock", True, wait, "another build or ingest is writing it")
    try:
        recover(store)
        yield lock
    finally:
        lock.release()
