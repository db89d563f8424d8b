"""``actorgraph watch FEEDS --every 15m --store out/store``: keep a store current with its feeds.

Each poll asks every feed whether it changed (one conditional request for an unchanged feed), fetches
the items it has not seen, ingests them through ``pipeline.ingest_files`` — which refreshes the page
and report beside the store, as ``ingest`` does — and logs one line::

    2026-12-06T10:15:00Z poll 3: 2 new, 4 unchanged, 1 failed (5 feeds, 8 requests); the store holds 41 documents, …

*new* are documents added or replaced, *unchanged* feeds with nothing new, *failed* feeds and items
that could not be read (each also a one-line warning). A failing feed does not stop the others; a
failing ingest (the store locked by a running ``serve``) keeps nothing of the poll, so the next poll
fetches the same items again. What was seen is remembered in the store (``state``), so a restarted
watch carries on where it stopped. The store is opened only while a poll reads or writes it: between
polls ``query``, ``render`` and ``serve`` can use it.
"""
from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ActorgraphError, InputError
from ..model import Document
from . import state as state_mod
from . import warn
from .feeds import Item, is_source_list, parse_feed, read_source_list
from .fetch import Client, FetchError, is_url
from .inputs import fetch_item, normalise_url

__all__ = ["MIN_EVERY", "Known", "Poll", "parse_every", "feed_urls", "known_documents", "poll_feed",
    "retry_failed", "poll_item", "poll_once", "watch"]

MIN_EVERY = 10.0  # seconds: polling more often than this is not polite to anyone's server


@dataclass
class Known:
    """What the store already holds: the URLs its documents came from and their texts' hashes."""

    urls: set[str] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)


@dataclass
class Poll:
    number: int
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    feeds: int = 0
    requests: int = 0
    summary: str = ""  # what the store holds after the poll (the page's own sentence), if it changed

    def line(self, when: str) -> str:
        text = (f"{when} poll {self.number}: {self.new} new, {self.unchanged} unchanged, {self.failed} failed "
                f"({self.feeds} feed{'s' if self.feeds != 1 else ''}, {self.requests} request{'s' if self.requests != 1 else ''})")
        return text + (f"; the store holds {self.summary}" if self.summary else "")


def parse_every(text: str) -> float:
    """'15m', '30s', '1h', '1h30m' or plain seconds -> seconds; at least MIN_EVERY, else ``ValueError``
    (``actorgraph watch --every`` shows its message as the usage error).

    >>> parse_every("1h30m")
    5400.0
    """
    value = text.strip().lower()
    parts = re.fullmatch(r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s?)?", value)
    if not value or parts is None:
        raise ValueError(f"{text!r} is not a duration (15m, 30s, 1h, 1h30m)")
    hours, minutes, seconds = (float(p) if p else 0.0 for p in parts.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total < MIN_EVERY:
        raise ValueError(f"{text!r} is too often: poll at most every {MIN_EVERY:g} s")
    return total


def feed_urls(specs: list[str]) -> list[str]:
    """The feeds named on the command line: URLs, and the URLs of .opml and feeds.txt lists (read
    again at every poll, so an edited list takes effect without a restart)."""
    urls: list[str] = []
    for spec in specs:
        if is_url(spec):
            urls.append(spec.strip())
        elif is_source_list(Path(spec)):
            urls.extend(read_source_list(Path(spec)))
        elif Path(spec).exists():
            raise InputError(f"{spec}: not a feed list (an .opml file, or a text file of one URL a line)")
        else:
            raise InputError(f"{spec}: not a URL and no such file")
    if not urls:
        raise InputError("no feeds to watch")
    return list(dict.fromkeys(urls))


def known_documents(st) -> Known:  # noqa: ANN001 - a graph.store.Store
    from ..store import store as store_mod

    known = Known()
    for _iri, source, sha in store_mod.documents(st):
        if source and is_url(source):
            known.urls.add(normalise_url(source))
        if sha:
            known.texts.add(sha)
    return known


def poll_feed(url: str, feed: state_mod.FeedState, client: Client, known: Known, poll: Poll) -> list[Document]:
    """New documents of one feed; ``feed`` (its validators and items) is updated in place."""
    try:
        resp = client.get(url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as exc:
        warn(str(exc))
        poll.failed += 1
        return []
    feed.polled_at = state_mod.now()
    if resp.not_modified:
        return retry_failed(url, feed, client, known, poll)
    try:
        parsed = parse_feed(resp, url)
    except InputError as exc:
        warn(str(exc))
        poll.failed += 1
        return []
    feed.etag, feed.last_modified = resp.etag, resp.last_modified
    documents, items, failures = [], {}, 0
    for item in parsed.items:
        old = feed.items.get(item.link)
        items[item.link], doc = poll_item(item, old, client, url, known)
        if doc is not None:
            documents.append(doc)
        elif items[item.link] is not old and items[item.link].status == "failed":
            failures += 1
    feed.items = items  # only what the feed still lists
    poll.failed += failures
    if not documents and not failures:
        poll.unchanged += 1
    return documents


def retry_failed(url: str, feed: state_mod.FeedState, client: Client, known: Known, poll: Poll) -> list[Document]:
    """An unchanged feed: only the items that failed before (a 500, a time-out) are tried again, up
    to ``state.MAX_ATTEMPTS`` polls; with none, the feed counts as unchanged."""
    documents, failures = [], 0
    for link, old in list(feed.items.items()):
        if old.settled(old.updated):
            continue
        feed.items[link], doc = poll_item(Item(link=link, updated=old.updated), old, client, url, known)
        if doc is not None:
            documents.append(doc)
        elif feed.items[link].status == "failed":
            failures += 1
    poll.failed += failures
    if not documents and not failures:
        poll.unchanged += 1
    return documents


def poll_item(item: Item, old: state_mod.ItemState | None, client: Client, feed_url: str,
              known: Known) -> tuple[state_mod.ItemState, Document | None]:
    """(what to remember of the item, its document if it is new)."""
    if old is not None and old.settled(item.updated):
        return old, None
    if old is None and normalise_url(item.link) in known.urls:
        return state_mod.ItemState("ingested", item.updated), None
    doc = fetch_item(item, client, feed_url)
    if doc is None:
        attempts = old.attempts + 1 if old is not None and old.status == "failed" and old.updated == item.updated else 1
        return state_mod.ItemState("failed", item.updated, attempts), None
    known.urls.add(normalise_url(item.link))
    if doc.sha256 in known.texts:
        return state_mod.ItemState("duplicate", item.updated), None
    known.texts.add(doc.sha256)
    return state_mod.ItemState("ingested", item.updated), doc


def poll_once(specs: list[str], store: str, *, client: Client, number: int = 1, **ingest_options) -> Poll:
    """One poll of every feed into ``store``; the state is saved only if the ingest succeeded."""
    from ..pipeline import ingest_files

    poll = Poll(number)
    urls = feed_urls(specs)
    poll.feeds = len(urls)
    with state_mod.opened(store) as st:
        feeds, known = state_mod.load(st), known_documents(st)
    before = client.requests
    documents: list[Document] = []
    for url in urls:
        documents.extend(poll_feed(url, feeds.setdefault(url, state_mod.FeedState(url)), client, known, poll))
    poll.requests = client.requests - before
    if documents:
        gc.collect()  # let go of the store this poll has read (see state.opened) before ingest opens it
        try:
            status = ingest_files(documents, store, **ingest_options)
        except (ActorgraphError, OSError) as exc:
            warn(f"poll {number}: nothing ingested, will retry: {' '.join(str(exc).split())}")
            poll.failed += len(documents)
            return poll
        poll.new = sum(1 for s in status.values() if s in ("added", "replaced"))
        poll.summary = status.views.counts.sentence() if status.views is not None else ""
    with state_mod.opened(store) as st:
        state_mod.save(st, {u: f for u, f in feeds.items() if u in urls})
    return poll


def watch(specs: list[str], store: str, *, every: float, polls: int | None = None, client: Client | None = None,
          log: Callable[[str], None] = print, sleep: Callable[[float], None] = time.sleep, **ingest_options) -> int:
    """Poll every ``every`` seconds (``polls`` times, or until interrupted); returns the polls made.
    A poll that fails as a whole (the store cannot be opened) is a warning; the next one tries again."""
    client = client or Client()
    number = 0
    while polls is None or number < polls:
        number += 1
        try:
            result = poll_once(specs, store, client=client, number=number, **ingest_options)
            log(result.line(state_mod.now()))
        except (ActorgraphError, OSError) as exc:
            warn(f"poll {number} failed: {' '.join(str(exc).split())}")
        if polls is None or number < polls:
            sleep(every)
    return number
