"""Choosing one person among namesakes: by title (gender, office), by who is already
in the story, by who held office on the article's date and how senior it was; and an
unknown person's gender from a first name or a gendered word before the name."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.data import data_path, load_toml
from dossier.gazetteer import Actor, norm

# A bare surname may be the person who held an office within this many days of the
# article's date ("Trump" weeks before taking office is Trump).
IN_OFFICE_NEAR_DAYS = 366
# Seniority of an office (top_roles / minor_roles in actor_cues.toml; others between).
RANK_TOP, RANK_OTHER, RANK_MINOR, RANK_NONE = 3, 2, 1, 0


def pick_person(a: Article, actors: list[Actor], *, title: str = "",
                surname_only: bool = False, strict: bool = False) -> Actor | None:
    """One person among candidates: the one already in the story, else the only one
    holding a role on the date (for a bare surname, nothing less), else the only one.
    A title narrows by gender ("Mr Sanders") and by office ("President Clinton")."""
    actors = title_gender(actors, title)
    narrowed = title_office(actors, title, a)
    if len(narrowed) == 1 and len(actors) > 1:
        return narrowed[0]  # "President Clinton": the one Clinton who was president
    actors = narrowed
    if not actors:
        return None
    in_story = [x for x in actors if a.in_story(x)]
    if len(in_story) == 1:
        return in_story[0]
    if a.date is not None:
        active = senior_office([x for x in actors if x.role_on(a.date) is not None], a.date)
        if len(active) == 1:
            return active[0]
        if strict:
            return None
        if surname_only:
            return in_office_near(actors, a.date)
    return actors[0] if len(actors) == 1 else None


@BOOK.rule("names")
def title_gender(actors: list[Actor], title: str) -> list[Actor]:
    """"Mr Sanders" is not Sarah Sanders: a title's gender narrows the candidates."""
    gender = cues().title_gender.get(title)
    return [x for x in actors if x.gender in ("", gender)] if gender else actors


@BOOK.rule("names")
def title_office(actors: list[Actor], title: str, a: Article) -> list[Actor]:
    """"President Clinton" is the Clinton who was president, even with Hillary Clinton
    in the story: a title that is an office narrows to those who held it."""
    office = a.g.role_titles.get(title)
    if not office:
        return actors
    keys = {k for k, _, _ in office}
    return [x for x in actors if any(r.role in keys for r in x.roles)] or actors


@BOOK.rule("names")
def senior_office(active: list[Actor], on: date) -> list[Actor]:
    """Namesakes in office at once: the one whose office ranks highest ("Obama" in
    2016 is the president, not the first lady)."""
    if len(active) <= 1:
        return active
    best = max(rank(x.role_on(on)) for x in active)
    return [x for x in active if rank(x.role_on(on)) == best]


@BOOK.rule("names", off=None)
def in_office_near(actors: list[Actor], on: date) -> Actor | None:
    """A bare surname: the one namesake in office within a year of the date ("Wallace"
    in 2016 is not the defence secretary of 2019, but "Trump" weeks before taking
    office is Trump)."""
    near = [x for x in actors if _in_office_near(x, on)]
    return near[0] if len(near) == 1 else None


def rank(role: Any) -> int:
    """How senior an office is, for telling apart namesakes in office at once."""
    if role is None:
        return RANK_NONE
    c = cues()
    return RANK_TOP if role.role in c.top_roles else \
        RANK_MINOR if role.role in c.minor_roles else RANK_OTHER


def _in_office_near(actor: Actor, on: date, days: int = IN_OFFICE_NEAR_DAYS) -> bool:
    for r in actor.roles:
        start = r.start or date.min
        end = r.end or date.max
        last = min(end, date(9000, 1, 1)).toordinal()
        if start.toordinal() - days <= on.toordinal() <= last + days:
            return True
    return False


@BOOK.rule("names", off=False)
def not_from_here(person: Actor, a: Article) -> bool:
    """A bare surname is someone of the story's country, or a head of state or
    government: "Fox" on American television in 2011 is not Liam Fox."""
    focus = a.focus_country()
    return not (focus is None or person.country == focus
                or rank(person.role_on(a.date)) == RANK_TOP)


@BOOK.rule("names", off=False)
def title_misfits(actor: Actor, title: str, a: Article) -> bool:
    """A title the person cannot bear: "Mrs" a man, "President" someone who was never
    president (unless nobody of that surname ever held the office)."""
    gender = cues().title_gender.get(title)
    if gender and actor.gender and actor.gender != gender:
        return True
    office = a.g.role_titles.get(title)
    if office and actor.roles and not actor.id.startswith("local:"):
        keys = {k for k, _, _ in office}
        if not any(r.role in keys for r in actor.roles):
            others = [x for x in a.g.by_surname(actor.surname or "")
                      if any(r.role in keys for r in x.roles)]
            return bool(others)
    return False


@BOOK.rule("names", off=None)
def surname_over_alias(a: Article, text: str) -> Actor | None:
    """A one-word organisation's alias that is the surname of a person already in the
    story is that person: "Michael Bloomberg criticised Trump. Bloomberg also attacked
    Sanders" (not Bloomberg News); with no such person, "Bloomberg reported" is the
    news agency."""
    if " " in text:
        return None
    written = norm(text)
    return next((s.actor for s in reversed(a.seen) if s.actor.type == "person"
                 and len(parts := s.actor.name.split()) > 1
                 and norm(s.actor.surname or parts[-1]) == written), None)


@BOOK.rule("names", off="")
def first_name_gender(name: str) -> str:
    """"Mark Cuban": a common first name (first_names in actor_cues.toml, else
    ``census_first_name``) says an unknown person's gender."""
    if len(name.split()) <= 1:
        return ""
    return given_name_gender(name.split()[0])


def given_name_gender(first: str) -> str:
    """The gender a first name says: the hand list's, else the census list's."""
    first = first.lower()
    return cues().first_names.get(first, "") or census_first_name(first)


@BOOK.rule("names", off="")
def census_first_name(first: str) -> str:
    """"Governor Jay Inslee appointed Raquel Montoya-Lewis. Her record …": a first name
    among the US's most common of one sex (data/first_names.tsv: the SSA's top names,
    1960s-1990s; none given to both) says the gender the hand list does not, so "her"
    is not Jay Inslee."""
    return _census_first_names().get(first, "")


@cache
def _census_first_names() -> dict[str, str]:
    text = data_path("first_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith(("#", "name\t")))
    return {row[0]: row[1] for row in rows}


@BOOK.rule("names", off="")
def gender_word(a: Article, span: Span, name: str) -> str:
    """"spokeswoman Melezia Figueroa", "Mrs Okafor": a noun or title before or at the
    start of an unknown person's name says the gender."""
    words = [a.tokens[span.start - 1].lower_] if span.start > 0 else []
    words += [w.lower() for w in name.split()[:1]]
    nouns = cues().gender_nouns
    return next((nouns[w.rstrip(".")] for w in words if w.rstrip(".") in nouns), "")


@cache
def _second_names() -> frozenset[str]:
    return frozenset(load_toml("actor_cues.toml")["first_names"]["second"])


@BOOK.rule("names", off=False)
def double_first_name(text: Span, k: int) -> bool:
    """A first name that often comes second ("Ann", "Jean", "Lee") after a capitalised
    word NER took into the same name is part of a double first name, not where the name
    starts: "judges Len Goodman and Carrie Ann Inaba" is Carrie Ann Inaba (not "Ann
    Inaba"); "a former Miss Universe Ann Ruiz" still starts at Ann (a title before)."""
    before = text[k - 1]
    if text.start > 0 and text.doc[text.start - 1].lower_.rstrip(".") in cues().titles:
        return False  # ("Miss Universe Ann …": a title's words before the name)
    return (text[k].lower_ in _second_names() and before.is_title and before.pos_ == "PROPN"
            and before.ent_type_ == "PERSON" and before.lower_ not in cues().titles
            and before.lower_ not in cues().first_names and all(
                t.ent_type_ == "PERSON" and not t.is_sent_start for t in text[:k]))

