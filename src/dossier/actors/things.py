"""Things NER took for actors, and places and teams read as states, checked as a link
is written (:func:`dossier.actors.kinds.review` calls these): a thing named with
common words ("Liquid Retina", "the Bald Eagle", "Fallen Order"), a thing's head noun
after a name ("the SLS rocket"), a city's name NER called a person ("São Paulo"), a
person's name that names a disease or a law ("Parkinson's disease", "Moore's law"), a
country's name owning a team's people in a story about a sport ("the Brazil coach"),
and a capital that is a stop of a concert or sports tour. Word lists: ``[thing_cues]``
of actor_cues.toml; the English adjectives and nouns are the spaCy pipeline's own
lemmatizer tables (WordNet's word lists), read once per pipeline.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.attrs import LOWER
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, SUBJECT_DEPS, cues
from dossier.actors.people import given_name_gender
from dossier.gazetteer import norm
from dossier.gazetteer.places import city_country
from dossier.parse.orgnouns import org_words
from dossier.parse.texts import span_text
from dossier.parse.tree import positions

# a match's score in a sentence ("2-1", "6 - 4")
SCORE = re.compile(r"(?<![\d.])\d{1,2} ?[-–] ?\d{1,2}(?![\d.])")
# sports words an article holds from which every sentence of it is about a sport
SPORTS_ARTICLE = 3
# words of a concert or tour story an article holds from which it is about a tour
TOUR_ARTICLE = 3
# (adjectives, nouns) of each pipeline's vocabulary: learn_word_classes
_WORD_CLASSES: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
_NONE: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
# English verbs (lemmas) of each pipeline's vocabulary: learn_word_classes
_VERBS: dict[int, frozenset[str]] = {}


def learn_word_classes(nlp: Any) -> None:
    """Keep the English adjectives, nouns and verbs of the pipeline's lemmatizer tables
    (its ``lemma_index``, WordNet's word lists) for :func:`common_words_name` and
    :mod:`dossier.actors.entity_edges`; a pipeline without them leaves the rules finding
    nothing."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        classes = (frozenset(table["adj"]), frozenset(table["noun"]))
        verbs = frozenset(table["verb"])
    except (KeyError, ValueError, AttributeError):
        classes, verbs = _NONE, frozenset()
    _WORD_CLASSES[id(nlp.vocab)] = classes
    _VERBS[id(nlp.vocab)] = verbs


def word_classes(vocab: Vocab) -> tuple[frozenset[str], frozenset[str]]:
    return _WORD_CLASSES.get(id(vocab), _NONE)


def english_verbs(vocab: Vocab) -> frozenset[str]:
    return _VERBS.get(id(vocab), frozenset())


def thing(a: Article, span: Span, person: bool) -> bool:
    """Whether an unknown name is a thing, no actor (the rules below)."""
    return thing_head(span) or eponym(span) or (not person and maker_product(a, span)) or (
        maker_named_product(a, span, person)) or (
        person and (
        city_named_person(span) or club_named_person(span) or district_named_person(span)
        or common_words_name(a, span) or brand_product(span)))


@BOOK.rule("names", off=False)
def maker_product(a: Article, span: Span) -> bool:
    """An unknown "organisation" of several words whose first word is an organisation
    of the story (or the gazetteer's) or a product brand, and no word of which says a
    body (a word of ``org_name_nouns``, ``company_name_ends`` or ``[org_kinds]``), is
    the maker's product: "Amazon Echo Dot with clock for $45", "integrated Amazon
    Alexa support", "Apple CarPlay" after "Apple" (not "Amazon Studios", "Google News",
    "Samsung Electronics Co", nor a subject that speaks: "Google DeepMind said")."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) < 2 or not words[0].is_title and not words[0].text[:1].isupper():
        return False
    c = cues()
    body, division = maker_body_words(), maker_division()
    if any(t.lower_.rstrip(".") in body or t.lower_ in division for t in words):
        return False
    root = span.root
    if root.dep_ in SUBJECT_DEPS and root.head.lemma_ in c.speech_verbs:
        return False  # "Google DeepMind said": a body speaks
    first = words[0]
    local = a.local.get(first.lower_)
    return (local is not None and local.type == "org") or first.lower_ in \
        c.things["product_brands"] or any(x.type == "org" for x in a.g.by_name(first.text))


@BOOK.rule("names", off=False)
def maker_named_product(a: Article, span: Span, person: bool = False) -> bool:
    """An unknown name with no word that says a body, that the story also writes right
    after its maker (an organisation of the story or the gazetteer's, or a product brand;
    for an "organisation", also after the maker's possessive), is that maker's product
    named alone: "Stadia is Google's attempt" after "Google Stadia", "integrated Alexa
    support" after "Amazon Alexa", "the Touch Bar" after "Apple's Touch Bar"; not a
    first name ("Apple's Tim Cook"; "the Gordon problem" after "the European Union
    Gordon Sondland"), nor a subject that speaks, nor a name the story never writes
    after a maker ("Quorra said")."""
    bare = [t for t in span if t.lower_ != "the"]
    if not bare or not bare[0].text[:1].isupper() or (
            a.local.get(norm(" ".join(t.text for t in bare))) is None):
        return False  # (only the name of an unknown actor: not "It", nor "the company")
    c = cues()
    body, division = maker_body_words(), maker_division()
    if given_name_gender(bare[0].text) or any(
            t.lower_.rstrip(".") in body or t.lower_ in division for t in bare):
        return False
    root = span.root
    if root.dep_ in SUBJECT_DEPS and root.head.lemma_ in c.speech_verbs:
        return False
    doc, n = span.doc, len(bare)
    texts = [t.text for t in bare]
    for i in positions(doc, texts[0]):
        if i == bare[0].i or i + n > len(doc) or [t.text for t in doc[i:i + n]] != texts:
            continue
        before = doc[i - 1] if i > 0 else None
        if before is not None and before.text in ("'s", "’s") and not person and i > 1:
            before = doc[i - 2]
        if before is not None and before.i != i - 1 and before.ent_type_ != "ORG":
            continue  # a possessive maker NER tagged as an organisation ("Apple's")
        if before is not None and before.text[:1].isupper() and maker(a, before):
            return True
    return False


def maker(a: Article, tok: Token) -> bool:
    """Whether a word names a maker: an organisation of the story (or the gazetteer's)
    or a product brand."""
    local = a.local.get(tok.lower_)
    return (local is not None and local.type == "org") or tok.lower_ in \
        cues().things["product_brands"] or any(x.type == "org" for x in a.g.by_name(tok.text))


@cache
def maker_body_words() -> frozenset[str]:
    """The words that say a body (``org_name_nouns``, ``company_name_ends`` and the
    words of ``[org_kinds]``: "Sony Pictures", "Acme Labs"), joined once."""
    c = cues()
    return c.org_name_nouns | c.company_name_ends | frozenset().union(
        *org_words().kinds.values())


@BOOK.rule("names", off=frozenset())
def maker_division() -> frozenset[str]:
    """Words of a maker's division or subsidiary (``maker_division_words``) say a body
    as well: "GE Healthcare", "the Disney Channel", "Nissan Sales & Regional
    Operations" are no products of GE, Disney or Nissan (session 23's maker_product
    removed these 4 right links of 32 on pages 0-7); "Amazon Echo Dot" still is one."""
    return cues().things["maker_division_words"]


@BOOK.rule("names", off=False)
def thing_head(span: Span) -> bool:
    """An unknown name that a thing's noun (``thing_nouns``: a vehicle, a rocket, a
    screen, a disease, an animal) follows as its head, or whose last word is one, is a
    thing: "the SLS rocket", "a Liquid Retina display", "Lyme Disease", "the Bald
    Eagle" (not "Rocket Lab said", nor "Tom Hill said")."""
    nouns = cues().things["thing_nouns"]
    if len(span) > 1 and span[-1].lower_ in nouns:
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in nouns and after.pos_ == "NOUN" \
        and span.root.head == after


@BOOK.rule("names", off=False)
def brand_product(span: Span) -> bool:
    """An unknown "person" that a product brand or its maker (``product_brands``) starts,
    or stands right before as a proper noun of the same name, is a product: "Xbox Live
    went down", "he bought Pokemon Sword", "the iPhone XS Max", "the Samsung UHD Smart
    TV" (not "Tim Cook said", nor "Nintendo chief Shuntaro Furukawa", a common noun
    between)."""
    brands = cues().things["product_brands"]
    if len(span) > 1 and span[0].lower_ in brands:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in brands and before.pos_ == "PROPN" \
        and before.dep_ == "compound" and span.start <= before.head.i < span.end


@BOOK.rule("names", off=False)
def eponym(span: Span) -> bool:
    """A person's name in the possessive before a noun a thing is named with
    (``eponym_nouns``) names a disease, a law or a paradox, no actor: "Parkinson's
    disease", "Moore's law", "Lou Gehrig's disease" (not "Moore's lawyer", "Biden's
    plan")."""
    doc = span.doc
    end = span.end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("'s", "’s", "'", "’"):
        return False
    return doc[end + 1].lower_ in cues().things["eponym_nouns"]


@BOOK.rule("names", off=False)
def city_named_person(span: Span) -> bool:
    """An unknown "person" of several words whose whole name is a city's is the city:
    "the sky above São Paulo went dark", "SIOUX FALLS, S.D. —", "a tour from Buenos
    Aires to Los Angeles" (not "Paris Hilton")."""
    return len(span) > 1 and city_country(span_text(span)) is not None


@BOOK.rule("names", off=False)
def club_named_person(span: Span) -> bool:
    """An unknown "person" named as a city and a club's last word (``club_name_ends``)
    is a football club: "Johnson scored twice for Leeds United", "Bolton Wanderers"
    (not "Carmen Town", whose first word is no city; no compass word: "Kanye West" and
    "Adam West" start with a town's name too)."""
    return len(span) > 1 and span[-1].lower_ in cues().things["club_name_ends"] \
        and city_country(span[0].text) is not None


@BOOK.rule("names", off=False)
def district_named_person(span: Span) -> bool:
    """An unknown "person" named as a city and a district's last words
    (``district_ends``) is a district or a constituency: "Walsall North | Eddie Hughes",
    "York Outer", "Wichita North's Miguel Bernal" (not "Kanye West", nor "Adam North",
    whose first word is a first name)."""
    c = cues()
    if len(span) < 2 or span[-1].lower_ not in c.things["district_ends"] \
            or span[0].lower_ in c.first_names:
        return False
    k = 1
    while k < len(span) - 1 and span[k].lower_ not in c.things["district_ends"]:
        k += 1  # "Wolverhampton North East", "Newcastle upon Tyne Central"
    return all(t.lower_ in c.things["district_ends"] for t in span[k:]) \
        and city_country(span[:k].text) is not None


@BOOK.rule("names", off=False)
def common_words_name(a: Article, span: Span) -> bool:
    """An unknown "person" whose first word is an English adjective and no first name,
    and whose last word is an English noun that is no known person's surname, is a
    thing named with common words: "a Liquid Retina display", "the Bald Eagle",
    "Fallen Order's combat", "the installation Starry Night", "Dark Web Monitoring";
    not a name with a title before it, or saying something, or whose last word stands
    alone elsewhere as a surname ("Greedy Williams … Williams was flagged"; "Sgt. Bright
    Dark said"; a known person's surname), nor one starting with an adjective that is
    a first name (``name_adjectives``: "Julian Knight").
    Adjectives and nouns: the pipeline's lemmatizer tables (WordNet)."""
    if len(span) < 2:
        return False
    adjectives, nouns = word_classes(span.doc.vocab)
    first, last = span[0].lower_, span[-1].lower_
    c = cues()
    if first not in adjectives or first in c.first_names or first in c.titles \
            or first in c.things["name_adjectives"]:
        return False
    if last not in nouns and not (last.endswith("s") and last[:-1] in nouns):
        return False
    if a.g.by_surname(span[-1].text) or a.title_before(span) in c.titles \
            or surname_alone(span):
        return False
    root = span.root
    return not (root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in c.speech_verbs)


def surname_alone(span: Span) -> bool:
    """The name's last word stands alone elsewhere in the article, as a surname does
    ("Greedy Williams" … "Williams was flagged"; not "Order 66")."""
    doc, last, first = span.doc, span[-1].text, span[0].text
    return any(i != span.end - 1 and (i == 0 or doc[i - 1].text != first)
               and not (i + 1 < len(doc) and doc[i + 1].like_num)
               for i in positions(doc, last))  # (not a walk over every token)


@BOOK.rule("names", off=False)
def team_of_country(a: Article, span: Span) -> bool:
    """A country's name that owns or modifies a team's noun (``team_nouns``) in a
    sentence or story about a sport is its national team, no state: "The Brazil coach
    said they would win the World Cup", "Germany's players trained before the match"
    (not "Germany's players in the bond market", "the China team negotiating
    tariffs")."""
    root = span.root
    if root.dep_ not in ("poss", "compound", "nmod") or root.head.i == root.i:
        return False
    head = root.head
    if head.lower_ not in cues().things["team_nouns"]:
        return False
    sports = cues().sports_words
    sent = root.sent
    if SCORE.search(sent.text) or any(t.lower_ in sports for t in sent):
        return True
    return len(a.parsed.where(LOWER, sports)) >= SPORTS_ARTICLE


@BOOK.rule("names", off=False)
def tour_stop(a: Article, span: Span) -> bool:
    """A capital standing for its state in a story about a concert tour
    (``TOUR_ARTICLE`` words of ``tour_words``) is a stop of the tour, no state: "The
    tour visits Manchester, Dublin and London"; so is one a verb of ``tour_verbs``
    takes as object in any story: "She plays London on Friday, then Lisbon and Rome"
    (not "London said it would act", a speech verb's subject, nor "Beijing plays a key
    role")."""
    c = cues()
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in c.things["tour_verbs"]:
        return True
    if len(a.parsed.where(LOWER, c.things["tour_words"])) < TOUR_ARTICLE:
        return False
    return not (root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in c.speech_verbs)
