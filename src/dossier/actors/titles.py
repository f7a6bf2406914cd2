"""A title before a name belongs to the mention: "President Xi", "Sir Jeremy Fleming",
"Attorney General Eric Schneiderman" (a title of two words), "Gov. Mike Pence" written
with a no-break space."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues


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
    prev = space_before(a, start)
    if prev < 0 or not title_word(a, prev):
        return None
    first = two_word_title(a, prev)
    return prev if first is None else first


def title_word(a: Article, i: int) -> bool:
    tok = a.doc[i]
    return tok.lower_.rstrip(".") in cues().titles and tok.is_title and not a.taken[i]


@BOOK.rule("names", off=None)
def title_across_space(a: Article, start: int) -> int:
    """The token before ``start``, passing over one whitespace token within the line (a
    no-break space spaCy keeps as a token): "Republican nominee Gov.\u00a0Mike Pence
    said"; not a line break ("… signed by the Governor.\n\nMike Pence said")."""
    i = start - 1
    if i > 0 and a.doc[i].is_space and "\n" not in a.doc[i].text \
            and not a.doc[i - 1].is_space:
        return i - 1
    return i


def space_before(a: Article, start: int) -> int:
    i = title_across_space(a, start)
    return start - 1 if i is None else i


@BOOK.rule("names", off=None)
def two_word_title(a: Article, i: int) -> int:
    """A title word that ends a title of two words takes the first word too, when both
    are capitalised: "Attorney General Eric Schneiderman" (not "General Eric
    Schneiderman"), "Vice President Joe Biden"; not "the General Assembly" nor "our
    General Smith"."""
    if i == 0 or a.taken[i - 1] or not a.doc[i - 1].is_title:
        return i
    words = f"{a.doc[i - 1].lower_} {a.doc[i].lower_.rstrip('.')}"
    return i - 1 if words in a.g.role_titles or words in cues().titles else i
