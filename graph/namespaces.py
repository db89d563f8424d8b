"""IRIs shared by every stage, so that the store, the queries and the page agree on names.

Actors, classes and properties share the ``ag:`` namespace (``ag:USA ag:pressures ag:ISR``).
Documents, sentences and interactions live under ``DOC`` and are named from the content hash, so
re-ingesting an unchanged article produces the very same triples.
"""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import Namespace, URIRef

AG = Namespace("https://w3id.org/actorgraph/ontology#")
CAMEO = Namespace("https://w3id.org/actorgraph/cameo#")
WD = Namespace("http://www.wikidata.org/entity/")
DOC = Namespace("https://w3id.org/actorgraph/doc/")
GRAPHS = Namespace("https://w3id.org/actorgraph/graph/")

ONTOLOGY_GRAPH = GRAPHS["ontology"]  # ontology, gazetteer, lexicon, CAMEO table
ANALYSIS_GRAPH = GRAPHS["analysis"]  # networkx results

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

PREFIXES = {
    "ag": AG,
    "cameo": CAMEO,
    "wd": WD,
    "doc": DOC,
    "rdf": Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "dct": Namespace("http://purl.org/dc/terms/"),
}

RELATIONS = (
    "pressures", "mediates", "negotiatesWith", "cooperatesWith", "alliedWith",
    "supports", "demands", "opposes", "threatens", "attacks",
)
SYMMETRIC = frozenset({"negotiatesWith", "cooperatesWith", "alliedWith"})


def doc_iri(doc_id: str) -> URIRef:
    """The document node, which is also the name of the document's named graph."""
    return DOC[doc_id]


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return DOC[f"{doc_id}/s{index}"]


def interaction_iri(doc_id: str, key: str) -> URIRef:
    return DOC[f"{doc_id}/i/{key}"]


def actor_iri(actor_id: str) -> URIRef:
    return AG[actor_id]


def slug(text: str) -> str:
    """ASCII identifier from a name: 'Abbas Araghchi' -> 'Abbas_Araghchi'."""
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")


def person_id(name: str) -> str:
    return "P_" + slug(name)


def office_iri(actor_id: str, title: str) -> URIRef:
    return AG[f"Office_{actor_id}_{slug(title)}"]
