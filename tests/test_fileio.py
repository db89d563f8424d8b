"""``graph.fileio.write_atomic``: every output is replaced atomically - but only a regular file.

``export -o /dev/null`` as root replaced the device node with a regular file (an atomic rename onto
whatever the path names); a FIFO or a symlink was replaced the same way (#13 item 2)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent / "data" / "store"))
import store_sample  # noqa: E402

from graph.errors import ActorgraphError  # noqa: E402
from graph.fileio import write_atomic  # noqa: E402


def export_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", "export", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture()
def graph_file(tmp_path) -> Path:
    path = tmp_path / "g.ttl"
    path.write_text(store_sample.union().serialize(format="turtle"), encoding="utf-8")
    return path


def test_export_into_a_fifo_writes_through_it(tmp_path, graph_file):
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = export_cli(str(graph_file), "-o", str(fifo))
    reader.join(30)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the FIFO, not a regular file put in its place
    assert b"ag:pressures" in received[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_export_onto_a_character_device_writes_through_and_keeps_the_node(tmp_path, graph_file):
    null = tmp_path / "null"  # a /dev/null of our own: the real one is not to be risked
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    r = export_cli(str(graph_file), "--format", "turtle", "-o", str(null))
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode) and os.stat(null).st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_block_device_is_refused_in_one_line(tmp_path, graph_file):
    disk = tmp_path / "disk"
    os.mknod(disk, stat.S_IFBLK | 0o600, os.makedev(7, 200))  # a loop device number; never opened
    r = export_cli(str(graph_file), "--format", "turtle", "-o", str(disk))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "block device" in r.stderr and str(disk) in r.stderr
    assert stat.S_ISBLK(os.stat(disk).st_mode)


def test_a_symlink_to_a_regular_file_stays_a_symlink(tmp_path):
    target = tmp_path / "real.ttl"
    target.write_text("old")
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "x.ttl").mkdir()
    with pytest.raises(ActorgraphError, match="is a folder"):
        write_atomic(tmp_path / "x.ttl", "data")


def test_a_regular_file_is_replaced_atomically(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old")
    before = os.stat(path).st_ino
    write_atomic(path, "new")
    assert path.read_text() == "new" and os.stat(path).st_ino != before  # a new file, renamed into place
