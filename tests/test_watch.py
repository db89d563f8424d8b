"""End to end against a real HTTP server on loopback: ``build URL``, ``ingest URL`` and ``watch`` —
polls that ingest what is new and refresh the page and report, an unchanged feed costing one request,
a failing feed not stopping the others, a restart remembering what was seen (in the store)."""
from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Loopback, Route, rss

from graph.cli import main
from graph.sources import warnings_to
from graph.sources.fetch import Client
from graph.sources.watch import Poll, parse_every, poll_once, watch

PAGES = Path(__file__).resolve().parent / "data" / "pages"
DATE = "Tue, 11 Feb 2025 08:00:00 GMT"


def client() -> Client:
    return Client(backoff=0.0, min_interval=0, retries=1, sleep=lambda s: None)


@pytest.fixture()
def srv():
    with Loopback() as server:
        for name in ("wp_classic", "guardian_like", "nyt_like", "reuters_like"):
            server.routes[f"/{name}.html"] = Route((PAGES / f"{name}.html").read_bytes())
        server.routes["/feed.xml"] = feed(server, ["wp_classic", "guardian_like"], '"v1"')
        server.routes["/html.xml"] = Route((PAGES / "bbc_like.html").read_bytes())  # "a feed" that is a page
        server.routes["/down.xml"] = Route(b"", 500)
        yield server


def feed(server: Loopback, names: list[str], etag: str) -> Route:
    return Route(rss([(server.url(f"/{n}.html"), n, DATE) for n in names]), content_type="application/rss+xml", etag=etag)


def test_parse_every():
    assert parse_every("15m") == 900 and parse_every("1h30m") == 5400 and parse_every("45") == 45
    for bad in ("soon", "1s", ""):
        with pytest.raises(Exception):
            parse_every(bad)


def test_poll_line():
    assert Poll(3, new=2, unchanged=1, failed=1, feeds=4, requests=6).line("T") == \
        "T poll 3: 2 new, 1 unchanged, 1 failed (4 feeds, 6 requests)"


@pytest.mark.slow
def test_build_from_a_feed_url(srv, tmp_path, capsys):
    srv.routes["/feed.xml"] = feed(srv, ["wp_classic", "gone", "guardian_like"], '"v1"')
    out = tmp_path / "out"
    assert main(["build", srv.url("/feed.xml"), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err.strip() == f"warning: {srv.url('/gone.html')}: HTTP 404 Not Found"
    assert captured.out.startswith("2 documents, ")
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert srv.url("/wp_classic.html") in ttl and "ag:url" in ttl and "Leila Haddad" in ttl
    assert "QAT" in ttl and (out / "graph.html").is_file() and (out / "report.md").is_file()


@pytest.mark.slow
def test_build_fails_whole_when_no_source_can_be_read(srv, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", srv.url("/gone.html"), srv.url("/html.xml") + "x", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert err[-1] == "actorgraph build: error: no articles found (2 URLs, none readable)"
    assert all(line.startswith("warning: ") for line in err[:-1]) and "Traceback" not in "".join(err)
    assert not (out / "graph.ttl").exists()


@pytest.mark.slow
def test_ingest_an_article_url(srv, tmp_path, capsys):
    store = tmp_path / "out" / "store"
    assert main(["ingest", srv.url("/nyt_like.html"), "--store", str(store)]) == 0
    assert "1 documents: 1 added" in capsys.readouterr().out
    assert main(["query", "--store", str(store), "-q",
                 "PREFIX ag: <https://w3id.org/actorgraph/ontology#> SELECT ?s WHERE { ?d ag:sourcePath ?s }"]) == 0
    assert srv.url("/nyt_like.html") in capsys.readouterr().out
    assert (tmp_path / "out" / "graph.html").is_file()


@pytest.mark.slow
def test_watch_polls_ingests_what_is_new_and_survives_a_failing_feed(srv, tmp_path):
    store = str(tmp_path / "out" / "store")
    lines: list[str] = []
    warned: list[str] = []
    hits: list[int] = []

    def between_polls(_seconds: float) -> None:
        hits.append(srv.hits("/feed.xml"))
        if len(hits) == 2:  # after the second poll the wire publishes a third story
            srv.routes["/feed.xml"] = feed(srv, ["reuters_like", "wp_classic", "guardian_like"], '"v2"')

    specs = [srv.url("/feed.xml"), srv.url("/down.xml"), srv.url("/html.xml")]
    with warnings_to(warned.append):
        assert watch(specs, store, every=60, polls=3, client=client(), log=lines.append, sleep=between_polls) == 3
    assert [line.split(" ", 1)[1].split(";")[0] for line in lines] == [
        "poll 1: 2 new, 0 unchanged, 2 failed (3 feeds, 6 requests)",
        "poll 2: 0 new, 1 unchanged, 2 failed (3 feeds, 4 requests)",  # the feed: one conditional request
        "poll 3: 1 new, 0 unchanged, 2 failed (3 feeds, 5 requests)"]  # the feed and the one new story
    # (the 500 is asked twice a poll: once more after a back-off; the page posing as a feed once)
    assert lines[0].endswith("; the store holds 2 documents, " + lines[0].split("2 documents, ")[1])
    assert "the store holds 3 documents" in lines[2]
    assert srv.hits("/wp_classic.html") == 1 and srv.hits("/reuters_like.html") == 1
    assert sum("/down.xml: HTTP 500" in w for w in warned) == 3 and sum("is an HTML page, not a feed" in w for w in warned) == 3
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    # refreshed after the poll that ingested it (the page embeds the documents its evidence cites: this
    # story states no interaction, so its count is what shows it arrived)
    assert '"countsLine":"3 documents' in page
    assert "India and Pakistan" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_watch_remembers_across_restarts_in_the_store(srv, tmp_path, capsys):
    store = str(tmp_path / "store")
    assert main(["watch", srv.url("/feed.xml"), "--store", store, "--once"]) == 0
    assert " poll 1: 2 new, 0 unchanged, 0 failed (1 feed, 3 requests)" in capsys.readouterr().out
    before = len(srv.requests)
    assert main(["watch", srv.url("/feed.xml"), "--store", store, "--once"]) == 0  # a new process, in effect
    assert " poll 1: 0 new, 1 unchanged, 0 failed (1 feed, 1 request)" in capsys.readouterr().out
    assert len(srv.requests) == before + 1 and srv.requests[-1][1]["if-none-match"] == '"v1"'
    srv.routes["/feed.xml"] = feed(srv, ["guardian_like", "wp_classic"], '"v2"')  # re-ordered, nothing new
    assert main(["watch", srv.url("/feed.xml"), "--store", store, "--once"]) == 0
    assert " poll 1: 0 new, 1 unchanged, 0 failed (1 feed, 1 request)" in capsys.readouterr().out
    assert main(["validate", "--store", store]) == 0  # the remembered feeds sit beside the documents
    assert main(["query", "--store", store, "-q", "PREFIX ag: <https://w3id.org/actorgraph/ontology#> "
                 "SELECT ?u WHERE { ?f a ag:Feed ; ag:url ?u }"]) == 0
    assert srv.url("/feed.xml") in capsys.readouterr().out


@pytest.mark.slow
def test_an_item_that_failed_is_retried_on_later_polls_even_if_the_feed_is_unchanged(srv, tmp_path):
    srv.routes["/feed.xml"] = feed(srv, ["wp_classic", "flaky"], '"v1"')
    srv.routes["/flaky.html"] = Route(b"", 503)
    store = str(tmp_path / "store")
    with warnings_to(lambda _w: None):
        first = poll_once([srv.url("/feed.xml")], store, client=client(), views=False)
        srv.routes["/flaky.html"] = Route((PAGES / "guardian_like.html").read_bytes())
        second = poll_once([srv.url("/feed.xml")], store, client=client(), views=False)
        third = poll_once([srv.url("/feed.xml")], store, client=client(), views=False)
    assert (first.new, first.failed, second.new, second.failed) == (1, 1, 1, 0)
    assert (third.new, third.unchanged, third.requests) == (0, 1, 1)


@pytest.mark.slow
def test_a_failed_ingest_keeps_nothing_so_the_next_poll_fetches_again(srv, tmp_path, monkeypatch):
    import graph.pipeline
    from graph.errors import StoreError

    store = str(tmp_path / "store")
    real = graph.pipeline.ingest_files

    def locked(*args, **kwargs):
        raise StoreError(f"store {store} is in use by another process (a running build or serve?)")

    monkeypatch.setattr(graph.pipeline, "ingest_files", locked)
    warned: list[str] = []
    with warnings_to(warned.append):
        first = poll_once([srv.url("/feed.xml")], store, client=client(), views=False)
    assert first.new == 0 and first.failed == 2 and "nothing ingested, will retry: store" in warned[0]
    monkeypatch.setattr(graph.pipeline, "ingest_files", real)
    second = poll_once([srv.url("/feed.xml")], store, client=client(), views=False)
    assert second.new == 2  # the feed was asked again without its ETag: nothing of the failed poll was kept
    assert srv.requests[-3][1].get("if-none-match") is None


def test_watch_arguments_are_checked_before_polling(tmp_path, capsys):
    assert main(["watch", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"), "--once"]) == 2
    assert capsys.readouterr().err.strip() == f"actorgraph watch: error: {tmp_path / 'nope.txt'}: not a URL and no such file"
    with pytest.raises(SystemExit) as stop:  # a usage error: argparse's one line, exit 2
        main(["watch", "https://example.org/feed", "--every", "1s"])
    assert stop.value.code == 2 and "'1s' is too often: poll at most every 10 s" in capsys.readouterr().err


def test_watch_help_loads_nothing_heavy():
    import os
    import subprocess
    import sys

    from graph.namespaces import GRAPHS
    from graph.sources.state import SOURCES_GRAPH

    assert SOURCES_GRAPH == str(GRAPHS["sources"])
    root = Path(__file__).resolve().parent.parent
    probe = ("import sys\nfrom graph.cli import main\ntry:\n    main(['watch', '--help'])\nexcept SystemExit:\n    pass\n"
             "print('HEAVY', [m for m in ('spacy', 'rdflib', 'networkx', 'trafilatura', 'feedparser', 'urllib3') if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(root)})
    assert "usage: actorgraph watch" in r.stdout and r.stdout.strip().splitlines()[-1] == "HEAVY []", r.stdout[-300:] + r.stderr
