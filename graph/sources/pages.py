"""Web pages -> article text and metadata, through trafilatura (text) and htmldate (date).

Why libraries and not our own HTML walk: telling an article's paragraphs from navigation, share bars,
"read more" lists, newsletter boxes and comments on arbitrary news sites is a solved problem that
trafilatura solves better than a tag blacklist (measured on ``tests/data/pages/``: see the README's
reader comparison and ``scripts/compare_readers.py``).

The date is the one exception where our own rules stay first: a date the page *marks* as its
publication date (``<meta>``, JSON-LD ``datePublished``, ``<time pubdate>``; the hand-written rules
of ``graph.ingest``) beats htmldate, which on the comparison pages and the ingest tests took a
sidebar story's ``<time>`` or mended an impossible date (2025-02-30 -> 2025-02-01). htmldate decides
only when the page marks nothing, and then it reads the page without its navigation, sidebars and
footer (and the URL, whose /2025/06/13/ path often dates a story).

Bytes are decoded here, not by ``graph.ingest.decode`` (which wants UTF-8): saved and fetched pages
come in every charset, often declared wrongly. A guess is a warning, never lost text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..model import Document

__all__ = [
    "declared_charset", "decode_html", "Page", "page_date", "read_page", "read_saved_page", "with_page_metadata"
]

# Declared charsets that are really "whatever the server defaulted to": bytes that are valid UTF-8
# with non-ASCII characters under such a label are UTF-8 (random Latin-1 text almost never is).
_WESTERN = {"iso8859-1", "latin-1", "iso-8859-1", "cp1252", "windows-1252", "ascii", "us-ascii", "iso8859-15"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Regions whose <time>s date other stories: removed before htmldate looks for a date.
_NOT_ARTICLE = re.compile(r"<(nav|aside|footer|header)\b[^>]*>.*?</\1\s*>", re.I | re.S)


@dataclass(frozen=True)
class Page:
    """What a web page says about itself: its main text and the metadata the document keeps."""

    text: str
    title: str = ""
    date: str | None = None
    author: str = ""
    url: str = ""  # the canonical URL the page declares (<link rel=canonical>, og:url)
    warnings: list[str] = field(default_factory=list)


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset a page claims: the HTTP header's, else a BOM's, else the first <meta charset> or
    XML declaration (looked for in the first 4 KB, as browsers do); None when nothing is declared."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if header:
        return header
    head = data[:4096]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def decode_html(data: bytes, where: str, header_charset: str | None = None) -> tuple[str, list[str]]:
    """Page bytes as text, and a warning for each guess. A declared charset that the bytes contradict
    (not decodable, or UTF-8 under a Western label) is overruled; with none declared, UTF-8 is tried,
    then charset_normalizer's guess. Binary data (NUL bytes) is an ``InputError``, as for any file."""
    if not data.strip():
        raise InputError(f"{where}: empty page")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{where}: binary data (contains NUL bytes), not a web page")
    declared = declared_charset(data, header_charset)
    name = _codec(declared) if declared else None
    if declared and name is None:
        return _guess(data, where, f"unknown charset {declared!r}")
    if name:
        if name in _WESTERN and _is_utf8(data) and not data.isascii():
            return data.decode("utf-8"), [f"warning: {where}: declared {declared} but the bytes are UTF-8; read as UTF-8"]
        try:
            return data.decode(name).lstrip("\ufeff"), []
        except UnicodeDecodeError:
            return _guess(data, where, f"declared {declared} but the bytes are not {declared}")
    if _is_utf8(data):
        return data.decode("utf-8").lstrip("\ufeff"), []
    return _guess(data, where, "no charset declared and not UTF-8")


def _codec(label: str) -> str | None:
    """Python's name for a charset label, or None for a label nobody knows."""
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess(data: bytes, where: str, why: str) -> tuple[str, list[str]]:
    """charset_normalizer's best reading (Windows-1252 when it has none: every byte decodes)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    name = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(name, errors="replace")
    except LookupError:
        name, text = "cp1252", data.decode("cp1252", errors="replace")
    return text, [f"warning: {where}: {why}; read as {name} (a guess)"]


def read_page(data: bytes | str, where: str, *, url: str | None = None, header_charset: str | None = None) -> Page:
    """A page's main text, title, date, author and canonical URL. ``where`` names the page in
    messages (a path or the URL); ``url`` is where it was fetched from, if it was. A page without
    article text is an ``InputError`` (the caller decides whether that is a warning or fatal)."""
    if isinstance(data, bytes):
        html, warnings = decode_html(data, where, header_charset)
    else:
        html, warnings = data, []
    if "\x00" in html:
        raise InputError(f"{where}: binary data (contains NUL bytes), not a web page")
    result = _trafilatura(html, url)
    text = _clean_text(result.text if result is not None else "")
    if not text:
        raise InputError(f"{where}: no article text")
    return Page(text=text, title=_one_line(result.title), date=page_date(html, url), author=_one_line(result.author),
                url=_canonical(result.url, url), warnings=warnings)


def _trafilatura(html: str, url: str | None):  # noqa: ANN202 - a trafilatura Document or None
    """trafilatura with the settings the comparison measured: comments, images and links out, tables
    in (they hold casualty counts and vote tallies), its own date search off (``page_date`` decides).
    Navigation, sidebars and footers are pruned first: on a page too short for trafilatura's main-text
    search, its fallback would otherwise keep them."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=True, include_images=False, include_links=False,
                                           prune_xpath=["//nav", "//footer", "//aside"],
                                           date_extraction_params={"extensive_search": False, "original_date": True})
    except (ValueError, TypeError, AttributeError):  # lxml cannot build a tree of some markup
        return None


def _clean_text(text: str | None) -> str:
    """One paragraph per line, spaces collapsed (trafilatura keeps the page's non-breaking spaces),
    without the "- " it writes before a list item: a bullet is layout, not a word of the sentence."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in (text or "").split("\n"))
    return "\n".join(re.sub(r"^- (?=\S)", "", line) for line in lines if line)


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def _canonical(declared: str | None, fetched: str | None) -> str:
    """The page's canonical URL if it is an absolute http(s) URL; else the one it was fetched from."""
    if declared and re.match(r"^https?://[^\s/]+", declared):
        return declared.strip()
    return fetched or ""


def page_date(html: str, url: str | None = None) -> str | None:
    """The publication date: the one the page marks (the hand-written rules), else htmldate's reading
    of the page without its navigation, sidebars and footer, and of its URL."""
    from ..ingest import html_to_text

    _text, _title, marked = html_to_text(html)
    if marked:
        return marked
    return _htmldate(_NOT_ARTICLE.sub(" ", html), url)


def _htmldate(html: str, url: str | None) -> str | None:
    """htmldate without its search of the text: on a page that marks no date, that search takes the
    earliest full date the story mentions (an invasion, a past attack) as the day it was published."""
    import htmldate

    from .. import dates

    try:
        found = htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return dates.parse_date(found) if found else None


def read_saved_page(data: bytes, where: str) -> Page:
    """``read_page`` for a page file (``graph.ingest.read_file``): its charset guesses are reported
    as warnings like any source's."""
    from . import warn

    page = read_page(data, where)
    for message in page.warnings:
        warn(message)
    return page


def with_page_metadata(doc: Document, page: Page | None) -> Document:
    """The document with the page's author and canonical URL (not part of its identity: the id hashes
    text, date and title, which is what the graph depends on)."""
    if page is None or not (page.author or page.url):
        return doc
    return replace(doc, author=page.author, url=page.url)
