"""``actorgraph query``: a saved (``--name``) or ad-hoc (``-q``/``-f``) SPARQL query on a graph or store
(``graph.store.query.resolve_query`` and ``graph.store.query.write_query``)."""
from __future__ import annotations

import argparse
import sys

from .args import add_source_arguments, count, positive_int

__all__ = ["configure_parser", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph query`` (the README's command reference lists them)."""
    from ..store.query import DEFAULT_PAGE, FORMATS

    add_source_arguments(p)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--name", "-n", help="run a saved query from ontology/queries/ by name")
    what.add_argument("-q", "--query", help="run this SPARQL query")
    what.add_argument("-f", "--file", help="run the SPARQL query in this file")
    what.add_argument("--list", action="store_true", help="list the saved queries")
    p.add_argument("--format", default="table", choices=FORMATS, help="output format (default: table)")
    p.add_argument("--bind", action="append", default=[], metavar="VAR=VALUE",
                   help="pin a variable, e.g. --bind source=USA --bind relation=pressures (repeatable)")
    # positive: --width 0 printed "tru…" for "true" and a negative width only "…"
    p.add_argument("--width", type=positive_int, default=80, help="clip table cells to this many characters")
    p.add_argument("--limit", type=count, default=None, metavar="N",
                   help=f"rows to print (a saved listing: {DEFAULT_PAGE:,} by default; 0: every row, streamed)")
    p.add_argument("--offset", type=count, default=0, metavar="N", help="rows to skip first (the next page)")


def run(args: argparse.Namespace) -> int:
    """List the saved queries (``--list``, or no query given), else run the one asked for."""
    from ..store.query import parse_bindings, resolve_query, saved_queries, write_query
    from ..store.store import default_source

    if args.list or not (args.name or args.query or args.file):
        for q in saved_queries().values():
            print(f"{q.name:22} {q.description}")
        return 0
    bindings = parse_bindings(args.bind)
    text, saved = resolve_query(name=args.name, text=args.query, file=args.file, bindings=bindings)
    write_query(default_source(args.store, args.graph), text, sys.stdout, saved=saved, narrowed=bool(bindings),
                fmt=args.format, width=args.width, limit=args.limit, offset=args.offset, err=sys.stderr)
    return 0
