"""graph.memory: freed heap pages go back to the OS where the C library can (glibc), and nothing
breaks where it cannot."""
from __future__ import annotations

import platform

import pytest

from graph import memory


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_release_trims_the_heap_on_glibc():
    assert memory.release() is True


def test_release_is_a_no_op_without_malloc_trim(monkeypatch):
    monkeypatch.setattr(memory, "_trim", lambda: None)
    assert memory.release() is False
