"""Whether an event happened as told: negated ("has not condemned", "stops short of
offering"), only talked about ("discussed removing the sanctions"), or in the
future, hypothetical or intended ("will visit", "could attack", "plans to meet")."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.patterns import Patterns
from dossier.events.syntax import governor
from dossier.parse.tree import children

# How many verbs (the trigger and its governors) lend it their modality or intention:
# "will try to visit" (the trigger and two above it), set by hand.
MODALITY_CHAIN = 3
# How many governors up a wish or a question is looked for ("hopes that it can finish
# hammering out …": three verbs above the trigger), set by hand.
WISH_CLIMB = 4
_PRECISION = load_toml("event_patterns.toml")["precision"]
WISHES = frozenset(_PRECISION["wishes"])
NEGATING_NOUNS = frozenset(_PRECISION["negating_nouns"])
STANCES = frozenset(_PRECISION["stances"])
PREDICTIONS = frozenset(_PRECISION["predictions"])
HEDGES = frozenset(_PRECISION["hedges"])
ABILITY_AUX = frozenset(_PRECISION["ability_auxiliaries"])
ABILITIES = frozenset(_PRECISION["abilities"])
ELECTION_VERBS = frozenset(_PRECISION["election_verbs"])
OFFICE_VERBS = frozenset(_PRECISION["office_verbs"])
OFFICE_WORDS = frozenset(_PRECISION["office_words"])
HABITUAL = frozenset(_PRECISION["habitual"])
# Links up which a clause lends its governor's wish or question.
_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "pcomp", "acl", "advcl", "pobj", "prep"})


@BOOK.rule("modality", off=False)
def not_word(verb: Token) -> bool:
    """A negation on the trigger: "President Xi has not publicly condemned Russia"."""
    return any(c.dep_ == "neg" for c in children(verb))


@BOOK.rule("modality", off=False)
def no_determiner(noun: Token, light: Token) -> bool:
    """A nominal event negated on its light verb or by "no": "Egypt did not launch an
    investigation into the attack", "The US has no sanctions against Iran"."""
    return any(c.dep_ == "neg" for c in children(light)) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in children(noun))


@BOOK.rule("modality", off=False)
def negated_governor(verb: Token, anc: Token) -> bool:
    """A negation on the verb that governs the trigger as its complement or its
    purpose: "did not agree to meet"; "Algerian landowners did not begin a hunger
    strike to demand reforms"."""
    return any(c.dep_ == "neg" for c in children(anc)) and anc.pos_ in ("AUX", "VERB") \
        and anc.i == verb.head.i and (verb.dep_ in ("xcomp", "ccomp") or (
            verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in children(verb))))


@BOOK.rule("modality", off=False)
def negating_governor(anc: Token, p: Patterns) -> bool:
    """A governor that takes the event back (``negating``): "China refused to
    criticise Russia", "China stops short of offering weapons to Russia"."""
    return anc.lemma_.lower() in p.negating


@BOOK.rule("modality", off=True)
def negation_scope(child: Token, anc: Token) -> bool:
    """A verb that takes back what it governs takes back its complement only, and not
    when it is itself negated: "The party does not deny that the bill is flawed, but is
    demanding it be passed" (the demand stands); "Sudan will halt its obstruction and
    cooperate" (the cooperation stands)."""
    return child.dep_ != "conj" and not any(c.dep_ == "neg" for c in children(anc))


@BOOK.rule("modality", off=False)
def negating_noun(anc: Token) -> bool:
    """A noun that takes back the action it governs: "Pakistan was criticised for its
    failure to crack down on extremists" (no crackdown), "their refusal to withdraw"."""
    return anc.pos_ == "NOUN" and anc.lemma_.lower() in NEGATING_NOUNS


def negated(verb: Token, p: Patterns) -> bool:
    """Whether the event of ``verb`` is negated."""
    if not_word(verb):
        return True
    if verb.pos_ in ("NOUN", "PROPN"):
        # a nominal event takes the negation of the verb it is the object of
        g = governor(verb)
        if g.i != verb.i and g.pos_ in ("VERB", "AUX"):
            if no_determiner(verb, g):
                return True
            return negated(g, p)
    child = verb
    for anc in verb.ancestors:
        if negated_governor(verb, anc) or (negation_scope(child, anc) and (
                negating_governor(anc, p) or negating_noun(anc))):
            return True
        if anc.dep_ == "ROOT":
            break
        child = anc
    return False


def governors(verb: Token, links: frozenset[str] = _CLAUSE_LINKS, climb: int = WISH_CLIMB
              ) -> list[Token]:
    """The verbs and nouns whose clause ``verb`` is in, nearest first (up a chain of
    ``links`` — complements, purposes and noun clauses —, not past a relative clause)."""
    out = []
    v = verb
    for _ in range(climb):
        if v.dep_ not in links and v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
        out.append(v)
    return out


@BOOK.rule("modality", off=False)
def wish_clause(verb: Token) -> bool:
    """An action hoped, wished, planned or attempted is intended, not done: "The United
    States hopes that it can finish the talks with Iran", "blocked aid in an attempt to
    force the U.S. to abandon the base" (``wishes``)."""
    return any(g.lemma_.lower() in WISHES or g.lower_ in WISHES for g in governors(verb))


@BOOK.rule("modality", off=False)
def question_clause(verb: Token) -> bool:
    """An action asked about is hypothetical: "The minister dodged questions on whether
    he would continue taking handouts from China", "asked whether Russia attacked"."""
    return any(c.dep_ == "mark" and c.lower_ == "whether"
               for v in (verb, *governors(verb)) for c in children(v))


@BOOK.rule("modality", off=False)
def prediction(verb: Token) -> bool:
    """An action foretold is hypothetical: "Russia is likely to attack Ukraine", "China
    is expected to sanction the firms", "poised to invade" (``predictions``)."""
    return any(g.lemma_.lower() in PREDICTIONS or g.lower_ in PREDICTIONS
               for g in governors(verb))


@BOOK.rule("modality", off=False)
def ability(verb: Token) -> bool:
    """An action one can do is not done: "Chinese firms can bid for contracts with the
    Pentagon", "Iran is able to strike Israel" (``ability_auxiliaries`` on the trigger,
    ``abilities`` governing it): hypothetical. Not "Chinese firms bid for contracts"."""
    return any(c.dep_ == "aux" and c.lower_ in ABILITY_AUX for c in children(verb)) \
        or any(g.lemma_.lower() in ABILITIES for g in governors(verb))


@BOOK.rule("modality", off=False)
def hedged(verb: Token) -> bool:
    """An action told with a hedge is supposed, not known: "Iran perhaps supplied drones
    to Russia", "Russia allegedly attacked the port" (``hedges``, on the trigger or on
    the verbs that govern it)."""
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES
               for v in (verb, *governors(verb)) for c in children(v))


def _chain(verb: Token) -> list[Token]:
    """The trigger and the verbs above it that lend it their modality (up to
    ``MODALITY_CHAIN``, not across a relative clause)."""
    chain = [verb]
    v = verb
    while len(chain) < MODALITY_CHAIN and v.dep_ not in ("relcl", "acl", "ROOT") \
            and v.head.i != v.i:
        v = v.head
        chain.append(v)
    return chain


def _office_condition(clause: Token) -> bool:
    """Whether an "if" clause is one of gaining office: "if elected", "if he wins the
    election", "if he wins", "if she becomes president"."""
    lemma = clause.lemma_.lower()
    if lemma in ELECTION_VERBS or clause.lower_ in ELECTION_VERBS:
        return True
    if lemma == "win" and not any(c.dep_ == "dobj" for c in children(clause)):
        return True  # "if he wins"
    return lemma in OFFICE_VERBS and any(t.lemma_.lower() in OFFICE_WORDS
                                         for t in clause.subtree if t.i != clause.i)


@BOOK.rule("modality", off=False)
def election_condition(verb: Token) -> bool:
    """An action promised on the condition of gaining office is a campaign pledge, no
    event (hypothetical, below the floor): "If elected, Trump will impose tariffs on
    China", "Biden will meet Putin if he wins the election" (``election_verbs``,
    ``office_verbs`` with ``office_words``). Not a condition on another's act ("The US
    will impose sanctions on Iran if it attacks Israel": a threat), nor "after he won
    the election" (no condition)."""
    return any(c.dep_ == "advcl" and _office_condition(c) and any(
        m.dep_ == "mark" and m.lower_ == "if" for m in children(c))
        for v in _chain(verb) for c in children(v))


@BOOK.rule("modality", off=False)
def habitual(verb: Token) -> bool:
    """An action told as what an actor does as a rule, or has long done, is a
    description, no event (kept below the default ``min_confidence``): "China typically
    sends aid to African countries", "Iran usually condemns Israel after such attacks",
    "China has long supported Pakistan" (``habitual``, on the trigger or a verb that
    governs it). Not "China sent aid to Kenya on Monday", nor "as long as" (a
    condition: "Russia is willing to withdraw its troops as long as NATO withdraws")."""
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL
               and not (c.i > 0 and c.doc[c.i - 1].lower_ in ("as", "so"))  # "as long as"
               for v in (verb, *governors(verb)) for c in children(v))


@BOOK.rule("modality", off="asserted")
def modality(verb: Token, p: Patterns) -> str:
    """future ("Liz Truss will call on Rishi Sunak to stand firm"), hypothetical
    ("Russia could attack Ukraine again", "If China invades Taiwan, the US would
    respond"), intended ("plans to meet") or asserted: from the verb and up to two
    governors, not across a relative clause (the modality of "something they have
    been accused of" is not that of the clause it hangs on)."""
    if election_condition(verb):
        return "hypothetical"
    chain = _chain(verb)
    for v in chain:
        for c in children(v):
            if c.dep_ in ("aux", "auxpass") and c.lower_ in p.future:
                return "future"
            if c.dep_ in ("aux", "auxpass") and c.lower_ in p.hypothetical:
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ == "if":
                return "hypothetical"
        if v is not verb and v.lemma_.lower() in p.intent:
            return "intended"
    if question_clause(verb) or prediction(verb) or hedged(verb):
        return "hypothetical"
    if wish_clause(verb):
        return "intended"
    if ability(verb):  # after a wish: "hopes that Iran can attack Israel" is intended
        return "hypothetical"
    return "asserted"


@BOOK.rule("modality", off=False)
def speculative(verb: Token, mode: str, kind: str | None, root: str) -> bool:
    """An action only supposed, wished, predicted or aimed at is no event the record can
    stand by (kept below the default ``min_confidence``): "whether the United States and
    China could agree", "Russia is likely to attack Ukraine", "Trump has been eager to
    withdraw". An announced or reported intention stays ("Spain will send aid", "said it
    would free the prisoners": CAMEO's 03x), a threat too, and a protest's aim."""
    if prediction(verb) or election_condition(verb):
        return True
    if mode == "hypothetical":
        return kind != "intent" or any(c.dep_ == "mark" and c.lower_ == "if"
                                       for v in (verb, *governors(verb)) for c in children(v))
    if mode != "intended" or kind == "threat" or root == "14":
        return False
    return any(g.lemma_.lower() in STANCES or g.lower_ in STANCES for g in governors(verb))


@BOOK.rule("modality", off=None)
def intention(verb: Token, p: Patterns) -> str | None:
    """ "threat" for an action threatened ("Turkey threatened to cut diplomatic
    relations", "will withdraw … unless"), "intent" for one announced or intended
    ("Spain will send medical aid", "Syria says it is willing to withdraw", "plans to
    meet"), else None."""
    v = verb
    kind: str | None = None
    for _ in range(MODALITY_CHAIN):
        for c in children(v):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in children(c)):
                return "threat"
            if c.dep_ == "aux" and (c.lower_ in p.future or (
                    c.lower_ == "would" and v.dep_ == "ccomp"
                    and v.head.lemma_.lower() in p.reporting)):
                # "will visit"; "said they would meet": the future of reported speech
                kind = kind or "intent"
        if v is not verb:
            if v.lemma_.lower() in p.threatening:
                return "threat"
            if v.lemma_.lower() in p.intent:
                kind = kind or "intent"
        if v.dep_ not in ("xcomp", "acomp") or v.head.i == v.i:
            break
        v = v.head
    return kind


@BOOK.rule("modality", off=False)
def unasserted(verb: Token, p: Patterns) -> bool:
    """An action only talked about is no event: "Officials discussed removing the
    sanctions on Cuba", "Britain urged Iran to release the sailors" (the appeal is the
    event, coded on its own verb)."""
    if verb.dep_ not in ("xcomp", "pcomp", "ccomp", "dobj"):
        return False
    g = governor(verb).lemma_.lower()
    return g in p.unasserting and g not in p.intent and g not in p.threatening


@BOOK.rule("modality", off=False)
def unasserted_noun(noun: Token, p: Patterns) -> bool:
    """A nominal event under such a verb is not in force: "Senegal called for
    sanctions against Mali to be removed", "Israel and Lebanon called for
    negotiations"."""
    return governor(noun).lemma_.lower() in p.unasserting
