"""Linking names: gazetteer names and aliases, titles, surnames, first names,
misspellings, metonyms, and local actors for unknown names.

Each ``link_*`` pass takes the article and a token index and returns where the
reading goes on when it linked (or took) something there, else None.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Span, Token

from dossier.actors.article import LOCAL_ID_LENGTH, Article
from dossier.actors.coref.nominals import short_form
from dossier.actors.cues import BOOK, NOT_NAME_POS, cues
from dossier.actors.entity_edges import glued_edges, owner_end, place_before_person
from dossier.actors.mentions import emit
from dossier.actors.misreads import capital_as_federal_state, other_initials
from dossier.actors.namesakes import continue_namesake
from dossier.actors.nonactors import (
    common_word_name,
    foreign_script,
    interviewer_label,
    labelled_speaker,
    word_piece,
)
from dossier.actors.orgnames import entity_norm_name, org_of_story_country, org_with_article
from dossier.actors.orgpeople import org_tagged_person, person_tagged_org, title_piece
from dossier.actors.people import (
    double_first_name,
    first_name_gender,
    gender_word,
    not_from_here,
    pick_person,
    surname_over_alias,
    title_misfits,
)
from dossier.actors.places import city_not_actor, not_the_state, place_not_actor
from dossier.actors.titles import inside_title, place_in_title, title_extends_name
from dossier.gazetteer import Actor, norm
from dossier.parse.texts import span_text
from dossier.records import content_id

LONG_NAME = 16  # letters from which a name's typo may be two edits
# NER labels of a longer name that holds a place's ("the Bangkok International Motor Show")
NAMED_THINGS = frozenset({"ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"})


# -- what NER found -----------------------------------------------------------------
def entity_spans(a: Article) -> dict[int, Span]:
    """The document's entities by first token, their starts (and owners' ends) mended."""
    out: dict[int, Span] = {}
    for e in a.parsed.ents:
        start = words_before_entity(e.start, e)
        label = e.label_
        if label not in cues().person_labels and (person := place_before_person(start, e, a)):
            start, label = person, "PERSON"  # "Senator from Vermont Jane Roe"
        start = full_name_in_entity(start, e, a)
        start = glued_edges(start, e, a)  # "Recent Samsung", "Browns DL Sheldon Richardson"
        out[start] = Span(a.doc, start, owner_end(e.end, e, start), label=label)
    return out


@BOOK.rule("names")
def words_before_entity(start: int, e: Span) -> int:
    """NER takes in a word before the name: "the Chinese Communist Party", "Later
    Sunak" (the name starts after it)."""
    doc = e.doc
    while start < e.end - 1:
        t = doc[start]  # (one token made a word, not one an attribute)
        if t.lower_ != "the" and t.pos_ not in NOT_NAME_POS:
            break
        start += 1
    return start


@BOOK.rule("names")
def full_name_in_entity(start: int, e: Span, a: Article) -> int:
    """"Crooked Hillary Clinton": a known person's full name ends the entity, and the
    entity starts there."""
    if e.label_ not in cues().person_labels or start in a.names_at:
        return start
    inner = next((k for k in range(start + 1, e.end - 1)
                  if k in a.names_at and a.names_at[k].end == e.end), None)
    if inner is not None and any(x.type == "person" for x in a.g.by_name(a.names_at[inner].text)):
        return inner
    return start


@BOOK.rule("names", off=False)
def ner_longer_name(a: Article, span: Span, ent: Span) -> bool:
    """NER saw a longer name of an organisation, event or building that holds a
    country's or a capital's ("China Daily", "the Bangkok International Motor Show") or
    a region's word ("a European Space Agency fellow"): that name alone is no mention."""
    doc, toks = a.doc, a.tokens
    return (len(ent) > len(span) and ent.label_ in NAMED_THINGS
            and toks[span.end - 1].text.lower() not in ("'s", "’s")
            and span.end < len(doc) and toks[span.end].text not in ("'s", "’s")
            and all(x.type == "state" or region_word(x, span) for x in a.g.by_name(span.text)))


def region_word(actor: Actor, span: Span) -> bool:
    """A region's one word that is no acronym ("European" of "European Space
    Agency"), not NATO or the UN."""
    return "-" not in actor.id and actor.type != "state" and len(span) == 1 \
        and not span[0].is_upper  # blocs and regions have CAMEO codes for ids


# -- gazetteer names ----------------------------------------------------------------
@BOOK.rule("names", off=None)
def link_known(a: Article, tok: Token) -> int | None:
    """A gazetteer name or alias at ``tok`` ("GCHQ", "the Security Service", "Xinhua",
    "Beijing" as a metonym of China)."""
    i = tok.i
    span = a.names_at.get(i)
    if span is None:
        return None
    return span.end if _known(a, span, a.ents_at.get(i)) else None


def _known(a: Article, span: Span, ent: Span | None) -> bool:
    g = a.g
    actors = g.by_name(span.text)
    if not actors:
        place = g.metonyms.get(norm(span.text))
        if place is None:
            return False
        if place_not_actor(a, span) or capital_as_federal_state(a, span, place):
            a.skip(span)  # "a visit to Beijing", "Olympia, Washington": a place
            return True
        emit(a, span, g.actors[place], "metonym")
        return True
    persons = [x for x in actors if x.type == "person"]
    others = person_not_state([x for x in actors if x.type != "person"], span, ent)
    if not persons and not others:
        return False
    if not persons and (person := surname_over_alias(a, span.text)) is not None:
        emit(a, span, person, "name", "name_part")
        return True
    if persons and not others:
        title = span[0].lower_.rstrip(".") if len(span) > 1 else ""
        person = pick_person(a, persons, title=title or a.title_before(span))
        if person is None:
            return False
        full = title_extends_name(span, a)
        if full.start < span.start or span[0].lower_.rstrip(".") in cues().titles:
            via = "title"
        else:
            via = "name" if norm(span.text) == norm(person.name) else "alias"
        emit(a, full, person, via, "name_short" if via != "title" and len(span) == 1 else via)
        return True
    actor = others[0] if len(others) == 1 else prefer_state(others, a)
    if actor is None or actor.type == "state" and place_in_title(a, span):
        return False  # "President of Ukraine Jane Roe": the title's word
    if not_the_state(a, span, actor):
        return True  # "New Jersey", "Atlanta, Georgia": a place, no actor
    via = "name" if norm(span.text) == norm(actor.name) else "alias"
    span = org_with_article(span, a, actor)
    if norm(span.text) in g.metonyms:
        if place_not_actor(a, span) or capital_as_federal_state(a, span, actor.id):
            a.skip(span)
            return True
        via = "metonym"
    emit(a, span, actor, via)
    return True


@BOOK.rule("names")
def person_not_state(others: list[Actor], span: Span, ent: Span | None) -> list[Actor]:
    """NER's PERSON label vetoes a state reading: "Jordan" the player is not Jordan
    the country."""
    if ent is not None and ent.label_ in cues().person_labels and ent.end >= span.end:
        return [x for x in others if x.type != "state"]
    return others


def prefer_state(actors: list[Actor], a: Article) -> Actor | None:
    """One actor of an ambiguous name: the one state, else the one organisation."""
    states = [x for x in actors if x.type == "state"]
    if len(states) == 1:
        return states[0]
    orgs = [x for x in actors if x.type in ("org", "bloc", "region")]
    if len(orgs) > 1:
        orgs = org_of_story_country(orgs, a)
    return orgs[0] if len(orgs) == 1 else None


# -- entities: surnames, first names, misspellings, unknown names --------------------
@BOOK.rule("names", off=None)
def link_entity(a: Article, tok: Token) -> int | None:
    """An entity NER found at ``tok``: a person or organisation, known or not ("Rishi
    Sunak", "Maria Gonzalvez", "the Ithilen Trade Council")."""
    i = tok.i
    ent = a.ents_at.get(i)
    if ent is None:
        return None
    text = strip_possessive(ent)
    if text is None:
        return None
    if word_piece(text) or foreign_script(text) or interviewer_label(text):
        a.skip(ent)  # "un-angry", "उतना ही मिला", "((WN))"
        return ent.end
    if inside_title(a, text):
        return None  # "Secretary of State": the title's word
    label = ent.label_
    person = label in cues().person_labels or labelled_speaker(text)
    if len(text) == 1 and (surname_in_story(a, text) or person and first_name_in_story(a, text)
                           or local_surname(a, text)):
        return ent.end
    if person and org_tagged_person(text):
        return ent.end if unknown_org(a, text, described=True) else None
    if person:
        if len(text) == 1:
            linked = local_name_part(a, text) or gazetteer_surname(a, text)
        else:
            linked = misspelt_name(a, text)
        if linked or unknown_person(a, text):
            return ent.end
        return None
    if label == "ORG" and title_piece(a, text):
        return None  # the role title's pass reads it
    if label == "ORG" and entity_norm_name(a, text):
        return ent.end
    if label == "ORG" and (org_tagged_surname(a, text) or org_short_form(a, text)
                           or person_tagged_org(text) and unknown_person(a, text)
                           or unknown_org(a, text)):
        return ent.end
    return None


def strip_possessive(ent: Span) -> Span | None:
    end = ent.end
    while end > ent.start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return Span(ent.doc, ent.start, end) if end > ent.start else None


@BOOK.rule("names", off=False)
def surname_in_story(a: Article, text: Span) -> bool:
    """A surname of someone already in the story, whatever NER called it ("Rishi Sunak
    spoke. Later Sunak said"), unless a title says otherwise ("President Clinton" is
    not Hillary Clinton)."""
    title, written = a.title_before(text), norm(span_text(text))
    return continue_namesake(a, title_extends_name(text, a), [
        s for s in a.seen if s.actor.surname and norm(s.actor.surname) == written
        and not title_misfits(s.actor, title, a)])


@BOOK.rule("names", off=False)
def first_name_in_story(a: Article, text: Span) -> bool:
    """A first name of someone already named in full ("Hillary", "Bernie")."""
    written = norm(span_text(text))
    for s in reversed(a.seen):
        parts = s.actor.name.split()
        if len(parts) > 1 and norm(parts[0]) == written \
                and not s.actor.id.startswith("local:"):
            emit(a, text, s.actor, "name", "first_name")
            return True
    return False


@BOOK.rule("names", off=False)
def local_surname(a: Article, text: Span) -> bool:
    """The surname of an unknown person named in full before ("Maria Gonzalvez …
    Gonzalvez was upset"), whatever NER called it."""
    written = None
    for x in a.local.values():
        if x.type == "person" and len(parts := x.name.split()) > 1 \
                and (written := written or norm(span_text(text))) == norm(parts[-1]):
            emit(a, text, x, "name", "name_part")
            return True
    return False


@BOOK.rule("names", off=False)
def local_name_part(a: Article, text: Span) -> bool:
    """A one-word person who is part of an unknown person's name already seen ("Zhang"
    after "Zhang Rongqiao")."""
    last = text[-1].text
    for x in a.local.values():
        if x.type == "person" and norm(last) in norm(x.name).split():
            emit(a, text, x, "name", "name_part")
            return True
    return False


@BOOK.rule("names", off=False)
def gazetteer_surname(a: Article, text: Span) -> bool:
    """A surname the gazetteer knows, preferring the one in office on the date ("Sunak"
    in 2023), of the story's country or a head of state or government ("Lowe's" in an
    American story is not Australia's central banker)."""
    person = pick_person(a, a.g.by_surname(text[-1].text), surname_only=True,
                         title=a.title_before(text))
    if person is None or not_from_here(person, a):
        return False
    full = title_extends_name(text, a)
    titled = full.start < text.start
    emit(a, full, person, "title" if titled else "name", "title" if titled else "surname_office")
    return True


@BOOK.rule("names", off=False)
def misspelt_name(a: Article, text: Span) -> bool:
    """A misspelt known name, close as a whole string (rapidfuzz ratio, cut-off
    ``fuzzy_cutoff`` in actor_cues.toml): "Xi Jiinping" is Xi Jinping."""
    hit = a.fuzzy.closest(written := norm(text.text), cues().fuzzy_cutoff,
                          2 if BOOK.on("names", "a_typo") else 1)  # a_typo: 2 words
    if hit is None or not a_typo(written, hit[0], a.parsed.text.count(text.text) > 1) \
            or other_initials(written, hit[0]):
        return False
    emit(a, title_extends_name(text, a), a.g.actors[a.fuzzy.ids[hit[2]]], "fuzzy")
    return True


@BOOK.rule("names", off=True)
def a_typo(written: str, known: str, repeated: bool) -> bool:
    """A typo, not another person: as many words, one edit (two in a name of
    ``LONG_NAME`` letters or more), the first name the same unless the edit is in
    it and it is no common first name itself, and not written so again in the article
    (a name spelt the same twice is someone's name): "Xi Jiinping" is Xi Jinping;
    "Bill Barrow" is not William Barr."""
    w, k = written.split(), known.split()
    if len(w) != len(k) or len(w) < 2:
        return False
    if Levenshtein.distance(written, known) > (2 if len(known) >= LONG_NAME else 1):
        return False
    if w[0] != k[0] and (w[0] in cues().first_names or w[-1] != k[-1]):
        return False
    return not repeated


@BOOK.rule("names", off=False)
def unknown_person(a: Article, text: Span) -> bool:
    """A person the gazetteer does not know gets a stable local actor, not a guess
    ("Maria Gonzalvez, a local baker")."""
    text = name_from_first_name(text)
    if common_word_name(a, text) or len(text) == 1 and text.root.dep_ == "pobj" \
            and text.root.head.lower_ in cues().locative and city_not_actor(text):
        a.skip(text)
        return True
    emit(a, text, local_actor(a, text, "person"), "unlinked",
         "unlinked_person" if len(text) > 1 else "unlinked_word")
    return True


@BOOK.rule("names")
def name_from_first_name(text: Span) -> Span:
    """An unknown person's name starts at a common first name NER ran a word before:
    "a former Miss Universe Alicia Machado" is Alicia Machado (and "Universe" later
    is nobody)."""
    first = cues().first_names
    if len(text) < 3 or text[0].lower_ in first:
        return text
    k = next((k for k in range(1, len(text) - 1) if text[k].lower_ in first), None)
    return text if k is None or double_first_name(text, k) else text[k:]


@BOOK.rule("names", off=False)
def org_tagged_surname(a: Article, text: Span) -> bool:
    """"Trump" tagged as an organisation ("showing Trump leading"): the one person of
    that surname in office on the date."""
    if len(text) != 1 or not text[0].is_title or a.date is None:
        return False
    person = pick_person(a, a.g.by_surname(text.text), surname_only=True, strict=True)
    if person is None or not_from_here(person, a):
        return False
    emit(a, text, person, "name", "surname_guess")
    return True


def _with_article(a: Article, text: Span) -> Span:
    start = text.start
    if start > 0 and a.tokens[start - 1].lower_ == "the" and not a.taken[start - 1]:
        start -= 1
    return a.span(start, text.end)


def org_short_form(a: Article, text: Span) -> bool:
    """"The Post" (an ORG entity) after "The Washington Post": the short form."""
    full = _with_article(a, text)
    org = short_form(a, text.text) if full.start < text.start else None
    if org is None:
        return False
    emit(a, full, org, "alias", "short_form")
    return True


@BOOK.rule("names", off=False)
def unknown_org(a: Article, text: Span, described: bool = False) -> bool:
    """An organisation the gazetteer does not know gets a stable local actor ("the
    Ithilen Trade Council"); named or ``described`` as one ("Quorra Labs, a chip
    firm,"), it is surer."""
    if city_not_actor(text) or common_word_name(a, text):
        a.skip(text)
        return True
    why = "unlinked_org_noun" if described or org_named(text) else "unlinked_org"
    emit(a, _with_article(a, text), local_actor(a, text, "org"), "unlinked", why)
    return True


@BOOK.rule("names", off=False)
def org_named(text: Span) -> bool:
    """An unknown organisation named as one ("the Movement for the Actualization of
    the Sovereign State of Biafra": org_name_nouns), not maybe a product ("Stadia")."""
    return any(t.lower_ in cues().org_name_nouns for t in text)


def local_actor(a: Article, span: Span, type_: str) -> Actor:
    """The local actor of an unknown name (the same one for the same name)."""
    name = span_text(span).strip()
    key = norm(name)
    if type_ == "person" and (known := same_local_person(key, a)) is not None:
        return known
    actor = a.local.get(key)
    if actor is None:
        gender = first_name_gender(name) if type_ == "person" else ""
        if type_ == "person" and not gender:
            gender = gender_word(a, span, name)
        actor = Actor(id=f"local:{type_}:{content_id(key, length=LOCAL_ID_LENGTH)}",
                      name=name, type=type_, gender=gender)
        a.local[key] = actor
    return actor


@BOOK.rule("names", off=None)
def same_local_person(key: str, a: Article) -> Actor | None:
    """"Zhang" after "Zhang Rongqiao", "Van Der Beek" after "James Van Der Beek" (a
    surname of several words ending the name): the same local person; nobody when two
    fit ("Ilsa Van Der Berg and Jan Van Der Berg … Van Der Berg said")."""
    fits = [x for x in a.local.values() if x.type == "person" and (
        key == (full := norm(x.name)) or key in full.split() or full.endswith(" " + key))]
    return fits[0] if len(fits) == 1 else None


# -- surnames NER missed --------------------------------------------------------------
@BOOK.rule("names", off=None)
def transcript_label(a: Article, tok: Token) -> int | None:
    """A transcript's speaker label in capitals, of someone already named ("PENCE:
    Well, look")."""
    i = tok.i
    if not (tok.is_upper and len(tok) > 2 and tok.is_alpha) or a.taken[i]:
        return None
    fits = [s for s in a.seen if s.actor.type == "person" and s.actor.surname
            and s.actor.surname.lower() == tok.lower_]
    return i + 1 if fits and continue_namesake(a, a.span(i, i + 1), fits) else None


@BOOK.rule("names", off=None)
def missed_surname(a: Article, tok: Token) -> int | None:
    """A surname NER missed ("the Trump campaign") of someone already named."""
    i = tok.i
    if not (tok.pos_ == "PROPN" and tok.is_title):
        return None
    fits = [s for s in a.seen if s.actor.surname and s.actor.surname == tok.text]
    if fits and continue_namesake(a, a.span(i, i + 1), fits):  # (no span made for none)
        return i + 1
    return missed_local_surname(a, tok)


@BOOK.rule("names", off=None)
def missed_local_surname(a: Article, tok: Token) -> int | None:
    """A missed surname of the one unknown person so named before ("… Buser said")."""
    i, word = tok.i, tok.text
    people = [x for x in a.local.values() if x.type == "person" and " " + word in x.name]
    nxt = a.tokens[i + 1 : i + 2]  # not the first word of another name
    if [x.name.split()[-1] for x in people] != [word] or any(t.pos_ == "PROPN" for t in nxt):
        return None
    emit(a, a.span(i, i + 1), people[0], "name", "name_part")
    return i + 1


@BOOK.rule("names", off=None)
def surname_in_office(a: Article, tok: Token) -> int | None:
    """A capitalised surname outside any entity (a title-case headline, "Trump Leads
    In Florida"): the one person of that surname in office on the date."""
    i = tok.i
    if not (tok.pos_ == "PROPN" and tok.is_title) or tok.ent_type_ or a.date is None:
        return None
    person = pick_person(a, a.g.by_surname(tok.text), surname_only=True, strict=True)
    if person is None or not_from_here(person, a):
        return None
    emit(a, a.span(i, i + 1), person, "name", "surname_guess")
    return i + 1
