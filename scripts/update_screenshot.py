"""Rebuild the seed graph and save the README's screenshot (docs/graph.png) from headless Chromium.

    python scripts/update_screenshot.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.pipeline import build  # noqa: E402
from graph.views.render import screenshot  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    build([ROOT / "seeds"], tmp, store=None, report=False)
    screenshot(Path(tmp) / "graph.html", ROOT / "docs" / "graph.png", width=1400, height=900,
               edge=("USA", "pressures", "ISR"))
print("wrote docs/graph.png")
