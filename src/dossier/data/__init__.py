"""Package data: word lists, tables and gazetteers, loaded once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def data_path(name: str) -> resources.abc.Traversable:
    return resources.files(__package__).joinpath(name)


@cache
def load_toml(name: str) -> dict[str, Any]:
    """A TOML data file shipped in ``dossier/data`` (cached)."""
    return tomllib.loads(data_path(name).read_text(encoding="utf-8"))
