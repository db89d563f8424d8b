"""``actorgraph ingest``: add articles to an existing store (``graph.pipeline.ingest_files``)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from .args import add_evidence_option, add_extraction_arguments
from .build import warn_skipped

__all__ = ["configure_parser", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph ingest`` (the README's command reference lists them)."""
    p.add_argument("inputs", nargs="+", help="article files or folders, article or feed URLs, .opml or feeds.txt lists to add")
    p.add_argument("--store", default="out/store", help="store directory or sparql+http(s):// endpoint (default out/store)")
    p.add_argument("-o", "--out", default=None, metavar="DIR",
                   help="where to write the refreshed graph.html and report (default: the folder holding the store)")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the new documents")
    add_evidence_option(p)
    add_extraction_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Ingest, then print how many documents were added, replaced or skipped and what was refreshed.
    A remote store has no folder beside it: the page and report are refreshed only with ``-o``."""
    from ..pipeline import ingest_files

    warn_skipped(args.inputs)
    status = ingest_files(args.inputs, args.store, actors=tuple(args.actors), model=args.model,
                          workers=max(1, args.workers), cluster=args.cluster, reference_date=args.reference_date,
                          validate=not args.no_validate, out_dir=args.out, progress=sys.stderr.isatty(),
                          wait=args.wait, evidence_per_edge=args.evidence)
    counts = Counter(status.values())
    print(f"{len(status)} documents: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    if status.views is not None:
        print(f"the store now holds {status.views.counts.sentence()}")
        for path in status.views.paths:
            print(f"  wrote {path}")
    else:
        print(f"note: {args.store} is remote: pass -o DIR to refresh its page and report", file=sys.stderr)
    return 0
