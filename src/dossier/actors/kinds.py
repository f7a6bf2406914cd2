"""What kind of thing a name is, checked as a link is written: a national team is no
state, a product, programme, index or standard is no organisation, a company NER
called a person is an organisation, a first name and surname NER called an
organisation is a person, and a common word that is also a known person's surname
names nobody unless the person is in the story.

:func:`review` runs in :func:`dossier.actors.mentions.emit`: it keeps the link,
retypes its local actor, names other evidence for its confidence, or drops it (the
tokens are then taken with no mention). Word lists: ``actor_cues.toml``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from dossier.actors.article import LOCAL_ID_LENGTH, Article
from dossier.actors.bodies import another_countrys_agency, foreign_body, national_body, without_the
from dossier.actors.cues import BOOK, MODIFIER_DEPS, cues
from dossier.actors.misreads import heading_words_person
from dossier.actors.people import given_name_gender
from dossier.actors.places import place_evidence, region_as_modifier, state_as_place
from dossier.actors.things import (
    SCORE,
    SPORTS_ARTICLE,
    eponym,
    team_of_country,
    thing,
    tour_stop,
)
from dossier.actors.unknowns import (
    lower_case_end,
    noun_abbreviation,
    person_by_labels,
    retype,
    surname_of_story_person,
    titled_person,
)
from dossier.gazetteer import Actor, norm
from dossier.parse.texts import span_text
from dossier.records import content_id

# NER labels of a longer name a state's or a capital's word may end ("Air Astana")
NAMED_THING_LABELS = frozenset({"ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"})

# a product's model code after its name ("Dell Alienware AW3418DW", "Sony WH1000XM4")
MODEL_CODE = re.compile(r"[A-Z]{1,4}-?\d{2,}[A-Z0-9]*")
# a one-word name with a capital inside ("SpaceX", "WeWork", "MarketAxess")
CAMEL = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
# words of a first name and surname NER called an organisation
PERSON_WORDS = (2, 3)
# sports words from which a story is about a sport throughout (its countries are teams)
SPORTS_STORY = 6
# evidence of a bare surname the gazetteer's dates picked (the person not in the story)
GUESSED_SURNAME = frozenset({"surname_office", "surname_guess"})
# evidence of one word continuing an unknown person's chain ("Kaufman", "Jane")
CHAIN_WORDS = frozenset({"name_part", "name_part_namesake", "first_name"})
# prepositions after which a country in a story about a sport is a side
SIDE_PREPS = frozenset({"against", "over", "vs", "vs.", "versus", "for"})


def review(a: Article, span: Span, actor: Actor, why: str) -> tuple[Actor | None, str]:
    """The actor to write for ``span`` (None: no mention) and the evidence for its
    confidence (a key of ``[confidence]``)."""
    if actor.type == "state":
        if national_team(a, span) or team_in_sports_story(a, span) or compass_region(span) \
                or inside_named_thing(span) or team_of_country(a, span) \
                or (why == "metonym" and tour_stop(a, span)):
            return None, why
        return actor, place_evidence(span, actor.id) or why
    if actor.type in ("bloc", "region") and region_name_goes_on(span):
        return None, why
    if is_region(actor) and (state_as_place(span) or region_as_modifier(span)):
        why = "state_as_place"
    if actor.type == "person" and group_modifier(span):
        why = "group_modifier"
    if actor.type == "person" and eponym(span):
        return None, why
    if not actor.id.startswith("local:"):
        if actor.type == "person" and (common_word_surname(a, span, actor) or (
                why in GUESSED_SURNAME and shop_possessive(span))):
            return None, why
        if actor.type in ("org", "bloc", "region") and (inside_longer_name(a, span)
                                              or known_product_word(span)):
            return None, why
        if actor.type == "org" and (foreign_body(a, span, actor)
                                      or another_countrys_agency(a, span, actor)):
            return None, why
        return actor, why
    if platform_use(a, span):
        return None, why
    if why in CHAIN_WORDS and word_of_another_name(span, actor):
        return None, why
    if product_name(a, span, actor.type == "person") or document_title(span) \
            or noun_abbreviation(span, actor) or thing(a, span, actor.type == "person"):
        return None, why
    if actor.type == "org" and person_named_org(a, span):
        return retype(a, actor, "person"), "retyped_person"
    if actor.type == "org" and (titled := titled_person(a, span)) is not None:
        return titled, "unlinked_person"
    if actor.type == "org" and person_by_labels(a, span):
        return retype(a, actor, "person"), "unlinked_person"
    if actor.type == "org" and (named := surname_of_story_person(a, span)) is not None:
        return named, "local_part"
    if actor.type == "org" and (body := national_body(a, span)) is not None:
        return body, "national_body"
    if actor.type == "person":
        if not_a_person_name(span) or lower_case_end(span, actor):
            return None, why
        if glued_name(span):
            return unglued_person(a, span, actor), why
        if company_named_person(span) or company_name_end(span):
            return retype(a, actor, "org"), "unlinked_org"
        if org_prefixed_person(a, span) or heading_words_person(a, span):
            return actor, "unlinked_word"
    return actor, why


def is_region(actor: Actor) -> bool:
    """A region (type "region" in blocs.tsv: "EUR" Europe, "MEA" the Middle East), or a
    bloc with a region's three-letter CAMEO code that is also a where ("WST" the West,
    "GLS" the Global South)."""
    return actor.type == "region" or (actor.type == "bloc" and len(actor.id) == 3
                                      and actor.id.isupper())


@BOOK.rule("names", off=False)
def national_team(a: Article, span: Span) -> bool:
    """A country's name that is the subject or object of a match verb (``sports_verbs``)
    in a story about a sport (a score or a word of ``sports_words`` in the sentence, or
    ``SPORTS_ARTICLE`` of them in the article) is its national team, no state: "England
    beat Wales 2-1 at Wembley" (not "Russia beat Ukraine's forces back")."""
    c = cues()
    tok = span.root
    verb: Token = tok.head
    if tok.dep_ == "conj":
        tok, verb = tok.head, tok.head.head
    if tok.dep_ == "pobj" and verb.lower_ in ("to", "against", "over", "with"):
        verb = verb.head  # "a 2-1 win over Russia"
    elif tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative"):
        return False
    if verb.lemma_.lower() not in c.sports_verbs:
        return False
    sent = tok.sent
    if SCORE.search(sent.text) or any(t.lower_ in c.sports_words for t in sent):
        return True
    return len(a.parsed.where(LOWER, c.sports_words)) >= SPORTS_ARTICLE


@BOOK.rule("names", off=False)
def compass_region(span: Span) -> bool:
    """A country's one-word name after a capitalised compass word (``compass_words``)
    is part of a region's or a province's name, no mention of the country: "a vehicle
    for North America and Europe" is not the United States, "Western Australia" not
    Australia (not "the talks in America", nor "North Korea", a name of its own)."""
    if len(span) != 1 or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.is_title and prev.lower_ in cues().compass_words


@BOOK.rule("names", off=False)
def region_name_goes_on(span: Span) -> bool:
    """A region's or bloc's name that a capitalised proper noun continues inside one
    entity is part of a longer name: "the U.S. Attorney's Office for the Western District
    of New York", "a one-game lead in the West Division" (not "the West imposed
    sanctions", nor "Europe's leaders")."""
    if span.end >= len(span.doc):
        return False
    nxt = span.doc[span.end]
    return nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_iob_ == "I"


@BOOK.rule("names", off=False)
def group_modifier(span: Span) -> bool:
    """A person's name modifying a group noun (``group_nouns``) names the person, but
    the group acts: the link is kept at the confidence of ``group_modifier``, below
    the default views' floor ("Biden aides said the plan was dead", "Trump supporters
    cheered"; not "Biden said")."""
    root = span.root
    return root.dep_ == "compound" and root.head.lower_ in cues().group_nouns


@BOOK.rule("names", off=False)
def common_word_surname(a: Article, span: Span, actor: Actor) -> bool:
    """A known person's surname that is also a common word (``common_noun_surnames``),
    alone, modifying a noun, after a preposition, in apposition or after capitalised
    words that are no first name or title, with the person not yet in the story and no
    title before it, names nobody: "the Moon landing", "rocks
    from the Moon", "Europa, icy Moon of Jupiter"; nor does one right after "the", even
    with the person in the story ("Moon Jae-in spoke. The Moon is far away."; not "the
    Moon administration", nor "Moon Jae-in spoke. Supporters of Moon cheered.", nor
    "President Moon", nor a headline's "Pence: No debate")."""
    if len(span) != 1 or span[0].lower_ not in cues().common_noun_surnames:
        return False
    tok, c = span[0], cues()
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ == "the" and not (
            tok.dep_ == "compound" and tok.head.lower_ in c.government_nouns):
        return True  # "the Moon is far away" (not "the Moon administration")
    run_on = prev is not None and prev.head == tok and prev.dep_ == "compound" \
        and prev.is_title and prev.lower_ not in c.first_names and prev.lower_ not in c.titles
    if tok.dep_ not in MODIFIER_DEPS and tok.dep_ not in ("pobj", "appos") and not run_on:
        return False
    return not a.in_story(actor) and a.title_before(span) not in c.titles


@BOOK.rule("names", off=False)
def inside_longer_name(a: Article, span: Span) -> bool:
    """A known organisation's or bloc's name that a capitalised word before it
    continues, inside one entity NER found, is part of a longer name, not that
    actor: "the White House National Security Council" is not the UN Security
    Council, "the Western District of New York" not the West (not "the UN Security
    Council", nor "Louisiana Democrats", whose first word is a known place or name)."""
    first = span[0]
    if first.ent_iob_ != "I" or first.i == 0:
        return False
    prev = span.doc[first.i - 1]
    if not (prev.is_title and prev.pos_ == "PROPN" and prev.ent_iob_ in ("B", "I")):
        return False
    return norm(prev.text) not in cues().subnational and not a.g.by_name(prev.text)


@BOOK.rule("names", off=False)
def known_product_word(span: Span) -> bool:
    """A known organisation's short alias written as a product word or standard
    (``product_names``) names no organisation: "a gaming monitor with RGB lighting" is
    not North Korea's Reconnaissance General Bureau (not "the RGB said")."""
    bare = without_the(span)
    return bare.text.lower() in cues().product_names and bare.root.dep_ not in (
        "nsubj", "nsubjpass")


@BOOK.rule("names", off=False)
def platform_use(a: Article, span: Span) -> bool:
    """A social platform or app (``platforms``) as a place to post or a modifier names
    no actor: "Kejriwal turned to Twitter", "in a Tumblr post" (not "Twitter said it
    removed the post")."""
    bare = without_the(span)
    root = bare.root
    if root.dep_ not in MODIFIER_DEPS and not (
            root.dep_ == "pobj" and root.head.lower_ in cues().platform_preps):
        return False
    return bare.text.lower() in cues().platforms


@BOOK.rule("names", off=False)
def product_name(a: Article, span: Span, person: bool = False) -> bool:
    """An unknown "organisation" that is a product, programme, index or standard names
    no actor: one of ``product_names``, one a product noun follows or stands before in
    apposition (``product_nouns``), one a number follows or holds, or one ending in a
    word of a product line (``product_name_ends``): "the messaging app Signal", "the
    Medicaid program", "the USB-C standard", "the FTSE 100 fell", "Wales 2-1", "the
    Mavic Mini" (not "the Ithilen Trade Council"). An unknown "person" so named is none
    either ("the new Moneycontrol Pro", "35% off Dell Alienware AW3418DW", a model code
    after it; not "Taylor Fritz 7-6 (6), 6-3", a score; nor is the maker of "50 Airbus
    A350-900 jets" dropped)."""
    c = cues()
    bare = without_the(span)
    text = bare.text  # (spaCy joins the tokens' texts at each call)
    if text.lower() in c.product_names or bare[0].lower_ in c.product_names \
            or any(map(str.isdigit, text)) \
            or (len(bare) > 1 and bare[-1].lower_ in c.product_name_ends):
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[bare.start - 1] if bare.start > 0 else None
    numbered = after is not None and (after.text[:1].isdigit() and not person
                                      or person and bool(MODEL_CODE.fullmatch(after.text)))
    if after is not None and (numbered or (
            after.lower_ in c.product_nouns and after.pos_ == "NOUN"
            and bare.root.head == after)):
        return True
    return before is not None and before.lower_ in c.product_nouns and before.pos_ == "NOUN"


@BOOK.rule("names", off=False)
def person_named_org(a: Article, span: Span) -> bool:
    """An unknown "organisation" written as a common first name and a surname (or the
    first name alone) is a person: "the shares fell, said Megan Davies", "his wife,
    Kimberly" (not "the Morgan Stanley Foundation", whose words name an organisation)."""
    c = cues()
    bare = without_the(span)
    if bare.start > span.start or bare[0].lower_ not in c.first_names:
        return False
    if len(bare) > 1 and len(bare) not in PERSON_WORDS:
        return False
    return all(t.is_title and t.lower_ not in c.org_name_nouns and t.lower_ not in c.org_nouns
               for t in bare)


@BOOK.rule("names", off=False)
def not_a_person_name(span: Span) -> bool:
    """An unknown "person" whose words hold a digit, an underscore, a social handle or no
    letter at all is no person's name: "Art Director_Park Dong Woo", "½ cup cucumber",
    "Tsonga cruised past Uchiyama 6-2", "Follow him on Twitter @janedoe" (not
    "Jean-Julien Rojer")."""
    text = span_text(span)  # (str methods mapped: ~3x faster than a generator a character)
    return "_" in text or "@" in text or any(map(str.isdigit, text)) or any(
        not t.is_space and not any(map(str.isalpha, t.text))
        and t.text not in (".", "-", "'", "’") for t in span)


@BOOK.rule("names", off=False)
def glued_name(span: Span) -> bool:
    """An unknown "person" with a word that glues another name to one of the span's
    own words is page furniture run together (a list of links): "Rep. Ilhan
    OmarIlhan OmarHillicon Valley" (not "Corey LaJoie", nor "Ron DeSantis") names the
    person before the glue (:func:`unglued_person`), not a person of that whole name."""
    return glue_at(span) is not None


def glue_at(span: Span) -> int | None:
    """The character offset where a word glues another name to one of the span's own
    words ("OmarIlhan" before "Ilhan"), or None."""
    words = {t.text for t in span}
    return next((t.idx + m.start() for t in span for m in _INNER_CAPITAL.finditer(t.text)
                 if m.start() > 0 and t.text[m.start():] in words), None)


_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")


def unglued_person(a: Article, span: Span, actor: Actor) -> Actor:
    """The person a glued name names, cut where the glue starts: "Rep. Ilhan
    OmarIlhan OmarHillicon Valley" is Ilhan Omar (the same local actor as a later
    "Ilhan Omar", so "Omar said" and "she" find her full name)."""
    cut = glue_at(span)
    name = a.parsed.text[span.start_char:cut].strip()
    key = norm(name)
    new = a.local.get(key)
    if new is None:
        first = given_name_gender(name.split()[0]) if name else ""
        new = replace(actor, id=f"local:person:{content_id(key, length=LOCAL_ID_LENGTH)}",
                      name=name, gender=first or actor.gender)
        a.local[key] = new
    # the glued name's own entry too: its surname and pronouns are hers
    a.local[norm(actor.name)] = new
    return new


@BOOK.rule("names", off=False)
def org_prefixed_person(a: Article, span: Span) -> bool:
    """An unknown "person" whose first word is an organisation already in the story
    (or the gazetteer's) is as likely its product or a badly bounded member as a
    person, so the link is no surer than an unknown word: "Samsung Galaxy Note" after
    "Samsung", "Browns DL Sheldon Richardson" after "the Browns" (not "Maria Lopez")."""
    if len(span) < 2:
        return False
    first = norm(span[0].text)
    local = a.local.get(first)
    return (local is not None and local.type == "org") or any(
        x.type == "org" for x in a.g.by_name(span[0].text))


@BOOK.rule("names", off=False)
def document_title(span: Span) -> bool:
    """An unknown name of several words ending in a document's word
    (``document_title_ends``) is a title, no organisation or person: "the IMF's World
    Economic Outlook said" (the IMF speaks), "the Human Development Report", "the
    Annual Threat Assessment" (not a news outlet: "U.S. News & World Report")."""
    bare = without_the(span)
    return len(bare) > 1 and bare[-1].lower_ in cues().document_title_ends and not any(
        t.lower_ in ("news", "&") for t in bare)


@BOOK.rule("names", off=False)
def company_name_end(span: Span) -> bool:
    """An unknown "person" of several words whose last word ends only a company's name
    (``company_name_ends``) is a company: "Dick Clark Productions denies it"."""
    return len(span) > 1 and span[-1].lower_.rstrip(".") in cues().company_name_ends


@BOOK.rule("names", off=False)
def company_named_person(span: Span) -> bool:
    """An unknown one-word "person" with a capital inside its word (not a name's
    prefix, ``name_prefixes``: "McCormick", "DeSantis"), or a social platform, is a
    company: "SpaceX launched a rocket", "Twitter said it removed the post"."""
    if len(span) != 1:
        return False
    word = span[0].text
    if word.lower() in cues().platforms:
        return True
    return bool(CAMEL.fullmatch(word)) and not word.lower().startswith(cues().name_prefixes)


@BOOK.rule("names", off=False)
def team_in_sports_story(a: Article, span: Span) -> bool:
    """In a story about a sport throughout (``SPORTS_STORY`` words of ``sports_words``),
    a country or a capital that is the subject or object of a verb, or a side after
    "against", "over", "for" (``SIDE_PREPS``), is a team, no state: "Spain will be back
    in action on Wednesday against defending champion Croatia", "when I took over
    Washington" (a coach of the Capitals); not a nationality ("Serbia's Novak
    Djokovic", "Yasutaka Uchiyama of Japan", "Brazil star Neymar")."""
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        side = tok.head.lower_ in SIDE_PREPS
    else:
        side = tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")
    return side and len(a.parsed.where(LOWER, cues().sports_words)) >= SPORTS_STORY


@BOOK.rule("names", off=False)
def inside_named_thing(span: Span) -> bool:
    """A country's or a capital's name that ends a longer name NER found, a capitalised
    word of it before, is a word of that name, no mention of the state: "Kazakhstan's
    Air Astana" (an airline) is not Kazakhstan (not "Kazakhstan's Astana", nor "the
    Beijing government")."""
    first = span[0]
    if first.ent_iob_ != "I" or first.ent_type_ not in NAMED_THING_LABELS or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.is_title and prev.pos_ == "PROPN" and prev.lower_ not in cues().titles


@BOOK.rule("names", off=False)
def shop_possessive(span: Span) -> bool:
    """A bare surname picked by office that is a possessive with no noun after it is a
    shop's or a company's name: "Rival Lowe's was also lower" is the retailer, not
    Australia's central banker Philip Lowe (not "Lowe's remarks", a person's)."""
    doc = span.doc
    end = span.end
    if len(span) != 1 or end + 1 > len(doc) or doc[end].text not in ("'s", "’s"):
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "ADV")


@BOOK.rule("names", off=False)
def word_of_another_name(span: Span, actor: Actor) -> bool:
    """One word continuing an unknown person's chain is no part of it when a capitalised
    word that is none of that person's names runs into it (it ends another name:
    "World Cup" is not the "Davis Cup" NER took for a person, "Pre-Workout Supplement"
    not "Nighttime Supplement"), or when it is written in capitals (an acronym:
    "NASCAR"); not "Gov. Kaufman", "Jane Kaufman" again, "But Kaufman said"."""
    tok = span[0]
    if len(span) != 1:
        return False
    if tok.is_upper and len(tok) > 2:
        return True
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    own = norm(actor.name).split()
    return prev.is_title and prev.pos_ == "PROPN" \
        and prev.lower_.rstrip(".") not in cues().titles and norm(prev.text) not in own
