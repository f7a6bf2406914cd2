"""Codes and sides the CAMEO codebook settles (issue 19, session 23: the wrong codes and
targets of shown events on political news, Wikinews 2020 tuning sheets): a pardon is
a release (0841), mediation is 045, a deal told of does not make its teller a party, a
name that modifies a policy names the policy, and a race called for a candidate is no
appeal. Word lists: ``[codebook]`` of ``data/event_patterns.toml``; the codebook:
``data/cameo/cameo_codes_merged.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.parse.tree import children
from dossier.records import ActorRef

_C = {k: frozenset(v) for k, v in load_toml("event_patterns.toml")["codebook"].items()}
PARDONING, PARDONS, GIVING_PARDONS = _C["pardoning"], _C["pardons"], _C["giving_pardons"]
MEDIATING, TELLING, DEALS = _C["mediating"], _C["telling"], _C["deals"]
POLICIES, CALLING = _C["policies"], _C["calling"]
CANDIDATES = _C["candidates"]

RELEASE_PERSONS = "0841"  # CAMEO: "Formal pardons, amnesties, commutations …"
MEDIATE = "045"
# The roots a rule recodes (an intention, "offered amnesty" 035 or "offered to mediate"
# 039, an appeal or a refusal keeps its code): diplomatic and material cooperation, aid,
# yielding.
_PARDON_MISCODED = frozenset({"05", "06", "07", "08"})
_YIELD = "08"
_OBJECTS = frozenset({"dobj", "dative", "nsubjpass"})
_PLACES = frozenset({"GPE", "LOC"})


def _objects(verb: Token) -> list[Token]:
    """The verb's objects and their conjuncts and appositions ("announced deals with X
    and Y", "granted Milken a full pardon" parsed as an apposition)."""
    objs = [c for c in children(verb) if c.dep_ in _OBJECTS]
    return objs + [c for o in objs for c in children(o) if c.dep_ in ("conj", "appos")]


@BOOK.rule("codebook", off=None)
def pardon(trigger: Token, code: str) -> str | None:
    """A formal pardon is CAMEO 0841, a release of persons ("Formal pardons,
    amnesties, commutations … should all be coded here"): "Trump pardoned Michael
    Flynn" (the dictionary's 080), "Trump granted Michael Milken a full pardon" (060).
    "The court granted bail" and "pardon the pun" are left as coded."""
    if trigger.pos_ != "VERB":
        return None
    lemma = trigger.lemma_.lower()
    if lemma in PARDONING or (lemma in GIVING_PARDONS and any(
            o.lemma_.lower() in PARDONS for o in _objects(trigger))):
        return RELEASE_PERSONS if code[:2] in _PARDON_MISCODED and code != RELEASE_PERSONS \
            else None
    return None


@BOOK.rule("codebook", off=None)
def mediation(trigger: Token, code: str) -> str | None:
    """Mediating is CAMEO 045 (the mediator the source, the parties the targets), not
    the dictionary's COMPROMISE default 080 (a yielding): "Jimmy Carter mediated an end
    to the conflict between Israel and Egypt", "Norway mediated talks between Colombia
    and the rebels". Only a yielding is recoded: "offered to mediate" stays 039."""
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in MEDIATING and code[:2] == _YIELD:
        return MEDIATE
    return None


def codebook_code(trigger: Token, code: str) -> str:
    """The code after :func:`pardon` and :func:`mediation`."""
    return pardon(trigger, code) or mediation(trigger, code) or code


@BOOK.rule("codebook", off=False)
def announced_deal(trigger: Token) -> bool:
    """Telling of a deal between others makes the teller no party to it: "The White
    House announced a deal between Israel and Bahrain" (not USAGOV → ISR, BHR; the
    parties' own act is coded from their own verb, "Israel and Bahrain signed"). "Israel
    announced a deal with Bahrain" and "brokered a deal between X and Y" stay."""
    if trigger.lemma_.lower() not in TELLING:
        return False
    return any(o.lemma_.lower() in DEALS and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in children(o))
        for o in _objects(trigger))


@BOOK.rule("codebook", off=False)
def race_called(trigger: Token) -> bool:
    """A state called for a candidate is the press's projection of its winner, not an
    appeal to the candidate: "The AP and NBC News also called Nevada for Biden" (an
    election or a race called is ``frames.idiom``'s). "Biden called for calm", "called on
    Trump to resign" and "called out Russia for its attempts" stay."""
    if trigger.lemma_.lower() not in CALLING:
        return False
    kids = children(trigger)
    if any(c.dep_ == "prt" for c in kids):
        return False  # "called out Russia for its attempts": criticism
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        w.dep_ == "pobj" and (w.ent_type_ == "PERSON" or w.pos_ == "PROPN"
                              or w.lemma_.lower() in CANDIDATES)
        for w in children(c)) for c in kids) and any(
        c.dep_ == "dobj" and c.ent_type_ in _PLACES for c in kids)


@BOOK.rule("codebook", off=False)
def policy_name(trigger: Token, t: ActorRef | None,
                actor_of: Callable[[Token], ActorRef | None]) -> bool:
    """A name that modifies a policy names the policy, not a side: "Mike Pompeo
    defended Trump's America First foreign policy" (not → "Trump's America First"), "the
    German chancellor criticized the China policy of the United States" (not → China): a
    name the gazetteer does not code, or a place. The policy's owner stays a side
    ("defended Trump's policy", "criticized the Trump administration plan")."""
    if t is None:
        return False
    for o in _objects(trigger):
        if o.lemma_.lower() not in POLICIES:
            continue
        for m in children(o):
            if m.dep_ in ("compound", "nmod", "amod") and (a := actor_of(m)) is not None \
                    and a.actor_id == t.actor_id and (a.code is None or m.ent_type_ in _PLACES):
                return True  # (a coded owner, "the Trump administration plan", stays)
    return False


def not_its_event(trigger: Token, t: ActorRef | None,
                  actor_of: Callable[[Token], ActorRef | None]) -> bool:
    """Whether the pair coded at ``trigger`` with target ``t`` is no event of the
    codebook's: :func:`announced_deal`, :func:`race_called`, :func:`policy_name`."""
    return announced_deal(trigger) or race_called(trigger) or policy_name(
        trigger, t, actor_of)
