"""The query page's saved-query view: the readable query text, and its parameters as form fields.

The saved queries under ``ontology/queries/`` are written for Oxigraph on disk (every pattern a
subquery, hash-joined, with notes on why); each has a plain twin under ``queries/plain/`` that
returns the same rows. A reader of the page should see the plain one, and narrow it the way the CLI
does with ``--bind`` — here with one form field per variable the query returns (``source = USA``,
``date = 2025-06``). The run itself is what ``actorgraph query --name N --bind …`` runs
(``SavedQuery.text_for``): the tuned text unpinned, the plain one pinned.

Used by ``graph.endpoint.serve`` (which owns the HTTP side); everything written here is HTML-escaped.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SavedView", "parameters", "saved_view", "web_description"]

FIELD_PREFIX = "bind."
_SELECT = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\bWHERE\b", re.I | re.S)
HINT = 'an actor id (USA), a prefixed name (ag:ISR), a number, a date or its start (2025-06) or "quoted text"'


@dataclass
class SavedView:
    """What the page shows and runs for ``/?name=N&bind.VAR=VALUE…``."""

    run: str  # the text to run (empty when the bindings were refused)
    shown: str  # the readable text, as pinned
    form: str  # the HTML of the parameter form
    message: str = ""  # a one-line error about the bindings, if any


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def parameters(text: str) -> list[str]:
    """The variables a query returns that a form can pin: those named plainly in its SELECT clause
    (not an aggregate's ``(COUNT(…) AS ?n)``, which ``--bind`` cannot reach inside)."""
    m = _SELECT.search(_strip_comments(text))
    if not m:
        return []
    head = re.sub(r"\((?:[^()]|\([^()]*\))*\)", " ", m.group(1))  # drop (expr AS ?x) groups
    return list(dict.fromkeys(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", head)))


def _readable(text: str) -> str:
    """The query without its leading comment block (the description is shown apart)."""
    lines = text.splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("#")):
        lines.pop(0)
    return "\n".join(lines).strip() + "\n"


def _form(name: str, description: str, params: list[str], values: dict[str, str]) -> str:
    rows = "".join(
        f'<label class="param"><span>?{html.escape(p)}</span>'
        f'<input name="{html.escape(FIELD_PREFIX + p)}" value="{html.escape(values.get(p, ""), quote=True)}" '
        f'placeholder="any" autocomplete="off"></label>' for p in params)
    return (f'<form method="get" action="/" class="saved"><h2>{html.escape(name)}</h2>'
            f'<p>{html.escape(description)}</p><input type="hidden" name="name" value="{html.escape(name, quote=True)}">'
            + (f'<fieldset><legend>Narrow it: fill any of the fields</legend>{rows}'
               f'<p class="hint">Each value is {html.escape(HINT)}.</p></fieldset>' if params else "")
            + '<p><button type="submit">Run saved query</button></p></form>')


def saved_view(name: str, params: dict[str, list[str]], directory: Path | None = None) -> SavedView:
    """The run text, readable text and form of saved query ``name`` with the ``bind.VAR`` fields of
    ``params`` (a parsed query string). A refused value (not an id, IRI, number, date or quoted
    text) gives a message and nothing to run, as ``--bind`` would refuse it."""
    from ..errors import QueryError
    from ..store.query import QUERY_DIR, parse_bindings, saved_queries, with_bindings

    query = saved_queries(directory or QUERY_DIR)[name]
    readable = query.plain or query.text
    names = parameters(readable)
    values = {k[len(FIELD_PREFIX):]: v[0].strip() for k, v in params.items()
              if k.startswith(FIELD_PREFIX) and v and v[0].strip()}
    form = _form(name, web_description(query.description), names, values)
    try:
        bindings = parse_bindings([f"{k}={v}" for k, v in values.items()])
        run = query.text_for(bindings)
        shown = with_bindings(_readable(readable), bindings)
    except QueryError as exc:
        return SavedView("", _readable(readable), form, str(exc).replace("--bind: ", ""))
    return SavedView(run, shown, form)


def web_description(text: str) -> str:
    """A description written for the command line ("narrow it with --bind source=USA") reads, on the
    page, as the form below it."""
    return re.sub(r"\s*\((?:[^()]*)--bind[^()]*\)", " (narrow it with the fields below)", text)
