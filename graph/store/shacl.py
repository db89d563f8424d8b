"""SHACL shapes compiled to SPARQL and run by Oxigraph: validation at the speed of the store.

Why: pyshacl checks about 9,000 triples a second here (measured: 173,000 triples in 18.7 s), so
checking a build of 10,000 articles (ten million triples) took longer than half its extraction, and
``validate`` on such a store needed the whole store in rdflib's memory. The shapes actorgraph uses are
SHACL Core constraints that SPARQL expresses directly; compiled once, each is one query that Oxigraph
answers from its indexes, on a store directory as it is or on a batch of documents before it is
written. pyshacl stays the reference: ``graph.store.validate`` falls back to it for shapes that use a
construct this compiler does not know (``Unsupported``), and the tests check that both report the same
results.

Supported: targets (``sh:targetClass`` - instances of its subclasses too -, ``sh:targetSubjectsOf``,
``sh:targetObjectsOf``, ``sh:targetNode``); paths (an IRI, ``sh:inversePath``, ``sh:oneOrMorePath``,
``sh:zeroOrMorePath``, sequences); ``sh:minCount``/``sh:maxCount`` (any count at the top level, 0 or 1
inside ``sh:node``/``sh:or``), ``sh:datatype`` (the lexical form must be valid: Oxigraph casts it),
``sh:nodeKind``, ``sh:class``, ``sh:in``, ``sh:hasValue``, ``sh:minLength``/``sh:maxLength``,
``sh:pattern``, ``sh:min/maxInclusive/Exclusive``, ``sh:lessThan``/``sh:lessThanOrEquals``,
``sh:node``, ``sh:or``, ``sh:and``, ``sh:not``, ``sh:severity``, ``sh:message``, ``sh:deactivated``.
The data must hold the class and property hierarchy (a store's ontology graph does).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import XSD

__all__ = ["SH", "CASTABLE", "Unsupported", "Check", "n3", "path_text", "target_pattern", "value_ok", "conforms",
    "compile_shapes"]

SH = Namespace("http://www.w3.org/ns/shacl#")
CASTABLE = {XSD.date, XSD.gYear, XSD.gYearMonth, XSD.decimal, XSD.integer, XSD.boolean, XSD.dateTime, XSD.double,
            XSD.float, XSD.time, XSD.duration}
_NODE_KINDS = {SH.IRI: "isIRI({v})", SH.Literal: "isLITERAL({v})", SH.BlankNode: "isBLANK({v})",
               SH.BlankNodeOrIRI: "(isBLANK({v}) || isIRI({v}))", SH.IRIOrLiteral: "(isIRI({v}) || isLITERAL({v}))",
               SH.BlankNodeOrLiteral: "(isBLANK({v}) || isLITERAL({v}))"}
_COMPARE = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_VALUE_KEYS = (SH.datatype, SH.nodeKind, SH["class"], SH["in"], SH.minLength, SH.maxLength, SH.pattern,
               *_COMPARE, SH.node, SH["or"], SH["and"], SH["not"])
_KNOWN = {*_VALUE_KEYS, SH.path, SH.minCount, SH.maxCount, SH.hasValue, SH.lessThan, SH.lessThanOrEquals,
          SH.severity, SH.message, SH.name, SH.description, SH.order, SH.group, SH.property, SH.targetClass,
          SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.deactivated, SH.flags, RDF.type,
          RDFS.comment, RDFS.label}


class Unsupported(Exception):
    """The shapes use a SHACL construct this compiler does not handle (pyshacl checks them instead)."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT of ``?f`` (the focus node) and perhaps ``?v`` (the value)
    that returns the violations."""

    sparql: str
    severity: str  # Violation | Warning | Info
    path: URIRef | BNode | None
    message: str
    shape: URIRef | BNode
    component: str


def n3(term: object) -> str:
    """A term in SPARQL syntax."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise Unsupported(f"a blank node as a value in a shape ({term})")


class _Vars:
    """Fresh variable names for nested patterns."""

    def __init__(self) -> None:
        self._n = itertools.count()

    def __call__(self, stem: str = "x") -> str:
        return f"?{stem}{next(self._n)}"


# ---------------------------------------------------------------- paths and targets


def path_text(shapes: Graph, path: object) -> str:
    """A SHACL path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return f"<{path}>"
    if not isinstance(path, BNode):
        raise Unsupported(f"path {path!r}")
    if (path, RDF.first, None) in shapes:
        return "/".join(path_text(shapes, p) for p in Collection(shapes, path))
    for key, wrap in ((SH.inversePath, "^({})"), (SH.oneOrMorePath, "({})+"), (SH.zeroOrMorePath, "({})*"),
                      (SH.zeroOrOnePath, "({})?")):
        inner = shapes.value(path, key)
        if inner is not None:
            return wrap.format(path_text(shapes, inner))
    raise Unsupported("a path form other than IRI, sequence, inverse, one/zero-or-more, zero-or-one")


def target_pattern(shapes: Graph, shape: object) -> str | None:
    """A group pattern binding ``?f`` to every focus node of ``shape`` (None: no target)."""
    parts = []
    for cls in shapes.objects(shape, SH.targetClass):
        parts.append(f"?f <{RDF.type}>/<{RDFS.subClassOf}>* {n3(cls)} .")
    for p in shapes.objects(shape, SH.targetSubjectsOf):
        parts.append(f"?f {n3(p)} ?target_o .")
    for p in shapes.objects(shape, SH.targetObjectsOf):
        parts.append(f"?target_s {n3(p)} ?f .")
    for node in shapes.objects(shape, SH.targetNode):
        parts.append(f"VALUES ?f {{ {n3(node)} }}")
    if not parts:
        return None
    return " UNION ".join(f"{{ {p} }}" for p in parts)


# ---------------------------------------------------------------- value constraints as expressions


def value_ok(shapes: Graph, shape: object, v: str, fresh: _Vars) -> list[tuple[str, str]]:
    """(component, SPARQL expression true when ``v`` satisfies it) for every value-level constraint of
    ``shape`` (a node or property shape)."""
    out = []
    for key in _VALUE_KEYS:
        for value in shapes.objects(shape, key):
            out.append((key.rsplit("#", 1)[-1], _one_value(shapes, shape, key, value, v, fresh)))
    return out


def _one_value(shapes: Graph, shape: object, key: URIRef, value: object, v: str, fresh: _Vars) -> str:
    if key == SH.datatype:
        return _datatype(value, v)
    if key == SH.nodeKind:
        if value not in _NODE_KINDS:
            raise Unsupported(f"sh:nodeKind {value}")
        return _NODE_KINDS[value].format(v=v)
    if key == SH["class"]:
        return f"EXISTS {{ {v} <{RDF.type}>/<{RDFS.subClassOf}>* {n3(value)} }}"
    if key == SH["in"]:
        return f"({v} IN ({', '.join(n3(x) for x in Collection(shapes, value))}))"
    if key in (SH.minLength, SH.maxLength):
        op = ">=" if key == SH.minLength else "<="
        return f"(!isBLANK({v}) && STRLEN(STR({v})) {op} {int(value)})"
    if key == SH.pattern:
        flags = shapes.value(shape, SH.flags)
        return f"(!isBLANK({v}) && REGEX(STR({v}), {Literal(str(value)).n3()}{', ' + Literal(str(flags)).n3() if flags else ''}))"
    if key in _COMPARE:
        return f"COALESCE({v} {_COMPARE[key]} {n3(value)}, false)"
    if key == SH.node:
        return conforms(shapes, value, v, fresh)
    members = list(Collection(shapes, value)) if key != SH["not"] else [value]
    inner = [conforms(shapes, m, v, fresh) for m in members]
    if key == SH["or"]:
        return "(" + " || ".join(inner) + ")"
    if key == SH["and"]:
        return "(" + " && ".join(inner) + ")"
    return f"(!{inner[0]})"


def _datatype(dt: object, v: str) -> str:
    """The value is a literal of datatype ``dt`` whose lexical form is valid for it."""
    if dt == XSD.string:
        return f'(isLITERAL({v}) && DATATYPE({v}) = <{XSD.string}> && LANG({v}) = "")'
    base = f"isLITERAL({v}) && DATATYPE({v}) = {n3(dt)}"
    if dt in CASTABLE:
        return f"({base} && COALESCE(DATATYPE(<{dt}>(STR({v}))) = <{dt}>, false))"
    return f"({base})"


def conforms(shapes: Graph, shape: object, v: str, fresh: _Vars) -> str:
    """An expression true when node ``v`` conforms to ``shape`` (used by sh:node, sh:or, sh:and, sh:not)."""
    _check_known(shapes, shape)
    parts = [expr for _c, expr in value_ok(shapes, shape, v, fresh)]
    for value in shapes.objects(shape, SH.hasValue):
        parts.append(f"sameTerm({v}, {n3(value)})")
    if (shape, SH.path, None) in shapes:  # a property shape used as a node's condition
        parts.append(_property_holds(shapes, shape, v, fresh))
    for prop in shapes.objects(shape, SH.property):
        _check_known(shapes, prop)
        parts.append(_property_holds(shapes, prop, v, fresh))
    return "(" + " && ".join(parts or ["true"]) + ")"


def _property_holds(shapes: Graph, prop: object, v: str, fresh: _Vars) -> str:
    """An expression true when node ``v`` satisfies the property shape ``prop``."""
    path = path_text(shapes, shapes.value(prop, SH.path))
    parts = []
    low, high = shapes.value(prop, SH.minCount), shapes.value(prop, SH.maxCount)
    if low is not None and int(low) > 0:
        if int(low) > 1:
            raise Unsupported("sh:minCount above 1 inside sh:node, sh:or, sh:and or sh:not")
        parts.append(f"EXISTS {{ {v} {path} {fresh()} }}")
    if high is not None:
        if int(high) > 1:
            raise Unsupported("sh:maxCount above 1 inside sh:node, sh:or, sh:and or sh:not")
        a, b = fresh(), fresh()
        parts.append(f"NOT EXISTS {{ {v} {path} {a} }}" if int(high) == 0 else
                     f"NOT EXISTS {{ {v} {path} {a}, {b} FILTER (!sameTerm({a}, {b})) }}")
    for value in shapes.objects(prop, SH.hasValue):
        parts.append(f"EXISTS {{ {v} {path} {n3(value)} }}")
    x = fresh()
    for _component, expr in value_ok(shapes, prop, x, fresh):
        parts.append(f"NOT EXISTS {{ {v} {path} {x} FILTER (!{expr}) }}")
    if shapes.value(prop, SH.lessThan) is not None or shapes.value(prop, SH.lessThanOrEquals) is not None:
        raise Unsupported("sh:lessThan inside sh:node, sh:or, sh:and or sh:not")
    return "(" + " && ".join(parts or ["true"]) + ")"


def _check_known(shapes: Graph, shape: object) -> None:
    unknown = {p for p in shapes.predicates(shape, None) if p not in _KNOWN}
    if unknown:
        raise Unsupported(", ".join(sorted(str(p) for p in unknown)))


# ---------------------------------------------------------------- top-level checks


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted shape in ``shapes``, as queries (``Unsupported`` if one
    cannot be compiled)."""
    checks: list[Check] = []
    fresh = _Vars()
    for shape in sorted(set(_shapes_with_targets(shapes)), key=str):
        if _deactivated(shapes, shape):
            continue
        _check_known(shapes, shape)
        focus = target_pattern(shapes, shape)
        checks += _node_checks(shapes, shape, focus, fresh)
        for prop in sorted(shapes.objects(shape, SH.property), key=str):
            if not _deactivated(shapes, prop):
                _check_known(shapes, prop)
                checks += _property_checks(shapes, shape, prop, focus, fresh)
    return checks


def _shapes_with_targets(shapes: Graph) -> Iterator[object]:
    for key in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
        yield from shapes.subjects(key, None)


def _deactivated(shapes: Graph, shape: object) -> bool:
    return str(shapes.value(shape, SH.deactivated) or "").lower() == "true"


def _meta(shapes: Graph, shape: object) -> tuple[str, str | None]:
    severity = shapes.value(shape, SH.severity)
    message = shapes.value(shape, SH.message)
    return (str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            str(message) if message is not None else None)


def _node_checks(shapes: Graph, shape: object, focus: str, fresh: _Vars) -> list[Check]:
    severity, message = _meta(shapes, shape)
    checks = []
    for component, expr in value_ok(shapes, shape, "?f", fresh):
        checks.append(Check(f"SELECT DISTINCT ?f (?f AS ?v) WHERE {{ {focus} FILTER (!{expr}) }}", severity, None,
                            message or f"the node does not satisfy sh:{component}", shape, component))
    for value in shapes.objects(shape, SH.hasValue):
        checks.append(Check(f"SELECT DISTINCT ?f WHERE {{ {focus} FILTER (!sameTerm(?f, {n3(value)})) }}", severity,
                            None, message or f"the node is not {value}", shape, "hasValue"))
    return checks


def _property_checks(shapes: Graph, shape: object, prop: object, focus: str, fresh: _Vars) -> list[Check]:
    path_node = shapes.value(prop, SH.path)
    path = path_text(shapes, path_node)
    severity, message = _meta(shapes, prop)
    checks = []

    def add(sparql: str, component: str, default: str) -> None:
        checks.append(Check(sparql, severity, path_node, message or default, prop, component))

    low, high = shapes.value(prop, SH.minCount), shapes.value(prop, SH.maxCount)
    if low is not None and int(low) == 1:
        add(f"SELECT DISTINCT ?f WHERE {{ {focus} FILTER NOT EXISTS {{ ?f {path} ?x }} }}", "minCount", "no value")
    elif low is not None and int(low) > 1:
        add(f"SELECT ?f WHERE {{ {{ SELECT ?f (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {{ SELECT DISTINCT ?f WHERE {{ {focus} }} }} "
            f"OPTIONAL {{ ?f {path} ?x }} }} GROUP BY ?f }} FILTER (?n < {int(low)}) }}",
            "minCount", f"fewer than {int(low)} values")
    if high is not None:
        add(f"SELECT ?f WHERE {{ {{ SELECT ?f (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {{ SELECT DISTINCT ?f WHERE {{ {focus} }} }} "
            f"?f {path} ?x }} GROUP BY ?f }} FILTER (?n > {int(high)}) }}", "maxCount", f"more than {int(high)} value(s)")
    for value in shapes.objects(prop, SH.hasValue):
        add(f"SELECT DISTINCT ?f WHERE {{ {focus} FILTER NOT EXISTS {{ ?f {path} {n3(value)} }} }}",
            "hasValue", f"no value {value}")
    for key, op in ((SH.lessThan, "<"), (SH.lessThanOrEquals, "<=")):
        for other in shapes.objects(prop, key):
            add(f"SELECT DISTINCT ?f ?v WHERE {{ {focus} ?f {path} ?v . ?f {n3(other)} ?w "
                f"FILTER (!COALESCE(?v {op} ?w, false)) }}", key.rsplit("#", 1)[-1], f"a value is not {op} {other}")
    for component, expr in value_ok(shapes, prop, "?v", fresh):
        add(f"SELECT DISTINCT ?f ?v WHERE {{ {focus} ?f {path} ?v FILTER (!{expr}) }}", component,
            f"a value does not satisfy sh:{component}")
    return checks
