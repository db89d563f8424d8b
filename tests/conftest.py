"""Shared fixtures: the gazetteer and spaCy pipeline are loaded once per test session."""
from __future__ import annotations

import pytest

from graph import gazetteer
from graph.extract import extract_doc
from graph.ingest import make_document
from graph.nlp import get_pipeline


@pytest.fixture(scope="session")
def gz():
    return gazetteer.load()


@pytest.fixture(scope="session")
def nlp(gz):
    return get_pipeline(gz)


@pytest.fixture(scope="session")
def extract_text(gz, nlp):
    """extract_text(text, date=None) -> Extraction, with the real gazetteer and model."""

    def run(text: str, date: str | None = "2025-03-14"):
        doc = make_document(text, date=date)
        return extract_doc(nlp(doc.text), doc, gz, reference_date="2025-03-14")

    return run


def triples(ex, modality: str | None = None, states_only: bool = True) -> set[tuple[str, str, str]]:
    """(source, relation, target) of an extraction, optionally one modality, without person-level twins."""
    return {(i.source, i.relation, i.target) for i in ex.interactions
            if (modality is None or i.modality == modality) and not (states_only and i.source.startswith("P_"))}
