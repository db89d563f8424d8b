"""The README documents the command line as it is (sqlite-utils' documentation tests, in spirit).

Every command ``actorgraph --help`` lists has a ``### actorgraph NAME`` section under "Command
reference", and that section names every option the command's ``--help`` shows; conversely every
section, every option a section names and every ``actorgraph WORD`` in the README's code exists.
Adding an option without documenting it, or documenting one that is gone, fails here.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from graph.cli import COMMANDS, main, make_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
OPTION = re.compile(r"`(--?[A-Za-z][\w-]*)`")


def _reference() -> dict[str, str]:
    """README's "Command reference": command name -> the text of its ``### actorgraph NAME`` section."""
    part = README.split("\n## Command reference\n", 1)[1].split("\n## ", 1)[0]
    sections = re.split(r"^### actorgraph (\S+)\n", part, flags=re.M)
    return dict(zip(sections[1::2], sections[2::2]))


def _options(name: str) -> set[str]:
    parser = make_parser(name)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[name]
    return {o for a in sub._actions for o in a.option_strings if o not in ("-h", "--help")}


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_every_command_of_the_help_has_a_reference_section(capsys):
    listed = set(re.findall(r"^    (\w+) +\S", _help(capsys), flags=re.M))
    assert listed == set(COMMANDS)
    assert set(_reference()) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_of_a_command_is_documented_and_exists(name, capsys):
    shown = _help(capsys, name)
    options = _options(name)
    assert options, name
    for option in options:
        assert re.search(re.escape(option) + r"(?![\w-])", shown), f"{option} missing from `actorgraph {name} --help`"
    section = _reference()[name]
    documented = set(OPTION.findall(section))
    assert options - documented == set(), f"README's `actorgraph {name}` section does not name these options"
    assert documented - options == set(), f"README's `actorgraph {name}` section names options the command lacks"


def test_commands_the_readme_shows_exist():
    code = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", README, flags=re.S) + re.findall(r"`([^`\n]+)`", README))
    shown = set(re.findall(r"(?:^|[\s(|;&])actorgraph ([a-z][\w-]*)", code, flags=re.M))
    assert shown, "no `actorgraph COMMAND` found in the README's code"
    assert shown - set(COMMANDS) == set()


def test_reference_sections_carry_the_commands_help():
    for name, (_, help_text) in COMMANDS.items():
        assert help_text[1:] in _reference()[name], name
