"""Package data: word lists, tables and gazetteers, loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from dossier.cache import compiled


def data_path(name: str) -> resources.abc.Traversable:
    return resources.files(__package__).joinpath(name)


@cache
def load_toml(name: str) -> dict[str, Any]:
    """A TOML data file shipped in ``dossier/data`` (cached). Parsed once into the
    user's cache (:mod:`dossier.cache`, keyed by the file's text): Python's TOML
    parser took ~0.02-0.04 s of every start-up for the ~120 kB of word lists a run
    reads, their pickles ~0.002 s."""
    text = data_path(name).read_text(encoding="utf-8")
    return compiled(f"toml-{name.replace('/', '-').removesuffix('.toml')}", [text],
                    lambda: _parse(text))


def _parse(text: str) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(text)
