"""Real SPARQL servers on loopback for the remote-store tests: ``oxigraph serve`` (from the oxigraph
package) and Debian's Virtuoso (``virtuoso-opensource``, installed by scripts/test.sh), each in a
folder of its own, on free ports, stopped by the test that started it."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {d}
MaxQueryMem = 1G
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
EnabledDavVSP = 0
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=3).read()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"{what} did not start")
            time.sleep(0.3)


@contextmanager
def oxigraph(location: Path, union: bool = True) -> Iterator[str]:
    """``oxigraph serve`` (with ``--union-default-graph`` unless told otherwise); yields its base URL."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             *(["--union-default-graph"] if union else [])],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{url}/query?query=ASK%7B%7D", proc, "oxigraph serve")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def virtuoso_binary() -> tuple[str, str]:
    """(virtuoso-t, isql-vt), or a skip saying why: only when they are not installed (scripts/test.sh
    installs Debian's virtuoso-opensource; elsewhere: apt-get install virtuoso-opensource)."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not server or not isql:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource; scripts/test.sh does it)")
    return server, isql


@contextmanager
def virtuoso(folder: Path) -> Iterator[str]:
    """Debian's Virtuoso in ``folder``: its own database, loopback ports, SPARQL updates granted to
    the endpoint's anonymous user; yields the SPARQL endpoint's URL (queries and updates)."""
    server, isql = virtuoso_binary()
    folder.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    log = open(folder / "stderr.log", "wb")
    proc = subprocess.Popen([server, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        _wait_http(f"{url}?query=ASK%7B%7D", proc, "virtuoso-t")
        grants = ('grant SPARQL_UPDATE to "SPARQL";', "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")
        for statement in grants:
            r = subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={statement}"], capture_output=True,
                               text=True, timeout=60)
            assert r.returncode == 0, r.stdout + r.stderr
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
