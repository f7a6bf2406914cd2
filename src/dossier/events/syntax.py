"""Walks of the dependency parse that the events stage shares: subjects, objects,
prepositional objects and coordination."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.datelines import dateline
from dossier.events.senses import document_voice
from dossier.parse.tree import children, labelled

# How far a subject is looked for up a chain of auxiliaries, xcomps and conjuncts
# ("has agreed to try to meet"): three verbs, set by hand.
SUBJECT_CLIMB = 3
# How deep a target is looked for down prepositional phrases and participles
# ("a resumption of ties with Gondor"): three phrases, set by hand.
NESTED_DEPTH = 3


def with_conj(tok: Token) -> list[Token]:
    """A token and those coordinated with it, also through an apposition ("China's
    president Xi Jinping and Russia's Vladimir Putin")."""
    out = [tok]
    for dep, c in labelled(tok):
        if dep == "conj":
            out.extend(with_conj(c))
        elif dep == "appos":
            out.extend(t for t in with_conj(c)[1:])
    return out


def preposition_objects(head: Token, preps: set[str]) -> list[Token]:
    """The objects of ``preps`` hanging on ``head``, with those coordinated."""
    out = []
    for dep, c in labelled(head):
        if dep in ("prep", "agent", "dative") and c.lower_ in preps:
            for d, o in labelled(c):
                if d == "pobj":
                    out.extend(with_conj(o))
    return out


def nested_preposition_objects(head: Token, preps: set[str], depth: int = NESTED_DEPTH,
                               by: bool = True) -> list[Token]:
    """Objects of ``preps`` down a chain of prepositional phrases and participles from
    ``head`` ("a resumption of ties with Gondor", "the roads leading into Mordor" →
    Gondor, Mordor), and the agent of a nominalised action ("condemned an attack by
    Osgiliath soldiers" → the soldiers)."""
    out = preposition_objects(head, preps | {"by"} if by else preps)
    if depth > 1:
        for dep, c in labelled(head):
            if dep == "prep" and c.lower_ not in preps and c.lower_ != "by":
                for d, o in labelled(c):
                    if d == "pobj":
                        out += nested_preposition_objects(o, preps, depth - 1, by=False)
            elif dep == "acl" and c.pos_ == "VERB" and not any(
                    d in ("nsubj", "nsubjpass") for d, _ in labelled(c)):
                # a participle ("memos sent by X", "roads leading into X"), not a clause
                # with its own subject ("the assumption that … is felt by government")
                out += nested_preposition_objects(c, preps, depth - 1)
    return out


@BOOK.rule("arguments", off=[])
def object_control(verb: Token) -> list[Token]:
    """The object of the governing verb is the subject of an xcomp (object control):
    "Iran paid Hamas to attack Israel" (Hamas attacks), "Britain asked Russia to
    withdraw its troops", "saw intent from Russia to disrupt"."""
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        obj = [c for c in children(verb.head) if c.dep_ == "dobj"]
        if obj:
            return with_conj(obj[0])
    return []


# Verbs whose object does what they are done for ("trained rebels to fight"):
# ``purpose_control`` in ``data/event_patterns.toml``.
PURPOSE_CONTROL = frozenset(load_toml("event_patterns.toml")["precision"]["purpose_control"])


@BOOK.rule("arguments", off=[])
def purpose_control(verb: Token) -> list[Token]:
    """The object of a verb of training, arming or paying does what it is trained
    for: "The U.S. military has been training the Syrian opposition forces to fight
    against Islamic State" (the forces fight); not "Putin called Xi to congratulate
    him" (Putin congratulates)."""
    head = verb.head
    if verb.dep_ == "advcl" and head.i != verb.i and head.lemma_.lower() in PURPOSE_CONTROL \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb)):
        obj = [c for c in children(head) if c.dep_ == "dobj"]
        if obj:
            return with_conj(obj[0])
    return []


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """(source tokens, passive?) of a verb, climbing through auxiliaries and xcomp."""
    v: Token | None = verb
    controlled_by = False  # climbed from a complement: the governor's subject acts
    for _ in range(SUBJECT_CLIMB):
        if v is None:
            break
        subj = [c for c in children(v) if c.dep_ == "nsubj" and not dateline(c)]
        if subj:
            return with_conj(subj[0]), v is not verb and conj_passive(verb)
        subjpass = [c for c in children(v) if c.dep_ == "nsubjpass"]
        if subjpass:
            return with_conj(subjpass[0]), not passive_controller(controlled_by)
        controlled = object_control(v) or purpose_control(v) or document_voice(v)
        if controlled:
            return controlled, False
        controlled_by = controlled_by or v.dep_ == "xcomp"
        if v.dep_ == "conj" and (unshared_subject(v) or unshared_modal(v)):
            break
        v = v.head if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") \
            and v.head.i != v.i else None
    return [], False


# A plain form of the verb cannot share the auxiliary of a participle it is joined to.
_PLAIN = frozenset({"VB", "VBP"})
_PARTICIPLE = frozenset({"VBN", "VBG"})


@BOOK.rule("arguments", off=False)
def unshared_subject(conj: Token) -> bool:
    """A verb in its plain form joined to a participle with an auxiliary does not share
    that participle's subject (the parse joined it to the wrong clause): "Many
    businesses agree that China has long taken advantage of the United States and
    support Mr. Trump's efforts" (the businesses support, not China)."""
    head = conj.head
    return conj.tag_ in _PLAIN and head.tag_ in _PARTICIPLE and any(
        c.dep_ in ("aux", "auxpass") for c in children(head)) and not any(
        c.dep_ in ("aux", "auxpass") for c in children(conj))


@BOOK.rule("arguments", off=False)
def conj_passive(verb: Token) -> bool:
    """A passive verb joined to an active one shares its subject as the one acted upon:
    "Turkey is already under EU sanctions, and was condemned in a joint statement by
    Egypt, Greece and Cyprus" (Egypt → Turkey, not Turkey → ?); a verb with its own
    passive auxiliary, its subject the one of the verb it is joined to."""
    return verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in children(verb))


# The auxiliaries of a future or a condition, which a past tense cannot share.
_MODALS = frozenset({"would", "will", "could", "might", "may", "shall", "should", "can"})


@BOOK.rule("arguments", off=False)
def unshared_modal(conj: Token) -> bool:
    """A verb in the past tense joined to a plain verb under "would" or "will" does not
    share its subject (the parse joined it to the reported clause, not to the verb that
    reports it): "Hawkins predicted President Trump would lose in a landslide and asked
    voters to vote" (Hawkins asked, not Trump: no source rather than the wrong one)."""
    head = conj.head
    return conj.tag_ == "VBD" and head.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in children(head)) and not any(
        c.dep_ in ("aux", "auxpass") for c in children(conj))


@BOOK.rule("arguments", off=False)
def passive_controller(controlled_by: bool) -> bool:
    """The passive subject of a verb that governs the action as its complement does the
    action: "Russia is expected to attack Ukraine", "Sudan was forced to withdraw its
    troops" (the source, not the target)."""
    return controlled_by


def governor(tok: Token) -> Token:
    """The verb whose object (or prepositional object) a noun is."""
    h = tok.head
    if tok.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    return h


def verb_of(t: Token) -> Token | None:
    """The nearest verb above ``t`` in the parse, or None."""
    for a in t.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None


@BOOK.rule("arguments", off=False)
def against(modifier: Token) -> bool:
    """ "Lebanese gunmen attacked an anti-Syria journalist": a modifier that names a
    side ("anti-Syria", "pro-Russian"), not the country of what it modifies."""
    doc = modifier.doc
    i = modifier.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro", "non")
