"""``actorgraph build``: articles in; store, graph files, page and report out (``graph.pipeline.build``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .args import add_evidence_option, add_extraction_arguments, positive_int

__all__ = ["configure_parser", "run", "warn_skipped"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph build`` (the README's command reference lists them)."""
    p.add_argument("inputs", nargs="*", default=["seeds"],
                   help="article files or folders, article or feed URLs, .opml or feeds.txt lists (default: seeds)")
    p.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    p.add_argument("--store", default="default",
                   help="RDF store: a directory (default OUT/store), sparql+http://host/… for a remote endpoint, or 'none'")
    p.add_argument("--max-nodes", type=positive_int, default=None, help="keep only the most central actors in graph.html")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the output")
    add_evidence_option(p)
    add_extraction_arguments(p)


def warn_skipped(inputs: list[str]) -> None:
    """Name the files the inputs hold that will not be read (a .pdf), in one line on stderr: a
    folder is never half-read without a word."""
    from ..pipeline import skipped_warning, unsupported_files

    skipped = unsupported_files(inputs)
    if skipped:
        print(skipped_warning(skipped), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Build, then print the summary line and the files written. A build without a store says that an
    earlier build's store is still there: query, export, validate and serve read it by default."""
    from ..pipeline import build

    store = None if args.store == "none" else args.store
    if store is None and (Path(args.out) / "store").is_dir():
        print(f"note: {Path(args.out) / 'store'} (an earlier build's store) is left as it was; query, export, "
              f"validate and serve read it by default - name {Path(args.out) / 'graph.ttl'} to read this build",
              file=sys.stderr)
    warn_skipped(args.inputs)
    res = build(args.inputs, args.out, store=store, actors=tuple(args.actors), model=args.model,
                workers=max(1, args.workers), cluster=args.cluster, max_nodes=args.max_nodes,
                reference_date=args.reference_date, validate=not args.no_validate, progress=sys.stderr.isatty(),
                wait=args.wait, keep_extractions=False, evidence_per_edge=args.evidence)
    print(f"{res.counts.sentence()} ({', '.join(f'{k} {v}' for k, v in sorted(res.modalities.items()))}) "
          f"in {res.seconds:.1f} s")
    for path in res.outputs:
        print(f"  wrote {path}")
    return 0
