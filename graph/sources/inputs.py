"""What ``build`` and ``ingest`` read: files and folders as before, plus URLs, feeds and lists of them.

``read_inputs`` is the one call site in the pipeline. Local files keep ``graph.ingest``'s strictness
(an unreadable file stops the command before anything is written); a remote source that fails — a
404, a feed that is an HTML page, a page without article text — is a one-line warning and the rest
goes on. Documents are de-duplicated by URL and by text (the same wire story from two feeds is one
document: the first one read). A fetched document keeps its URL as its source, so a later version
of the same article replaces it in the store.
"""
from __future__ import annotations

import itertools
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from . import warn
from .feeds import Feed, Item, is_feed, is_source_list, parse_feed, read_source_list
from .fetch import Client, FetchError, Response, is_url
from .pages import read_page

__all__ = ["MIN_FEED_TEXT", "read_inputs", "iter_inputs", "dedupe", "normalise_url", "fetch_all",
    "read_feed", "page_document", "fetch_item", "feed_text_document", "sends_inward"]

MIN_FEED_TEXT = 400  # characters: a feed's own text shorter than this is a teaser, not the article


def read_inputs(inputs: Iterable[str | Path | Document], *, client: Client | None = None) -> list[Document]:
    """Every document the inputs name: files/folders (``graph.ingest``), ``http(s)://`` URLs (a page
    or a feed, told apart by what comes back), ``.opml``/URL-list files, and ``Document``s already
    read (what ``watch`` passes). ``InputError`` only when nothing at all could be read."""
    return list(iter_inputs(inputs, client=client))


def iter_inputs(inputs: Iterable[str | Path | Document], *, client: Client | None = None) -> Iterator[Document]:
    """``read_inputs`` one document at a time, as they are read (what ``build`` and ``ingest``
    stream): the paths are checked first, the files read one after the other, then the URLs."""
    from .. import ingest

    documents: list[Document] = []
    local: list[str | Path] = []
    remote: list[str] = []
    for item in inputs:
        if isinstance(item, Document):
            documents.append(item)
        elif is_url(str(item)):
            remote.append(str(item).strip())
        elif is_source_list(Path(item)):
            remote.extend(read_source_list(Path(item)))
        else:
            local.append(item)
    files = ingest.iter_all(local) if local else iter(())
    if local:  # a missing path or an empty folder fails before anything is read
        files = itertools.chain([next(files, None)], files)
    fetched = fetch_all(remote, client or Client()) if remote else iter(())
    found = 0
    for doc in dedupe(itertools.chain(documents, (d for d in files if d is not None), fetched)):
        found += 1
        yield doc
    if not found:
        raise InputError("no articles found" + (f" ({len(remote)} URLs, none readable)" if remote else ""))


def dedupe(documents: Iterable[Document]) -> Iterator[Document]:
    """The first document of each text and of each URL source."""
    seen_text: set[str] = set()
    seen_url: set[str] = set()
    for doc in documents:
        key = normalise_url(doc.source) if is_url(doc.source) else None
        if doc.sha256 in seen_text or (key and key in seen_url):
            continue
        seen_text.add(doc.sha256)
        if key:
            seen_url.add(key)
        yield doc


def normalise_url(url: str) -> str:
    """The same article behind two spellings of its URL: no fragment, no utm_* tracking parameters,
    lower-case scheme and host."""
    parts = urllib.parse.urlsplit(url.strip())
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                                    urllib.parse.urlencode(query), ""))


def fetch_all(urls: list[str], client: Client) -> Iterator[Document]:
    """Each URL as an article, or as a feed whose items are fetched; failures are warnings."""
    for url in urls:
        try:
            resp = client.get(url)
        except FetchError as exc:
            warn(str(exc))
            continue
        if is_feed(resp):
            feed = read_feed(resp, url)
            if feed is not None:
                yield from (doc for item in feed.items if (doc := fetch_item(item, client, url)) is not None)
        else:
            doc = page_document(resp, url)
            if doc is not None:
                yield doc


def read_feed(resp: Response, where: str) -> Feed | None:
    try:
        return parse_feed(resp, where)
    except InputError as exc:
        warn(str(exc))
        return None


def page_document(resp: Response, url: str, item: Item | None = None) -> Document | None:
    """A fetched page as a document (its URL as source), or None with a warning. The feed's title and
    date stand in for what the page does not say."""
    from ..ingest import make_document
    from .pages import with_page_metadata

    if resp.content_type and not (resp.content_type.startswith("text/") or "html" in resp.content_type
                                  or "xml" in resp.content_type):
        warn(f"{url}: not a web page ({resp.content_type})")
        return None
    try:
        page = read_page(resp.body, url, url=resp.url, header_charset=resp.charset)
        for message in page.warnings:
            warn(message)
        doc = make_document(page.text, title=page.title or (item.title if item else ""),
                            date=page.date or (item.date if item else None), source=url)
    except InputError as exc:
        warn(str(exc))
        return None
    return with_page_metadata(doc, page)


def fetch_item(item: Item, client: Client, feed_url: str) -> Document | None:
    """A feed item's article page; when the page cannot be had, the feed's own text if it is the
    article rather than a teaser. A link to a private address from a public feed is not followed."""
    if sends_inward(feed_url, item.link):
        warn(f"{item.link}: not fetched: a feed on a public host links to a private address")
        return None
    try:
        resp = client.get(item.link)
    except FetchError as exc:
        return feed_text_document(item, str(exc))
    doc = page_document(resp, item.link, item)
    return doc if doc is not None else feed_text_document(item, None)


def feed_text_document(item: Item, failure: str | None) -> Document | None:
    """The item as the feed tells it, if that is a whole article; else None (with the failure said)."""
    from ..ingest import make_document

    if len(item.text) < MIN_FEED_TEXT:
        if failure:
            warn(failure)
        return None
    if failure:
        warn(f"{failure}; read the feed's own text of the item instead")
    try:
        return make_document(item.text, title=item.title, date=item.date, source=item.link)
    except InputError as exc:
        warn(str(exc))
        return None


def sends_inward(feed_url: str, link: str) -> bool:
    """Does a feed on a public host link to loopback, a private network or link-local? (A feed on
    such an address itself — an intranet, a test server — may link anywhere.)"""
    return not _is_private(feed_url) and _is_private(link)


def _is_private(url: str) -> bool:
    import ipaddress

    host = (urllib.parse.urlsplit(url).hostname or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified
