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


# ------------------------------------------------------------------------------------ field types (#13)

@pytest.mark.parametrize("meta,field", [
    ({"source": ["a", "b"]}, "source"),  # a list crashed the build after the outputs were written
    ({"source": {"url": "x"}}, "source"),
    ({"source": 5}, "source"),  # stored as an xsd:integer ag:sourcePath
    ({"source": True}, "source"),
    ({"title": 7}, "title"),
    ({"title": ["a"]}, "title"),
    ({"date": 2025.0}, "date"),
    ({"date": True}, "date"),
    ({"date": ["2025"]}, "date"),
])
def test_sidecar_fields_must_have_their_types(tmp_path, meta, field):
    (tmp_path / "x.txt").write_text("Oman mediated talks.", encoding="utf-8")
    sidecar = tmp_path / "x.meta.json"
    sidecar.write_text(json.dumps(meta))
    with pytest.raises(InputError) as err:
        read_all([tmp_path])
    text = str(err.value)
    assert text.startswith(f"{sidecar}: {field} must be") and "\n" not in text


@pytest.mark.parametrize("record,field", [
    ({"text": "Oman mediated talks.", "url": ["https://e.x/a"]}, "url"),
    ({"text": "Oman mediated talks.", "source": 12}, "source"),
    ({"text": "Oman mediated talks.", "source": False}, "source"),
    ({"text": "Oman mediated talks.", "id": ["a"]}, "id"),
    ({"text": ["Oman mediated talks."]}, "text"),
    ({"text": "Oman mediated talks.", "body": {"x": 1}}, "body"),
    ({"text": "Oman mediated talks.", "date": 2025.5}, "date"),
    ({"text": "Oman mediated talks.", "title": 3}, "title"),
])
def test_jsonl_fields_must_have_their_types(tmp_path, record, field):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_all([p])
    assert str(err.value).startswith(f"{p}:1: {field} must be") and "\n" not in str(err.value)


def test_null_fields_are_absent_and_integer_dates_are_read(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "Oman mediated talks.", "title": None, "url": None, "date": 2025, "id": 4}) + "\n",
                 encoding="utf-8")
    [doc] = read_all([p])
    assert doc.date == "2025" and doc.source == f"{p.resolve()}#4"


def test_a_bad_sidecar_fails_the_build_before_anything_is_written(tmp_path):
    from graph.pipeline import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Oman mediated talks between Iran and the United States.", encoding="utf-8")
    (corpus / "a.meta.json").write_text(json.dumps({"source": ["x", "y"]}))
    with pytest.raises(InputError, match="source must be a string"):
        build([corpus], tmp_path / "out")
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------------ NUL, surrogates (#13)

def test_a_nul_byte_anywhere_in_a_file_is_binary(tmp_path):
    """Only the first 8 KB were checked: a NUL after them reached graph.ttl and graph.html."""
    p = tmp_path / "late.txt"
    p.write_bytes(b"Qatar mediated talks between Israel and Hamas. " * 400 + b"\x00 Iran backs the Houthis.")
    with pytest.raises(InputError, match="binary file"):
        read_file(p)


@pytest.mark.parametrize("record,what", [
    ('{"text": "Qatar mediated talks.\\u0000 Iran backs the Houthis."}', "NUL"),
    ('{"text": "Qatar mediated talks.", "title": "a\\u0000b"}', "NUL"),
    ('{"text": "Qatar mediated talks \\ud800 between Israel and Hamas."}', "surrogate"),
    ('{"text": "Qatar mediated talks.", "url": "https://e.x/\\udfff"}', "surrogate"),
])
def test_nul_and_lone_surrogates_in_jsonl_are_one_line_errors(tmp_path, record, what):
    """A lone surrogate was a UnicodeEncodeError traceback; a \\u0000 reached the outputs."""
    p = tmp_path / "a.jsonl"
    p.write_text(record + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_all([p])
    assert str(err.value).startswith(f"{p}:1: ") and what in str(err.value) and "\n" not in str(err.value)


def test_make_document_refuses_nul_and_surrogates():
    for text in ("a\x00b", "a\ud800b"):
        with pytest.raises(InputError):
            make_document(text)


# ------------------------------------------------------------------------------------ unreadable folders (#13)

def as_nobody(fn) -> str:
    """``repr(fn())`` or "ExceptionName: message", computed in a forked child running as an
    unprivileged user: as root, a chmod 000 folder is still readable (and the interpreter of a
    virtual environment under /root is not reachable by another user, so no exec)."""
    import os

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            try:
                answer = "ok " + repr(fn())
            except BaseException as exc:  # noqa: BLE001 - reported to the parent
                answer = f"{type(exc).__name__}: {exc}"
            os.write(write_end, answer.encode("utf-8", "replace"))
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8")


def test_an_unreadable_subfolder_is_an_error_not_skipped(tmp_path_factory):
    """rglob skipped a folder it could not list, and a rebuild then dropped its documents from the store."""
    import os
    import tempfile

    base = tempfile.mkdtemp(prefix="ag-unreadable-")  # a place the unprivileged user can reach
    try:
        os.chmod(base, 0o755)
        corpus = os.path.join(base, "corpus")
        os.makedirs(os.path.join(corpus, "private"))
        with open(os.path.join(corpus, "a.txt"), "w") as fh:
            fh.write("Qatar mediated talks.")
        with open(os.path.join(corpus, "private", "b.txt"), "w") as fh:
            fh.write("Iran backs the Houthis.")
        os.chmod(corpus, 0o755)
        os.chmod(os.path.join(corpus, "private"), 0o000)
        answer = as_nobody(lambda: discover([corpus]))
        assert answer.startswith("InputError: "), answer
        assert f"{corpus}/private: cannot read folder" in answer and "Permission denied" in answer
    finally:
        os.chmod(os.path.join(base, "corpus", "private"), 0o755)
        import shutil
        shutil.rmtree(base, ignore_errors=True)


def test_hidden_folders_and_symlinked_folders_are_not_walked(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Qatar mediated talks.")
    (tmp_path / "a.txt").write_text("Iran backs the Houthis.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# T\n\nOman mediates.")
    (tmp_path / "link").symlink_to(tmp_path / "sub")
    assert discover([tmp_path]) == [tmp_path / "a.txt", tmp_path / "sub" / "b.md"]


# ------------------------------------------------------------------------------------ source identity (#13)

def test_source_is_the_resolved_path(tmp_path, monkeypatch):
    """``build dir/`` then ``ingest $PWD/dir/a.txt`` recorded two sources for one file."""
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text("Qatar mediated talks.", encoding="utf-8")
    (tmp_path / "dir" / "b.jsonl").write_text('{"text": "Oman mediates."}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rel = read_all(["dir"])
    absolute = read_all([tmp_path / "dir" / "a.txt", str(tmp_path / "dir" / ".." / "dir" / "b.jsonl")])
    assert [d.source for d in rel] == [d.source for d in absolute] == [
        str((tmp_path / "dir" / "a.txt").resolve()), f"{(tmp_path / 'dir' / 'b.jsonl').resolve()}#1"]
