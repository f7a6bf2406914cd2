"""One gazetteer and one place for geography, built once per run and handed to every
stage: the actors (:class:`Gazetteer`, with a user's ``--gazetteer`` files) and the
places (:class:`Geography`: cities and states, for where an event happened and for
what is a place name rather than a speaker)."""

from dossier.gazetteer.actors import (
    Actor,
    ActorType,
    Gazetteer,
    GazetteerError,
    Role,
    load_gazetteer,
    norm,
)
from dossier.gazetteer.places import Geography, geography

__all__ = ["Actor", "ActorType", "Gazetteer", "GazetteerError", "Geography", "Role",
           "geography", "load_gazetteer", "norm"]
