"""Writes the saved-page set: NAME.html (a page in the shape a real news site gives it) and
NAME.expected.txt (its main text, one paragraph per line), plus pages.json (title, date, author,
canonical URL, the shape). Run once by hand; the written files are the test data.

Each layout below is written for its page, after the markup of a kind of site (WordPress classic and
block themes, Drupal, Arc-style and React/Next.js newspapers, wire services, a Guardian-style live
blog, AMP articles and AMP live lists, Ghost, a newsletter platform with comments, a government press
office, the UN's press releases, an old table layout, a blog with a comment thread, a long-form
magazine, photo-heavy and paywalled pages, "Read more" links between paragraphs). The articles are
invented (``articles.py``); the expected text is those paragraphs, so it is exact by construction.
What is *not* main text: navigation, the headline (scored apart, as the title), standfirsts and
summaries above the text (they restate it), bylines, dates,
captions and photo credits, share bars, "read more"/related/most-read lists, newsletter and
subscription boxes, advertisements, cookie banners, comments, author bios, copyright lines,
editors' credits and embedded social posts.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from articles import ARTICLES

HERE = Path(__file__).resolve().parent


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def lines(a: dict) -> list[str]:
    return [p[3:] if p.startswith(("## ", "> ")) else p for p in a["paras"]]


def body(a: dict, p: str = "<p>{}</p>", h2: str = "<h2>{}</h2>", quote: str = "<blockquote><p>{}</p></blockquote>",
         between=None) -> str:  # noqa: ANN001
    """The article's paragraphs in the page's own markup; ``between(i)`` adds what a site puts
    after paragraph i (ads, "read more" links, newsletter boxes)."""
    out = []
    for i, para in enumerate(a["paras"]):
        if para.startswith("## "):
            out.append(h2.format(esc(para[3:])))
        elif para.startswith("> "):
            out.append(quote.format(esc(para[2:])))
        else:
            out.append(p.format(esc(para)))
        if between is not None:
            out.append(between(i) or "")
    return "\n".join(out)


def ld_article(a: dict, kind: str = "NewsArticle") -> str:
    data = {"@context": "https://schema.org", "@type": kind, "headline": a["title"], "datePublished": a["date"] + "T09:00:00Z",
            "dateModified": a["date"] + "T15:30:00Z", "url": a["url"]}
    if a["author"]:
        data["author"] = {"@type": "Person", "name": a["author"]}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


COOKIE = ('<div id="cookie-banner" class="cookie-consent" role="dialog"><p>We use cookies to improve your experience, '
          'to personalise content and ads, and to analyse our traffic. By continuing to browse you agree to our use of cookies.</p>'
          '<button>Accept all</button><button>Manage preferences</button></div>')


def wp_classic(a: dict) -> str:
    comments = [("Karim", "Qatar has done more for these talks than anyone else, and gets little thanks for it."),
                ("J. Stone", "Another round of talks, another round of promises. I will believe a deal when I see the hostages home."),
                ("Mira", "The article does not mention that the Rafah crossing has been closed for weeks, which is the real story here.")]
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{esc(a['title'])} &#8211; Gulf Dispatch</title>
<link rel="canonical" href="{a['url']}"><meta name="generator" content="WordPress 6.4.2">
<meta property="og:type" content="article"><meta property="article:published_time" content="{a['date']}T08:12:00+00:00">
<link rel="stylesheet" id="twentyseventeen-style-css" href="/wp-content/themes/twentyseventeen/style.css" media="all">
<script>window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/"}};</script></head>
<body class="post-template-default single single-post postid-4821">
<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Gulf Dispatch</a></p>
<p class="site-description">News and analysis from the Gulf and the wider Middle East</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="top-menu" class="menu"><li><a href="/">Home</a></li><li><a href="/category/politics/">Politics</a></li>
<li><a href="/category/economy/">Economy</a></li><li><a href="/category/opinion/">Opinion</a></li><li><a href="/about/">About us</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-4821" class="post-4821 post type-post status-publish format-standard hentry category-politics">
<header class="entry-header"><div class="entry-meta"><span class="posted-on"><a href="{a['url']}" rel="bookmark"><time class="entry-date published" datetime="{a['date']}T08:12:00+00:00">February 11, 2025</time></a></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/lhaddad/">{a['author']}</a></span></span></div>
<h1 class="entry-title">{esc(a['title'])}</h1></header>
<div class="entry-content">
{body(a)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3>
<ul><li class="share-twitter"><a href="#">Twitter</a></li><li class="share-facebook"><a href="#">Facebook</a></li><li class="share-email"><a href="#">Email</a></li></ul></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<div class="jp-relatedposts-items"><p class="jp-relatedposts-post"><a href="/2025/01/20/egypt-rafah/">Egypt says Rafah crossing will reopen for aid convoys next week</a><span>January 20, 2025</span></p>
<p class="jp-relatedposts-post"><a href="/2024/12/02/hostage-families/">Hostage families plead with negotiators to reach a deal before the holidays</a><span>December 2, 2024</span></p></div></div>
</div><footer class="entry-footer"><span class="cat-tags-links"><span class="cat-links">Posted in <a href="/category/politics/">Politics</a></span></span></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 Replies to &ldquo;{esc(a['title'])}&rdquo;</h2><ol class="comment-list">
{''.join(f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{n}</b> <time datetime="{a["date"]}T1{i}:00:00+00:00">February 11, 2025 at 1{i}:00 am</time></footer><div class="comment-content"><p>{esc(t)}</p></div><div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article></li>' for i, (n, t) in enumerate(comments))}
</ol><div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3><form id="commentform"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div><aside id="secondary" class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>
<ul><li><a href="/2025/02/10/oman-budget/">Oman posts first budget surplus in a decade</a> <span class="post-date">February 10, 2025</span></li>
<li><a href="/2025/02/09/kuwait-cabinet/">Kuwait's emir appoints new cabinet after parliament suspended</a> <span class="post-date">February 9, 2025</span></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2025 Gulf Dispatch. All rights reserved. <a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer></div>
</body></html>"""


def wp_blocks(a: dict) -> str:
    def extra(i: int) -> str:
        if i == 1:
            return ('<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2025/04/ankara-signing.jpg" alt="">'
                    '<figcaption class="wp-element-caption">The two ministers at the signing ceremony in Ankara. Photo: Anatolia Review</figcaption></figure>')
        if i == 4:
            return ('<figure class="wp-block-pullquote"><blockquote><p>The memorandum is a turning point.</p><cite>Iraqi water minister</cite></blockquote></figure>'
                    '<div class="wp-block-group newsletter-box has-background"><div class="wp-block-group__inner-container">'
                    '<h3 class="wp-block-heading">Get the Anatolia Review briefing</h3><p>Our editors pick the stories that matter from Turkey and its neighbours, every weekday morning.</p>'
                    '<form class="mc4wp-form"><input type="email" placeholder="Your email address"><button>Sign up</button></form></div></div>')
        return ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a['title'])} | Anatolia Review</title><link rel="canonical" href="{a['url']}">
<meta property="og:title" content="{esc(a['title'])}"><meta property="og:url" content="{a['url']}"><meta name="author" content="{a['author']}">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"Organization","name":"Anatolia Review"}},{{"@type":"WebPage","url":"{a['url']}"}},{{"@type":"Article","headline":"{esc(a['title'])}","datePublished":"{a['date']}T10:41:07+03:00","author":{{"@type":"Person","name":"{a['author']}"}}}}]}}</script>
<style id="global-styles-inline-css">body{{--wp--preset--color--black:#000000;}}</style></head>
<body class="wp-singular post-template-default single wp-theme-twentytwentyfour">
<div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group alignfull"><p class="wp-block-site-title"><a href="/">Anatolia Review</a></p>
<nav class="wp-block-navigation"><ul class="wp-block-navigation__container"><li class="wp-block-navigation-item"><a href="/turkey/">Turkey</a></li><li class="wp-block-navigation-item"><a href="/region/">Region</a></li><li class="wp-block-navigation-item"><a href="/energy/">Energy</a></li><li class="wp-block-navigation-item"><a href="/subscribe/">Subscribe</a></li></ul></nav></div></header>
<main class="wp-block-group"><div class="wp-block-group"><h1 class="wp-block-post-title">{esc(a['title'])}</h1>
<div class="wp-block-group post-meta"><div class="wp-block-post-author"><p class="wp-block-post-author__name">{a['author']}</p></div><div class="wp-block-post-date"><time datetime="{a['date']}T10:41:07+03:00">22 April 2025</time></div></div></div>
<div class="entry-content wp-block-post-content is-layout-constrained">
{body(a, p='<p class="wp-block-paragraph">{}</p>', h2='<h2 class="wp-block-heading">{}</h2>', between=extra)}
</div>
<div class="wp-block-group related-posts"><h2 class="wp-block-heading">More from Anatolia Review</h2><ul class="wp-block-latest-posts__list">
<li><a class="wp-block-latest-posts__post-title" href="/erdogan-baghdad-visit/">Erdogan's Baghdad visit opens door to Development Road project</a><time datetime="2025-04-02T09:00:00+03:00" class="wp-block-latest-posts__post-date">2 April 2025</time></li>
<li><a class="wp-block-latest-posts__post-title" href="/pkk-disarmament/">PKK leader's call to disarm leaves Syrian Kurds in limbo</a><time datetime="2025-03-01T09:00:00+03:00" class="wp-block-latest-posts__post-date">1 March 2025</time></li></ul></div>
<div class="wp-block-group post-tags"><a href="/tag/iraq/" rel="tag">Iraq</a>, <a href="/tag/water/" rel="tag">Water</a>, <a href="/tag/turkey/" rel="tag">Turkey</a></div></main>
<footer class="wp-block-template-part"><div class="wp-block-group"><p>&copy; Anatolia Review 2025</p><p>Designed with WordPress</p></div></footer></div></body></html>"""


def drupal_thinktank(a: dict) -> str:
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#"><head><meta charset="utf-8">
<link rel="canonical" href="{a['url']}"><meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<meta property="og:title" content="{esc(a['title'])}"><meta name="dcterms.date" content="{a['date']}T12:00:00+01:00">
<meta property="article:published_time" content="{a['date']}T12:00:00+01:00"><title>{esc(a['title'])} | Policy Forum</title>
<script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/","currentPath":"node\\/18231"}},"ajaxTrustedUrl":[]}}</script></head>
<body class="path-node page-node-type-analysis"><a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-sitebranding"><a href="/" rel="home">Policy Forum</a></div>
<nav role="navigation" id="block-mainnavigation"><ul class="menu"><li class="menu-item"><a href="/research">Research</a></li><li class="menu-item"><a href="/experts">Experts</a></li><li class="menu-item"><a href="/events">Events</a></li><li class="menu-item"><a href="/donate">Support us</a></li></ul></nav></div></header>
<div class="region region-breadcrumb"><nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/analysis">Analysis</a></li><li><a href="/regions/africa">Africa</a></li></ol></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content"><div class="region region-content">
<article role="article" class="node node--type-analysis node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{esc(a['title'])}</span></h1>
<div class="node__meta"><span class="field field--name-uid"><a href="/experts/aminata-traore-bauer">{a['author']}</a></span>, Senior Fellow, Africa Programme<br><span class="field field--name-created">18 November 2024</span> &middot; 7 min read</div>
<div class="field field--name-field-summary"><p>The juntas of the Sahel have swapped Paris for Moscow. Europe's best answer is engagement, not isolation.</p></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body(a, h2='<h2>{}</h2>')}
</div>
<div class="field field--name-field-author-bio"><p><strong>{a['author']}</strong> is a senior fellow in the Africa Programme. She previously worked for the UN mission in Mali.</p></div>
<div class="field field--name-field-topics"><div class="field__label">Topics</div><div class="field__items"><a href="/topics/sahel">Sahel</a><a href="/topics/russia">Russia</a><a href="/topics/security">Security</a></div></div>
</article></div></div>
<aside class="layout-sidebar-second" role="complementary"><div class="region region-sidebar-second"><div id="block-views-block-related-analysis"><h2>Related analysis</h2>
<div class="views-row"><a href="/analysis/wagner-after-prigozhin">Wagner after Prigozhin: Russia's African business goes state-run</a> <time datetime="2023-09-12T12:00:00Z">12 September 2023</time></div>
<div class="views-row"><a href="/analysis/ecowas-split">How the split in ECOWAS weakens West Africa's response to jihadism</a> <time datetime="2024-02-05T12:00:00Z">5 February 2024</time></div></div>
<div id="block-newsletter"><h2>Stay informed</h2><p>Sign up for our weekly digest of research and events.</p><form><input type="email"><input type="submit" value="Subscribe"></form></div></div></aside></main>
<footer role="contentinfo"><div class="region region-footer"><p>Policy Forum is an independent research institute. Registered charity no. 1001234.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact</a></li></ul></div></footer>
</div></div></body></html>"""


def arc_newspaper(a: dict) -> str:
    def extra(i: int) -> str:
        if i == 1:
            return ('<p class="article-body-paragraph read-more"><strong>Read more:</strong> <a href="/world/2024/06/17/ayungin-clash/">'
                    'Chinese coast guard boards Philippine boats in violent clash near Ayungin Shoal</a></p>')
        if i == 3:
            return ('<div class="ad-slot" data-ad="mid-article"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-1"></div></div>'
                    '<p class="article-body-paragraph read-more"><strong>READ MORE:</strong> <a href="/opinion/2025/03/01/edca-sites/">'
                    'Opinion: The case for more EDCA sites in northern Luzon</a></p>')
        return ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} - Manila Herald</title>
<meta name="description" content="Manila lodges diplomatic protest after water cannon incident."><link rel="canonical" href="{a['url']}">
<meta property="og:title" content="{esc(a['title'])}"><meta property="article:published_time" content="{a['date']}T03:45:12.113Z">
<meta name="author" content="{a['author']}">
<script>window.Fusion=window.Fusion||{{}};Fusion.arcSite="manilaherald";Fusion.contentCache={{"content-api":{{"story":{{"headlines":{{"basic":"Philippines protests"}},"promo":"China said the Philippine boat intruded"}}}}}};</script></head>
<body><div id="fusion-app"><div class="b-header"><div class="masthead"><a href="/"><img alt="Manila Herald" src="/logo.svg"></a><span class="masthead-date">Friday, March 7, 2025</span></div>
<nav class="main-nav"><a href="/nation">Nation</a><a href="/world">World</a><a href="/business">Business</a><a href="/sports">Sports</a><a href="/lifestyle">Lifestyle</a><a href="/subscribe" class="subscribe-button">Subscribe</a></nav></div>
<div class="b-single-chain"><div class="article-layout"><section class="headline-section"><div class="overline"><a href="/world">World</a></div>
<h1 class="headline">{esc(a['title'])}</h1><h2 class="subheadline">Manila says water cannon attack endangered crew of resupply boat</h2>
<div class="byline">By <a href="/authors/carmela-reyes/">{a['author']}</a></div><div class="date"><time datetime="{a['date']}T03:45:12.113Z">March 7, 2025 at 11:45 a.m. PHT</time></div>
<div class="share-bar"><button aria-label="Share on Facebook">Facebook</button><button aria-label="Share on X">X</button><button aria-label="Copy link">Copy link</button></div></section>
<figure class="lead-art"><img src="/resizer/shoal.jpg" alt=""><figcaption>A Chinese coast guard ship fires a water cannon at a Philippine supply boat. (Philippine Coast Guard via AP)</figcaption></figure>
<article class="article-body">
{body(a, p='<p class="article-body-paragraph" data-type="text">{}</p>', between=extra)}
</article>
<div class="author-bio"><p><strong>{a['author']}</strong> covers diplomacy and defence for the Manila Herald.</p></div></div>
<aside class="right-rail"><div class="most-read"><h3>Most Read</h3><ol><li><a href="/nation/1">Senate approves budget for new coast guard ships</a></li><li><a href="/business/2">Peso hits three-month low against the dollar</a></li><li><a href="/world/3">Vietnam expands island building in the Spratlys, satellite images show</a></li></ol></div>
<div class="ad-slot"><span class="ad-label">Advertisement</span></div></aside></div>
<footer class="b-footer"><p>&copy; 2025 Manila Herald Publishing Co. All rights reserved.</p><nav><a href="/terms">Terms of use</a><a href="/privacy">Privacy policy</a></nav></footer></div></body></html>"""


def bbc_like(a: dict) -> str:
    blocks = "\n".join(f'<div data-component="text-block" class="sc-18fde0d6-0 dlWCEZ"><p class="sc-eb7bd5f6-0 fYAfXe">{esc(p)}</p></div>'
                       for p in a["paras"])
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{esc(a['title'])} - World News</title>
<link rel="canonical" href="{a['url']}"><meta property="og:title" content="{esc(a['title'])}">
{ld_article(a, 'ReportageNewsArticle')}</head>
<body><div id="__next">{COOKIE}<header><a href="/">World News</a><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<main id="main-content"><article><div data-component="headline-block"><h1 class="sc-518485e5-0 bWszMR">{esc(a['title'])}</h1></div>
<div data-component="byline-block"><div><time datetime="{a['date']}T14:02:11.000Z">14 March 2025</time></div><div><span>{a['author']}</span><span>Caucasus correspondent</span></div></div>
<div data-component="image-block"><figure><img src="/images/treaty.jpg" alt="Handshake"><figcaption>The two leaders met in Brussels last year</figcaption></figure></div>
{blocks}
<div data-component="links-block"><h2>More on this story</h2><ul><li><a href="/news/world-europe-1">Karabakh Armenians fear they will never go home</a></li><li><a href="/news/world-europe-2">Why Armenia is turning away from Russia</a></li></ul></div>
<div data-component="tags"><h2>Related topics</h2><ul><li><a href="/topics/armenia">Armenia</a></li><li><a href="/topics/azerbaijan">Azerbaijan</a></li></ul></div></article>
<section data-component="more-stories"><h2>Top stories</h2><ul><li><a href="/news/1">Live: Storm warnings issued across the north</a></li><li><a href="/news/2">Central bank holds interest rates at 4.5%</a></li></ul></section></main>
<footer><p>Copyright 2025 World News. World News is not responsible for the content of external sites.</p></footer></div></body></html>"""


def guardian_like(a: dict) -> str:
    paras = "\n".join(f'<p class="dcr-s23rjr">{esc(p)}</p>' for p in a["paras"])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | Ukraine | The Observer Daily</title>
<link rel="canonical" href="{a['url']}"><meta property="og:url" content="{a['url']}"><meta name="author" content="{a['author']}">
<meta property="article:published_time" content="{a['date']}T16:20:45.000Z"><meta property="article:author" content="https://theobserverdaily.example/profile/jonasbecker"></head>
<body><header><nav aria-label="Guardian sections"><ul><li><a href="/">News</a></li><li><a href="/commentisfree">Opinion</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/lifeandstyle">Lifestyle</a></li></ul></nav>
<div class="support-banner"><p>Support the Observer Daily: fund independent journalism with $5 per month</p><a href="/contribute">Support us</a></div></header>
<main data-layout="StandardLayout"><article><div data-gu-name="headline"><h1>{esc(a['title'])}</h1></div>
<div data-gu-name="standfirst"><p>Defence minister says systems will arrive by spring, as Kyiv warns energy grid is at breaking point</p></div>
<div data-gu-name="meta"><address aria-label="Contributor info"><a rel="author" href="/profile/jonasbecker">{a['author']}</a> in Berlin</address>
<details><summary>Wed 29 Jan 2025 16.20 GMT</summary></details><div class="share"><a href="#">Share</a></div></div>
<div id="maincontent"><div class="article-body-commercial-selector article-body-viewer-selector dcr-1jl528t">
{paras}
</div></div>
<div class="submeta"><span>Explore more on these topics</span><ul><li><a href="/world/ukraine">Ukraine</a></li><li><a href="/world/germany">Germany</a></li><li><a href="/world/russia">Russia</a></li></ul>
<a href="#">Share</a><a href="#">Reuse this content</a></div>
<div class="contributions-epic"><h2>Before you move on&hellip;</h2><p>We have a small favour to ask. Millions of readers rely on our fearless journalism, and we are asking you to help fund it so that everyone can keep reading.</p><a href="/contribute">Support us</a></div>
</article>
<aside><section data-component="most-viewed"><h2>Most viewed</h2><ol><li><a href="/1">Trump says he will speak to Putin soon about ending the war</a></li><li><a href="/2">The best winter coats for men and women, tested</a></li><li><a href="/3">Germany's election: what the polls say</a></li></ol></section></aside>
<section id="comments" data-component="discussion"><h2>Comments (412)</h2><p>This discussion is now closed for comments but you can still sign in or create your Observer account to join the discussion next time.</p>
<div class="comment"><span class="user">Oldhand</span><p>Two systems is a token gesture while Ukraine's power stations burn. Send the Taurus.</p></div>
<div class="comment"><span class="user">BalticView</span><p>Good to see Poland and the Netherlands stepping up. Germany should lead, not follow.</p></div></section></main>
<footer><p>&copy; 2025 Observer Daily Media Ltd or its affiliated companies. All rights reserved.</p></footer></body></html>"""


def reuters_like(a: dict) -> str:
    paras = "\n".join(f'<div data-testid="paragraph-{i}" class="article-body__paragraph__2-BtD text__text__1FZLe">{esc(p)}</div>'
                      for i, p in enumerate(a["paras"]))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | WireWire</title>
<meta name="article:published_time" content="{a['date']}T18:34:00Z"><meta name="article:author" content="{a['author']}">
<link rel="canonical" href="{a['url']}">{ld_article(a)}</head>
<body><div id="fusion-app"><header class="site-header"><a href="/">WireWire</a><nav><a href="/world/">World</a><a href="/business/">Business</a><a href="/markets/">Markets</a><a href="/sustainability/">Sustainability</a><a href="/legal/">Legal</a></nav><a href="/account/sign-in/">Sign In</a></header>
<main id="main-content"><article class="article__container"><header class="article-header"><nav aria-label="Tags"><a href="/world/asia-pacific/">Asia Pacific</a></nav>
<h1 data-testid="Heading">{esc(a['title'])}</h1><div class="article-header__info"><div class="info-content__author-date"><address>By <a rel="author" href="/authors/sanjay-mehta/">{a['author']}</a> and Imran Qureshi</address>
<time datetime="{a['date']}T18:34:00Z"><span>May 12, 2025</span><span>6:34 PM UTC</span><span>Updated 2 hours ago</span></time></div></div></header>
<div class="article-body__content__17Yit" data-testid="ArticleBody">
{paras}
<p class="sign-off-text" data-testid="SignOffLine">Reporting by {a['author']} in New Delhi and Imran Qureshi in Islamabad; Editing by Peter Hall</p>
</div>
<div class="trust-badge"><a href="/info-pages/editorial-standards">Our Standards: The WireWire Trust Principles.</a></div>
<div data-testid="RelatedCoverage"><h3>Read Next</h3><ul><li><a href="/world/1">Pakistan's army chief vows to respond to any aggression</a><time datetime="2025-05-10T09:00:00Z">May 10, 2025</time></li><li><a href="/world/2">Explainer: What is the Line of Control?</a><time datetime="2025-05-08T09:00:00Z">May 8, 2025</time></li></ul></div>
</article></main><footer><p>All quotes delayed a minimum of 15 minutes. &copy; 2025 WireWire. All rights reserved.</p></footer></div></body></html>"""


def ap_like(a: dict) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | NA News</title>
<link rel="canonical" href="{a['url']}"><meta property="og:title" content="{esc(a['title'])}">
<meta property="article:published_time" content="{a['date']}T21:14:48Z"><meta name="author" content="By {a['author']}"></head>
<body class="Page-body"><header class="Page-header"><div class="Page-header-bar"><a class="Page-header-logo" href="/">NA News</a>
<nav class="Page-header-navigation"><ul><li><a href="/world-news">World</a></li><li><a href="/us-news">U.S.</a></li><li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li><li><a href="/entertainment">Entertainment</a></li></ul></nav></div></header>
<main class="Page-main"><div class="Page-content"><div class="Page-headline"><h1 class="Page-headline">{esc(a['title'])}</h1></div>
<div class="Page-byline"><div class="Page-authors">By <a href="/author/evens-sanon">{a['author']}</a></div><div class="Page-dateModified"><bsp-timestamp data-timestamp="1733260488000"><span>Updated 9:14 PM UTC, December 3, 2024</span></bsp-timestamp></div>
<div class="Page-actions"><button>Share</button><button>Copy</button><a href="mailto:">Email</a><a href="#">Facebook</a></div></div>
<div class="Page-lead"><figure class="Figure"><img src="/photo.jpg" alt=""><figcaption class="Figure-caption"><p>Kenyan police officers patrol a street in Port-au-Prince, Haiti, Nov. 20, 2024. (NA Photo/Odelyn Joseph)</p></figcaption></figure></div>
<div class="RichTextStoryBody RichTextBody">
{body(a, between=lambda i: '<div class="Advertisement"><p>ADVERTISEMENT</p></div>' if i in (1, 3) else "")}
<p>___</p>
<p>Associated writer Dánica Coto in San Juan, Puerto Rico, contributed to this report.</p>
</div>
<div class="Page-below"><div class="PageList-header"><h2>Related Stories</h2></div><ul><li><a href="/1">Haiti's prime minister fired by transitional council</a></li><li><a href="/2">Gangs attack Haitian town, killing at least 70 people</a></li><li><a href="/3">UN says Haiti displacement hits record</a></li></ul></div>
</div></main><footer class="Page-footer"><p>Copyright 2024 NA News. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p></footer></body></html>"""


def nyt_like(a: dict) -> str:
    chunks = [a["paras"][:3], a["paras"][3:]]
    cols = "\n<div class=\"css-1bymuyk ad\"><p class=\"css-1f3q2ho\">Advertisement</p><a href=\"#after-ad\" class=\"css-1ly73wi\">SKIP ADVERTISEMENT</a></div>\n".join(
        '<div class="css-53u6y8 StoryBodyCompanionColumn"><div class="css-1dfbydg">'
        + "".join(f'<p class="css-at9mc1 evys1bk0">{esc(p)}</p>' for p in chunk) + "</div></div>" for chunk in chunks)
    return f"""<!DOCTYPE html><html lang="en" class="story nytapp-vi-article"><head><meta charset="utf-8"><title>{esc(a['title'])} - The Daily Record</title>
<link rel="canonical" href="{a['url']}"><meta data-rh="true" property="article:published_time" content="{a['date']}T14:27:51.000Z">
<meta data-rh="true" name="byl" content="By {a['author']}"><meta data-rh="true" property="og:title" content="{esc(a['title'])}">
<script>window.__preloadedData = {{"initialState":{{"Article":{{"headline":"Saudi Arabia and Iran Hold Talks","summary":"The two rivals sought to keep their 2023 deal alive."}}}}}};</script></head>
<body><div id="app"><div><header class="css-1bymuyk"><a href="/">The Daily Record</a><nav><a href="/section/world">World</a><a href="/section/us">U.S.</a><a href="/section/politics">Politics</a><a href="/section/business">Business</a><a href="/section/opinion">Opinion</a></nav></header>
<main id="site-content"><div><article id="story"><header class="css-1vkm6nb ehdk2mb0"><p class="css-1v4bgnn">Supported by</p>
<h1 data-testid="headline" class="css-88wicj e1h9rw200">{esc(a['title'])}</h1>
<p id="article-summary" class="css-79rysd e1wiw3jv0">Iran's foreign minister delivered a letter to the Saudi crown prince, as Houthi attacks in the Red Sea strained a two-year-old détente.</p>
<div class="css-1vbb7jw"><p class="css-aknsld e1jsehar1">By <a href="/by/farnaz-hosseini"><span class="css-1baulvz last-byline">{a['author']}</span></a></p><time datetime="{a['date']}T14:27:51.000Z" class="css-1sbuyqj">June 2, 2025</time></div>
<div class="css-1dv1kvn"><button>Share full article</button><button>Save</button></div></header>
<section name="articleBody" class="meteredContent css-1r7ky0e">
{cols}
</section>
<div class="bottom-of-article"><p class="css-1sjbjqj">A version of this article appears in print on June 3, 2025, Section A, Page 8 of the New York edition with the headline: Saudi and Iranian Officials Meet.</p>
<div class="css-1kr4tbo"><h2>Read 72 Comments</h2></div><div class="css-se4ogt"><h2>See more on: Iran, Saudi Arabia, Houthis</h2></div></div>
<div id="related-links"><h2>More on the Middle East</h2><ul><li><a href="/1">Houthis Claim Missile Attack on Tanker Off Yemen</a></li><li><a href="/2">Syria's New Leaders Court Gulf Investors</a></li></ul></div></article></div></main>
<footer><p>&copy; 2025 The Daily Record Company</p></footer></div></div></body></html>"""


def liveblog_guardian(a: dict) -> str:
    p = a["paras"]
    posts = [(p[6], None, "14:05"), (p[5], p[4], "12:40"), (p[3], p[2], "11:15"), (p[1], p[0], "09:30")]
    blocks = []
    for i, (text, head, hhmm) in enumerate(posts):
        blocks.append(f'<article id="block-{i}" class="block" data-gu-name="live-block"><header><time datetime="{a["date"]}T{hhmm}:00Z">{hhmm} BST</time>'
                      + (f'<h2 class="block-title">{esc(head)}</h2>' if head else "")
                      + f'</header><div class="block-elements"><p>{esc(text)}</p></div><footer><button>Share</button><span>Updated at {hhmm} BST</span></footer></article>')
    # live blogs list posts newest first; the gold text is in the same order
    a["paras"] = [p[6], p[4], p[5], p[2], p[3], p[0], p[1]]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | The Observer Daily</title>
<link rel="canonical" href="{a['url']}"><meta property="article:published_time" content="{a['date']}T08:55:00.000Z"><meta name="author" content="{a['author']}">
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": a["title"], "coverageStartTime": a["date"] + "T08:55:00Z", "datePublished": a["date"] + "T08:55:00Z", "author": {"@type": "Person", "name": a["author"]}})}</script></head>
<body><header><nav><ul><li><a href="/">News</a></li><li><a href="/world">World</a></li><li><a href="/world/middleeast">Middle East</a></li></ul></nav></header>
<main data-layout="LiveLayout"><div data-gu-name="headline"><h1>{esc(a['title'])}</h1></div>
<div data-gu-name="standfirst"><ul><li><p>Oman hosts first round of indirect talks since 2024</p></li><li><p>Israel says it will act alone if diplomacy fails</p></li></ul></div>
<div class="live-meta"><span class="live-badge">LIVE</span><address><a rel="author" href="/profile/helenmarsh">{a['author']}</a></address><time datetime="{a['date']}T08:55:00Z">Sat 12 Apr 2025 09.55 BST</time></div>
<div class="key-events"><h2>Key events</h2><ul><li><a href="#block-3">Iranian and US negotiators have arrived in Muscat</a></li><li><a href="#block-2">Israel warns it will act alone if talks fail</a></li><li><a href="#block-1">Russia and China back Oman's mediation</a></li></ul></div>
<div id="liveblog-body">
<div class="filter-bar"><button>Key events</button><button>Show key events only</button><button class="auto-update">Turn on auto-update</button></div>
{chr(10).join(blocks)}
<div class="pagination"><a href="?page=2">Older posts</a></div></div></main>
<footer><p>&copy; 2025 Observer Daily Media Ltd or its affiliated companies. All rights reserved.</p></footer></body></html>"""


def liveblog_ldjson(a: dict) -> str:
    p = a["paras"]
    updates = [(p[4], "11:52 GMT"), (p[3], "10:31 GMT"), (p[2], "09:04 GMT"), (p[1], "07:47 GMT")]
    pinned = p[0]
    a["paras"] = [p[0], p[4], p[3], p[2], p[1]]
    items = "\n".join(f'<li class="live-update"><div class="live-update__time"><span>{t}</span></div><div class="live-update__content"><p>{esc(text)}</p></div>'
                      f'<div class="live-update__share"><a href="#">Copy link</a><a href="#">Share on X</a></div></li>' for text, t in updates)
    ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": a["title"], "url": a["url"], "datePublished": a["date"] + "T06:00:00Z",
          "author": {"@type": "Person", "name": a["author"]},
          "liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Update", "articleBody": t, "datePublished": a["date"] + "T07:47:00Z"} for t, _ in updates]}
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | Africa Live</title>
<link rel="canonical" href="{a['url']}"><script type="application/ld+json">{json.dumps(ld)}</script></head>
<body><div class="site">{COOKIE}<header class="site-header"><a href="/">Africa Live</a><nav><a href="/news">News</a><a href="/features">Features</a><a href="/video">Video</a><a href="/podcasts">Podcasts</a></nav></header>
<main><div class="live-header"><span class="badge">LIVE</span><h1>{esc(a['title'])}</h1><p class="author">By {a['author']}</p><p class="updated">Last updated: 20 February 2025, 11:52 GMT</p></div>
<div class="live-pinned"><h3>Pinned</h3><div class="live-update__content"><p>{esc(pinned)}</p></div></div>
<ul class="live-updates">
{items}
</ul><button class="load-more">Load more updates</button>
<section class="more-on"><h2>More on Sudan</h2><ul><li><a href="/1">Inside the camps where famine has taken hold</a></li><li><a href="/2">Who are the Rapid Support Forces?</a></li><li><a href="/3">Sudan's army retakes presidential palace in Khartoum</a></li></ul></section></main>
<footer><p>&copy; Africa Live 2025. About us. Contact. Terms and conditions.</p></footer></div></body></html>"""


def amp_article(a: dict) -> str:
    return f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<title>{esc(a['title'])}</title><link rel="canonical" href="{a['url']}"><meta name="viewport" content="width=device-width">
{ld_article(a)}
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style>
<style amp-custom>.article-body p{{font-size:18px;line-height:1.6}}.ad{{margin:20px 0}}</style></head>
<body><amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="/">Home</a></li><li><a href="/serbia">Serbia</a></li><li><a href="/kosovo">Kosovo</a></li><li><a href="/bosnia">Bosnia</a></li><li><a href="/region">Region</a></li></ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/"><amp-img src="/logo.png" width="160" height="40" alt="Balkan Insight News"></amp-img></a></header>
<main><article><h1 class="amp-title">{esc(a['title'])}</h1><div class="amp-byline"><span class="author">{a['author']}</span> <time datetime="{a['date']}">October 9, 2024</time></div>
<amp-img src="/jarinje.jpg" width="1200" height="675" layout="responsive" alt="The Jarinje crossing"></amp-img><p class="caption">The Jarinje crossing between Serbia and Kosovo. Photo: BIN</p>
<div class="amp-social"><amp-social-share type="facebook" width="40" height="40"></amp-social-share><amp-social-share type="twitter" width="40" height="40"></amp-social-share></div>
<div class="article-body">
{body(a, between=lambda i: '<div class="ad"><amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/balkan/mid"></amp-ad></div>' if i == 2 else "")}
</div>
<amp-accordion><section><h4>Related articles</h4><ul><li><a href="/1">EU envoy: Belgrade and Pristina must implement Ohrid agreement</a></li><li><a href="/2">Kosovo bans Serbian dinar in the north</a></li></ul></section></amp-accordion></article></main>
<footer class="amp-footer"><p>&copy; Balkan Insight News 2024. Reproduction without permission is prohibited.</p><a href="{a['url']}">View non-AMP version</a></footer>
<amp-analytics type="gtag" data-credentials="include"><script type="application/json">{{"vars":{{"gtag_id":"G-XXXX"}}}}</script></amp-analytics></body></html>"""


def amp_liveblog(a: dict) -> str:
    a["url"] = a["url"].replace("/amp/", "/")  # the AMP copy names the regular page as canonical
    items = "\n".join(f'<div id="post{i}" data-sort-time="{1722600000 + 1000 * (len(a["paras"]) - i)}" class="live-item"><div class="stamp">{14 - i}:00 ET</div><p>{esc(p)}</p>'
                      f'<amp-social-share type="twitter" width="32" height="32"></amp-social-share></div>' for i, p in enumerate(a["paras"]))
    return f"""<!doctype html><html amp lang="en"><head><meta charset="utf-8"><script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-live-list" src="https://cdn.ampproject.org/v0/amp-live-list-0.1.js"></script>
<title>{esc(a['title'])} | Americas Wire</title><link rel="canonical" href="{a['url']}">
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": a["title"], "datePublished": a["date"] + "T12:00:00-04:00", "author": {"@type": "Person", "name": a["author"]}})}</script>
<style amp-boilerplate>body{{visibility:hidden}}</style><style amp-custom>.live-item{{border-bottom:1px solid #ccc}}</style></head>
<body><header><a href="/">Americas Wire</a><nav><a href="/latin-america">Latin America</a><a href="/caribbean">Caribbean</a><a href="/canada">Canada</a></nav></header>
<main><h1>{esc(a['title'])}</h1><p class="byline">{a['author']} &middot; Updated August 2, 2024</p>
<amp-live-list id="live-list" data-poll-interval="15000" data-max-items-per-page="20" layout="container">
<button update on="tap:live-list.update" class="update-button">You have new updates</button>
<div items>
{items}
</div>
<div pagination><nav><a href="?page=2">Earlier updates</a></nav></div></amp-live-list>
<section class="related"><h2>Read more</h2><ul><li><a href="/1">Who is Venezuela's opposition candidate?</a></li><li><a href="/2">Venezuela's economy in five charts</a></li></ul></section></main>
<footer><p>Americas Wire &copy; 2024. All rights reserved.</p></footer></body></html>"""


def ghost_newsletter(a: dict) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])}</title>
<link rel="canonical" href="{a['url']}"><meta property="og:site_name" content="East Asia Brief"><meta property="og:type" content="article">
<meta property="article:published_time" content="{a['date']}T06:30:00.000Z"><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="{a['author']}">
<meta name="generator" content="Ghost 5.82"><script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js" data-ghost="https://eastasiabrief.example/"></script></head>
<body class="post-template"><div class="gh-site"><header id="gh-head" class="gh-head"><div class="gh-head-inner"><a class="gh-head-logo" href="/">East Asia Brief</a>
<nav class="gh-head-menu"><ul class="nav"><li class="nav-home"><a href="/">Home</a></li><li class="nav-archive"><a href="/archive/">Archive</a></li><li class="nav-about"><a href="/about/">About</a></li></ul></nav>
<div class="gh-head-actions"><a href="#/portal/signin" data-portal="signin">Sign in</a><a href="#/portal/signup" data-portal="signup" class="gh-button">Subscribe</a></div></div></header>
<main id="gh-main" class="gh-main"><article class="gh-article post"><header class="gh-article-header gh-canvas"><span class="gh-article-tag">Diplomacy</span>
<h1 class="gh-article-title">{esc(a['title'])}</h1><p class="gh-article-excerpt">Seoul and Tokyo have buried the hatchet. North Korea is the reason.</p>
<div class="gh-article-meta"><span class="gh-article-author-name"><a href="/author/min-jun/">{a['author']}</a></span><time class="gh-article-date" datetime="{a['date']}">Jan 15, 2025</time> &mdash; 4 min read</div></header>
<section class="gh-content gh-canvas">
{body(a, between=lambda i: '<div class="kg-card kg-cta-card"><p>This newsletter is free, and reader-supported. Become a paid member to get our weekly deep dive on the Korean peninsula.</p><a class="kg-btn" href="#/portal/signup">Subscribe now</a></div>' if i == 2 else "")}
</section></article>
<section class="gh-footer-cta"><h2>Sign up for East Asia Brief</h2><p>Weekly analysis of the politics and security of East Asia, in your inbox every Wednesday.</p><form data-members-form="signup"><input type="email" placeholder="jamie@example.com"><button>Subscribe</button></form></section>
<section class="gh-read-next"><h3>You might also like</h3><article class="post-card"><a href="/kishida-yoon-summit/"><h2 class="post-card-title">What Kishida and Yoon agreed at Camp David</h2></a><time datetime="2024-08-20">Aug 20, 2024</time></article>
<article class="post-card"><a href="/north-korea-russia-treaty/"><h2 class="post-card-title">The Putin-Kim treaty, clause by clause</h2></a><time datetime="2024-06-25">Jun 25, 2024</time></article></section></main>
<footer class="gh-foot"><p>East Asia Brief &copy; 2025. Powered by Ghost.</p></footer></div></body></html>"""


def substack_comments(a: dict) -> str:
    comments = ["Excellent piece. The Turkish role deserves far more attention than it gets in the western press, and the Egyptian angle is underrated too.",
                "I think you underestimate how much the Somaliland deal was about domestic politics in Addis Ababa. Abiy needed a win, and a port on the Red Sea was the easiest promise to make.",
                "The UAE is the missing actor in this story. It has bases in Berbera and money everywhere in the Horn; nothing moves without Abu Dhabi's consent.",
                "Will there be a follow-up on the African Union mission? The funding question seems unresolved."]
    thread = "\n".join(f'<div class="comment"><div class="comment-meta"><a class="commenter-name" href="/profile/{i}">Reader {i + 1}</a><span class="comment-timestamp">Mar 30</span></div>'
                       f'<div class="comment-body"><p>{esc(c)}</p></div><div class="comment-actions"><button>Like</button><button>Reply</button><button>Share</button></div></div>'
                       for i, c in enumerate(comments))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} - by {a['author']}</title>
<meta property="og:title" content="{esc(a['title'])}"><link rel="canonical" href="{a['url']}"><meta name="author" content="{a['author']}">
{ld_article(a)}
<script>window._preloads = JSON.parse("{{\\"post\\":{{\\"title\\":\\"Ethiopia, Somalia and the port\\",\\"wordcount\\":612}}}}")</script></head>
<body><div id="entry"><div class="main-menu"><div class="topbar"><a href="/" class="navbar-title">Horn Notes</a><button class="subscribe-btn">Subscribe</button><button>Sign in</button></div></div>
<div class="container"><div class="single-post-container"><article class="typography newsletter-post post"><div class="post-header"><h1 class="post-title published">{esc(a['title'])}</h1>
<h3 class="subtitle">How a memorandum on a naval base drew Egypt and Turkey into the Horn of Africa</h3>
<div class="post-meta"><a href="/@abdi">{a['author']}</a><div class="post-date" title="{a['date']}T07:00:00.000Z">Mar 30, 2025</div></div>
<div class="post-ufi"><button>37</button><button>12</button><button>Share</button></div></div>
<div class="available-content"><div dir="auto" class="body markup">
{body(a, between=lambda i: '<div class="subscription-widget-wrap"><div class="subscription-widget"><p>Horn Notes is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.</p><form><input type="email" placeholder="Type your email..."><input type="submit" value="Subscribe"></form></div></div>' if i == 1 else "")}
</div></div>
<div class="post-footer"><div class="post-ufi"><button>37 Likes</button><button>12 Restacks</button></div><a href="#">Share</a></div></article>
<div class="comments-page"><h4>Discussion about this post</h4>
{thread}
</div>
<div class="more-from"><h3>Ready for more?</h3><form><input type="email"><button>Subscribe</button></form><ul><li><a href="/p/gerd">The dam that divides the Nile</a></li><li><a href="/p/al-shabaab">Al-Shabaab's second wind</a></li></ul></div></div></div>
<footer><p>&copy; 2025 {a['author']}. Privacy &middot; Terms &middot; Collection notice</p></footer></div></body></html>"""


def nextjs_app(a: dict) -> str:
    data = {"props": {"pageProps": {"article": {"title": a["title"], "body": [{"type": "p", "text": t} for t in a["paras"]]},
                                    "recommended": [{"title": "Petro's total peace: what went wrong", "teaser": "The government's bet on negotiating with every armed group at once has not paid off."},
                                                    {"title": "Ecuador declares state of emergency", "teaser": "Gang violence has spread from the ports to the highlands."}]}},
            "page": "/[section]/[slug]", "buildId": "x7Yk2"}
    paras = "\n".join(f'<p class="ArticleBody_paragraph__a8Kd2">{esc(p)}</p>' for p in a["paras"])
    return f"""<!DOCTYPE html><html lang="es-CO"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><title>{esc(a['title'])} | LatAm Today</title>
<link rel="canonical" href="{a['url']}"/><meta property="og:title" content="{esc(a['title'])}"/><meta property="article:published_time" content="{a['date']}T13:05:00-05:00"/>
<meta name="author" content="{a['author']}"/><link rel="preload" href="/_next/static/css/6d0e.css" as="style"/></head>
<body><div id="__next"><div class="Layout_root__Xk2"><header class="Header_header__2Jt"><a class="Header_logo__9Ws" href="/">LatAm Today</a>
<nav class="Header_nav__kk3"><a href="/colombia">Colombia</a><a href="/venezuela">Venezuela</a><a href="/mexico">Mexico</a><a href="/brazil">Brazil</a></nav><button class="Header_search__p0">Search</button></header>
<main class="Layout_main__yy"><div class="Article_container__3Rt"><div class="Article_kicker__zz">Colombia</div><h1 class="Article_headline__Q2">{esc(a['title'])}</h1>
<div class="Byline_byline__k9"><span>{a['author']}</span><span>Bogotá</span><time dateTime="{a['date']}T13:05:00-05:00">21 Jan 2025</time></div>
<div class="ArticleBody_body__r4">
{paras}
</div>
<div class="Tags_tags__0"><a href="/tag/eln">ELN</a><a href="/tag/peace-talks">Peace talks</a></div></div>
<aside class="Recommended_rail__7"><h2>Recommended</h2><div class="Card_card__1"><h3>Petro's total peace: what went wrong</h3><p>The government's bet on negotiating with every armed group at once has not paid off.</p></div>
<div class="Card_card__1"><h3>Ecuador declares state of emergency</h3><p>Gang violence has spread from the ports to the highlands.</p></div></aside></main>
<footer class="Footer_footer__u"><p>&copy; 2025 LatAm Today Media SAS</p></footer></div></div>
<noscript>You need to enable JavaScript to run this app.</noscript>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script></body></html>"""


def gov_press_release(a: dict) -> str:
    return f"""<!DOCTYPE html><html lang="en" class="govuk-template"><head><meta charset="utf-8"><title>{esc(a['title'])} - GOV.EXAMPLE</title>
<link rel="canonical" href="{a['url']}"><meta name="govuk:first-published-at" content="{a['date']}T11:30:00+01:00"><meta name="govuk:public-updated-at" content="{a['date']}T11:30:00+01:00">
<meta property="og:title" content="{esc(a['title'])}"><meta name="govuk:format" content="press_release"></head>
<body class="govuk-template__body"><div id="global-cookie-message" class="gem-c-cookie-banner govuk-clearfix" role="region"><div class="govuk-cookie-banner__message"><h2 class="govuk-cookie-banner__heading">Cookies on GOV.EXAMPLE</h2>
<p class="govuk-body">We use some essential cookies to make this website work. We'd like to set additional cookies to understand how you use GOV.EXAMPLE, remember your settings and improve government services.</p><button>Accept additional cookies</button><button>Reject additional cookies</button></div></div>
<a href="#main-content" class="govuk-skip-link">Skip to main content</a><header class="gem-c-layout-super-navigation-header"><a href="/" class="govuk-header__link">GOV.EXAMPLE</a><nav><a href="/browse">Menu</a><a href="/search">Search</a></nav></header>
<div class="govuk-width-container"><nav class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/defence">Defence and armed forces</a></li></ol></nav>
<main role="main" id="main-content" class="govuk-main-wrapper"><div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><span class="govuk-caption-xl">Press release</span>
<h1 class="gem-c-title__text govuk-heading-l">{esc(a['title'])}</h1><p class="gem-c-lead-paragraph">The agreement will strengthen joint patrols to protect critical undersea infrastructure.</p></div></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/organisations/ministry-of-defence">Ministry of Defence</a> and <a href="/government/people/defence-secretary">The Defence Secretary</a></dd>
<dt>Published</dt><dd>22 May 2025</dd></dl></div>
<div class="govuk-grid-column-two-thirds"><div class="gem-c-govspeak govuk-govspeak" data-module="govspeak"><div class="govspeak">
{body(a)}
</div></div></div>
<div class="gem-c-share-links"><h2>Share this page</h2><ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul></div></div>
<div class="govuk-grid-column-one-third"><aside class="gem-c-related-navigation" role="complementary"><h2>Related content</h2><nav><ul><li><a href="/1">UK and Norway to buy Type 26 frigates</a></li><li><a href="/2">Joint Expeditionary Force leaders meet in Tallinn</a></li></ul></nav>
<h2>Explore the topic</h2><ul><li><a href="/defence">Defence and armed forces</a></li></ul></aside></div></div></main>
<div class="gem-c-feedback"><h2>Is this page useful?</h2><button>Yes</button><button>No</button><a href="/contact/govuk">Report a problem with this page</a></div></div>
<footer class="govuk-footer"><p>All content is available under the Open Government Licence v3.0, except where otherwise stated</p><p>&copy; Crown copyright</p></footer></body></html>"""


def un_press(a: dict) -> str:
    return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>{esc(a['title'])} | Meetings Coverage and Press Releases</title>
<link rel="canonical" href="{a['url']}"><meta name="dcterms.date" content="{a['date']}"><meta name="dcterms.title" content="{esc(a['title'])}"></head>
<body class="page-node-type-press-release"><div id="skip-link"><a href="#main-content">Skip to main content</a></div>
<header><div class="region-header"><a href="/">Meetings Coverage and Press Releases</a><nav><ul><li><a href="/secretary-general">Secretary-General</a></li><li><a href="/general-assembly">General Assembly</a></li><li><a href="/security-council">Security Council</a></li><li><a href="/economic-social-council">Economic and Social Council</a></li></ul></nav>
<div class="language-switcher"><a href="/fr">Français</a></div></div></header>
<main id="main-content"><div class="region-content"><div class="views-element-container"><div class="press-release-meta"><span class="field--name-field-symbol">SC/15112</span><span class="field--name-field-dated">30 April 2025</span></div>
<h1 class="page-header"><span>{esc(a['title'])}</span></h1>
<div class="field field--name-field-meeting">9912th Meeting (AM)</div>
<div class="field field--name-body field--type-text-with-summary field--label-hidden field-item">
{body(a)}
<p><strong>Meeting Coverage and Press Releases</strong> are for information media. Not an official record.</p>
</div></div></div>
<aside class="region-sidebar"><h2>Related documents</h2><ul><li><a href="/docs/S/RES/2778(2025)">Resolution 2778 (2025)</a></li><li><a href="/docs/S/2025/211">Report of the Secretary-General on South Sudan (S/2025/211)</a></li></ul>
<h2>Latest press releases</h2><ul><li><a href="/sg/1">Secretary-General appoints new special envoy for Yemen</a></li><li><a href="/ga/1">General Assembly adopts resolution on road safety</a></li></ul></aside></main>
<footer><ul><li><a href="/copyright">Copyright</a></li><li><a href="/fraud">Fraud alert</a></li><li><a href="/privacy">Privacy notice</a></li><li><a href="/terms">Terms of use</a></li></ul></footer></body></html>"""


def table_layout_regional(a: dict) -> str:
    paras = "<br><br>\n".join(esc(p) for p in a["paras"])
    return f"""<HTML><HEAD><TITLE>Lagos Ledger - {esc(a['title'])}</TITLE>
<META NAME="keywords" CONTENT="Nigeria, Benin, trade, border, ECOWAS"><META NAME="author" CONTENT="{a['author']}"></HEAD>
<BODY BGCOLOR="#FFFFFF" LEFTMARGIN="0" TOPMARGIN="0"><TABLE WIDTH="780" BORDER="0" CELLPADDING="0" CELLSPACING="0" ALIGN="center">
<TR><TD COLSPAN="3"><A HREF="/"><IMG SRC="/images/logo.gif" ALT="Lagos Ledger" BORDER="0"></A></TD></TR>
<TR><TD COLSPAN="3" BGCOLOR="#003366"><FONT FACE="Arial" SIZE="2" COLOR="#FFFFFF"><A HREF="/news/">NEWS</A> | <A HREF="/business/">BUSINESS</A> | <A HREF="/politics/">POLITICS</A> | <A HREF="/sports/">SPORTS</A> | <A HREF="/archive/">ARCHIVE</A></FONT></TD></TR>
<TR><TD WIDTH="160" VALIGN="top" BGCOLOR="#EEEEEE"><FONT FACE="Arial" SIZE="1"><B>LATEST HEADLINES</B><BR><A HREF="/news/1.html">Senate passes tax bills after heated debate</A><BR><BR>
<A HREF="/news/2.html">Naira firms at official window</A><BR><BR><A HREF="/news/3.html">Governors meet over state police proposal</A><BR><BR><B>WEATHER</B><BR>Lagos 31&deg;C</FONT></TD>
<TD WIDTH="460" VALIGN="top"><FONT FACE="Georgia" SIZE="5"><B>{esc(a['title'])}</B></FONT><BR>
<FONT FACE="Arial" SIZE="1" COLOR="#666666">By {a['author']}, Cotonou | Posted: September 17, 2024</FONT><BR><BR>
<FONT FACE="Georgia" SIZE="3">
{paras}
</FONT><BR><BR><FONT FACE="Arial" SIZE="1"><A HREF="/print.php?id=8812">Print this story</A> | <A HREF="/email.php?id=8812">Email to a friend</A> | <A HREF="/news/">Click here for more news</A></FONT></TD>
<TD WIDTH="160" VALIGN="top"><FONT FACE="Arial" SIZE="1"><B>ADVERTISEMENT</B><BR><IMG SRC="/ads/bank.gif" WIDTH="150" HEIGHT="300"></FONT></TD></TR>
<TR><TD COLSPAN="3" ALIGN="center"><FONT FACE="Arial" SIZE="1">Copyright &copy; 2024 Lagos Ledger Newspapers Ltd. All rights reserved. Reproduction in whole or in part without permission is prohibited.</FONT></TD></TR>
</TABLE></BODY></HTML>"""


def blog_disqus(a: dict) -> str:
    comments = [("voter_md", "I voted yes and I am shocked it was so close. The vote buying was everywhere in my village, people openly talked about the money."),
                ("Sceptic77", "Every election the losing side blames Russia. Perhaps the government should ask why so many Moldovans do not trust Brussels."),
                ("historian_ro", "The diaspora vote decided it, as it did in 2020. Without the votes from Italy, Germany and Romania the result would have been no.")]
    thread = "\n".join(f'<li class="post"><div class="post-content"><div class="post-byline"><span class="author">{n}</span> &bull; <a class="time-ago" title="Thursday, October 24, 2024 9:1{i} PM">a day ago</a></div>'
                       f'<div class="post-body-inner"><div class="post-message"><p>{esc(t)}</p></div></div><footer><a class="vote-up">12</a><a class="reply">Reply</a></footer></div></li>'
                       for i, (n, t) in enumerate(comments))
    return f"""<!DOCTYPE html><html dir="ltr" lang="en"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type">
<title>East Bloc Notes: {esc(a['title'])}</title><link href="{a['url']}" rel="canonical"><meta content="{a['url']}" property="og:url">
<meta content="{esc(a['title'])}" property="og:title"></head>
<body class="variant-simple"><div class="content-outer"><header><div class="header-inner"><div class="titlewrapper"><h1 class="title"><a href="/">East Bloc Notes</a></h1></div><div class="descriptionwrapper"><p class="description"><span>Notes on politics from the Baltic to the Black Sea</span></p></div></div></header>
<div class="main-outer"><div class="main-inner"><div class="column-center-inner"><div class="blog-posts hfeed"><div class="date-outer"><h2 class="date-header"><span>Thursday, October 24, 2024</span></h2>
<div class="post-outer"><div class="post hentry" itemprop="blogPost" itemscope itemtype="http://schema.org/BlogPosting">
<meta content="{a['date']}T19:04:00+03:00" itemprop="datePublished"><h3 class="post-title entry-title" itemprop="name">{esc(a['title'])}</h3>
<div class="post-body entry-content" id="post-body-7712" itemprop="description articleBody">
{'<br /><br />'.join(esc(p) for p in a['paras'])}
</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">Posted by <span class="fn" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">{a['author']}</span></span></span>
<span class="post-timestamp">at <a class="timestamp-link" href="{a['url']}" rel="bookmark"><abbr class="published" title="{a['date']}T19:04:00+03:00">7:04 PM</abbr></a></span>
<span class="post-comment-link">3 comments:</span><div class="post-share-buttons"><a href="#">Email This</a><a href="#">BlogThis!</a><a href="#">Share to X</a><a href="#">Share to Facebook</a></div></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">Labels: <a href="/search/label/Moldova" rel="tag">Moldova</a>, <a href="/search/label/Russia" rel="tag">Russia</a></span></div></div></div>
<div id="disqus_thread"><div id="posts"><ul id="post-list" class="post-list">
{thread}
</ul></div></div></div></div></div>
<div class="blog-pager" id="blog-pager"><a class="blog-pager-newer-link" href="/2024/10/romania-elections.html">Newer Post</a><a class="blog-pager-older-link" href="/2024/10/georgia-foreign-agents.html">Older Post</a><a class="home-link" href="/">Home</a></div></div>
<div class="column-right-inner"><div class="widget BlogArchive"><h2>Blog Archive</h2><ul><li><a href="/2024/10/">October 2024</a> (6)</li><li><a href="/2024/09/">September 2024</a> (4)</li></ul></div>
<div class="widget PopularPosts"><h2>Popular Posts</h2><ul><li><a href="/2024/04/transnistria.html">Transnistria asks Moscow for protection</a><p>Transnistria's leaders appealed to Russia for help, citing economic pressure from Chisinau.</p></li></ul></div></div></div></div>
<footer><p>Simple theme. Powered by Blogger.</p></footer></div></body></html>"""


def magazine_longform(a: dict) -> str:
    def extra(i: int) -> str:
        if i == 3:
            return '<figure class="article-figure"><img src="/img/kola.jpg" alt=""><figcaption>Submarines of the Northern Fleet at Severomorsk. Photograph: Global Affairs Magazine</figcaption></figure>'
        return ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | Global Affairs Magazine</title>
<link rel="canonical" href="{a['url']}"><meta name="citation_author" content="{a['author']}"><meta name="citation_publication_date" content="{a['date']}">
<meta property="og:title" content="{esc(a['title'])}"><meta property="article:published_time" content="{a['date']}T05:00:00Z"></head>
<body><div class="paywall-meter">You have 2 free articles left this month. <a href="/subscribe">Subscribe for unlimited access</a></div>
<header class="site-header"><a href="/" class="logo">Global Affairs Magazine</a><nav><a href="/regions">Regions</a><a href="/topics">Topics</a><a href="/issues">Print issues</a><a href="/podcast">Podcast</a></nav></header>
<main><article class="longform"><header class="article-header"><p class="kicker">Essay</p><h1 class="article-title">{esc(a['title'])}</h1>
<p class="dek">Finland's and Sweden's accession has turned the High North into a zone of military competition. Cooperation is the casualty.</p>
<p class="byline">By <a href="/authors/kari-lund">{a['author']}</a> | February 27, 2025</p></header>
<div class="article-content">
{body(a, h2='<h2 class="section-head">{}</h2>', quote='<blockquote class="block-quote"><p>{}</p></blockquote>', between=extra)}
<aside class="pullquote"><p>&ldquo;The Kola peninsula is the most important piece of military real estate Russia has.&rdquo;</p></aside>
</div>
<footer class="article-footer"><div class="author-bio"><p><strong>{a['author']}</strong> is a senior researcher at the Nordic Institute of Security Studies and the author of Cold Frontier: Power and Ice in the Arctic.</p></div>
<div class="article-tools"><a href="#">Print</a><a href="#">Download PDF</a><a href="#">Cite this article</a><a href="#">Request reprint permissions</a></div></footer></article>
<section class="read-more"><h2>More from Global Affairs Magazine</h2><div class="card"><a href="/1"><h3>Greenland's Moment</h3><p>Why the world's largest island has become a prize for great powers.</p></a></div>
<div class="card"><a href="/2"><h3>The Baltic Sea Is Not a Nato Lake</h3><p>Russia still has options in its western approaches, and it is using them.</p></a></div><div class="card"><a href="/3"><h3>How Finland Prepared for War</h3><p>Decades of total defence planning paid off when the moment came.</p></a></div></section></main>
<footer class="site-footer"><p>&copy; 2025 Council on Global Affairs. All rights reserved.</p><nav><a href="/about">About</a><a href="/careers">Careers</a><a href="/privacy">Privacy policy</a></nav></footer></body></html>"""


def photo_heavy(a: dict) -> str:
    def extra(i: int) -> str:
        captions = ["The central bank headquarters in Tripoli. Photo: AFP", "Oil workers at the Sharara field, which was shut in August. Photo: Reuters",
                    "UN envoy at the signing ceremony. Photo: UNSMIL", "A petrol queue in Benghazi. Photo: Maghreb Post", ""]
        if captions[i]:
            return (f'<figure class="gallery-item"><div class="img-wrap"><img src="/img/{i}.jpg" alt="" loading="lazy"></div><figcaption><span class="caption">{captions[i].split(". Photo: ")[0]}.</span>'
                    f'<span class="credit">Photo: {captions[i].split(". Photo: ")[1]}</span></figcaption><button class="enlarge">Enlarge</button></figure>')
        return ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} - Maghreb Post</title>
<link rel="canonical" href="{a['url']}"><meta name="pubdate" content="{a['date'].replace('-', '')}"><meta name="author" content="{a['author']}"></head>
<body><header><a href="/">Maghreb Post</a><nav><a href="/libya">Libya</a><a href="/tunisia">Tunisia</a><a href="/algeria">Algeria</a><a href="/morocco">Morocco</a><a href="/photos">Photos</a></nav></header>
<div class="container"><div class="story"><h1>{esc(a['title'])}</h1><div class="story-meta">{a['author']} &middot; 26 September 2024 &middot; <span class="photo-count">4 photos</span></div>
<div class="story-text">
{body(a, between=extra)}
</div>
<div class="story-share"><span>Share:</span><a href="#">WhatsApp</a><a href="#">Telegram</a><a href="#">Facebook</a></div></div>
<div class="sidebar"><h3>Latest photo galleries</h3><ul><li><a href="/g/1">In pictures: Derna one year after the floods</a></li><li><a href="/g/2">Tunisia's olive harvest</a></li></ul></div></div>
<footer><p>Maghreb Post &copy; 2024</p></footer></body></html>"""


def paywall_teaser(a: dict) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} - Asia Markets Journal</title>
<link rel="canonical" href="{a['url']}"><meta property="article:published_time" content="{a['date']}T02:10:00Z"><meta name="author" content="{a['author']}">
{ld_article(a)}</head>
<body><header><a href="/">Asia Markets Journal</a><nav><a href="/markets">Markets</a><a href="/economy">Economy</a><a href="/politics">Politics</a><a href="/tech">Tech</a><a href="/opinion">Opinion</a></nav><a class="subscribe" href="/subscribe">Subscribe</a></header>
<main><article><h1>{esc(a['title'])}</h1><div class="byline">{a['author']} in Taipei <time datetime="{a['date']}T02:10:00Z">October 15, 2024 10:10 am JST</time></div>
<div class="article-body article-body--truncated">
{body(a)}
</div>
<div class="paywall"><h2>Continue reading with a subscription</h2><p>Get unlimited access to Asia Markets Journal's award-winning coverage of the region's politics and business.</p>
<ul><li>Unlimited articles on any device</li><li>Exclusive analysis from 100 correspondents in Asia</li><li>The Asia Briefing newsletter, every morning</li></ul><a class="btn" href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div></article>
<section class="recommended"><h2>Recommended</h2><div class="grid">
<div class="tile"><a href="/1"><h3>TSMC profit beats forecasts on AI chip demand</h3><p>The world's largest contract chipmaker raised its revenue outlook for the year.</p></a></div>
<div class="tile"><a href="/2"><h3>China's exports slow as trade tensions bite</h3><p>Shipments to the US fell for the second straight month.</p></a></div>
<div class="tile"><a href="/3"><h3>Philippines, Japan sign reciprocal access pact</h3><p>The agreement lets troops of each country train on the other's soil.</p></a></div>
<div class="tile"><a href="/4"><h3>Analysis: What Beijing wants from the Taiwan Strait drills</h3><p>Exercises are growing larger and closer to the island's coast.</p></a></div></div></section></main>
<footer><p>&copy; 2024 Asia Markets Journal. All rights reserved.</p></footer></body></html>"""


def inline_related(a: dict) -> str:
    def extra(i: int) -> str:
        if i == 0:
            return '<p class="related-inline"><strong>RELATED:</strong> <a href="/world/asean-summit-myanmar">Asean leaders bar Myanmar junta chief from summit for third year</a></p>'
        if i == 1:
            return ('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Indonesia stands ready to facilitate an inclusive national dialogue in Myanmar. '
                    'Peace must come from the people of Myanmar themselves.</p>&mdash; Indonesian MFA (@Kemlu_RI) <a href="https://x.example/status/1">March 19, 2025</a></blockquote>'
                    '<script async src="https://platform.x.example/widgets.js" charset="utf-8"></script>')
        if i == 3:
            return '<p class="related-inline"><strong>ALSO READ:</strong> <a href="/world/myanmar-earthquake-aid">Aid groups say junta is blocking earthquake relief in rebel areas</a></p>'
        return ""
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{esc(a['title'])} - Jakarta Globe News</title>
<link rel="canonical" href="{a['url']}"><meta name="content_PublishedDate" content="{a['date']} 15:22:10"><meta property="article:published_time" content="{a['date']}T15:22:10+07:00">
<meta name="content_author" content="{a['author']}"><meta name="author" content="{a['author']}"></head>
<body><div class="topbar"><span>Thursday, 20 March 2025</span><a href="/epaper">E-paper</a><a href="/login">Login</a></div>
<header><a href="/">Jakarta Globe News</a><ul class="menu"><li><a href="/news">News</a></li><li><a href="/business">Business</a></li><li><a href="/world">World</a></li><li><a href="/tech">Tech</a></li><li><a href="/lifestyle">Lifestyle</a></li><li><a href="/video">Video</a></li></ul></header>
<div class="container"><div class="col-main"><ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ol>
<h1 class="detail-title">{esc(a['title'])}</h1><div class="detail-author">{a['author']} / RP &nbsp; | &nbsp; Wednesday, March 19, 2025 | 15:22 WIB</div>
<div class="detail-share"><a href="#">Facebook</a><a href="#">X</a><a href="#">WhatsApp</a><a href="#">Line</a></div>
<div class="detail-text">
{body(a, between=extra)}
</div>
<div class="detail-tags"><b>Tags:</b> <a href="/tag/myanmar">myanmar</a> <a href="/tag/asean">asean</a> <a href="/tag/indonesia">indonesia</a></div>
<div class="box-related"><h3>Related News</h3><ul><li><a href="/1">Thailand to reopen border crossing with Myanmar</a></li><li><a href="/2">Rohingya refugees land in Aceh after weeks at sea</a></li></ul></div></div>
<div class="col-side"><div class="box-popular"><h3>Most Popular</h3><ol><li><a href="/p1">Rupiah weakens past 16,500 per dollar</a></li><li><a href="/p2">Prabowo inaugurates new capital airport</a></li><li><a href="/p3">Jakarta floods displace thousands</a></li></ol></div></div></div>
<footer><p>&copy; 2025 Jakarta Globe News. All Rights Reserved.</p></footer></body></html>"""


LAYOUTS = {
    "wp_classic": ("WordPress classic theme: share bar, related posts, comment thread, sidebar", wp_classic),
    "wp_blocks": ("WordPress block theme: figure, pull quote and newsletter box inside the body", wp_blocks),
    "drupal_thinktank": ("Drupal think-tank analysis: summary, author bio, related-analysis sidebar", drupal_thinktank),
    "arc_newspaper": ("Arc-style newspaper: 'Read more' links and an ad between paragraphs, most read", arc_newspaper),
    "bbc_like": ("text-block components, cookie banner, 'more on this story', related topics", bbc_like),
    "guardian_like": ("commercial-selector body, support banner, most viewed, comments", guardian_like),
    "reuters_like": ("wire story with paragraphs as <div>s, sign-off line, 'Read Next'", reuters_like),
    "ap_like": ("wire story: ads between paragraphs, contributor line, related stories", ap_like),
    "nyt_like": ("companion columns split by an advertisement, print-edition line", nyt_like),
    "liveblog_guardian": ("live blog: key events, timed blocks with headings, newest first", liveblog_guardian),
    "liveblog_ldjson": ("live blog: pinned post, updates list, LiveBlogPosting JSON-LD, load more", liveblog_ldjson),
    "amp_article": ("AMP article: amp-sidebar menu, amp-img, amp-ad, amp-accordion related", amp_article),
    "amp_liveblog": ("AMP live blog: amp-live-list items", amp_liveblog),
    "ghost_newsletter": ("Ghost: members call-to-action card in the body, read next", ghost_newsletter),
    "substack_comments": ("newsletter platform: subscribe widget in the body, long comment thread", substack_comments),
    "nextjs_app": ("React/Next.js: hashed class names, __NEXT_DATA__ copy of the text, recommended rail", nextjs_app),
    "gov_press_release": ("government press release: cookie banner, metadata list, feedback box", gov_press_release),
    "un_press": ("UN press release: meeting line, 'not an official record', related documents", un_press),
    "table_layout_regional": ("1990s table layout, <br><br> paragraphs, no semantic tags", table_layout_regional),
    "blog_disqus": ("Blogger post with <br> paragraphs and a Disqus thread", blog_disqus),
    "magazine_longform": ("long-form magazine: subheads, block quote, pull quote, author bio, read more", magazine_longform),
    "photo_heavy": ("photo story: a captioned, credited figure after most paragraphs", photo_heavy),
    "paywall_teaser": ("paywalled teaser: three paragraphs, subscription box, recommended grid", paywall_teaser),
    "inline_related": ("'RELATED:'/'ALSO READ:' links and an embedded post between paragraphs", inline_related),
}


def main() -> None:
    manifest = {}
    for name, (shape, layout) in LAYOUTS.items():
        a = dict(ARTICLES[name])
        a["paras"] = list(a["paras"])
        page = layout(a)  # a live blog reorders a["paras"] to the order its page shows them
        (HERE / f"{name}.html").write_text(page + "\n", encoding="utf-8")
        (HERE / f"{name}.expected.txt").write_text("\n".join(lines(a)) + "\n", encoding="utf-8")
        manifest[name] = {"shape": shape, "title": a["title"], "date": a["date"], "author": a["author"], "url": a["url"]}
    (HERE / "pages.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
