"""What ``watch`` remembers between polls and across restarts, kept in the store itself.

Why in the store: the store is what a watch keeps current, so it is the one thing that must survive a
restart anyway; a side file could be lost, copied without it, or disagree with it. The memory is a
named graph of its own (``GRAPHS.sources``), written with ``put_graph`` like the analysis graph:

    <…/source/FEED-HASH> a ag:Feed ; ag:url "https://…/feed.xml" ; ag:etag "…" ; ag:lastModified "…" ;
        ag:polledAt "…"^^xsd:dateTime ; ag:feedItem <…/source/ITEM-HASH> .
    <…/source/ITEM-HASH> ag:url "https://…/article" ; ag:itemStatus "ingested" ; ag:itemUpdated "…" ;
        ag:attempts 1 .

Only the items a feed still lists are remembered (feeds list their last few dozen), so the graph stays
the size of the feeds, not of their history; an article that comes back after dropping off is still
recognised by its URL or text among the store's documents. URLs are literals and the nodes are named
by their hash: a URL from a feed is untrusted text, not necessarily a valid IRI.
"""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

__all__ = [
    "FINAL", "MAX_ATTEMPTS", "SOURCE", "SOURCES_GRAPH", "FeedState", "ItemState", "load", "node", "now", "opened",
    "save", "to_graph"
]

if TYPE_CHECKING:  # rdflib is loaded when the state is read or written, not for `actorgraph watch --help`
    from rdflib import Graph, URIRef

SOURCES_GRAPH = "https://w3id.org/actorgraph/graph/sources"  # = namespaces.GRAPHS["sources"]
SOURCE = "https://w3id.org/actorgraph/source/"
FINAL = {"ingested", "duplicate"}  # an item not to fetch again (unless the feed says it was updated)
MAX_ATTEMPTS = 3  # a failing item (a 500, a time-out) is tried on this many polls, then given up


@dataclass
class ItemState:
    status: str  # ingested | duplicate | failed
    updated: str = ""
    attempts: int = 1

    def settled(self, updated: str) -> bool:
        """Nothing to do for this item: done (and not updated since), or failed too often."""
        if self.status in FINAL:
            return updated == self.updated
        return self.attempts >= MAX_ATTEMPTS and updated == self.updated


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled_at: str | None = None
    items: dict[str, ItemState] = field(default_factory=dict)


def node(url: str) -> URIRef:
    from rdflib import URIRef

    return URIRef(SOURCE + hashlib.sha256(url.encode("utf-8")).hexdigest()[:24])


def to_graph(feeds: dict[str, FeedState]) -> Graph:
    from rdflib import RDF, XSD, Graph, Literal

    from ..namespaces import AG

    g = Graph()
    for feed in feeds.values():
        f = node(feed.url)
        g.add((f, RDF.type, AG.Feed))
        g.add((f, AG.url, Literal(feed.url)))
        for prop, value in ((AG.etag, feed.etag), (AG.lastModified, feed.last_modified)):
            if value:
                g.add((f, prop, Literal(value)))
        if feed.polled_at:
            g.add((f, AG.polledAt, Literal(feed.polled_at, datatype=XSD.dateTime)))
        for link, item in feed.items.items():
            i = node(link)
            g.add((f, AG.feedItem, i))
            g.add((i, AG.url, Literal(link)))
            g.add((i, AG.itemStatus, Literal(item.status)))
            g.add((i, AG.attempts, Literal(item.attempts)))
            if item.updated:
                g.add((i, AG.itemUpdated, Literal(item.updated)))
    return g


@contextmanager
def opened(spec: str):  # noqa: ANN201 - yields a graph.store.Store
    """``store.open_store``, once more after a garbage collection if the store is "in use": a store
    this process has just closed can keep its RocksDB lock until a reference cycle holding the
    pyoxigraph store is collected (seen when a poll reopens the store right after writing it)."""
    from ..store import store as store_mod
    from ..errors import StoreError

    try:
        st = store_mod.open_store(spec)
    except StoreError as exc:
        if "in use" not in str(exc):
            raise
        gc.collect()
        st = store_mod.open_store(spec)
    with st:
        yield st


def load(st) -> dict[str, FeedState]:  # noqa: ANN001 - a graph.store.Store
    """The remembered feeds of an open store (none for a new store)."""
    from ..store import store as store_mod
    from ..namespaces import AG

    rows = store_mod.query(st, f"""SELECT ?furl ?etag ?lm ?polled ?iurl ?status ?attempts ?updated WHERE {{
        GRAPH <{SOURCES_GRAPH}> {{ ?f a <{AG.Feed}> ; <{AG.url}> ?furl .
          OPTIONAL {{ ?f <{AG.etag}> ?etag }} OPTIONAL {{ ?f <{AG.lastModified}> ?lm }} OPTIONAL {{ ?f <{AG.polledAt}> ?polled }}
          OPTIONAL {{ ?f <{AG.feedItem}> ?i . ?i <{AG.url}> ?iurl ; <{AG.itemStatus}> ?status .
                      OPTIONAL {{ ?i <{AG.attempts}> ?attempts }} OPTIONAL {{ ?i <{AG.itemUpdated}> ?updated }} }} }} }}""")
    feeds: dict[str, FeedState] = {}
    for r in rows:
        url = str(r.furl)
        feed = feeds.setdefault(url, FeedState(url, _text(r.etag), _text(r.lm), _text(r.polled)))
        if r.iurl is not None:
            feed.items[str(r.iurl)] = ItemState(str(r.status), _text(r.updated) or "", int(r.attempts or 1))
    return feeds


def save(st, feeds: dict[str, FeedState]) -> None:  # noqa: ANN001 - a graph.store.Store
    from ..store import store as store_mod

    store_mod.put_graph(st, SOURCES_GRAPH, to_graph(feeds))


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _text(value: object) -> str | None:
    return None if value is None else str(value)
