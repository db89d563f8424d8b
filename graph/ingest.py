"""Read articles (.txt, .md, .html, .jsonl) into ``Document`` records.

Why so strict: a knowledge graph that silently swallowed a binary file or mis-decoded text would put
garbage behind every claim. Each unreadable input raises ``InputError`` with one line naming the file
and the reason; the caller decides whether to stop (the CLI does, before writing anything).

Metadata: JSONL lines carry their own (title, date, url/source). Any other file may have a sidecar
``NAME.meta.json`` (e.g. ``article.txt`` + ``article.meta.json``) with ``title``, ``date``, ``source``.
Every field's JSON type is checked before anything is extracted or written: a ``source`` that is a
list once crashed the store write after the page and files were already replaced, and a number was
stored as a typed literal. ``null`` means absent; other keys are ignored.
The document id is the first 16 hex digits of the SHA-256 of the normalised text, so the same text
always gets the same id (and the same IRIs) wherever it comes from.

Source identity: a file's source (``ag:sourcePath``, what ``ingest`` uses to replace a changed
document) is its resolved absolute path, so ``dir/a.txt`` and ``$PWD/dir/a.txt`` are one source.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from . import dates
from .errors import InputError
from .model import Document

__all__ = ["SUFFIXES", "TEXT_KEYS", "normalise", "make_document", "check_string", "string_field",
    "date_field", "clean_date", "html_date", "decode", "html_to_text", "markdown_to_text", "read_file",
    "iter_file", "source_of", "discover", "read_all", "iter_all"]

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
    for what, value in (("text", text), ("title", title), ("source", source)):
        check_string(value, what, source or "document")
    text = normalise(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    title = " ".join(normalise(title).split())
    if not title:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
    date = clean_date(date, source)
    identity = hashlib.sha256("\x00".join((text, date or "", title)).encode("utf-8")).hexdigest()
    return Document(id=identity[:16], text=text, title=title, date=date, source=source, sha256=digest)


def check_string(value: str, what: str, where: str) -> None:
    """``InputError`` unless ``value`` is text that can be stored: no NUL character (binary data;
    it rode into graph.ttl and graph.html) and no lone surrogate (JSON's "\\ud800" decodes to one,
    and encoding it to UTF-8 for the hash was a traceback)."""
    if "\x00" in value:
        raise InputError(f"{where}: {what} contains a NUL character (\\u0000 at character {value.index(chr(0))}): "
                         "binary data, not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{where}: {what} contains a lone surrogate (\\u{ord(value[exc.start]):04x} at character "
                         f"{exc.start}): not valid Unicode") from None


def _json_type(value: object) -> str:
    """The JSON name of a value's type, for error messages."""
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    return {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)


def string_field(record: dict, key: str, where: str) -> str | None:
    """``record[key]`` when it is a string; None when absent or null; else a one-line ``InputError``."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: {key} must be a string, not {_json_type(value)}")
    check_string(value, key, where)
    return value


def date_field(record: dict, where: str) -> str | None:
    """The ``date`` of a record, checked: a string, or an integer (a year, or YYYYMMDD); a float
    (2025.0), a boolean or a list is an error, not a date."""
    value = record.get("date")
    if isinstance(value, int) and not isinstance(value, bool):
        return clean_date(str(value), where)
    return clean_date(string_field(record, "date", where), where)


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
    nul = data.find(b"\x00")  # anywhere: one after the first 8 KB reached graph.ttl and graph.html
    if nul >= 0:
        raise InputError(f"{path}: binary file (contains NUL bytes, the first at offset {nul}), not an article")
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
    """The checked metadata of ``path``'s ``NAME.meta.json``: {"title", "date", "source"} (None when
    absent). Checked here, so that a bad field is blamed on the .meta.json file, not on the article."""
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {"title": None, "date": None, "source": None}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{meta}: unreadable metadata ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise InputError(f"{meta}: metadata must be a JSON object")
    where = str(meta)
    return {"title": string_field(data, "title", where), "date": date_field(data, where),
            "source": string_field(data, "source", where)}


def read_file(path: Path | str) -> list[Document]:
    """All documents in one file (one for text/Markdown/HTML, one per line for JSONL); web pages are
    read by ``graph.sources.pages`` (trafilatura), in whatever charset they declare."""
    return list(iter_file(path))


def iter_file(path: Path | str) -> Iterator[Document]:
    """``read_file``, one document at a time: a JSONL file of 100,000 articles is read as it is
    extracted, not held as 100,000 documents."""
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
    nul = data.find(b"\x00") if kind == "html" else -1  # (any other file: decode() says the same)
    if nul >= 0:
        raise InputError(f"{path}: binary file (contains NUL bytes, the first at offset {nul}), not an article")
    page = read_saved_page(data, str(path)) if kind == "html" else None  # any charset; trafilatura
    text = page.text if page is not None else decode(data, str(path))
    if kind == "jsonl":
        yield from _read_jsonl(text, path)
        return
    meta = _sidecar(path)
    title, date = meta["title"] or "", meta["date"]
    if page is not None:
        title = title or page.title
        date = date or page.date
    elif kind == "markdown":
        text, md_title = markdown_to_text(text)
        title = title or md_title
    if not normalise(text):
        raise InputError(f"{path}: no article text")
    doc = make_document(text, title=title, date=clean_date(date, str(path)), source=meta["source"] or source_of(path))
    yield with_page_metadata(doc, page)


def source_of(path: Path) -> str:
    """A file's source identity: its resolved absolute path (``dir/a.txt`` and ``$PWD/dir/a.txt``
    were two sources, so ingesting one after building the other added the document twice)."""
    return str(path.resolve())


def _read_jsonl(text: str, path: Path) -> Iterator[Document]:
    found = False
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{where}: each line must be a JSON object")
        found = True
        yield _jsonl_document(rec, path, n)
    if not found:
        raise InputError(f"{path}: no articles")


def _jsonl_document(rec: dict, path: Path, n: int) -> Document:
    """One JSONL record as a Document, every field's type checked first."""
    where = f"{path}:{n}"
    bodies = [string_field(rec, k, where) for k in TEXT_KEYS]
    body = next((b for b in bodies if b and b.strip()), None)
    if body is None:
        raise InputError(f"{where}: no article text (expected one of: {', '.join(TEXT_KEYS)})")
    ident = rec.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise InputError(f"{where}: id must be a string or an integer, not {_json_type(ident)}")
    url, source = string_field(rec, "url", where), string_field(rec, "source", where)
    title = string_field(rec, "title", where) or ""
    key = n if ident is None else ident
    return make_document(body, title=title, date=date_field(rec, where),
                         source=url or source or f"{source_of(path)}#{key}")


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """Article files under the given files/folders, sorted; metadata sidecars are not articles."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = _articles_under(p)
            if not found:
                raise InputError(f"{p}: no articles found (looked for {', '.join(sorted(SUFFIXES))})")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or directory")
    return files


def _articles_under(folder: Path) -> list[Path]:
    """Article files in ``folder`` and its subfolders, sorted; hidden files and folders (a name
    starting with ".") are skipped, symlinked folders are not followed (as ``rglob`` did).

    Why not ``rglob``: it skips a folder it cannot list without a word, so a rebuild silently dropped
    that folder's documents from the store. Here an unreadable folder is an error, like an
    unreadable file."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            raise InputError(f"{current}: cannot read folder ({exc.strerror or exc})") from None
        for entry in listed:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif (entry.is_file() and Path(entry.name).suffix.lower() in SUFFIXES
                  and not entry.name.endswith(".meta.json")):
                found.append(Path(entry.path))
    return sorted(found)


def read_all(paths: Iterable[Path | str]) -> list[Document]:
    """Every document under ``paths``, de-duplicated by text (the same article twice is one document:
    the first copy, with its metadata)."""
    seen: dict[str, Document] = {}
    for doc in iter_all(paths):
        seen.setdefault(doc.sha256, doc)
    if not seen:
        raise InputError("no articles found")
    return list(seen.values())


def iter_all(paths: Iterable[Path | str]) -> Iterator[Document]:
    """Every document under ``paths``, file after file, as they are read (not de-duplicated). The
    paths are checked first: a missing file or an empty folder fails before any article is read."""
    for f in discover(paths):
        yield from iter_file(f)
