"""Limits a SPARQL worker process puts on itself: no network, and a memory cap.

Why no network, and why here: the endpoint must never fetch (``SERVICE <http://…>`` in a query, a
``LOAD`` in an update). The refusal was decided on rdflib's parse while Oxigraph ran the query, and the
two parsers disagree (a ``\\u0022`` in a string: rdflib's pre-parse unescaping saw the SERVICE clause in a
comment, Oxigraph ran it). pyoxigraph 0.5 exposes neither its parsed query nor a way to turn its
SERVICE client off, so the decision is made where the engine acts: the worker installs a seccomp
filter under which creating an internet socket (``socket(AF_INET | AF_INET6, …)``) kills the process
with SIGSYS. Whatever the engine reads in a query - escapes, comments, nested subqueries, ``SILENT`` -
it cannot open a connection, and the pool answers the killed worker's query with 403
(``graph.endpoint.pool``). The worker needs no network: it reads a snapshot on disk and talks to the
server through a socketpair it inherited (AF_UNIX, which the filter allows).

Why a memory cap: one query (``SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f``) grew a worker to
3.9 GB in 8 s. ``limit_memory`` sets RLIMIT_AS to what the worker holds once its data is loaded plus
a budget; past it, an allocation in Oxigraph fails and the process aborts (SIGABRT), which the pool
answers with a clear 503.

Linux only (x86-64 and arm64, where the syscall numbers are known); ``network_sandbox_available``
says whether this machine has it, and the endpoint falls back to a coarser refusal where not.
"""
from __future__ import annotations

import ctypes
import os
import platform
import resource
import struct
import sys

__all__ = ["address_space", "forbid_network", "limit_memory", "network_sandbox_available", "quiet_stderr"]

# (audit arch, number of socket()) per machine
_ARCH = {"x86_64": (0xC000003E, 41), "amd64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198),
         "arm64": (0xC00000B7, 198)}
_AF_INET, _AF_INET6 = 2, 10
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_KILL_PROCESS = 0x80000000
_X32_BIT = 0x40000000
# classic BPF opcodes
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def network_sandbox_available() -> bool:
    return sys.platform.startswith("linux") and platform.machine().lower() in _ARCH


def _filter_program(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    """The seccomp filter: kill the process on socket(AF_INET/AF_INET6), on a foreign architecture's
    calling convention or the x32 ABI (which could reach socket() by another number); allow the rest.
    ``struct seccomp_data``: nr at offset 0, arch at 4, the low half of args[0] at 16."""
    return [
        (_LD_W_ABS, 0, 0, 4),
        (_JEQ_K, 1, 0, arch),
        (_RET_K, 0, 0, _SECCOMP_RET_KILL_PROCESS),
        (_LD_W_ABS, 0, 0, 0),
        (_JGE_K, 0, 1, _X32_BIT),
        (_RET_K, 0, 0, _SECCOMP_RET_KILL_PROCESS),
        (_JEQ_K, 0, 3, socket_nr),
        (_LD_W_ABS, 0, 0, 16),
        (_JEQ_K, 2, 0, _AF_INET),
        (_JEQ_K, 1, 0, _AF_INET6),
        (_RET_K, 0, 0, _SECCOMP_RET_ALLOW),
        (_RET_K, 0, 0, _SECCOMP_RET_KILL_PROCESS),
    ]


def forbid_network() -> None:
    """From now on, this process (and its threads and children) dies if it creates an internet
    socket. ``OSError`` where the kernel refuses the filter."""
    if not network_sandbox_available():
        raise OSError("no network sandbox on this platform")
    arch, socket_nr = _ARCH[platform.machine().lower()]
    program = _filter_program(arch, socket_nr)
    raw = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *ins) for ins in program))
    fprog = _SockFprog(len(program), ctypes.cast(raw, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")


def address_space() -> int:
    """Bytes of virtual address space this process uses now (Linux), else 0."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def limit_memory(budget_bytes: int) -> int:
    """Cap this process's address space at what it uses now plus ``budget_bytes``; returns the cap
    (0 where it cannot be set)."""
    used = address_space()
    if not used:
        return 0
    cap = used + budget_bytes
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return cap


def quiet_stderr() -> None:
    """Send this process's stderr to /dev/null: an aborted allocation in Oxigraph prints "memory
    allocation of N bytes failed" and a backtrace attempt, which are the pool's to report, in one line."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
