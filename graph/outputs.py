"""The files of one build (graph.ttl, graph.trig, graph.html, report.*), published together.

Why: ``build`` wrote each file atomically, but one after the other and before the store; a ``kill -9``
in between left graph.ttl, the page and the store from different builds. Now a build writes its files
into ``OUT/.staging-GEN/`` and seals them there (``generation.json``: the generation id, the store
written with them, each file's SHA-256), then writes the store (a generation of its own, swapped in
whole: ``graph.store.generation``), then *publishes*: renames each staged file into ``OUT/`` and writes
``OUT/generation.json`` last.

The commit point is the store's swap (or, without a store, the seal). ``recover`` - run at the start
of every build and ingest - finishes what a killed build left: sealed files whose store generation was
committed are published (rolled forward), any others are removed (rolled back: the files in ``OUT/``
and the store are then still the previous build's). ``problems`` - run by ``validate`` - reports an
``OUT/`` whose files do not match its ``generation.json`` or that holds an unfinished staging folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .fileio import write_atomic
from .signals import signals_deferred

__all__ = ["MANIFEST", "STAGING", "finish", "problems", "stage", "Staging"]

MANIFEST = "generation.json"
STAGING = ".staging-"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Staging:
    """A build's files before they are published into ``out``."""

    out: Path
    generation: str

    @property
    def dir(self) -> Path:
        return self.out / f"{STAGING}{self.generation}"

    def seal(self, store: str | None) -> None:
        """Record the staged files (and the store they go with): from now on they are complete."""
        files = {p.name: _sha256(p) for p in sorted(self.dir.iterdir()) if p.is_file() and p.name != MANIFEST}
        write_atomic(self.dir / MANIFEST, json.dumps(
            {"generation": self.generation, "store": store, "files": files}, indent=1) + "\n")

    def publish(self) -> list[Path]:
        """Move the sealed files into ``out`` (``generation.json`` last); safe to repeat after an
        interruption. Ctrl-C waits until it is done: it takes milliseconds."""
        manifest = json.loads((self.dir / MANIFEST).read_text(encoding="utf-8"))
        published = []
        with signals_deferred():
            for name in manifest["files"]:
                staged, target = self.dir / name, self.out / name
                if staged.exists():
                    _move(staged, target)
                published.append(target)
            write_atomic(self.out / MANIFEST, json.dumps(manifest, indent=1) + "\n")
            shutil.rmtree(self.dir, ignore_errors=True)
        return published

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def _move(staged: Path, target: Path) -> None:
    """Rename a staged file over its target (a regular file or nothing); anything else is written
    through ``write_atomic``, which knows what to do with a symlink or a device."""
    if target.is_symlink() or (target.exists() and not target.is_file()):
        write_atomic(target, staged.read_bytes())
        staged.unlink()
    else:
        os.replace(staged, target)


def stage(out: Path, generation: str) -> Staging:
    staging = Staging(Path(out), generation)
    staging.dir.mkdir(parents=True)
    return staging


def finish(out: Path, committed: Callable[[str], str | None]) -> None:
    """Finish or undo what interrupted builds left in ``out`` (see the module docstring).
    ``committed(store)`` is the generation the store last completed."""
    out = Path(out)
    if not out.is_dir():
        return
    for folder in sorted(out.glob(f"{STAGING}*")):
        staging = Staging(out, folder.name[len(STAGING):])
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            staging.discard()  # not sealed: the build stopped before its commit point
            continue
        store = manifest.get("store")
        if store is None or committed(store) == staging.generation:
            staging.publish()
        else:
            staging.discard()


def problems(out: Path, committed: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """(severity, message) for what is inconsistent among the files of ``out``: files that are not
    the ones its ``generation.json`` lists (a Violation), files of a committed build not yet published
    (a Violation: the store is newer than the files), and leftovers of a build that stopped before its
    commit point (a Warning: the files and the store are both still the previous build's)."""
    out = Path(out)
    found = [_staging_problem(folder, committed) for folder in sorted(out.glob(f"{STAGING}*"))]
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return found
    except (OSError, ValueError) as exc:
        return found + [("Violation", f"{out / MANIFEST}: unreadable ({exc}); run actorgraph build again")]
    generation = manifest.get("generation")
    for name, digest in sorted(manifest.get("files", {}).items()):
        path = out / name
        if not path.exists():
            found.append(("Violation", f"{path}: missing, though {MANIFEST} lists it (generation {generation})"))
        elif _sha256(path) != digest:
            found.append(("Violation", f"{path}: not the file of generation {generation} that {MANIFEST} lists "
                                       "(written by another build, or changed since); run actorgraph build again"))
    return found


def _staging_problem(folder: Path, committed: Callable[[str], str | None]) -> tuple[str, str]:
    generation = folder.name[len(STAGING):]
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    if manifest is not None and (manifest.get("store") is None or committed(manifest["store"]) == generation):
        return ("Violation", f"{folder}: the files of generation {generation}, whose store was written, were not "
                             "all published (an interrupted build); the next build or ingest finishes it")
    return ("Warning", f"{folder}: left by a build that stopped before writing its store; the files and the "
                       "store are the previous build's, and the next build or ingest removes this folder")
