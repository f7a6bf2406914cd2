"""Words that look like a side or an event of one kind and are another (issue 19,
precision first, session 20): a message sent is no aid ("sent a memo to Congress"),
"the administration" is the government, not an agency whose name ends in the word
(the National Aeronautics and Space Administration). Word lists: ``[lookalikes]`` of
``data/event_patterns.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.modality import governors
from dossier.parse.tree import children
from dossier.records import ActorRef, Mention

_L = {k: frozenset(v) for k, v in load_toml("event_patterns.toml")["lookalikes"].items()}
MESSAGES, GIVING, SHORT_FORMS = _L["messages"], _L["giving"], _L["short_forms"]
HEARSAY, BELIEVED, SCHEDULED = _L["hearsay"], _L["believed"], _L["scheduled"]
WORKS, DEPICTING, TOPIC_NOUNS = _L["works"], _L["depicting"], _L["topic_nouns"]

# CAMEO's aid (07x): giving something of value.
_AID = "07"


@BOOK.rule("precision", off=False)
def message_not_aid(verb: Token, code: str) -> bool:
    """A message, a speech or an answer given is no aid: "The White House sent a memo to
    Congress", "He gave an interview to the BBC", "The minister delivered a speech to
    the Senate" (a verb of ``giving`` coded 07x whose object is one of ``messages``).
    "Britain sent aid to Jordan" and "sent troops" stay; "sent a letter to the embassy"
    is PETRARCH2's consultation (040), not aid, and keeps that code."""
    if not code.startswith(_AID) or verb.lemma_.lower() not in GIVING:
        return False
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in MESSAGES or c.lower_ in MESSAGES)
               for c in children(verb))


# The sector of a government ("the administration" acts for it).
_GOVERNMENT = "GOV"


@BOOK.rule("precision", off=None)
def agency_short_form(tok: Token, m: Mention) -> ActorRef | None:
    """"The administration" is the government of the day, not an agency whose name ends
    in the word: "NASA launched a probe to Mars. The administration criticised China"
    (USAGOV, the government, not NASA), "The FDA approved a drug. The administration
    accused Russia of hacking" (USAGOV, not USAGOVHLH). The agency's country is kept;
    "the Trump administration" and "the Food and Drug Administration" named in full are
    not short forms (``short_forms``: the common noun alone, lower case)."""
    if m.type == "person" or tok.lower_ not in SHORT_FORMS or tok.pos_ != "NOUN" \
            or any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in children(tok)):
        return None
    name = m.actor_name.lower().split()
    if len(name) < 2 or name[-1] != tok.lemma_.lower() or not (m.country or m.code):
        return None  # the government's own entry, or an agency of no country
    country = (m.country or m.code or "")[:3]
    return ActorRef(f"{tok.text} ({country})", None, country + _GOVERNMENT, country,
                    _GOVERNMENT)


# Dependencies by which an action sits in the clause of the verb above it (a
# complement, a purpose, a clause of "how"), and how far up they are followed.
_CLAUSE = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "acomp", "dobj"})
CLIMB = 3


def _above(verb: Token) -> list[Token]:
    """The words whose clause ``verb`` is in, nearest first (not past a relative
    clause)."""
    return governors(verb, _CLAUSE, CLIMB)


@BOOK.rule("precision", off=False)
def direct_question(trigger: Token) -> bool:
    """An action asked about in a question is not told as done (kept below the default
    ``min_confidence``): "Will China invade Taiwan in 2027?", "Did Trump threaten
    Iran?", "Why did Russia attack Ukraine?" (a sentence that ends with a question
    mark). Not "Russia attacked Ukraine, the minister said."."""
    sent = trigger.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in
                 ('"', "'", "”", "’", ")")), None)
    return last is not None and last.text == "?"


@BOOK.rule("precision", off=False)
def hearsay_plan(trigger: Token, mode: str) -> bool:
    """A plan others say an actor has is no intention it announced (kept below the
    default ``min_confidence``): "Iran reportedly plans to attack Israel", "Hamas is
    believed to be preparing to attack Israel" (an intended action under ``hearsay``
    or a passive verb of ``believed``). "Iran plans to attack Israel" and "Spain will
    send aid" are announced (CAMEO's 03x and 13x)."""
    if mode not in ("intended", "future"):
        return False
    for v in (trigger, *_above(trigger)):
        kids = children(v)
        if any(c.dep_ == "advmod" and c.lower_ in HEARSAY for c in kids):
            return True
        if v.lemma_.lower() in BELIEVED and any(c.dep_ == "auxpass" for c in kids):
            return True
    return False


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


@BOOK.rule("precision", off=False)
def depicted(trigger: Token) -> bool:
    """An action a film, book or series depicts is a story, not news (kept below the
    default ``min_confidence``): "The novel tells how Britain invaded Iceland", "The
    new series portrays American soldiers attacking Iraq" (a verb of ``depicting``
    whose subject is one of ``works``). Not "Footage shows Israeli soldiers attacking
    Palestinians" (footage is evidence)."""
    for v in _above(trigger):
        if v.lemma_.lower() in DEPICTING and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in WORKS for c in children(v)):
            return True
    return False


# The sectors of the forces or the hardware an actor sends.
FORCES = frozenset({"MIL", "COP", "SPY"})


@BOOK.rule("precision", off=False)
def own_forces_sent(verb: Token, s: ActorRef | None, t: ActorRef | None) -> bool:
    """The troops or the ships an actor sends are what it gives, not whom: "The United
    States sent troops to Poland" (→ POL, not USAMIL), "Britain sent two warships to
    the Gulf" (a verb of ``giving``, the target the source's own forces, a recipient
    after "to"). "The government supplied the army with weapons" keeps the army."""
    if s is None or t is None or verb.lemma_.lower() not in GIVING or not s.country \
            or t.country != s.country or t.sector not in FORCES:
        return False
    preps = {c.lower_ for c in children(verb) if c.dep_ in ("prep", "dative")}
    return "with" not in preps


_ABOUT = frozenset({"on", "about", "regarding", "concerning", "over"})


@BOOK.rule("precision", off=False)
def topic_of_noun(tok: Token) -> bool:
    """What a meeting, a report or a conference is about is no side of the act done
    with it: "Iran hosted a conference on Palestine in Tehran" (no target Palestine),
    "Britain published a report about China" (a noun of ``topic_nouns`` before "on",
    "about", "regarding", "concerning" or "over"). Not "imposed sanctions on Russia",
    "launched an attack on Ukraine" (aimed nouns)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _ABOUT and tok.head.head.i != tok.head.i \
        and tok.head.head.pos_ == "NOUN" and tok.head.head.lemma_.lower() in TOPIC_NOUNS


@BOOK.rule("precision", off=False)
def not_yet(trigger: Token) -> bool:
    """An action an actor "has yet to" or "is yet to" take is not taken (negated):
    "Russia has yet to attack Finland", "China is yet to sign the deal". Not "Russia has
    attacked Finland yet again"."""
    v = trigger
    if v.dep_ != "xcomp" or v.head.i == v.i or v.head.lemma_ not in ("have", "be"):
        return False
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in children(v.head)) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(v))
