"""The ``actorgraph`` command: a thin shell over the library, which imports none of it.

Each subcommand is one module of this package (``graph/cli/build.py`` for ``actorgraph build``) with
two functions, ``configure_parser(parser)`` and ``run(args) -> int``, that call the library's Python
API; shared argument types live in ``graph.cli.args``. This file only lists the commands (imported
lazily, so ``actorgraph query`` does not pay for loading spaCy, and ``actorgraph --help`` loads no
command module at all: it prints in a fraction of a second). Errors a user can cause (bad input, bad
query, missing file) are ``ActorgraphError`` subclasses and print as one line on stderr with exit 2;
so does any ``OSError`` a command meets (an output folder that is a file, an unwritable path): the
user can fix those, so they get the path and the reason, not a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType
from typing import NoReturn

from ..errors import ActorgraphError
from .args import port_number, positive_int

__all__ = ["COMMANDS", "main", "make_parser", "OneLineParser", "os_error_message", "port_number", "positive_int"]

# name -> (module, one-line help). Add a subcommand by adding a module graph/cli/NAME.py and a line here.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("graph.cli.build", "extract a folder or files of articles into out/graph.ttl, graph.html, report.md"),
    "ingest": ("graph.cli.ingest", "add articles to an existing store (unchanged: skipped; changed: replaced)"),
    "query": ("graph.cli.query", "run a saved (--name) or ad-hoc (-q/-f) SPARQL query on a graph or store"),
    "watch": ("graph.cli.watch", "poll feeds, ingest what is new into a store, refresh its page and report"),
    "evaluate": ("graph.cli.evaluate", "score the extractor against gold annotations (JSONL)"),
    "export": ("graph.cli.export", "export a store or graph as Turtle/TriG/N-Quads/JSON-LD, GraphML/GEXF (Gephi) or CSV"),
    "validate": ("graph.cli.validate", "check a store or graph against the SHACL shapes (exit 1 on violations)"),
    "render": ("graph.cli.render", "write the offline interactive page (graph.html) of a store or graph built elsewhere"),
    "report": ("graph.cli.report", "write the analyst's brief (report.md, report.html, charts) of a store or graph"),
    "serve": ("graph.cli.serve", "read-only SPARQL endpoint and query page over a store or graph (127.0.0.1:7878)"),
}


def os_error_message(exc: OSError) -> str:
    """One line saying what failed and on which path: ``out/afile: File exists``. For a two-path
    call (``os.replace`` of an atomic write) the target comes first: it is the path the user named."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.filename2 is not None:
        text = f"{exc.filename2}: {reason} (source: {exc.filename})"
    elif exc.filename is not None:
        text = f"{exc.filename}: {reason}"
    else:
        text = reason
    return " ".join(text.split())


def _command(name: str) -> ModuleType:
    """The module of command ``name`` (imported now, not before: see the module docstring)."""
    return importlib.import_module(COMMANDS[name][0])


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2), like every other error of the
    command: argparse's default puts the whole usage block first, which buries the reason in scripts'
    logs. ``--help`` still prints the usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} (see: {self.prog} --help)\n")


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the options of the command ``only`` (the one being run). Every command is
    listed, but only ``only`` has its module imported and its options added: ``actorgraph --help``
    imports none (so it prints at once) and ``actorgraph build --help`` only the build's."""
    parser = OneLineParser(
        prog="actorgraph",
        description="News about international affairs -> an actor-relationship knowledge graph.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if only == name:
            _command(name).configure_parser(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure is one line on stderr and an exit code, never a traceback.

    The handlers cover building the parser too: it imports the command's module (spaCy, rdflib:
    a second or more), and a Ctrl-C in that second printed a KeyboardInterrupt traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    name = command if command in COMMANDS else "command"
    try:
        parser = make_parser(command if command in COMMANDS else None)
        args = parser.parse_args(argv)
        name = args.command
        return int(_command(args.command).run(args) or 0)
    except ActorgraphError as exc:
        print(f"actorgraph {name}: error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"actorgraph {name}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # after BrokenPipeError, which is one too
        print(f"actorgraph {name}: error: {os_error_message(exc)}", file=sys.stderr)
        return 2
    except (SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - incl. pyo3's PanicException, which is no Exception
        if os.environ.get("ACTORGRAPH_DEBUG"):
            raise
        print(f"actorgraph {name}: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
              "(a bug: please report it; ACTORGRAPH_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 70


def _one_line(text: str, limit: int = 500) -> str:
    """``text`` on one line: an error message may quote input (a store path, engine text)."""
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
