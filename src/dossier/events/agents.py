"""The country and sector of an agent noun, as the events stage reads them: "Israeli
soldiers" (ISR, MIL), "activists in Arnor", "Kremlin security officials", a person the
gazetteer does not know by the words before the name, and the article's own state for
an agent of no named country (split from :mod:`dossier.events.actors`, whose
:class:`~dossier.events.actors.Actors` takes these rules)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.events.book import BOOK
from dossier.events.patterns import patterns
from dossier.events.precision import place_modifier
from dossier.events.refs import country_of
from dossier.events.syntax import against
from dossier.gazetteer import Gazetteer, Geography, norm
from dossier.parse import ParsedArticle
from dossier.parse.tree import children
from dossier.records import Mention


class AgentCountry:
    """The country and sector of an agent noun (a part of :class:`Actors`)."""

    by_token: dict[int, Mention]
    g: Gazetteer
    geo: Geography
    parsed: ParsedArticle
    focus: str | None
    named_in: dict[int, set[str]]
    actors_in: dict[int, set[str]]
    _city_named: dict[int, set[str]]

    def modifier_state(self, tok: Token) -> str | None:
        """The country a modifier of ``tok`` names ("Israeli soldiers", "Gondor
        police", "Peru's foreign minister")."""
        for c in children(tok):
            if c.dep_ in ("amod", "compound", "poss", "nmod") and not against(c):
                code = self.g.demonyms.get(norm(c.text))
                if code is None:
                    code = next((a.id for a in self.g.by_name(c.text) if a.type == "state"),
                                None)
                if code is not None:
                    return code
                if (code := self.organisation_country(c, tok)) is not None:
                    return code
        return None

    @BOOK.rule("arguments", off=None)
    def organisation_country(self, modifier: Token, tok: Token) -> str | None:
        """The country of a coded actor among the modifiers: "Kremlin security
        officials criticised Ukraine" (RUSCOP), "White House security officials"."""
        for t in modifier.subtree:
            m = self.by_token.get(t.i)
            if m is not None and m.type != "person" and (m.code or m.country) \
                    and t.i < tok.i:
                return country_of(m)
        return None

    def sector(self, tok: Token) -> str | None:
        """The CAMEO sector of a generic agent noun ("police", "foreign minister")."""
        if tok.pos_ != "NOUN":
            return None
        agents = patterns().agents
        lemma = tok.lemma_.lower()
        for c in children(tok):
            if c.dep_ in ("compound", "amod") and c.i < tok.i:
                two = agents.get(f"{c.lemma_.lower()} {lemma}") or agents.get(f"{c.lower_} {lemma}")
                if two is not None:
                    return two
        return agents.get(lemma) or agents.get(tok.lower_)

    @BOOK.rule("arguments", off="")
    def described_person(self, tok: Token) -> str:
        """The CAMEO code of a person the gazetteer does not know, from the words
        before the name: "Peruvian President Jorge Salinas met Chile's foreign
        minister" → PERGOV; "" when no country is named."""
        country = ""
        sector = ""
        left = [t for c in children(tok) if c.i < tok.i and c.dep_ in
                ("compound", "amod", "nmod", "poss") for t in c.subtree]
        for t in left:
            m = self.by_token.get(t.i)
            if m is not None and m.type == "state" and (m.code or m.country):
                country = country or country_of(m)
            elif (m is None or not (m.code or m.country)) and t.text[:1].isupper() \
                    and (code := self.g.demonyms.get(norm(t.text))):
                country = country or code
            elif t.pos_ in ("NOUN", "PROPN") and not sector:
                sector = patterns().agents.get(t.lower_) or patterns().agents.get(
                    t.lemma_.lower()) or ""
        return country + sector if country else ""

    @BOOK.rule("arguments", off=None)
    def prep_state(self, tok: Token) -> str | None:
        """The country of "soldiers from Gondor", "activists in Arnor", "activists from
        the defeated Fatah Party", "students in Jakarta"."""
        for c in children(tok):
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "in"):
                for o in children(c):
                    m = self.by_token.get(o.i) if o.dep_ == "pobj" else None
                    if m is None and o.dep_ == "pobj":  # "from the defeated Fatah Party"
                        m = next((self.by_token[x.i] for x in children(o)
                                  if x.dep_ in ("compound", "amod") and x.i in self.by_token),
                                 None)
                    if m is not None and m.type != "person" and (m.code or m.country):
                        return country_of(m)
                    if o.dep_ == "pobj" and o.ent_type_ == "GPE":  # "students in Jakarta"
                        state = self.g.metonyms.get(norm(o.text)) or next(
                            (a.id for a in self.g.by_name(o.text) if a.type == "state"), None)
                        if state is not None:
                            return state[:3]
        return None

    @BOOK.rule("arguments", off=None)
    def article_focus(self, tok: Token) -> str | None:
        """An agent of no named country belongs to the state the article is most
        about: "Protests spread across China. In Shanghai the police cracked down on
        demonstrators" (CHNCOP)."""
        return None if self.focus_not_here(tok) else self.focus

    @BOOK.rule("arguments", off=False)
    def focus_not_here(self, tok: Token) -> bool:
        """The article's state is an agent's only if the agent's paragraph names it or
        one of its cities: in a story about the impeachment inquiry over Ukraine,
        "Medicaid expansion in Louisiana gave coverage to 400,000 state residents"
        names no Ukraine (the residents are no UKR civilians); "In Shanghai, the police
        cracked down on demonstrators" in a story about China names a Chinese city."""
        para = self.parsed.paragraph_of(tok.idx)
        if self.focus in self.named_in.get(para, ()) or self.focus_actor(para):
            return False
        if para not in self._city_named:  # "In Shanghai, the police cracked down": CHN
            starts, ents = self.parsed.line_starts, self.parsed.ents
            end = starts[para + 1] if para + 1 < len(starts) else len(self.parsed.text)
            self._city_named[para] = {c["country"] for e in ents if e.label_ == "GPE"
                                      and starts[para] <= e.start_char < end
                                      and (c := self.geo.city(e.text)) is not None}
        return self.focus not in self._city_named[para]

    @BOOK.rule("arguments", off=False)
    def focus_actor(self, para: int) -> bool:
        """A paragraph that names a person or body of the article's state, and no other
        state, is about that state as much as one that names it: in stories about the
        US election, "According to CNN, multiple officials pressured Trump not to
        commute Blagojevich's sentence" (USAGOV, was ---GOV) and "a federal judge
        dismissed a Trump lawsuit" (USAJUD, was ---JUD; Wikinews 2020 tuning sheet,
        session 24). Not a paragraph that names another state too ("Trump met
        Erdogan; officials said …": whose officials is not known)."""
        return self.focus in self.actors_in.get(para, ()) and not (
            self.named_in.get(para, set()) - {self.focus})

    @BOOK.rule("arguments", off=False)
    def other_state_coordinated(self, tok: Token) -> bool:
        """An agent coordinated with a state other than the article's is that state's
        other party, not an agent of the article's state: "Norway mediated talks between
        Colombia and the rebels" (not NORREB, the mediator's rebels, when Norway is
        named first), "clashes between Israel and militants" in a story about Egypt.
        Not "Colombia and its rebels" (a possessor names the country) nor a state the
        article is about ("talks between Colombia and the rebels" in a story about
        Colombia keeps COLREB)."""
        pair = [tok.head] if tok.dep_ == "conj" else []
        pair += [c for c in children(tok) if c.dep_ == "conj"]
        for x in pair:
            m = self.by_token.get(x.i)
            if m is not None and m.type == "state" and (c := country_of(m)) \
                    and c != self.focus:
                return True
        return False

    def where_not_whose(self, tok: Token) -> bool:
        """A noun no agent, modified by a place that is no state ("the Madrid talks")."""
        return not self.sector(tok) and place_modifier(tok, self.is_state_name)

    def is_state_name(self, text: str) -> bool:
        return norm(text) in self.g.demonyms or any(
            a.type == "state" for a in self.g.by_name(text))
