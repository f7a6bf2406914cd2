"""Which CAMEO code an event gets, and which pairs of actors it is coded for.

The code comes from a pattern or the dictionary (:mod:`dossier.events.patterns`);
here it is refined by what is asked for ("urged Iran to release the sailors" 0253),
by an intention or a threat ("will send aid" 033, "threatened to cut relations"
1313); QuadClass, Goldstein and PLOVER type come with the code from the CAMEO table
(:mod:`dossier.events.codes`).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.arguments import RECIPROCAL_ROOTS
from dossier.events.book import BOOK
from dossier.events.codes import Code, cameo
from dossier.events.patterns import (
    Patterns,
    dictionary_code,
    released_material,
    verb_matches,
)
from dossier.events.precision import REFUSING
from dossier.events.senses import call_purpose
from dossier.parse.tree import children
from dossier.records import ActorRef, Event

Pair = tuple[ActorRef | None, ActorRef | None]

# Confidence by evidence and sides, measured on the tuning data (issue 19): see
# ``[confidence]`` in ``data/event_patterns.toml``.
_CONF_DATA = load_toml("event_patterns.toml")["confidence"]
_CONFIDENCE: dict[str, list[float]] = {k: v for k, v in _CONF_DATA.items()
                                       if k in ("pattern", "noun", "dictionary_object",
                                                "dictionary_widened", "dictionary")}
_ONE_SIDE = frozenset(_CONF_DATA["one_side_codes"])
ONE_SIDE_HIDDEN: float = _CONF_DATA["one_side_hidden"]
DOUBTED: float = _CONF_DATA["doubted"]
PRONOUN_SIDE: float = _CONF_DATA["pronoun_side"]

# Roots whose action can be aimed "at" or "into" someone (disapprove, reject, threaten,
# protest, force): for others a place after "at"/"into" is where it happened.
AIMED_ROOTS = frozenset({"11", "12", "13", "14", "15", "17", "18", "19", "20"})
# Where a dictionary verb's target may be: its object, dative or one of these
# prepositions' objects.
FALLBACK_TARGETS = ("dobj", "dative", "prep:with", "prep:against", "prep:to", "prep:on",
                    "prep:at", "prep:from", "prep:for", "prep:between", "prep:toward",
                    "prep:towards", "prep:into")
_FALLBACK_TARGETS_NOT_AIMED = tuple(t for t in FALLBACK_TARGETS
                                    if t not in ("prep:at", "prep:into"))
# What a telephone call is made to do ("called his counterpart to congratulate him"):
# the call is a consultation, not an appeal (``call_purposes``).
CALL_PURPOSES = frozenset(load_toml("event_patterns.toml")["precision"]["call_purposes"])
INSULTS = frozenset(load_toml("event_patterns.toml")["precision"]["insults"])
# Criticise or denounce: what calling someone an insult is.
_CRITICISE = "111"
REFUSAL_CODES: dict[str, str] = load_toml("event_patterns.toml")["precision"]["refusal_codes"]
FAILING = frozenset(load_toml("event_patterns.toml")["precision"]["failing"])
FAILED_AGREEMENT: str = load_toml("event_patterns.toml")["precision"]["failed_agreement"]
# The codes of agreeing: root 03 and signing a formal agreement (057).
_AGREEING_ROOT, _SIGNING = "03", "057"
# Roots of force and coercion: announced for the future, they are threats.
HOSTILE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
TRADE_MEASURES = frozenset(load_toml("event_patterns.toml")["precision"]["trade_measures"])
PROTEST_OBJECTS = frozenset(load_toml("event_patterns.toml")["precision"]["protest_objects"])
# Roots of force: used on protests, repression (175).
FORCE_ROOTS = frozenset({"18", "19", "20"})


def _objects(verb: Token) -> list[Token]:
    """The verb's object and the objects of its "with"/"on" phrases."""
    out = [c for c in children(verb) if c.dep_ == "dobj"]
    return out + [o for c in children(verb) if c.dep_ == "prep" and c.lower_ in ("with", "on")
                  for o in children(c) if o.dep_ == "pobj"]


@BOOK.rule("coding", off=None)
def trade_measure(trigger: Token, code: str) -> str | None:
    """Tariffs and duties reduce trade relations (160), they are no coercion nor force:
    "Trump slapped tariffs on Chinese steel", "Beijing retaliated with tariffs on
    American soybeans" (``trade_measures``)."""
    if code == "160" or cameo()[code].root not in HOSTILE_ROOTS:
        return None
    if any(o.lemma_.lower() in TRADE_MEASURES for o in _objects(trigger)):
        return "160"
    return None


@BOOK.rule("coding", off=None)
def repression(trigger: Token, code: str) -> str | None:
    """Force used on a protest or on protesters is repression (175), not military
    force: "China's security forces crushed the protests in Xinjiang", "Police
    crushed the demonstration in Minsk" (``protest_objects``)."""
    if cameo()[code].root not in FORCE_ROOTS:
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in PROTEST_OBJECTS for c in children(trigger)):
        return "175"
    return None


def policy_code(trigger: Token, code: str, kind: str | None) -> str:
    """The code after :func:`trade_measure` (of an action done: a threat of tariffs
    stays a threat of sanctions, 1312) and :func:`repression`."""
    return (None if kind else trade_measure(trigger, code)) or repression(
        trigger, code) or code


@BOOK.rule("coding", off=False)
def at_is_a_place(code: str) -> bool:
    """For a dictionary verb whose action is not aimed at anyone, "at"/"into" name a
    place, not a target: "Syria fired rockets at Israel" (194) but not "Ghana
    celebrated the anniversary at Nigeria"."""
    return cameo()[code].root not in AIMED_ROOTS


def fallback_targets(code: str) -> tuple[str, ...]:
    """Where the target of a verb coded by the dictionary alone may be."""
    return _FALLBACK_TARGETS_NOT_AIMED if at_is_a_place(code) else FALLBACK_TARGETS


def action_code(verb: Token, p: Patterns) -> str | None:
    """The code of an action as a verb pattern or the dictionary would give it."""
    lemma = verb.lemma_.lower()
    if (published := released_material(verb, lemma)) is not None:
        return published.code  # "refused to release the report": a statement
    for vp in p.verbs.get(lemma, ()):
        if verb_matches(verb, vp):
            return vp.code
    return dictionary_code(verb, lemma, widen=False)[0]  # as the verb itself codes it


@BOOK.rule("coding", off=None)
def protest_aim(verb: Token, p: Patterns) -> str | None:
    """The protest code when a demand is the aim of a protest ("began a hunger strike
    to demand …" 142, "staged demonstrations to demand …" 141, "Egyptian
    demonstrators rioted demanding the removal of President Hosni Mubarak" 145): CAMEO
    codes the protest, the demand is what it is for."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
        return None
    head = verb.head
    for c in children(head):
        if c.dep_ == "dobj":
            lemma = c.lemma_.lower()
            if any(m.lower_ == "hunger" for m in children(c)) and lemma == "strike":
                return p.protest_aims.get("hunger strike")
            if lemma in p.protest_aims:
                return p.protest_aims[lemma]
    return p.protest_aims.get(head.lemma_.lower())


@BOOK.rule("coding")
def requested_code(code: str, verb: Token, p: Patterns) -> str:
    """An appeal or demand coded by what is asked for, as CAMEO does: "Britain urged
    Iran to release the sailors" 0253, "Germany demanded that Serbia withdraw its
    troops from Kosovo" 1056. Only the general codes (020, 100) are refined, by
    ``appeal_codes``/``demand_codes``. A demand that is the aim of a protest is the
    protest (``protest_aims``)."""
    c = cameo()[code]
    if c.root == "10" and (aim := protest_aim(verb, p)) is not None:
        return aim
    table = {"020": p.appeal_codes, "100": p.demand_codes}.get(code)
    if table is None:
        return code
    for a in children(verb):
        if a.dep_ in ("xcomp", "ccomp") and a.pos_ == "VERB":
            action = action_code(a, p)
            if action is not None and action in cameo():
                return table.get(action) or table.get(cameo()[action].root) or c.code
    return code


@BOOK.rule("coding", off=None)
def refusal(verb: Token, p: Patterns) -> tuple[str, Token] | None:
    """(code, refused action) of a refusal: refusing an action is rejecting it, as CAMEO
    codes it: "Russia refused to release the sailors" 1243, "Adam Rippon refused to meet
    with Mike Pence" 125 (``refusal_codes``; else 120). The action itself is negated;
    refusing a hostile action rejects no one ("China refused to criticise Russia"), nor
    does declining a statement or an appeal ("a spokesperson declined to comment")."""
    if verb.lemma_.lower() not in REFUSING:
        return None
    for a in children(verb):
        if a.dep_ == "xcomp" and a.pos_ in ("VERB", "AUX"):
            action = action_code(a, p)
            if action is None or action not in cameo():
                return "120", a
            root = cameo()[action].root
            if root >= "10" or root < "03":
                return None  # "refused to criticise Russia", "declined to comment": none
            return REFUSAL_CODES.get(action) or REFUSAL_CODES.get(root) or "120", a
    return None


@BOOK.rule("coding", off=None)
def announced_refusal(verb: Token, code: str, mode: str) -> str | None:
    """A yielding or cooperative action announced as not to be done is a refusal, as
    CAMEO codes it: "France will not lift the ban on British beef" 1241, "Slovakia will
    not accept the refugees" (the code by ``refusal_codes``); "did not lift" is only
    negated."""
    if mode != "future" or code not in cameo() or not any(
            c.dep_ == "neg" for c in children(verb)):
        return None
    root = cameo()[code].root
    if not "03" <= root <= "08":
        return None
    return REFUSAL_CODES.get(code) or REFUSAL_CODES.get(root) or "120"


@BOOK.rule("coding", off=None)
def failed_agreement(verb: Token, code: str) -> str | None:
    """Failing to reach an agreement rejects the other side's terms (``failed_agreement``,
    127), as the PLOVER coders read it: "Israelis and Palestinians failed to reach
    agreement on the offices", "the two sides failed to agree on the border"; "did not
    reach an agreement" is only negated, and "did not fail to agree" agrees."""
    if code not in cameo() or not (cameo()[code].root == _AGREEING_ROOT or code == _SIGNING):
        return None
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_.lower() not in FAILING \
            or any(c.dep_ == "neg" for c in children(head)):
        return None
    return FAILED_AGREEMENT


@BOOK.rule("coding")
def phone_call(code: str, verb: Token) -> str:
    """A call to someone is a consultation (040), not an appeal: "Donald Trump called
    Saudi Arabia's King Salman on Saturday, discussing ways to maintain supply"; an
    appeal is "called on/for", "called X to do" or "called X a liar" (not this rule)."""
    if verb.lemma_.lower() != "call" or not code.startswith(("02", "04")):
        return code
    if code.startswith("04"):
        return call_purpose(verb) or code
    kids = list(children(verb))
    if any(c.dep_ in ("prt", "oprd", "ccomp", "attr") for c in kids) or any(
            c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") and not any(
                o.ent_type_ in ("DATE", "TIME") for o in children(c)) for c in kids):
        return code  # "called on X to", "called for", "called X a liar"
    if (supported := called_to_support(verb, kids)) is not None:
        return supported
    objs = [c for c in kids if c.dep_ == "dobj" and (
        c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or c.pos_ == "PROPN")]
    if not objs or any(c.dep_ == "appos" for o in objs for c in children(o)):
        return code  # "called Britain's ambassador a very stupid guy"
    if any(c.dep_ == "xcomp" and c.lemma_.lower() not in CALL_PURPOSES for c in kids):
        return code
    return call_purpose(verb) or "040"


@BOOK.rule("coding", off=None)
def called_to_support(verb: Token, kids: list[Token]) -> str | None:
    """A call to anyone made to congratulate, thank or reassure them is the support it
    voices (051, ``senses.call_purpose``), whatever names the one called: "the Iranian
    president called his Lebanese counterpart, Michel Aoun, on Tuesday to assure him …"
    (ZSP half A: 020, the counterpart being no name; session 24). Not "called on X to
    reassure" nor "called for" (appeals, taken out before)."""
    if not any(c.dep_ == "dobj" for c in kids):
        return None
    return call_purpose(verb)


@BOOK.rule("coding")
def name_calling(code: str, verb: Token) -> str:
    """Calling someone an insult is criticism (111), not an appeal (02x) nor a call:
    "The minister called the mayor a dangerous liar", "Kenya called Uganda a rogue
    state" (the predicate of "call", or a word modifying it, among ``insults``), also
    parsed as an apposition: "called Gondor's envoy to Rohan a very stupid guy". Not
    "called Kenya a key partner", "called on Uganda to act", "called Kenya's envoy, a
    former general" (an apposition with no insult)."""
    objs = [c for c in children(verb) if c.dep_ in ("dobj", "oprd")]
    if verb.lemma_.lower() != "call" or not objs:
        return code
    said = [c for c in children(verb) if c.dep_ in ("oprd", "attr")] + [
        a for o in objs for a in children(o) if a.dep_ == "appos"
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in children(a))]
    for c in said:
        if ({c.lemma_.lower()} | {m.lemma_.lower() for m in children(c)
                                  if m.dep_ in ("amod", "compound")}) & INSULTS:
            return _CRITICISE
    return code


@BOOK.rule("coding")
def intended_code(code: str, kind: str | None, p: Patterns) -> str:
    """An action announced is an intention (03x), one threatened or a hostile one
    announced a threat (13x): "Spain will send medical aid to Morocco" 033, "Turkey
    threatened to cut diplomatic relations with Sweden" 1313, "Brazil said it would
    impose tariffs on Argentina" 1312."""
    c = cameo()[code]
    if kind == "threat" and c.root != "13":
        return p.threat_codes.get(code) or p.threat_codes.get(c.root) or "130"
    if kind == "intent":
        table = p.threat_codes if c.root in HOSTILE_ROOTS else p.intent_codes
        return table.get(code) or table.get(c.root) or code
    return code


@BOOK.rule("coding", off=True)
def dictionary_dyad(e: Event, specific: bool) -> bool:
    """Whether a dictionary verb's event is kept: a dyad of two actors, one of them with
    a country and the other with a country or known in part (an unlinked name, "gunmen",
    "protesters" — the event is kept with what is known), not an actor acting on itself
    ("Ken McCallum took over the Security Service" by its own director); a verb+object
    pattern may code its source alone ("Sudan lifted the curfew"). Not "John Miller
    praised Sarah Jones"."""
    s, t = e.source_actor, e.target_actor
    if s is None:
        return False
    if t is None:
        return specific and bool(s.country)
    if not (s.country or t.country):
        return False
    return not (s.code and s.code == t.code)


# Roots of actions that are done to someone whether or not an actor is named as the one
# they are done to: disapprove, reject, threaten, coerce, assault, fight, mass violence.
UNNAMED_TARGET_ROOTS = frozenset({"11", "12", "13", "17", "18", "19", "20"})
NOT_UNNAMED_TARGETS = frozenset(load_toml("event_patterns.toml")["coverage"][
    "not_unnamed_targets"])


@BOOK.rule("coding", off=False)
def unnamed_target(verb: Token, code: str) -> bool:
    """Whether a dictionary verb's hostile action is kept with an unknown target when
    what it is aimed at is no actor: "Syrian government missiles struck a rebel-held
    area near the frontier" (190 SYRMIL → ?), "Pretorian police detained a man on
    Tuesday" (173), "Gondor rejected the referendum" (120): the action is one whoever
    suffered it. Only for the roots of ``UNNAMED_TARGET_ROOTS``, and only with an object
    or a prepositional object the action is aimed at; cooperative ones need the one they
    are for ("Germany provided aid" to no one named is not kept); not in a relative
    clause ("the embargo it has imposed on the island" describes the embargo), nor
    under a modal ("McCallum will challenge the assumption that …": no one), nor on an
    object of ``not_unnamed_targets`` ("Sunak struck a more conciliatory tone",
    "Russia blocked aid": to whom?). The
    record keeps the confidence of an unknown target (hidden by default)."""
    if verb.dep_ == "relcl" or code not in cameo() or cameo()[
            code].root not in UNNAMED_TARGET_ROOTS or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in children(verb)):
        return False
    aimed = [c for c in children(verb) if c.dep_ in ("dobj", "attr")] + [
        o for c in children(verb) if c.dep_ == "prep" for o in children(c) if o.dep_ == "pobj"]
    return bool(aimed) and not any(o.lemma_.lower() in NOT_UNNAMED_TARGETS for o in aimed)


_COVERAGE = load_toml("event_patterns.toml")["coverage"]
SAYING = frozenset(_COVERAGE["saying"])
OBLIGING = frozenset(_COVERAGE["obliging"])


@BOOK.rule("coding", off=None)
def said_must(verb: Token) -> str | None:
    """A demand (100, refined by what is demanded) when a speaker says that another
    actor must act: "Russia says Israel must end attacks on Syria" (1056 RUS → ISR, the
    one who must act is the target); not when the speaker is the one who must ("Egypt
    said it must respond").
    """
    if verb.lemma_.lower() not in SAYING:
        return None
    for c in children(verb):
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGING
                                     for a in children(c)) and any(
                s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in (
                    "it", "we", "i", "he", "she", "they") for s in children(c)):
            return "100"
    return None


def same(a: ActorRef, b: ActorRef) -> bool:
    """Whether two sides are one actor."""
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.name == b.name


@BOOK.rule("coding")
def one_known_side(pairs: list[Pair]) -> list[Pair]:
    """An actor-less pair codes nothing: one side at least must be an actor with a
    country or a named one (a linked mention, if unknown to the gazetteer); agents of
    no known country alone are none ("Protesters clashed with police")."""
    return [(s, t) for s, t in pairs if any(a and (a.country or a.actor_id) for a in (s, t))]


@BOOK.rule("coding")
def own_country_visit(pairs: list[Pair], c: Code) -> list[Pair]:
    """A visit needs a visitor, and one to (or a welcome in) one's own country is
    none: "Vladimir Putin arrived in Moscow on Monday"."""
    if c.root == "04" and c.code[:3] in ("042", "043"):
        return [(s, t) for s, t in pairs if s and not (
            t and s.country and s.country == t.country)]
    return pairs


@BOOK.rule("coding", off=[])
def each_with_other(sources: list[ActorRef], code: str) -> list[Pair]:
    """Coordinated actors with no target do a reciprocal action with each other:
    "Xi Jinping and Vladimir Putin agreed to deepen ties", "the two leaders spoke";
    but "Xi and Putin oppose interference" is not one opposing the other."""
    if cameo()[code].root not in RECIPROCAL_ROOTS and code != FAILED_AGREEMENT:
        return []  # an agreement the two failed to reach each rejects (failed_agreement)
    return [(s, t) for s in sources for t in sources if not same(s, t)]


def pairs(code: str, c: Code, sources: list[ActorRef], targets: list[ActorRef]
          ) -> list[Pair]:
    """The (source, target) pairs an event with code ``c`` is coded for (``code``:
    the code before an intention refined it)."""
    if len(sources) > 1 and not targets:
        return each_with_other(sources, code)
    src: list[ActorRef | None] = list(sources) or [None]
    tgt: list[ActorRef | None] = list(targets) or [None]
    out = [(s, t) for s in src for t in tgt if not (s and t and same(s, t))]
    return own_country_visit(one_known_side(out), c)


@BOOK.rule("coding", off=None)
def one_side_allowed(code: str) -> bool | None:
    """Whether an event may have an unknown side: a protest or a statement names its
    source alone ("Students rallied in Dhaka"), a yielding act too ("Sudan lifted the
    curfew"); an attack or an accusation with an unknown side ("Two service members
    were killed in a helicopter crash", "Biden withdrew") is kept below the default
    min_confidence (``one_side_hidden``)."""
    return code[:2] in _ONE_SIDE or code in _ONE_SIDE


@BOOK.rule("coding", off=False)
def no_country_side(s: ActorRef | None, t: ActorRef | None, guessed: set[int]) -> bool:
    """An event with no side the text places in a country is kept below the default
    min_confidence: mostly people and companies outside politics ("Smith agreed",
    "SoftBank agreed to inject $6.5 billion into WeWork", "Tim Cook visited
    Salesforce's conference"), or a person and an agent given the article's country
    ("Steenburgen sent her songs to a music lawyer")."""
    return not any(a is not None and a.country and id(a) not in guessed for a in (s, t))


def confidence(pair: Pair, evidence: str, code: str, guessed: set[int],
               doubted: bool = False) -> float:
    """How likely the event is right, by what coded it and how well its sides are known
    (``[confidence]`` of ``event_patterns.toml``, measured on the tuning data);
    ``guessed``: the agents whose country is only the article's focus (by id);
    ``doubted``: an action supposed, wished or predicted, or told in a relative clause
    or a clause that dates another (``doubted``)."""
    s, t = pair
    row = _CONFIDENCE[evidence]
    if no_country_side(s, t, guessed):
        known = min(row[1], ONE_SIDE_HIDDEN)
    elif s is None or t is None:
        known = min(row[2], ONE_SIDE_HIDDEN) if one_side_allowed(code) is False else row[2]
    else:
        known = row[0] if s.country and t.country and not guessed_country(s, t, guessed) \
            else row[1]
    # a doubt caps the confidence, never raises it: "Russia is likely to attack" with no
    # side in a country stays at one_side_hidden, not doubted's 0.25
    return float(min(known, DOUBTED) if doubted else known)


@BOOK.rule("coding", off=False)
def guessed_country(s: ActorRef, t: ActorRef, guessed: set[int]) -> bool:
    """A side whose country is only the article's focus is not named in a country (the
    second row of ``[confidence]``, not the first): "Protests spread across China. In
    Shanghai the police cracked down on British journalists" (CHNCOP guessed)."""
    return id(s) in guessed or id(t) in guessed


Links = dict[int, tuple[float, str, str]]  # id of a side: (link confidence, via, type)


@BOOK.rule("coding", off=None)
def weak_link(pair: Pair, links: Links) -> float | None:
    """An event is no surer than the links that name its sides: "Hospitals in Belgium
    treated Syrian refugees" (Belgium a place, linked at ``state_as_place``), "the Iranian
    president called his counterpart" in a text of no date (the latest holder, linked at
    ``role_latest``) are kept below the default min_confidence. A pronoun's link is
    left to ``pronoun_side``. None: no side named by a mention."""
    confs = [links[id(a)][0] for a in pair if a is not None and id(a) in links
             and not links[id(a)][1].startswith("pronoun")]
    return min(confs) if confs else None


@BOOK.rule("coding", off=None)
def pronoun_side(pair: Pair, links: Links) -> float | None:
    """A side known only through a pronoun that is not the subject of the sentence's main
    verb makes the event no surer than ``pronoun_side``: "Trump pointed to the former
    mayor's contributions to the politicians supporting him" (him: the mayor, resolved
    to Trump), "The duchess revealed that she reached out to a friend" (she: resolved to
    the interviewer) are kept below the default min_confidence. The main subject keeps
    its confidence: "He urged Mr. Trump to make a deal" (the topic continued; on the
    tuning pages such sides were right 6 of 7, the others 8 of 11), as does a subject
    standing for the only actor of its type named before it in the sentence ("The
    Israeli military says it has opened an investigation"; ``Actors.sole_antecedent``).
    None: no such side."""
    return PRONOUN_SIDE if any(a is not None and links.get(id(a), (1, "", ""))[1] == "pronoun"
                               for a in pair) else None
