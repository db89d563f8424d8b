"""dates: written dates in either order, metadata dates, and the --reference-date option."""
from __future__ import annotations

import pytest

from graph import cli
from graph.dates import normalise, parse_date


@pytest.mark.parametrize("expr,expected", [
    # day first: the "20" of the year was read as the day of a month-first date
    ("3 March 2025", "2025-03-03"),
    ("4 March 2025", "2025-03-04"),
    ("7 May 2025", "2025-05-07"),
    ("12 June 2024", "2024-06-12"),
    ("31 December 2024", "2024-12-31"),
    ("4th March 2025", "2025-03-04"),
    ("4th of March 2025", "2025-03-04"),
    ("on 4 March, 2025", "2025-03-04"),
    # month first and the other forms must not change
    ("March 4, 2025", "2025-03-04"),
    ("March 4th, 2025", "2025-03-04"),
    ("Sept. 30, 2024", "2024-09-30"),
    ("Feb. 5", "2025-02-05"),
    ("March 20", "2025-03-20"),
    ("4 March", "2025-03-04"),
    ("March 2025", "2025-03"),
    ("December 2024", "2024-12"),
    ("mid-June", "2025-06"),
    ("last June", "2024-06"),
    ("in 2025", "2025"),
    ("2025-03-04", "2025-03-04"),
    ("Feb. 29, 2025", None),
])
def test_written_dates_in_either_order(expr, expected):
    assert normalise(expr, "2025-06-01") == expected


def test_impossible_reference_date_resolves_nothing_instead_of_crashing():
    assert normalise("yesterday", "2025-02-30") is None


@pytest.mark.parametrize("value,expected", [
    ("2025", "2025"), ("2025-06", "2025-06"), ("2025-06-13", "2025-06-13"),
    ("2026-02-05T10:00:00Z", "2026-02-05"), ("2025-06-13 10:00", "2025-06-13"),
    ("20250115", "2025-01-15"), ("2025/01/15", "2025-01-15"),
    ("2025-02-30", None), ("2025-13-45", None), ("2025-13", None), ("0000", None),
    ("10:30", None), ("yesterday", None), ("2025/01-15", None),
])
def test_parse_metadata_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("command", ["build", "ingest"])
@pytest.mark.parametrize("value", ["tomorrow", "2025-02-30", "2025-13-01", "2025-06", "20250601"])
def test_reference_date_must_be_a_real_day(capsys, command, value):
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "x.txt", "--reference-date", value])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--reference-date" in err and repr(value) in err and "Traceback" not in err


def test_reference_date_accepts_a_real_day():
    args = cli.make_parser("build").parse_args(["build", "x.txt", "--reference-date", "2024-02-29"])
    assert args.reference_date == "2024-02-29"


def test_day_first_date_in_extraction(extract_text):
    ex = extract_text("Venezuela threatened Guyana on 4 March 2025.", date=None)
    [ix] = [i for i in ex.interactions if i.source == "VEN"]
    assert (ix.date, ix.date_text) == ("2025-03-04", "4 March 2025")


@pytest.mark.parametrize("expr,ref,past,expected", [
    # a date without a year in a clause about the past: its latest occurrence not after the reference
    ("April 22", "2026-12-06", True, "2026-04-22"),  # was 2027-04-22 (the nearest April)
    ("December 20", "2026-12-06", True, "2025-12-20"),  # later this month has not happened yet
    ("December 6", "2026-12-06", True, "2026-12-06"),  # the reference day itself is not after it
    ("in June", "2026-02-05", True, "2025-06"),
    ("June", "2026-06", True, "2026-06"),  # month precision: June is not after June
    # present or future: the nearest occurrence, before or after
    ("April 22", "2026-12-06", False, "2027-04-22"),
    ("December 20", "2026-12-06", False, "2026-12-20"),
    ("in June", "2026-02-05", False, "2026-06"),
])
def test_a_date_without_a_year_is_not_in_the_future_of_a_past_clause(expr, ref, past, expected):
    assert normalise(expr, ref, past=past) == expected


def test_undated_article_built_today_gets_no_future_date(gz, nlp):
    from graph.extract import extract_doc
    from graph.ingest import make_document

    doc = make_document("Israel attacked Iran on April 22, officials said.")
    ex = extract_doc(nlp(doc.text), doc, gz, reference_date="2026-12-06")
    assert ex.doc_date == "2026-04-22"  # inferred from the text: was 2027-04-22, a date in the future
    assert [(ix.relation, ix.date) for ix in ex.interactions] == [("attacks", "2026-04-22")]


@pytest.mark.parametrize("value", ["2025-00", "2025.0", "2025/00/01", "2025-01-00", "20250001", "2025-00-00"])
def test_month_or_day_zero_is_not_a_date(value):
    """``real_date`` read a month of 0 as "no month" (``m or 1``): "2025-00" passed as January."""
    from graph.dates import real_date
    assert parse_date(value) is None
    assert not real_date(2025, 0) and not real_date(2025, 1, 0)
