"""Give the memory a stage has freed back to the operating system, so the next stage starts low.

Why: reading every interaction of a store took one SPARQL query whose hash joins (one per column,
``graph.store.read.interaction_query``) hold what they join while it runs - ~3 kB an interaction
for the analysis's 10 columns, ~900 MB at 330,000 interactions - freed when the query ends; but
glibc's allocator keeps freed memory in its arenas, so the process's RSS stayed that much higher,
and the next reader of the corpus (the page, after the analysis) piled its own peak on top: 2.4 GB
in all, against the 2 GB asked by #14. ``malloc_trim(0)`` returns those free pages (measured: 979 MB
-> 253 MB after one such query). Elsewhere (macOS, musl) it is a no-op.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools

__all__ = ["release"]


@functools.lru_cache(maxsize=1)
def _trim():  # noqa: ANN202 - a ctypes function, or None
    """glibc's ``malloc_trim``, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def release() -> bool:
    """Return the heap's free pages to the OS; True if the C library could (glibc), else False.

    Cheap (a walk over the allocator's free lists, milliseconds): call it after a stage that read
    or built something the size of the corpus, not per query."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
