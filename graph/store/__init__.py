"""Where the graph lives: RDF writing, the persistent store, and what reads it back.

One job per module, in the order data flows:

* ``rdf`` - a document's extraction as an rdflib graph (actors, interactions, provenance);
* ``store`` - the store itself (embedded Oxigraph in a directory, or a remote SPARQL endpoint) and
  reading from it; ``write`` puts documents into it; ``derived`` keeps the graph the documents
  share (actor descriptions, direct relation triples) and ``summary`` the summaries pages read (per
  dyad, per sort key); ``directory`` and ``generation`` make a build
  safe (a new generation beside the old, swapped in at the end);
* ``read`` - the SPARQL aggregates analysis and the views read; ``query`` - saved and ad-hoc SPARQL
  for the CLI; ``export`` - RDF, GraphML, GEXF and CSV; ``validate`` and ``shacl`` - the shapes.

The store's user-facing functions are offered here too (``from graph.store import open_store``).

>>> import tempfile
>>> from graph.store import open_store
>>> with tempfile.TemporaryDirectory() as tmp, open_store(f"{tmp}/store") as st:
...     st.kind
'oxigraph'
"""
from __future__ import annotations

__all__ = ["Store", "open_store", "open_source", "default_source", "documents", "quads", "store_size", "union_graph",
           "put_document", "put_documents", "put_graph", "DocumentWriter"]

_READING = frozenset(__all__[:8])
_WRITING = frozenset(__all__[8:])


def __getattr__(name: str):  # noqa: ANN202 - loaded when first asked for: `--help` and the locks need no rdflib
    if name in _READING:
        from . import store

        return getattr(store, name)
    if name in _WRITING:
        from . import write

        return getattr(write, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
