#!/usr/bin/env python3
"""Check that two ``actorgraph build`` output folders hold the same outputs, file for file.

    python scripts/compare_builds.py OLD_OUT NEW_OUT        # exit 1 and a list when anything differs

Why: a change meant to make the build cheaper (slimmer rows in the analysis and the page, see #14)
must not change what it writes. Run ``actorgraph build`` on the same inputs (with the same
``--reference-date``) before and after the change, then compare: graph.ttl and graph.trig (with the
analysis named graph in it), graph.html (its embedded data), report.md, report.html and the charts
must be byte for byte the same. The one thing two builds never share is the store generation's id
(``ag:generation "…"``, a timestamp and a random suffix), which is masked before comparing.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

FILES = ("graph.ttl", "graph.trig", "graph.html", "report.md", "report.html", "graph.png", "dyads.png",
         "centrality.png")
_GENERATION = re.compile(rb'(ag:generation\s+)"[^"]*"')


def normalised(data: bytes) -> bytes:
    """``data`` with every store generation id masked (the only part two builds never share).

    >>> normalised(b'<x> ag:generation "20261206T184651Z-7e5f294f" .')
    b'<x> ag:generation "GENERATION" .'
    """
    return _GENERATION.sub(rb'\1"GENERATION"', data)


def differences(old: Path, new: Path, files: tuple[str, ...] = FILES) -> list[str]:
    """What differs between the output folders ``old`` and ``new``: one line per file missing from
    either or not the same once normalised; empty when they agree."""
    found = []
    for name in files:
        a, b = old / name, new / name
        if not a.exists() and not b.exists():
            continue
        if not a.exists() or not b.exists():
            found.append(f"{name}: only in {old if a.exists() else new}")
        elif normalised(a.read_bytes()) != normalised(b.read_bytes()):
            found.append(f"{name}: differs")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    found = differences(Path(argv[0]), Path(argv[1]))
    for line in found:
        print(line)
    if not found:
        print(f"same outputs: {argv[0]} and {argv[1]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
