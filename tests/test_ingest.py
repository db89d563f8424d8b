"""ingest: every supported format, metadata, and a clear one-line error for every kind of bad input."""
from __future__ import annotations

import hashlib
import json

import pytest

from graph.errors import InputError
from graph.ingest import discover, make_document, read_all, read_file


def test_text_file_id_is_content_hash(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Washington urged Israel to refrain.\n", encoding="utf-8")
    [doc] = read_file(p)
    same = make_document("Washington urged Israel to refrain.")
    assert doc.id == same.id and len(doc.id) == 16
    assert doc.sha256 == hashlib.sha256(b"Washington urged Israel to refrain.").hexdigest()  # the text's hash
    assert doc.text == "Washington urged Israel to refrain."
    assert doc.source == str(p)


def test_a_corrected_date_or_title_is_a_new_version_of_the_document():
    """The id hashes the metadata the graph depends on, so re-ingesting a corrected date replaces the
    document instead of skipping it as unchanged; the text hash is unchanged."""
    text = "Russia attacked Ukraine on Monday."
    base = make_document(text, date="2025-04-02", title="A")
    assert make_document(text, date="2025-04-02", title="A").id == base.id
    for other in (make_document(text, date="2025-04-09", title="A"), make_document(text, date="2025-04-02", title="B")):
        assert other.id != base.id and other.sha256 == base.sha256


def test_bidi_controls_and_non_text_titles(tmp_path):
    doc = make_document("Iran \u202ewarned\u202c Israel.", title="\u202eTITLE \u2066x\u2069")
    assert doc.text == "Iran warned Israel." and doc.title == "TITLE x"
    p = tmp_path / "t.jsonl"
    p.write_text('{"text": "Qatar mediated talks.", "title": {"a": 1}}\n', encoding="utf-8")
    with pytest.raises(InputError, match="t.jsonl:1: title must be a string"):
        read_file(p)


def test_crlf_bom_and_trailing_space_do_not_change_the_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes("Line one.\nLine two.".encode())
    b.write_bytes("\ufeffLine one.  \r\nLine two.\r\n".encode())
    assert read_file(a)[0].id == read_file(b)[0].id


def test_sidecar_metadata(tmp_path):
    (tmp_path / "x.txt").write_text("Oman mediated talks.", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(json.dumps({"title": "T", "date": "2026-02-05T10:00:00Z", "source": "https://e.x/1"}))
    docs = read_all([tmp_path])
    assert len(docs) == 1  # the sidecar is not an article
    assert (docs[0].title, docs[0].date, docs[0].source) == ("T", "2026-02-05", "https://e.x/1")


def test_markdown_title_and_syntax_stripped(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Talks in Muscat\n\n**Oman** hosted [talks](http://x) between *Iran* and the US.\n", encoding="utf-8")
    [doc] = read_file(p)
    assert doc.title == "Talks in Muscat"
    assert doc.text == "Oman hosted talks between Iran and the US."


def test_html_visible_text_title_and_date(tmp_path):
    p = tmp_path / "a.html"
    p.write_text("""<html><head><title>Site | Story</title><meta property="article:published_time" content="2025-06-13">
        <script>var x = "Israel attacks Iran";</script><style>p{}</style></head>
        <body><nav>Home</nav><h1>Strikes</h1><p>Israel struck Iranian sites &amp; bases.</p></body></html>""", encoding="utf-8")
    [doc] = read_file(p)
    assert doc.title == "Strikes" and doc.date == "2025-06-13"
    assert "var x" not in doc.text and "Home" not in doc.text
    assert "Israel struck Iranian sites & bases." in doc.text


def test_jsonl_metadata_and_dedupe(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [{"id": "a", "title": "One", "date": "2025-06", "url": "https://e.x/a", "text": "Iran backs the Houthis."},
             {"id": "b", "body": "Iran backs the Houthis."},
             {"id": "c", "content": "Qatar mediates."}]
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs = read_all([p])
    assert [d.text for d in docs] == ["Iran backs the Houthis.", "Qatar mediates."]
    assert docs[0].date == "2025-06" and docs[0].source == "https://e.x/a" and docs[0].title == "One"


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t", "empty file"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin1.txt", "Caf\u00e9 talks in Gen\u00e8ve".encode("latin-1"), "not UTF-8"),
    ("ctrl.txt", bytes(range(1, 31)) * 20, "binary file"),
    ("bad.jsonl", b'{"text": "ok"}\n{not json}\n', "a.jsonl:2: not valid JSON"),
    ("notext.jsonl", b'{"title": "no body"}\n', "no article text"),
    ("date.jsonl", b'{"text": "x", "date": "last Tuesday"}\n', "not ISO 8601"),
    ("a.pdf", b"%PDF-1.4", "unsupported file type"),
])
def test_bad_input_is_one_clear_error(tmp_path, name, data, message):
    fname = "a.jsonl" if name == "bad.jsonl" else name
    p = tmp_path / fname
    p.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_all([p])
    text = str(err.value)
    assert message in text and "\n" not in text and str(p) in text


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="no articles found"):
        discover([tmp_path])


def test_missing_path():
    with pytest.raises(InputError, match="no such file"):
        discover(["/nonexistent/article.txt"])


# ------------------------------------------------------------------------------------ dates

@pytest.mark.parametrize("date,message", [
    ("2025-02-30", "not a real date"),
    ("2025-13-45", "not a real date"),
    ("2025-13", "not a real date"),
    ("2025-00", "not a real date"),  # month 00 was read as January (#13 item 10)
    ("2025-00-10", "not a real date"),
    ("2025-01-00", "not a real date"),
    ("2025.0", "not a real date"),
    ("yesterday", "not ISO 8601"),
])
def test_impossible_document_date_is_one_clear_error(tmp_path, date, message):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"date": date, "text": "India attacked Pakistan on Monday."}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_all([p])
    text = str(err.value)
    assert message in text and repr(date) in text and f"{p}:1" in text and "\n" not in text


@pytest.mark.parametrize("date", ["20250115", "2025/01/15", "2025-01-15T08:30:00+01:00"])
def test_other_date_forms_are_read_not_cut_to_the_year(tmp_path, date):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"date": date, "text": "Qatar mediates."}) + "\n", encoding="utf-8")
    assert read_all([p])[0].date == "2025-01-15"


def test_bad_sidecar_date_names_the_meta_file(tmp_path):
    (tmp_path / "x.txt").write_text("Oman mediated talks.", encoding="utf-8")
    meta = tmp_path / "x.meta.json"
    meta.write_text(json.dumps({"date": "2025-02-30"}))
    with pytest.raises(InputError) as err:
        read_all([tmp_path])
    assert str(err.value).startswith(f"{meta}: ") and "2025-02-30" in str(err.value)


def test_sidecar_date_overrides_html_date(tmp_path):
    (tmp_path / "x.html").write_text('<html><head><meta name="date" content="2024-01-01"></head>'
                                     '<body><p>Oman mediated talks.</p></body></html>', encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(json.dumps({"date": "2025/03/04"}))
    assert read_all([tmp_path])[0].date == "2025-03-04"


@pytest.mark.parametrize("head,body,expected", [
    ("", '<time datetime="10:30">10:30</time><time datetime="2025-03-04">4 March</time>', "2025-03-04"),
    ('<meta name="date" content="November 3, 2024">', "", "2024-11-03"),
    ('<meta name="date" content="2025-02-30"><meta property="article:published_time" content="2025-02-28">', "",
     "2025-02-28"),
    ('<meta name="date" content="last Tuesday">', '<time datetime="10:30">10:30</time>', None),
])
def test_unusable_html_dates_are_skipped(tmp_path, head, body, expected):
    p = tmp_path / "a.html"
    p.write_text(f"<html><head>{head}</head><body>{body}<p>Oman mediated talks.</p></body></html>", encoding="utf-8")
    [doc] = read_file(p)
    assert doc.date == expected and "Oman mediated talks." in doc.text


@pytest.mark.parametrize("head,body,expected", [
    # a sidebar's "related stories" come before the article: their dates are not its date
    ("", '<aside><time datetime="2019-05-01">2019</time></aside><article><time datetime="2025-03-04">4 March'
         '</time></article>', "2025-03-04"),
    ("", '<nav><time datetime="2019-05-01">x</time></nav>', None),
    # marked as the publication date: beats an earlier <time> of the text (an event the story recalls)
    ("", '<p>On <time datetime="2024-10-07">7 October</time></p><time pubdate datetime="2025-03-04">x</time>',
     "2025-03-04"),
    ("", '<p><time datetime="2024-10-07">then</time></p><time itemprop="datePublished" datetime="2025-03-04">x</time>',
     "2025-03-04"),
    # JSON-LD, news sites' usual markup, at any depth; a broken block is ignored
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", '
     '"datePublished": "2025-06-13T08:30:00+02:00"}]}</script>', '<time datetime="2024-01-01">x</time>', "2025-06-13"),
    ('<script type="application/ld+json">{"datePublished": </script>', '<time datetime="2024-01-02">x</time>',
     "2024-01-02"),
])
def test_html_publication_date_is_the_marked_one(tmp_path, head, body, expected):
    p = tmp_path / "a.html"
    p.write_text(f"<html><head>{head}</head><body>{body}<p>Oman mediated talks.</p></body></html>", encoding="utf-8")
    [doc] = read_file(p)
    assert doc.date == expected and "Oman mediated talks." in doc.text and "datePublished" not in doc.text
