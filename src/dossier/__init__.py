"""Dossier: who said what, who did what to whom, when — with evidence spans."""

from dossier.quickimport import install as _hold_back_spacy_cli

__version__ = "0.1.0"

_hold_back_spacy_cli()
