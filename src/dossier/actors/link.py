"""Link every actor mention in an article to a canonical actor.

Within one article, in reading order: gazetteer names and aliases (a spaCy
PhraseMatcher compiled once), titles before names, surnames of people already
named, fuzzy matches for misspelt names (rapidfuzz), capitals and seats of power
as metonyms of their state, role descriptions ("the Russian president", "the
former prime minister", "the spy chief") resolved by the article's date and the
people already in the story, and he/she pronouns resolved to the nearest
compatible person, preferring sentence subjects. Unknown people and organisations
get a stable local actor instead of a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from dossier.actors.gazetteer import Actor, Gazetteer, norm
from dossier.data import load_toml
from dossier.records import Mention, content_id


@dataclass(frozen=True)
class _Cues:
    titles: frozenset[str]
    former: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    person_labels: frozenset[str]
    org_labels: frozenset[str]
    place_labels: frozenset[str]
    fuzzy_cutoff: float


@cache
def cues() -> _Cues:
    d = load_toml("actor_cues.toml")
    return _Cues(
        titles=frozenset(d["titles"]), former=frozenset(d["former"]),
        male=frozenset(d["male_pronouns"]), female=frozenset(d["female_pronouns"]),
        person_labels=frozenset(d["person_labels"]), org_labels=frozenset(d["org_labels"]),
        place_labels=frozenset(d["place_labels"]), fuzzy_cutoff=float(d["fuzzy_cutoff"]),
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
    def link(self, doc: Doc, *, source: str, article_id: str, offset: int = 0,
             published: date | None = None) -> list[Mention]:
        return _ArticleLinker(self, doc, source, article_id, offset, published).run()


@cache
def linker_for(model: str | None, gazetteer_files: tuple[Path, ...] = ()) -> Linker:
    """The linker for a spaCy pipeline and gazetteer, built once per process."""
    from dossier.actors.gazetteer import load_gazetteer
    from dossier.nlp import load_nlp

    return Linker(load_nlp(model), load_gazetteer(gazetteer_files))


@dataclass
class _Seen:
    actor: Actor
    token: int  # index of the mention's head token
    subject: bool
    main_subject: bool = False  # subject of the sentence's main verb
    quoted: bool = False  # inside a quotation
    oblique: bool = False  # a possessor or prepositional object ("Chelsea's apartment")


class _ArticleLinker:
    def __init__(self, linker: Linker, doc: Doc, source: str, article_id: str, offset: int,
                 published: date | None) -> None:
        self.L = linker
        self.g = linker.g
        self.doc = doc
        self.source, self.article_id, self.offset = source, article_id, offset
        self.date = published
        self.basis = "published" if published else "latest"
        self.seen: list[_Seen] = []
        self.local: dict[str, Actor] = {}
        self.out: list[Mention] = []
        self.taken = [False] * len(doc)
        self.quoted = quoted_tokens(doc)

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
        if actor.type == "person" and (not actor.id.startswith("local:")
                                       or len(actor.name.split()) > 1):
            # an unknown one-word "person" is too often a mislabelled place or thing
            # to attract pronouns
            root = span.root
            subject = root.dep_ in ("nsubj", "nsubjpass")
            self.seen.append(_Seen(actor, root.i, subject,
                                   subject and root.head.dep_ == "ROOT", self.quoted[root.i],
                                   root.dep_ in ("poss", "pobj")))

    def _pick_person(self, actors: list[Actor], *, title: str = "",
                     surname_only: bool = False) -> Actor | None:
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
            actors = held or actors
        if not actors:
            return None
        in_story = [a for a in actors if any(s.actor.id == a.id for s in self.seen)]
        if len(in_story) == 1:
            return in_story[0]
        if self.date is not None:
            active = [a for a in actors if a.role_on(self.date) is not None]
            if len(active) == 1:
                return active[0]
            if surname_only:
                # "Wallace" in 2016 is not the defence secretary of 2019, but "Trump"
                # weeks before taking office is Trump
                near = [a for a in actors if _in_office_near(a, self.date)]
                return near[0] if len(near) == 1 else None
        return actors[0] if len(actors) == 1 else None

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
            actor = Actor(id=f"local:{type_}:{content_id(key, length=10)}", name=name,
                          type=type_)
            self.local[key] = actor
        return actor

    # -- passes ---------------------------------------------------------------
    def run(self) -> list[Mention]:
        doc = self.doc
        ents: dict[int, Span] = {}
        for e in doc.ents:
            # "the Chinese Communist Party", "Later Sunak": NER takes in a word before
            start = e.start
            while start < e.end - 1 and (doc[start].lower_ == "the"
                                         or doc[start].pos_ in _NOT_NAME_POS):
                start += 1
            ents[start] = Span(doc, start, e.end, label=e.label_)
        name_matches = sorted(
            (Span(doc, s, e) for _, s, e in self.L.names(doc)),
            key=lambda sp: (sp.start, -(sp.end - sp.start)))
        role_matches = {s: Span(doc, s, e) for _, s, e in self.L.roles(doc)}
        by_start: dict[int, Span] = {}
        for sp in name_matches:
            if sp.start not in by_start or len(sp) > len(by_start[sp.start]):
                by_start[sp.start] = sp
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
            if span is not None and self._link_known(span, ent):
                i = span.end
                continue
            if ent is not None and self._link_entity(ent):
                i = ent.end
                continue
            if i in role_matches and self._link_role(role_matches[i]):
                i = role_matches[i].end
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and (low in cues().male or low in cues().female):
                self._link_pronoun(tok)
            elif tok.pos_ == "PROPN" and tok.is_title:
                # a surname NER missed ("the Trump campaign") of someone already named
                for s in reversed(self.seen):
                    if s.actor.surname and s.actor.surname == tok.text:
                        self._emit(Span(doc, i, i + 1), s.actor, "name")
                        break
            i += 1
        self.out.sort(key=lambda m: m.start)
        return self.out

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
        actor = others[0] if len(others) == 1 else _prefer_state(others)
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
            # a surname of someone already in the story, whatever NER called it
            for s in reversed(self.seen):
                if s.actor.surname and norm(s.actor.surname) == norm(text.text):
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
                    if s.actor.surname and norm(s.actor.surname) == norm(last):
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
            self._emit(Span(self.doc, start, text.end), self._local(text, "org"), "unlinked")
            return True
        return False

    def _role_context(self, span: Span) -> tuple[int, bool, str | None]:
        """Start of the role description, whether it says 'former', and the country
        its modifiers name ("the Russian president", "Britain's prime minister")."""
        doc = self.doc
        start = span.start
        former = False
        country: str | None = None
        j = span.start - 1
        while j >= 0 and j >= span.start - 4:
            t = doc[j]
            low = t.lower_
            if low in ("'s", "’s") and j > 0:
                prev = doc[j - 1]
                code = _state_code(self.g, prev.text)
                if code is None:
                    return -1, False, None  # "the company's president": not ours
                country, start, j = code, j - 1, j - 2
                continue
            if low in cues().former:
                former, start = True, j
            elif (code := _state_code(self.g, t.text)) is not None and t.is_title:
                country, start = code, j
            elif low == "the":
                start = j
                break
            elif low == "-" or t.pos_ == "ADJ":
                start = j
            else:
                break
            j -= 1
        if start == span.start and doc[start - 1 : start].text.lower() != "the":
            return -1, False, None  # bare "president": no definite description
        return start, former, country

    def _link_role(self, span: Span) -> bool:
        doc = self.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.ent_type_ in cues().person_labels:
            return False  # a title before a name: the name links
        start, former, country = self._role_context(span)
        if start < 0:
            return False
        keys = self.g.role_titles.get(span.text.lower(), [])
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
                    if self.date is None or (r.ended_before(self.date) if former
                                             else r.active(self.date)):
                        candidates.append(s.actor)
            if not candidates and not former:
                # nobody in the story: the holder in the country in focus, on the date
                want_country = want_country or self._focus_country()
                if want_country is None:
                    continue
                for actor, r in self.g.holders(role_key, want_country, self.date, org_id or None):
                    if self.date is None or r.active(self.date):
                        candidates.append(actor)
                        break
            if candidates:
                break
        if not candidates:
            return False
        self._emit(Span(doc, start, span.end), candidates[0], "role")
        return True

    def _focus_country(self) -> str | None:
        """The country of most of the story's people (else of its states)."""
        for types in (("person",), ("state",)):
            counts: dict[str, int] = {}
            for m in self.out:
                if m.country and m.type in types and not m.actor_id.startswith("local:"):
                    counts[m.country] = counts.get(m.country, 0) + 1
            if counts:
                return max(counts, key=counts.__getitem__)
        return None

    def _link_pronoun(self, tok: object) -> None:
        from spacy.tokens import Token

        assert isinstance(tok, Token)
        c = cues()
        gender = "male" if tok.lower_ in c.male else "female"
        sent_start = tok.sent.start
        best: tuple[float, Actor] | None = None
        outside = not self.quoted[tok.i]
        for s in reversed(self.seen):
            if s.token >= tok.i:
                continue
            if s.actor.gender and s.actor.gender != gender:
                continue
            if outside and s.quoted:
                continue  # "…advisers won't tell him the truth," he will say: not Putin
            distance = tok.i - s.token
            if distance > 150:
                break
            # salience: subjects over objects over possessors and oblique mentions
            # (after Lappin & Leass 1994), then recency
            score = (-distance + (25 if s.subject else 0) + (30 if s.main_subject else 0)
                     + (10 if s.token >= sent_start else 0) - (15 if s.oblique else 0))
            if best is None or score > best[0]:
                best = (score, s.actor)
        if best is not None:
            span = Span(self.doc, tok.i, tok.i + 1)
            self._emit(span, best[1], "pronoun")
            last = self.seen[-1]
            last.subject = tok.dep_ in ("nsubj", "nsubjpass")
            last.main_subject = last.subject and tok.head.dep_ == "ROOT"


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
_NOT_NAME_POS = frozenset({"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART", "INTJ",
                           "VERB", "AUX"})
_LOCATIVE = frozenset({"in", "to", "from", "at", "into", "near", "across", "around", "via",
                       "through", "outside", "inside", "within", "of", "towards", "toward"})


def mentions_by_token(doc: Doc, mentions: list[Mention], offset: int = 0) -> dict[int, Mention]:
    """Token index → the mention covering it, for stages that read the actor stage's
    output on the same parse (quotes, events)."""
    out: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
        if span is not None:
            for t in span:
                out[t.i] = m
    return out


def quoted_tokens(doc: Doc) -> list[bool]:
    """Which tokens stand inside quotation marks (reset at each paragraph)."""
    inside = False
    out = []
    for t in doc:
        if "\n" in t.text_with_ws and t.is_space:
            inside = False
        if t.text in ("“", "«"):
            inside = True
            out.append(False)
            continue
        if t.text in ("”", "»"):
            inside = False
            out.append(False)
            continue
        if t.text == '"':
            inside = not inside
            out.append(False)
            continue
        out.append(inside)
    return out


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


def _prefer_state(actors: list[Actor]) -> Actor | None:
    states = [a for a in actors if a.type == "state"]
    if len(states) == 1:
        return states[0]
    orgs = [a for a in actors if a.type in ("org", "bloc")]
    return orgs[0] if len(orgs) == 1 else None


