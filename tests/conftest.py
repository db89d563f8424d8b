"""Shared fixtures: the gazetteer and spaCy pipeline are loaded once per test session."""
from __future__ import annotations

import signal

import pytest

from graph import gazetteer
from graph.extract import extract_doc
from graph.ingest import make_document
from graph.nlp import get_pipeline

# Several tests press Ctrl-C on a command they start (SIGINT to a subprocess). A shell without job control
# starts a background job with SIGINT *ignored*, children inherit that, and Python then installs no
# KeyboardInterrupt handler: run that way ("bash .ci/run &" from a script), every such test failed although
# nothing was wrong. A handled signal is reset to the default in an exec'd child, so catching it here gives
# every command the tests start the disposition a terminal gives it.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


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
