"""SPARQL results for the endpoint: content negotiation and serialisation (JSON, XML, CSV, TSV for
SELECT/ASK; Turtle, JSON-LD, N-Triples, RDF/XML for CONSTRUCT/DESCRIBE).

Standard library and pyoxigraph only: this runs in the query workers (``graph.endpoint.pool``), which
start often (a worker is replaced after every stopped query) and should not import rdflib or spaCy.
"""
from __future__ import annotations

import csv
import io
import json
import re
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..errors import ActorgraphError

__all__ = [
    "FORMAT_ALIASES", "GRAPH_KINDS", "GRAPH_OFFERS", "MEDIA", "RDF_LANGSTRING", "SOLUTION_OFFERS", "XSD_STRING",
    "graph_iris", "negotiate", "Refused", "serialize_boolean", "serialize_solutions", "serialize_triples"
]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# format name -> (media type, is it for solutions (SELECT/ASK) or graphs (CONSTRUCT/DESCRIBE))
MEDIA = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "turtle": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml", "html": "text/html",
}
SOLUTION_OFFERS = [("application/sparql-results+json", "json"), ("application/json", "json"),
                   ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
                   ("text/csv", "csv"), ("text/tab-separated-values", "tsv"), ("text/html", "html")]
GRAPH_OFFERS = [("text/turtle", "turtle"), ("application/x-turtle", "turtle"), ("application/ld+json", "jsonld"),
                ("application/json", "jsonld"), ("application/n-triples", "nt"), ("text/plain", "nt"),
                ("application/rdf+xml", "rdfxml"), ("application/xml", "rdfxml"), ("text/html", "html")]
FORMAT_ALIASES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
                  "html": "html", "turtle": "turtle", "ttl": "turtle", "jsonld": "jsonld", "json-ld": "jsonld",
                  "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf": "rdfxml"}
GRAPH_KINDS = ("CONSTRUCT", "DESCRIBE")


class Refused(ActorgraphError):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------- content negotiation


def negotiate(kind: str, accept: str | None, fmt: str | None) -> str:
    """The result format for a query of ``kind`` from ``format=`` (wins) or the Accept header.

    >>> negotiate("SELECT", "text/csv", None), negotiate("CONSTRUCT", None, "json")
    ('csv', 'jsonld')
    """
    graph = kind in GRAPH_KINDS
    offers = GRAPH_OFFERS if graph else SOLUTION_OFFERS
    if fmt:
        name = FORMAT_ALIASES.get(fmt.strip().lower())
        if graph and name == "json":
            name = "jsonld"
        if graph and name == "xml":
            name = "rdfxml"
        if name is None or name not in {n for _m, n in offers}:
            choices = sorted({n for _m, n in offers})
            raise Refused(400, f"format={fmt} is not available for {kind} results (choose from {', '.join(choices)})")
        return name
    if not accept or not accept.strip():
        return offers[0][1]
    ranges = _accept_ranges(accept)
    best, best_q = None, 0.0
    for media, name in offers:
        q = _quality(media, ranges)
        if q > best_q:
            best, best_q = name, q
    if best is None:
        wanted = ", ".join(m for m, _n in offers)
        raise Refused(406, f"cannot answer {kind} with {accept!r} (available: {wanted})")
    return best


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    out = []
    for part in accept.split(","):
        bits = [b.strip() for b in part.split(";")]
        media, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(b[2:])))
                except ValueError:
                    q = 0.0
        if media:
            out.append((media, q))
    return out


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range that matches ``media`` (RFC 9110 12.5.1)."""
    main = media.split("/")[0]
    found = [(3, q) for r, q in ranges if r == media] or [(2, q) for r, q in ranges if r == f"{main}/*"] \
        or [(1, q) for r, q in ranges if r == "*/*"]
    return max(found)[1] if found else 0.0


# ---------------------------------------------------------------- serialising results (in the worker)


def _json_term(t) -> dict:  # noqa: ANN001 - pyoxigraph term
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    return {"type": "literal", "value": str(t)}


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return xml_escape(_XML_BAD.sub("\ufffd", text))


def _xml_term(t) -> str:  # noqa: ANN001 - pyoxigraph term
    j = _json_term(t)
    if j["type"] == "uri":
        return f"<uri>{_xml_text(j['value'])}</uri>"
    if j["type"] == "bnode":
        return f"<bnode>{_xml_text(j['value'])}</bnode>"
    if j["type"] == "triple":
        return f"<literal>{_xml_text(str(t))}</literal>"
    attrs = f" xml:lang={quoteattr(j['xml:lang'])}" if "xml:lang" in j else (
        f" datatype={quoteattr(j['datatype'])}" if "datatype" in j else "")
    return f"<literal{attrs}>{_xml_text(j['value'])}</literal>"


def _csv_value(t) -> str:  # noqa: ANN001 - pyoxigraph term
    j = _json_term(t)
    return "_:" + j["value"] if j["type"] == "bnode" else (str(t) if j["type"] == "triple" else j["value"])


def _tsv_value(t) -> str:  # noqa: ANN001 - pyoxigraph term
    return str(t).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def serialize_solutions(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """SPARQL results (JSON/XML/CSV/TSV) for SELECT ``rows`` of pyoxigraph terms (None = unbound)."""
    if fmt in ("json", "html"):
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(variables, row) if t is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        for row in rows:
            w.writerow(["" if t is None else _csv_value(t) for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else _tsv_value(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(fmt)


def serialize_boolean(value: bool, fmt: str) -> bytes:
    if fmt in ("json", "html"):
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    if fmt == "csv":
        return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()
    return f"?_askResult\n{'true' if value else 'false'}\n".encode()


def serialize_triples(triples: list, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    import pyoxigraph as ox

    if fmt == "html":
        return serialize_solutions(["subject", "predicate", "object"],
                                   [[t.subject, t.predicate, t.object] for t in triples], "json")
    rdf_fmt = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES,
               "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    return ox.serialize(triples, format=rdf_fmt, prefixes=prefixes if fmt == "turtle" else None)


def graph_iris(param: str, values: list[str]) -> list:
    """``default-graph-uri``/``named-graph-uri`` values as pyoxigraph IRIs, or ``Refused`` (400).

    Why checked: they come straight from the request, and ``NamedNode`` raises on a value that is not
    an absolute IRI; uncaught in a worker, that killed the worker (500 "worker died") for a typo."""
    import pyoxigraph as ox

    out = []
    for value in values:
        try:
            out.append(ox.NamedNode(value))
        except ValueError as exc:
            raise Refused(400, f"{param}={value!r} is not an absolute IRI ({_one_line(str(exc))})") from None
    return out


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(_CONTROL.sub(" ", str(text)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

