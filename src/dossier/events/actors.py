"""Who a token stands for, as the events stage reads it: the actor stage's mention,
else an actor the words around it name — an agent with its country ("Israeli
soldiers" ISRMIL), a group named before ("the two leaders"), a relational noun
("her successor"), a place's state ("a visit to Beijing" CHN).

The rules are tried in the order of :meth:`Actors.of`; plural references are in
:mod:`~dossier.events.groups`, an agent's country and sector in
:mod:`~dossier.events.agents`; each returns an
:class:`~dossier.records.ActorRef` or None (does not fire).
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.agents import AgentCountry
from dossier.events.book import BOOK
from dossier.events.datelines import dateline
from dossier.events.groups import Groups
from dossier.events.patterns import patterns
from dossier.events.precision import (
    NOT_BY_COUNTRY_WORD,
    foreign,
    not_an_actor,
    owned_thing,
)
from dossier.events.refs import actor_ref, agent_ref, confident_mention
from dossier.events.sides import named_body_agent
from dossier.events.syntax import against
from dossier.events.uses import quoted_side
from dossier.gazetteer import Actor, Geography, norm
from dossier.parse import ParsedArticle
from dossier.parse.tree import children
from dossier.records import ActorRef, Mention

# Dependencies a noun standing for an actor has (subject, object, prepositional object).
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr"})
# Prepositions after which "the west" is a direction or a region, not the bloc.
_LOCATIVE_PREPS = frozenset({"in", "to", "from", "toward", "towards", "across", "into",
                             "of", "at", "through", "throughout"})
# Entity types of amounts: "50 Swiss francs" names no Swiss actor.
_AMOUNTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "DATE", "TIME", "ORDINAL"})
# Word lists of ``data/event_patterns.toml`` ([actor_words]): see the comments there.
_WORDS = load_toml("event_patterns.toml")["actor_words"]
_SAME_SIDE = frozenset(_WORDS["same_side"])
_COUNTERPART = frozenset(_WORDS["counterpart"])
_PARTITIVE = frozenset(_WORDS["partitive"])
_FACILITIES = frozenset(_WORDS["facility_names"])
_OPPONENTS = frozenset(_WORDS["opponents"])
_NAMING = frozenset(_WORDS["naming"])


class Actors(Groups, AgentCountry):
    """Actor of a token: its mention, else a place's state (a "visit to Beijing").
    Plural references come from :class:`~dossier.events.groups.Groups`, an agent's
    country and sector from :class:`~dossier.events.agents.AgentCountry`."""

    def __init__(self, parsed: ParsedArticle, geo: Geography) -> None:
        # a group the actor stage made of "Xi and Putin … they" has no code: events
        # expand such references to their members themselves (see group)
        self.by_token = parsed.mentions_where(
            lambda m: m.type != "group" and confident_mention(m))
        # tokens of unsure mentions: an unresolved phrase, not resolved another way
        self.unsure = parsed.mentions_where(lambda m: not confident_mention(m))
        self.g = geo.gazetteer
        self.geo = geo
        counts: dict[str, int] = {}
        self.parsed = parsed
        # the states each paragraph names (by line of the parsed text)
        self.named_in: dict[int, set[str]] = {}
        for m in parsed.mentions:
            if m.type == "state" and m.country and confident_mention(m):
                counts[m.country] = counts.get(m.country, 0) + 1
                self.named_in.setdefault(parsed.paragraph_of(m.start - parsed.offset),
                                         set()).add(m.country)
        self.focus = max(counts, key=counts.__getitem__) if counts else None
        # the countries of the people and bodies each paragraph names (agents.focus_actor)
        self.actors_in: dict[int, set[str]] = {}
        for m in parsed.mentions:
            if m.type in ("person", "org") and (m.code or m.country) \
                    and confident_mention(m):
                self.actors_in.setdefault(parsed.paragraph_of(m.start - parsed.offset),
                                          set()).add((m.code or m.country or "")[:3])
        self._city_named: dict[int, set[str]] = {}  # countries of the cities, by paragraph
        # the agents whose country is the article's focus, not named (by id; the list
        # keeps them alive so that no other record takes their id)
        self.guessed: set[int] = set()
        self._guessed_refs: list[ActorRef] = []
        self.known: dict[int, ActorRef | None] = {}  # of() by token (arguments.actor_of)
        # the sides an actor stage mention names (by id): its link's confidence, how it
        # was made and the mention's type (coding.weak_link, coding.pronoun_side,
        # precision.verbal_attack); the list keeps them alive, as ``_guessed_refs``
        self.links: dict[int, tuple[float, str, str]] = {}
        self._through_refs: list[ActorRef] = []

    def sole_antecedent(self, tok: Token, m: Mention) -> bool:
        """Whether the pronoun, a subject, stands for the only actor of its type named
        before it in its sentence: "The Israeli military says it has opened an
        investigation"; not an object ("Trump pointed to the former mayor's gifts to
        politicians supporting him": the mayor, no mention, is him), nor a subject
        whose sentence names another ("The duchess revealed that she reached out")."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return False  # "politicians supporting him": an object is a guess
        # the sentence's tokens before it, not every mention's token tested against
        # the sentence's start (which spaCy walks to at each ``tok.sent``)
        by_token = self.by_token
        named = {x.actor_id for i in range(tok.sent.start, tok.i)
                 if (x := by_token.get(i)) is not None and x.type == m.type
                 and x.via != "pronoun"}
        return named == {m.actor_id}

    def persons(self, sides: list[ActorRef]) -> set[int]:
        """The ids of the sides that a mention of a person names."""
        return {id(a) for a in sides if self.links.get(id(a), (0, "", ""))[2] == "person"}

    # -- the actor of a token -------------------------------------------------------

    def of(self, tok: Token) -> ActorRef | None:
        """The actor ``tok`` stands for, or None: the rules below in order."""
        if not_an_actor(tok) or dateline(tok) or quoted_side(tok, self.parsed.quoted):
            return None
        if tok.i in self.unsure:
            return self.unlinked_name(tok)
        if (part := self.partitive(tok)) is not None:
            return self.of(part)
        m = self.by_token.get(tok.i)
        modifier = False
        owner: Mention | None = None  # "his" of "his counterpart": not the actor itself
        if m is None and (named := self.identified_as(tok)) is not None:
            return self.of(named)
        if m is None:
            m, modifier, owner = self.modifier_actor(tok)
            if m is not None and modifier and (self.where_not_whose(tok) or owned_thing(tok)):
                m = None
        if m is not None and modifier and not (m.code or m.country) \
                and self.uncoded_modifier(tok, m):
            m = None
        if m is not None:
            code = m.code or m.country or ""
            if not code and m.type == "person":
                code = self.described_person(tok)
            if modifier and m.type == "state" and code \
                    and (agent := self.state_agent(tok, code)) is not None:
                return agent
            ref = ActorRef(m.actor_name, m.actor_id, code or None, code[:3] or None,
                           m.sector)
            via = "modifier" if modifier else m.via
            if via == "pronoun" and (main_subject(tok) or self.sole_antecedent(tok, m)):
                via = "pronoun_sure"  # "He urged Mr. Trump": the topic; "X said it …"
            self.links[id(ref)] = (m.confidence, via, m.type if not modifier else "")
            self._through_refs.append(ref)
            return ref
        for rule in (self.opponents_of, self.demonym_people, self.the_west):
            if (a := rule(tok)) is not None:
                return a
        for owned in (self.successor, self.agent_of_country):
            if (a := owned(tok, owner)) is not None:
                return a
        if (a := self.agent_of_no_country(tok)) is not None:
            return a
        if (a := self.country_of_noun(tok, owner)) is not None:
            return a
        for rule in (self.thing_of_actor, self.place_as_state):
            if (a := rule(tok)) is not None:
                return a
        return None

    @BOOK.rule("arguments", off=None)
    def unlinked_name(self, tok: Token) -> ActorRef | None:
        """A name the actor stage found but linked to no one is still who acts, known by
        its name only: "President Herrera refused to meet with the American envoy"; an
        agent word in it with a country word is that country's agent: "The Australian
        Government provided $400 million to Indonesia" (AUSGOV). A known name the actor
        stage is unsure of stays no side."""
        m = self.unsure[tok.i]
        if m.via != "unlinked" or m.type not in ("person", "org"):
            return None
        agents = patterns().agents
        sector = agents.get(tok.lemma_.lower()) or agents.get(tok.lower_)
        country = self.modifier_state(tok) if sector else None
        if sector and country and not named_facility(tok):
            return agent_ref(f"{tok.text} ({country})", country, sector)
        return ActorRef(m.actor_name, m.actor_id, None, None, None)

    @BOOK.rule("arguments", off=None)
    def partitive(self, tok: Token) -> Token | None:
        """A part or a group stands for what its "of" phrase names: "Police arrested
        members of the Oromo Liberation Front", "a group of Russian soldiers"."""
        if tok.lemma_.lower() in _PARTITIVE and tok.i not in self.by_token:
            for c in children(tok):
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in children(c):
                        if o.dep_ == "pobj":
                            return o
        return None

    @BOOK.rule("arguments", off=(None, False, None))
    def modifier_actor(self, tok: Token) -> tuple[Mention | None, bool, Mention | None]:
        """(mention, is it a modifier, owner): an actor named in an apposition, a
        compound or a possessor stands for the noun ("Putin's spokesman attacked
        Ukraine": RUSGOV; "Gondor police", "China's president Xi Jinping"); a pronoun
        possessor ("his counterpart") is the owner, not the actor."""
        owner: Mention | None = None
        for deps in (("appos",), ("compound", "flat"), ("poss",)):
            for c in children(tok):
                if c.dep_ in deps and c.i in self.by_token and not against(c):
                    if c.pos_ == "PRON" and tok.pos_ == "NOUN":
                        owner = self.by_token[c.i]
                        continue
                    return self.by_token[c.i], deps != ("appos",), owner
        return None, False, owner

    @BOOK.rule("arguments", off=None)
    def identified_as(self, tok: Token) -> Token | None:
        """A common noun the text names right after is that person: "Thames Valley
        Police detained the man, later identified as Khairi Saadallah" (→ Khairi
        Saadallah, not "man" ---CVL; Wikinews 2020 tuning sheet, session 24), "the
        suspect, named as John Smith". A participle of ``naming`` (on the noun or on
        its verb, after the noun) whose "as" phrase is a person's mention; not "Police
        identified the man as a suspect" (no person named)."""
        if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass", "pobj", "nsubj"):
            return None
        for c in (*children(tok), *children(tok.head)):
            if c.i > tok.i and c.pos_ == "VERB" and c.lemma_.lower() in _NAMING \
                    and c.dep_ in ("acl", "dep", "advcl", "appos"):
                for p in children(c):
                    if p.dep_ == "prep" and p.lower_ == "as":
                        for o in children(p):
                            m = self.by_token.get(o.i)
                            if o.dep_ == "pobj" and m is not None and m.type == "person":
                                return o
        return None

    @BOOK.rule("arguments", off=False)
    def uncoded_modifier(self, tok: Token, m: Mention) -> bool:
        """An agent noun whose country word the actor stage left uncoded is read as an
        agent below: "Police in Kenya arrested Ugandan journalists" (UGAMED). Not an
        organisation's name (``uncoded_body``)."""
        return bool(self.sector(tok)) and not self.uncoded_body(tok, m)

    @BOOK.rule("arguments", off=False)
    def uncoded_body(self, tok: Token, m: Mention) -> bool:
        """An agent noun after the name of an organisation the gazetteer does not know
        is that organisation, not an agent of no country: "Greek prime minister Kyriakos
        Mitsotakis, speaking to the Atlantic Council think tank" is → Atlantic Council,
        not → "tank" (---NGO; Wikinews 2020 tuning sheet, session 24). Only a name the
        parser tags an organisation (``sides.named_body_agent``); "Police in Kenya" and
        "Gondor police" (a place's name) stay agents."""
        return m.type == "org" and named_body_agent(tok, self.is_state_name)

    @BOOK.rule("arguments", off=None)
    def state_agent(self, tok: Token, code: str) -> ActorRef | None:
        """A state's agent: "Gondor police", "Russia's army" → RUSMIL."""
        sector = self.sector(tok)
        if sector is None:
            return None
        return ActorRef(f"{tok.text} ({code[:3]})", None, code[:3] + sector, code[:3],
                        sector)

    @BOOK.rule("arguments", off=None)
    def opponents_of(self, tok: Token) -> ActorRef | None:
        """Opponents and critics of an actor are not that actor but its country's
        opposition: "Political opponents of the Maldives government clashed with police"
        (MDVOPP, not MDVGOV), "Critics of Vladimir Putin accused the Kremlin" (RUSOPP);
        of a state, of no country ("opponents of Israel": ---OPP). Not "members of
        Hamas" (a part of it, ``partitive``)."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _OPPONENTS:
            return None
        for c in children(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in children(c):
                    if o.dep_ == "pobj" and (a := self.of(o)) is not None:
                        if a.country and a.code and len(a.code) > 3:
                            return agent_ref(f"{tok.text} ({a.country})", a.country, "OPP")
                        return ActorRef(tok.text, None, "---OPP", None, "OPP")
        return None

    @BOOK.rule("arguments", off=None)
    def demonym_people(self, tok: Token) -> ActorRef | None:
        """A people stands for its state: "the Palestinians agreed"."""
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj",
                                                           "pobj", "conj"):
            state = self.g.demonyms.get(norm(tok.text))
            if state is not None and tok.text[:1].isupper():
                people = self.g.actors.get(state)
                if people is not None:
                    return actor_ref(people)
        return None

    @BOOK.rule("arguments", off=None)
    def the_west(self, tok: Token) -> ActorRef | None:
        """ "Liz Truss will call on the west to defend Taiwan": the bloc, written in
        lower case; not "Russian troops moved to the west of Kyiv"."""
        if tok.lower_ == "west" and tok.dep_ in _ACTOR_DEPS and any(
                c.lower_ == "the" for c in children(tok)) and not (
                tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS) and (
                west := self.g.actors.get("WST")) is not None:
            return actor_ref(west)
        return None

    @BOOK.rule("arguments", off=None)
    def successor(self, tok: Token, owner: Mention | None) -> ActorRef | None:
        """ "Xi Jinping will hit out at his successor", "her predecessor": of the
        owner's country and office."""
        if owner is not None and tok.lemma_.lower() in _SAME_SIDE \
                and (owner.code or owner.country):
            code = owner.code or owner.country or ""
            return ActorRef(f"{owner.actor_name}'s {tok.text}", None, code, code[:3],
                            owner.sector)
        return None

    @BOOK.rule("arguments", off=None)
    def agent_of_country(self, tok: Token, owner: Mention | None) -> ActorRef | None:
        """A generic agent with the country a modifier, an "of/from/in" phrase, a
        coordinated noun's modifier, its owner or the article names: "Israeli soldiers
        arrested two Palestinian activists" ISRMIL → PSEOPP, "Israeli helicopters and
        tanks" ISRMIL both."""
        sector = self.sector(tok)
        if sector is None or named_facility(tok):
            return None
        named = self.modifier_state(tok) or self.prep_state(tok) or (
            self.modifier_state(tok.head) if tok.dep_ == "conj" else None) or (
            (owner.code or owner.country or "")[:3] if owner is not None else None)
        country = named or (None if any(against(c) for c in children(tok)) or foreign(tok)
                            or named_body_agent(tok, self.is_state_name)
                            or self.other_state_coordinated(tok)
                            else self.article_focus(tok))
        if not country:
            return None
        ref = agent_ref(f"{tok.text} ({country})", country, sector)
        if not named:
            self.guessed.add(id(ref))  # its country is the article's, not the text's
            self._guessed_refs.append(ref)
        return ref

    @BOOK.rule("arguments", off=None)
    def agent_of_no_country(self, tok: Token) -> ActorRef | None:
        """An agent with no country is kept with its sector, coded as PETRARCH codes
        an unknown country: "Gunmen kidnapped two Russian engineers" (---UAF)."""
        sector = self.sector(tok)
        if sector is not None and tok.dep_ in _ACTOR_DEPS:
            return ActorRef(tok.text, None, "---" + sector, None, sector)
        return None

    @BOOK.rule("arguments", off=None)
    def country_of_noun(self, tok: Token, owner: Mention | None) -> ActorRef | None:
        """A noun with a country word and only that known: "Vladimir Putin thanked his
        Chinese counterpart" (CHNGOV, the owner's office), "Israeli army bulldozers
        demolished Palestinian homes" (PSE); not "in line with Western efforts", "a
        million euros"."""
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and tok.dep_ in _ACTOR_DEPS and tok.ent_type_ not in _AMOUNTS \
                and lemma not in NOT_BY_COUNTRY_WORD and not self.where_not_whose(tok) \
                and (country := self.modifier_state(tok)):
            sector = owner.sector if owner is not None and lemma in _COUNTERPART else None
            return agent_ref(f"{tok.text} ({country})", country, sector)
        return None

    @BOOK.rule("arguments", off=None)
    def thing_of_actor(self, tok: Token) -> ActorRef | None:
        """A thing of an actor stands for it, as CAMEO codes it: "shelled positions of
        the Palestinian security forces", "set fire to the offices of X"."""
        if tok.pos_ == "NOUN" and tok.dep_ in _ACTOR_DEPS \
                and tok.lemma_.lower() not in NOT_BY_COUNTRY_WORD and tok.ent_type_ not in _AMOUNTS:
            for c in children(tok):
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in children(c):
                        if o.dep_ == "pobj" and (a := self.of(o)) is not None and a.code:
                            return a
        return None

    @BOOK.rule("arguments", off=None)
    def place_as_state(self, tok: Token) -> ActorRef | None:
        """A place no mention covers stands for its state: "Putin travelled to
        Beijing" (CHN), "a state visit to Beijing"."""
        if tok.ent_type_ in ("GPE", "LOC", "FAC"):
            state = self.g.metonyms.get(norm(tok.text))
            actor: Actor | None = self.g.actors.get(state) if state else None
            if actor is None:
                actor = next((a for a in self.g.by_name(tok.text) if a.type == "state"), None)
            if actor is not None:
                return actor_ref(actor)
        return None


def main_subject(tok: Token) -> bool:
    """Whether ``tok`` is the subject of its sentence's main verb."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


@BOOK.rule("arguments", off=False)
def named_facility(tok: Token) -> bool:
    """A building or institution named after a country is no agent of that state: "Israeli
    troops surrounded the Indonesian Hospital in Gaza" (the hospital, not IDNHLH); a
    name's head in ``facility_names``, written with a capital. Not "the Indonesian
    hospitals" (lower case: hospitals of Indonesia), nor "the Australian Government"."""
    return tok.text[:1].isupper() and tok.lemma_.lower() in _FACILITIES
