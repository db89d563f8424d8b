"""A build as a stream: documents in batches, extracted, checked and written, nothing kept.

Why: ``build`` held every document's graph in one rdflib graph before writing anything; 20,000
short articles peaked at 3.2 GB and did not finish in 15 minutes (writing TriG alone grew from 1.5 s
at 500 articles to 112 s at 10,000). Now documents flow in batches - read, parsed and extracted (in
this process, in ``--workers`` processes or on a Dask cluster: ``graph.cluster``), turned into their
named graphs, checked against the shapes and written into the store (``graph.store.write.
DocumentWriter``: one atomic bulk load per batch) - and each batch is let go once it is written.
While the main process writes one batch, the workers extract the next ones.

What stays in memory is per document small: its IRI (a build drops from the store the documents it
did not see) and, for ``ingest``, its status. Everything after - the derived graph, the analysis,
the page, the report, graph.ttl and graph.trig - is read from the store.
"""
from __future__ import annotations

import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from .errors import ActorgraphError
from .model import Document, Extraction

__all__ = ["BATCH_DOCUMENTS", "IN_FLIGHT", "ValidationFailed", "Streamed", "batches", "spacy_batch", "extractor",
    "extracted", "shapes_check", "write", "progress_bar"]

BATCH_DOCUMENTS = 64  # documents handed to the extractor at a time (fewer for long ones: ``batch_size``)
IN_FLIGHT = 3  # batches being extracted while one is written


class ValidationFailed(ActorgraphError):
    """The build's own output violates ontology/shapes.ttl: a bug, reported instead of written."""


@dataclass
class Streamed:
    """What a stream wrote: every document's status, the interactions by modality, the time spent
    extracting and writing, and the extraction records when asked to keep them."""

    status: dict[str, str] = field(default_factory=dict)  # document IRI -> added | replaced | unchanged
    modalities: Counter = field(default_factory=Counter)
    documents: list[Document] = field(default_factory=list)  # only with keep
    extractions: list[Extraction] = field(default_factory=list)  # only with keep
    seconds: dict[str, float] = field(default_factory=lambda: {"extract": 0.0, "write": 0.0})
    extracted_at: float = 0.0  # time.perf_counter() when the last batch's extraction came back

    @property
    def count(self) -> int:
        return len(self.status)


# ---------------------------------------------------------------- batches


def batches(documents: Iterable[Document], size: int = BATCH_DOCUMENTS, chars: int = 400_000) -> Iterator[list[Document]]:
    """``documents`` in lists of at most ``size`` documents and about ``chars`` characters (the
    parser's memory grows with a batch's text; a document longer than spaCy takes is cut later)."""
    batch: list[Document] = []
    length = 0
    for doc in documents:
        if batch and (len(batch) >= size or length + len(doc.text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(doc)
        length += len(doc.text)
    if batch:
        yield batch


def spacy_batch(documents: list[Document]) -> int:
    """Documents per spaCy batch: 32 (spaCy's default) for news-length texts, fewer for long ones,
    so that a batch holds at most ~400,000 characters (the parser's memory grows with the batch)."""
    from . import chunks

    longest = min(max((len(d.text) for d in documents), default=1), chunks.PIECE_CHARS)
    return max(1, min(32, 400_000 // max(1, longest)))


# ---------------------------------------------------------------- extractors


Run = Callable[[list[Document]], list[Extraction]]


@contextmanager
def extractor(*, actors: tuple[str, ...] = (), model: str | None = None, workers: int = 1,
              cluster: str | None = None, reference_date: str, gz=None) -> Iterator[tuple[Run, bool]]:  # noqa: ANN001
    """(a function extracting a batch of documents, whether it runs outside this process): on a Dask
    cluster, in ``workers`` local processes, or here. Long documents are cut and merged back
    (``graph.chunks``) whichever runs them."""
    from . import chunks

    if cluster:
        from .cluster import ClusterExtractor

        with ClusterExtractor(cluster, actors=actors, model=model, reference_date=reference_date) as ex:
            yield (lambda docs: chunks.extract_long(docs, ex.extract)), True
        return
    if workers > 1:
        from .extract import ExtractorPool

        with ExtractorPool(extra=actors, model=model, workers=workers) as pool:
            run = lambda docs: pool.extract(docs, reference_date=reference_date,  # noqa: E731
                                            batch=max(1, min(16, spacy_batch(docs))))
            yield (lambda docs: chunks.extract_long(docs, run)), True
        return
    from . import gazetteer as gazetteer_mod
    from .extract import extract
    from .nlp import get_pipeline

    gz = gz or gazetteer_mod.load(actors)
    nlp = get_pipeline(gz, model)
    here = lambda docs: list(extract(docs, nlp, gz, batch_size=spacy_batch(docs), reference_date=reference_date))  # noqa: E731
    yield (lambda docs: chunks.extract_long(docs, here)), False


def extracted(document_batches: Iterable[list[Document]], run: Run, elsewhere: bool,
              seconds: dict[str, float]) -> Iterator[tuple[list[Document], list[Extraction]]]:
    """Each batch with its extractions, in order. When extraction runs elsewhere (workers, a
    cluster), up to ``IN_FLIGHT`` batches are extracted while the caller writes the last one;
    ``seconds["extract"]`` counts the time spent extracting here or waiting for it."""
    if not elsewhere:
        for batch in document_batches:
            started = time.perf_counter()
            done = run(batch)
            seconds["extract"] += time.perf_counter() - started
            yield batch, done
        return
    # several batches at once: the workers of one batch's tail are not left idle waiting for the next
    with ThreadPoolExecutor(max_workers=IN_FLIGHT, thread_name_prefix="extract") as feeder:
        pending: deque[tuple[list[Document], Future]] = deque()
        source = iter(document_batches)
        while True:
            while len(pending) < IN_FLIGHT:
                batch = next(source, None)
                if batch is None:
                    break
                pending.append((batch, feeder.submit(run, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            started = time.perf_counter()
            done = future.result()
            seconds["extract"] += time.perf_counter() - started
            yield batch, done


# ---------------------------------------------------------------- writing


def shapes_check(gz) -> Callable[[bytes], None]:  # noqa: ANN001 - a Gazetteer
    """A check of a batch of documents (N-Triples, as ``DocumentWriter`` hands them) against the
    shapes, with the compiled SPARQL shapes (``graph.store.shacl``) on a scratch in-memory store."""
    import pyoxigraph as ox

    from .store.store import _term
    from .store.validate import _compiled, _shapes, run_checks

    shapes = _shapes("")
    checks = _compiled(shapes)
    schema = "".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in gz.schema)

    def check(data: bytes) -> None:
        scratch = ox.Store()
        scratch.load(input=data, format=ox.RdfFormat.N_TRIPLES)
        scratch.load(input=schema, format=ox.RdfFormat.N_TRIPLES)
        violations = [v for v in run_checks(scratch, checks, shapes) if v.severity == "Violation"]
        if violations:
            raise ValidationFailed(f"the extracted graph violates ontology/shapes.ttl ({len(violations)} violations; "
                                   f"first: {violations[0]})")

    return check


def write(st, documents: Iterable[Document], *, gz, run: Run, elsewhere: bool,  # noqa: ANN001 - Store, Gazetteer
          check: Callable[[bytes], None] | None, keep: bool = False, progress: bool = False,
          total: int | None = None) -> Streamed:
    """Extract ``documents`` batch by batch and write each document's graph into ``st`` (see the
    module docstring); nothing of a batch is kept once written, unless ``keep``."""
    from .namespaces import doc_iri
    from .store.ntriples import document_triples
    from .store.rdf import document_graph
    from .store.write import DocumentWriter

    out = Streamed()
    with progress_bar("extracting", enabled=progress, total=total) as bar, DocumentWriter(st, check=check) as writer:
        for batch, exs in extracted(batches(documents), run, elsewhere, out.seconds):
            started = out.extracted_at = time.perf_counter()
            for ex in exs:
                writer.put_triples(doc_iri(ex.document.id), document_triples(ex, gz), ex.document.source,
                                   lambda ex=ex: document_graph(ex, gz))
                out.modalities.update(ix.modality for ix in ex.interactions)
            if keep:
                out.documents.extend(batch)
                out.extractions.extend(exs)
            out.seconds["write"] += time.perf_counter() - started
            bar.update(len(batch))
        started = time.perf_counter()
    out.seconds["write"] += time.perf_counter() - started  # the last loads
    out.status = {str(k): v for k, v in writer.results.items()}
    return out


def progress_bar(what: str, *, enabled: bool, total: int | None = None):  # noqa: ANN201 - a tqdm bar
    """A tqdm bar on stderr with the count and the rate (and the time left when the total is known);
    silent (and free) when ``enabled`` is false, as it is when stderr is not a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit="doc", disable=not enabled, file=sys.stderr, dynamic_ncols=True,
                leave=False)
