"""Events a verb puts in force by its object (issue 19, session 23; PLOVER GSR and ZSP
half A misses): a state of emergency, a siege or a curfew imposed, declared or extended
(CAMEO 1723/1724, COERCE), and the verb of a nominal event that a noun pattern with
``verbs`` codes ("launched a mediation effort", "mounted an invasion"). Word lists:
``[nominal]`` of ``data/event_patterns.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.patterns import Patterns, VerbPattern, noun_pattern
from dossier.parse.tree import children

_N = load_toml("event_patterns.toml")["nominal"]
IMPOSING = frozenset(_N["imposing"])
MEASURES: dict[str, str] = dict(_N["measures"])
CONTAINERS = frozenset(_N["containers"])
_OBJECTS = ("dobj", "nsubjpass")


def _measure(obj: Token) -> str | None:
    """The code of the measure a noun names, by itself or with a modifier ("martial
    law"); a container's "of" object ("a state of emergency")."""
    names = [obj]
    if obj.lemma_.lower() in CONTAINERS:
        names += [o for c in children(obj) if c.dep_ == "prep" and c.lower_ == "of"
                  for o in children(c) if o.dep_ == "pobj"]
    for n in names:
        lemma = n.lemma_.lower()
        mods = [m.lower_ for m in children(n) if m.dep_ in ("amod", "compound")]
        for key in (*(f"{m} {lemma}" for m in mods), lemma):
            if key in MEASURES:
                return MEASURES[key]
    return None


@BOOK.rule("nominal", off=None)
def emergency_measure(verb: Token, lemma: str) -> VerbPattern | None:
    """Imposing a curfew is CAMEO 1723, a state of emergency, a state of siege or martial
    law 1724 (COERCE), by the one who imposes it, on whom "on" names (else kept with its
    source alone, below the default view): "Bolivia declared a state of emergency in
    Pando" (was 1044, a demand, by PETRARCH2's "declare"), "The army imposed a curfew on
    the town"; announced, a threat ("The government will extend the curfew", 13x by
    the intention rules). Verbs of ``imposing``; not a measure lifted (081) nor "declared
    a state" with no measure of ``measures``."""
    if lemma not in IMPOSING:
        return None
    for c in children(verb):
        if c.dep_ in _OBJECTS and (code := _measure(c)) is not None:
            return VerbPattern(frozenset({lemma}), code, ("prep:on",), None,
                               frozenset({c.lemma_.lower()}), intransitive=True)
    return None


@BOOK.rule("nominal", off=False)
def light_event_object(verb: Token, p: Patterns) -> bool:
    """A verb whose direct object is a nominal event that only a verb of its pattern's
    ``verbs`` puts in force codes nothing itself: the noun is the event ("Qatar
    launched a mediation effort between Sudan and Chad" is 045 by the effort, not 020
    by PETRARCH2's "launch"; "Russia mounted an invasion of Ukraine" 190)."""
    return any(c.dep_ == "dobj" and (np_ := noun_pattern(c, c.lemma_.lower(), p)) is not None
               and bool(np_.verbs) for c in children(verb))


@BOOK.rule("nominal")
def acting_verb(trigger: Token, p: Patterns) -> Token:
    """The verb whose announcement or intention is a nominal event's, for a noun that
    only a verb of its pattern's ``verbs`` puts in force: the verb it is the direct
    object of ("Russia will launch an invasion of Ukraine" is a threat, 138, as "will
    invade", not a future 190; "Kenya will launch a mediation effort" an intention,
    039, CAMEO's intent to mediate), else the trigger itself (other nominal events
    keep their own reading: tried on every noun, it changed records only on the
    held-apart Wikinews 2019)."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" and (
            np_ := noun_pattern(trigger, trigger.lemma_.lower(), p)) is not None and np_.verbs:
        return trigger.head
    return trigger

