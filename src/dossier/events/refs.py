"""How a side of an event is written as an :class:`~dossier.records.ActorRef`: from an
actor stage's mention, a gazetteer actor or an agent known by its country and sector
(split from :mod:`dossier.events.actors`).
"""

from __future__ import annotations

from dossier.events.book import BOOK
from dossier.gazetteer import Actor
from dossier.records import ActorRef, Mention

# A mention the actor stage is less sure of than this is an unresolved phrase for the
# events (no source or target by it): the actor stage's ``Mention.confidence``. Lower
# than the quotes' ``TRUSTED_LINK`` (0.7) on purpose: at 0.7 the events lost more right
# sides than wrong ones (2026-12-06: ZSP half A type 0.537 -> 0.530, held-out half B
# 0.448 -> 0.446, B's shown type and dyad right 0.706 -> 0.695); an event's own
# confidence, not its sides', decides what the default view shows.
MIN_MENTION_CONFIDENCE = 0.5


@BOOK.rule("arguments", off=True)
def confident_mention(m: Mention) -> bool:
    """A mention the actor stage is unsure of (confidence below
    ``MIN_MENTION_CONFIDENCE``) names no side: "Taiwan criticised China" with "Taiwan"
    linked at 0.3 has no known source."""
    return m.confidence >= MIN_MENTION_CONFIDENCE


def mention_ref(m: Mention) -> ActorRef:
    """The actor of a mention, its code cut to the country and sector parts."""
    code = m.code or m.country or ""
    return ActorRef(m.actor_name, m.actor_id, code or None, code[:3] or None, m.sector)


def actor_ref(a: Actor) -> ActorRef:
    """A gazetteer actor (a state, a bloc) as a side of an event."""
    return ActorRef(a.name, a.id, a.code, a.code[:3], None)


def agent_ref(name: str, country: str, sector: str | None) -> ActorRef:
    """An agent known by its country and sector ("Israeli soldiers" ISRMIL)."""
    return ActorRef(name, None, country + (sector or ""), country, sector)


def country_of(m: Mention) -> str:
    """The three-letter country part of a mention's code ("" if none)."""
    return (m.code or m.country or "")[:3]
