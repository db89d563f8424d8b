"""Errors a user can cause. The CLI prints them as one line and exits 2; the library raises them."""
from __future__ import annotations

__all__ = ["ActorgraphError", "InputError", "OutputError", "QueryError", "StoreError"]


class ActorgraphError(Exception):
    """Base class: bad input, a bad query, a missing file, an unusable store."""


class InputError(ActorgraphError):
    """An article cannot be read: empty, binary, not UTF-8, or no articles found."""


class QueryError(ActorgraphError):
    """A SPARQL query is malformed, unknown, or not allowed (updates on a read-only endpoint)."""


class StoreError(ActorgraphError):
    """The RDF store cannot be opened, read or written."""


class OutputError(ActorgraphError):
    """An output cannot be written where it was asked to go (a folder, a block device, a socket)."""
