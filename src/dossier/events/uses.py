"""Uses of a coded verb that are no political event (issue 19, precision first, session
22; the kinds of wrong record the Wikinews 2020 tuning sheets found): a death is no
assault by the one who died ("Pranab Mukherjee … died" was 190), a person fired loses a
job ("called for CNN to fire Lockhart"), a record bested or a party matched is no fight
("Johnson bested that performance"), and a press conference held consults no one. Word
lists: ``[uses]`` of ``data/event_patterns.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.precision import FORCE_SECTORS
from dossier.parse.tree import children
from dossier.records import ActorRef

_U = {k: frozenset(v) for k, v in load_toml("event_patterns.toml")["uses"].items()}
DYING, DISMISSING, STAFF = _U["dying"], _U["dismissing"], _U["staff"]
VIOLENT_DEATHS = _U["violent_deaths"]
OUTDOING, PRESS_EVENTS = _U["outdoing"], _U["press_events"]
MEDIA_NAME_ENDS = tuple(_U["media_name_ends"])


@BOOK.rule("precision", off=False)
def death(verb: Token) -> bool:
    """The one who dies acts on no one: "On Monday, Pranab Mukherjee, who served as
    President of India for five years, died" (PETRARCH2's "die" is 190, its subject the
    source), "John Conway died at his home, reportedly due to COVID-19 complications" —
    a verb of ``dying``. Not a death told as coming from violence, a word of
    ``violent_deaths`` after the verb ("Two Israeli soldiers died in clashes with Hamas",
    "a prisoner died as a result of torture": coded as before, the dead its source), nor
    "killed"."""
    if verb.lemma_.lower() not in DYING:
        return False
    return not any(w.lemma_.lower() in VIOLENT_DEATHS for w in verb.subtree if w.i > verb.i)


def _person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in STAFF


# Prepositions of aim: "fired on protesters", "fired missiles at Israel" (force).
_AIMED = frozenset({"at", "on", "upon", "into", "toward", "towards"})


@BOOK.rule("precision", off=False)
def dismissal(verb: Token, t: ActorRef | None, people: set[int]) -> bool:
    """Firing a person takes a job away, it is no attack: "The Trump campaign called for
    CNN to fire Lockhart", "The president fired his national security adviser" (a verb
    of ``dismissing`` whose object, or passive subject, is a person — a name, a word of
    ``staff``, or the target a mention of a person names — with no aim after at/on).
    "Troops fired on protesters", "fired missiles at Israel" stay."""
    if verb.lemma_.lower() not in DISMISSING:
        return False
    kids = children(verb)
    if any(c.dep_ == "prep" and c.lower_ in _AIMED for c in kids):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and (_person(c) or (
        t is not None and id(t) in people)) for c in kids)


@BOOK.rule("precision", off=False)
def outdone(verb: Token, s: ActorRef | None, t: ActorRef | None) -> bool:
    """A verb of outdoing or matching with no armed side is a record, a vote or a
    market, not force: "Johnson bested that performance in 2016", "the party
    controlling the Senate matches the President's party", "China dominates the
    market" (``outdoing``; PETRARCH2 puts "best" and "match" with "destroy" and "clash",
    190). "Iraqi forces overcame the militants" stays."""
    if verb.lemma_.lower() not in OUTDOING:
        return False
    return not any(a is not None and a.sector in FORCE_SECTORS for a in (s, t))


@BOOK.rule("precision", off=False)
def press_event(root: str, verb: Token, t: ActorRef | None) -> bool:
    """A press conference or a briefing held consults no one: "Biden held his first
    press conference since the pandemic", "the FBI director held a news conference on
    Monday" (a consultation, 04, on an object of ``press_events``, with no one met named).
    "Biden held a press conference with Macron" keeps Macron; "held talks" stays."""
    if root != "04" or t is not None:
        return False
    for c in children(verb):
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        words = {c.lemma_.lower()} | {f"{m.lower_} {c.lemma_.lower()}" for m in children(c)
                                      if m.dep_ in ("compound", "amod")}
        if words & PRESS_EVENTS:
            return True
    return False


# How a quoted phrase hangs on the words outside it when it names what something is
# called, not whom the act is on: "hailed the agreements as the \"dawn of …\"".
_CHARACTERISING = frozenset({"oprd", "attr", "acomp", "xcomp"})


@BOOK.rule("precision", off=False)
def quoted_side(tok: Token, quoted: list[bool]) -> bool:
    """A word inside a quoted phrase that characterises something is the speaker's
    phrase, no side of an act told outside it: "Trump hailed the agreements as the
    \"dawn of a new Middle East\"" (the Middle East was the target of a shown 051;
    Wikinews 2020 tuning sheet, session 22) — the quotation after "as"/"like" or as a
    predicative complement. "Sadiq Khan thanked \"the police, security and emergency
    services staff\"" (the quoted object itself) keeps the police."""
    if not quoted[tok.i]:
        return False
    q = tok
    while q.head.i != q.i and quoted[q.head.i]:
        q = q.head
    return q.dep_ in _CHARACTERISING or (q.dep_ == "pobj" and q.head.lower_ in ("as", "like"))


@BOOK.rule("precision", off=False)
def press_named(root: str, t: ActorRef | None) -> bool:
    """A news outlet the gazetteer does not know is the press all the same: "Amar Patel
    spoke to Wikinews in August", "The senator told the Carolina Herald" (a
    consultation, 04, whose target is an organisation known by name only, the name
    ending as one of ``media_name_ends``). "Biden spoke to Emmanuel Macron" stays."""
    return root == "04" and t is not None and not t.code and bool(t.actor_id) and \
        str(t.actor_id).startswith("local:org") and t.name.lower().endswith(MEDIA_NAME_ENDS)
