"""actorgraph: news about international affairs → an explainable actor-relationship knowledge graph.

The pipeline is a chain of small modules, each usable on its own::

    ingest   read .txt/.md/.html/.jsonl into Document records (id = content hash)
    nlp      load a spaCy pipeline by name and add an entity ruler built from the gazetteer
    extract  find actors, officials and interactions, with modality, date, CAMEO code, confidence
    rdf      turn the extractions into an rdflib graph (direct triples + reified Interactions)
    analyse  networkx centrality, brokers, signed balance, communities, written back as RDF
    views    the offline interactive page (vis-network from pyvis) and the analyst's report
    query    saved and ad-hoc SPARQL

``graph.pipeline.build`` runs them all; the ``actorgraph`` CLI (``graph.cli``, one module per
command) is a thin shell over the library, which imports none of it.
"""

__all__ = ["__version__"]  # the stages are its modules: graph.pipeline, graph.extract, …

__version__ = "0.1.0"
