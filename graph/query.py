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
from rdflib.namespace import XSD
from rdflib.query import Result

from .errors import QueryError
from .namespaces import AG, ONTOLOGY_DIR, PREFIXES

QUERY_DIR = ONTOLOGY_DIR / "queries"
FORMATS = ("table", "csv", "tsv", "json")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\s]*>")
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
    """``source=USA`` -> (source, ag:USA); ``x=ag:ISR``; ``name="Oman"`` -> a literal; ``n=4``,
    ``confidence=0.85`` -> numbers; ``date=2025-06`` -> a date (matched as a prefix, see with_bindings)."""
    if "=" not in value:
        raise QueryError(f"--bind expects VAR=VALUE, got {value!r}")
    var, raw = value.split("=", 1)
    var = var.strip().lstrip("?")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", var):
        raise QueryError(f"--bind: {var!r} is not a variable name")
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return var, Literal(raw[1:-1])
    if re.fullmatch(r"[+-]?\d+", raw):
        return var, Literal(int(raw))
    if re.fullmatch(r"[+-]?\d*\.\d+", raw):
        return var, Literal(raw, datatype=XSD.decimal)
    date = re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", raw)
    if date:  # a date or its start: --bind date=2025-06 matches every date in June 2025
        return var, Literal(raw, datatype=XSD.date if date.group(2) else XSD.gYearMonth if date.group(1) else XSD.gYear)
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


def parse_bindings(values: list[str]) -> dict[str, URIRef | Literal]:
    """Every ``--bind VAR=VALUE``; a variable given twice is an error. Why: a dict kept only the last
    value, so ``--bind source=USA --bind source=ISR`` silently showed Israel's rows alone, where the
    user may well have meant "either"."""
    out: dict[str, URIRef | Literal] = {}
    for value in values:
        var, term = parse_binding(value)
        if var in out:
            raise QueryError(f"--bind: ?{var} is given twice (one value per variable; run the query once per value)")
        out[var] = term
    return out


def with_bindings(text: str, bindings: dict[str, URIRef | Literal]) -> str:
    """Pin variables in the outermost WHERE clause (works the same on every store; rdflib's
    initBindings is not honoured by all of them).

    An IRI pinned on a variable that a required pattern binds becomes a VALUES block at the top, so
    the joins start from it (index lookups). Everything else becomes a FILTER at the end of the
    clause, after the OPTIONALs: a VALUES block would join *into* an OPTIONAL and fill the pinned
    value into rows that have none. Numbers compare as numbers, a date ("2025-06") matches the
    dates it starts, a quoted string the lexical form."""
    if not bindings:
        return text
    masked = _mask(text)
    m = re.search(r"\bWHERE\s*\{", masked, flags=re.I)
    if not m:
        raise QueryError("--bind needs a query with a WHERE clause")
    close = _matching_brace(masked, m.end() - 1)
    body = masked[m.end():close]
    values, filters = [], []
    for var, value in bindings.items():
        if not re.search(rf"[?$]{re.escape(var)}\b", masked):
            raise QueryError(f"--bind: the query has no variable ?{var}")
        if isinstance(value, URIRef) and not _only_optional(body, var):
            values.append(f"VALUES ?{var} {{ {value.n3()} }}")
        else:
            filters.append(_condition(var, value))
    head = " ".join(values)
    tail = f" FILTER ({' && '.join(filters)})" if filters else ""
    return text[:m.end()] + (" " + head + " " if head else "") + text[m.end():close] + tail + " " + text[close:]


_DATE_TYPES = (XSD.date, XSD.gYearMonth, XSD.gYear, XSD.dateTime)


def _condition(var: str, value: URIRef | Literal) -> str:
    if isinstance(value, Literal) and value.datatype in _DATE_TYPES:
        return f"STRSTARTS(STR(?{var}), {Literal(str(value)).n3()})"
    if isinstance(value, Literal) and value.datatype is None:
        return f"(BOUND(?{var}) && STR(?{var}) = {value.n3()})"
    if isinstance(value, Literal) and value.datatype == XSD.integer and re.fullmatch(r"\d{4}", str(value)):
        # "2025": a count of 2025 or the year 2025 - whichever the variable holds
        dated = " || ".join(f"DATATYPE(?{var}) = {t.n3()}" for t in _DATE_TYPES)
        return (f"(BOUND(?{var}) && (?{var} = {value.n3()} || (isLITERAL(?{var}) && ({dated}) "
                f"&& STRSTARTS(STR(?{var}), \"{value}\"))))")
    return f"(BOUND(?{var}) && ?{var} = {value.n3()})"


def _mask(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (same length), so that braces, keywords
    and variables are only looked for in the query's structure."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            end = min(j + 1, n)
        elif ch == "<" and (iri := _IRIREF.match(text, i)):
            end = iri.end()
        elif ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
        else:
            i += 1
            continue
        for k in range(i, end):
            if out[k] != "\n":
                out[k] = " "
        i = end
    return "".join(out)


def _matching_brace(masked: str, at: int) -> int:
    depth = 0
    for k in range(at, len(masked)):
        if masked[k] == "{":
            depth += 1
        elif masked[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    raise QueryError("the query's WHERE clause is not closed")


def _only_optional(body: str, var: str) -> bool:
    """Does ``?var`` occur in ``body`` only inside OPTIONAL blocks?"""
    spans = [(o.end() - 1, _matching_brace(body, o.end() - 1)) for o in re.finditer(r"\bOPTIONAL\s*\{", body, re.I)]
    places = [v.start() for v in re.finditer(rf"[?$]{re.escape(var)}\b", body)]
    return bool(places) and all(any(a < p < b for a, b in spans) for p in places)


_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*\S+|BASE\s+\S+)\s*)*(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b",
                     re.I)


def run_query(source, text: str, bindings: dict[str, URIRef | Literal] | None = None) -> Result:
    """Run SPARQL ``text`` against ``source`` (Graph, file path or store); one-line errors."""
    text = with_bindings(text, bindings or {})
    update = _UPDATE.match(_mask(text))
    if update:
        raise QueryError(f"{update.group(1).upper()} is an update; actorgraph query runs read-only queries "
                         "(SELECT, ASK, CONSTRUCT, DESCRIBE)")
    graph = open_source(source)
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
    if fmt == "json" and result.type in ("SELECT", "ASK"):
        # SPARQL 1.1 JSON results for both (ASK was {"head": ["ask"], "rows": [["true"]]}: a string, and
        # a different shape from SELECT's), ending in a newline like every other format
        return result.serialize(format="json").decode("utf-8") + "\n"
    header, body = rows(result, nm)
    if fmt == "json":
        return json.dumps({"head": header, "rows": body}, ensure_ascii=False, indent=1) + "\n"
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
    from .cli import positive_int

    # positive: --width 0 printed "tru…" for "true" and a negative width only "…"
    p.add_argument("--width", type=positive_int, default=80, help="clip table cells to this many characters")


def run_cli(args) -> int:
    if args.list or not (args.name or args.query or args.file):
        for q in saved_queries().values():
            print(f"{q.name:22} {q.description}")
        return 0
    bindings = parse_bindings(args.bind)
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
