"""Plain records passed between the pipeline stages.

They carry no behaviour on purpose: ingest produces Documents, extract produces Actors, Offices and
Interactions, and rdf/evaluate/render consume them. Keeping them dumb makes every stage testable alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["MODALITIES", "Actor", "Document", "Extraction", "Interaction", "Office", "Sentence"]

MODALITIES = ("asserted", "reported", "hypothetical", "negated")


@dataclass(frozen=True)
class Document:
    """One article. ``id`` is the first 16 hex digits of the SHA-256 of ``text`` (stable across runs)."""

    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO date, year-month or year from metadata or text
    source: str = ""  # path or URL the document came from
    sha256: str = ""
    author: str = ""  # a web page's byline (trafilatura)
    url: str = ""  # the canonical URL a web page declares, or the one it was fetched from


@dataclass
class Actor:
    """An actor known from the gazetteer or found in the text (officials).

    ``id`` is the local name in the ag: namespace (``USA``, ``IRN``, ``P_Abbas_Araghchi``).
    """

    id: str
    label: str
    type: str  # State | Person | Organisation | ArmedGroup | CollectiveActor
    wikidata: str | None = None
    affiliation: str | None = None  # for persons: actor id they serve


@dataclass(frozen=True)
class Office:
    """A person holding a titled position for a state or organisation."""

    person: str  # actor id of the person
    title: str  # "Foreign Minister"
    of: str  # actor id of the state/organisation
    sector: str | None = None  # GOV/MIL/DIP/... sector id


@dataclass
class Sentence:
    """A sentence of a document with its character offsets: the evidence a claim points back to."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class Interaction:
    """One claim: ``source`` does ``relation`` to ``target``, with the sentence that says so."""

    source: str
    relation: str  # local name of the property: pressures, mediates, ...
    target: str
    doc_id: str
    sentence: int  # index of the sentence in the document
    trigger: str
    trigger_start: int  # character offsets of the trigger in the document
    trigger_end: int
    modality: str = "asserted"
    confidence: float = 0.5
    cameo: str = ""
    goldstein: float = 0.0
    quad: int = 0
    date: str | None = None  # xsd:date / gYearMonth / gYear lexical form
    date_text: str | None = None
    reported_by: str | None = None
    other_party: str | None = None  # mediation: the other side
    source_sector: str | None = None
    target_sector: str | None = None
    source_official: str | None = None  # person id when an official acted for the state
    episode: str | None = None
    path: str = ""  # which rule found it (explainability)

    def key(self) -> tuple[str, str, str]:
        return (self.source, self.relation, self.target)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)  # actors mentioned (incl. persons)
    offices: list[Office] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    doc_date: str | None = None
