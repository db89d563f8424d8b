"""RSS and Atom feeds (feedparser reads every dialect) and lists of feeds (OPML, one URL a line).

Why feedparser: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 in the wild are malformed in a hundred small ways
(wrong encodings, HTML in titles, dates in any format); feedparser has absorbed them for twenty years.
What it does not do is say "this is not a feed": given an HTML page it returns an empty result, which
would look like a quiet feed. ``parse_feed`` turns that into a one-line error.
"""
from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .fetch import Response, is_url

__all__ = ["FEED_TYPES", "Feed", "is_feed", "is_source_list", "Item", "parse_feed", "read_source_list"]

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/feed+json")
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html)\b", re.I)


@dataclass(frozen=True)
class Item:
    """One entry of a feed: where its article is, and what the feed says about it."""

    link: str
    title: str = ""
    date: str | None = None  # published (else updated), ISO YYYY-MM-DD
    updated: str = ""  # the entry's own updated stamp, as given: a change means a new version
    text: str = ""  # the feed's own text of the item (content, else summary), as plain text


@dataclass(frozen=True)
class Feed:
    url: str
    title: str
    items: list[Item]


def is_feed(resp: Response) -> bool:
    """A feed by its media type or, since servers often say text/xml or text/plain, by its first tag."""
    if resp.content_type in FEED_TYPES[:3]:
        return True
    if _HTML_START.match(resp.body[:1024]):
        return False
    return bool(_FEED_START.match(resp.body[:4096]))


def parse_feed(resp: Response, where: str) -> Feed:
    """The items of a feed, newest first as the feed lists them; an HTML page or anything feedparser
    does not recognise as a feed is an ``InputError`` ('… is an HTML page, not a feed')."""
    import feedparser

    if _HTML_START.match(resp.body[:1024]) or resp.content_type in ("text/html", "application/xhtml+xml"):
        raise InputError(f"{where}: is an HTML page, not a feed")
    parsed = feedparser.parse(resp.body, response_headers={"content-location": resp.url,
                                                           "content-type": resp.content_type or "application/xml"})
    if not parsed.get("version"):
        reason = type(parsed.get("bozo_exception")).__name__ if parsed.get("bozo") else "no RSS or Atom root element"
        raise InputError(f"{where}: not an RSS or Atom feed ({reason})")
    items = [item for entry in parsed.entries if (item := _item(entry, resp.url)) is not None]
    return Feed(resp.url, " ".join(str(parsed.feed.get("title", "")).split()), items)


def _item(entry, base: str) -> Item | None:  # noqa: ANN001 - a feedparser entry
    link = entry.get("link") or next((link.get("href") for link in entry.get("links", []) if link.get("href")), "")
    guid = entry.get("id", "")
    if not link and is_url(guid):
        link = guid  # RSS 2.0: a permalink guid is the article's address
    if not link:
        return None
    link = urllib.parse.urljoin(base, link.strip())
    return Item(link=link, title=" ".join(str(entry.get("title", "")).split()), date=_entry_date(entry),
                updated=str(dict.get(entry, "updated", "") or ""), text=_entry_text(entry))


def _entry_date(entry) -> str | None:  # noqa: ANN001
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)  # not entry.get: feedparser maps a missing "updated" to "published", with a warning
        if value:
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def _entry_text(entry) -> str:  # noqa: ANN001
    """The item's text as the feed gives it (full content if there is some, else the summary)."""
    import trafilatura

    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    html = max(contents, key=len) if contents else entry.get("summary", "")
    if not html:
        return ""
    if "<" not in html:
        return html.strip()
    return (trafilatura.html2txt(f"<html><body>{html}</body></html>") or "").strip()


# ------------------------------------------------------------------------------ lists of feeds


def is_source_list(path: Path) -> bool:
    """An .opml file, or a text file whose every line (blank lines and # comments aside) is a URL:
    a list of feeds or pages named on the command line, not an article."""
    if path.suffix.lower() == ".opml":
        return True
    if path.suffix.lower() not in (".txt", ".list") or not path.is_file() or path.stat().st_size > 1_000_000:
        return False
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError):
        return False
    lines = [line for line in lines if line and not line.startswith("#")]
    return bool(lines) and all(is_url(line) for line in lines)


def read_source_list(path: Path) -> list[str]:
    """The URLs of an OPML outline (every ``xmlUrl``) or of a one-URL-a-line text file, in order."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if path.suffix.lower() == ".opml":
        return _opml_urls(data, path)
    text = data.decode("utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def _opml_urls(data: bytes, path: Path) -> list[str]:
    from xml.etree import ElementTree

    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise InputError(f"{path}: OPML with a DOCTYPE or entities is refused")  # no entity expansion games
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InputError(f"{path}: not valid OPML ({exc})") from None
    urls = [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl")]
    if not urls:
        raise InputError(f"{path}: no feeds in this OPML (no outline with an xmlUrl)")
    return urls
