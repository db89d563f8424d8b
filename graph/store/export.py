"""Export the graph for other tools: RDF (Turtle, TriG, N-Quads, JSON-LD), Gephi (GraphML, GEXF), CSV.

Why each format:

* ``turtle`` - every graph merged (what ``out/graph.ttl`` holds); ``trig``/``nquads``/``jsonld`` keep the
  named graphs, i.e. which document said what, so another store can re-import them losslessly.
* ``graphml``/``gexf`` - the *actor network* for Gephi/Cytoscape: nodes are actors (``label``, ``type``,
  analysis scores when present), one edge per (source, target, relation) with ``relation``, ``weight``
  (supporting asserted/reported Interactions; 1 for a stated triple with no Interaction behind it),
  ``evidence_count`` (distinct evidence sentences), ``documents``, ``mean_confidence``, ``cameo`` (the
  most frequent CAMEO code) and ``label``. Hypothetical and negated claims are not edges.
* ``csv`` - one row per Interaction, every modality, for spreadsheets. Cells that start with ``= + - @``
  get a leading apostrophe: article text is untrusted and spreadsheets execute formulas.

All RDF goes through pyoxigraph (fast on a million triples); every file is written atomically.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..errors import ActorgraphError
from ..fileio import atomic_output
from ..namespaces import AG, PREFIXES, RELATIONS
from .store import Store, _term, open_source, quads

__all__ = ["FORMATS", "SUFFIX", "FACTUAL", "CSV_COLUMNS", "ExportError", "export", "export_trig_and_turtle", "render", "write",
    "actor_network", "interactions_csv", "output_format"]

FORMATS = ("turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv")
SUFFIX = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld",
          "graphml": ".graphml", "gexf": ".gexf", "csv": ".csv"}
_BY_SUFFIX = {v: k for k, v in SUFFIX.items()} | {".turtle": "turtle", ".json": "jsonld"}
_SUFFIXES = " ".join(sorted(_BY_SUFFIX, key=lambda s: FORMATS.index(_BY_SUFFIX[s])))
# RDF syntaxes actorgraph reads by these suffixes but does not write: a file named so must hold them.
_READ_ONLY = {".nt": "N-Triples", ".rdf": "RDF/XML", ".owl": "RDF/XML"}
from ..vocabulary import ACTOR_TYPES  # noqa: E402 - the ontology's actor classes, defined once
FACTUAL = (AG.Asserted, AG.Reported)
_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
_SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
CSV_COLUMNS = ("source", "source_label", "relation", "target", "target_label", "modality", "confidence",
               "date", "cameo", "document", "source_path", "trigger", "sentence", "interaction")


class ExportError(ActorgraphError):
    """The export format is unknown or the output cannot be written."""


def export(source: Store | Dataset | Graph | str | Path, fmt: str, out_path: str | Path | None) -> str | Path:
    """Write ``source`` in ``fmt`` to ``out_path`` atomically, streamed as it is serialised (``None`` or
    ``"-"``: return the text)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if out_path is None or str(out_path) == "-":
        return render(source, fmt).decode("utf-8")
    try:
        with _opened(source) as store, atomic_output(Path(out_path)) as fh:
            write(store, fmt, fh)
        return Path(out_path)
    except OSError as exc:
        raise ExportError(f"cannot write {out_path}: {exc.strerror or exc}") from None


def render(source: Store | Dataset | Graph | str | Path, fmt: str) -> bytes:
    """The exported bytes (what ``export`` writes)."""
    buf = io.BytesIO()
    with _opened(source) as store:
        write(store, fmt, buf)
    return buf.getvalue()


@contextmanager
def _opened(source: Store | Dataset | Graph | str | Path) -> Iterator[ox.Store]:
    """A pyoxigraph store holding ``source`` (a path is opened, read and closed)."""
    opened = None
    if isinstance(source, (str, Path)):
        source = opened = open_source(source)
    try:
        yield _as_ox(source)
    finally:
        if opened is not None:
            opened.close()


def write(store: ox.Store, fmt: str, fh: BinaryIO) -> None:
    """Serialise ``store`` in ``fmt`` into the binary file ``fh`` as it is read (RDF formats stream)."""
    if fmt == "turtle":
        _merged(store.quads_for_pattern(None, None, None, None), fh)
    elif fmt in ("trig", "nquads"):  # Oxigraph's own dump: no Python object per quad
        store.dump(fh, ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS,
                   prefixes=_PREFIXES if fmt == "trig" else None)
    elif fmt == "jsonld":
        ox.serialize(store.quads_for_pattern(None, None, None, None), fh, ox.RdfFormat.JSON_LD)
    elif fmt == "csv":
        fh.write(interactions_csv(store).encode("utf-8"))
    else:
        g = _xml_safe(actor_network(store))
        if fmt == "graphml":
            nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True)
        else:
            nx.write_gexf(g, fh, encoding="utf-8", prettyprint=True)


def _merged(quads: Iterable[ox.Quad], fh: BinaryIO) -> None:
    """Turtle of every graph merged: each triple is in one graph (``graph.store.derived``), so once.
    Each quad's triple is taken with ``attrgetter`` mapped in C, not a generator expression that
    rebuilt it in Python (2.2 s against 1.25 s for 840,000 quads, measured; the same bytes)."""
    ox.serialize(map(attrgetter("triple"), quads), fh, ox.RdfFormat.TURTLE, prefixes=_PREFIXES)


def export_trig_and_turtle(source: Store, trig_path: str | Path, turtle_path: str | Path) -> None:
    """A build's graph.trig and graph.ttl. Why not two ``export`` calls: reading the store is what an
    export costs (every term of every quad looked up on disk: 16 s for 2.7 million quads, measured),
    and the Turtle merges the very quads the TriG holds. So the TriG is dumped from the store and the
    Turtle made from the TriG just written, re-read by Oxigraph's parser in under half the time: the
    same triples, the same bytes (blank nodes aside, which a parser may relabel)."""
    export(source, "trig", trig_path)
    try:
        with atomic_output(Path(turtle_path)) as fh:
            _merged(ox.parse(path=str(trig_path), format=ox.RdfFormat.TRIG), fh)
    except OSError as exc:
        raise ExportError(f"cannot write {turtle_path}: {exc.strerror or exc}") from None


def _as_ox(source: Store | Dataset | Graph) -> ox.Store:
    """A pyoxigraph store holding ``source`` (the store itself when it already is one)."""
    if isinstance(source, Store):
        if source.ox is not None:
            return source.ox
        lines = []
        for s, p, o, g in quads(source):
            lines.append(f"{_term(s)} {_term(p)} {_term(o)}" + (f" {_term(g)}" if g is not None else "") + " .\n")
        return _loaded("".join(lines))
    if isinstance(source, Dataset) or getattr(source, "context_aware", False):
        lines = []
        for s, p, o, g in source.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            if name is None or name == DATASET_DEFAULT_GRAPH_ID:
                lines.append(f"{_term(s)} {_term(p)} {_term(o)} .\n")
            else:
                lines.append(f"{_term(s)} {_term(p)} {_term(o)} {_term(name)} .\n")
        return _loaded("".join(lines))
    if isinstance(source, Graph):
        return _loaded("".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in source))
    raise ExportError(f"cannot export a {type(source).__name__}")


def _loaded(nquads: str) -> ox.Store:
    store = ox.Store()
    store.load(input=nquads, format=ox.RdfFormat.N_QUADS)
    return store


def _select(store: ox.Store, sparql: str) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
    result = store.query(_SPARQL_PREFIXES + sparql, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: t for n, t in zip(names, row) if t is not None} for row in result]


def _local(term) -> str:  # noqa: ANN001 - pyoxigraph term
    """``ag:USA`` -> ``USA``; other IRIs stay whole; literals give their lexical form."""
    value = term.value
    return value[len(str(AG)):] if value.startswith(str(AG)) else value


def _relations(store: ox.Store) -> list[str]:
    """Relation IRIs: the declared ones plus any sub-property of ag:interactsWith in the data."""
    rels = {str(AG[r]) for r in RELATIONS}
    rels |= {r["r"].value for r in _select(store, "SELECT DISTINCT ?r WHERE { ?r rdfs:subPropertyOf+ ag:interactsWith }")}
    return sorted(rels)


def _labels_and_types(store: ox.Store) -> tuple[dict[str, str], dict[str, str]]:
    labels: dict[str, str] = {}
    for r in _select(store, "SELECT ?a ?l WHERE { ?a rdfs:label ?l } ORDER BY ?a (LANG(?l) != '' ) (LANG(?l) != 'en') STR(?l)"):
        labels.setdefault(r["a"].value, r["l"].value)
    types: dict[str, str] = {}
    values = " ".join(f"ag:{t}" for t in ACTOR_TYPES)
    for r in _select(store, f"SELECT ?a ?t WHERE {{ VALUES ?t {{ {values} }} ?a a ?t }} ORDER BY ?a ?t"):
        types.setdefault(r["a"].value, _local(r["t"]))
    return labels, types


def actor_network(source: Store | Dataset | Graph | ox.Store) -> nx.MultiDiGraph:
    """The actor network as a networkx MultiDiGraph keyed by relation (see the module docstring)."""
    store = source if isinstance(source, ox.Store) else _as_ox(source)
    rels = _relations(store)
    values = " ".join(f"<{r}>" for r in rels)
    supports: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    rows = _select(store, """SELECT ?i ?s ?rel ?t ?ev ?doc ?conf ?cameo WHERE {
        ?i a ag:Interaction ; ag:source ?s ; ag:relation ?rel ; ag:target ?t ; ag:modality ?m .
        FILTER (?m IN (ag:Asserted, ag:Reported))
        OPTIONAL { ?i ag:evidence ?ev } OPTIONAL { ?i ag:document ?doc }
        OPTIONAL { ?i ag:confidence ?conf } OPTIONAL { ?i ag:cameoCode ?cameo } }""")
    seen: set[str] = set()
    for r in rows:
        if r["i"].value in seen:  # a multi-valued optional would repeat the Interaction
            continue
        seen.add(r["i"].value)
        supports[(r["s"].value, r["rel"].value, r["t"].value)].append(r)
    direct = {(r["s"].value, r["rel"].value, r["t"].value)
              for r in _select(store, f"SELECT DISTINCT ?s ?rel ?t WHERE {{ VALUES ?rel {{ {values} }} ?s ?rel ?t }}")
              if isinstance(r["t"], ox.NamedNode)}
    default_cameo = {r["rel"].value: r["c"].value
                     for r in _select(store, "SELECT ?rel ?c WHERE { ?rel rdfs:subPropertyOf+ ag:interactsWith ; ag:cameoCode ?c }")}
    labels, types = _labels_and_types(store)
    scores: dict[str, dict[str, float | int]] = defaultdict(dict)
    for r in _select(store, """SELECT ?a ?p ?v WHERE { VALUES ?p { ag:degree ag:pagerank ag:betweenness ag:community }
                               ?a ?p ?v }"""):
        try:
            num = float(r["v"].value)
        except ValueError:
            continue
        name = _local(r["p"])
        scores[r["a"].value][name] = int(num) if name in ("degree", "community") else num

    g = nx.MultiDiGraph(name="actorgraph actor network")
    for src, rel, tgt in sorted(set(supports) | direct):
        for actor in (src, tgt):
            if actor not in g:
                node = _node_id(actor)
                g.add_node(node, label=labels.get(actor, _short(actor)), type=types.get(actor, "Actor"), iri=actor,
                           **scores.get(actor, {}))
        support = supports.get((src, rel, tgt), [])
        confs = [float(r["conf"].value) for r in support if "conf" in r]
        cameos = Counter(r["cameo"].value for r in support if "cameo" in r)
        cameo = min(cameos, key=lambda c: (-cameos[c], c)) if cameos else default_cameo.get(rel, "")
        relation = _short(rel)
        g.add_edge(_node_id(src), _node_id(tgt), key=relation, relation=relation, label=relation,
                   weight=len(support) or 1,
                   evidence_count=len({r["ev"].value for r in support if "ev" in r}),
                   documents=len({r["doc"].value for r in support if "doc" in r}),
                   mean_confidence=round(sum(confs) / len(confs), 3) if confs else 0.0,
                   cameo=cameo)
    return g


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` with every string that XML 1.0 cannot hold (control characters in a label) replaced by
    U+FFFD. Why: networkx writes them as they are, and one such label made the whole GraphML/GEXF file
    not well-formed - Gephi, networkx and every XML parser refuse it."""
    def clean(value):  # noqa: ANN001, ANN202
        return _XML_INVALID.sub("\ufffd", value) if isinstance(value, str) else value

    out = nx.MultiDiGraph(**{k: clean(v) for k, v in g.graph.items()})
    for node, data in g.nodes(data=True):
        out.add_node(clean(node), **{k: clean(v) for k, v in data.items()})
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(clean(u), clean(v), key=clean(key), **{k: clean(x) for k, x in data.items()})
    return out


def _node_id(iri: str) -> str:
    return iri[len(str(AG)):] if iri.startswith(str(AG)) else iri


def _short(iri: str) -> str:
    return _node_id(iri).rsplit("/", 1)[-1] if not iri.startswith(str(AG)) else _node_id(iri)


def interactions_csv(source: Store | Dataset | Graph | ox.Store) -> str:
    """One row per Interaction (every modality), ordered by document and position in it."""
    store = source if isinstance(source, ox.Store) else _as_ox(source)
    labels, _ = _labels_and_types(store)
    rows = _select(store, """SELECT ?i (SAMPLE(?s) AS ?src) (SAMPLE(?rel) AS ?r) (SAMPLE(?t) AS ?tgt)
          (SAMPLE(?m) AS ?mod) (SAMPLE(?conf) AS ?c) (SAMPLE(?date) AS ?d) (SAMPLE(?cameo) AS ?cm)
          (SAMPLE(?doc) AS ?document) (SAMPLE(?path) AS ?p) (SAMPLE(?trig) AS ?tr) (SAMPLE(?text) AS ?txt)
          (MIN(?start) AS ?pos)
        WHERE { ?i a ag:Interaction .
          OPTIONAL { ?i ag:source ?s } OPTIONAL { ?i ag:relation ?rel } OPTIONAL { ?i ag:target ?t }
          OPTIONAL { ?i ag:modality ?m } OPTIONAL { ?i ag:confidence ?conf } OPTIONAL { ?i ag:date ?date }
          OPTIONAL { ?i ag:cameoCode ?cameo } OPTIONAL { ?i ag:document ?doc OPTIONAL { ?doc ag:sourcePath ?path } }
          OPTIONAL { ?i ag:trigger ?trig } OPTIONAL { ?i ag:evidenceText ?text } OPTIONAL { ?i ag:charStart ?start } }
        GROUP BY ?i ORDER BY ?document ?pos ?i""")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)

    def v(row: dict, key: str, local: bool = False) -> str:
        term = row.get(key)
        if term is None:
            return ""
        return _local(term) if local else term.value

    for r in rows:
        src, tgt = r.get("src"), r.get("tgt")
        w.writerow([
            v(r, "src", True), _cell(labels.get(src.value, "") if src else ""),
            v(r, "r", True), v(r, "tgt", True), _cell(labels.get(tgt.value, "") if tgt else ""),
            v(r, "mod", True).lower(), v(r, "c"), v(r, "d"), v(r, "cm"), v(r, "document"),
            _cell(v(r, "p")), _cell(v(r, "tr")), _cell(v(r, "txt")), v(r, "i"),
        ])
    return buf.getvalue()


def _cell(text: str) -> str:
    """Defuse spreadsheet formulas in untrusted text (OWASP CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def output_format(fmt: str | None, output: str) -> str:
    """The format to write ``output`` in: ``fmt`` if given, else the one its suffix names (turtle on
    standard output). Why strict: a file whose suffix names another format (``-o g.nt`` written as
    Turtle) cannot be read back - actorgraph itself picks the parser by suffix - so an unknown suffix,
    or one that contradicts ``--format``, is an error rather than a silent Turtle file."""
    if output == "-":
        return fmt or "turtle"
    suffix = Path(output).suffix.lower()
    implied = _BY_SUFFIX.get(suffix)
    if suffix in _READ_ONLY:
        raise ExportError(f"cannot write {_READ_ONLY[suffix]} ({output!r}): use one of {_SUFFIXES}")
    if fmt is None and implied is None:
        raise ExportError(f"cannot tell the format from {output!r}: use a suffix ({_SUFFIXES}) or --format")
    if fmt is not None and implied is not None and implied != fmt:
        raise ExportError(f"--format {fmt} does not match the suffix of {output!r} ({suffix} is {implied}); "
                          f"use a {SUFFIX[fmt]} file name")
    return fmt or implied  # type: ignore[return-value]
