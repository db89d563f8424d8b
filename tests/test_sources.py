"""The polite client, feeds, lists of feeds and URL inputs, against a real HTTP server on loopback.

Every bad source of the issue is here as a one-line warning with the rest of the run going on: 404,
500 (retried, then given up), a feed that is an HTML page, a redirect loop, a 50 MB page, wrong and
missing charsets, a page without article text. No extraction runs here (fast); the end-to-end
``build``/``ingest``/``watch`` runs are in test_watch.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Loopback, Route, atom, http_date, rss

from graph.errors import InputError
from graph.sources import warnings_to
from graph.sources.feeds import is_source_list, read_source_list
from graph.sources.fetch import USER_AGENT, Client, FetchError
from graph.sources.inputs import normalise_url, read_inputs

PAGES = Path(__file__).resolve().parent / "data" / "pages"
DATE = "Tue, 11 Feb 2025 08:00:00 GMT"


def client(**kw) -> Client:
    """The real client, minus the waiting: back-off and per-host pauses are recorded, not slept."""
    slept: list[float] = []
    c = Client(backoff=0.01, min_interval=0, sleep=slept.append, **kw)
    c.slept = slept  # type: ignore[attr-defined]
    return c


@pytest.fixture()
def srv():
    with Loopback() as server:
        server.routes["/wp.html"] = Route((PAGES / "wp_classic.html").read_bytes())
        server.routes["/guardian.html"] = Route((PAGES / "guardian_like.html").read_bytes())
        yield server


def test_the_client_names_itself_and_fetches(srv):
    resp = client().get(srv.url("/wp.html"))
    assert resp.status == 200 and resp.content_type == "text/html" and resp.charset == "utf-8"
    assert b"Qatar hosted" in resp.body
    assert srv.requests[0][1]["user-agent"] == USER_AGENT and USER_AGENT.startswith("actorgraph/")


def test_an_unchanged_feed_costs_one_request_and_no_body(srv):
    srv.routes["/feed.xml"] = Route(rss([(srv.url("/wp.html"), "Qatar", DATE)]), content_type="application/rss+xml",
                                    etag='"v1"', last_modified=http_date(1_739_260_800))
    c = client()
    first = c.get(srv.url("/feed.xml"))
    again = c.get(srv.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b"" and srv.hits("/feed.xml") == 2
    assert srv.requests[-1][1]["if-none-match"] == '"v1"' and "if-modified-since" in srv.requests[-1][1]


def test_5xx_is_retried_with_back_off_then_given_up_and_404_is_not_retried(srv):
    srv.routes["/down"] = Route(b"oops", 503)
    c = client(retries=2)
    with pytest.raises(FetchError, match=r"/down: HTTP 503 Service Unavailable$"):
        c.get(srv.url("/down"))
    assert srv.hits("/down") == 3 and c.slept == [0.01, 0.02]  # 1x, 2x the back-off
    with pytest.raises(FetchError, match=r"HTTP 404 Not Found"):
        c.get(srv.url("/nothing-here"))
    assert srv.hits("/nothing-here") == 1


def test_retry_after_is_honoured_up_to_a_bound(srv):
    srv.routes["/busy"] = Route(b"", 429, headers={"Retry-After": "7200"})
    c = client(retries=1, max_retry_after=30)
    with pytest.raises(FetchError, match="HTTP 429"):
        c.get(srv.url("/busy"))
    assert c.slept == [30]


def test_redirects_are_followed_and_a_loop_is_named(srv):
    srv.routes["/old"] = Route(b"", 301, headers={"Location": "/wp.html"})
    assert client().get(srv.url("/old")).url == srv.url("/wp.html")
    srv.routes["/a"] = Route(b"", 302, headers={"Location": "/b"})
    srv.routes["/b"] = Route(b"", 302, headers={"Location": srv.url("/a")})
    with pytest.raises(FetchError, match=r"/a: redirect loop \(back to .*/a\)"):
        client().get(srv.url("/a"))
    srv.routes["/ftp"] = Route(b"", 302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http"):
        client().get(srv.url("/ftp"))


def _zeros(total: int):
    def gen():
        block = b"<p>" + b"x" * 65_000 + b"</p>"
        for _ in range(total // len(block) + 1):
            yield block
    return gen


def test_a_50_mb_page_stops_at_the_cap(srv):
    srv.routes["/huge"] = Route(_zeros(50_000_000), length=50_000_000)  # announced: refused unread
    with pytest.raises(FetchError, match=r"/huge: larger than the 10 MB cap \(Content-Length 50 MB\)"):
        client().get(srv.url("/huge"))
    srv.routes["/huge-chunked"] = Route(_zeros(50_000_000))  # not announced: read up to the cap only
    with pytest.raises(FetchError, match=r"/huge-chunked: larger than the 10 MB cap$"):
        client().get(srv.url("/huge-chunked"))


def test_connection_refused_is_one_line():
    with pytest.raises(FetchError, match=r"127.0.0.1:9/x: connection refused$"):
        client(retries=0).get("http://127.0.0.1:9/x")


def test_a_feed_url_builds_documents_with_their_urls_as_source(srv):
    srv.routes["/feed.xml"] = Route(rss([(srv.url("/wp.html"), "Qatar", DATE), (srv.url("/guardian.html"), "Germany", DATE)]),
                                    content_type="application/rss+xml")
    docs = read_inputs([srv.url("/feed.xml")], client=client())
    assert [d.source for d in docs] == [srv.url("/wp.html"), srv.url("/guardian.html")]
    assert docs[0].title.startswith("Qatar steps up mediation") and docs[0].date == "2025-02-11"
    assert docs[0].author == "Leila Haddad" and docs[0].url.startswith("https://gulfdispatch.example/")


def test_atom_feeds_and_feeds_served_as_text_xml_are_feeds(srv):
    srv.routes["/atom"] = Route(atom([(srv.url("/wp.html"), "Qatar", "2025-02-11T08:00:00Z")]), content_type="text/xml")
    assert [d.source for d in read_inputs([srv.url("/atom")], client=client())] == [srv.url("/wp.html")]


def test_items_are_deduplicated_by_url_and_by_text(srv):
    srv.routes["/copy.html"] = Route((PAGES / "wp_classic.html").read_bytes())  # the same story elsewhere
    srv.routes["/feed.xml"] = Route(rss([(srv.url("/wp.html"), "Qatar", DATE), (srv.url("/wp.html#top"), "Qatar", DATE),
                                         (srv.url("/copy.html"), "Qatar", DATE)]), content_type="application/rss+xml")
    docs = read_inputs([srv.url("/feed.xml"), srv.url("/wp.html?utm_source=x")], client=client())
    assert [d.source for d in docs] == [srv.url("/wp.html")]
    assert normalise_url("HTTP://Example.ORG/a?utm_medium=rss&id=3#x") == "http://example.org/a?id=3"


def test_bad_sources_are_one_line_warnings_and_the_rest_goes_on(srv):
    latin = (PAGES / "guardian_like.html").read_text(encoding="utf-8").replace("Berlin", "Münster").replace('<meta charset="utf-8">', "")
    srv.routes["/latin.html"] = Route(latin.encode("cp1252"), content_type="text/html")  # no charset anywhere
    srv.routes["/wrong.html"] = Route(latin.replace("Münster", "Köln").encode("utf-8"),
                                      content_type="text/html; charset=iso-8859-1")  # declared wrong
    srv.routes["/nav-only.html"] = Route(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    srv.routes["/html-feed.xml"] = Route((PAGES / "bbc_like.html").read_bytes())
    srv.routes["/500"] = Route(b"", 500)
    srv.routes["/loop"] = Route(b"", 302, headers={"Location": "/loop"})
    srv.routes["/big"] = Route(_zeros(50_000_000), length=50_000_000)
    srv.routes["/feed.xml"] = Route(rss([(srv.url(p), p, DATE) for p in ("/missing", "/500", "/loop", "/big", "/nav-only.html",
                                                                           "/latin.html", "/wrong.html", "/wp.html")]),
                                    content_type="application/rss+xml")
    seen: list[str] = []
    with warnings_to(seen.append):
        docs = read_inputs([srv.url("/feed.xml")], client=client(retries=1))
    with warnings_to(seen.append):
        with pytest.raises(InputError, match=r"^no articles found \(1 URLs, none readable\)$"):
            read_inputs([srv.url("/html-feed.xml") + "?as-feed"], client=client())
    assert [d.source for d in docs] == [srv.url("/latin.html"), srv.url("/wrong.html"), srv.url("/wp.html")]
    assert "Münster" in docs[0].text and "Köln" in docs[1].text  # nothing lost to a charset
    expected = ["/missing: HTTP 404", "/500: HTTP 500", "/loop: redirect loop", "/big: larger than the 10 MB cap",
                "/nav-only.html: no article text", "/latin.html: no charset declared and not UTF-8",
                "/wrong.html: declared iso-8859-1 but the bytes are UTF-8", "?as-feed: HTTP 404"]
    for needle, line in zip(expected, seen, strict=True):
        assert needle in line and line.startswith("warning: ") and "\n" not in line


def test_a_feed_that_is_really_html_is_named(srv):
    srv.routes["/feed"] = Route((PAGES / "bbc_like.html").read_bytes(), content_type="application/rss+xml")
    seen: list[str] = []
    with warnings_to(seen.append), pytest.raises(InputError):
        read_inputs([srv.url("/feed")], client=client())
    assert seen == [f"warning: {srv.url('/feed')}: is an HTML page, not a feed"]


def test_a_public_feed_may_not_send_us_to_a_private_address():
    from graph.sources.inputs import sends_inward

    assert sends_inward("https://news.example/feed", "http://127.0.0.1:7878/sparql")
    assert sends_inward("https://news.example/feed", "http://192.168.1.1/admin")
    assert sends_inward("https://news.example/feed", "http://localhost/x")
    assert not sends_inward("https://news.example/feed", "https://other.example/a")
    assert not sends_inward("http://127.0.0.1:8000/feed", "http://127.0.0.1:8000/a")  # a local feed may


def test_a_feed_item_whose_page_fails_falls_back_to_the_feeds_own_full_text(srv):
    body = "Oman mediated indirect talks between Iran and the United States in Muscat on Saturday. " * 8
    srv.routes["/full.xml"] = Route(
        f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>'
        f"<item><title>Muscat talks</title><link>{srv.url('/gone')}</link><pubDate>{DATE}</pubDate>"
        f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item></channel></rss>".encode(), content_type="application/rss+xml")
    seen: list[str] = []
    with warnings_to(seen.append):
        [doc] = read_inputs([srv.url("/full.xml")], client=client())
    assert doc.source == srv.url("/gone") and doc.title == "Muscat talks" and doc.date == "2025-02-11"
    assert seen == [f"warning: {srv.url('/gone')}: HTTP 404 Not Found; read the feed's own text of the item instead"]


def test_opml_and_feeds_txt_lists(tmp_path, srv):
    srv.routes["/f1"] = Route(rss([(srv.url("/wp.html"), "Qatar", DATE)]), content_type="application/rss+xml")
    srv.routes["/f2"] = Route(rss([(srv.url("/guardian.html"), "Germany", DATE)]), content_type="application/rss+xml")
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
                    f'<outline text="wires"><outline type="rss" text="one" xmlUrl="{srv.url("/f1")}"/></outline>'
                    f'<outline type="rss" text="two" xmlUrl="{srv.url("/f2")}"/></body></opml>')
    txt = tmp_path / "feeds.txt"
    txt.write_text(f"# my feeds\n{srv.url('/f1')}\n\n{srv.url('/f2')}\n")
    article = tmp_path / "note.txt"
    article.write_text("https://example.org is where Oman said it mediated talks.\n")
    assert is_source_list(opml) and is_source_list(txt) and not is_source_list(article)
    assert read_source_list(opml) == read_source_list(txt) == [srv.url("/f1"), srv.url("/f2")]
    assert len(read_inputs([opml], client=client())) == 2
    docs = read_inputs([txt, article], client=client())
    assert {d.source for d in docs} == {srv.url("/wp.html"), srv.url("/guardian.html"), str(article)}


@pytest.mark.parametrize("text,message", [
    ("<opml><body><outline text='x'/></body></opml>", "no feeds in this OPML"),
    ("<opml><body>", "not valid OPML"),
    ('<!DOCTYPE x [<!ENTITY a "b">]><opml/>', "DOCTYPE or entities is refused"),
])
def test_bad_opml_is_a_one_line_error(tmp_path, text, message):
    p = tmp_path / "f.opml"
    p.write_text(text)
    with pytest.raises(InputError, match=message):
        read_inputs([p])


def test_the_watch_state_round_trips_through_a_store_with_hostile_urls(tmp_path):
    """Feed URLs are untrusted text: stored as literals under hashed nodes, never pasted as IRIs."""
    from graph.store import store as store_mod
    from graph.sources import state

    hostile = 'http://127.0.0.1/a?q="} } DROP ALL ; INSERT DATA { <x> <y> "z" } #\n\\'
    feeds = {"https://f.example/rss": state.FeedState("https://f.example/rss", '"etag\\"1', "Tue, 11 Feb 2025 08:00:00 GMT",
                                                      None, {hostile: state.ItemState("failed", "2025-02-11", 2),
                                                                               "https://f.example/a": state.ItemState("ingested")})}
    with state.opened(str(tmp_path / "store")) as st:
        state.save(st, feeds)
    with state.opened(str(tmp_path / "store")) as st:
        assert state.load(st) == feeds
        assert store_mod.documents(st) == []  # the state is not a document
