"""``actorgraph watch``: poll feeds, ingest what is new into a store, refresh its page and report
(``graph.sources.watch.watch``)."""
from __future__ import annotations

import argparse
import sys

from .args import add_extraction_arguments, every, positive_int

__all__ = ["configure_parser", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph watch`` (the README's command reference lists them)."""
    from ..sources.watch import MIN_EVERY

    p.add_argument("feeds", nargs="+", help="feed URLs (RSS/Atom), .opml files or feeds.txt lists (one URL a line)")
    p.add_argument("--every", type=every, default=every("15m"), metavar="DURATION",
                   help=f"time between polls: 15m, 30s, 1h (default 15m; at least {MIN_EVERY:g}s)")
    p.add_argument("--store", default="out/store", help="store directory (default out/store; created if missing)")
    p.add_argument("-o", "--out", default=None, metavar="DIR",
                   help="where to write graph.html and the report (default: the folder holding the store)")
    stop = p.add_mutually_exclusive_group()
    stop.add_argument("--once", action="store_true", help="poll once and exit (for cron or systemd timers)")
    stop.add_argument("--polls", type=positive_int, default=None, metavar="N", help="stop after N polls")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of new documents")
    add_extraction_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Poll until ``--once``/``--polls`` is done or Ctrl-C, which ends the watch (exit 0), not an error:
    every poll's documents are already in the store."""
    from ..sources.watch import feed_urls, watch

    feed_urls(args.feeds)  # a bad argument is a one-line error now, not a warning at every poll
    polls = 1 if args.once else args.polls
    if polls != 1:
        print(f"watching {len(feed_urls(args.feeds))} feeds every {args.every:g} s into {args.store} (Ctrl-C stops)",
              file=sys.stderr, flush=True)
    try:
        watch(args.feeds, args.store, every=args.every, polls=polls, log=lambda line: print(line, flush=True),
              actors=tuple(args.actors), model=args.model, workers=max(1, args.workers), cluster=args.cluster,
              reference_date=args.reference_date, validate=not args.no_validate, out_dir=args.out)
    except KeyboardInterrupt:
        print("watch: stopped (what was polled is in the store)", file=sys.stderr)
    return 0
