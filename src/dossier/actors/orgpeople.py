"""A person's name NER tagged as an organisation, told by how the article describes
it: a person's role in apposition ("Eswar Prasad, a trade professor,") or just before
the name ("executive chair Marcelo Claure"); and the mirror, an organisation's name
NER tagged as a person, told by an organisation's noun in apposition ("Quorra Labs, a
chip firm,"); and an "organisation" that is a piece of a role title ("National
Security" of "National Security Adviser John Bolton").

Kept apart from :mod:`dossier.actors.names` (which calls it) so the names room stays
small; the word lists are ``person_role_nouns`` and ``[org_nominals]`` of
``actor_cues.toml``.
"""

from __future__ import annotations

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.parse.orgnouns import org_words

MAX_NAME_WORDS = 3  # "Eswar Prasad", "Marcelo Claure", "Mary Ann Smith"


@BOOK.rule("names", off=False)
def person_tagged_org(text: Span) -> bool:
    """An unknown name NER tagged as an organisation is a person's when a role only a
    person has describes it: in apposition ("Eswar Prasad, a trade professor at
    Cornell, said") or as the word before it ("executive chair Marcelo Claure", "Mr
    Claure"); an organisation's noun leaves it one ("Acme, a Boston startup, said")."""
    if not 1 <= len(text) <= MAX_NAME_WORDS or not all(
            t.is_title and t.is_alpha for t in text):
        return False
    nouns, root = cues().person_role_nouns, text.root
    if any(c.dep_ == "appos" and c.lower_ in nouns for c in root.children):
        return True
    if text.start == 0:
        return False
    before = text.doc[text.start - 1]
    return before.lower_.rstrip(".") in nouns and (
        before.head.i in range(text.start, text.end) or root.head.i == before.i)


@BOOK.rule("names", off=False)
def org_tagged_person(text: Span) -> bool:
    """An unknown name NER tagged as a person is an organisation's when a noun for a
    kind of organisation stands in apposition to it ("Quorra Labs, a chip firm, said";
    "Vantor, the satellite company, said"); a person's role leaves it a person's ("Ann
    Lee, a bank economist,": the head is "economist"), and so does a noun someone owns
    (a list misread: "Taylor Swift, her former record label and …")."""
    if not 1 <= len(text) <= MAX_NAME_WORDS:
        return False
    nouns = org_words().nominals
    return any(c.dep_ == "appos" and c.tag_ in ("NN", "NNP") and c.lower_ in nouns
               and not any(d.dep_ == "poss" for d in c.children)
               for c in text.root.children)


@BOOK.rule("names", off=False)
def title_piece(a: Article, text: Span) -> bool:
    """An organisation NER found that starts a role title the gazetteer knows is (a
    piece of) that title, no body: "former National Security Adviser John Bolton" (not
    an organisation "National Security"), "The National Security Adviser said" (the
    adviser); not a body the gazetteer knows ("FBI Director Christopher Wray" names
    the FBI)."""
    role = a.roles_at.get(text.start)
    return role is not None and role.end >= text.end and not a.g.by_name(text.text)
