"""The page around the graph data: markup, style and script, inlined into one offline HTML file.

The page's own code lives as real files in ``graph/views/static/`` (``page.html``, ``page.css``,
``page.js``) so it can be read, linted and diffed as what it is; they are read with
``importlib.resources`` (so an installed wheel finds them as well as a checkout) and inlined here at
render time. Kept apart from ``graph.views.render`` (which reads RDF) so each can be read alone. The
page fetches nothing: vis-network is the copy that pyvis ships, inlined; fonts are the system's; the
legend glyphs are Unicode. The script reads the data from the JSON block and writes every data string
with ``textContent``; a Content-Security-Policy lets only these two inline scripts run (by hash), so
even a mistake in escaping could not run an article's ``<script>``.
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["build_page", "static_text", "vis_assets"]


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A file of ``graph/views/static`` as text, newlines normalised to LF: the HTML parser turns CR
    into LF before a script runs, and the CSP hash must be of what the browser sees."""
    text = resources.files("graph.views").joinpath("static", name).read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    closing = "</script" if name.endswith(".js") else "</style" if name.endswith(".css") else None
    if closing and closing in text.lower():
        raise RuntimeError(f"static/{name} contains {closing}> and cannot be inlined")
    return text


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, from the copy bundled with pyvis (no CDN, no download)."""
    import pyvis

    base = Path(pyvis.__file__).resolve().parent / "templates" / "lib"
    candidates = sorted(base.glob("vis-*/vis-network.min.js"), reverse=True)
    if not candidates:
        raise RuntimeError(f"pyvis ships no vis-network bundle under {base}")
    js_path = candidates[0]
    js = js_path.read_text(encoding="utf-8")
    css = (js_path.parent / "vis-network.css").read_text(encoding="utf-8")
    js = js.replace("\r\n", "\n").replace("\r", "\n")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network bundle cannot be inlined safely")
    return js, css


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def build_page(data_json: str, title_html: str) -> str:
    """The whole HTML document. ``data_json`` must already be script-safe (see
    ``graph.views.render.json_for_script``) and ``title_html`` already HTML-escaped."""
    vis_js, vis_css = vis_assets()
    app_js, css, body = static_text("page.js"), static_text("page.css"), static_text("page.html")
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none';"
           " media-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'")
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"generator\" content=\"actorgraph\">\n",
        "<link rel=\"icon\" href=\"data:,\">\n",
        f"<title>{title_html}</title>\n",
        "<style>", vis_css, "</style>\n",
        "<style>", css, "</style>\n",
        "</head>\n<body>\n",
        body.replace("{title}", title_html),
        "<script type=\"application/json\" id=\"ag-data\">", data_json, "</script>\n",
        "<script>", vis_js, "</script>\n",
        "<script>", app_js, "</script>\n",
        "</body>\n</html>\n",
    ])
