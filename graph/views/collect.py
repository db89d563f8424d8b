"""What the page and the report show, read once: the one source of truth for every count.

``collect`` returns plain dicts - the interaction records the page embeds, one edge per (source,
relation, target) with its counts and time stubs, the actors drawn (every party to an interaction,
every official found in the text and the state an official serves), documents - and ``counts_of``
counts them. The page draws exactly these actors and edges, and the build's summary line and the
report quote the same ``Counts``, so the three can never disagree (``tests/test_views.py`` checks it
on the seeds). The reading itself is ``graph.views.gather``: SPARQL on a store, or on an rdflib
graph copied into an in-memory store, with at most ``per_edge`` sentences embedded per edge.

Every string here may come from an article and is untrusted: it is data, escaped by whoever writes
it out (JSON in a script block for the page, ``html.escape``/Markdown escapes for the report).
"""
from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL

from ..namespaces import AG, ONTOLOGY_DIR, SYMMETRIC
from ..store.store import Store
from .gather import EVIDENCE_PER_EDGE

__all__ = ["Counts", "collect", "counts_of", "date_bounds", "relation_meta", "relation_meta_in", "relation_schema",
           "search_names"]

from ..vocabulary import ACTOR_TYPES  # noqa: E402 - the ontology's actor classes, defined once
KINDS = ("State", "Official", "Person", "Organisation", "ArmedGroup", "CollectiveActor", "Actor")
MODALITIES = ("Asserted", "Reported", "Hypothetical", "Negated")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{3,8}$")
_QID_RE = re.compile(r"^Q[0-9]+$")
_DEFAULT_COLOUR = "#8a8a8a"
_NAME_KINDS = ("name", "capital", "demonym", "part")  # gazetteer alias kinds a search may use (not cities)


@dataclass(frozen=True)
class Counts:
    """How much the graph holds, counted once (see the module docstring).

    ``actors`` are the actors the page draws: parties to an interaction (any modality, a mediation's
    other party included), officials found in the text and the states they serve; ``officials`` is
    how many of them are officials. ``relations`` are the page's edges: one per (source, relation,
    target), symmetric relations unordered, a mediation linking the mediator to both parties."""

    documents: int
    actors: int
    officials: int
    relations: int
    interactions: int

    def sentence(self) -> str:
        """The line the CLI prints and the report and page repeat."""
        officials = f" ({self.officials} official{'s' if self.officials != 1 else ''})" if self.officials else ""
        return (f"{_n(self.documents, 'document')}, {_n(self.actors, 'actor')}{officials}, "
                f"{_n(self.relations, 'relation')}, {_n(self.interactions, 'interaction')}")

    def as_dict(self) -> dict[str, int]:
        return {"documents": self.documents, "actors": self.actors, "officials": self.officials,
                "relations": self.relations, "interactions": self.interactions}


def _n(k: int, noun: str) -> str:
    return f"{k:,} {noun}{'' if k == 1 else 's'}"


def counts_of(data: dict) -> Counts:
    """The counts of what :func:`collect` returned (documents and interactions of the whole graph,
    not only those the embedded records cite)."""
    totals = data.get("totals", {})
    return Counts(documents=totals.get("documents", len(data["documents"])), actors=len(data["nodes"]),
                  officials=sum(1 for n in data["nodes"].values() if n["type"] == "Official"),
                  relations=len(data["edges"]), interactions=totals.get("interactions", len(data["records"])))


# ---------------------------------------------------------------------------- small readers

class _Terms:
    """ag: terms as plain attributes, made once: rdflib's ``Namespace`` builds a new URIRef on every
    attribute access, which was a sixth of the time ``collect`` took at 2,000 actors."""

    def __getattr__(self, name: str) -> URIRef:
        term = AG[name]
        setattr(self, name, term)
        return term


_AG = _Terms()




def _local(iri) -> str:
    """Short, stable id for the page: the ag: local name, or the full IRI for anything foreign."""
    s = str(iri)
    return s[len(str(AG)):] if s.startswith(str(AG)) else s


def _iri(local: str) -> URIRef:
    """Inverse of ``_local``."""
    return URIRef(local) if "://" in local else AG[local]


def _num(value) -> float | None:
    try:
        return float(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        return None


def date_bounds(lexical: str) -> tuple[str, str] | None:
    """The day interval an xsd:date / gYearMonth / gYear covers, so partial dates filter by overlap."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", lexical)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        return (f"{year}-{month}-{day}",) * 2
    if month:
        last = calendar.monthrange(int(year), int(month))[1] if 1 <= int(month) <= 12 else 31
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


# ---------------------------------------------------------------------------- relations


def _schema(g: Graph | Store) -> Graph:
    """Relation colours and symmetry live in the ontology; read them from the graph or store if it
    carries the ontology (a store does), else from ``ontology/actorgraph.ttl``."""
    if isinstance(g, Store):
        found = g.query(f"""CONSTRUCT {{ ?r ?p ?o . ?q <{RDFS.label}> ?l }} WHERE {{ ?r <{AG.colour}> ?c ; ?p ?o .
                            OPTIONAL {{ ?r <{AG.quadClass}> ?q . ?q <{RDFS.label}> ?l }} }}""").graph
        return found if len(found) else _ontology_file()
    return g if (None, _AG.colour, None) in g else _ontology_file()


@lru_cache(maxsize=1)
def _ontology_file() -> Graph:
    onto = Graph()
    path = ONTOLOGY_DIR / "actorgraph.ttl"
    if path.exists():
        onto.parse(path, format="turtle")
    return onto


def _relation_order(rid: str) -> int:
    from ..namespaces import RELATIONS

    return RELATIONS.index(rid) if rid in RELATIONS else len(RELATIONS)


def relation_meta(g: Graph | Store, used: Iterable[str]) -> list[dict]:
    """Label, colour, direction and sign of each relation in use, in the ontology's order."""
    return relation_meta_in(_schema(g), used)


def relation_schema(g: Graph | Store) -> Graph:
    """What ``relation_meta_in`` reads, read once: the page's reader asks about each relation as it
    meets it (is it symmetric?) and about all of them at the end."""
    return _schema(g)


def relation_meta_in(schema: Graph, used: Iterable[str]) -> list[dict]:
    """``relation_meta`` from a schema already read (``relation_schema``)."""
    out = []
    for rid in sorted(set(used), key=lambda r: (_relation_order(r), r)):
        prop = _iri(rid)
        colour = str(schema.value(prop, _AG.colour) or _DEFAULT_COLOUR)
        label = schema.value(prop, RDFS.label)
        quad = schema.value(prop, _AG.quadClass)
        quad_label = schema.value(quad, RDFS.label) if quad is not None else None
        out.append({
            "id": rid,
            "label": str(label) if label else rid,
            "colour": colour if _COLOUR_RE.match(colour) else _DEFAULT_COLOUR,
            "symmetric": (prop, RDF.type, OWL.SymmetricProperty) in schema or rid in SYMMETRIC,
            "sign": int(_num(schema.value(prop, _AG.sign)) or 0),
            "quad": str(quad_label) if quad_label else "",
        })
    return out


# ---------------------------------------------------------------------------- interactions


def _utf16(text: str, index: int) -> int:
    """JavaScript counts string positions in UTF-16 units; Python in code points."""
    return len(text[:index].encode("utf-16-le")) // 2


def collect(g: Graph | Store, gz=None, per_edge: int | None = EVIDENCE_PER_EDGE) -> dict:  # noqa: ANN001 - a Gazetteer
    """Everything the page and the report show, as plain JSON-able data (before any cut), from an
    rdflib graph or a store (``graph.views.gather``); ``per_edge`` sentences embedded per edge (None:
    all of them).

    ``gz`` supplies the names a search may use (aliases, capitals, surnames); without it they are
    read from the graph when it carries the gazetteer (a store does), else from ``ontology/``."""
    from ..store.read import memory_store
    from .gather import gather

    return gather(g if isinstance(g, Store) else memory_store(g), gz, per_edge)


# ---------------------------------------------------------------------------- search names


def search_names(g: Graph | Store, actor_ids: Iterable[str], gz=None) -> dict[str, list[str]]:  # noqa: ANN001
    """Other names an analyst may type for each actor: aliases and abbreviations ("US", "U.S."),
    capitals ("Washington"), demonyms, government parts ("Pentagon") and, for people, the surname.

    Why: the page's search answered "no such actor" for names the extractor itself knows. The
    gazetteer is the source (the one the build used, ``gz``); a graph read back from a store carries
    it in its ontology graph; a bare graph file falls back to the gazetteer under ``ontology/``."""
    ids = set(actor_ids)
    if gz is not None:
        table = _names_from_gazetteer(gz, ids)
    elif isinstance(g, Store) and g.query(f"ASK {{ ?a <{AG.alias}> ?n }}").askAnswer:
        table = _names_from_store(g, ids)
    elif not isinstance(g, Store) and (None, _AG.alias, None) in g:
        table = _names_from_graph(g, ids)
    else:
        table = _names_from_gazetteer(_default_gazetteer(), ids)
    for aid in ids:
        if aid.startswith("P_"):  # "Araghchi" for Abbas Araghchi, from the id written from the name
            table.setdefault(aid, set()).add(aid.rsplit("_", 1)[-1])
    return {aid: sorted(v) for aid, v in table.items() if aid in ids}


def _names_from_gazetteer(gz, ids: set[str]) -> dict[str, set[str]]:  # noqa: ANN001
    table: dict[str, set[str]] = defaultdict(set)
    for alias in gz.aliases:
        if alias.actor in ids and alias.kind in _NAME_KINDS:
            table[alias.actor].add(alias.text)
    return table


def _names_from_graph(g: Graph, ids: set[str]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for aid in ids:
        node = _iri(aid)
        for p in (_AG.alias, _AG.capital, _AG.demonym, _AG.partName):
            for value in g.objects(node, p):
                table[aid].add(str(value).split("|", 1)[0].strip())
    return table


def _names_from_store(store: Store, ids: set[str]) -> dict[str, set[str]]:
    from ..store.read import _chunks, select

    table: dict[str, set[str]] = defaultdict(set)
    props = " ".join(f"<{p}>" for p in (_AG.alias, _AG.capital, _AG.demonym, _AG.partName))
    for chunk in _chunks(sorted(ids)):
        values = " ".join(f"<{_iri(a)}>" for a in chunk)
        for b in select(store, f"SELECT ?a ?v WHERE {{ VALUES ?a {{ {values} }} VALUES ?p {{ {props} }} ?a ?p ?v }}"):
            table[_local(b["a"])].add(str(b["v"]).split("|", 1)[0].strip())
    return table


@lru_cache(maxsize=1)
def _default_gazetteer():  # noqa: ANN202 - graph.gazetteer.Gazetteer
    from .. import gazetteer

    return gazetteer.load()
