"""What an analyst reads: the offline interactive page, the brief, and the browser that checks them.

``render`` reads the RDF into the page's data and writes ``graph.html`` (its markup, style and script
are files in ``static/``, inlined by ``render_page``); ``report`` writes the brief
(``report.md``/``report.html`` + PNG charts); ``browser`` drives headless Chromium for screenshots and
tests. ``outputs.write_views`` renders both page and report from one graph, so every count they show
comes from one place.
"""

__all__: list[str] = []  # the views are its modules: graph.views.render, graph.views.report, …
