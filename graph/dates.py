"""Normalise the time expressions of news text against the document's date.

News rarely gives full dates: "last June", "on Friday", "in 2025", "Feb. 5", "last year". Each is
resolved relative to the document date (from metadata, else the first dated attribution in the text)
and returned at the precision the text supports: ``YYYY-MM-DD`` (xsd:date), ``YYYY-MM``
(xsd:gYearMonth) or ``YYYY`` (xsd:gYear). An expression that cannot be pinned down returns None —
an undated claim is better than a wrongly dated one.
"""
from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "MONTHS", "WEEKDAYS", "date_parts", "looks_like_duration", "normalise", "parse_date", "parse_iso",
    "real_date", "reference_day"
]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

# Whole month names or their abbreviations only, so "Mayor" or "Marching" are not months.
_MONTH = (r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# The day ends at a word boundary: in "March 2025" the "20" of the year is not a day.
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4})\b)?", re.I)
# Metadata dates: YYYY, YYYY-MM, YYYY-MM-DD (a datetime keeps its date), also YYYY/MM/DD, YYYY.MM.DD
# and the ISO basic form YYYYMMDD.
_META_SEP = re.compile(r"^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2})(?:[T\s]\S.*)?)?)?$")
_META_BASIC = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T\S*)?$")
_MY = re.compile(r"^(?:(last|next|this|early|late|mid|in)[\s-]+)?" + _MONTH + r"(?:\s+(?:of\s+)?(\d{4}))?$", re.I)
_YEAR = re.compile(r"^(?:in\s+|early\s+|late\s+|mid-?)?(\d{4})$", re.I)
_REL_YEAR = re.compile(r"^(last|next|this|past)\s+year$", re.I)
_REL_MONTH = re.compile(r"^(last|next|this|past)\s+month$", re.I)
_WEEKDAY = re.compile(r"^(?:(last|next|this|on)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO date/year-month/year string, missing parts as None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def date_parts(value: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a metadata date written with digits, not yet checked against the
    calendar; None for any other form. Separate from the check so a caller can tell "not a date
    format" from "no such day" (2025-02-30) in its error message."""
    value = value.strip()
    if m := _META_BASIC.match(value):
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m := _META_SEP.match(value):
        return int(m.group(1)), int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None
    return None


def real_date(y: int, m: int | None = None, d: int | None = None) -> bool:
    """Whether the year / year-month / day exists in the calendar (an RDF store rejects 2025-13).

    ``None`` means "not given"; 0 is a value, and no month or day is 0 ("2025-00" and "2025.0" are
    not January: ``m or 1`` once read them so)."""
    return _valid(y, 1 if m is None else m, 1 if d is None else d)


def parse_date(value: str) -> str | None:
    """A metadata date as ISO at its own precision (``20250115`` and ``2025/01/15`` -> ``2025-01-15``),
    or None when it is not a date or not a real one.

    >>> parse_date("2025/01/15"), parse_date("2025-13-01")
    ('2025-01-15', None)
    """
    parts = date_parts(value)
    if parts is None or not real_date(*parts):
        return None
    return _fmt(*parts)


def reference_day(value: str) -> str:
    """The day ``value`` names, checked: a real YYYY-MM-DD day, else ``ValueError``. Every relative
    date in undated documents is resolved against the reference day, so a typo must not pass
    (``--reference-date`` and ``build(reference_date=…)`` both check it here).

    >>> reference_day("2024-02-29 ")
    '2024-02-29'
    >>> reference_day("2025-02-30")
    Traceback (most recent call last):
    ValueError: '2025-02-30' is not a real date in the form YYYY-MM-DD
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) or parse_date(value) is None:
        raise ValueError(f"{value!r} is not a real date in the form YYYY-MM-DD")
    return value.strip()


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _nearest_year(month: int, ref: tuple[int, int | None, int | None]) -> int:
    """A month mentioned without a year is the one closest to the reference date (within ±6 months)."""
    y, m, _ = ref
    if m is None:
        return y
    delta = month - m
    if delta > 6:
        return y - 1
    if delta < -6:
        return y + 1
    return y


def _latest_year(month: int, day: int | None, ref: tuple[int, int | None, int | None]) -> int:
    """The year of the latest ``month`` (and ``day``) not after the reference date.

    Why not the nearest: news reports what has happened, so "the attack on April 22" in an article
    of 6 December is last April, not next; the nearest-month rule made it a date in the future
    (and, through an undated article's inferred date, a document dated next year). Compared at the
    precision both sides have: against a year-month reference, April is "not after" April."""
    y, m, d = ref
    if m is None:
        return y
    if day is None or d is None:
        return y if month <= m else y - 1
    return y if (month, day) <= (m, d) else y - 1


def _year_without(month: int, day: int | None, ref: tuple[int, int | None, int | None], past: bool) -> int:
    """A date written without its year: in a clause about the past, its latest occurrence not after
    the reference; otherwise (present or future: "will meet on April 22", "talks open on Monday")
    the nearest one, before or after, since present-tense news points either way."""
    return _latest_year(month, day, ref) if past else _nearest_year(month, ref)


def _day_month(text: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of the first "March 4, 2025" or "4 March 2025" in ``text``: the
    earlier of the two readings wins, so neither order shadows the other."""
    mdy, dmy = _MDY.search(text), _DMY.search(text)
    if mdy and (not dmy or mdy.start() <= dmy.start()):
        return int(mdy.group(2)), MONTHS[mdy.group(1).lower()[:3]], int(mdy.group(3)) if mdy.group(3) else None
    if dmy:
        return int(dmy.group(1)), MONTHS[dmy.group(2).lower()[:3]], int(dmy.group(3)) if dmy.group(3) else None
    return None


def normalise(expr: str, ref: str | None, past: bool = True) -> str | None:
    """Resolve ``expr`` against the reference date ``ref`` (ISO, any precision).

    ``past`` says whether the clause is about the past: a weekday then means the last such day, and
    a date without a year ("April 22", "in June") its latest occurrence not after ``ref``; in a
    present or future clause, the next such weekday and the nearest such date.

    >>> normalise("last Monday", "2025-04-12"), normalise("in June", "2025-04-12")
    ('2025-04-07', '2024-06')
    >>> normalise("June 3", "2025-04-12", past=False)
    '2025-06-03'
    """
    text = " ".join(expr.strip().split()).strip(".,;")
    text = re.sub(r"^(on|in|since|by|from|during|until|as of)\s+", "", text, flags=re.I)
    r = parse_iso(ref)
    if m := _ISO.search(text):
        y, mo, d = map(int, m.groups())
        return _fmt(y, mo, d) if _valid(y, mo, d) else None
    if day := _day_month(text):
        d, mo, year = day
        y = year if year else (_year_without(mo, d, r, past) if r else None)
        if y is None or not _valid(y, mo, d):
            return None
        return _fmt(y, mo, d)
    if m := _MY.match(text):
        rel, mo, year = (m.group(1) or "").lower(), MONTHS[m.group(2).lower()[:3]], m.group(3)
        if year:
            return _fmt(int(year), mo)
        if not r:
            return None
        ry, rm, _ = r
        if rel == "last":
            return _fmt(ry - 1 if rm is None or mo >= rm else ry, mo)
        if rel == "next":
            return _fmt(ry + 1 if rm is None or mo <= rm else ry, mo)
        if rel == "this":
            return _fmt(ry, mo)
        return _fmt(_year_without(mo, None, r, past), mo)
    if m := _YEAR.match(text):
        return m.group(1)
    if not r:
        return None
    ry, rm, rd = r
    if m := _REL_YEAR.match(text):
        return _fmt(ry + {"last": -1, "past": -1, "next": 1, "this": 0}[m.group(1).lower()])
    if (m := _REL_MONTH.match(text)) and rm:
        shift = {"last": -1, "past": -1, "next": 1, "this": 0}[m.group(1).lower()]
        total = ry * 12 + (rm - 1) + shift
        return _fmt(total // 12, total % 12 + 1)
    low = text.lower()
    if rd and rm and _valid(ry, rm, rd):  # an impossible reference resolves nothing rather than crash
        base = dt.date(ry, rm, rd)
        if low in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
            return base.isoformat()
        if low in {"yesterday", "last night"}:
            return (base - dt.timedelta(days=1)).isoformat()
        if low == "tomorrow":
            return (base + dt.timedelta(days=1)).isoformat()
        if m := _WEEKDAY.match(text):
            rel, wd = (m.group(1) or "").lower(), WEEKDAYS[m.group(2).lower()]
            if rel == "last" or (rel in {"", "on"} and past):
                days = (base.weekday() - wd) % 7 or (7 if rel == "last" else 0)
                return (base - dt.timedelta(days=days)).isoformat()
            days = (wd - base.weekday()) % 7 or 7
            return (base + dt.timedelta(days=days)).isoformat()
    return None


def looks_like_duration(expr: str) -> bool:
    """'some twelve days', 'a year', '12-day': lengths of time, not points in time."""
    low = expr.lower()
    if re.search(r"\b(last|next|this|past|early|late|mid)\b", low) and not re.search(r"\b(days|weeks|months|years)\b", low):
        return False
    return bool(re.search(r"(\b(some|about|around|nearly|almost|over|for|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)[\s-]+(days?|weeks?|months?|years?|hours?)\b)|\d+-day", low))
