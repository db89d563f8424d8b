"""``actorgraph export``: a store or graph as Turtle/TriG/N-Quads/JSON-LD, GraphML/GEXF or CSV
(``graph.store.export.export``)."""
from __future__ import annotations

import argparse
import sys

from .args import add_source_arguments

__all__ = ["configure_parser", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph export`` (the README's command reference lists them)."""
    from ..store.export import FORMATS

    add_source_arguments(p)
    p.add_argument("--format", "-f", choices=FORMATS,
                   help="output format (default: from the -o suffix; turtle on standard output)")
    p.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="file to write, atomically (default: standard output)")


def run(args: argparse.Namespace) -> int:
    """Export; the format is checked against the file name before the store is opened."""
    from ..store.export import export, output_format
    from ..store.store import default_source, open_source

    fmt = output_format(args.format, args.output)
    with open_source(default_source(args.store, args.graph)) as src:
        result = export(src, fmt, args.output)
    if args.output == "-":
        sys.stdout.write(result)  # type: ignore[arg-type]
    else:
        print(f"wrote {result} ({fmt})", file=sys.stderr)
    return 0
