"""Exception classes. Each message says what went wrong *and* what to do about it.

Library code raises these; only the CLI turns them into exit codes and one-line messages.
"""

from __future__ import annotations


class DossierError(Exception):
    """Base class for every error Dossier raises on purpose."""


class InputError(DossierError):
    """One input file cannot be read. The rest of a batch goes on.

    ``source`` names the file, ``problem`` says what is wrong with it and ``hint``
    what the user can do.
    """

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        msg = f"{source}: {problem}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class SettingError(DossierError):
    """A setting name or value is not valid."""


class StoreError(DossierError):
    """The store cannot be opened or is from an incompatible version."""
