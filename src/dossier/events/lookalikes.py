"""Words that look like a side or an event of one kind and are another (issue 19,
precision first, session 20): an action an actor is scheduled to take is announced,
not done ("Macron is scheduled to meet Xi"), and the troops an actor sends are what it
gives, not whom ("The United States sent troops to Poland"). Word lists:
``[lookalikes]`` of ``data/event_patterns.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.parse.tree import children
from dossier.records import ActorRef

_L = {k: frozenset(v) for k, v in load_toml("event_patterns.toml")["lookalikes"].items()}
GIVING, SCHEDULED, SENDING = _L["giving"], _L["scheduled"], _L["sending"]


@BOOK.rule("precision", off=False)
def scheduled(trigger: Token) -> bool:
    """An action an actor is due, set or scheduled to take is announced, not done:
    "Macron is scheduled to meet Xi in Paris" (036, future, not the meeting 040),
    "Japan is slated to send aid to Turkey" (033) — ``scheduled`` governing the action
    with a form of "be". Not "Germany set up a committee to investigate", "Macron met
    Xi"."""
    v = trigger
    if v.dep_ != "xcomp" or v.head.i == v.i:
        return False
    g = v.head
    if g.lemma_.lower() not in SCHEDULED and g.lower_ not in SCHEDULED:
        return False
    return any(c.dep_ in ("auxpass", "cop") or (c.dep_ == "aux" and c.lemma_ == "be")
               for c in children(g)) or g.head.lemma_ == "be"


# The sectors of the forces or the hardware an actor sends.
FORCES = frozenset({"MIL", "COP", "SPY"})


@BOOK.rule("precision", off=False)
def own_forces_sent(verb: Token, s: ActorRef | None, t: ActorRef | None) -> bool:
    """The troops or the ships an actor sends are what it gives, not whom: "The United
    States sent troops to Poland" (→ POL, not USAMIL), "Britain sent two warships to
    the Gulf" (a verb of ``giving``, the target the source's own forces, a recipient
    after "to"). "The government supplied the army with weapons" keeps the army."""
    if not _own_side(verb, s, t, GIVING, FORCES):
        return False
    preps = {c.lower_ for c in children(verb) if c.dep_ in ("prep", "dative")}
    return "with" not in preps


def _own_side(verb: Token, s: ActorRef | None, t: ActorRef | None, verbs: frozenset[str],
              sectors: frozenset[str]) -> bool:
    """Whether ``verb`` is one of ``verbs`` and its target is of the source's own
    country, in one of ``sectors``."""
    return s is not None and t is not None and verb.lemma_.lower() in verbs \
        and bool(s.country) and t.country == s.country and t.sector in sectors


# The sectors of the officials an actor sends: its envoys, not whom it acts upon.
OFFICIALS = frozenset({"GOV", "LEG", "JUD"})


@BOOK.rule("precision", off=False)
def own_envoy_sent(verb: Token, s: ActorRef | None, t: ActorRef | None) -> bool:
    """The official an actor sends is its envoy, not the one it gives to or acts upon:
    "The United States sent Secretary of State Mike Pompeo to join the meeting" (not aid
    to Pompeo; Wikinews 2020 tuning sheet, session 21) — a verb of sending, the target
    an official of the source's own country, and no one it was sent to named as the
    verb's indirect object ("Trump sent Pompeo a letter" keeps Pompeo)."""
    if not _own_side(verb, s, t, SENDING, OFFICIALS):
        return False
    return not any((c.dep_ == "dative" and c.pos_ != "ADP")  # (the parser's "to" too)
                   or (c.dep_ == "prep" and c.lower_ == "with") for c in children(verb))
