"""What looks like a name but is no actor, found before reading: lines of page
furniture ("More from The Nation"), credit lines, titles of works ("the film The
Queen", “Wild Rose”), a city's name in a club's ("Real Madrid"); and word pieces
("the un of un-angry"). Their tokens are taken with no mention."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues

# A title of a work in quotation marks holds at most this many words.
WORK_TITLE_WORDS = 8
SUBJECTS = ("nsubj", "nsubjpass")
_OPENERS = frozenset({"“", '"'})  # of a quotation that may hold a title


def take_nonactors(a: Article) -> None:
    """Take the tokens of page furniture and of titles of works before reading; a
    city's name in a club's is no gazetteer name (NER may still find the club)."""
    for span in [*furniture_lines(a), *credit_lines(a), *work_titles(a)]:
        a.skip(span)
    for span in club_names(a):
        a.names_at.pop(span.start, None)


@BOOK.rule("names", off=[])
def furniture_lines(a: Article) -> list[Span]:
    """A line of page furniture names no actor: "More from The Nation", "Read more",
    "Follow us on Twitter", "Sign up for our newsletter", "© 2019 Associated Press",
    "Follow AP's full coverage of the trade war" (``furniture`` in actor_cues.toml, at
    the start of a line)."""
    doc, text = a.doc, a.parsed.text
    openers = cues().furniture
    out = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip().lower()
        if line.startswith(openers):
            sp = doc.char_span(start, end, alignment_mode="expand")
            if sp is not None and len(sp):
                out.append(sp)
        start = end + 1
    return out


@BOOK.rule("names", off=[])
def credit_lines(a: Article) -> list[Span]:
    """A credit line names no actor of the story: from an opener of ``credit_openers``
    in actor_cues.toml at a line's start or after a bracket to the bracket's close or
    the line's end: "(Reporting by Jane Doe; Editing by John Roe)", "Photo: Jane
    Doe/Getty Images" (not "according to reporting by The New York Times")."""
    doc, text = a.doc, a.parsed.text
    low = text.lower()
    out = []
    for opener in cues().credit_openers:
        at = low.find(opener)
        while at >= 0:
            line_start = low.rfind("\n", 0, at) + 1
            before = low[line_start:at].strip()
            if before in ("", "(", "["):
                ends = [e for e in (low.find(")", at), low.find("]", at), low.find("\n", at))
                        if e >= 0]
                end = min(ends) if ends else len(text)
                sp = doc.char_span(at, end, alignment_mode="expand")
                if sp is not None and len(sp):
                    out.append(sp)
            at = low.find(opener, at + len(opener))
    return out


@BOOK.rule("names", off=[])
def work_titles(a: Article) -> list[Span]:
    """Titles of works are no actors: the capitalised words after "the film", "the
    series", "the book" ("the 2006 film The Queen"; not "the book Trump wrote", whose
    name is a subject), and a capitalised phrase that is all a quotation holds ("an
    electric script called “Wild Rose”"; not a nickname holding a known person's
    name, “Crooked Hillary”)."""
    doc, tokens = a.doc, a.parsed.tokens
    c = cues()
    out = []
    for i in sorted({*a.parsed.where(LOWER, c.work_nouns), *a.parsed.where(ORTH, _OPENERS)}):
        t = tokens[i]
        if t.lower_ in c.work_nouns and t.pos_ == "NOUN":
            end = title_end(doc, t.i + 1)
            if end > t.i + 1 and Span(doc, t.i + 1, end).root.dep_ not in SUBJECTS:
                out.append(Span(doc, t.i + 1, end))
        elif t.text in ("“", '"') and t.i + 2 < len(doc):
            end = title_end(doc, t.i + 1)
            closes = end < len(doc) and doc[end].text in ("”", '"')
            if closes and 2 <= end - t.i - 1 <= WORK_TITLE_WORDS and not any(
                    k in a.names_at and any(x.type == "person" for x in a.g.by_name(
                        a.names_at[k].text)) for k in range(t.i + 1, end)):
                out.append(Span(doc, t.i + 1, end))
    return out


@BOOK.rule("names", off=[])
def club_names(a: Article) -> list[Span]:
    """A city's or a country's name after a word of ``club_words`` is a club's name, no
    state acting, and so is that name alone again in the story: "Real Madrid won, and
    Madrid fans cheered" (not Spain), "Dynamo Kyiv" (not Ukraine); the word must be
    capitalised ("real Madrid prices" is Madrid). Returns the names' spans."""
    tokens = a.parsed.tokens
    cities = set()
    for i in a.parsed.where(LOWER, cues().club_words):
        name = a.names_at.get(i + 1)
        if name is not None and tokens[i].is_title:
            cities.add(name.text)
    return [sp for sp in a.names_at.values() if sp.text in cities] if cities else []


def title_end(doc: Doc, i: int) -> int:
    """The end of a run of capitalised words (with small words inside) from ``i``."""
    small = cues().title_small_words
    if i >= len(doc) or not doc[i].is_title:
        return i
    j = last = i
    while j < len(doc) and (doc[j].is_title or doc[j].lower_ in small) \
            and doc[j].text not in ("“", "”", '"'):
        if doc[j].is_title:
            last = j + 1
        j += 1
    return last


@BOOK.rule("names", off=False)
def word_piece(ent: Span) -> bool:
    """An entity in lower case, or ending so, is a piece of a word or of a sentence,
    not a name: "he was un-angry" (not the UN), "Synchronisation von" in German
    text."""
    return ent[0].text[:1].islower() or ent[-1].text[:1].islower()
