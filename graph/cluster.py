"""Extraction on a Dask distributed cluster: ``actorgraph build --cluster tcp://HOST:8786``.

Why Dask: the parse is the cost of a build (extraction runs at about the speed of the bare spaCy
parse), and one machine's cores are soon all busy. A Dask cluster spreads it over machines with one
client line, and its workers stay up between builds.

How: the client registers a worker plugin (``ExtractorPlugin``) that loads the gazetteer (with the
``--actors`` files, whose Turtle travels with the plugin) and the spaCy pipeline once on each worker,
now and on any worker that joins later. Batches of documents go out as tasks
(``extract_on_worker``, which calls ``graph.extract.extract``); extraction records come back, in
order; the client writes the store - the workers never touch it. The result is the very same as a
build in one process (tested triple for triple against a real scheduler and two workers).

Every worker needs actorgraph installed (the same version as the client) and the spaCy model; start
workers with ``--nthreads 1`` and as many worker processes as cores (``--nworkers N``): spaCy's
pipeline is not shared between threads, so a worker runs one extraction at a time whatever its
threads.
"""
from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from .errors import ActorgraphError
from .model import Document, Extraction

__all__ = ["PLUGIN_NAME", "CONNECT_TIMEOUT", "WORKER_WAIT", "TASK_DOCUMENTS", "ClusterError", "ExtractorPlugin",
    "extract_on_worker", "worker_documents", "ClusterExtractor"]

PLUGIN_NAME = "actorgraph-extractor"
CONNECT_TIMEOUT = "20s"
WORKER_WAIT = 60  # seconds to wait for a first worker to join the scheduler
TASK_DOCUMENTS = 8  # documents per task: small enough to spread a batch over the workers


class ClusterError(ActorgraphError):
    """The Dask cluster cannot be reached or used."""


def _require_distributed():  # noqa: ANN202 - the distributed module
    try:
        import distributed
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'actorgraph[cluster]' (dask[distributed])") from None
    return distributed


def _plugin_base() -> type:
    return _require_distributed().WorkerPlugin


class ExtractorPlugin(_plugin_base()):  # type: ignore[misc]
    """Loads the gazetteer and the spaCy pipeline once per worker (``setup``), for the tasks to use."""

    name = PLUGIN_NAME

    def __init__(self, actors: Iterable[tuple[str, str]] = (), model: str | None = None) -> None:
        self.actors = tuple(actors)  # (file name, Turtle text): the client's --actors files
        self.model = model
        self.gz = self.nlp = None
        self.lock = None
        self.documents = 0  # extracted on this worker (the tests ask each worker)

    def setup(self, worker) -> None:  # noqa: ANN001 - a distributed.Worker
        from . import gazetteer
        from .nlp import get_pipeline

        folder = Path(tempfile.mkdtemp(prefix="actorgraph-actors-"))
        paths = []
        for k, (name, text) in enumerate(self.actors):
            path = folder / f"{k}-{Path(name).name}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        self.gz = gazetteer.load(paths)
        self.nlp = get_pipeline(self.gz, self.model)
        self.lock = threading.Lock()

    def __getstate__(self) -> dict:  # what travels to the workers: the recipe, not a loaded pipeline
        return {"actors": self.actors, "model": self.model}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["actors"], state["model"])


def extract_on_worker(documents: list[Document], reference_date: str, batch_size: int) -> list[Extraction]:
    """A task: extract ``documents`` with the worker's pipeline (loaded by ``ExtractorPlugin``)."""
    from distributed import get_worker

    from .extract import extract

    plugin = get_worker().plugins[PLUGIN_NAME]
    with plugin.lock:  # one extraction at a time per worker: the pipeline is not shared between threads
        found = list(extract(documents, plugin.nlp, plugin.gz, batch_size=batch_size, reference_date=reference_date))
        plugin.documents += len(documents)
    return found


def worker_documents(dask_worker) -> int:  # noqa: ANN001 - run on a worker by Client.run
    """How many documents this worker extracted (for tests and the benchmark)."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return plugin.documents if plugin is not None else -1


class ClusterExtractor:
    """A client of the cluster at ``address`` with the extractor plugin registered:
    ``with ClusterExtractor("tcp://host:8786") as ex: ex.extract(documents)``."""

    def __init__(self, address: str, *, actors: Iterable[str | Path] = (), model: str | None = None,
                 reference_date: str | None = None) -> None:
        self.address = address
        self.actors = [(str(p), _read(Path(p))) for p in actors]
        self.model = model
        self.reference_date = reference_date
        self.client = None

    def __enter__(self) -> ClusterExtractor:
        distributed = _require_distributed()
        try:
            self.client = distributed.Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {self.address}: {_one_line(exc)}") from None
        try:
            self.client.wait_for_workers(1, timeout=WORKER_WAIT)
            self.client.register_plugin(ExtractorPlugin(self.actors, self.model), name=PLUGIN_NAME)
        except BaseException as exc:
            self.client.close()
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            raise ClusterError(f"Dask cluster {self.address}: {_one_line(exc)}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()

    def extract(self, documents: list[Document]) -> list[Extraction]:
        """Extract ``documents`` on the workers, a few per task; results in input order."""
        from .stream import spacy_batch

        chunks = [documents[i:i + TASK_DOCUMENTS] for i in range(0, len(documents), TASK_DOCUMENTS)]
        futures = [self.client.submit(extract_on_worker, chunk, self.reference_date, spacy_batch(chunk), pure=False)
                   for chunk in chunks]
        try:
            return [ex for part in self.client.gather(futures) for ex in part]
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"Dask cluster {self.address}: {_one_line(exc)}") from None

    def documents_per_worker(self) -> dict[str, int]:
        return self.client.run(worker_documents)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ClusterError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
