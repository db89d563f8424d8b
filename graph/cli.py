"""The ``actorgraph`` command: a thin shell over the library.

Each subcommand lives in the module that does the work and exposes two functions,
``configure_parser(parser)`` and ``run_cli(args) -> int`` (or ``configure_NAME_parser`` /
``run_NAME_cli`` when one module serves several commands); this file only lists them (imported lazily,
so ``actorgraph query`` does not pay for loading spaCy, and ``actorgraph --help`` loads no command
module at all: it prints in a fraction of a second). Errors a user can cause (bad input, bad
query, missing file) are ``ActorgraphError`` subclasses and print as one line on stderr with exit 2;
so does any ``OSError`` a command meets (an output folder that is a file, an unwritable path): the
user can fix those, so they get the path and the reason, not a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import NoReturn

from .errors import ActorgraphError

__all__ = ["COMMANDS", "main", "make_parser", "OneLineParser", "os_error_message", "port_number", "positive_int"]

# name -> (module, one-line help). Add a subcommand by adding a line here.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("graph.pipeline", "extract a folder or files of articles into out/graph.ttl, graph.html, report.md"),
    "ingest": ("graph.pipeline", "add articles to an existing store (unchanged: skipped; changed: replaced)"),
    "query": ("graph.query", "run a saved (--name) or ad-hoc (-q/-f) SPARQL query on a graph or store"),
    "watch": ("graph.sources.watch", "poll feeds, ingest what is new into a store, refresh its page and report"),
    "evaluate": ("graph.evaluate_cli", "score the extractor against gold annotations (JSONL)"),
    "export": ("graph.export", "export a store or graph as Turtle/TriG/N-Quads/JSON-LD, GraphML/GEXF (Gephi) or CSV"),
    "validate": ("graph.validate", "check a store or graph against the SHACL shapes (exit 1 on violations)"),
    "render": ("graph.views.outputs", "write the offline interactive page (graph.html) of a store or graph built elsewhere"),
    "report": ("graph.views.outputs", "write the analyst's brief (report.md, report.html, charts) of a store or graph"),
    "serve": ("graph.serve", "read-only SPARQL endpoint and query page over a store or graph (127.0.0.1:7878)"),
}


def positive_int(text: str) -> int:
    """argparse type for counts such as ``--workers`` and ``--max-nodes``: 0 or less would silently
    produce nothing (an empty page, no worker), so it is a usage error instead.

    >>> positive_int("4")
    4
    >>> positive_int("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '0' must be a positive integer (1 or more)
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be a positive integer (1 or more)")
    return value


def port_number(text: str) -> int:
    """argparse type for ``--port``: 0-65535 (0 lets the system pick a free port); socket.bind would
    otherwise fail with an OverflowError traceback."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535, or 0 for any free port)")
    return value


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


def _hook(module_name: str, command: str, verb: str, noun: str):
    module = importlib.import_module(module_name)
    return getattr(module, f"{verb}_{command}_{noun}", None) or getattr(module, f"{verb}_{noun}")


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
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if only == name:
            _hook(module, name, "configure", "parser")(p)
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
        return int(_hook(COMMANDS[args.command][0], args.command, "run", "cli")(args) or 0)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
