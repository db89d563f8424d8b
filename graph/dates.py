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

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(\d{4}))?", re.I)
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


def normalise(expr: str, ref: str | None, past: bool = True) -> str | None:
    """Resolve ``expr`` against the reference date ``ref`` (ISO, any precision).

    ``past`` says whether the clause is about the past (a weekday then means the last such day).
    """
    text = " ".join(expr.strip().split()).strip(".,;")
    text = re.sub(r"^(on|in|since|by|from|during|until|as of)\s+", "", text, flags=re.I)
    r = parse_iso(ref)
    if m := _ISO.search(text):
        y, mo, d = map(int, m.groups())
        return _fmt(y, mo, d) if _valid(y, mo, d) else None
    if m := _MDY.search(text):
        mo, d = MONTHS[m.group(1).lower()[:3]], int(m.group(2))
        y = int(m.group(3)) if m.group(3) else (_nearest_year(mo, r) if r else None)
        if y is None or not _valid(y, mo, d):
            return None
        return _fmt(y, mo, d)
    if m := _DMY.search(text):
        d, mo = int(m.group(1)), MONTHS[m.group(2).lower()[:3]]
        y = int(m.group(3)) if m.group(3) else (_nearest_year(mo, r) if r else None)
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
        return _fmt(_nearest_year(mo, r), mo)
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
    if rd and rm:
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
