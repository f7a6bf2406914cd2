"""Words NER glued before a name in a person's entity, which then starts after them (as
:func:`dossier.actors.names.words_before_entity` mends "Later Sunak"): a sentence's
capitalised first word that is an English adjective or a verb's -ing form ("Recent
Samsung phones sold well", "Questioning Vindman's judgment, …"), a team's or
company's name and a position's abbreviation ("Browns DL Sheldon Richardson"), and a
place before a party's members ("Virginia Democrats won": the party); and a possessive
with more capitalised words after the owner's name ends it ("Jeff Bezos's Blue
Origin")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, SUBJECT_DEPS, cues
from dossier.actors.places import place_name
from dossier.actors.things import english_verbs, word_classes


def glued_edges(start: int, e: Span, a: Article) -> int:
    """Where the name of the entity ``e`` (read from ``start``) starts."""
    if e.label_ not in cues().person_labels or e.end - start < 2:
        return start
    start = party_members_entity(start, e, a)
    start = role_abbreviation_in_entity(start, e)
    return opening_word_glued(start, e, a)


@BOOK.rule("names")
def party_members_entity(start: int, e: Span, a: Article) -> int:
    """A person's entity ending in a plural name of an organisation the gazetteer holds
    (a party's members) after words of no known name is the organisation, those words a
    place or a faction before it: "Virginia Democrats won a majority", "Texas Republicans
    said" (not "Jim Hood said", no plural; nor "Julia Louis-Dreyfus")."""
    last = e.doc[e.end - 1]
    if last.tag_ != "NNPS" or not last.text.endswith("s"):
        return start
    k = next((k for k in range(start + 1, e.end) if k in a.names_at
              and a.names_at[k].end == e.end), None)
    if k is None or any(i in a.names_at for i in range(start, k)):
        return start
    actors = a.g.by_name(a.names_at[k].text)
    return k if actors and all(x.type == "org" for x in actors) else start


@BOOK.rule("names")
def role_abbreviation_in_entity(start: int, e: Span) -> int:
    """A position's or an office's abbreviation in capitals (``role_abbreviations``)
    inside a person's entity, after a team's or a company's name, ends what is no name:
    "Browns DL Sheldon Richardson said" is Sheldon Richardson, "Acme COO Jane Doe"
    Jane Doe (not "DL Hughley", the abbreviation first; nor "Sheldon Richardson DL", no
    name after it)."""
    words = cues().things["role_abbreviations"]
    doc = e.doc
    k = next((k for k in range(e.end - 2, start, -1)
              if doc[k].is_upper and doc[k].lower_ in words), None)
    if k is None or not doc[k + 1].is_title:
        return start
    return k + 1


@BOOK.rule("names")
def opening_word_glued(start: int, e: Span, a: Article) -> int:
    """A person NER found whose first word opens its sentence (or heading) and is an
    English adjective or -ing form, not a first name, a title or a known name, before
    a name the gazetteer holds or the article writes without it, starts one word later:
    "Recent Samsung phones sold well … Samsung said", "Injecting Clinton's troubles into
    the race"; not "Rich Lowry" (a first name), nor "Hosting Cook" when no Cook is
    known or written alone, nor a name that is a subject ("Browning Smith said … Smith"),
    nor "New Zealand" (the rest is no name), nor "Fallen Order" (an unknown rest with an
    English noun: a thing's name)."""
    doc, toks = a.doc, a.tokens
    if e.end - start < 2 or start in a.names_at:
        return start
    tok = toks[start]
    if not (tok.is_title and opens_sentence(tok) and common_opener(tok, a)):
        return start
    end = e.end - 1 if toks[e.end - 1].lower_ in ("'s", "’s") else e.end
    rest = doc[start + 1 : end]
    if not rest or not rest[0].is_title or rest.root.dep_ in SUBJECT_DEPS:
        return start  # "Browning Smith said": a name that acts keeps its first word
    known = a.g.by_name(rest.text) or (len(rest) == 1 and a.g.by_surname(rest.text))
    if known:
        return start + 1
    _, nouns = word_classes(doc.vocab)
    if any(t.lower_ in nouns for t in rest):
        return start  # "Fallen Order": a thing named with common words
    return start + 1 if written_alone(rest, tok) else start


def common_opener(tok: Token, a: Article) -> bool:
    """An English adjective ("Recent") or the -ing form of an English verb
    ("Questioning", "Hosting"), that is no first name, title or gazetteer surname."""
    low = tok.lower_
    c = cues()
    if low in c.first_names or low in c.titles or low in c.things["name_adjectives"] \
            or a.g.by_surname(tok.text) or a.g.by_name(tok.text):
        return False
    adjectives, _ = word_classes(tok.doc.vocab)
    if low in adjectives:
        return True
    if not low.endswith("ing") or len(low) < 6:
        return False
    stem = low[:-3]
    verbs = english_verbs(tok.doc.vocab)
    return stem in verbs or stem + "e" in verbs or (
        len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


def opens_sentence(tok: Token) -> bool:
    """Only punctuation or spaces stand between the sentence's start and ``tok``."""
    sent = tok.sent
    return all(t.is_punct or t.is_space for t in tok.doc[sent.start : tok.i])


def written_alone(rest: Span, opener: Token) -> bool:
    """The article writes ``rest`` elsewhere without ``opener`` before it."""
    doc, words = rest.doc, [t.text for t in rest]
    n = len(words)
    return any(doc[i].text == words[0] and [t.text for t in doc[i : i + n]] == words
               and (i == 0 or doc[i - 1].text != opener.text)
               for i in range(len(doc) - n + 1) if i != rest.start)


@BOOK.rule("names")
def owner_end(end: int, e: Span, start: int) -> int:
    """A person's entity that holds a possessive before more capitalised words, the
    words before it a first name (``first_names``) and a surname, ends at the owner:
    "Amazon founder Jane Roe's Blue Rocket and …" is Jane Roe, not a person "Jane Roe's
    Blue Rocket" (not "Roe's Blue Rocket", no first name; nor "Jane Roe's", nothing
    after it)."""
    if e.label_ not in cues().person_labels:
        return end
    doc = e.doc
    k = next((k for k in range(start + 2, end - 1) if doc[k].lower_ in ("'s", "’s")), None)
    if k is None or not doc[k + 1].text[:1].isupper() \
            or doc[start].lower_ not in cues().first_names:
        return end
    return k


@BOOK.rule("names", off=None)
def place_before_person(start: int, e: Span, a: Article) -> int | None:
    """An entity NER took for another kind than a person (an "organisation") that is a
    place's name and then a person's full name (one the gazetteer knows, or a common
    first name and more) is the person, the place a word of the title before it: "the
    Senator from Vermont Jane Roe" (NER's organisation "Vermont Jane Roe") is Jane
    Roe, "the Ambassador of France Mary Dupont" Mary Dupont (a first name and one or two
    words); where the person's name starts, else None: not an organisation whose words
    before the name are no place ("Friends of Jane Roe"), nor "Paris Saint-Germain" (no
    first name after the place), nor "Richmond Mary Washington Hospital" (too long)."""
    doc, first_names = e.doc, cues().first_names
    for k in range(start + 1, e.end - 1):
        name = a.names_at.get(k)
        known = name is not None and name.end == e.end \
            and any(x.type == "person" for x in a.g.by_name(name.text))
        if known or doc[k].lower_ in first_names and e.end - k in (2, 3) \
                and all(t.is_title for t in doc[k:e.end]):
            words = doc[start:k]
            return k if all(t.is_title for t in words) and place_name(a, words.text) else None
    return None
