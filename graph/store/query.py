"""SPARQL over a built graph: saved queries by name, ad-hoc ones, aligned tables or CSV/JSON.

Saved queries are plain ``.rq`` files in ``ontology/queries/`` (the first comment line is the
description), so analysts add their own without touching Python. A source is a Turtle/TriG/N-Quads
file or an Oxigraph store directory.

Saved listings are pages, like datasette's: ``query --name evidence`` prints the first 1,000 rows in the
listing's documented order (its ``ORDER BY``) and says how many there are ("1,000 of 26,829 rows");
``--offset N`` gives the next ones, ``--limit 0`` every row (streamed, in CSV/TSV/JSON). A listing with a
page formulation (``queries/page/NAME.rq``) pages on a local store in the time of the page, not of the
listing, from the summaries the derive step keeps (``graph.store.summary``): a grouped listing ranks its
dyads' summaries (``LIMIT 1000 OFFSET 0`` replaced, with a ``# count:`` query); a sorted one is a
*bounded* page - its ``# keys:`` query counts the rows of each sort key value in the listing's order,
the keys the page's rows fall in fill its ``VALUES ?key { }``, and only their rows are looked up. Its
``# if:`` line (an ASK) says whether the summaries are current; when they are not, or on a remote
store, or for any other listing, the listing is read through, the page kept and the rest counted.

Everything printed is untrusted article text: control characters (terminal escape sequences) are
removed from table output, and CSV/JSON use their own standard quoting.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TextIO

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from ..errors import QueryError
from ..namespaces import AG, ONTOLOGY_DIR, PREFIXES

__all__ = ["QUERY_DIR", "FORMATS", "SavedQuery", "saved_queries", "saved_query", "open_source",
    "parse_binding", "parse_bindings", "with_bindings", "run_query", "rows", "format_result", "DEFAULT_PAGE",
    "Rows", "select_rows", "page_note", "write_rows", "resolve_query", "write_query"]

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
    page: str | None = None  # queries/page/NAME.rq: a page of the listing, LIMIT 1000 OFFSET 0 replaced
    count: str | None = None  # its "# count:" query: how many rows the whole listing has
    condition: str | None = None  # its "# if:" ASK: the page formulation holds only while it is true
    keys: str | None = None  # its "# keys:" query: (?key ?rows) in the listing's order, for a bounded page
    key: str | None = None  # its "# key:" line: the column that holds the key in the page's rows

    def page_text(self, limit: int, offset: int) -> str:
        """The page formulation for ``limit`` rows from ``offset`` (its ``LIMIT 1000 OFFSET 0`` replaced)."""
        return _PAGE_RANGE.sub(f"LIMIT {int(limit)} OFFSET {int(offset)}", self.page or "", count=1)

    def text_for(self, bindings: dict[str, URIRef | Literal] | None = None) -> str:
        """The text to run with ``bindings`` pinned: the plain formulation when there are bindings and
        none of them names an aggregate (``(COUNT(...) AS ?sentences)``), else the saved text."""
        if bindings and self.plain is not None and not any(
                re.search(rf"\bAS\s+\?{re.escape(v)}\b", self.plain, re.I) for v in bindings):
            return with_bindings(self.plain, bindings)
        return with_bindings(self.text, bindings or {})


_PAGE_RANGE = re.compile(r"\bLIMIT\s+1000\s+OFFSET\s+0\b")
_COUNT_LINE = re.compile(r"^#\s*count:\s*(.+)$", re.M)
_IF_LINE = re.compile(r"^#\s*if:\s*(.+)$", re.M)
_KEYS_LINE = re.compile(r"^#\s*keys:\s*(.+)$", re.M)
_KEY_LINE = re.compile(r"^#\s*key:\s*\??(\w+)\s*$", re.M)
_KEY_VALUES = re.compile(r"VALUES\s+\?key\s*\{\s*\}")
_UNDATED_VALUES = re.compile(r"VALUES\s+\?undated\s*\{\s*\}")


def saved_queries(directory: Path = QUERY_DIR) -> dict[str, SavedQuery]:
    """Every ``.rq`` file in ``directory`` by name (file stem), with its ``plain/`` and ``page/`` twins."""
    out = {}
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((ln for ln in text.splitlines() if ln.strip()), "")
        desc = first.lstrip("#").strip() if first.lstrip().startswith("#") else ""
        twin, page_file = directory / "plain" / path.name, directory / "page" / path.name
        plain = twin.read_text(encoding="utf-8") if twin.is_file() else None
        page = page_file.read_text(encoding="utf-8") if page_file.is_file() else None
        out[path.stem] = SavedQuery(path.stem, desc, text, path, plain, **_page_parts(page))
    return out


def _page_parts(page: str | None) -> dict:
    """A page file's formulation and its comment lines: ``# count:`` and a ``LIMIT 1000 OFFSET 0`` to
    replace (a sorted page), or ``# keys:``, ``# key:`` and a ``VALUES ?key { }`` to fill (a bounded
    page); ``# if:`` for either. A file that says neither is ignored."""
    if not page:
        return {}
    line = lambda pattern: (m.group(1) if (m := pattern.search(page)) else None)  # noqa: E731
    count, keys, key, condition = line(_COUNT_LINE), line(_KEYS_LINE), line(_KEY_LINE), line(_IF_LINE)
    sorted_page = count is not None and _PAGE_RANGE.search(page)
    bounded = keys is not None and key is not None and _KEY_VALUES.search(page)
    if not (sorted_page or bounded):
        return {}
    prologue = lambda q: _with_prologue(page, q) if q else None  # noqa: E731
    return {"page": page, "count": prologue(count), "condition": prologue(condition),
            "keys": prologue(keys) if bounded else None, "key": key if bounded else None}


def _with_prologue(page: str, query: str) -> str:
    """The count (or condition) query with the page file's PREFIX lines before it."""
    prologue = "".join(line + "\n" for line in page.splitlines() if line.strip().upper().startswith("PREFIX"))
    return prologue + query


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
    _refuse_updates(text)
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
    return _table(header, [[_safe(c) for c in r] for r in body], max_width)


# ------------------------------------------------------------------------------------------- pages

DEFAULT_PAGE = 1000  # rows a saved listing prints unless --limit says otherwise (0: all)


@dataclass
class Rows:
    """A SELECT's variables and rows (rdflib terms, None where unbound), streamed; ``total`` is the
    number of rows of the whole listing when only a page of it is shown (``offset`` where it starts)."""

    names: list[str]
    rows: Iterator[tuple]
    total: int | None = None
    offset: int = 0


def select_rows(store, text: str, *, page_of: SavedQuery | None = None, limit: int = 0,  # noqa: ANN001 - a Store
                offset: int = 0) -> Rows | None:
    """The rows of the SELECT ``text`` on ``store`` - all of them (``limit`` 0), or ``limit`` rows from
    ``offset`` with the whole listing's count - or None when ``text`` is no SELECT. A page of a saved
    listing with a page formulation (``page_of``) on a local store runs that formulation and its count
    query, if its condition holds; any other page reads the listing through, keeping the page and
    counting the rest."""
    if limit and page_of is not None and page_of.page and store.ox is not None and _holds(store, page_of.condition):
        if page_of.keys:
            return _bounded_page(store, page_of, limit, offset)
        total = int(next(iter(_solutions(store, page_of.count).rows))[0])
        rows = _solutions(store, page_of.page_text(limit, offset))
        return Rows(rows.names, rows.rows, total, offset) if rows is not None else None
    rows = _solutions(store, text)
    if rows is None or not limit:
        return rows
    it = iter(rows.rows)
    skipped = sum(1 for _ in islice(it, offset))
    kept = list(islice(it, limit))
    rest = sum(1 for _ in it)  # counted, not kept
    return Rows(rows.names, iter(kept), skipped + len(kept) + rest, offset)


def _bounded_page(store, saved: SavedQuery, limit: int, offset: int) -> Rows | None:  # noqa: ANN001 - a Store
    """A page read from the rows of the keys it falls in: the listing's key counts (``saved.keys``, in
    its order) say which keys hold rows ``offset`` to ``offset + limit`` and how many rows of the first
    to skip; those keys' rows are looked up (``VALUES ?key``; ``?undated`` for the rows without a key)
    and put in the keys' order, each key's rows in the order the store gives them (the listing's ties)."""
    import pyoxigraph as ox

    from .store import _rdflib_terms

    options = {"prefixes": {k: str(v) for k, v in PREFIXES.items()}, "use_default_graph_as_union": True}
    counts = [(None if key is None else str(key), int(rows.value)) for key, rows in store.ox.query(saved.keys, **options)]
    chosen, skip, seen = _keys_for(counts, offset, limit)
    text = _KEY_VALUES.sub("VALUES ?key { " + " ".join(k for k in chosen if k is not None) + " }", saved.page or "", count=1)
    text = _UNDATED_VALUES.sub("VALUES ?undated { true }" if None in chosen else "VALUES ?undated { }", text, count=1)
    found = store.ox.query(text, **options)
    if not isinstance(found, ox.QuerySolutions):
        return None
    names = [v.value for v in found.variables]
    at, place = names.index(saved.key or ""), {k: n for n, k in enumerate(chosen)}
    rows = sorted(found, key=lambda row: place.get(None if row[at] is None else str(row[at]), len(place)))
    convert = _rdflib_terms()
    page = [tuple(convert(t) for t in row) for row in rows[skip:skip + limit]]
    return Rows(names, iter(page), seen, offset)


def _keys_for(counts: list[tuple[str | None, int]], offset: int, limit: int) -> tuple[list, int, int]:
    """(the keys whose rows cover rows ``offset`` to ``offset + limit`` of the listing, the rows of the
    first of them to skip, the listing's rows in all) from its (key, rows) counts in its order."""
    chosen: list[str | None] = []
    before, skip = 0, 0
    for key, rows in counts:
        if before + rows > offset and before < offset + limit:
            if not chosen:
                skip = offset - before
            chosen.append(key)
        before += rows
    return chosen, skip, before


def _holds(store, condition: str | None) -> bool:  # noqa: ANN001 - a Store
    """Whether a page formulation's ``# if:`` ASK is true on ``store`` (no condition: always)."""
    if condition is None:
        return True
    return bool(store.ox.query(condition, prefixes={k: str(v) for k, v in PREFIXES.items()},
                               use_default_graph_as_union=True))


def _solutions(store, text: str) -> Rows | None:  # noqa: ANN001 - a Store
    """A SELECT's rows streamed from a local store (each term converted once), or read from a remote
    endpoint's answer; None for ASK, CONSTRUCT and DESCRIBE."""
    from .store import query as store_query

    if store.ox is None:
        result = store_query(store, text)
        if result.type != "SELECT":
            return None
        names = [str(v) for v in result.vars]
        return Rows(names, (tuple(r) for r in result))
    import pyoxigraph as ox

    from .store import _rdflib_terms

    try:
        found = store.ox.query(text, prefixes={k: str(v) for k, v in PREFIXES.items()}, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {' '.join(str(exc).split())[:300]}") from None
    if not isinstance(found, ox.QuerySolutions):
        return None
    convert = _rdflib_terms()
    return Rows([v.value for v in found.variables], (tuple(convert(t) for t in row) for row in found))


def page_note(rows: Rows, shown: int) -> str | None:
    """'1,000 of 26,829 rows (--limit 0 for all, --offset N)' when a page shows part of a listing."""
    if rows.total is None or (rows.offset == 0 and shown >= rows.total):
        return None
    if rows.offset == 0:
        return f"{shown:,} of {rows.total:,} rows (--limit 0 for all, --offset N)"
    where = f"rows {rows.offset + 1:,}–{rows.offset + shown:,}" if shown else f"no rows from row {rows.offset + 1:,}"
    return f"{where} of {rows.total:,} (--limit 0 for all, --offset N)"


def write_rows(rows: Rows, fmt: str, out: TextIO, *, width: int = 80, err: TextIO | None = None) -> int:
    """Write ``rows`` in ``fmt`` to ``out`` as they come (CSV, TSV, JSON; a table needs them all for its
    widths); the page note goes after the table, or to ``err`` for the other formats. Returns the
    number of rows written."""
    nm = _namespace_manager()
    if fmt == "table":
        body = [[_safe(_cell(t, nm)) for t in row] for row in rows.rows]
        note = page_note(rows, len(body))
        out.write(_table(rows.names, body, width, note))
        return len(body)
    n = _stream(rows, fmt, out, nm)
    note = page_note(rows, n)
    if note and err is not None:
        print(note, file=err)
    return n


def _stream(rows: Rows, fmt: str, out: TextIO, nm) -> int:  # noqa: ANN001 - a NamespaceManager
    n = 0
    if fmt == "json":
        out.write(json.dumps({"head": {"vars": rows.names}})[:-1] + ', "results": {"bindings": [')
        for row in rows.rows:
            out.write(("," if n else "") + "\n" + json.dumps(
                {k: _json_term(t) for k, t in zip(rows.names, row) if t is not None}, ensure_ascii=False))
            n += 1
        out.write("\n]}}\n")
        return n
    w = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    w.writerow(rows.names)
    for row in rows.rows:
        cells = [_cell(t, nm) for t in row]
        w.writerow([_safe(c) for c in cells] if fmt == "tsv" else cells)
        n += 1
    return n


def _json_term(term) -> dict:  # noqa: ANN001 - an rdflib term
    """A term in SPARQL 1.1 JSON results."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def _namespace_manager():  # noqa: ANN202
    nm = Graph().namespace_manager
    for prefix, ns in PREFIXES.items():
        nm.bind(prefix, ns, override=True)
    return nm


def _table(header: list[str], cells: list[list[str]], max_width: int, note: str | None = None) -> str:
    clipped = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in cells]
    widths = [max([len(h)] + [len(r[i]) for r in clipped]) for i, h in enumerate(header)]
    line = lambda vals: "  ".join(v.ljust(widths[i]) for i, v in enumerate(vals)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in clipped]
    out.append(note or f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def resolve_query(*, name: str | None = None, text: str | None = None, file: str | Path | None = None,
                  bindings: dict[str, URIRef | Literal] | None = None) -> tuple[str, SavedQuery | None]:
    """The SPARQL to run - the saved query ``name``, the text of ``file``, or ``text`` - with
    ``bindings`` pinned, and the saved query it came from (None for an ad-hoc one). An update is
    refused here, before any store is opened: ``actorgraph query`` runs read-only queries only.

    >>> resolve_query(text="SELECT ?s WHERE { ?s ?p ?o }")[1] is None
    True
    """
    bindings = bindings or {}
    saved = saved_query(name) if name else None
    if saved is not None:
        resolved = saved.text_for(bindings)
    elif file:
        try:
            resolved = with_bindings(Path(file).read_text(encoding="utf-8"), bindings)
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{file}: cannot read query ({exc.__class__.__name__})") from None
    else:
        resolved = with_bindings(text or "", bindings)
    _refuse_updates(resolved)
    return resolved, saved


def write_query(source: str, text: str, out: TextIO, *, saved: SavedQuery | None = None, narrowed: bool = False,
                fmt: str = "table", width: int = 80, limit: int | None = None, offset: int = 0,
                err: TextIO | None = None) -> None:
    """Run ``text`` on the store or RDF file ``source`` and write its answer to ``out`` in ``fmt``.

    A saved listing (``saved``) prints a page of ``DEFAULT_PAGE`` rows unless ``limit`` says otherwise
    (0: every row, streamed), through its page formulation when it has one - unless ``narrowed`` (a
    variable was pinned), where the plain text is faster. ASK, CONSTRUCT and DESCRIBE are written whole."""
    from .store import open_source as open_store_source
    from .store import query as store_query

    limit = limit if limit is not None else (DEFAULT_PAGE if saved is not None else 0)
    with open_store_source(source) as store:
        rows = select_rows(store, text, page_of=None if narrowed else saved, limit=limit, offset=offset)
        if rows is None:  # ASK, CONSTRUCT, DESCRIBE: the whole answer
            out.write(format_result(store_query(store, text), fmt, width))
        else:
            write_rows(rows, fmt, out, width=width, err=err)


def _refuse_updates(text: str) -> None:
    update = _UPDATE.match(_mask(text))
    if update:
        raise QueryError(f"{update.group(1).upper()} is an update; actorgraph query runs read-only queries "
                         "(SELECT, ASK, CONSTRUCT, DESCRIBE)")
