"""The read-only SPARQL endpoint (``actorgraph serve``).

``serve`` is the HTTP server and its query page; ``pool`` runs each query in a sandboxed worker
process on a read-only snapshot (``sandbox``: no network, bounded memory); ``results`` writes the
SPARQL result formats and negotiates which one a client gets.
"""

__all__: list[str] = []  # its modules are the API: graph.endpoint.serve, graph.endpoint.pool, …
