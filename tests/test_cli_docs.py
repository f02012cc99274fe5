"""Every command and option of the CLI is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click

from corroborate.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands() -> list[tuple[str, click.Command]]:
    assert isinstance(main, click.Group)
    return sorted(main.commands.items())


def test_cli_docs_every_command_in_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name, _ in _commands() if f"corroborate {name}" not in text]
    assert missing == []


def test_cli_docs_every_option_in_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [
        f"{name} {opt}"
        for name, command in _commands()
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--") and f"`{opt}" not in text
    ]
    assert missing == []
