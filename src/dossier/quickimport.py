"""spaCy imported without its command line.

``import spacy`` imports ``spacy.cli`` (for the one name ``spacy.info``), and with it
typer, weasel, requests, httpx and jinja2: ~0.2 s of CPU of the ~0.65 s the import
takes on this machine, in every process that loads a model, for commands Dossier
never runs. :func:`install` (called by Dossier's own worker processes before they
load the model; a program that imports ``dossier`` as a library keeps spaCy's usual
import, as importing a library should change nothing else) lets the first
``import spacy`` of the process run with ``spacy.cli`` held back; afterwards
``spacy.cli`` is imported the first time it is used (``import spacy.cli``, or the
attribute ``spacy.cli``), and ``spacy.info`` imports it when called. Nothing else in
spaCy's import or ``spacy.load`` reads ``spacy.cli``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from typing import Any

HELD_BACK = ("spacy.cli", "spacy.cli.info")


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: imports spaCy's command line, then runs it."""
    from spacy.cli.info import info as real

    return real(*args, **kwargs)


def _cli_on_demand(name: str) -> Any:
    """The module ``__getattr__`` of spaCy: ``spacy.cli`` imported when first read."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


class _WithoutCli(importlib.abc.Loader):
    """Runs spaCy's own loader with the two modules of ``from .cli.info import info``
    standing in, then takes them away and puts the real loader back."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec: ModuleSpec) -> types.ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        package = types.ModuleType("spacy.cli")
        package.__path__ = []
        stand_in = types.ModuleType("spacy.cli.info")
        stand_in.info = info  # type: ignore[attr-defined]
        sys.modules.update({"spacy.cli": package, "spacy.cli.info": stand_in})
        try:
            self.inner.exec_module(module)
        finally:
            for name in HELD_BACK:
                sys.modules.pop(name, None)
            module.__dict__.pop("cli", None)
            module.__loader__ = self.inner
            if module.__spec__ is not None:
                module.__spec__.loader = self.inner
        module.__dict__.setdefault("__getattr__", _cli_on_demand)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``spacy`` once, through the other finders, and wraps its loader."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: types.ModuleType | None = None) -> ModuleSpec | None:
        if fullname != "spacy":
            return None
        uninstall()
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _WithoutCli(spec.loader)
        return spec


_FINDER = _Finder()


def install() -> None:
    """Hold ``spacy.cli`` back at this process's first ``import spacy`` (nothing to do
    once spaCy is imported)."""
    if "spacy" in sys.modules:
        return
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
