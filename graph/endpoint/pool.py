"""The query workers behind ``actorgraph serve``: what runs a query, where, for how long, in how much memory.

Why worker processes: pyoxigraph has no query timeout and a thread cannot be killed, so a query runs
in a process the server can kill. Each worker opens a read-only snapshot of the store and forbids
itself the network and more than a memory budget (``graph.endpoint.sandbox``).

**Read-only is decided by the engine that runs the query**, not by a second parser: pyoxigraph's
``Store.query`` parses only queries (an update is a SyntaxError there; the worker then tells a
malformed text from an update by running it on an empty scratch store), and the only way it can
reach the network - SERVICE, or LOAD in that scratch update - kills the worker (SIGSYS), which the
pool answers with 403. Whatever the engine reads in a query, it cannot fetch.

**Scheduling.** ``size`` general workers, plus one *short-query lane*: a worker kept for when every
general worker is busy, on which a query may run ``short_limit`` seconds (1 s by default). A query
that needs longer there is stopped (the lane worker is replaced: it holds no copy in RAM, so it
starts in a second) and waits for a general worker. So two long queries hold two general workers,
and short queries keep being answered on the lane. A query that finds no worker free *waits*, in
arrival order, instead of being refused; its time limit counts from its arrival, so waiting and
running together never exceed ``--timeout``. At most ``max_waiting`` queries wait; one more is a 503.

**Failures are answers**: time limit - 503; memory budget - 503 naming it; network - 403; any other
death of a worker - 500. The worker is replaced in the background each time.
"""
from __future__ import annotations

import itertools
import multiprocessing
import re
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from . import sandbox
from ..errors import StoreError
from ..signals import signals_deferred
from .results import (
    Refused, _one_line, graph_iris, negotiate, serialize_boolean, serialize_solutions, serialize_triples,
)

__all__ = ["READY_TIMEOUT", "SHORT_LIMIT", "MAX_WAITING", "NETWORK_REFUSED", "RECURSION_LIMIT", "Job",
    "Answer", "may_use_named_graphs", "execute", "is_update", "QUERY_STACK", "worker_main", "QueryTimeout",
    "QueryPool"]

READY_TIMEOUT = 300.0  # seconds a worker may take to open (and copy) the snapshot
SHORT_LIMIT = 1.0  # seconds a query may run on the short-query lane
MAX_WAITING = 64  # queries that may wait for a worker
NETWORK_REFUSED = ("SERVICE and LOAD are not allowed: the query tried to reach the network, and this endpoint "
                   "never fetches (it is read-only)")
# Deep enough for a query of MAX_QUERY characters in Oxigraph's parser (it recurses per nesting level).
RECURSION_LIMIT = 100_000


@dataclass
class Job:
    """What a worker is asked: one query, how to answer it and within which limits."""

    query: str
    accept: str | None = None  # the request's Accept header
    fmt: str | None = None  # the request's format= parameter ("html" for the query page)
    max_results: int = 10_000
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    use_disk: bool = False  # True: run on the full snapshot even when a copy of the merged graph is in RAM


@dataclass(frozen=True)
class Answer:
    body: bytes
    truncated: bool
    kind: str  # SELECT | ASK | CONSTRUCT (CONSTRUCT and DESCRIBE both give triples)
    fmt: str


_GRAPH_WORDS = re.compile(r"(?<![A-Za-z])(graph|from)(?![A-Za-z0-9_])", re.I)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def may_use_named_graphs(text: str) -> bool:
    """Whether a query *might* use named graphs (GRAPH, FROM, FROM NAMED), so must run on the full
    snapshot and not on the RAM copy of the union of the graphs. Not a parser and not a security
    decision: a superset test (the words anywhere, escapes decoded) that only ever costs speed when
    it says yes for nothing (a literal "from" runs on disk)."""
    decoded = _UCHAR.sub(lambda m: _char(m.group(1) or m.group(2)), text)
    return bool(_GRAPH_WORDS.search(decoded))


def _char(hexdigits: str) -> str:
    try:
        return chr(int(hexdigits, 16))
    except (ValueError, OverflowError):
        return "?"


# ---------------------------------------------------------------- in the worker


def execute(store, job: Job, prefixes: dict[str, str] | None = None) -> tuple:  # noqa: ANN001 - pyoxigraph.Store
    """Run ``job`` on ``store``: ("ok", body, truncated, kind, fmt) or ("error", status, message)."""
    import pyoxigraph as ox

    kwargs: dict = {"prefixes": prefixes or {}}
    try:
        if job.default_graphs:
            kwargs["default_graph"] = graph_iris("default-graph-uri", job.default_graphs)
        else:  # the union of every graph: each triple is in one (graph.store.derived)
            kwargs["use_default_graph_as_union"] = True
        if job.named_graphs:
            kwargs["named_graphs"] = graph_iris("named-graph-uri", job.named_graphs)
        try:
            result = store.query(job.query, **kwargs)
        except SyntaxError as exc:
            if is_update(job.query, prefixes):
                return "error", 403, "SPARQL Update is not allowed: this endpoint is read-only"
            return "error", 400, f"malformed query: {_one_line(str(exc))}"
        kind = "ASK" if isinstance(result, ox.QueryBoolean) else (
            "SELECT" if isinstance(result, ox.QuerySolutions) else "CONSTRUCT")
        fmt = negotiate(kind, job.accept, job.fmt)
        body, truncated = _serialise(result, kind, fmt, job.max_results, prefixes)
        return "ok", body, truncated, kind, fmt
    except Refused as exc:
        return "error", exc.status, str(exc)
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        return "error", 500, f"query failed: {_one_line(str(exc))}"


def _serialise(result, kind: str, fmt: str, limit: int, prefixes: dict | None) -> tuple[bytes, bool]:  # noqa: ANN001
    if kind == "ASK":
        return serialize_boolean(bool(result), fmt), False
    rows = list(itertools.islice(result, limit + 1))
    truncated = len(rows) > limit
    rows = rows[:limit]
    if kind == "SELECT":
        variables = [v.value for v in result.variables]
        return serialize_solutions(variables, [[row[i] for i in range(len(variables))] for row in rows], fmt), truncated
    return serialize_triples(rows, fmt, prefixes), truncated


def is_update(text: str, prefixes: dict[str, str] | None = None) -> bool:
    """Whether pyoxigraph reads ``text`` as an update: run on an empty scratch store, which it changes
    harmlessly (a LOAD in it would reach the network, which kills the sandboxed worker: 403 too). A
    bare prologue (PREFIX/BASE only) is an empty update to the engine, but no request: not an update."""
    import pyoxigraph as ox

    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in (prefixes or {}).items())
    try:
        ox.Store().update(prologue + text)
    except SyntaxError:
        return False
    except Exception:  # noqa: BLE001 - parsed as an update; it failed while running (DROP of no graph)
        return True
    try:
        ox.Store().query(prologue + text + "\nASK {}")
    except SyntaxError:
        return True
    return False


def _reply(disk, mem, job: Job, prefixes: dict[str, str]) -> tuple:  # noqa: ANN001 - pyoxigraph stores
    """What a worker answers; any error becomes an ("error", status, message) reply (an exception
    escaping here would end the worker and cost the client a misleading "worker died")."""
    try:
        return execute(disk if mem is None or job.use_disk else mem, job, prefixes)
    except MemoryError:
        return "error", 503, "memory"
    except Exception as exc:  # noqa: BLE001 - keep the worker alive, answer 500 in one line
        return "error", 500, f"query failed: {type(exc).__name__}: {_one_line(str(exc))}"


QUERY_STACK = 512 * 1024 * 1024  # bytes of stack for the thread that runs queries (virtual; touched as needed)


def worker_main(conn, snapshot: str, memory: bool, prefixes: dict[str, str], budget: int,  # noqa: ANN001
                sandboxed: bool) -> None:
    """A worker process: forbid itself the network, open the snapshot read-only (with ``memory``, copy
    its merged default graph into RAM: 4-8x faster joins than RocksDB), cap its memory, then answer
    jobs until told to stop. Ctrl-C is the server's business: the worker ignores it.

    Queries run in one thread with a large stack: Oxigraph's parser recurses once per nesting level,
    and a 16 KB arithmetic expression overflowed the main thread's 8 MB (a segfault). The thread is
    made before the memory cap, so its stack is part of what the worker holds, not of a query's budget."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
    try:
        if sandboxed:
            sandbox.forbid_network()
        sandbox.quiet_stderr()
        disk, mem = _open_snapshot(snapshot, memory)
        runner = _Runner(lambda job: _reply(disk, mem, job, prefixes))
        if budget:
            sandbox.limit_memory(budget)
    except (OSError, RuntimeError) as exc:
        conn.send(("error", 500, f"cannot start a query worker: {_one_line(str(exc))}"))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(runner.run(job))
        except (BrokenPipeError, OSError):
            return


class _Runner:
    """A thread with a large stack that runs one job at a time for the worker's main thread."""

    def __init__(self, answer) -> None:  # noqa: ANN001 - Job -> reply
        import queue

        self._answer = answer
        self._jobs: queue.Queue = queue.Queue()
        self._replies: queue.Queue = queue.Queue()
        previous = threading.stack_size(QUERY_STACK)
        try:
            threading.Thread(target=self._loop, name="actorgraph-query", daemon=True).start()
        finally:
            threading.stack_size(previous)

    def run(self, job: Job) -> tuple:
        self._jobs.put(job)
        return self._replies.get()

    def _loop(self) -> None:
        while True:
            self._replies.put(self._answer(self._jobs.get()))


def _open_snapshot(snapshot: str, memory: bool) -> tuple:
    import pyoxigraph as ox

    disk = ox.Store.read_only(snapshot)
    mem = None
    if memory:
        mem = ox.Store()  # every graph's triples in its default graph: each triple is in one graph
        mem.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                        for q in disk.quads_for_pattern(None, None, None, None))
    return disk, mem


# ---------------------------------------------------------------- in the server


class QueryTimeout(Refused):
    def __init__(self, seconds: float, waited: float = 0.0) -> None:
        queued = f" ({waited:.1f} s of it waiting for a free worker)" if waited >= 0.1 else ""
        super().__init__(503, f"query exceeded the {seconds:g} s time limit{queued} and was stopped")


_STARTING = threading.Lock()  # held while a worker is spawned; close() takes it so none is cut off


class _Worker:
    def __init__(self, ctx, args: tuple) -> None:  # noqa: ANN001 - multiprocessing context
        self.conn, child = ctx.Pipe()
        with _STARTING, signals_deferred():  # a spawn cut short leaves the child an EOFError traceback
            self.process = ctx.Process(target=worker_main, args=(child, *args), daemon=True,
                                       name="actorgraph-sparql-worker")
            self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise StoreError("a query worker did not start in time")
        try:
            msg = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise StoreError(f"a query worker died while starting (exit code {self.process.exitcode})") from None
        if msg[0] != "ready":
            self.kill()
            raise StoreError(msg[2])

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()

    def death(self) -> int | None:
        """The exit code of a worker that stopped answering (negative: the signal that ended it)."""
        self.process.join(2)
        return self.process.exitcode


@dataclass
class _Slot:
    """A place for one worker: a general one, or the short-query lane."""

    lane: bool
    args: tuple
    worker: _Worker | None = None
    busy: bool = False


@dataclass
class _Ticket:
    """A query waiting for a worker, in arrival order."""

    lane_ok: bool
    slot: _Slot | None = None


class QueryPool:
    """Worker processes over a read-only snapshot, with a short-query lane and a bounded wait."""

    def __init__(self, snapshot: str, size: int = 2, memory: bool = False, *, prefixes: dict[str, str] | None = None,
                 budget: int = 0, sandboxed: bool = True, lane: bool = True, short_limit: float = SHORT_LIMIT,
                 max_waiting: int = MAX_WAITING) -> None:
        self.budget = budget
        self.short_limit = short_limit
        self.max_waiting = max_waiting
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._cond = threading.Condition()
        self._queue: deque[_Ticket] = deque()
        self._closed = False
        general = (snapshot, memory, prefixes or {}, budget, sandboxed)
        self._slots = [_Slot(False, general) for _ in range(max(1, size))]
        if lane:
            self._slots.append(_Slot(True, (snapshot, False, prefixes or {}, budget, sandboxed)))
        workers = [_Worker(self._ctx, slot.args) for slot in self._slots]
        try:
            for slot, worker in zip(self._slots, workers):
                worker.wait_ready(READY_TIMEOUT)
                slot.worker = worker
        except BaseException:
            for worker in workers:
                worker.kill()
            raise

    # ---- waiting for a worker

    def _acquire(self, deadline: float, lane_ok: bool) -> _Slot:
        ticket = _Ticket(lane_ok)
        with self._cond:
            if len(self._queue) >= self.max_waiting:
                raise Refused(503, f"the server is busy: {len(self._queue)} queries are waiting for a worker; "
                                   "try again")
            self._queue.append(ticket)
            try:
                while True:
                    self._dispatch()
                    if ticket.slot is not None:
                        return ticket.slot
                    left = deadline - time.monotonic()
                    if left <= 0 or self._closed:
                        raise Refused(503, "the server is busy: no query worker became free within the query's "
                                           "time limit; try again")
                    self._cond.wait(left)
            finally:
                if ticket in self._queue:
                    self._queue.remove(ticket)

    def _dispatch(self) -> None:
        """Give free workers to waiting queries, first come first served; a general worker to
        anyone, the lane only to a query that has not already been too long for it."""
        for ticket in list(self._queue):
            free = [s for s in self._slots if not s.busy and s.worker is not None and (ticket.lane_ok or not s.lane)]
            if not free:
                continue
            slot = min(free, key=lambda s: s.lane)  # a general worker first
            slot.busy, ticket.slot = True, slot
            self._queue.remove(ticket)

    def _release(self, slot: _Slot) -> None:
        with self._cond:
            slot.busy = False
            self._cond.notify_all()

    # ---- running

    def run(self, job: Job, timeout: float) -> Answer:
        """The answer to ``job``, or ``Refused``: 400/403/406 from the query, 503 for time (waiting
        included), memory or a full queue, 500 if the worker died otherwise."""
        deadline = time.monotonic() + timeout
        lane_ok, waited = True, 0.0
        while True:
            asked = time.monotonic()
            slot = self._acquire(deadline, lane_ok)
            started = time.monotonic()
            waited += started - asked
            left = deadline - started
            try:
                reply = self._ask(slot, job, min(left, self.short_limit) if slot.lane else left)
            except _TooLongForTheLane:
                if deadline - time.monotonic() > 0:
                    lane_ok = False  # wait for a general worker with the time that is left
                    continue
                raise QueryTimeout(timeout, waited) from None
            except QueryTimeout:
                raise QueryTimeout(timeout, waited) from None
            if reply[0] == "error":
                raise Refused(reply[1], self._memory_message() if reply[2] == "memory" else reply[2])
            return Answer(reply[1], reply[2], reply[3], reply[4])

    def _ask(self, slot: _Slot, job: Job, limit: float) -> tuple:
        worker = slot.worker
        assert worker is not None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, limit)):
                self._replace(slot, kill=True)
                if slot.lane:
                    raise _TooLongForTheLane
                raise QueryTimeout(0)
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            code = worker.death()
            self._replace(slot, kill=True)
            raise self._died(code) from None
        if reply[0] == "error" and reply[2] == "memory":
            self._replace(slot, kill=True)  # a MemoryError in Python: start clean
        else:
            self._release(slot)
        return reply

    def _memory_message(self) -> str:
        mb = self.budget // (1024 * 1024)
        return (f"the query needed more than the {mb} MB of memory a query may use and was stopped; narrow it "
                "(LIMIT, fewer patterns, no ORDER BY over a cross join) or raise --max-memory")

    def _died(self, code: int | None) -> Refused:
        if code == -signal.SIGSYS:
            return Refused(403, NETWORK_REFUSED)
        if code in (-signal.SIGABRT, -signal.SIGKILL) and self.budget:
            return Refused(503, self._memory_message())
        return Refused(500, f"the query worker died (exit code {code}: a query nested too deeply for the engine?); "
                            "the query was not answered")

    def _replace(self, slot: _Slot, kill: bool) -> None:
        """Take ``slot``'s worker out (killing it), start another in the background."""
        with self._cond:
            dead, slot.worker = slot.worker, None
            slot.busy = False
        if dead is not None and kill:
            dead.kill()
        threading.Thread(target=self._respawn, args=(slot,), daemon=True).start()

    def _respawn(self, slot: _Slot) -> None:
        while not self._closed:
            try:
                worker = _Worker(self._ctx, slot.args)
                worker.wait_ready(READY_TIMEOUT)
            except (StoreError, OSError):
                time.sleep(1.0)
                continue
            with self._cond:
                if self._closed:
                    worker.kill()
                    return
                slot.worker = worker
                self._cond.notify_all()
            return

    def close(self) -> None:
        with _STARTING, self._cond:  # a worker being spawned gets its start-up data first
            self._closed = True
            workers = [s.worker for s in self._slots if s.worker is not None]
            for slot in self._slots:
                slot.worker = None
            self._cond.notify_all()
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for w in workers:
            w.process.join(2)
            if w.process.is_alive():
                w.kill()
            else:
                w.conn.close()


class _TooLongForTheLane(Exception):
    """A query outran the short-query lane's limit; it waits for a general worker."""
