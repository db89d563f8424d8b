"""Rebuild the README's screenshots from headless Chromium.

    python scripts/update_screenshot.py

- ``docs/graph.png``: the real seed build (``actorgraph build seeds/``), the evidence of "the US
  pressures Israel" open in the side panel;
- ``docs/graph-500.png``: a 500-actor graph as the page opens on it (an overview of the 40 actors with
  the most interactions and their strongest ties, coloured by bloc);
- ``docs/graph-500-focus.png``: the same page with one actor focused (its neighbourhood, the rest faded).

The 500-actor graph is synthetic: real actor names from the gazetteer (363 actors, then officials
of its states), random relations between them with a few hubs (``scripts/bench_render.py``), written
through the real RDF writer and analysed by ``graph.analyse`` like a build's.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_render import synthetic_graph  # noqa: E402
from graph.analyse import analyse, write_back  # noqa: E402
from graph.pipeline import build  # noqa: E402
from graph.views.render import render_html, screenshot  # noqa: E402

DOCS = ROOT / "docs"


def seed_shot(tmp: Path) -> None:
    os.chdir(ROOT)  # the page's title names the input as a user would type it: "seeds"
    build(["seeds"], tmp, store=None, report=False)
    screenshot(tmp / "graph.html", DOCS / "graph.png", width=1400, height=900, edge=("USA", "pressures", "ISR"))


def large_shots(tmp: Path, n: int = 500, focus: str = "IRN") -> None:
    g = synthetic_graph(n, named=True)
    g += write_back(analyse(g))
    page = tmp / "graph-500.html"
    render_html(g, page, title=f"{n} actors (synthetic relations between real names)")
    screenshot(page, DOCS / "graph-500.png", width=1400, height=900)
    screenshot(page, DOCS / "graph-500-focus.png", width=1400, height=900, focus=focus)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        seed_shot(Path(tmp))
        large_shots(Path(tmp))
    print("wrote docs/graph.png, docs/graph-500.png, docs/graph-500-focus.png")
