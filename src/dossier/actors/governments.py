"""A person's name that modifies "administration" or "government" names that
government, not the person: "Obama administration officials said"."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.actors.article import LOCAL_ID_LENGTH, Article
from dossier.actors.cues import BOOK, cues
from dossier.actors.mentions import emit
from dossier.actors.people import pick_person
from dossier.gazetteer import Actor, norm
from dossier.records import content_id


@BOOK.rule("names", off=None)
def link_government(a: Article, tok: Token) -> int | None:
    """"Obama administration officials said", "the Trump administration": a known
    person's name before "administration", "government", "cabinet" or "regime" is
    that person's government (an organisation with the code of the government of
    the country they led, "USAGOV"), not the person."""
    i = tok.i
    doc, toks = a.doc, a.tokens
    span = a.names_at.get(i) or a.ents_at.get(i)
    if span is None or span.end >= len(doc) or \
            toks[span.end].lower_ not in cues().government_nouns:
        return None
    people = [x for x in a.g.by_name(span.text) if x.type == "person"] or \
        a.g.by_surname(span[-1].text)
    person = pick_person(a, people, surname_only=True)
    if person is None:
        return None
    role = person.role_on(a.date) or person.role_on(None)
    country = (role.country if role else "") or person.country
    if not country:
        return None
    name = f"{person.surname or span.text} {toks[span.end].lower_}"
    actor = Actor(id=f"local:org:{content_id(norm(name), length=LOCAL_ID_LENGTH)}", name=name,
                  type="org", country=country, sector="GOV", code=f"{country}GOV")
    start = i - 1 if i > 0 and toks[i - 1].lower_ == "the" and not a.taken[i - 1] else i
    emit(a, a.span(start, span.end + 1), actor, "unlinked", "government")
    return span.end + 1
