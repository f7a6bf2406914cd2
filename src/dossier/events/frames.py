"""Frames that make a coded verb no event between actors, or no event yet (issue 19,
precision first), from the kinds of wrong record the marked tuning sheets found: idioms
of light verbs ("take a tougher stance", "given her back hours"), an interviewer's
question read as an appeal ("King asked Scott"), a life story ("she attended the
University of New Mexico"), a newsroom's request for comment, agreeing with a view,
and a warning of a risk. Word lists: ``data/event_frames.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.precision import REFUSING  # (one list: press_refusal reads it too)
from dossier.parse.tree import children
from dossier.records import ActorRef

_F = load_toml("event_frames.toml")
IDIOM_OBJECTS = {v: frozenset(ws) for v, ws in _F["idiom"]["objects"].items()}
IDIOM_PARTICLES = {v: frozenset(ws) for v, ws in _F["idiom"]["particles"].items()}
ASKING = frozenset(_F["question"]["verbs"])
APPEAL_PREPS = frozenset(_F["question"]["appeal_preps"])
APPEAL_MARKS = frozenset(_F["question"]["appeal_marks"])
LIFE_OBJECTS = {v: frozenset(ws) for v, ws in _F["biography"]["objects"].items()}
LIFE_PREPS = {v: frozenset(ws) for v, ws in _F["biography"]["preps"].items()}
COMMENT_NOUNS = frozenset(_F["press"]["for_nouns"])
SPEAKING = frozenset(_F["press"]["speaking"])
AGREEING = frozenset(_F["view"]["agreeing"])
TERMS_AUX = frozenset(_F["view"]["terms_aux"])
WARNING = frozenset(_F["risk"]["warning"])
THREAT_AUX = frozenset(_F["risk"]["threat_aux"])

_OBJECTS = ("dobj", "nsubjpass", "attr")
_SUBJECTS = ("nsubj", "nsubjpass")
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PERSON = frozenset({"PERSON"})


def _subject_of(clause: Token, ents: frozenset[str]) -> bool:
    """Whether a clause's subject is a pronoun or an entity of ``ents``."""
    return any(c.dep_ in _SUBJECTS and (c.pos_ == "PRON" or c.ent_type_ in ents)
               for c in children(clause))


def _has_aux(clause: Token, words: frozenset[str]) -> bool:
    return any(a.dep_ == "aux" and a.lower_ in words for a in children(clause))


def _to_clause(v: Token) -> bool:
    """Whether ``v`` is the verb of an infinitive clause ("to give", "to be given")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(v))


@BOOK.rule("frames", off=False)
def idiom(verb: Token) -> bool:
    """A light verb whose object or particle makes an idiom is no event: "Activists
    pushed the retailer to take a tougher stance", "The blockade had taken its toll",
    "Email has given her back hours", "imports that do not meet the UK's standards",
    "Washington has sworn in its first Native American justice" (``[idiom]``)."""
    lemma = verb.lemma_.lower()
    objects = IDIOM_OBJECTS.get(lemma)
    particles = IDIOM_PARTICLES.get(lemma)
    if objects is None and particles is None:
        return False
    for c in children(verb):
        if objects and c.dep_ in _OBJECTS and c.lemma_.lower() in objects:
            return True
        if particles and c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles:
            return True
    return False


@BOOK.rule("frames", off=False)
def interview_question(verb: Token) -> bool:
    """Asking with no action asked for is a question, not an appeal: "King asked
    Scott.", "Winfrey asked Harry whether they quit", "Asked why Charles was not
    answering, Harry suggested …" — not "Russia asked China to send troops", "asked
    China for help" or "asked that the UN intervene" (``[question]``)."""
    if verb.lemma_.lower() not in ASKING:
        return False
    for c in children(verb):
        if c.dep_ in ("xcomp", "ccomp", "advcl") and _to_clause(c):
            return False
        if c.dep_ == "prep" and c.lower_ in APPEAL_PREPS:
            return False
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in APPEAL_MARKS
                                     for m in children(c)):
            return False
    return True


@BOOK.rule("frames", off=False)
def life_story(verb: Token) -> bool:
    """A person's life story is background, no event: "She attended the University of
    New Mexico", "She served as chief judge for three tribes", "Montoya-Lewis served on
    the state's highest court" — not "Putin attended the summit", nor "Germany served as
    a mediator between Russia and Ukraine" (``[biography]``)."""
    lemma = verb.lemma_.lower()
    words = LIFE_OBJECTS.get(lemma)
    preps = LIFE_PREPS.get(lemma)
    if (words is None and preps is None) or not _subject_of(verb, _PERSON):
        return False
    for c in children(verb):
        if words and c.dep_ == "dobj" and any(w.lower_ in words for w in c.subtree):
            return True
        if preps and c.dep_ == "prep" and c.lower_ in preps:
            return True
    return False


@BOOK.rule("frames", off=False)
def comment_request(trigger: Token, t: ActorRef | None) -> bool:
    """A newsroom's request for comment, or a refusal to talk to it, is page furniture:
    "CNN has reached out to the royal family for comment", "Bennett declined to be
    interviewed", "OpenAI declined to disclose further details" (``[press]``; a refusal
    of an actor named, "Iran refused to discuss its programme with the IAEA", stays)."""
    for c in children(trigger):
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                o.dep_ == "pobj" and o.lower_ in COMMENT_NOUNS for o in children(c)):
            return True
    if trigger.lemma_.lower() not in REFUSING or (t is not None and t.sector != "MED"):
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in SPEAKING
               for c in children(trigger))


@BOOK.rule("frames", off=False)
def agreed_view(trigger: Token, t: ActorRef | None) -> bool:
    """Agreeing with a view is an opinion, not an agreement: "Prof Green agrees that
    many students are feeling blamed", "A second vice-chancellor agreed: 'We baled the
    government out'" — not "Iran agreed to free the sailors", "Iran agreed that
    inspectors could return" (terms: a modal) nor an agreement with an actor named
    (``[view]``)."""
    if t is not None or trigger.lemma_.lower() not in AGREEING:
        return False
    kids = children(trigger)
    if any(c.dep_ in ("xcomp", "dobj", "prep") for c in kids):
        return False
    after = trigger.nbor(1) if trigger.i + 1 < len(trigger.doc) else None
    return (after is not None and after.text == ":") or any(
        c.dep_ == "ccomp" and not _to_clause(c) and not _has_aux(c, TERMS_AUX) for c in kids)


@BOOK.rule("frames", off=False)
def risk_warning(trigger: Token, t: ActorRef | None) -> bool:
    """A warning of a risk is no threat: "Grayling warned that the sector is facing mass
    job cuts" — not "Iran warned that it would retaliate" (``[risk]``: no one warned, a
    clause with no will/would whose subject is no actor and no pronoun)."""
    if t is not None or trigger.lemma_.lower() not in WARNING:
        return False
    return any(c.dep_ == "ccomp" and not _subject_of(c, _ACTOR_ENTS)
               and not _has_aux(c, THREAT_AUX) for c in children(trigger))
