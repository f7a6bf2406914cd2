"""Sides of an event that the subject-is-source reading gets wrong (issue 19, session
23; the kinds of wrong side the tuning sheets found): the one who dies in an attack is
the one acted upon, not the attacker ("Two Israeli soldiers died in a Hamas rocket
attack" is Hamas → ISRMIL, not ISRMIL → ?). Word lists: ``[uses]`` of
``data/event_patterns.toml``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.lookalikes import FORCES, GIVING, OFFICIALS, SENDING
from dossier.events.syntax import preposition_objects
from dossier.events.uses import DYING, VIOLENT_DEATHS
from dossier.parse.tree import children
from dossier.records import ActorRef

# Violence that two sides do to each other: the other side is named by "with"
# ("died in clashes with Hamas").
MUTUAL_VIOLENCE = frozenset(load_toml("event_patterns.toml")["uses"]["mutual_violence"])
# The modifiers of a word of violence that may name who did it ("a Hamas rocket
# attack", "Russian shelling", "Israel's airstrikes").
_AGENT_MODIFIERS = ("compound", "amod", "poss", "nmod")
# A modifier names an actor only as a name or a country word ("a rocket attack" names
# no one).
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@BOOK.rule("arguments", off=None)
def violent_death_sides(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """The one who dies of violence is its target, and its source is who the violence
    is by, if the sentence says so, else no one: "Two Israeli soldiers died in a Hamas
    rocket attack" (Hamas → ISRMIL, not ISRMIL → ?), "A Kenyan officer died in clashes
    with al-Shabaab", "a prisoner died of torture in Israeli police custody" (ISRCOP);
    "The general died in
    an attack on his convoy" names no attacker (PETRARCH2's "die" is 190 with the dead
    as its source: no event now). Only a verb of ``dying`` with a word of
    ``violent_deaths`` after it (``uses.death`` drops the others). (source tokens,
    target tokens), or None: not such a death."""
    if verb.lemma_.lower() not in DYING:
        return None
    dead = [c for c in children(verb) if c.dep_ == "nsubj"]
    violence = [w for w in verb.subtree if w.i > verb.i
                and w.lemma_.lower() in VIOLENT_DEATHS]
    if not dead or not violence:
        return None
    agents: list[Token] = []
    for w in violence:
        agents += preposition_objects(w, {"by"})
        if w.lemma_.lower() in MUTUAL_VIOLENCE:
            agents += preposition_objects(w, {"with"})
        agents += [c for c in children(w) if c.dep_ in _AGENT_MODIFIERS and c.i < w.i
                   and (_named(c) or any(_named(g) for g in children(c)))]
    return agents, dead


def _named(t: Token) -> bool:
    return t.ent_type_ in _NAMED or t.pos_ == "PROPN"


@BOOK.rule("arguments", off=False)
def named_body_agent(tok: Token, is_state: Callable[[str], bool]) -> bool:
    """An agent noun after an organisation's name is that body, whose country the text
    does not give, not an agent of the state the article is about: "Greek prime
    minister Kyriakos Mitsotakis, speaking to the Atlantic Council think tank" in a story
    about Turkey (a body in Washington, not TURNGO), "the NSC legal counsel" in a story
    about Ukraine, "Azerbaijan claimed to have killed about 2,300 Artsakh soldiers" (no
    AZEMIL). A name before the noun that the parser tags an organisation or nothing, with
    no state's name in it (``is_state``). Not "Trump administration officials" (a
    person's name), "Israeli police", nor "Philippine National Police Anti-Cybercrime
    Group officers" (a state named in the name: its country)."""
    return any(c.dep_ == "compound" and c.i < tok.i and (c.ent_type_ == "ORG" or (
        c.pos_ == "PROPN" and not c.ent_type_)) and not any(is_state(t.text) for t in c.subtree)
        for c in children(tok))


# The sectors of the forces and the officials an actor sends (``lookalikes``).
_SENT_SECTORS = FORCES | OFFICIALS


@BOOK.rule("arguments", off=False)
def guessed_agent_sent(verb: Token, s: ActorRef | None, t: ActorRef | None,
                       guessed: set[int]) -> bool:
    """The troops or envoys an actor sends are its own, whatever state the article is
    about: "France and Sudan sent envoys to Aden" (not Sudan → FRAGOV), "Kenya and
    Uganda sent troops to Somalia" (not Uganda → KENMIL): a verb of giving or sending,
    the target an agent of the forces or officials whose country is only the article's
    (``arguments.article_focus``), the source of a country, and no one it is given
    "with" ("supplied the army with weapons"). An agent of the source's own country is
    left to ``precision.own_forces_sent`` and ``precision.own_envoy_sent``."""
    if s is None or t is None or not s.country or id(t) not in guessed \
            or t.country == s.country \
            or t.sector not in _SENT_SECTORS \
            or verb.lemma_.lower() not in GIVING | SENDING:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "with" for c in children(verb))
