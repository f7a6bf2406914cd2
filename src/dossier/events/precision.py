"""What makes a coded action no political event, or a token no side of one (issue 19,
precision first): non-actors ("the dieback disease", "a photo", "120 mm rounds"), a
place that modifies a noun ("the Madrid peace talks": where, not whose), sport and
business uses of conflict verbs ("Russia beat Croatia", "SoftBank agreed to inject
$6.5 billion"), and figurative phrasal verbs ("hammering out an agreement"). Word
lists: ``[precision]`` of ``data/event_patterns.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.records import ActorRef

_P = load_toml("event_patterns.toml")["precision"]
NON_ACTORS = frozenset(_P["non_actors"])
# No side by the country word that modifies them ("the Thai border", "Western criticism").
NOT_BY_COUNTRY_WORD = frozenset(_P["not_by_country_word"])
FORMER_MEMBER = frozenset(_P["former_member"])
SPORTS_WORDS = frozenset(_P["sports_words"])
CONTEST_VERBS = frozenset(_P["contest_verbs"])
FORCE_SECTORS = frozenset(_P["force_sectors"])
NONPOLITICAL_SECTORS = frozenset(_P["nonpolitical_sectors"])
STATE_SECTORS = frozenset(_P["state_sectors"])
STANCE_NOUNS = frozenset(_P["stance_nouns"])
FIGURATIVE = frozenset(tuple(f.split(" ")) for f in _P["figurative"])

# A game's score ("6-3", "2-1"): one or two digits on each side of a dash.
_SCORE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_MEASURES = frozenset({"QUANTITY", "CARDINAL", "PERCENT", "MONEY", "ORDINAL"})


@BOOK.rule("precision", off=False)
def not_an_actor(tok: Token) -> bool:
    """A non-actor is no source or target: a disease, an object, a unit or measure
    ("The dieback disease is killing New Zealand's native kauri trees", "Soldiers fired
    two 120 mm rounds at the reporters": not "mm"), or a person a modifier names as a
    former member or a follower ("A photographer and Navy veteran is fighting back": not
    the Navy)."""
    lemma = tok.lemma_.lower()
    if lemma in NON_ACTORS or tok.lower_ in NON_ACTORS or lemma in FORMER_MEMBER:
        return True
    if tok.ent_type_ in _MEASURES and tok.pos_ == "NUM":
        return True
    # "120 mm rounds": a noun measured by a unit is an object
    return any(c.dep_ in ("compound", "nmod") and c.lower_ in NON_ACTORS and any(
        n.dep_ == "nummod" for n in (*tok.children, *c.children)) for c in tok.children)


@BOOK.rule("precision", off=False)
def place_modifier(tok: Token, is_state_name: Callable[[str], bool]) -> bool:
    """A place that is not a state, modifying a noun that is no agent, is where that
    thing is, not whose: "Shamir opposed the Madrid peace talks" (not Spain), "the Minsk
    agreements"; "Beijing police" (an agent) and "Palestinian homes" (a country word)
    are coded."""
    return any(c.dep_ in ("compound", "nmod") and c.ent_type_ in _PLACES and c.i < tok.i
               and not is_state_name(c.text) for c in tok.children)


@BOOK.rule("precision", off=False)
def sports_sentence(sent: Span, s: ActorRef | None, t: ActorRef | None) -> bool:
    """A sentence about sport makes no political event, whatever its verbs: "Herbert and
    Mahut rallied to defeat McLachlan and Uchiyama 6-7, 6-4, 7-5 in the deciding doubles
    match, giving France a 2-1 victory" (a score or a noun of ``sports_words``) — unless
    the state's apparatus acts ("Nigerian authorities jailed 52 members of MASSOB for
    playing in a football tournament")."""
    if any(a is not None and a.sector in STATE_SECTORS for a in (s, t)):
        return False
    return any(_SCORE.match(w.text) is not None or (w.pos_ in ("NOUN", "PROPN") and (
        w.lemma_.lower() in SPORTS_WORDS or w.lower_ in SPORTS_WORDS)) for w in sent)


@BOOK.rule("precision", off=False)
def contest(verb: Token, s: ActorRef | None, t: ActorRef | None) -> bool:
    """A verb of winning with no armed side is a game or an election, not force:
    "Russia beat Croatia on Monday", "Kentucky Democrats beat the incumbent governor";
    but "Police beat protesters in Nairobi"."""
    if verb.lemma_.lower() not in CONTEST_VERBS:
        return False
    return not any(a is not None and a.sector in FORCE_SECTORS for a in (s, t))


@BOOK.rule("precision", off=False)
def business(s: ActorRef | None, t: ActorRef | None) -> bool:
    """Business actors among themselves (or with one of no country) make no political
    event: "American businesses support the new rules of Boeing"."""
    sides = [a for a in (s, t) if a is not None]
    return bool(sides) and all(a.sector in NONPOLITICAL_SECTORS or not a.country
                               for a in sides) and any(
        a.sector in NONPOLITICAL_SECTORS for a in sides)


@BOOK.rule("precision", off=False)
def figurative(verb: Token) -> bool:
    """A phrasal verb whose particle, object or complement changes the act: "The United
    States hopes it can finish hammering out an agreement with Iran" (no fight), "ironed
    out their differences", "a spokesman declined to comment" (no rejection)."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ in ("prt", "dobj", "xcomp") and ((lemma, c.lower_) in FIGURATIVE
                                          or (lemma, c.lemma_.lower()) in FIGURATIVE):
            return True
        if c.dep_ == "prep" and any((lemma, c.lower_, o.lemma_.lower()) in FIGURATIVE
                                    for o in c.children if o.dep_ == "pobj"):
            return True
    return False


@BOOK.rule("precision", off=False)
def stance_noun(noun: Token) -> bool:
    """A nominal event that is what a stance is about is no event: "China's position on
    sanctions against Russia is clear", "their stance on talks with Iran"
    (``stance_nouns``)."""
    h = noun.head
    if noun.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    return h.i != noun.i and h.pos_ == "NOUN" and h.lemma_.lower() in STANCE_NOUNS


# How far up the parse a relative clause is looked for ("the subsidies that China
# gives to its industry": the trigger's own clause and the one above).
RELATIVE_CLIMB = 2


@BOOK.rule("precision", off=False)
def relative_clause(trigger: Token) -> bool:
    """An action told in a relative clause describes a thing, it is not the news (kept
    below the default ``min_confidence``): "the subsidies that China gives to its
    industry", "The answers he gave to the BBC interviewer were rife with
    contradictions"."""
    t = trigger
    for _ in range(RELATIVE_CLIMB):
        if t.dep_ in ("relcl", "acl"):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


@BOOK.rule("precision", off=False)
def shown_not_protested(verb: Token) -> bool:
    """ "Demonstrate" with an object or in the passive is to show, not to protest:
    "Beijing is concerned about his behavior, as demonstrated by his abrupt departure",
    "China demonstrated its resolve"."""
    return verb.lemma_.lower() == "demonstrate" and any(
        c.dep_ in ("dobj", "ccomp", "nsubjpass", "auxpass", "agent") for c in verb.children)


@BOOK.rule("precision", off=False)
def press_audience(root: str, t: ActorRef | None) -> bool:
    """Speaking to the press is no consultation: "Speaking to reporters in Kuala Lumpur,
    Erdogan reiterated Turkey's support", "Putin met journalists in Moscow" (a
    consultation, 04, whose target is the media)."""
    return root == "04" and t is not None and t.sector == "MED"
