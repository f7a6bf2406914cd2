"""Dossier: who said what, who did what to whom, when — with evidence spans."""

__version__ = "0.1.0"

