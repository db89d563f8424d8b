"""Compare the web-page readers on the saved-page set (tests/data/pages/): main-text lines and metadata.

    python scripts/compare_readers.py            # the README's table
    python scripts/compare_readers.py --pages    # and one row per page

Main text is scored by line: a line the reader gives is *right* when it is a line of the expected text
(or part of one: a reader may split a paragraph); an expected line is *found* when the reader's text
contains it. Precision = right / given, recall = found / expected, summed over all pages. The headline
is scored apart (as the title), so a line equal to it is not counted on either side.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
sys.path.insert(0, str(ROOT))


@dataclass
class Reading:
    text: str
    title: str = ""
    date: str | None = None
    author: str | None = None  # None: the reader does not give it
    url: str | None = None


def handwritten(data: bytes, name: str) -> Reading:
    """graph.ingest's own reader: visible text minus nav/aside/footer/form, title, marked date."""
    from graph.ingest import html_to_text

    text, title, date = html_to_text(data.decode("utf-8"))
    return Reading(text, title, date)


def trafilatura_reader(data: bytes, name: str) -> Reading:
    """What actorgraph reads pages with now (graph.sources.pages)."""
    from graph.errors import InputError
    from graph.sources.pages import read_page

    try:
        page = read_page(data, name)
    except InputError:
        return Reading("", "", None, "", "")
    return Reading(page.text, page.title, page.date, page.author, page.url)


def htmldate_only(extensive: bool) -> Callable[[bytes, str], Reading]:
    """Only the date, as htmldate alone finds it, with or without its search of the text."""
    import htmldate

    def read(data: bytes, name: str) -> Reading:
        return Reading("", date=htmldate.find_date(data.decode("utf-8"), original_date=True, extensive_search=extensive))
    return read


READERS: dict[str, Callable[[bytes, str], Reading]] = {
    "hand-written (graph.ingest)": handwritten,
    "trafilatura + htmldate (graph.sources)": trafilatura_reader,
}


def norm(text: str) -> str:
    return " ".join(text.split())


def score_text(text: str, expected: list[str], title: str) -> tuple[int, int, int, int]:
    """(right, given, found, expected) lines of one page."""
    gold = "\n".join(norm(line) for line in expected)
    given = [norm(line) for line in text.split("\n") if norm(line) and norm(line) != norm(title)]
    right = sum(1 for line in given if line in gold)
    flat = norm(text)
    found = sum(1 for line in expected if norm(line) in flat)
    return right, len(given), found, len(expected)


def evaluate(reader: Callable[[bytes, str], Reading], manifest: dict) -> dict:
    """Totals of one reader over every page, and its per-page rows."""
    totals = dict(right=0, given=0, found=0, expected=0, perfect=0, title=0, date=0, author=0, url=0)
    rows = []
    for name, meta in manifest.items():
        expected = (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()
        got = reader((PAGES / f"{name}.html").read_bytes(), name)
        right, given, found, n = score_text(got.text, expected, meta["title"])
        for key, value in (("right", right), ("given", given), ("found", found), ("expected", n)):
            totals[key] += value
        totals["perfect"] += right == given and found == n
        totals["title"] += norm(got.title) == norm(meta["title"])
        totals["date"] += got.date == meta["date"]
        totals["author"] += got.author is not None and norm(got.author) == norm(meta["author"])
        totals["url"] += got.url is not None and got.url == meta["url"]
        rows.append((name, right, given, found, n, got.date, meta["date"]))
    return {"totals": totals, "rows": rows, "pages": len(manifest)}


def prf(t: dict) -> tuple[float, float, float]:
    p = t["right"] / t["given"] if t["given"] else 0.0
    r = t["found"] / t["expected"] if t["expected"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(results: dict[str, dict], dates_only: dict[str, dict]) -> str:
    n = next(iter(results.values()))["pages"]
    lines = ["| reader | lines P | lines R | F1 | pages exact | title | date | author | canonical URL |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for label, res in results.items():
        t = res["totals"]
        p, r, f = prf(t)
        author = f"{t['author']}/{n}" if label.startswith("trafilatura") else "—"
        url = f"{t['url']}/{n}" if label.startswith("trafilatura") else "—"
        lines.append(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {t['perfect']}/{n} | {t['title']}/{n} | {t['date']}/{n} | {author} | {url} |")
    for label, res in dates_only.items():
        lines.append(f"| {label} | | | | | | {res['totals']['date']}/{n} | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", action="store_true", help="also print one row per page")
    args = ap.parse_args(argv)
    manifest = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
    results = {label: evaluate(reader, manifest) for label, reader in READERS.items()}
    print(f"{len(manifest)} saved pages, {sum(len((PAGES / f'{k}.expected.txt').read_text().splitlines()) for k in manifest)} expected lines\n")
    dates_only = {"htmldate alone, date only": evaluate(htmldate_only(False), manifest),
                  "htmldate alone with its text search, date only": evaluate(htmldate_only(True), manifest)}
    print(table(results, dates_only))
    if args.pages:
        for label, res in results.items():
            print(f"\n{label}: page, right/given, found/expected, date (expected)")
            for name, right, given, found, n, date, want in res["rows"]:
                print(f"  {name:24} {right:3}/{given:<3} {found:3}/{n:<3} {date} ({want})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
