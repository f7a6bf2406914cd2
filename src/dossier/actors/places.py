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
from dossier.parse.texts import span_text

# words of a city's name before a comma and its country ("New Delhi, India")
CITY_WORDS = (1, 2, 3)
# marks ending a dateline ("WASHINGTON —", "Washington, DC, United States:")
DATELINE_MARKS = frozenset({"—", "–", "-", "--", ":"})
# tokens a dateline may hold besides names ("WASHINGTON (AP) —", "Washington, D.C.")
DATELINE_PUNCT = frozenset({",", ".", "(", ")"})
# tokens from a sentence's start a dateline's country may lie, and from it to the mark
DATELINE_REACH = 8
# dependency labels of a clause's head: a noun with one is a verb misread ("suggested
# that Beijing resume buying"), its "compound" the clause's subject
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp"})
# personal pronouns a verb of taking may take somewhere ("sent me to Mexico")
PEOPLE_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you"})


def place_name(a: Article, text: str) -> bool:
    """``text`` names a place: a state of a federation, a city, or a country."""
    return (norm(text) in cues().subnational or city_country(text) is not None
            or any(x.type == "state" for x in a.g.by_name(text)))


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
    doc, toks = a.doc, a.tokens
    for lo in range(max(span.start - 2, 0), span.start + 1):
        for hi in range(min(span.end + 2, len(doc)), span.end - 1, -1):
            if (lo, hi) == (span.start, span.end) or \
                    not all(t.is_title for t in toks[lo:hi]):
                continue
            longer = Span(doc, lo, hi)
            if norm(text := span_text(longer)) in cues().subnational or \
                    city_country(text) is not None:
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
    doc, toks = a.doc, a.tokens
    before = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]]
    if before == ["state", "of"]:
        return True
    if span.start >= 2 and toks[span.start - 1].text == "," \
            and city_country(toks[span.start - 2].text) == country:
        return True  # "Atlanta, Georgia"
    k = span.end + (1 if span.end < len(doc) and toks[span.end].lower_ in ("'s", "’s") else 0)
    if k < len(doc) and toks[k].lower_.rstrip(".") in cues().subnational_nouns:
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
    return city_country(span_text(text)) is not None


@BOOK.rule("names", off=False)
def state_as_place(span: Span, country: str = "") -> bool:
    """A country or region named only as where something is or happens, the object of
    a preposition of ``where_prepositions`` (or of a word joined to one), before
    "-based", "-born" … (``origin_suffixes``), or after one of its cities and a comma,
    is a place, not a state acting or acted upon: the link is kept at the confidence
    of ``state_as_place``, below the default views' floor ("hospitals in Belgium",
    "wars in Afghanistan and Iraq", "a Britain-based charity", "a Russia-born artist",
    "metropolises like Karachi, Pakistan"; not "Britain said", "sanctions on Iran", "aid
    to Ukraine", "lashed out at the US", "Russia, China and Iran said", "In Paris,
    France said")."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" \
            and doc[span.end + 1].lower_ in cues().places["origin_suffixes"]:
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


def place_evidence(span: Span, country: str) -> str | None:
    """The evidence a state's link gets when its name says a place, not the state (a
    key of ``[confidence]``), else None."""
    if state_as_place(span, country) or state_as_modifier(span) \
            or state_as_destination(span) or dateline(span):
        return "state_as_place"
    if capital_as_first_name(span):
        return "first_name_capital"
    return None


@BOOK.rule("names", off=False)
def state_as_modifier(span: Span) -> bool:
    """A country's name modifying a noun is the state only when the noun is one through
    which a state acts (``acting_heads``: its people, bodies, arms and acts, or a word
    of those before the noun): "U.S. officials said", "the British embassy protested",
    "US sanctions on Iran", "the US military base", "the China-US trade deal" (two
    states joined: a relation). Any other noun makes it where the thing is or comes
    from: "a U.S. broker", "U.S. real income", "British weather", "US politicians",
    "U.S. energy giant Chevron" (a name after a common noun; not "U.S. Rep. Ilhan Omar",
    a title of ``titles``). A
    possessive is the state's unless the noun is a thing of ``thing_heads`` (where a
    thing, a market or a company is, an event's or a road's name, a player's
    nationality): "Hong Kong's exchange", "China's air", "the 2008 Beijing Olympics",
    "Brazil star Neymar"; not "China's foreign ministry", "Russia's invasion",
    "China's economy"."""
    return modifies_other_noun(span, cues().places["acting_heads"])


@BOOK.rule("names", off=False)
def region_as_modifier(span: Span) -> bool:
    """A region's or a bloc-region's adjective modifying a noun is where the thing is or
    comes from, as a country's is (``state_as_modifier``), unless the noun is one through
    which the states of the region act: ``acting_heads`` or ``region_acting_heads``,
    its nations, allies and powers: "the European test cycle", "European stocks",
    "Western hostages"; not "European leaders agreed", "Western governments condemned",
    "Western sanctions", "Western allies", "European nations"."""
    c = cues().places
    if len(span) > 1 and span[0].dep_ == "det" and span[0].head.i >= span.end:
        span = span[1:]  # "the European" of "the European test cycle"
    return modifies_other_noun(span, c["acting_heads"] | c["region_acting_heads"])


def modifies_other_noun(span: Span, acting: frozenset[str]) -> bool:
    """The name modifies a noun through which no state acts (a word of ``acting``):
    the test of ``state_as_modifier`` and ``region_as_modifier``."""
    root = span.root
    if root.dep_ not in ("compound", "poss", "nmod", "amod") or root.head.i == root.i:
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    c = cues().places
    if head.lower_ in c["thing_heads"] or head.lemma_.lower() in c["thing_heads"]:
        return True
    if root.dep_ == "poss" or head.i < span.end \
            or head.dep_ in CLAUSE_DEPS or states_joined(span) \
            or span.start > 0 and span.doc[span.start - 1].dep_ == "mark":
        return False  # a clause misread as a noun: "suggested that Beijing resume buying"
    words = list(span.doc[span.end : head.i + 1])
    if head.pos_ == "PROPN":  # a name: "U.S. energy giant Chevron", not "US President Trump"
        words = [t for t in words if t.pos_ != "PROPN"]
        if not any(t.pos_ == "NOUN" for t in words):
            return False
    titles = cues().titles
    return not any(t.lower_ in acting or t.lemma_.lower() in acting
                   or t.lower_.rstrip(".") in titles for t in words)


def states_joined(span: Span) -> bool:
    """The name is one of two joined by a hyphen ("the China-US trade deal",
    "Jordanian-U.S. operations"): the relation of the two states."""
    doc = span.doc
    after = span.end + 1 < len(doc) and doc[span.end].text in ("-", "–") \
        and doc[span.end + 1].is_title | doc[span.end + 1].is_upper
    before = span.start >= 2 and doc[span.start - 1].text in ("-", "–") \
        and doc[span.start - 2].is_title | doc[span.start - 2].is_upper
    return bool(after or before)


@BOOK.rule("names", off=False)
def state_as_destination(span: Span) -> bool:
    """A country left, gone to or come from: "troops leave Syria", "he moved to
    Mexico", "she fled from Syria", "he sent me to Mexico", "they were deported to
    Mexico"; not the state as an event's target ("visited China", "sanctions on Iran",
    "aid to Ukraine", "sent troops to Syria", "returned the territory to China")."""
    c = cues().places
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in c["leave_verbs"]
    if root.dep_ != "pobj" or root.head.lower_ not in c["motion_prepositions"]:
        return False
    verb = root.head.head
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in c["motion_verbs"] | c["taking_verbs"]:
        return False
    objects = [t for t in verb.children if t.dep_ == "dobj"]
    if objects:  # "sent me to Mexico"; not "returned the territory to China"
        return all(t.lower_ in PEOPLE_PRONOUNS for t in objects)
    return lemma in c["motion_verbs"] or any(t.dep_ == "nsubjpass" for t in verb.children)


@BOOK.rule("names", off=False)
def dateline(span: Span) -> bool:
    """A country or capital in a dateline, names from the sentence's start to a dash
    or colon, in capitals or with a comma: "WASHINGTON — The president said",
    "Washington, DC, United States: Getting to the Moon"; not "Russia, China and Iran
    said no" nor "Britain — once a great power — said"."""
    doc = span.doc
    start = span.sent.start
    if span.start - start > DATELINE_REACH:
        return False
    end = next((k for k in range(span.end, min(span.end + DATELINE_REACH, len(doc)))
                if doc[k].text in DATELINE_MARKS), None)
    if end is None or end + 1 >= len(doc):
        return False
    line = doc[start:end]
    if not all(t.is_title or t.is_upper or t.text in DATELINE_PUNCT or t.like_num
               for t in line):
        return False
    return span.text.isupper() or any(t.text == "," for t in line)


@BOOK.rule("names", off=False)
def capital_as_first_name(span: Span) -> bool:
    """A capital or country that is a first name at the start of a person's name NER
    found: "Victoria Atkins" (not the Seychelles' capital), "Chad Johnson", "Jordan
    Henderson"; not "Victoria said" nor "Jordan's King Abdullah"."""
    doc = span.doc
    return len(span) == 1 and span.root.lower_ in cues().first_names \
        and span.root.ent_type_ == "PERSON" and span.end < len(doc) \
        and doc[span.end].ent_iob_ == "I" and doc[span.end].is_title
