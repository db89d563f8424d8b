"""Read articles (.txt, .md, .html, .jsonl) into ``Document`` records.

Why so strict: a knowledge graph that silently swallowed a binary file or mis-decoded text would put
garbage behind every claim. Each unreadable input raises ``InputError`` with one line naming the file
and the reason; the caller decides whether to stop (the CLI does, before writing anything).

Metadata: JSONL lines carry their own (title, date, url/source). Any other file may have a sidecar
``NAME.meta.json`` (e.g. ``article.txt`` + ``article.meta.json``) with ``title``, ``date``, ``source``.
The document id is the first 16 hex digits of the SHA-256 of the normalised text, so the same text
always gets the same id (and the same IRIs) wherever it comes from.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from . import dates
from .errors import InputError
from .model import Document

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
TEXT_KEYS = ("text", "body", "content", "article")


# Bidi embedding/override/isolate controls: invisible, and an unclosed one reverses whatever is shown
# after it (a title in graph.html or report.html, a SPARQL result row) - a spoofing tool, not text.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def normalise(text: str) -> str:
    """One canonical form: no BOM, Unix newlines, no trailing spaces — so hashes are stable — and no
    bidi controls (they ride along into every page and result that shows the text)."""
    text = _BIDI_CONTROLS.sub("", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def make_document(text: str, *, title: str = "", date: str | None = None, source: str = "") -> Document:
    """A document whose id hashes its text *and* the metadata the graph depends on (its date resolves
    the text's relative dates; its title is shown): re-ingesting the same text with a corrected date
    or title replaces it instead of being skipped as unchanged. ``sha256`` stays the text's hash."""
    if not isinstance(title, str):
        raise InputError(f"{source}: title must be text, not {type(title).__name__}")
    text = normalise(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    title = " ".join(normalise(title).split())
    if not title:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
    date = clean_date(date, source)
    identity = hashlib.sha256("\x00".join((text, date or "", title)).encode("utf-8")).hexdigest()
    return Document(id=identity[:16], text=text, title=title, date=date, source=source, sha256=digest)


def clean_date(value: object, where: str = "") -> str | None:
    """A metadata date as ISO YYYY, YYYY-MM or YYYY-MM-DD (a datetime keeps its date; 20250115 and
    2025/01/15 are read as 2025-01-15); anything else, or a day that does not exist, is rejected here
    rather than cut short, crash the extractor or reach the RDF store as an invalid literal."""
    if value in (None, ""):
        return None
    parts = dates.date_parts(str(value))
    if parts is None:
        raise InputError(f"{where}: date {value!r} is not ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY)")
    if not dates.real_date(*parts):
        raise InputError(f"{where}: date {value!r} is not a real date (no such month or day)")
    return dates.parse_date(str(value))


def html_date(candidates: list[str]) -> str | None:
    """The first usable date among an HTML page's <meta>/<time> dates. Unlike a sidecar or JSONL
    date, page markup is not ours: a time of day (<time datetime="10:30">) or a written date is valid
    HTML, so an unusable candidate is skipped, not an error; written dates need their year."""
    for value in candidates:
        date = dates.parse_date(value) or dates.normalise(value, None)
        if date and dates.parse_date(date):
            return date
    return None


def decode(data: bytes, path: str) -> str:
    """UTF-8 text or a clear error: empty, binary (NUL bytes / control characters) or another encoding."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise InputError(f"{path}: binary file (control characters), not an article")
    if not normalise(text):
        raise InputError(f"{path}: empty file")
    return text


class _HTMLText(HTMLParser):
    """Visible text of an HTML article, plus its <title>/<h1> and published date if marked up."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form"}
    META_DATES = {"article:published_time", "datepublished", "date", "pubdate", "dc.date", "og:published_time"}
    PUBLISHED, IN_TEXT = 0, 1  # a date marked as the publication date beats the first <time> of the text

    @property
    def dates(self) -> list[str]:
        """Candidate publication dates, best first: those marked as such (<meta>, JSON-LD
        ``datePublished``, <time pubdate> or itemprop) in page order, then the <time>s of the visible text."""
        return [d for _rank, d in sorted(self._dates, key=lambda rd: rd[0])]
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr", "blockquote", "header"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        # (rank, date) in page order; the ``dates`` property sorts them and html_date picks the first usable one
        self._dates: list[tuple[int, str]] = []
        self._skip = 0
        self._ld_json: list[str] | None = None  # the text of a <script type="application/ld+json"> being read
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in self.META_DATES and a.get("content"):
                self._dates.append((self.PUBLISHED, a["content"]))
        if tag == "time" and a.get("datetime"):
            if "pubdate" in a or a.get("itemprop", "").lower() == "datepublished":
                self._dates.append((self.PUBLISHED, a["datetime"]))
            elif not self._skip:  # a <time> in a sidebar or footer dates another story
                self._dates.append((self.IN_TEXT, a["datetime"]))
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._ld_json = []
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True
        if tag in self.SKIP and tag != "head":
            self._skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._ld_json is not None:
            self._dates.extend((self.PUBLISHED, d) for d in _ld_json_dates("".join(self._ld_json)))
            self._ld_json = None
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag in self.SKIP and tag != "head" and self._skip:
            self._skip -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._ld_json is not None:
            self._ld_json.append(data)
        if self._in_title:
            self.title += data
            return
        if self._skip:
            return
        if self._in_h1:
            self.h1 += data
        self.parts.append(data)


def _ld_json_dates(text: str) -> list[str]:
    """``datePublished`` values of a JSON-LD block (news sites' usual markup), at any depth (``@graph``
    lists, nested ``NewsArticle``s); a block that is not valid JSON is page markup we ignore."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found: list[str] = []
    stack = [data]
    while stack and len(found) < 10:
        item = stack.pop(0)
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return found


def html_to_text(html: str) -> tuple[str, str, str | None]:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t\u00a0]+", " ", "".join(parser.parts))
    text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    return text, (parser.h1 or parser.title).strip(), html_date(parser.dates)


def markdown_to_text(md: str) -> tuple[str, str]:
    """Strip the Markdown syntax that would confuse the parser; the first heading becomes the title."""
    title = ""
    lines = []
    for line in md.split("\n"):
        m = re.match(r"^\s{0,3}#{1,6}\s+(.*)$", line)
        if m:
            if not title:
                title = m.group(1).strip()
                continue
            line = m.group(1)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links keep their text
        line = re.sub(r"(\*\*|__|\*|_|`)(\S.*?\S|\S)\1", r"\2", line)
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)
        line = re.sub(r"^\s*>\s?", "", line)
        lines.append(line)
    return "\n".join(lines), title


def _sidecar(path: Path) -> dict:
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{meta}: unreadable metadata ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise InputError(f"{meta}: metadata must be a JSON object")
    # Checked here, so that a bad date is blamed on the .meta.json file, not on the article.
    data["date"] = clean_date(data.get("date"), str(meta))
    return data


def read_file(path: Path | str) -> list[Document]:
    """All documents in one file (one for text/Markdown/HTML, one per line for JSONL); web pages are
    read by ``graph.sources.pages`` (trafilatura), in whatever charset they declare."""
    from .sources.pages import read_saved_page, with_page_metadata

    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'} (use .txt, .md, .html or .jsonl)")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    page = read_saved_page(data, str(path)) if kind == "html" else None  # any charset; trafilatura
    text = page.text if page is not None else decode(data, str(path))
    if kind == "jsonl":
        return list(_read_jsonl(text, path))
    meta = _sidecar(path)
    title = meta.get("title") or ""
    if not isinstance(title, str):
        raise InputError(f"{path.with_name(path.stem + '.meta.json')}: title must be a string")
    date = meta.get("date")
    if page is not None:
        title = title or page.title
        date = date or page.date
    elif kind == "markdown":
        text, md_title = markdown_to_text(text)
        title = title or md_title
    if not normalise(text):
        raise InputError(f"{path}: no article text")
    doc = make_document(text, title=title, date=clean_date(date, str(path)), source=meta.get("source") or str(path))
    return [with_page_metadata(doc, page)]


def _read_jsonl(text: str, path: Path) -> Iterator[Document]:
    found = False
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{n}: each line must be a JSON object")
        body = next((rec[k] for k in TEXT_KEYS if isinstance(rec.get(k), str) and rec[k].strip()), None)
        if body is None:
            raise InputError(f"{path}:{n}: no article text (expected one of: {', '.join(TEXT_KEYS)})")
        source = rec.get("url") or rec.get("source") or f"{path}#{rec.get('id', n)}"
        found = True
        title = rec.get("title") or ""
        if not isinstance(title, str):
            raise InputError(f"{path}:{n}: title must be a string")
        yield make_document(body, title=title, date=clean_date(rec.get("date"), f"{path}:{n}"), source=str(source))
    if not found:
        raise InputError(f"{path}: no articles")


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """Article files under the given files/folders, sorted; metadata sidecars are not articles."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not f.name.endswith(".meta.json") and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise InputError(f"{p}: no articles found (looked for {', '.join(sorted(SUFFIXES))})")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or directory")
    return files


def read_all(paths: Iterable[Path | str]) -> list[Document]:
    """Every document under ``paths``, de-duplicated by text (the same article twice is one document:
    the first copy, with its metadata)."""
    seen: dict[str, Document] = {}
    for f in discover(paths):
        for doc in read_file(f):
            seen.setdefault(doc.sha256, doc)
    if not seen:
        raise InputError("no articles found")
    return list(seen.values())
