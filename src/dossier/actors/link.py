"""Link every actor mention in an article to a canonical actor.

Within one article, in reading order: gazetteer names and aliases (a spaCy
PhraseMatcher compiled once), titles before names, surnames of people already
named, fuzzy matches for misspelt names (rapidfuzz), capitals and seats of power
as metonyms of their state, role descriptions ("the Russian president", "the
former prime minister", "the spy chief") resolved by the article's date and the
people already in the story, and pronouns resolved to the most salient
compatible antecedent, preferring sentence subjects: he/she to a person of that
gender, it/its to an organisation or state, they/them/their to an organisation,
state or a coordinated pair of people ("Trump and Pence ... they"). A neuter or
plural pronoun whose most salient candidate is an ordinary noun phrase ("the deal
... it", "voters ... they"), or an expletive "it" ("it is clear that"), stays
unlinked. Unknown people and organisations get a stable local actor instead of a
guess.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dossier.data import load_toml
from dossier.gazetteer import Actor, Gazetteer, norm
from dossier.parse import ParsedArticle
from dossier.records import Mention, content_id


@dataclass(frozen=True)
class _Cues:
    titles: frozenset[str]
    former: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    neuter: frozenset[str]
    plural: frozenset[str]
    weather_verbs: frozenset[str]
    expletive_verbs: frozenset[str]
    extraposed: frozenset[str]
    time_nouns: frozenset[str]
    parties: dict[str, frozenset[str]]
    first_names: dict[str, str]
    gender_nouns: dict[str, str]
    thought_modals: frozenset[str]
    thought_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    person_labels: frozenset[str]
    org_labels: frozenset[str]
    place_labels: frozenset[str]
    fuzzy_cutoff: float
    org_nouns: frozenset[str]


@cache
def cues() -> _Cues:
    d = load_toml("actor_cues.toml")
    return _Cues(
        titles=frozenset(d["titles"]), former=frozenset(d["former"]),
        male=frozenset(d["male_pronouns"]), female=frozenset(d["female_pronouns"]),
        neuter=frozenset(d["neuter_pronouns"]), plural=frozenset(d["plural_pronouns"]),
        weather_verbs=frozenset(d["weather_verbs"]),
        expletive_verbs=frozenset(d["expletive_verbs"]),
        extraposed=frozenset(d["extraposed_adjectives"]), time_nouns=frozenset(d["time_nouns"]),
        parties={k: frozenset(v) for k, v in d["party_modifiers"].items()},
        first_names={n: g for g in ("male", "female") for n in d["first_names"][g]},
        gender_nouns={**{w: "female" for w in d["female_nouns"]},
                      **{w: "male" for w in d["male_nouns"]}},
        thought_modals=frozenset(d["thought_modals"]),
        thought_verbs=frozenset(d["thought_verbs"]),
        speech_verbs=frozenset(load_toml("quote_cues.toml")["verbs"]),
        person_labels=frozenset(d["person_labels"]), org_labels=frozenset(d["org_labels"]),
        place_labels=frozenset(d["place_labels"]), fuzzy_cutoff=float(d["fuzzy_cutoff"]),
        org_nouns=frozenset(d["org_nouns"]),
    )


class Linker:
    """Matchers compiled once per (pipeline, gazetteer)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.g = gazetteer
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        phrases = list(gazetteer.all_phrases()) + list(gazetteer.metonyms_surface())
        # "the West" opens sentences as "The West"
        phrases += ["The" + p[3:] for p in phrases if p.startswith("the ")]
        tokenizer: Any = nlp.tokenizer
        self.names.add("NAME", list(tokenizer.pipe(phrases)))
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", list(tokenizer.pipe(sorted(gazetteer.role_titles))))
        people = [a for a in gazetteer.actors.values() if a.type == "person"]
        self._fuzzy_keys = [norm(a.name) for a in people] + [
            norm(al) for a in people for al in a.aliases]
        self._fuzzy_ids = [a.id for a in people] + [a.id for a in people for _ in a.aliases]

    # -- public ---------------------------------------------------------------
    def link(self, parsed: ParsedArticle) -> list[Mention]:
        """The article's mentions, in text order (also set on ``parsed``)."""
        mentions = _ArticleLinker(self, parsed).run()
        parsed.set_mentions(mentions)
        return mentions


@dataclass
class _Seen:
    actor: Actor
    token: int  # index of the mention's head token
    subject: bool
    main_subject: bool = False  # subject of the sentence's main verb
    quoted: bool = False  # inside a quotation
    oblique: bool = False  # a possessor or prepositional object ("Chelsea's apartment")
    start: int = -1  # the mention's tokens
    end: int = -1


class _ArticleLinker:
    def __init__(self, linker: Linker, parsed: ParsedArticle) -> None:
        self.L = linker
        self.g = linker.g
        self.doc = doc = parsed.doc
        self.source, self.article_id = parsed.source, parsed.article_id
        self.offset = parsed.offset
        self.date = published = parsed.published
        self.basis = "published" if published else "latest"
        self.seen: list[_Seen] = []
        self.local: dict[str, Actor] = {}
        self.out: list[Mention] = []
        self.taken = [False] * len(doc)
        self.quoted = parsed.quoted
        self.groups: dict[int, list[Actor]] = {}
        self._sent_starts: list[int] | None = None
        self._doc_focus: str | None = None
        self.org_heads: dict[str, Actor] = {}  # head word(s) of an organisation's name
        self.name_spans: list[Span] = []

    # -- helpers --------------------------------------------------------------
    def _emit(self, span: Span, actor: Actor, via: str) -> None:
        if any(self.taken[span.start : span.end]):
            return
        for i in range(span.start, span.end):
            self.taken[i] = True
        code = actor.code_on(self.date)
        role = actor.role_on(self.date) if actor.type == "person" else None
        sector = (role.sector if role else "") if actor.type == "person" else actor.sector
        country = (code[:3] if code else actor.country) or None
        self.out.append(Mention(
            source=self.source, article_id=self.article_id,
            start=self.offset + span.start_char, end=self.offset + span.end_char,
            text=span.text, actor_id=actor.id, actor_name=actor.name, qid=actor.qid or None,
            code=code or None, country=country, sector=sector or None, type=actor.type,
            via=via, chain=f"{self.article_id}:{actor.id}", date_basis=self.basis,
        ))
        root = span.root
        if actor.type == "person" and (not actor.id.startswith("local:")
                                       or len(actor.name.split()) > 1):
            # an unknown one-word "person" is too often a mislabelled place or thing
            # to attract pronouns
            self._remember(actor, root, span)
            if root.dep_ == "conj" and via != "pronoun":
                self._remember_pair(actor, root)
        elif actor.type != "person" and root.dep_ not in _MODIFIER_DEPS and not (
                root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE):
            # an organisation, state or group that acts or is acted on ("the FBI
            # said", "sanctions on Russia"), not a modifier ("the Russian economy")
            # nor a place ("a speech in Florida")
            self._remember(actor, root, span)
            if root.dep_ == "conj" and via != "pronoun":
                self._remember_pair(actor, root)

    def _remember(self, actor: Actor, root: Any, span: Span) -> None:
        if actor.type in ("org", "bloc"):
            words = norm(actor.name).split()
            cut = next((k for k, w in enumerate(words) if k and w in _NAME_PREPS), len(words))
            head = words[:cut]  # "commission on presidential debates": commission
            if len(words) > 1:
                for n in (1, 2):
                    if len(head) >= n:
                        self.org_heads[" ".join(head[-n:])] = actor
        subject = root.dep_ in ("nsubj", "nsubjpass")
        self.seen.append(_Seen(actor, root.i, subject, subject and _main_clause(root.head),
                               self.quoted[root.i], root.dep_ in ("poss", "pobj", "attr"),
                               span.start, span.end))

    def _remember_pair(self, actor: Actor, root: Any) -> None:
        """"Trump and Pence", "Russia and China": a group of the coordinated actors,
        for "they"."""
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        head = next((s for s in reversed(self.seen) if s.token == first.i), None)
        if head is None or head.actor.id == actor.id:
            return
        members = [*self.groups.get(first.i, [head.actor]), actor]
        key = "|".join(sorted(m.id for m in members))
        group = Actor(id=f"local:group:{content_id(key, length=10)}",
                      name=" and ".join(m.name for m in members), type="group")
        self.groups[first.i] = members
        self.seen = [s for s in self.seen if not (s.token == first.i and s.actor.type == "group")]
        self.seen.append(_Seen(group, first.i, head.subject, head.main_subject, head.quoted,
                               head.oblique))

    def _pick_person(self, actors: list[Actor], *, title: str = "",
                     surname_only: bool = False, strict: bool = False) -> Actor | None:
        """One person among candidates: the one already in the story, else the only
        one holding a role on the date (for a bare surname, nothing less), else the
        only one. A title narrows by gender ("Mr Sanders") and by office
        ("President Clinton": someone who was president)."""
        gender = _TITLE_GENDER.get(title)
        if gender:
            actors = [a for a in actors if a.gender in ("", gender)]
        office = self.g.role_titles.get(title)
        if office:
            keys = {k for k, _, _ in office}
            held = [a for a in actors if any(r.role in keys for r in a.roles)]
            if len(held) == 1 and len(actors) > 1:
                return held[0]  # "President Clinton": the one Clinton who was president
            actors = held or actors
        if not actors:
            return None
        in_story = [a for a in actors if any(s.actor.id == a.id for s in self.seen)]
        if len(in_story) == 1:
            return in_story[0]
        if self.date is not None:
            active = [a for a in actors if a.role_on(self.date) is not None]
            if len(active) > 1:
                # "Obama" in 2016 is the president, not the first lady: the one whose
                # office ranks highest, if only one does
                best = max(_rank(a.role_on(self.date)) for a in active)
                active = [a for a in active if _rank(a.role_on(self.date)) == best]
            if len(active) == 1:
                return active[0]
            if strict:
                return None
            if surname_only:
                # "Wallace" in 2016 is not the defence secretary of 2019, but "Trump"
                # weeks before taking office is Trump
                near = [a for a in actors if _in_office_near(a, self.date)]
                return near[0] if len(near) == 1 else None
        return actors[0] if len(actors) == 1 else None

    def _party_member(self, word: str) -> Actor | None:
        """The person most recently in the story who holds (on the date) an office of
        the party ``word`` names: "the Republican" in a campaign story."""
        parties = cues().parties.get(word, frozenset())
        for s in reversed(self.seen):
            if s.actor.type != "person":
                continue
            if any(r.org_id in parties and (self.date is None or r.active(self.date))
                   for r in s.actor.roles):
                return s.actor
        return None

    def _country_meant(self, i: int, det: str) -> Actor | None:
        """The state "the country" means: a state named in this sentence or the one
        before, else the story's country; "this country", "our country": the story's
        country (where the speaker is)."""
        if det == "the":
            floor = self._sentence_floor(i)
            # not the subject of the clause "the country" stands in ("the UK needs to
            # evolve its approach towards the country" is not the UK)
            verb = self.doc[i + 1].head
            while verb.dep_ in ("pobj", "prep", "dobj", "poss") and verb.head.i != verb.i:
                verb = verb.head
            recent = [s for s in self.seen if floor <= s.token < i]
            subjects = {s.actor.id for s in recent if s.subject
                        and self.doc[s.token].head.i in (verb.i, verb.head.i)}
            for s in reversed(recent):
                if s.actor.type == "state" and s.actor.id not in subjects:
                    return s.actor
        code = self._focus_country()
        actor = self.g.actors.get(code) if code else None
        return actor if actor is not None and actor.type == "state" else None

    def _short_form(self, text: str) -> Actor | None:
        """An organisation already in the story that "the <text>" shortens: "the Post"
        after "The Washington Post", "the commission" after "the Commission on
        Presidential Debates" (the head word of its name), the most recent one."""
        key = norm(text)
        if not key or key in _GENERIC_HEADS:
            return None
        return self.org_heads.get(key)

    def _role_over(self, span: Span, role_matches: dict[int, Span]) -> Span | None:
        """A role description that takes in a name match: one starting with it and
        longer ("MI5 chief"), or one it modifies ("GOP nominee", "Labour leader")."""
        role = role_matches.get(span.start)
        if role is not None and role.end > span.end:
            return role
        if cues().parties.get(self.doc[span.end - 1].lower_) is None \
                and _state_code(self.g, span.text) is None:
            return None  # neither "the GOP nominee" nor "the US president"
        k = span.end
        while k not in role_matches and k < len(self.doc) and k - span.end < 2 \
                and self.doc[k].pos_ == "ADJ":
            k += 1  # "the GOP presidential nominee" (but "the UK prime minister")
        return role_matches.get(k)

    def _plausible_here(self, person: Actor) -> bool:
        """For a bare surname NER did not call a person: someone of the story's
        country, or a head of state or government ("Fox" on American television in
        2011 is not Liam Fox)."""
        focus = self._focus_country()
        return focus is None or person.country == focus or _rank(person.role_on(self.date)) == 3

    def _fits_title(self, actor: Actor, title: str) -> bool:
        """Whether a person can bear the title: "Mrs" a woman, "President" someone who
        has been president (when the gazetteer knows the person's offices)."""
        gender = _TITLE_GENDER.get(title)
        if gender and actor.gender and actor.gender != gender:
            return False
        office = self.g.role_titles.get(title)
        if office and actor.roles and not actor.id.startswith("local:"):
            keys = {k for k, _, _ in office}
            if not any(r.role in keys for r in actor.roles):
                # unless nobody of that surname ever held the office
                others = [a for a in self.g.by_surname(actor.surname or "")
                          if any(r.role in keys for r in a.roles)]
                return not others
        return True

    def _title_before(self, span: Span) -> str:
        if span.start == 0:
            return ""
        prev = self.doc[span.start - 1]
        return prev.lower_.rstrip(".") if prev.is_title else ""

    def _local(self, span: Span, type_: str) -> Actor:
        name = span.text.strip()
        key = norm(name)
        if type_ == "person":
            # "Zhang" after "Zhang Rongqiao": the same local person
            for a in self.local.values():
                if a.type == "person" and (key == norm(a.name) or
                                           key in norm(a.name).split()):
                    return a
        actor = self.local.get(key)
        if actor is None:
            gender = ""
            if type_ == "person" and len(name.split()) > 1:
                # "Mark Cuban": a common first name says the gender
                gender = cues().first_names.get(name.split()[0].lower(), "")
            if type_ == "person" and not gender:
                # "spokeswoman Melezia Figueroa", "Mrs Okafor"
                words = [self.doc[span.start - 1].lower_] if span.start > 0 else []
                words += [w.lower() for w in name.split()[:1]]
                gender = next((cues().gender_nouns[w.rstrip(".")] for w in words
                               if w.rstrip(".") in cues().gender_nouns), "")
            actor = Actor(id=f"local:{type_}:{content_id(key, length=10)}", name=name,
                          type=type_, gender=gender)
            self.local[key] = actor
        return actor

    # -- passes ---------------------------------------------------------------
    def run(self) -> list[Mention]:
        doc = self.doc
        name_matches = sorted(
            (Span(doc, s, e) for _, s, e in self.L.names(doc)),
            key=lambda sp: (sp.start, -(sp.end - sp.start)))
        self.name_spans = name_matches
        role_matches = {s: Span(doc, s, e) for _, s, e in self.L.roles(doc)}
        role_keys = self._roles_of_org_phrases(role_matches)
        for s_, (sp, _keys) in role_keys.items():
            role_matches[s_] = sp
        by_start: dict[int, Span] = {}
        for sp in name_matches:
            if sp.start not in by_start or len(sp) > len(by_start[sp.start]):
                by_start[sp.start] = sp
        ents: dict[int, Span] = {}
        for e in doc.ents:
            # "the Chinese Communist Party", "Later Sunak": NER takes in a word before
            start = e.start
            while start < e.end - 1 and (doc[start].lower_ == "the"
                                         or doc[start].pos_ in _NOT_NAME_POS):
                start += 1
            if e.label_ in cues().person_labels and start not in by_start:
                # "Crooked Hillary Clinton": a known full name ends the entity
                inner = next((k for k in range(start + 1, e.end - 1)
                              if k in by_start and by_start[k].end == e.end), None)
                if inner is not None and any(a.type == "person"
                                             for a in self.g.by_name(by_start[inner].text)):
                    start = inner
            ents[start] = Span(doc, start, e.end, label=e.label_)
        i = 0
        while i < len(doc):
            tok = doc[i]
            if self.taken[i]:
                i += 1
                continue
            span = by_start.get(i)
            ent = ents.get(i)
            if (ent is not None and span is not None and len(ent) > len(span)
                    and ent.label_ == "ORG" and doc[span.end - 1].text.lower() not in ("'s", "’s")
                    and span.end < len(doc) and doc[span.end].text not in ("'s", "’s")
                    and all(a.type == "state" for a in self.g.by_name(span.text))):
                span = None  # NER saw a longer name that holds a country ("China Daily")
            if span is not None and (role := self._role_over(span, role_matches)) is not None \
                    and self._link_role(role):
                i = role.end  # "the GOP nominee", "MI5 chief": the role, not the party
                continue
            if span is not None and self._link_known(span, ent):
                i = span.end
                continue
            if ent is not None and self._link_entity(ent):
                i = ent.end
                continue
            if i in role_matches and self._link_role(
                    role_matches[i], role_keys[i][1] if i in role_keys else None):
                i = role_matches[i].end
                continue
            low = tok.lower_
            if low in ("the", "this", "our") and i + 1 < len(doc) \
                    and doc[i + 1].lower_ in ("country", "nation") and not self.taken[i + 1] \
                    and (i + 2 == len(doc) or doc[i + 2].pos_ not in ("NOUN", "PROPN")):
                state = self._country_meant(i, low)
                if state is not None:
                    self._emit(Span(doc, i, i + 2), state, "role")
                    i += 2
                    continue
            if low == "the" and i + 1 < len(doc) and doc[i + 1].lower_ in _PARTY_MEMBER \
                    and not self.taken[i + 1] and (i + 2 == len(doc) or doc[i + 2].pos_ not in (
                        "NOUN", "PROPN", "ADJ")):
                person = self._party_member(doc[i + 1].lower_)
                if person is not None:
                    # "The Republican is also encouraging his supporters"
                    self._emit(Span(doc, i, i + 2), person, "role")
                    i += 2
                    continue
            if low == "the" and i + 2 < len(doc) and doc[i + 1].pos_ == "NOUN" \
                    and doc[i + 1].is_lower and doc[i + 2].pos_ not in ("NOUN", "PROPN") \
                    and not self.taken[i + 1]:
                org = self._short_form(doc[i + 1].text)
                if org is not None:
                    self._emit(Span(doc, i, i + 2), org, "alias")
                    i += 2
                    continue
            if low == "the" and (end := _age_end(doc, i)) is not None \
                    and not any(self.taken[i:end]) \
                    and (person := self._recent_person(i)) is not None:
                # "Mourinho was appointed … The 56-year-old said": the person last named
                self._emit(Span(doc, i, end), person, "pronoun")
                last = self.seen[-1]
                if last.token >= i:
                    head = doc[end - 1]
                    last.subject = head.dep_ in ("nsubj", "nsubjpass")
                    last.main_subject = last.subject and _main_clause(head.head)
                i = end
                continue
            if tok.lemma_.lower() in ("successor", "predecessor") and tok.pos_ == "NOUN" \
                    and (person := self._next_in_office(tok)) is not None:
                # "her successor", "Truss's predecessor": by the gazetteer's offices
                self._emit(Span(doc, i, i + 1), person, "role")
                i += 1
                continue
            if tok.pos_ == "PRON" and (low in cues().male or low in cues().female
                                       or low in cues().neuter or low in cues().plural):
                self._link_pronoun(tok)
            elif tok.is_upper and len(tok) > 2 and tok.is_alpha and not self.taken[i]:
                # a transcript's speaker label ("PENCE: Well, look"), in capitals, of
                # someone already named
                for s in reversed(self.seen):
                    if s.actor.type == "person" and s.actor.surname and \
                            s.actor.surname.lower() == tok.lower_:
                        self._emit(Span(doc, i, i + 1), s.actor, "name")
                        break
            elif tok.pos_ == "PROPN" and tok.is_title:
                # a surname NER missed ("the Trump campaign") of someone already named,
                # or (outside any entity, as in a title-case headline) of the one
                # person of that surname in office on the date
                for s in reversed(self.seen):
                    if s.actor.surname and s.actor.surname == tok.text:
                        self._emit(Span(doc, i, i + 1), s.actor, "name")
                        break
                else:
                    if not tok.ent_type_ and self.date is not None:
                        person = self._pick_person(self.g.by_surname(tok.text),
                                                   surname_only=True, strict=True)
                        if person is not None and self._plausible_here(person):
                            self._emit(Span(doc, i, i + 1), person, "name")
            i += 1
        self.out.sort(key=lambda m: m.start)
        return self.out

    def _next_in_office(self, tok: Token) -> Actor | None:
        """The person "successor"/"predecessor" names, from its owner ("her", "Truss's"),
        already linked, and the gazetteer's dated offices."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        at = self.offset + owner.idx
        m = next((m for m in reversed(self.out) if m.start <= at < m.end), None)
        if m is None or m.type != "person" or m.actor_id.startswith("local:"):
            return None
        return self.g.next_in_office(m.actor_id, self.date,
                                     after=tok.lemma_.lower() == "successor")

    def _title_span(self, span: Span) -> tuple[Span, bool]:
        """Extend a name leftwards over a title ("President Xi", "Sir Jeremy")."""
        start = span.start
        while start > 0 and self.doc[start - 1].lower_.rstrip(".") in cues().titles \
                and self.doc[start - 1].is_title and not self.taken[start - 1]:
            start -= 1
        if start == span.start:
            return span, False
        return Span(self.doc, start, span.end), True

    def _link_known(self, span: Span, ent: Span | None) -> bool:
        g = self.g
        actors = g.by_name(span.text)
        if not actors:
            place = g.metonyms.get(norm(span.text))
            if place is None:
                return False
            if not self._acts(span):
                self._skip(span)  # "a visit to Beijing": a place, not an actor
                return True
            self._emit(span, g.actors[place], "metonym")
            return True
        persons = [a for a in actors if a.type == "person"]
        others = [a for a in actors if a.type != "person"]
        if ent is not None and ent.label_ in cues().person_labels and ent.end >= span.end:
            # "Jordan" the person is not Jordan the country
            others = [a for a in others if a.type != "state"]
            if not persons and not others:
                return False
        if persons and not others:
            title = span[0].lower_.rstrip(".") if len(span) > 1 else ""
            person = self._pick_person(persons, title=title or self._title_before(span))
            if person is None:
                return False
            full, titled = self._title_span(span)
            if titled or span[0].lower_.rstrip(".") in cues().titles:
                via = "title"
            else:
                via = "name" if norm(span.text) == norm(person.name) else "alias"
            self._emit(full, person, via)
            return True
        actor = others[0] if len(others) == 1 else _prefer_state(others, self._focus_country)
        if actor is None:
            return False
        via = "name" if norm(span.text) == norm(actor.name) else "alias"
        if actor.type in ("org", "bloc") and span.start > 0 and \
                self.doc[span.start - 1].lower_ == "the" and not self.taken[span.start - 1]:
            span = Span(self.doc, span.start - 1, span.end)  # "the FBI": with its article
        if norm(span.text) in self.g.metonyms:
            if not self._acts(span):
                self._skip(span)
                return True
            via = "metonym"
        self._emit(span, actor, via)
        return True

    def _acts(self, span: Span) -> bool:
        """Whether a place name acts (subject, object, possessor) rather than locates
        ("Beijing supplies Moscow" vs "a visit to Beijing")."""
        root = span.root
        return not (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE)

    def _skip(self, span: Span) -> None:
        for i in range(span.start, span.end):
            self.taken[i] = True

    def _link_entity(self, ent: Span) -> bool:
        c = cues()
        label = ent.label_
        text = _strip_possessive(ent)
        if text is None:
            return False
        if len(text) == 1:
            # a surname of someone already in the story, whatever NER called it, unless
            # a title says otherwise ("President Clinton" is not Hillary Clinton)
            title = self._title_before(text)
            for s in reversed(self.seen):
                if s.actor.surname and norm(s.actor.surname) == norm(text.text) \
                        and self._fits_title(s.actor, title):
                    self._emit(self._title_span(text)[0], s.actor, "name")
                    return True
            if label in c.person_labels:
                # a first name of someone already named in full ("Hillary", "Bernie")
                for s in reversed(self.seen):
                    parts = s.actor.name.split()
                    if len(parts) > 1 and norm(parts[0]) == norm(text.text) \
                            and not s.actor.id.startswith("local:"):
                        self._emit(text, s.actor, "name")
                        return True
            for a in self.local.values():
                if a.type == "person" and len(a.name.split()) > 1 \
                        and norm(text.text) == norm(a.name.split()[-1]):
                    self._emit(text, a, "name")
                    return True
        if label in c.person_labels:
            head = text
            # a surname of someone already in the story, or known to the gazetteer
            last = head[-1].text
            if len(head) == 1:
                for s in reversed(self.seen):
                    if s.actor.surname and norm(s.actor.surname) == norm(last) \
                            and self._fits_title(s.actor, self._title_before(head)):
                        self._emit(*self._title_span(head)[:1], s.actor, "name")
                        return True
                for a in self.local.values():
                    if a.type == "person" and norm(last) in norm(a.name).split():
                        self._emit(head, a, "name")
                        return True
                person = self._pick_person(self.g.by_surname(last), surname_only=True,
                                           title=self._title_before(head))
                if person is not None:
                    full, titled = self._title_span(head)
                    self._emit(full, person, "title" if titled else "name")
                    return True
            else:
                # a misspelt known name: close as a whole string, not just by tokens
                hit = process.extractOne(norm(head.text), self.L._fuzzy_keys,
                                         scorer=fuzz.ratio, score_cutoff=c.fuzzy_cutoff)
                if hit is not None:
                    person = self.g.actors[self.L._fuzzy_ids[hit[2]]]
                    full, _ = self._title_span(head)
                    self._emit(full, person, "fuzzy")
                    return True
            self._emit(head, self._local(head, "person"), "unlinked")
            return True
        if label == "ORG":
            start = text.start
            if start > 0 and self.doc[start - 1].lower_ == "the" and not self.taken[start - 1]:
                start -= 1
            if len(text) == 1 and text[0].is_title and self.date is not None:
                # "Trump" tagged as an organisation: the one person of that surname in
                # office on the date
                person = self._pick_person(self.g.by_surname(text.text), surname_only=True,
                                           strict=True)
                if person is not None and self._plausible_here(person):
                    self._emit(text, person, "name")
                    return True
            org = self._short_form(text.text) if start < text.start else None
            if org is not None:
                self._emit(Span(self.doc, start, text.end), org, "alias")
                return True
            self._emit(Span(self.doc, start, text.end), self._local(text, "org"), "unlinked")
            return True
        return False

    def _role_context(self, span: Span) -> tuple[int, bool, str | None, frozenset[str]]:
        """Start of the role description, whether it says 'former', the country its
        modifiers name ("the Russian president", "Britain's prime minister") and the
        parties they name ("the Republican nominee", "the GOP's candidate")."""
        doc = self.doc
        c = cues()
        start = span.start
        former = False
        country: str | None = None
        parties: frozenset[str] = frozenset()
        j = span.start - 1
        while j >= 0 and j >= span.start - 5:
            t = doc[j]
            low = t.lower_
            if low in ("'s", "’s") and j > 0:
                prev = doc[j - 1]
                code = _state_code(self.g, prev.text)
                if code is not None:
                    country, start, j = code, j - 1, j - 2
                    continue
                if prev.lower_ in c.parties:
                    parties, start, j = c.parties[prev.lower_], j - 1, j - 2
                    continue
                return -1, False, None, parties  # "the company's president": not ours
            if low in c.former:
                former, start = True, j
            elif low in c.parties and t.is_title or low == "gop":
                parties, start = c.parties[low], j
            elif low == "party" and j > 0 and doc[j - 1].lower_ in c.parties:
                parties, start, j = c.parties[doc[j - 1].lower_], j - 1, j - 1
            elif (t.is_title or t.is_upper) and (named := self._state_before(j)) is not None:
                # "the Russian president", "the US president", "the United States
                # secretary of state"
                (country, start), j = named, named[1]
            elif low == "the":
                start = j
                break
            elif low == "-" or t.pos_ == "ADJ":
                start = j
            else:
                break
            j -= 1
        definite = doc[start].lower_ == "the" or any(
            t.lower_ in ("'s", "’s") for t in doc[start:span.start])
        if not definite:
            # bare "president", "Republican vice-presidential nominee Gov. Mike Pence":
            # no definite description (a title before a name)
            return -1, False, None, parties
        return start, former, country, parties

    def _state_before(self, j: int) -> tuple[str, int] | None:
        """The country a name or adjective ending at token ``j`` names (one to three
        tokens: "Russian", "US", "United States"), with its first token."""
        for n in (3, 2, 1):
            first = j - n + 1
            if first < 0 or not all(t.is_title or t.is_upper for t in self.doc[first : j + 1]):
                continue
            code = _state_code(self.g, self.doc[first : j + 1].text)
            if code is not None:
                return code, first
        return None

    def _roles_of_org_phrases(self, role_matches: dict[int, Span]
                              ) -> dict[int, tuple[Span, list[tuple[str, str, str]]]]:
        """Roles the title list has as "<noun> of <organisation>" ("head of GCHQ")
        written with more words around the organisation's name: "the head of
        Britain's GCHQ spy agency", "the director of the US FBI". Keyed by the noun's
        index: the span (noun to the end of the "of" phrase) and the role keys."""
        g, doc = self.g, self.doc
        nouns = _role_nouns(g)
        out: dict[int, tuple[Span, list[tuple[str, str, str]]]] = {}
        for t in doc:
            if t.i in role_matches or t.lower_ not in nouns or t.pos_ != "NOUN":
                continue
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if obj is None:
                continue
            lo, hi = obj.left_edge.i, obj.right_edge.i + 1
            if hi - lo > 6 or "\n" in doc[t.i : hi].text:
                continue
            generic = obj.lemma_.lower() in cues().org_nouns  # "… GCHQ spy agency"
            for n in (4, 3, 2, 1):
                keys = [k for a in range(lo, hi - n + 1)
                        if generic or a <= obj.i < a + n  # the name heads the phrase
                        for k in g.role_titles.get(
                            f"{t.lower_} of {doc[a : a + n].text.lower()}", [])
                        if any(x.type == "org" for x in g.by_name(doc[a : a + n].text))]
                if keys:
                    out[t.i] = (Span(doc, t.i, hi), keys)
                    break
        return out

    def _named_holders(self, role_key: str, country: str | None, org_id: str,
                       parties: frozenset[str]) -> list[Actor]:
        """The one person the whole article names in full who holds (on its date;
        without a date, ever held) the role: "the head of GCHQ … Sir Jeremy Fleming
        said", where the role comes first. Nobody when it names several."""
        found: dict[str, Actor] = {}
        for sp in self.name_spans:
            people = [a for a in self.g.by_name(sp.text) if a.type == "person"]
            if len(people) != 1:
                continue
            for r in people[0].roles:
                if (r.role == role_key and (not country or r.country == country)
                        and (not org_id or not r.org_id or r.org_id == org_id)
                        and (not parties or r.org_id in parties)
                        and (self.date is None or r.active(self.date))):
                    found[people[0].id] = people[0]
        return list(found.values()) if len(found) == 1 else []

    def _link_role(self, span: Span, keys: list[tuple[str, str, str]] | None = None) -> bool:
        doc = self.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (nxt.ent_type_ in cues().person_labels or (
                nxt.lower_.rstrip(".") in cues().titles and nxt.is_title)):
            return False  # a title before a name: the name links
        start, former, country, parties = self._role_context(span)
        if start < 0:
            return False
        keys = keys if keys is not None else self.g.role_titles.get(span.text.lower(), [])
        candidates: list[Actor] = []
        for role_key, org_id, role_country in keys:
            want_country = country or role_country or None
            # people already in the story who hold(-ed) this role
            for s in reversed(self.seen):
                for r in s.actor.roles:
                    if r.role != role_key or (want_country and r.country != want_country):
                        continue
                    if org_id and r.org_id and r.org_id != org_id:
                        continue
                    if parties and r.org_id not in parties:
                        continue
                    if self.date is None or (r.ended_before(self.date) if former
                                             else r.active(self.date)):
                        candidates.append(s.actor)
            if not candidates and not former:
                # nobody in the story yet: one the article names further on
                candidates.extend(self._named_holders(role_key, want_country, org_id,
                                                      parties))
            if not candidates and not former:
                # nobody in the story: the holder in the country in focus, on the date;
                # when several hold such a role at once ("the Republican candidate"
                # in the primaries), nobody
                want_country = want_country or self._focus_country()
                if want_country is None:
                    continue
                holders = {actor.id: actor for actor, r in
                           self.g.holders(role_key, want_country, self.date, org_id or None)
                           if (self.date is None or r.active(self.date))
                           and (not parties or r.org_id in parties)}
                if self.date is None and holders:
                    holders = dict([next(iter(holders.items()))])  # the latest
                if len(holders) == 1:
                    candidates.extend(holders.values())
            if candidates:
                break
        if not candidates:
            return False
        end = span.end
        after = [t.lower_ for t in doc[end : end + 3]]
        if after[:2] == ["for", "president"]:
            end += 2  # "the Republican nominee for president"
        elif after == ["for", "vice", "president"]:
            end += 3
        self._emit(Span(doc, start, end), candidates[0], "role")
        return True

    def _focus_country(self) -> str | None:
        """The country of most of the story's people (else of its states); before
        any, of the people the whole article names in full."""
        for types in (("person",), ("state",)):
            counts: dict[str, int] = {}
            for m in self.out:
                if m.country and m.type in types and not m.actor_id.startswith("local:"):
                    counts[m.country] = counts.get(m.country, 0) + 1
            if counts:
                return max(counts, key=counts.__getitem__)
        return self.doc_focus

    @property
    def doc_focus(self) -> str | None:
        if self._doc_focus is None:
            counts: dict[str, int] = {}
            for sp in self.name_spans:
                actors = self.g.by_name(sp.text)
                if len(actors) == 1 and actors[0].type == "person" and actors[0].country:
                    c = actors[0].country
                    counts[c] = counts.get(c, 0) + 1
            self._doc_focus = max(counts, key=counts.__getitem__) if counts else ""
        return self._doc_focus or None

    def _recent_person(self, i: int) -> Actor | None:
        """The person named last before token ``i``, within 150 tokens (outside a
        quotation, one named outside quotations)."""
        outside = not self.quoted[i]
        for s in reversed(self.seen):
            if s.token >= i:
                continue
            if i - s.token > 150:
                break
            if s.actor.type == "person" and not (outside and s.quoted):
                return s.actor
        return None

    def _link_pronoun(self, tok: object) -> None:
        from spacy.tokens import Token

        assert isinstance(tok, Token)
        c = cues()
        low = tok.lower_
        if low in c.male or low in c.female:
            kind = "male" if low in c.male else "female"
            allowed: tuple[str, ...] = ("person",)
        elif low in c.neuter:
            if self._expletive(tok):
                return
            kind, allowed = "it", ("org", "state", "bloc")
        else:
            kind, allowed = "they", ("org", "state", "bloc", "group")
        sent_start = tok.sent.start
        # an organisation or group is referred to as "it"/"they" within a sentence
        # or two; a person across a longer stretch
        floor = self._sentence_floor(tok.i) if kind in ("it", "they") else -1
        controller = _controller(tok)
        best: tuple[float, Actor] | None = None
        outside = not self.quoted[tok.i]
        # a plain object pronoun is not its own clause's subject
        clause_head = None
        if tok.dep_ in ("dobj", "dative", "pobj") and not low.endswith("self") \
                and not low.endswith("selves"):
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            while verb.dep_ == "conj" and verb.head.i < verb.i:
                verb = verb.head  # "Putin met Xi and praised him": the shared subject
            clause_head = verb.i
        thought = kind in ("male", "female") and self._thought_subject(tok)
        for s in reversed(self.seen):
            if s.token >= tok.i:
                continue
            if s.actor.type not in allowed:
                continue
            if thought and floor <= s.token < sent_start and self._reporter(s, kind):
                continue  # "Fleming will say Xi has … . He would not want …": Xi
            if s.actor.type == "person" and s.actor.gender and s.actor.gender != kind:
                continue
            if outside and s.quoted:
                continue  # "…advisers won't tell him the truth," he will say: not Putin
            if clause_head is not None and s.subject and \
                    self.doc[s.token].head.i == clause_head:
                continue  # "The Kremlin denied it": not the Kremlin (that is "itself")
            distance = tok.i - s.token
            if distance > 150 or s.token < floor:
                break
            if kind in ("it", "they") and s.oblique and s.token < sent_start:
                continue  # an organisation in passing in the sentence before
            if kind == "it" and self.doc[s.token].tag_ in ("NNS", "NNPS"):
                continue  # "Republicans … it": a plural is not "it"
            score = _salience(distance, s.subject, s.main_subject, s.token >= sent_start,
                              s.oblique, same_sentence=_SAME_SENTENCE[kind])
            if s.token == controller or s.start <= controller < s.end:
                score += _CONTROLLER
            if kind == "they" and s.actor.type != "group":
                if s.oblique:
                    continue  # "the Kremlin's press service said … their": not the Kremlin
                st = self.doc[s.token]
                if st.dep_ == "conj" or any(ch.dep_ == "conj" for ch in st.children):
                    # "Ithilen and the government of Gondor warned their …": the
                    # coordination as a whole (a group when both are linked), not one
                    continue
                score -= 50  # "they" for an organisation agrees in sense only
            if best is None or score > best[0]:
                best = (score, s.actor)
        if best is not None and kind in ("it", "they"):
            rival = self._rival_noun(tok, kind, floor, sent_start, outside, controller)
            if rival is not None and rival >= best[0]:
                return  # "the deal ... it", "voters ... they": not an actor
        if best is not None:
            span = Span(self.doc, tok.i, tok.i + 1)
            self._emit(span, best[1], "pronoun")
            last = self.seen[-1]
            if last.token == tok.i:
                last.subject = tok.dep_ in ("nsubj", "nsubjpass")
                last.main_subject = last.subject and _main_clause(tok.head)

    def _thought_subject(self, tok: Any) -> bool:
        """Whether ``tok`` is the subject of a main clause that voices someone's thoughts
        or intentions: "he would not want …", "while he may calculate that …" (not a
        clause reported in its own sentence, "X said he would …", nor speech)."""
        if tok.dep_ != "nsubj" or self.quoted[tok.i]:
            return False
        c = cues()
        verb = tok.head
        if verb.lemma_ in c.speech_verbs and verb.lemma_ not in c.thought_verbs:
            return False  # "he would say …": the speaker again
        modal = any(ch.dep_ == "aux" and ch.lower_ in c.thought_modals for ch in verb.children)
        if not modal and verb.lemma_ not in c.thought_verbs:
            return False
        v = verb
        while v.dep_ in ("conj", "advcl") and v.head.i != v.i:
            v = v.head
        return bool(v.dep_ == "ROOT")

    def _reporter(self, s: _Seen, kind: str) -> bool:
        """Whether the person ``s`` is the subject of a speech verb whose reported clause
        has another person of gender ``kind`` as its subject ("Fleming will say
        President Xi … has a view": Fleming)."""
        t = self.doc[s.token]
        if not s.subject or t.head.lemma_ not in cues().speech_verbs:
            return False
        verb = t.head
        for clause in (ch for ch in verb.children if ch.dep_ == "ccomp" and ch.i > verb.i):
            # the reported clause's subject (or, parsed as the verb's object when a
            # dash follows it, "say President Xi – who … – has")
            if any(verb.i < o.token <= clause.right_edge.i and o.actor.type == "person"
                   and o.actor.id != s.actor.id and not o.oblique
                   and (o.subject or self.doc[o.token].head.i == verb.i)
                   and (not o.actor.gender or o.actor.gender == kind) for o in self.seen):
                return True
        return False

    def _sentence_floor(self, i: int) -> int:
        """First token of the sentence before the one holding token ``i``."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        starts = self._sent_starts
        k = bisect_right(starts, i) - 1
        return starts[max(k - 1, 0)]

    def _rival_noun(self, tok: Any, kind: str, floor: int, sent_start: int,
                    outside: bool, controller: int) -> float | None:
        """The best salience of an ordinary noun phrase that ``tok`` could refer to
        instead: a singular common noun for "it", a plural one (or a nationality
        or group word NER left unlinked) for "they"."""
        c = cues()
        best: float | None = None
        for j in range(tok.i - 1, floor - 1, -1):
            t = self.doc[j]
            if self.taken[j] or t.dep_ not in _ARGUMENT_DEPS:
                continue
            if outside and self.quoted[j]:
                continue
            if kind == "it":
                if t.tag_ != "NN" or t.ent_type_ in ("DATE", "TIME") or t.lower_ in c.time_nouns:
                    continue
            elif not (t.tag_ in ("NNS", "NNPS") or (t.ent_type_ == "NORP" and t.pos_ != "ADJ")):
                continue
            subject = t.dep_ in ("nsubj", "nsubjpass")
            score = _salience(tok.i - j, subject, subject and _main_clause(t.head),
                              j >= sent_start, t.dep_ in ("poss", "pobj"),
                              same_sentence=_SAME_SENTENCE[kind])
            if j == controller:
                score += _CONTROLLER
            if best is None or score > best:
                best = score
        return best

    def _expletive(self, tok: Any) -> bool:
        """Pleonastic "it": "it is raining", "it is clear that", "it seems that",
        "it was reported that", "made it clear that", "it's 3 a.m."."""
        if tok.lower_ != "it":
            return False  # "its", "itself" always refer
        if tok.dep_ == "expl":
            return True
        c = cues()
        head = tok.head
        later = [ch for ch in head.children if ch.i > tok.i]
        clause = any(ch.dep_ in ("ccomp", "xcomp", "csubj") for ch in later)
        if tok.dep_ == "nsubj" and head.pos_ == "ADJ" and head.lower_ in c.extraposed:
            return True  # "made it clear that", "find it hard to" (a small clause)
        if tok.dep_ == "nsubj":
            if head.lemma_ in c.weather_verbs:
                return True
            if head.lemma_ in c.expletive_verbs and (
                    clause or any(ch.dep_ in ("advcl", "prep") and ch.lower_ in
                                  ("like", "as", "that", "if") for ch in later)):
                return True
            if head.lemma_ == "be":
                if any(ch.dep_ == "acomp" and ch.lower_ in c.extraposed and ch.i < tok.i
                       for ch in head.children) and clause:
                    return True  # "how important it is to combat …"
                for ch in later:
                    if ch.dep_ in ("attr", "ccomp", "acomp") and (
                            any(g.dep_ == "relcl" and any(
                                h.dep_ in ("nsubj", "nsubjpass", "dobj")
                                and h.lower_ in ("that", "who", "which") for h in g.children)
                                for g in ch.children)
                            or ch.left_edge.lower_ in ("what", "how", "why", "who")):
                        return True  # "it was divisions that …", "it's not what worked"
                    if ch.dep_ in ("acomp", "attr") and (
                            ch.lower_ in c.extraposed or ch.lemma_ in c.time_nouns
                            or ch.ent_type_ in ("TIME", "DATE")):
                        return True
                    if ch.dep_ in ("ccomp", "csubj") and any(
                            g.dep_ == "mark" and g.lower_ in ("that", "whether")
                            for g in ch.children):
                        return True
        if tok.dep_ == "nsubjpass" and clause:
            return True  # "it is believed that", "it was reported that"
        if tok.dep_ == "dobj" and any(ch.dep_ in ("oprd", "ccomp", "xcomp") for ch in later):
            return True  # "made it clear that", "find it hard to"
        return False


_CONTROLLER = 80


def _main_clause(verb: Any) -> bool:
    """Whether ``verb`` heads a main clause ("... and the treaty says" too)."""
    return bool(verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _controller(tok: Any) -> int:
    """The understood subject of the clause holding ``tok``: the object of the verb
    whose infinitive holds it ("the FBI warned officials to boost their security":
    officials), or the noun a relative clause modifies ("the nominee, who began his
    speech": nominee); else -1."""
    verb = tok.head
    while verb.dep_ in ("dobj", "pobj", "prep", "poss") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl" and verb.i != tok.i and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which")
            and c.i != tok.i for c in verb.children):
        return int(verb.head.i)
    if verb.dep_ != "xcomp" or verb.pos_ not in ("VERB", "AUX"):
        return -1
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj.i if obj is not None else -1


def _salience(distance: int, subject: bool, main_subject: bool, in_sentence: bool,
              oblique: bool, same_sentence: int = 10) -> float:
    """Subjects over objects over possessors and oblique mentions (after Lappin &
    Leass 1994), then recency."""
    return (-distance + (25 if subject else 0) + (30 if main_subject else 0)
            + ((min(same_sentence, 10) if oblique else same_sentence) if in_sentence else 0)
            - (15 if oblique else 0))


# "it" and "they" reach back a sentence or two and lean on the sentence they are in
# ("prompted NATO at its July summit": NATO, not the Russia of the sentence before)
_SAME_SENTENCE = {"male": 10, "female": 10, "it": 60, "they": 60}


_TOP_ROLES = frozenset({"president", "prime_minister", "chancellor", "monarch",
                        "supreme_leader", "head_of_state", "head_of_government"})
_MINOR_ROLES = frozenset({"official", "spokesperson", "presidential_aide", "ambassador"})


def _rank(role: Any) -> int:
    """How senior an office is, for telling apart namesakes in office at once."""
    if role is None:
        return 0
    return 3 if role.role in _TOP_ROLES else 1 if role.role in _MINOR_ROLES else 2


def _in_office_near(actor: Actor, on: date, days: int = 366) -> bool:
    """Whether ``actor`` held an office within a year of ``on``."""
    for r in actor.roles:
        start = r.start or date.min
        end = r.end or date.max
        last = min(end, date(9000, 1, 1)).toordinal()
        if start.toordinal() - days <= on.toordinal() <= last + days:
            return True
    return False


_TITLE_GENDER = {"mr": "male", "sir": "male", "lord": "male", "king": "male",
                 "prince": "male", "mrs": "female", "ms": "female", "miss": "female",
                 "dame": "female", "lady": "female", "queen": "female", "princess": "female"}
# head words too general to stand for an organisation already named ("the state" is not
# Islamic State)
_GENERIC_HEADS = frozenset({"state", "states", "house", "people", "world", "country", "nation",
                            "city", "group", "union", "service", "services", "news", "times"})
# party words that also name one of the party's people ("the Republican said")
_PARTY_MEMBER = frozenset({"republican", "democrat", "tory", "libertarian"})
_NAME_PREPS = frozenset({"of", "on", "for", "in", "to", "against"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos",
                            "dative", "oprd"})
_NOT_NAME_POS = frozenset({"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART", "INTJ",
                           "VERB", "AUX"})
_LOCATIVE = frozenset({"in", "to", "from", "at", "into", "near", "across", "around", "via",
                       "through", "outside", "inside", "within", "of", "towards", "toward"})


def _strip_possessive(ent: Span) -> Span | None:
    end = ent.end
    while end > ent.start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return Span(ent.doc, ent.start, end) if end > ent.start else None


def _state_code(g: Gazetteer, word: str) -> str | None:
    key = norm(word)
    if key in g.demonyms:
        return g.demonyms[key]
    for a in g.by_name(word):
        if a.type == "state":
            return a.id
    return None


def _prefer_state(actors: list[Actor], focus: Any = None) -> Actor | None:
    states = [a for a in actors if a.type == "state"]
    if len(states) == 1:
        return states[0]
    orgs = [a for a in actors if a.type in ("org", "bloc")]
    if len(orgs) > 1 and focus is not None:
        # "the Green Party" in an American story: the American one
        country = focus()
        orgs = [a for a in orgs if a.country == country] or orgs
    return orgs[0] if len(orgs) == 1 else None


def _age_end(doc: Doc, i: int) -> int | None:
    """The end of "the 56-year-old" starting at ``i`` ("the" at ``i``), used as a noun
    (not "the 33-year-old man"), or None."""
    words = [t.lower_ for t in doc[i + 1 : i + 6]]
    if len(words) < 5 or not doc[i + 1].like_num or words[1:] not in (
            ["-", "year", "-", "old"], ["-", "years", "-", "old"]):
        return None
    end = i + 6
    if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
        return None
    return end


@cache
def _role_nouns(g: Gazetteer) -> frozenset[str]:
    """The one-word nouns of the "<noun> of <organisation>" role titles ("head",
    "director", "chief")."""
    return frozenset(t.split(" of ")[0] for t in g.role_titles
                     if " of " in t and " " not in t.split(" of ")[0])
