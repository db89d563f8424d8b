"""Holding Ctrl-C and SIGTERM back for a few steps that must not be cut in half.

Blocking the signals with ``pthread_sigmask`` in the main thread is not enough: the kernel hands a
process-directed signal to any thread that does not block it (a RocksDB or thread-pool thread), and
Python then runs the handler -- raises KeyboardInterrupt -- in the main thread all the same. A spawned
query worker cut off that way, before its parent had written its start-up data, printed an
``EOFError`` traceback. So the Python-level handlers are swapped for ones that only note the signal,
and the noted signal is raised again, through the original handler, once the steps are done.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["signals_deferred"]

HELD = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Run the body with SIGINT/SIGTERM noted, not acted on; deliver a noted one right after.

    The calling thread also blocks them, so that a process it spawns inherits the mask through exec
    and a terminal's Ctrl-C (sent to the whole process group) cannot stop the child while it imports.
    Outside the main thread Python handlers cannot be changed (nor are they run there): callers that
    start work from other threads need their own guard against the main thread stopping."""
    with _blocked():
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        noted: list[int] = []
        previous = {sig: signal.signal(sig, lambda signum, _frame: noted.append(signum)) for sig in HELD}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, signal.SIG_DFL if handler is None else handler)  # None: set outside Python
    if noted:
        signal.raise_signal(noted[0])


@contextmanager
def _blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(HELD))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
