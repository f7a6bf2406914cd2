"""Places that are not the state of the same name: a state of a federation ("Atlanta,
Georgia", "Georgia's governor") and a longer place name holding a state's ("New
Jersey", "Western Australia"). Such a place is no actor: its tokens are taken
without a mention."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.gazetteer import Actor, norm
from dossier.gazetteer.places import city_country

# words of a city's name before a comma and its country ("New Delhi, India")
CITY_WORDS = (1, 2, 3)


def not_the_state(a: Article, span: Span, actor: Actor) -> bool:
    """Whether ``span``, read as the state or bloc ``actor``, is rather a place inside
    a country (then its tokens are taken, with no mention)."""
    longer = part_of_longer_place(a, span)
    if longer is not None:
        a.skip(longer)
        return True
    if actor.type == "state" and subnational_place(a, span, actor):
        a.skip(span)
        return True
    return False


@BOOK.rule("names", off=False)
def place_not_actor(a: Article, span: Span) -> bool:
    """A capital or seat of power that locates rather than acts is a place: "Beijing
    supplies Moscow" (actors) but "a visit to Beijing" (a place), and so is one joined
    to such a place ("reached Mexico via Moscow and Paris": Paris too)."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return bool(root.dep_ == "pobj" and root.head.lower_ in cues().locative)


@BOOK.rule("names", off=None)
def part_of_longer_place(a: Article, span: Span) -> Span | None:
    """"He moved to New Jersey": a name inside a longer place name (a state of a
    federation or a city: "New Jersey", "New South Wales", "Western Australia", "New
    Britain") is not the state or bloc it names alone (Jersey, the West); the longer
    name, else None."""
    doc = a.doc
    for lo in range(max(span.start - 2, 0), span.start + 1):
        for hi in range(min(span.end + 2, len(doc)), span.end - 1, -1):
            if (lo, hi) == (span.start, span.end) or \
                    not all(t.is_title for t in doc[lo:hi]):
                continue
            longer = Span(doc, lo, hi)
            if norm(longer.text) in cues().subnational or \
                    city_country(longer.text) is not None:
                return longer
    return None


@BOOK.rule("names", off=False)
def subnational_place(a: Article, span: Span, actor: Actor) -> bool:
    """"Atlanta, Georgia", "Georgia's governor", "the state of Georgia", and "in
    Georgia" in an American story with no sign of the country (Tbilisi, "Georgian"):
    the US state, not the country Georgia."""
    country = cues().subnational.get(norm(span.text))
    if country is None or country == actor.id or country_signs(a, actor):
        return False
    doc = a.doc
    before = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]]
    if before == ["state", "of"]:
        return True
    if span.start >= 2 and doc[span.start - 1].text == "," \
            and city_country(doc[span.start - 2].text) == country:
        return True  # "Atlanta, Georgia"
    k = span.end + (1 if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s") else 0)
    if k < len(doc) and doc[k].lower_.rstrip(".") in cues().subnational_nouns:
        return True  # "Georgia's governor", "Georgia Republicans"
    return a.focus_country() == country


def country_signs(a: Article, actor: Actor) -> bool:
    """The article names the country's capital or uses its demonym ("Tbilisi",
    "Georgian")."""
    if actor.id not in a.signs:
        g = a.g
        a.signs[actor.id] = any(
            t.is_title and (g.demonyms.get(norm(t.text)) == actor.id
                            or g.metonyms.get(norm(t.text)) == actor.id) for t in a.doc)
    return a.signs[actor.id]


@BOOK.rule("names", off=False)
def city_not_actor(text: Span) -> bool:
    """An unknown organisation that bears a city's name is the city NER mislabelled,
    not an actor ("Delhi-based" aside: "Nantucket voted"); so is an unknown one-word
    "person" after "in", "to", "from" ("the base in Tanf"): a place, no mention."""
    return city_country(text.text) is not None


@BOOK.rule("names", off=False)
def state_as_place(span: Span, country: str = "") -> bool:
    """A country or region named only as where something is or happens, the object of
    a preposition of ``where_prepositions`` (or of a word joined to one), before
    "-based", or after one of its cities and a comma, is a place, not a state acting or
    acted upon: the link is kept at the confidence of ``state_as_place``, below the
    default views' floor ("hospitals in Belgium", "wars in Afghanistan and Iraq", "a
    Britain-based charity", "metropolises like Karachi, Pakistan"; not "Britain said",
    "sanctions on Iran", "aid to Ukraine", "lashed out at the US", "Russia, China and Iran
    said", "In Paris, France said")."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" \
            and doc[span.end + 1].lower_ == "based":
        return True
    if country and span.start >= 2 and doc[span.start - 1].text == "," \
            and span.root.dep_ not in ("nsubj", "nsubjpass") and any(
            city_country(doc[max(span.start - 1 - k, 0) : span.start - 1].text) == country
            for k in CITY_WORDS):
        return True
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return bool(root.dep_ == "pobj" and root.head.lower_ in cues().where_prepositions)
