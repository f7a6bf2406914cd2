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
from dataclasses import replace
from datetime import date
from weakref import ref

from spacy.tokens import Doc, Span, Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.patterns import patterns
from dossier.events.syntax import verb_of
from dossier.parse.tree import children
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
VERBAL_ATTACK = frozenset(_P["verbal_attack_words"])
VERBAL_SECTORS = frozenset(_P["verbal_sectors"])
STATE_SECTORS = frozenset(_P["state_sectors"])
FIGURATIVE = frozenset(tuple(f.split(" ")) for f in _P["figurative"])
_FIGURATIVE_VERBS = frozenset(f[0] for f in FIGURATIVE)  # (any other verb: no phrase)
TIME_MARKS = frozenset(_P["time_marks"])
STANCE_VERBS = frozenset(_P["stance_verbs"])
PURPOSE_CONTROL = frozenset(_P["purpose_control"])
OWNED = frozenset(_P["owned"])
LINK_LABELS = frozenset(_P["link_labels"])
FOREIGN = frozenset(_P["foreign"])
REFUSING = frozenset(_P["refusing"])
COMMERCIAL_OBJECTS = frozenset(_P["commercial_objects"])
PRODUCT_VERBS = frozenset(_P["product_verbs"])
PRODUCTS = frozenset(_P["products"])
JUDGING = frozenset(_P["judging"])
INSURGENT_BEFORE = {k: (v[0], date.fromisoformat(v[1]))
                    for k, v in _P["insurgent_before"].items()}

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
        n.dep_ == "nummod" for n in (*children(tok), *children(c))) for c in children(tok))


@BOOK.rule("precision", off=False)
def owned_thing(tok: Token) -> bool:
    """A relative, a business or a belonging of an actor named as its owner is not that
    actor: "Putin's daughter met the Chinese ambassador" (not Putin), "Trump's company
    sued the city", "Russia's economy hit China hard" (``owned``)."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in OWNED or tok.lower_ in OWNED)


@BOOK.rule("precision", off=False)
def foreign(tok: Token) -> bool:
    """An agent called foreign or other is not of the country the article is about:
    "the president's phone calls with other foreign leaders" (no country, not the
    article's Ukraine), "foreign troops attacked the village" (``foreign``)."""
    return any(c.dep_ == "amod" and c.lower_ in FOREIGN for c in children(tok))


@BOOK.rule("precision", off=False)
def link_line(sent: Span) -> bool:
    """A line that labels a link to another story is page furniture, not news: "SEE
    MORE: Hong Kong protests: 800 students under siege", "Read more: Russia attacks
    Kyiv" (``link_labels`` before a colon)."""
    words = [t.lower_ for t in sent[:4]]
    if ":" not in words:
        return False
    return " ".join(words[:words.index(":")]) in LINK_LABELS


@BOOK.rule("precision", off=False)
def bar_line(sent: Span, text: str) -> bool:
    """A line of headlines set apart by vertical bars is a list of links, page furniture:
    "Hillicon Valley: Progressives oppose funding bill | Senators call for 5G security
    coordinator | Facebook gets questions over location tracking" (no news sentence
    holds a bar: none on ZSP, the GSR or PETRARCH2's tests). ``text``: the doc's (the
    sentence's own ``sent.text`` is built from its tokens at each call)."""
    return "|" in text[sent.start_char : sent.end_char]


@BOOK.rule("precision", off=False)
def place_modifier(tok: Token, is_state_name: Callable[[str], bool]) -> bool:
    """A place that is not a state, modifying a noun that is no agent, is where that
    thing is, not whose: "Shamir opposed the Madrid peace talks" (not Spain), "the Minsk
    agreements"; "Beijing police" (an agent) and "Palestinian homes" (a country word)
    are coded."""
    return any(c.dep_ in ("compound", "nmod") and c.ent_type_ in _PLACES and c.i < tok.i
               and not is_state_name(c.text) for c in children(tok))


@BOOK.rule("precision", off=False)
def sports_sentence(sent: Span, s: ActorRef | None, t: ActorRef | None) -> bool:
    """A sentence about sport makes no political event, whatever its verbs: "Herbert and
    Mahut rallied to defeat McLachlan and Uchiyama 6-7, 6-4, 7-5 in the deciding doubles
    match, giving France a 2-1 victory", "Brazil and Argentina clashed in the Copa America
    final" (a score or a noun of ``sports_words``) — unless
    the state's apparatus acts ("Nigerian authorities jailed 52 members of MASSOB for
    playing in a football tournament")."""
    if any(a is not None and a.sector in STATE_SECTORS for a in (s, t)):
        return False
    return _sporting(sent)


# the sentences :func:`_sporting` read, by their bounds, of the document last asked
# about (a weak reference: no document outlives its article here)
_SPORTING: tuple[Callable[[], Doc | None], dict[tuple[int, int], bool]] = (lambda: None, {})


def _sporting(sent: Span) -> bool:
    """Whether ``sent`` holds a score or a sports word: read once per sentence (the
    events stage asks for each event a sentence gives)."""
    global _SPORTING
    last, found = _SPORTING
    if last() is not sent.doc:
        found = {}
        _SPORTING = (ref(sent.doc), found)
    key = (sent.start, sent.end)
    hit = found.get(key)
    if hit is None:
        # (a noun, or a word the tagger calls an adjective where a noun goes: "in the Copa
        # America final")
        hit = found[key] = any(
            _SCORE.match(w.text) is not None or ((w.pos_ in ("NOUN", "PROPN") or w.dep_ in (
                "pobj", "nsubj", "dobj")) and (w.lemma_.lower() in SPORTS_WORDS
                                               or w.lower_ in SPORTS_WORDS)) for w in sent)
    return hit


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
    out their differences", "a spokesman declined to comment" (no rejection). A blow
    threatened is force threatened: "Al-Qaeda threatened to deliver devastating blows to
    the United States" stays a threat (the complement of ``threatening``)."""
    lemma = verb.lemma_.lower()
    if lemma not in _FIGURATIVE_VERBS:
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in patterns().threatening:
        return False
    for c in children(verb):
        if c.dep_ in ("prt", "dobj", "xcomp") and ((lemma, c.lower_) in FIGURATIVE
                                          or (lemma, c.lemma_.lower()) in FIGURATIVE):
            return True
        if c.dep_ == "prep" and any((lemma, c.lower_, o.lemma_.lower()) in FIGURATIVE
                                    for o in children(c) if o.dep_ == "pobj"):
            return True
    return False


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
        c.dep_ in ("dobj", "ccomp", "nsubjpass", "auxpass", "agent") for c in children(verb))


@BOOK.rule("precision", off=False)
def press_audience(root: str, t: ActorRef | None) -> bool:
    """Speaking to the press is no consultation: "Speaking to reporters in Kuala Lumpur,
    Erdogan reiterated Turkey's support", "Putin met journalists in Moscow" (a
    consultation, 04, whose target is the media)."""
    return root == "04" and t is not None and t.sector == "MED"


INTERVIEWS = frozenset(_P["interview_nouns"])


@BOOK.rule("precision", off=False)
def interview_given(root: str, trigger: Token) -> bool:
    """Speaking "in an interview" gives the interview, it consults no one: "Joe Biden
    spoke to Wikinews in an interview", "told a podcast in an interview" (a
    consultation, 04, with "in" or "during" on ``interview_nouns``) — not "Biden
    spoke to Putin by phone", "met Putin in Geneva", "met Putin at a conference"."""
    return root == "04" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in INTERVIEWS for o in children(c))
        for c in children(trigger))


@BOOK.rule("precision", off=False)
def press_refusal(trigger: Token, t: ActorRef | None) -> bool:
    """Declining to speak to the press rejects no one: "The Pentagon refused to discuss
    the matter with reporters", "The White House declined a request for comment from
    Reuters" (a verb of ``refusing`` whose target is the media)."""
    return t is not None and t.sector == "MED" and trigger.lemma_.lower() in REFUSING


def _clause_verb(trigger: Token) -> Token:
    """The verb of the trigger's clause (the trigger itself if a verb)."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    return verb_of(trigger) or trigger


@BOOK.rule("precision", off=False)
def before_after(trigger: Token) -> bool:
    """An action in a clause that dates another is background, not the news (kept
    below the default ``min_confidence``): "The ceasefire collapsed after Israel
    attacked Hamas positions", "Relations have been frozen since Russia annexed Crimea"
    (``time_marks``); a past "when" clause in a sentence told in the present: "They
    worry about the freedoms given to Hong Kong when the UK returned the territory to
    China" (but "Two people were killed when ISIL attacked the embassy" is news)."""
    v = _clause_verb(trigger)
    if v.dep_ != "advcl":
        return False
    marks = {m.lower_ for m in children(v) if m.dep_ in ("mark", "advmod")}
    if marks & TIME_MARKS:
        return True
    root = v.sent.root
    return "when" in marks and v.tag_ == "VBD" and root.tag_ in ("VBP", "VBZ") and not any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in children(root))


@BOOK.rule("precision", off=False)
def trained_for(trigger: Token) -> bool:
    """What one is trained, armed or paid to do is a purpose, not yet done (kept below
    the default ``min_confidence``): "The U.S. military has been training the Syrian
    opposition forces to fight against Islamic State", "Iran paid Hamas to attack
    Israel" (``purpose_control``; the training or the payment is the event)."""
    v = _clause_verb(trigger)
    return v.dep_ in ("advcl", "xcomp") and v.head.i != v.i \
        and v.head.lemma_.lower() in PURPOSE_CONTROL \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(v))


@BOOK.rule("precision", off=False)
def private_stance(trigger: Token, s: ActorRef | None) -> bool:
    """A stance held by a private person told by a pronoun, or by no one named, is no
    political event: "When John Miller was stopped, he told police he supported Trump"
    (``stance_verbs``; a source of no office and no organisation, the subject a
    pronoun) — not "Former governor Ed Rendell praised Sanders"."""
    if trigger.lemma_.lower() not in STANCE_VERBS:
        return False
    if s is None:
        return True
    if s.code or s.sector or s.country or not (s.actor_id or "").startswith("local:person"):
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in children(trigger))


@BOOK.rule("precision", off=False)
def judged_act(trigger: Token) -> bool:
    """An action in the "to" clause of a verb of judging or welcoming is the one judged
    or invited, not done by the judge, nor done yet (kept below the default
    ``min_confidence``): "Mike Murphy praised the efforts of a donor to attack Donald
    Trump" (not Murphy), "The Foreign Office welcomed Putin to mediate between India
    and Pakistan" (``judging``). Not "Murphy went to Iowa to attack Trump", nor "Putin
    praised Xi" (the praise is the event)."""
    v = _clause_verb(trigger)
    return v.dep_ in ("advcl", "xcomp", "ccomp") and v.head.i != v.i \
        and v.head.lemma_.lower() in JUDGING \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(v))


# The sectors of an office named beside a person's age ("Jane Doe, 45, a senator").
OFFICES = STATE_SECTORS | {"PTY"}
# The largest number read as a person's age after their name ("Marvin Teske, 53,").
OLDEST = 110


@BOOK.rule("precision", off=False)
def vox_pop(trigger: Token, s: ActorRef | None) -> bool:
    """A stance of a person the article introduces by their age is a voter's or a
    passer-by's, no political event: "Marvin Teske, 53, a security guard at a Reno
    casino, is backing Hillary Clinton" (``stance_verbs``; a person of no office, code
    or country named in the sentence with an age in apposition) — not "Senator Lindsey
    Graham, 68, praised Israel" (coded) nor "Marvin Teske praised Israel"."""
    if s is None or trigger.lemma_.lower() not in STANCE_VERBS or s.code or s.sector \
            or s.country or not (s.actor_id or "").startswith("local:person"):
        return False
    last = s.name.split()[-1] if s.name.split() else ""
    agents = patterns().agents
    for t in trigger.sent:
        kids = children(t) if t.text == last else ()
        if not any(c.dep_ == "appos" and c.text.isdigit() and int(c.text) <= OLDEST
                   for c in kids):
            continue
        # "Senator Lindsey Graham, 68", "Jane Doe, 45, a Republican senator": an office
        return not any((c.dep_ == "compound" and c.ent_type_ != "PERSON") or (
            c.dep_ == "appos" and any(agents.get(w.lemma_.lower()) in OFFICES
                                      for w in c.subtree))
            for c in kids)
    return False


_CONSULT = "04"


@BOOK.rule("precision", off=False)
def topic_object(tok: Token, verb: Token, code: str) -> bool:
    """What a consultation is about is no side of it when the one consulted follows
    "with": "Erdogan discussed Libya with Donald Trump" (→ Trump, not Libya). "Erdogan
    discussed the crisis with Trump" has no such object; "Erdogan met Trump" keeps
    Trump."""
    return code.startswith(_CONSULT) and tok.dep_ == "dobj" and tok.head.i == verb.i \
        and any(c.dep_ == "prep" and c.lower_ == "with"
                and any(o.dep_ == "pobj" for o in children(c)) for c in children(verb))


# Forms of a verb that tell a fact ("is mounting", "has mounted", "mounts", "mounted"),
# and the auxiliaries that make it an obligation all the same ("must stop").
_TOLD = frozenset({"VBZ", "VBD", "VBG", "VBN"})
OBLIGING = frozenset({"must", "should", "shall", "need"})
# ... and those that tell what will or may be ("insist that Trump will win").
FORETELLING = frozenset({"will", "would", "'ll", "wo", "can", "could", "may", "might"})


@BOOK.rule("precision", off=False)
def claimed_clause(clause: Token) -> bool:
    """A clause told as a fact is a claim, not what is asked: "Clinton insists Sanders
    is mounting a phony attack" (no demand on Sanders), "officials insist that Ward will
    win"; "Germany demanded that Serbia
    withdraw its troops" and "insisted that Iran must stop" ask (a verb in its base
    form, or one of ``OBLIGING``)."""
    kids = children(clause)
    if any(c.tag_ in ("WRB", "WP", "WDT") or c.lower_ in ("whether", "if") for c in kids):
        return False  # a question ("asked why Russia had withdrawn"): frames.interview_question
    aux = {c.lower_ for c in kids if c.dep_ == "aux"}
    return not aux & OBLIGING and (clause.tag_ in _TOLD or bool(aux & FORETELLING))


@BOOK.rule("precision", off=None)
def insurgent_before(a: ActorRef | None, on: date | None) -> ActorRef | None:
    """An armed group the gazetteer codes as the government it became is coded as the
    insurgents it was before that day: "The Taliban attacked a police checkpoint in
    Kandahar" in 2019, or undated, is AFGREB (``insurgent_before``)."""
    if a is None or a.actor_id not in INSURGENT_BEFORE:
        return None
    code, since = INSURGENT_BEFORE[a.actor_id]
    if on is not None and on >= since:
        return None
    return replace(a, code=code, country=code[:3], sector=code[3:])



_OBJECTS = frozenset({"dobj", "nsubjpass"})


@BOOK.rule("precision", off=False)
def commercial_object(verb: Token) -> bool:
    """Commerce, or a product passed by a regulator or put on the market, is no
    political event: "The Pentagon awarded a $2 billion contract to Lockheed Martin"
    (``commercial_objects``); "The FDA approved Pfizer's vaccine for children", "Ford
    unveiled the Mach E", "the device was cleared" (``product_verbs`` with
    ``products``). "The council approved the plan" and "launched an attack" stay."""
    lemma = verb.lemma_.lower()
    for c in children(verb):
        if c.dep_ not in _OBJECTS:
            continue
        noun = c.lemma_.lower()
        if noun in COMMERCIAL_OBJECTS or (lemma in PRODUCT_VERBS and noun in PRODUCTS):
            return True
    return False


# Prepositions after which a place is where an action happens, not whom it is aimed at.
LOCATIVE_IN = frozenset({"in", "inside", "within", "across", "throughout"})
# Visits: "arrived in Beijing" is a visit to China (CAMEO 042), its place the host.
VISIT_CODES = ("042", "043")


@BOOK.rule("precision", off=False)
def place_in(tok: Token, code: str) -> bool:
    """A place after "in" is where the action happens, not its target: "Russian forces
    carried out airstrikes in Syria" (no target Syria), "The United States deployed
    troops in Poland" — but a visit's place is its host ("Putin arrived in Beijing":
    042 → CHN), and a place that is no object of "in" may be aimed at ("Iran fired
    missiles at Israel")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_IN \
        and tok.ent_type_ in _PLACES and not code.startswith(VISIT_CODES)


# The code of an attack in words: criticise or denounce.
CRITICISE = "111"
_FORCE_ROOTS = frozenset({"18", "19"})


@BOOK.rule("precision", off=None)
def verbal_attack(trigger: Token, root: str, sources: list[ActorRef], targets: list[ActorRef],
                  persons: set[int]) -> str | None:
    """An attack by a politician on a politician, a party or the press is criticism
    (111), not force: "Donald Trump attacked Nancy Pelosi on Twitter", "Sanders launched
    a fierce attack on Joe Biden", "Biden and Sanders are fighting about taxes",
    "Democrats continued to attack Trump on his taxes" (``verbal_attack_words``; every
    side a person or of ``verbal_sectors``, one of them a person — since session 21 a
    source or a target: a party attacking a politician, Wikinews 2020 tuning sheet —,
    none armed and none a state). Not "Putin attacked Ukraine", "Israeli soldiers
    attacked Hamas fighters"."""
    words = {trigger.lemma_.lower()} | {c.lemma_.lower() for c in children(trigger)
                                        if c.dep_ == "dobj"}
    if root not in _FORCE_ROOTS or not sources or not (targets or len(sources) > 1) \
            or not words & VERBAL_ATTACK:  # (rivals fighting each other have no target)
        return None
    sides = [*sources, *targets]
    if any(a.sector in FORCE_SECTORS or (a.code == a.country and id(a) not in persons)
           for a in sides):
        return None  # an armed side, a state (or a thing of no code)
    if not all(id(a) in persons or a.sector in VERBAL_SECTORS for a in sides) or not any(
            id(a) in persons for a in sides):
        return None
    return CRITICISE
