"""graph.signals: Ctrl-C and SIGTERM wait until a guarded step is done, even when another thread
(a RocksDB or pool thread) is the one the kernel hands the signal to."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent("""
    import os, signal, sys, threading, time
    from graph.signals import signals_deferred

    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()  # a thread that does not block signals
    steps = []
    try:
        with signals_deferred():
            os.kill(os.getpid(), signal.{sig})  # process-directed: any thread may receive it
            time.sleep(0.3)
            print("body finished", flush=True)
        steps.append("not interrupted")
    except KeyboardInterrupt:
        steps.append("interrupted after the body")
    print(",".join(steps) or "-", flush=True)
""")


def _run(sig: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(sig=sig)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_ctrl_c_during_the_body_is_raised_once_it_is_done():
    done = _run("SIGINT")
    assert done.stdout.split() == ["body", "finished", "interrupted", "after", "the", "body"], done.stderr


def test_sigterm_during_the_body_ends_the_process_once_it_is_done():
    done = _run("SIGTERM")
    assert done.returncode == -15 and done.stdout == "body finished\n", (done.returncode, done.stdout, done.stderr)


def test_handlers_are_restored_and_nothing_is_raised_without_a_signal():
    import signal

    from graph.signals import signals_deferred

    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with signals_deferred():
        pass
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before
