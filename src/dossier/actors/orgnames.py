"""Organisations by their written names: the article before a body's name, the
story's country among namesakes, and a name NER found that the gazetteer knows with
other punctuation ("the U.S. Supreme Court")."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK
from dossier.actors.mentions import emit
from dossier.gazetteer import Actor, norm


@BOOK.rule("names")
def org_with_article(span: Span, a: Article, actor: Actor) -> Span:
    """"The FBI": an organisation's mention takes its article."""
    if actor.type in ("org", "bloc", "region") and span.start > 0 and \
            a.tokens[span.start - 1].lower_ == "the" and not a.taken[span.start - 1]:
        return a.span(span.start - 1, span.end)
    return span


@BOOK.rule("names")
def org_of_story_country(orgs: list[Actor], a: Article) -> list[Actor]:
    """"The Green Party" in an American story: the American one."""
    country = a.focus_country()
    return [x for x in orgs if x.country == country] or orgs


@BOOK.rule("names", off=False)
def entity_norm_name(a: Article, text: Span) -> bool:
    """An organisation NER found whose words are a gazetteer organisation's name or
    alias written with other punctuation (the lookup key folds it: "U.S." is "US") is
    that organisation, though the name matcher, reading tokens, missed it: "the U.S.
    Supreme Court" (alias "US Supreme Court"), "the U.S. Libertarian Party" (alias "US
    Libertarian Party"); not a name of several organisations the story cannot tell
    apart, nor one the tokens already matched."""
    if len(text) < 2 or not any(not t.is_alpha for t in text):
        return False
    orgs = [x for x in a.g.by_name(text.text) if x.type in ("org", "bloc")]
    if len(orgs) > 1:
        orgs = org_of_story_country(orgs, a)
    if len(orgs) != 1:
        return False
    span = org_with_article(text, a, orgs[0])
    emit(a, span, orgs[0], "name" if norm(text.text) == norm(orgs[0].name) else "alias")
    return True
