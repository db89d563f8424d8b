"""Check a graph against ``ontology/shapes.ttl`` (SHACL: compiled to SPARQL, else pyshacl).

Why: the extractor, the gazetteer and hand-written Turtle all feed the same store; the shapes are the
contract that every Interaction has its evidence, one source/target/relation, a modality from the
four, a confidence in [0, 1], typed dates, and that offices say whose they are. ``build`` calls
``validate()`` at the end and fails on violations; ``actorgraph validate`` checks any store or file.

The shapes are compiled to SPARQL queries that Oxigraph runs (``graph.store.shacl``: the store is checked
as it is, at the speed of its indexes, never loaded into rdflib); shapes the compiler does not know
go to pyshacl. The ontology (``ontology/actorgraph.ttl``) is mixed into the data when the data lacks it,
so shapes can ask "is this relation a sub-property of ag:interactsWith" even of a graph that does not
carry the schema. Results with severity ``sh:Warning`` are listed but do not make the graph
non-conforming.

``actorgraph validate`` also checks what SHACL cannot see (``consistency``): a store left mid-write or
damaged, an analysis graph that is missing or was computed over another set of documents (an
interrupted build or ingest left exactly that, and still "conformed"), and - for the outputs of a
build - files that are not the ones its ``generation.json`` lists.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import XSD

from ..errors import ActorgraphError
from ..namespaces import AG, GRAPHS, ONTOLOGY_DIR, PREFIXES
from .shacl import Unsupported, compile_shapes
from .store import Store, _term, open_source, quads, union_graph

__all__ = ["SHAPES_FILE", "SCHEMA_FILE", "SH", "SCHEMA_GRAPH", "ValidationSetupError", "Violation",
    "validate", "run_checks", "consistency", "Check", "check_source"]

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
SCHEMA_FILE = ONTOLOGY_DIR / "actorgraph.ttl"
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA_GRAPH = GRAPHS["schema"]  # where the schema goes in a scratch copy of data that lacks it
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


class ValidationSetupError(ActorgraphError):
    """The shapes or the ontology cannot be read."""


@dataclass(frozen=True)
class Violation:
    """One SHACL result, reduced to what a person needs to find and fix it."""

    severity: str  # Violation | Warning | Info
    focus: str
    path: str
    value: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        value = f" = {self.value}" if self.value else ""
        return f"{self.severity}: {where}{value}: {self.message}"


def validate(graph: Graph | Dataset | Store | ox.Store, shapes: Graph | str | Path | None = None, *,
             engine: str = "auto") -> tuple[bool, str, list[Violation]]:
    """(conforms, report text, results) for ``graph`` - every graph of a Dataset/Store merged.

    ``conforms`` ignores warnings; ``results`` lists violations first, then warnings. ``engine``:
    "sparql" (``graph.store.shacl``), "pyshacl", or "auto" (sparql unless the shapes need pyshacl)."""
    shapes_graph = shapes if isinstance(shapes, Graph) else _shapes(str(shapes) if shapes else "")
    if engine != "pyshacl":
        try:
            checks = _compiled(shapes_graph)
        except Unsupported:
            if engine == "sparql":
                raise
        else:
            with _sparql_data(graph) as inner:
                found = run_checks(inner, checks, shapes_graph)
            conforms = not any(v.severity == "Violation" for v in found)
            return conforms, _report_text(conforms, found), found
    return _validate_pyshacl(graph, shapes_graph)


def _validate_pyshacl(graph: Graph | Dataset | Store, shapes_graph: Graph) -> tuple[bool, str, list[Violation]]:
    import pyshacl

    if isinstance(graph, ox.Store):
        graph = _graph_of(graph)
    data = _checkable(graph)
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none",
        allow_warnings=True, abort_on_first=False, advanced=False, meta_shacl=False,
    )
    violations = sorted(_violations(results, data), key=lambda v: (v.severity != "Violation", v.focus, v.path, v.message))
    return bool(conforms), str(text), violations


_COMPILED: dict[int, tuple[Graph, list]] = {}


def _compiled(shapes_graph: Graph) -> list:
    """The shapes compiled once per shapes graph (the default one is read once: ``_shapes``)."""
    found = _COMPILED.get(id(shapes_graph))
    if found is None or found[0] is not shapes_graph:
        found = _COMPILED[id(shapes_graph)] = (shapes_graph, compile_shapes(shapes_graph))
    return found[1]


def run_checks(inner: ox.Store, checks: list, shapes_graph: Graph) -> list[Violation]:
    """Every violation the compiled ``checks`` find in ``inner`` (the union of its graphs), each once,
    violations first."""
    from .store import _rdflib_terms

    convert = _rdflib_terms()
    out: dict[Violation, None] = {}
    for check in checks:
        for row in inner.query(check.sparql, use_default_graph_as_union=True):
            focus = convert(row["f"])
            value = convert(row["v"]) if "v" in check.sparql.split("WHERE", 1)[0] else None
            out.setdefault(Violation(severity=check.severity, focus=_show(focus),
                                     path=_show_path(shapes_graph, check.path) if check.path is not None else "",
                                     value=_show(value), message=_one_line(check.message), shape=_show(check.shape)))
    return sorted(out, key=lambda v: (v.severity != "Violation", v.focus, v.path, v.message))


def _report_text(conforms: bool, found: list[Violation]) -> str:
    return "\n".join([f"Validation Report\nConforms: {conforms}\nResults ({len(found)}):", *map(str, found)]) + "\n"


@contextmanager
def _sparql_data(graph: Graph | Dataset | Store | ox.Store) -> Iterator[ox.Store]:
    """An Oxigraph store holding ``graph`` and the schema: a store directory as it is (it carries
    the schema in its ontology graph), anything else copied into memory with the schema added."""
    if isinstance(graph, ox.Store) and _has_schema(graph):
        yield graph
        return
    if isinstance(graph, Store) and graph.ox is not None and _has_schema(graph.ox):
        yield graph.ox
        return
    inner = ox.Store()
    if isinstance(graph, ox.Store):
        inner.bulk_extend(graph.quads_for_pattern(None, None, None, None))
    elif isinstance(graph, Store) and graph.ox is not None:
        inner.bulk_extend(graph.ox.quads_for_pattern(None, None, None, None))
    else:
        triples = (q[:3] for q in quads(graph)) if isinstance(graph, Store) else _triples(graph)
        inner.load(input="".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in triples),
                   format=ox.RdfFormat.N_TRIPLES)
    inner.load(input=_schema_ntriples(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(SCHEMA_GRAPH)))
    yield inner


def _triples(graph: Graph | Dataset) -> Iterator[tuple]:
    if isinstance(graph, (Dataset, ConjunctiveGraph)):
        return (q[:3] for q in graph.quads((None, None, None, None)))
    return graph.triples((None, None, None))


def _has_schema(inner: ox.Store) -> bool:
    return bool(inner.query(f"ASK {{ <{AG.pressures}> <{RDFS.subPropertyOf}>+ <{AG.interactsWith}> . "
                            f"<{AG.State}> <{RDFS.subClassOf}>+ <{AG.Actor}> }}", use_default_graph_as_union=True))


@lru_cache(maxsize=1)
def _schema_ntriples() -> str:
    return "".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in _schema()
                   if not isinstance(s, BNode) and not isinstance(o, BNode))


def _graph_of(inner: ox.Store) -> Graph:
    from oxrdflib._converter import from_ox

    g = Graph()
    g += ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in inner.quads_for_pattern(None, None, None, None))
    return g


def _checkable(graph: Graph | Dataset | Store) -> Graph:
    """A fresh graph: the data (all named graphs merged) plus the schema, literals re-read from their
    lexical form. Re-reading matters: rdflib keeps ``Literal(0.85, datatype=xsd:decimal)`` as a float,
    which pyshacl rejects as "not an xsd:decimal" although it is one once written to Turtle or a store."""
    if isinstance(graph, Store):
        source: Graph = union_graph(graph)
        triples = source.triples((None, None, None))
    elif isinstance(graph, (Dataset, ConjunctiveGraph)):
        triples = (q[:3] for q in graph.quads((None, None, None, None)))
    elif isinstance(graph, Graph):
        triples = graph.triples((None, None, None))
    else:
        raise TypeError(f"cannot validate a {type(graph).__name__}")
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    g += ((s, p, _reread(o)) for s, p, o in triples)
    g += _schema()
    return g


def _reread(term):  # noqa: ANN001, ANN202 - rdflib node
    if isinstance(term, Literal) and term.datatype is not None:
        return Literal(str(term), datatype=term.datatype)
    return term


@lru_cache(maxsize=4)
def _shapes(path: str) -> Graph:
    return _parse(Path(path) if path else SHAPES_FILE)


@lru_cache(maxsize=1)
def _schema() -> Graph:
    return _parse(SCHEMA_FILE)


def _parse(path: Path) -> Graph:
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except FileNotFoundError:
        raise ValidationSetupError(f"{path}: no such file") from None
    except Exception as exc:  # noqa: BLE001 - rdflib parser errors come in many types
        raise ValidationSetupError(f"{path}: not valid Turtle ({_one_line(str(exc))})") from None
    return g


def _violations(results: Graph, data: Graph) -> list[Violation]:
    """One Violation per distinct (severity, focus, path, value, message).

    Why distinct: pyshacl gives one result per failed *constraint component*, and a property shape
    with several (``ag:confidence "high"`` fails sh:datatype, sh:minInclusive and sh:maxInclusive)
    shares one sh:message, so the same problem would be listed and counted three times. Shapes
    without a message fall back to the component's name and so stay separate."""
    out: dict[Violation, None] = {}  # ordered set
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for r in results.objects(report, SH.result):  # top-level results only, not nested sh:detail
            sev = results.value(r, SH.resultSeverity)
            message = results.value(r, SH.resultMessage) or results.value(r, SH.sourceConstraintComponent) or ""
            out.setdefault(Violation(
                severity=str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation",
                focus=_show(results.value(r, SH.focusNode)),
                path=_show_path(results, results.value(r, SH.resultPath)),
                value=_show(results.value(r, SH.value)),
                message=_one_line(str(message)),
                shape=_show(results.value(r, SH.sourceShape)),
            ))
    return list(out)


def _show(term) -> str:  # noqa: ANN001 - rdflib node
    if term is None or isinstance(term, BNode):
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)):
                return f"{prefix}:{str(term)[len(str(ns)):]}"
        return f"<{term}>"
    if isinstance(term, Literal) and term.datatype in (None, XSD.string) and not term.language:
        return _one_line(Literal(str(term)).n3())  # a plain string reads as "high", not "high"^^xsd:string
    return _one_line(term.n3())


def _show_path(results: Graph, path) -> str:  # noqa: ANN001 - rdflib node
    """``ag:date``, or ``rdfs:subPropertyOf+`` for the one complex path the shapes use."""
    if isinstance(path, BNode):
        inner = results.value(path, SH.oneOrMorePath)
        return _show(inner) + "+" if inner is not None else "(path)"
    return _show(path)


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def consistency(src: Store, source: str | Path) -> list[Violation]:
    """Violations (and warnings) SHACL cannot see: see the module docstring."""
    from . import generation
    from .. import outputs

    found = [Violation(severity, src.spec, "", "", message, "actorgraph:generation")
             for severity, message in generation.problems(src)]
    folder = _output_folder(source)
    if folder is not None:
        found += [Violation(severity, str(folder), "", "", message, "actorgraph:outputs")
                  for severity, message in outputs.problems(folder, generation.committed_generation)]
    return found


def _output_folder(source: str | Path) -> Path | None:
    """The build output folder ``source`` (a store or graph file) lies in, if it has a manifest."""
    from ..outputs import MANIFEST, STAGING

    text = str(source)
    if "://" in text:
        return None
    folder = Path(text).parent
    if (folder / MANIFEST).exists() or any(folder.glob(f"{STAGING}*")):
        return folder
    return None


@dataclass(frozen=True)
class Check:
    """What ``check_source`` found: whether the source conforms, every result, and the source's name."""

    conforms: bool
    results: list[Violation]
    where: str

    @property
    def violations(self) -> int:
        """How many results are violations (the others are warnings and notes)."""
        return sum(v.severity == "Violation" for v in self.results)


def check_source(source: str | Path, shapes: str | Path | None = None) -> Check:
    """Everything ``actorgraph validate`` checks of a store or RDF file: its consistency (a store left
    mid-write, a stale analysis, outputs that are not the build's) and the SHACL ``shapes``. The source
    is opened without the readers' own consistency check, since reporting it is the point here."""
    with open_source(source, check=False) as src:
        found = consistency(src, source)
        conforms, _text, results = validate(src, shapes)
        where = src.spec
    conforms = conforms and not any(v.severity == "Violation" for v in found)
    return Check(conforms, found + results, where)
