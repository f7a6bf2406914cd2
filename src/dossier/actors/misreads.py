"""Names no attentive reader takes for the actor they spell: a beauty contest's title
("a former Miss Universe": no person "Universe"), a capital that is a state of its own
federation ("Olympia, Washington", "Colorado, Washington and Oregon": the US state, not
the United States), a name differing from a known one in its initials ("George H.W.
Bush"), and common words of a heading in title case ("Moderators Ignore Clinton
Scandals")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.actors.things import english_verbs, word_classes
from dossier.gazetteer import norm
from dossier.gazetteer.places import city_country
from dossier.parse.tree import positions

# words of a contest's title after "Miss" ("Miss Teen USA")
PAGEANT_WORDS = 3
# words of a state's name beside a capital in a list ("New Mexico, Washington")
STATE_WORDS = (1, 2, 3)
# letters of a word that is initials once normalised ("H.W." is "hw")
INITIALS = 2
# a heading in title case: at least this many other words of three letters or more,
# and this share of them capitalised
TITLE_CASE_WORDS = 2
TITLE_CASE_SHARE = 0.8
# what may stand between two states of a list
LIST_MARKS = frozenset({",", "and", "or", "&"})


@BOOK.rule("names", off=[])
def pageant_title(a: Article) -> list[Span]:
    """"Miss" before a contest's word (``pageant_words``) or a country's or US state's
    name is a beauty contest's title, no person: "a former Miss Universe", "Miss World
    2019", "Miss Teen USA", "the Miss America pageant" (not "Miss Grant said", a surname;
    nor "Miss Havisham"; nor the title before a name, "a former Miss Universe Alicia
    Machado", read by ``name_from_first_name``)."""
    doc, toks = a.doc, a.tokens
    if "Miss" not in a.parsed.text:  # (the article's string: Doc.text joins every token)
        return []  # (most articles: no token to look at)
    words = cues().things["pageant_words"]
    out = []
    for tok in doc:
        if tok.text != "Miss" or tok.i + 1 >= len(doc):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= PAGEANT_WORDS and (
                toks[end].is_title or toks[end].is_upper) and (
                toks[end].lower_ in words or place_name(a, doc[end : end + 1])):
            end += 1
        if end > tok.i + 1 and not (end < len(doc) and toks[end].is_title):
            out.append(doc[tok.i : end])  # (a name after it is read as one)
    return out


def place_name(a: Article, span: Span) -> bool:
    """A country's name ("America") or a US state's ("Texas")."""
    key = norm(span.text)
    return cues().subnational.get(key) == "USA" or any(
        x.type == "state" for x in a.g.by_name(span.text))


@BOOK.rule("names", off=False)
def capital_as_federal_state(a: Article, span: Span, country: str) -> bool:
    """A capital standing for ``country`` whose name is also a state of that country's
    federation is the state, no actor, where the text says so: after a city of the
    country and a comma ("Olympia, Washington"), in a list of its states ("Colorado,
    Washington, Alaska and Oregon"), before a state's noun (``federal_state_nouns``:
    "Washington's governor", "Washington State"), or after "state of" (not "Washington
    said", "Washington's political climate", "talks between Washington and Beijing")."""
    if cues().subnational.get(norm(span.text)) != country:
        return False
    doc, toks = a.doc, a.tokens
    if [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]] == ["state", "of"]:
        return True
    k = span.end + (1 if span.end < len(doc) and toks[span.end].lower_ in ("'s", "’s") else 0)
    if k < len(doc) and toks[k].lower_.rstrip(".") in cues().things["federal_state_nouns"]:
        return True
    if span.start >= 2 and toks[span.start - 1].text == "," and any(
            city_country(doc[max(span.start - 1 - n, 0) : span.start - 1].text) == country
            for n in STATE_WORDS):
        return True
    return listed_with_state(span, country)


def listed_with_state(span: Span, country: str) -> bool:
    """A state of ``country`` stands next to ``span`` in a list ("Colorado, Washington,
    Alaska, and Oregon")."""
    doc = span.doc
    before, after = span.start, span.end
    while before > 0 and doc[before - 1].lower_ in LIST_MARKS:
        before -= 1
    while after < len(doc) and doc[after].lower_ in LIST_MARKS:
        after += 1
    sides = []
    if before < span.start:
        sides += [doc[max(before - n, 0) : before] for n in STATE_WORDS]
    if after > span.end:
        sides += [doc[after : min(after + n, len(doc))] for n in STATE_WORDS]
    subnational = cues().subnational
    return any(len(s) and subnational.get(norm(s.text)) == country
               and norm(s.text) != norm(span.text) for s in sides)


@BOOK.rule("names", off=False)
def other_initials(written: str, known: str) -> bool:
    """A name that differs from a known one only in its initials is another person, no
    typo of them (a father and a son, two namesakes): "George H.W. Bush" is not George
    W. Bush, "John Q. Public" not "John P. Public" (not "Xi Jiinping", whose edit is in a
    full word). ``written`` and ``known`` are normalised names of as many words."""
    w, k = written.split(), known.split()
    return len(w) == len(k) and any(
        x != y and (len(x) <= INITIALS or len(y) <= INITIALS) for x, y in zip(w, k, strict=True))


@BOOK.rule("names", off=False)
def heading_words_person(a: Article, span: Span) -> bool:
    """An unknown "person" in a heading written in title case, written nowhere else in
    the article, holding a verb of the heading ("Moderators [[Ignore Clinton]]
    Scandals", "Clinton Aide Says [[Trump Should]] Win") or a common noun while a verb of
    the heading stands beside it ("Have Told Hillary Private [[Email Server]] Was a Bad
    Idea"), is words of the heading, a doubtful link (its confidence that of a lone
    word); not a name the story writes again in prose ("And Rand Paul At The Debate …
    Sen. Rand Paul said"), nor a list of names and firms ("Marc Roe of Acme Capital
    Group, Lisa Poe of Beta Partners"), nor a surname the story writes alone."""
    if len(span) < 2 or not title_case(span) or written_again(a, span):
        return False
    if any(verb_word(t) for t in span):
        return True
    verb_beside = any(verb_word(t) for t in span.sent
                      if not span.start <= t.i < span.end and t.i != span.sent.start)
    return verb_beside and noun_word(a, span[-1])


def title_case(span: Span) -> bool:
    """The sentence around ``span`` is written in title case: of its other words of
    three letters or more, at least ``TITLE_CASE_WORDS`` and ``TITLE_CASE_SHARE`` of
    them capitalised; not a table's row (cells between "|")."""
    sent = span.sent
    if any(t.text == "|" for t in sent):
        return False  # a table's row, every cell a name
    words = [t for t in sent if t.is_alpha and len(t) >= 3
             and not span.start <= t.i < span.end]
    upper = [t for t in words if t.is_title or t.is_upper]
    return len(words) >= TITLE_CASE_WORDS and len(upper) >= TITLE_CASE_SHARE * len(words)


def verb_word(t: Token) -> bool:
    """A capitalised modal ("Should"), a word tagged a verb ("Says"), or a form of an
    English verb that is no noun, adjective or name ("Ignore", "Releasing"; not
    "Partners", a noun too)."""
    low, c = t.lower_, cues()
    if not t.is_title or low in c.first_names or low in c.titles:
        return False
    if t.tag_ == "MD":
        return True
    adjectives, nouns = word_classes(t.doc.vocab)
    verbs = english_verbs(t.doc.vocab)
    lemma = t.lemma_.lower()
    if t.tag_.startswith("VB") and lemma in verbs:
        return True  # tagged a verb: "Says", "Wants"
    forms = {low, lemma} | ({low[:-1]} if low.endswith("s") else set())
    stems = {lemma} | ({low[:-3], low[:-3] + "e"} if low.endswith("ing") else set()) | (
        {low[:-2], low[:-1]} if low.endswith("ed") else set())
    return not any(f in nouns or f in adjectives for f in forms) and bool(stems & verbs)


def noun_word(a: Article, t: Token) -> bool:
    """An English common noun (WordNet) that is no first name, no surname the gazetteer
    knows and not written alone elsewhere in the article as a name ("Server", "Ally";
    not "Boyle" of "Matthew Boyle … Boyle asked")."""
    low, c = t.lower_, cues()
    _, nouns = word_classes(t.doc.vocab)
    if low in c.first_names or low in c.titles or low not in nouns \
            and not (low.endswith("s") and low[:-1] in nouns) or a.g.by_surname(t.text):
        return False
    return not any(x.text == t.text and x.i != t.i and not title_case(x.doc[x.i : x.i + 1])
                   for x in t.doc)


def written_again(a: Article, span: Span) -> bool:
    """The article writes the words of ``span`` again outside title case ("… Rand Paul
    said" after the heading "And Rand Paul At The Debate")."""
    doc, words = a.doc, [t.text for t in span]
    n = len(words)
    return any(i != span.start and i + n <= len(doc)
               and [t.text for t in doc[i : i + n]] == words
               and not title_case(doc[i : i + n]) for i in positions(doc, words[0]))
