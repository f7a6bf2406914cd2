"""A title before a name belongs to the mention: "President Xi", "Sir Jeremy Fleming",
"Attorney General Eric Schneiderman" and "Secretary of State Hillary Clinton" (role
titles of several words), "Gov. Mike Pence" written with a no-break space; and a word
inside such a title is no actor ("State")."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.actors.places import place_name
from dossier.parse.texts import span_text


@BOOK.rule("names")
def title_extends_name(span: Span, a: Article) -> Span:
    """A title before a name belongs to the mention: "President Xi", "Sir Jeremy
    Fleming"."""
    start = span.start
    while (before := title_start(a, start)) is not None:
        start = before
    return span if start == span.start else a.span(start, span.end)


def title_start(a: Article, start: int) -> int | None:
    """Where the title word before ``start`` begins (across a no-break space), or None."""
    role = role_title_before(a, start)
    if role is not None:
        return role
    placed = title_from_place(a, start)
    if placed is not None:
        return placed
    prev = space_before(a, start)
    if prev < 0:
        return None
    if title_word(a, prev) or title_opener(a, prev, start):
        return prev
    return None


def title_word(a: Article, i: int) -> bool:
    tok = a.tokens[i]
    return tok.lower_.rstrip(".") in cues().titles and tok.is_title and not a.taken[i]


@BOOK.rule("names", off=False)
def title_opener(a: Article, i: int, start: int) -> bool:
    """A capitalised word of ``title_openers`` right before a title word opens that
    title: "First Lady Melania Trump" (not the mention "Lady Melania Trump"), "Deputy
    Prime Minister Jane Roe", "First Minister Jane Roe"; not in lower case ("the first
    lady Melania Trump"), nor before a name with no title ("First Jane Roe spoke")."""
    tok = a.doc[i]
    return tok.is_title and tok.lower_ in cues().title_openers and not a.taken[i] \
        and start < len(a.doc) and title_word(a, start)


@BOOK.rule("names", off=None)
def title_across_space(a: Article, start: int) -> int:
    """The token before ``start``, passing over one whitespace token within the line (a
    no-break space spaCy keeps as a token): "Republican nominee Gov.\u00a0Mike Pence
    said"; not a line break ("… signed by the Governor.\n\nMike Pence said")."""
    i = start - 1
    if i > 0 and a.tokens[i].is_space and "\n" not in a.tokens[i].text \
            and not a.tokens[i - 1].is_space:
        return i - 1
    return i


def space_before(a: Article, start: int) -> int:
    i = title_across_space(a, start)
    return start - 1 if i is None else i


# how many words back a role title the gazetteer knows may start ("Secretary of Homeland
# Security" is four)
ROLE_TITLE_WORDS = 5


@BOOK.rule("names", off=None)
def role_title_before(a: Article, start: int) -> int | None:
    """A role title of several words the gazetteer knows (``role_titles.tsv``), written
    with capitals right before a name, is the name's title: "former Secretary of State
    Hillary Clinton", "Defense Secretary Ash Carter"; not a description in lower case
    ("the party's nominee Donald Trump")."""
    for s in range(start - 2, max(-1, start - ROLE_TITLE_WORDS - 1), -1):
        role = a.roles_at.get(s)
        if role is not None and role.end == start and capitalised(role) \
                and not any(a.taken[s:start]):
            return s
    return None


# words of a place's name a title may give after "from" or "of" ("Senator from New York")
PLACE_WORDS = 3


@BOOK.rule("names", off=None)
def title_from_place(a: Article, start: int) -> int | None:
    """A title word, "from" or "of" and a place's capitalised name (a state of a
    federation, a city, a country) right before a name are the name's title: "Senator
    from Vermont Jane Roe", "Mayor of Springfield John Doe" (the mention starts at the
    title, so what a phrase's head says is the person's, not the place's); not "a
    farmer from Vermont Jane Roe" (no title), nor "Senator from the Party" (no place)."""
    for p in range(start - 1, max(start - PLACE_WORDS - 1, 1), -1):
        if not a.tokens[p].is_title or any(a.taken[p - 2 : start]):
            return None
        if a.tokens[p - 1].lower_ in ("from", "of") and title_word(a, p - 2) \
                and place_name(a, span_text(a.doc[p:start])):
            return p - 2
    return None


@BOOK.rule("names", off=False)
def place_in_title(a: Article, span: Span) -> bool:
    """A country's name after a title word and "of" or "from", right before a known
    person's name, is a word of that person's title, no mention of its own (so the title joins
    the person's mention, :func:`title_from_place`): "President of Ukraine Jane Roe
    said" is Jane Roe speaking, not Ukraine; not "the President of Ukraine said" (no
    name after it), nor "the sanctions of Ukraine" (no title)."""
    doc, end = a.doc, span.end
    if span.start < 2 or doc[span.start - 1].lower_ not in ("of", "from") \
            or not title_word(a, span.start - 2) or end >= len(doc):
        return False
    name = a.names_at.get(end)
    return name is not None and any(x.type == "person" for x in a.g.by_name(name.text))


def capitalised(span: Span) -> bool:
    """Every word of a title capitalised but its small words ("of", "for", "the")."""
    return all(t.is_title or t.is_upper or t.lower_ in SMALL_WORDS for t in span if t.is_alpha) \
        and span[0].is_title


SMALL_WORDS = frozenset({"of", "for", "the", "and", "on"})


@BOOK.rule("names", off=False)
def inside_title(a: Article, text: Span) -> bool:
    """A name NER found inside a role title the gazetteer knows is a word of that title,
    no actor: "former Secretary of State Hillary Clinton" (no organisation "State"), "you
    cannot be Secretary of State and do that", "Secretary of Defense Ash Carter"; not a
    body the gazetteer knows ("Director of the FBI Christopher Wray" names the FBI)."""
    if a.g.by_name(span_text(text)):
        return False
    for s in range(text.start - 1, max(-1, text.start - ROLE_TITLE_WORDS - 1), -1):
        role = a.roles_at.get(s)
        if role is not None and role.end >= text.end:
            return True
    return False
