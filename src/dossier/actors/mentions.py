"""Writing a mention: the record, the tokens it takes, and its place in the memory of
antecedents."""

from __future__ import annotations

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.coref.antecedents import remember_mention
from dossier.gazetteer import Actor
from dossier.records import Mention


def emit(a: Article, span: Span, actor: Actor, via: str) -> None:
    """Link ``span`` to ``actor`` (unless a mention already took one of its tokens):
    code, country and sector as on the article's date."""
    if any(a.taken[span.start : span.end]):
        return
    for i in range(span.start, span.end):
        a.taken[i] = True
    code = actor.code_on(a.date)
    role = actor.role_on(a.date) if actor.type == "person" else None
    sector = (role.sector if role else "") if actor.type == "person" else actor.sector
    country = (code[:3] if code else actor.country) or None
    p = a.parsed
    a.out.append(Mention(
        source=p.source, article_id=p.article_id, start=p.start(span), end=p.end(span),
        text=span.text, actor_id=actor.id, actor_name=actor.name, qid=actor.qid or None,
        code=code or None, country=country, sector=sector or None, type=actor.type,
        via=via, chain=f"{p.article_id}:{actor.id}", date_basis=a.basis,
    ))
    remember_mention(a, span, actor, via)
