"""SPARQL over a built graph: saved queries by name, ad-hoc ones, aligned tables or CSV/JSON.

Saved queries are plain ``.rq`` files in ``ontology/queries/`` (the first comment line is the
description), so analysts add their own without touching Python. A source is a Turtle/TriG/N-Quads
file or an Oxigraph store directory.

Everything printed is untrusted article text: control characters (terminal escape sequences) are
removed from table output, and CSV/JSON use their own standard quoting.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from .errors import QueryError
from .namespaces import AG, ONTOLOGY_DIR, PREFIXES

QUERY_DIR = ONTOLOGY_DIR / "queries"
FORMATS = ("table", "csv", "tsv", "json")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+")  # SPARQL IRIREF characters, with a scheme
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class SavedQuery:
    """A saved query; ``plain`` is its plain formulation (``queries/plain/NAME.rq``) when it has one.

    Some saved queries are shaped for Oxigraph on disk (every pattern a subquery, hash-joined) so that
    the whole listing is fast; a pinned variable cannot reach inside those subqueries, so a narrowed run
    (``--bind source=USA``) is faster on the plain text, where it turns the joins into index lookups."""
    name: str
    description: str
    text: str
    path: Path
    plain: str | None = None

    def text_for(self, bindings: dict[str, URIRef | Literal] | None = None) -> str:
        """The text to run with ``bindings`` pinned: the plain formulation when there are bindings and
        none of them names an aggregate (``(COUNT(...) AS ?sentences)``), else the saved text."""
        if bindings and self.plain is not None and not any(
                re.search(rf"\bAS\s+\?{re.escape(v)}\b", self.plain, re.I) for v in bindings):
            return with_bindings(self.plain, bindings)
        return with_bindings(self.text, bindings or {})


def saved_queries(directory: Path = QUERY_DIR) -> dict[str, SavedQuery]:
    """Every ``.rq`` file in ``directory`` by name (file stem), with its ``plain/`` twin if any."""
    out = {}
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((ln for ln in text.splitlines() if ln.strip()), "")
        desc = first.lstrip("#").strip() if first.lstrip().startswith("#") else ""
        twin = directory / "plain" / path.name
        plain = twin.read_text(encoding="utf-8") if twin.is_file() else None
        out[path.stem] = SavedQuery(path.stem, desc, text, path, plain)
    return out


def saved_query(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"no saved query named {name!r} (available: {', '.join(queries) or 'none'})")
    return queries[name]


def open_source(source: Path | str | Graph):
    """What to query: an rdflib Graph as is; a file, a store directory or an endpoint through
    ``graph.store.open_source`` (files are loaded into an in-memory Oxigraph: fast SPARQL)."""
    if isinstance(source, Graph):
        return source
    from .store import open_source as open_store_source  # pyoxigraph is imported only when used

    return open_store_source(source)


def parse_binding(value: str) -> tuple[str, URIRef | Literal]:
    """``source=USA`` -> (source, ag:USA); ``x=ag:ISR``; ``name="Oman"`` -> a literal."""
    if "=" not in value:
        raise QueryError(f"--bind expects VAR=VALUE, got {value!r}")
    var, raw = value.split("=", 1)
    var = var.strip().lstrip("?")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", var):
        raise QueryError(f"--bind: {var!r} is not a variable name")
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return var, Literal(raw[1:-1])
    if raw.startswith("<") and raw.endswith(">"):
        iri = raw[1:-1]
    elif ":" in raw and not raw.startswith("http") and raw.split(":", 1)[0] in PREFIXES:
        prefix, local = raw.split(":", 1)
        iri = str(PREFIXES[prefix]) + local
    elif raw.startswith(("http://", "https://")):
        iri = raw
    else:
        iri = str(AG) + raw
    # the value is pasted into the query text: only a well-formed absolute IRI may go there
    if not _IRI.fullmatch(iri):
        raise QueryError(f"--bind: {raw!r} is not an actor id, prefixed name or absolute IRI")
    return var, URIRef(iri)


def with_bindings(text: str, bindings: dict[str, URIRef | Literal]) -> str:
    """Pin variables by inserting a VALUES block at the top of the outermost WHERE clause.

    Works the same on every store (rdflib's initBindings is not honoured by all of them)."""
    if not bindings:
        return text
    m = re.search(r"\bWHERE\s*\{", text, flags=re.I)
    if not m:
        raise QueryError("--bind needs a query with a WHERE clause")
    values = " ".join(f"VALUES ?{k} {{ {v.n3()} }}" for k, v in bindings.items())
    return text[:m.end()] + " " + values + " " + text[m.end():]


def run_query(source, text: str, bindings: dict[str, URIRef | Literal] | None = None) -> Result:
    """Run SPARQL ``text`` against ``source`` (Graph, file path or store); one-line errors."""
    graph = open_source(source)
    text = with_bindings(text, bindings or {})
    try:
        return graph.query(text)
    except QueryError:
        raise
    except Exception as exc:  # pyparsing/rdflib/pyoxigraph errors all land here
        msg = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(f"invalid or failed query: {msg[:300]}") from None


def _cell(term, nm) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return nm.normalizeUri(term) if nm is not None else str(term)
        except Exception:
            return str(term)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def _safe(text: str) -> str:
    return _CONTROL.sub("", text.replace("\n", " ").replace("\r", " ").replace("\t", " "))


def rows(result: Result, nm=None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a SELECT/ASK result as strings (IRIs shortened with the known prefixes)."""
    if result.type == "ASK":
        return ["ask"], [[str(bool(result.askAnswer)).lower()]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return ["subject", "predicate", "object"], [[_cell(t, nm) for t in triple] for triple in result]
    header = [str(v) for v in result.vars]
    out = []
    for r in result:
        values = r.asdict()
        out.append([_cell(values.get(str(v)), nm) for v in result.vars])
    return header, out


def format_result(result: Result, fmt: str = "table", max_width: int = 80) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    nm = Graph().namespace_manager
    for prefix, ns in PREFIXES.items():
        nm.bind(prefix, ns, override=True)
    if fmt == "json" and result.type == "SELECT":
        return result.serialize(format="json").decode("utf-8")
    header, body = rows(result, nm)
    if fmt == "json":
        return json.dumps({"head": header, "rows": body}, ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(header)
        w.writerows([[_safe(c) for c in r] if fmt == "tsv" else r for r in body])
        return buf.getvalue()
    cells = [[_safe(c) for c in r] for r in body]
    clipped = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in cells]
    widths = [max([len(h)] + [len(r[i]) for r in clipped]) for i, h in enumerate(header)]
    line = lambda vals: "  ".join(v.ljust(widths[i]) for i, v in enumerate(vals)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in clipped]
    out.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------- CLI

def configure_parser(p) -> None:
    from .store import add_source_arguments

    add_source_arguments(p)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--name", "-n", help="run a saved query from ontology/queries/ by name")
    what.add_argument("-q", "--query", help="run this SPARQL query")
    what.add_argument("-f", "--file", help="run the SPARQL query in this file")
    what.add_argument("--list", action="store_true", help="list the saved queries")
    p.add_argument("--format", default="table", choices=FORMATS, help="output format (default: table)")
    p.add_argument("--bind", action="append", default=[], metavar="VAR=VALUE",
                   help="pin a variable, e.g. --bind source=USA --bind relation=pressures (repeatable)")
    p.add_argument("--width", type=int, default=80, help="clip table cells to this many characters")


def run_cli(args) -> int:
    if args.list or not (args.name or args.query or args.file):
        for q in saved_queries().values():
            print(f"{q.name:22} {q.description}")
        return 0
    bindings = dict(parse_binding(b) for b in args.bind)
    if args.name:
        text, bindings = saved_query(args.name).text_for(bindings), {}
    elif args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{args.file}: cannot read query ({exc.__class__.__name__})") from None
    else:
        text = args.query
    from .store import default_source

    result = run_query(default_source(args.store, args.graph), text, bindings)
    print(format_result(result, args.format, args.width), end="")
    return 0
