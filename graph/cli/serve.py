"""``actorgraph serve``: a read-only SPARQL endpoint and query page over a store or graph
(``graph.endpoint.serve.serve``)."""
from __future__ import annotations

import argparse
import sys

from ..errors import StoreError
from .args import add_source_arguments, port_number, positive_int

__all__ = ["configure_parser", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph serve`` (the README's command reference lists them)."""
    from ..endpoint.serve import MAX_MEMORY_MB, MEMORY_AUTO_LIMIT, REQUEST_TIMEOUT

    add_source_arguments(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=port_number, default=7878, help="port (default 7878; 0 picks a free one)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="also answer requests whose Host header is NAME (repeatable; default: only the bound "
                        "address, and localhost when that is loopback)")
    p.add_argument("--timeout", type=float, default=10.0,
                   help="seconds a query may take, waiting for a free worker included (default 10)")
    p.add_argument("--max-results", type=int, default=10_000, help="rows/triples returned at most (default 10000)")
    p.add_argument("--max-memory", type=positive_int, default=MAX_MEMORY_MB, metavar="MB",
                   help=f"memory a query may use per worker, on top of the data (default {MAX_MEMORY_MB})")
    p.add_argument("--request-timeout", type=float, default=REQUEST_TIMEOUT, metavar="SECONDS",
                   help=f"seconds a client has to send its whole request (default {REQUEST_TIMEOUT:g})")
    p.add_argument("--workers", type=positive_int, default=None,
                   help="query worker processes, besides the short-query lane (default: 2-4 by CPU count)")
    p.add_argument("--memory", choices=("auto", "yes", "no"), default="auto",
                   help="workers keep the merged graph in RAM: 4-8x faster, ~400 MB per million triples per "
                        f"worker (default auto: yes up to {MEMORY_AUTO_LIMIT:,} triples)")
    p.add_argument("--quiet", action="store_true", help="do not log requests")


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM, which stop it (exit 0): stopping is how a server ends."""
    from ..endpoint.serve import Limits, serve
    from ..store.store import default_source

    if args.timeout <= 0 or args.max_results <= 0 or args.request_timeout <= 0:
        raise StoreError("--timeout, --request-timeout and --max-results must be positive")
    source = default_source(args.store, args.graph)
    limits = Limits(timeout=args.timeout, max_results=args.max_results, max_memory_mb=args.max_memory,
                    request_timeout=args.request_timeout)
    try:
        serve(source, args.host, args.port, workers=args.workers, quiet=args.quiet, memory=args.memory,
              limits=limits, allow_hosts=tuple(args.allow_host))
    except KeyboardInterrupt:
        print("actorgraph serve: stopped", file=sys.stderr)
    return 0
