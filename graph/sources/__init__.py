"""News as analysts have it: saved web pages, article URLs, RSS/Atom feeds and lists of feeds.

* ``pages``  — a page's main text, title, date, author and canonical URL (trafilatura, htmldate)
* ``fetch``  — the polite HTTP client (timeouts, size cap, retries with back-off, conditional requests)
* ``feeds``  — RSS/Atom through feedparser; OPML and plain-text lists of feeds
* ``inputs`` — what ``build``/``ingest`` read: files, folders, URLs, feeds and lists, de-duplicated
* ``watch``  — ``actorgraph watch``: poll feeds, ingest what is new, remember what was seen (in the store)
* ``state``  — what a watch remembers (feeds' validators, items seen), as a named graph of the store

A source that cannot be read (a 404, a feed that is HTML, a page without article text) is a one-line
warning through ``warn`` and the run goes on; only local files keep ``graph.ingest``'s strictness.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["warn", "warnings_to"]


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


_SINK: ContextVar[Callable[[str], None]] = ContextVar("actorgraph_warning_sink", default=_to_stderr)


def warn(message: str) -> None:
    """Report a source that was skipped or read with a guess: one line, 'warning: WHERE: WHY'."""
    line = " ".join(message.split())
    _SINK.get()(line if line.startswith("warning: ") else f"warning: {line}")


@contextmanager
def warnings_to(callback: Callable[[str], None]) -> Iterator[None]:
    """Send this block's warnings to ``callback`` (a list's ``append``, a logger) instead of stderr."""
    token = _SINK.set(callback)
    try:
        yield
    finally:
        _SINK.reset(token)


# trafilatura, htmldate and charset_normalizer log what they discard; with no logging configured,
# Python would print those as bare stderr lines beside our one-line warnings. An application that
# configures logging still receives them.
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
