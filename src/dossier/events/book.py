"""The events stage's rule book: every heuristic of the stage is a named rule here,
in the order the rooms are imported (patterns, arguments, coding, dates, modality,
places). Switch one off with ``DOSSIER_RULES_OFF=events.coding.requested_code``
(see :mod:`dossier.rules`)."""

from __future__ import annotations

from dossier.rules import RuleBook

BOOK = RuleBook("events")
