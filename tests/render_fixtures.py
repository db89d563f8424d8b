"""Hand-built RDF graphs for the render tests: the seed story, and a hostile document.

Built with the real writer (``graph.store.rdf.document_graph``) from ``graph.model`` records, so the page is
tested against exactly the shape the pipeline produces, without running spaCy.
"""
from __future__ import annotations

import hashlib

from rdflib import Graph

from graph.model import Actor, Document, Extraction, Interaction, Office, Sentence
from graph.store.rdf import bind_prefixes, document_graph

ACTORS = {
    "USA": Actor("USA", "United States", "State", "Q30"),
    "ISR": Actor("ISR", "Israel", "State", "Q801"),
    "IRN": Actor("IRN", "Iran", "State", "Q794"),
    "OMN": Actor("OMN", "Oman", "State", "Q842"),
    "NON_STATE_ACTORS": Actor("NON_STATE_ACTORS", "non-state actors", "CollectiveActor"),
    "P_Abbas_Araghchi": Actor("P_Abbas_Araghchi", "Abbas Araghchi", "Person", None, "IRN"),
    "SAU": Actor("SAU", "Saudi Arabia", "State", "Q851"),
    "YEM": Actor("YEM", "Yemen", "State", "Q805"),
}


def extraction(title: str, date: str | None, source: str, sentences: list[str],
               claims: list[dict], actors: list[str], offices: list[Office] = ()) -> Extraction:
    """An Extraction from plain sentences; each claim names its sentence index and trigger word and
    gets its document offsets computed here (keys as in ``graph.model.Interaction``)."""
    text = " ".join(sentences)
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    doc = Document(doc_id, text, title, date, source, hashlib.sha256(text.encode()).hexdigest())
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(doc_id, i, pos, pos + len(s), s))
        pos += len(s) + 1
    ixs = []
    for c in claims:
        c = dict(c)
        s = sents[c.pop("sentence")]
        trigger = c.pop("trigger")
        start = text.index(trigger, s.start)
        ixs.append(Interaction(doc_id=doc_id, sentence=s.index, trigger=trigger, trigger_start=start,
                               trigger_end=start + len(trigger), **c))
    return Extraction(doc, sents, {a: ACTORS[a] for a in actors}, list(offices), ixs, date)


def seed_extractions() -> list[Extraction]:
    """The two seed articles, reduced to the claims the lead expects the extractor to find."""
    a = extraction(
        "Washington presses Israel to hold fire during Oman talks", "2026-02-03", "seeds/000_6be235a7fb228b2a.txt",
        [
            "Washington has privately pressed Israel to refrain from any unilateral military strikes on Iran while "
            "U.S. and Iranian delegations meet in Oman later this week, Israeli officials say.",
            "Iranian Foreign Minister Abbas Araghchi confirmed that the talks with Washington will proceed as planned on Friday.",
            "Oman has mediated between Washington and Tehran since 2025.",
            "Tehran fears that Washington might tacitly permit Israeli strikes during the negotiating window.",
        ],
        [
            dict(source="USA", relation="pressures", target="ISR", sentence=0, trigger="pressed", modality="reported",
                 reported_by="ISR", confidence=0.8, cameo="0256", quad=1, goldstein=-0.3, date="2026-02", path="verb:dobj"),
            dict(source="USA", relation="negotiatesWith", target="IRN", sentence=0, trigger="meet", confidence=0.7,
                 cameo="046", quad=1, goldstein=7.0, date="2026-02-06", date_text="later this week", path="verb:conj"),
            dict(source="IRN", relation="negotiatesWith", target="USA", sentence=1, trigger="talks", confidence=0.75,
                 cameo="046", quad=1, goldstein=7.0, date="2026-02-06", date_text="Friday",
                 source_official="P_Abbas_Araghchi", path="noun:with"),
            dict(source="OMN", relation="mediates", target="USA", sentence=2, trigger="mediated", other_party="IRN",
                 confidence=0.85, cameo="045", quad=1, goldstein=5.0, date="2025", date_text="since 2025", path="verb:between"),
            dict(source="ISR", relation="attacks", target="IRN", sentence=3, trigger="strikes", modality="hypothetical",
                 confidence=0.4, cameo="190", quad=4, goldstein=-10.0, path="noun:amod"),
        ],
        ["USA", "ISR", "IRN", "OMN", "P_Abbas_Araghchi"],
        [Office("P_Abbas_Araghchi", "Foreign Minister", "IRN", "DIP")],
    )
    b = extraction(
        "US urges Israel to hold off as Iran talks resume", "2026-02-05", "seeds/001_cdfa9290fd9a2767.txt",
        [
            "The United States has privately urged Israel to refrain from unilateral military action against Iran, "
            "Israeli officials said on Feb. 5.",
            "The US demands Iran cease uranium enrichment, while Tehran rejects any limit on its nuclear programme.",
            "Last June an Israeli raid on Iranian targets triggered a 12-day war, during which US strikes hit Iranian nuclear sites.",
            "The United States remains Israel's closest ally.",
            "Iran arms non-state actors across the region.",
        ],
        [
            dict(source="USA", relation="pressures", target="ISR", sentence=0, trigger="urged", modality="reported",
                 reported_by="ISR", confidence=0.85, cameo="0256", quad=1, goldstein=-0.3, date="2026-02-05",
                 date_text="Feb. 5", path="verb:dobj"),
            dict(source="USA", relation="demands", target="IRN", sentence=1, trigger="demands", confidence=0.8,
                 cameo="100", quad=3, goldstein=-5.0, path="verb:dobj"),
            dict(source="IRN", relation="opposes", target="USA", sentence=1, trigger="rejects", confidence=0.7,
                 cameo="120", quad=3, goldstein=-4.0, path="verb:conj"),
            dict(source="ISR", relation="attacks", target="IRN", sentence=2, trigger="raid", confidence=0.8,
                 cameo="190", quad=4, goldstein=-10.0, date="2025-06", date_text="Last June", path="noun:on"),
            dict(source="USA", relation="attacks", target="IRN", sentence=2, trigger="strikes", confidence=0.8,
                 cameo="195", quad=4, goldstein=-10.0, date="2025-06", date_text="Last June", path="noun:compound"),
            dict(source="USA", relation="alliedWith", target="ISR", sentence=3, trigger="ally", confidence=0.7,
                 cameo="062", quad=2, goldstein=7.4, path="noun:poss"),
            dict(source="IRN", relation="supports", target="NON_STATE_ACTORS", sentence=4, trigger="arms", confidence=0.75,
                 cameo="070", quad=2, goldstein=7.4, path="verb:dobj"),
        ],
        ["USA", "ISR", "IRN", "NON_STATE_ACTORS"],
    )
    return [a, b]


HOSTILE_TITLE = "<script>window.__pwned=1</script> & Co"
HOSTILE_SENTENCE = ('Oman said <img src=x onerror="window.__pwned=1"> that Iran '
                    "</script><script>window.__pwned=1</script> threatens Israel\u2028now.")


def hostile_extraction() -> Extraction:
    """A document whose title and sentence try to break out of the page as HTML."""
    return extraction(
        HOSTILE_TITLE, "2026-01-10", "javascript:window.__pwned=1//<b>bold</b>",
        [HOSTILE_SENTENCE],
        [dict(source="IRN", relation="threatens", target="ISR", sentence=0, trigger="threatens",
              confidence=0.6, cameo="130", quad=3, goldstein=-4.4)],
        ["IRN", "ISR"],
    )


def undated_extraction() -> Extraction:
    """An article without a date: its claims have no ag:reportedOn either."""
    return extraction(
        "Undated wire", None, "wire/undated.txt", ["Saudi Arabia backs the government of Yemen."],
        [dict(source="SAU", relation="supports", target="YEM", sentence=0, trigger="backs", confidence=0.7,
              cameo="070", quad=2, goldstein=7.4)],
        ["SAU", "YEM"])


def union_graph(extractions: list[Extraction]) -> Graph:
    """What ``out/graph.ttl`` holds for these documents (no ontology: render reads it from disk)."""
    g = bind_prefixes(Graph())
    for ex in extractions:
        for t in document_graph(ex):
            g.add(t)
    return g


def seed_graph() -> Graph:
    return union_graph(seed_extractions())
