"""Plural references, as the events stage reads them: "they" after a coordinated
subject, "the two leaders", "both countries" → the actors they stand for (split from
:mod:`dossier.events.actors`, whose :class:`~dossier.events.actors.Actors` takes
these rules)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.refs import actor_ref, agent_ref, country_of, mention_ref
from dossier.events.syntax import with_conj
from dossier.gazetteer import Gazetteer
from dossier.parse.tree import children
from dossier.records import ActorRef, Mention

# How far back (in tokens, before the sentence) "the two leaders" looks for the pair
# named before: about three sentences of news prose, set by hand on the demo.
PAIR_LOOKBACK = 120

# Word lists of ``data/event_patterns.toml`` ([actor_words]): see the comments there.
_WORDS = load_toml("event_patterns.toml")["actor_words"]
_GROUP_PEOPLE = frozenset(_WORDS["group_people"])
_GROUP_STATES = frozenset(_WORDS["group_states"])


class Groups:
    """The plural references of an article (a part of :class:`Actors`)."""

    by_token: dict[int, Mention]
    g: Gazetteer

    def of(self, tok: Token) -> ActorRef | None:
        """The actor ``tok`` stands for (:meth:`dossier.events.actors.Actors.of`)."""
        raise NotImplementedError

    def group(self, tok: Token) -> list[ActorRef]:
        """The actors a plural reference stands for (see :meth:`they_group` and
        :meth:`pair_reference`)."""
        if tok.lower_ == "they" and tok.pos_ == "PRON":
            return self.they_group(tok)
        return self.pair_reference(tok)

    @BOOK.rule("arguments", off=[])
    def they_group(self, tok: Token) -> list[ActorRef]:
        """ "They both lashed out at the US" → the last two people named; a plain
        "they" → the coordinated actors of a subject in this sentence or the one
        before ("Xi Jinping and Vladimir Putin met in Beijing. They lashed out at the
        US.")."""
        if {c.lower_ for c in children(tok)} & {"both", "two"}:
            return self._last_two(tok, states=False)
        return self._coordinated_before(tok)

    @BOOK.rule("arguments", off=[])
    def pair_reference(self, tok: Token) -> list[ActorRef]:
        """ "the two leaders", "the two", "both leaders", "the leaders" → the last two
        people named before ``tok``; "both nations", "the two countries" → the last
        two states named (or the states of the last two people): "Xi Jinping met
        Vladimir Putin in Moscow. The two countries signed an energy agreement." Not
        "the Palestinian leaders", "the leaders of Hamas"."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        kids = {c.lower_ for c in children(tok)}
        plural = tok.tag_ in ("NNS", "NNPS") or low in ("two", "both")
        two = low in ("two", "both") or bool(kids & {"two", "both"})
        definite = "the" in kids or low == "both" or (two and low != "two")
        if not plural or not definite:
            return []
        if lemma in _GROUP_STATES and (named := self.named_members(tok)):
            return named
        if lemma in _GROUP_STATES:
            if self.sides_not_states(tok):
                return []
            return self._last_two(tok, states=True)
        if lemma in _GROUP_PEOPLE and (leaders := self.leaders_of_pair(tok)):
            return leaders
        if lemma in _GROUP_PEOPLE or low in ("two", "both"):
            if lemma == "leader" and not two and any(
                    c.dep_ in ("amod", "compound", "prep", "poss") for c in children(tok)):
                return []  # "the Palestinian leaders", "the leaders of Hamas": not a pair
            return self._last_two(tok, states=False)
        return []

    @BOOK.rule("arguments", off=[])
    def named_members(self, tok: Token) -> list[ActorRef]:
        """A plural reference whose "of" phrase names its members stands for them, not
        for the last two named before: "Like the UAE, Bahrain and Kosovo recognized
        Israel. The formerly antagonistic nations of Serbia and Kosovo opened economic
        ties" is Serbia and Kosovo (was Israel and Kosovo; Wikinews 2020 tuning sheet,
        session 24). Two or more coded actors coordinated in the phrase; else [] ("the
        two countries of the region": the last two named, as before). Only a word of
        states (``group_states``): "the presidents of Iran and Iraq" stay IRNGOV."""
        for c in children(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in children(c):
                    if o.dep_ == "pobj":
                        members = [a for x in with_conj(o) if (a := self.of(x)) is not None]
                        if len(members) >= 2 and all(a.code for a in members):
                            return members
        return []

    @BOOK.rule("arguments", off=[])
    def leaders_of_pair(self, tok: Token) -> list[ActorRef]:
        """ "The leaders of the two countries" are each state's government, the states
        the "of" phrase's plural reference stands for: "Turkey and Greece had poor
        relations, but the leaders of the two countries spoke by telephone on Friday"
        is TURGOV ↔ GRCGOV (was "leaders (TUR)" → no one; Wikinews 2020 tuning pages,
        session 24). Not "the leaders of Hamas" (no plural reference)."""
        if tok.lemma_.lower() == "man":
            return []
        for c in children(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in children(c):
                    if o.dep_ == "pobj" and o.lemma_.lower() in _GROUP_STATES and (
                            states := self.pair_reference(o)):
                        return [agent_ref(f"{tok.text} ({a.country})", a.country, "GOV")
                                for a in states if a.country]
        return []

    @BOOK.rule("arguments", off=False)
    def sides_not_states(self, tok: Token) -> bool:
        """"Both sides" are the last two actors named, whatever they are: when one of
        them has no country, the sides are no pair of states named further back: "The
        Southern Transitional Council is in conflict with the government. Both sides also
        oppose Houthi rebels" (was France and Sudan, named paragraphs before; Wikinews
        2020 tuning sheet, session 22). "Vladimir Putin met Xi Jinping. Both sides
        agreed …" keeps Russia and China."""
        if tok.lemma_.lower() != "side":
            return False
        found: list[Mention] = []
        start = max(0, tok.sent.start - PAIR_LOOKBACK)
        for i in range(tok.i - 1, start - 1, -1):
            m = self.by_token.get(i)
            if m is not None and all(m.actor_id != f.actor_id for f in found):
                found.append(m)
                if len(found) == 2:
                    break
        return len(found) == 2 and not all(country_of(m) for m in found)

    def _last_two(self, tok: Token, states: bool) -> list[ActorRef]:
        found: list[Mention] = []
        seen: set[str] = set()
        start = max(0, tok.sent.start - PAIR_LOOKBACK)
        for i in range(tok.i - 1, start - 1, -1):
            m = self.by_token.get(i)
            if m is None or m.actor_id.startswith("local:"):
                continue
            if states:
                key = country_of(m)
                if not key or key in seen:
                    continue
            else:
                if m.type != "person" or m.actor_id in seen:
                    continue
                key = m.actor_id
            seen.add(key)
            found.append(m)
            if len(found) == 2:
                break
        if len(found) < 2:
            return []
        if states:
            out = []
            for m in reversed(found):
                a = self.g.actors.get(country_of(m))
                if a is None:
                    return []
                out.append(actor_ref(a))
            return out
        return [mention_ref(m) for m in reversed(found)]

    def _coordinated_before(self, tok: Token) -> list[ActorRef]:
        """The last subject before ``tok`` (this sentence or the one before) that
        coordinates two or more actors."""
        first = tok.sent.start
        if first > 0:
            first = tok.doc[first - 1].sent.start
        for i in range(tok.i - 1, first - 1, -1):
            t = tok.doc[i]
            if t.dep_ not in ("nsubj", "nsubjpass") or not any(
                    c.dep_ == "conj" for c in children(t)):
                continue
            group = [a for x in with_conj(t) if (a := self.of(x)) is not None]
            if len(group) >= 2 and all(a.code for a in group):
                return group
            return []
        return []
