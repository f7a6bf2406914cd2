"""Actors: mentions of people, organisations and states, linked to canonical actors.

``Linker(nlp, gazetteer).link(parsed)`` (:mod:`dossier.actors.link`) reads one parsed
article; its rooms are ``names`` (with ``people``), ``roles`` and ``coref``.
"""

from dossier.actors.link import Linker

__all__ = ["Linker"]
