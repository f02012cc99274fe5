"""The one exception tree of Corroborate.

Every error the library raises on purpose derives from :class:`CorroborateError`.
Messages name the input, say what is wrong and how to fix it, so that the CLI can
print them as they are.
"""

from __future__ import annotations


class CorroborateError(Exception):
    """Base of every error Corroborate raises on purpose."""


class InputError(CorroborateError):
    """An input file or record cannot be read as an article.

    ``source`` names the input (a path, or ``path:line`` for JSON Lines).
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class GoldFormatError(CorroborateError):
    """A gold annotation file does not follow the gold format."""

    def __init__(self, path: str, field: str, problem: str) -> None:
        super().__init__(f"{path}: field '{field}': {problem}")
        self.path = path
        self.field = field
        self.problem = problem


class LedgerError(CorroborateError):
    """The ledger database cannot be opened, migrated or written."""


class ConfigError(CorroborateError):
    """The pipeline configuration or a required model is missing or invalid."""
