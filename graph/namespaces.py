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

__all__ = [
    "AG", "ANALYSIS_GRAPH", "CAMEO", "DOC", "GRAPHS", "ONTOLOGY_DIR", "ONTOLOGY_GRAPH", "PREFIXES", "RELATIONS",
    "SYMMETRIC", "WD", "actor_iri", "doc_iri", "interaction_iri", "office_iri", "person_id", "sentence_iri", "slug",
]


def __getattr__(name: str) -> object:
    """``RELATIONS`` and ``SYMMETRIC`` are read from the ontology by :mod:`graph.vocabulary`, which
    itself needs the IRIs above: handing them out lazily keeps one definition and no import cycle.

    >>> from graph.namespaces import RELATIONS, SYMMETRIC
    >>> RELATIONS[0], "alliedWith" in SYMMETRIC
    ('pressures', True)
    """
    if name in ("RELATIONS", "SYMMETRIC"):
        from . import vocabulary

        return getattr(vocabulary, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def doc_iri(doc_id: str) -> URIRef:
    """The document node, which is also the name of the document's named graph."""
    return DOC[doc_id]


def sentence_iri(doc_id: str, index: int) -> URIRef:
    """A sentence under its document: re-ingesting the same text names it the same."""
    return DOC[f"{doc_id}/s{index}"]


def interaction_iri(doc_id: str, key: str) -> URIRef:
    """A claim under its document, ``key`` hashing what makes it that claim (``rdf.interaction_key``)."""
    return DOC[f"{doc_id}/i/{key}"]


def actor_iri(actor_id: str) -> URIRef:
    """Actors share the ontology's namespace, so ``ag:USA ag:pressures ag:ISR`` reads as it is written."""
    return AG[actor_id]


def slug(text: str) -> str:
    """ASCII identifier from a name: 'Abbas Araghchi' -> 'Abbas_Araghchi'."""
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")


def person_id(name: str) -> str:
    """The actor id of a person found in the text, from the name alone, so that every document agrees.

    >>> person_id("Abbas Araghchi")
    'P_Abbas_Araghchi'
    """
    return "P_" + slug(name)


def office_iri(actor_id: str, title: str) -> URIRef:
    """One office per (state, title): two foreign ministers of one state over time hold the same office."""
    return AG[f"Office_{actor_id}_{slug(title)}"]
