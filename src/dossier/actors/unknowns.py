"""What an unknown name is where NER's label is not enough (session 24): a person
tagged as an organisation (a title, the article's other labels, a surname of the
story's person), an abbreviation of a common noun, a lower-case last word."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from dossier.actors.article import LOCAL_ID_LENGTH, Article
from dossier.actors.bodies import without_the
from dossier.actors.cues import BOOK, cues
from dossier.actors.orgpeople import org_tagged_person
from dossier.actors.people import given_name_gender
from dossier.gazetteer import Actor, norm
from dossier.parse.texts import span_text
from dossier.records import content_id


def retype(a: Article, actor: Actor, type_: str) -> Actor:
    """The local actor of the same name as a ``type_`` (the same one for the article)."""
    key = norm(actor.name)
    gender = given_name_gender(actor.name.split()[0]) if type_ == "person" else ""
    new = replace(actor, id=actor.id.replace(f"local:{actor.type}:", f"local:{type_}:", 1),
                  type=type_, gender=gender)
    a.local[key] = new
    return new


@BOOK.rule("names", off=None)
def titled_person(a: Article, span: Span) -> Actor | None:
    """An unknown "organisation" that a person's title opens (``titles``: "Dr", "Mr",
    "Sen.") before a name of two or three capitalised words, none a body's word, is
    that person, named without the title: "Wikinews caught up with Dr
    Christian Keysers and Dr Valeria Gazzola" (NER's organisation "Dr Valeria
    Gazzola", 32 more times her interview's label, which ``labelled_speaker`` makes a
    person); not "Dr Pepper" (one word), nor "Dr Reddy's Laboratories" or "the Prince
    Charles Hospital" (a body's word)."""
    bare = without_the(span)
    titles = cues().titles
    k = 0
    while k < len(bare) - 1 and bare[k].lower_.rstrip(".") in titles:
        k += 1
    name = bare[k:]
    c = cues()
    if k == 0 or not 2 <= len(name) <= 3 or not all(
            t.is_title and t.is_alpha and t.lower_ not in c.org_name_nouns
            and t.lower_ not in c.org_nouns and t.lower_ not in c.company_name_ends
            for t in name):
        return None
    text = span_text(name).strip()
    key = norm(text)
    known = a.local.get(key)
    if known is not None:
        return known if known.type == "person" else retype(a, known, "person")
    new = Actor(id=f"local:person:{content_id(key, length=LOCAL_ID_LENGTH)}", name=text,
                type="person", gender=given_name_gender(name[0].text))
    a.local[key] = new
    return new


@BOOK.rule("names", off=False)
def person_by_labels(a: Article, span: Span) -> bool:
    """An unknown "organisation" of two or three capitalised words that NER labels a
    person more often than an organisation elsewhere in the article is that person:
    "Sviatlana Tsikhanouskaya arrived at about 20:00. She spoke about her husband"
    (an organisation there, a person twice before and after); not a name NER calls
    an organisation as often ("Morgan Stanley"), nor one an organisation's noun stands in
    apposition to (``org_tagged_person``)."""
    bare = without_the(span)
    if not 2 <= len(bare) <= 3 or not all(t.is_title for t in bare) or org_tagged_person(
            span):
        return False  # ("Quorra Labs, a chip firm, said": the apposition settles it)
    by = a.ent_labels.get(bare.text, {})
    people = sum(n for label, n in by.items() if label in cues().person_labels)
    return people > sum(n for label, n in by.items() if label in cues().org_labels)


@BOOK.rule("names", off=None)
def surname_of_story_person(a: Article, span: Span) -> Actor | None:
    """An unknown "organisation" that ends the name of the one unknown person of the
    story so named is that person's surname: "Carroll agreed with La Riva" after
    "Gloria La Riva" (NER's organisation "La Riva" 18 times on Wikinews 2020); a surname
    of one word only where NER also labels it a person ("Hawkins" after "Howie
    Hawkins"), not "Ford" after "Jane Ford" in "Ford said its sales rose"."""
    bare = without_the(span)
    if not all(t.is_title for t in bare):
        return None
    key = norm(bare.text)
    fits = {x.id: x for x in a.local.values() if x.type == "person"
            and norm(x.name).endswith(" " + key)}
    if len(fits) != 1:
        return None
    if len(bare) == 1 and not any(label in cues().person_labels
                                  for label in a.ent_labels.get(bare.text, {})):
        return None
    return next(iter(fits.values()))


@BOOK.rule("names", off=False)
def noun_abbreviation(span: Span, actor: Actor) -> bool:
    """An unknown name written in capitals that abbreviates a common noun
    (``noun_abbreviations``: a statistic, a unit, a technology, a test; or a player's
    position, ``role_abbreviations``) names nothing: "Arthur Jackson caught two TD
    passes", "1 sack, 1 TFL", "8GB of RAM and an IPS panel", "an open programmatic RTB
    exchange", "most people won't appreciate the ECG", "| CB | Greedy Williams |" (not
    "the NYAG", nor "Ai Weiwei", a name written in lower case, nor a role's word that
    names someone the story titled so: "Acme CEO Jane Doerr … the CEO said")."""
    bare = without_the(span)
    if len(bare) != 1 or not bare[0].is_upper or norm(actor.name) != bare[0].lower_:
        return False
    word = bare[0].lower_
    things = cues().things
    return word in things["noun_abbreviations"] or word in things["role_abbreviations"]


@BOOK.rule("names", off=False)
def lower_case_end(span: Span, actor: Actor) -> bool:
    """An unknown "person" of several words whose last word is written all in lower case
    is no name (a name's last word is capitalised: "Nabil Hasan al-Quaety", "Vincent
    van Gogh"): the answer "((Jaya)) Ya ya." of a Wikinews interview made a person "Ya
    ya." whom 28 pronouns of the woman's story then joined."""
    last = [t for t in span if t.is_alpha]
    return len(span) > 1 and bool(last) and last[-1].is_lower \
        and norm(span_text(span)) == norm(actor.name)  # (not "the 56-year-old" for her)
