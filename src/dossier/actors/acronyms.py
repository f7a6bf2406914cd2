"""Acronyms an article defines ("the Space Launch System (SLS)", "binge eating
disorder (BED)", "the Ithilen Trade Council (ITC)", "ITC (Ithilen Trade Council)"):
the expansion decides what the acronym is throughout the article. The acronym of a
thing — a common noun phrase, a name ending in a thing's noun, a name NER calls a
product, law or work, or one the article writes before a thing's noun ("the SLS
rocket") — names no actor anywhere in it, nor does its expansion
(:func:`thing_acronym`); the acronym of an organisation the article links is that
organisation (:func:`acronym_of_org`), whatever the gazetteer makes of the letters
alone. Word lists: ``[thing_cues]`` of actor_cues.toml.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.actors.mentions import emit
from dossier.gazetteer import Actor
from dossier.parse.tree import positions

# an acronym as written: capitals (and digits or "&" inside), a plural "s" at most
ACRONYM = re.compile(r"[A-Z][A-Z&]*[A-Z]s?")
# words an expansion may hold that give no letter ("Commission on Presidential Debates")
LETTERLESS = frozenset({"of", "on", "the", "and", "for", "in", "&", "to", "at", "de"})
# punctuation inside an expansion ("Employers’ Association", "Five-hundred-meter")
INSIDE = frozenset({"-", "'", "’", "'s", "’s"})
# NER labels of an expansion that is a thing, no actor
THING_LABELS = frozenset({"PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC", "LANGUAGE"})


def definitions(doc: Doc) -> list[tuple[Token, Span]]:
    """Each acronym the article defines, as its token inside the brackets (or before
    them) and its expansion: "Space Launch System (SLS)", "SLS (Space Launch System)"."""
    out = []
    for i in positions(doc, "("):  # (not a walk over every token)
        tok = doc[i]
        if tok.i + 2 >= len(doc) or tok.i == 0:
            continue
        inner = doc[tok.i + 1]
        if doc[tok.i + 2].text == ")" and ACRONYM.fullmatch(inner.text):
            exp = expansion_before(doc, tok.i, letters(inner.text))
            if exp is not None:
                out.append((inner, exp))
            continue
        before = doc[tok.i - 1]
        if ACRONYM.fullmatch(before.text):
            close = next((t.i for t in doc[tok.i + 1: tok.i + 12] if t.text == ")"), None)
            if close is not None and spells(doc[tok.i + 1: close], letters(before.text)):
                out.append((before, doc[tok.i + 1: close]))
    return out


def letters(acronym: str) -> str:
    return (acronym[:-1] if acronym.endswith("s") else acronym).replace("&", "")


def expansion_before(doc: Doc, bracket: int, word_letters: str) -> Span | None:
    """The words before ``bracket`` whose initials spell ``word_letters`` (words of
    ``LETTERLESS`` may give none), or None."""
    need = len(word_letters)
    i = bracket - 1
    while i >= 0 and need > 0:
        t = doc[i]
        if t.text in INSIDE or (t.lower_ in LETTERLESS and need < len(word_letters)
                                and t.lower_[0] != word_letters[need - 1].lower()):
            i -= 1
            continue
        if not t.is_alpha or t.lower_[0] != word_letters[need - 1].lower():
            return None
        need -= 1
        i -= 1
    if need:
        return None
    span = doc[i + 1: bracket]
    return span if one_case(span) else None


def spells(span: Span, word_letters: str) -> bool:
    """Whether the initials of ``span``'s words spell ``word_letters`` exactly."""
    words = [t for t in span if t.text not in INSIDE and not (
        t.lower_ in LETTERLESS and t is not span[0])]
    return len(words) == len(word_letters) and one_case(span) and all(
        t.is_alpha and t.lower_[0] == c.lower() for t, c in zip(words, word_letters, strict=True))


def one_case(span: Span) -> bool:
    """An expansion is all capitalised words (a name) or all lower case (a common noun
    phrase), the small words aside."""
    words = [t for t in span if t.is_alpha and t.lower_ not in LETTERLESS]
    if words and words[0].is_sent_start and len(words) > 1:
        words = words[1:]  # "Binge eating disorder (BED) affects millions"
    return bool(words) and (all(t.is_title or t.is_upper for t in words)
                            or all(t.is_lower for t in words))


def a_thing(a: Article, acronym: Token, exp: Span) -> bool:
    """Whether a defined acronym's expansion is a thing: a common noun phrase ("binge
    eating disorder") or a name whose last word is a thing's noun ("the Affordable Care
    Act"), NER calls a product, law, work, event or building, or that the article writes
    before a thing's noun ("the SLS rocket", "(CLPS) initiative"); not a known
    organisation, nor a name ending in an organisation's word ("the Binge Eating
    Disorder Association")."""
    c = cues()
    last = exp[-1].lower_
    if last in c.org_name_nouns or any(x.type != "person" for x in a.g.by_name(exp.text)):
        return False
    heads = c.things["thing_nouns"] | c.product_nouns | c.things["acronym_heads"]
    after = noun_after(acronym)
    if after is not None and after.lower_ in c.product_nouns | c.things["acronym_after"]:
        return True  # "Commercial Lunar Payload Services (CLPS) initiative"
    if last in c.org_nouns:
        return False
    if exp[-1].is_lower or last in heads or last in c.product_name_ends:
        return True
    if exp[-1].ent_type_ in THING_LABELS:
        return True
    after_any = heads | c.things["acronym_after"]
    return any(t.text == acronym.text and (nxt := noun_after(t)) is not None
               and nxt.lower_ in after_any for t in a.doc)


def noun_after(tok: Token) -> Token | None:
    """The noun right after an acronym (after its closing bracket: "(CLPS) initiative")."""
    doc = tok.doc
    i = tok.i + 1
    if i < len(doc) and doc[i].text == ")":
        i += 1
    return doc[i] if i < len(doc) and doc[i].pos_ == "NOUN" else None


def read_definitions(a: Article) -> None:
    """Before reading: take every use of a thing's acronym, and its expansion, with no
    mention (:func:`thing_acronym`); keep an organisation's acronym for
    :func:`link_defined`."""
    things: dict[str, Span] = {}
    for acronym, exp in definitions(a.doc):
        if acronym.text in things or acronym.text in a.defined:
            continue
        if a_thing(a, acronym, exp):
            things[acronym.text] = exp
        else:
            a.defined[acronym.text] = exp
    for span in thing_acronym(a, things):
        a.skip(span)


@BOOK.rule("names", off=[])
def thing_acronym(a: Article, things: dict[str, Span]) -> list[Span]:
    """An acronym the article defines as a thing (:func:`a_thing`) names no actor
    anywhere in it, nor does its expansion: "NASA's Space Launch System (SLS) … the SLS
    rocket … SLS will fly", "binge eating disorder (BED) … People with BED" (not "the
    Ithilen Trade Council (ITC) … ITC said", an organisation's). Returns the spans to
    take."""
    if not things:
        return []
    return [*things.values(), *(a.span(t.i, t.i + 1) for t in a.doc if t.text in things)]


def link_defined(a: Article, tok: Token) -> int | None:
    """An acronym the article defined for an organisation it linked: that organisation."""
    exp = a.defined.get(tok.text)
    if exp is None or tok.i < exp.end or tok.i in a.roles_at or longer_name(tok):
        return None
    return acronym_of_org(a, tok, exp)


def longer_name(tok: Token) -> bool:
    """The acronym is a word of a longer name NER found ("ITC Holdings")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


@BOOK.rule("names", off=None)
def acronym_of_org(a: Article, tok: Token, exp: Span) -> int | None:
    """An acronym the article defined for an organisation it linked is that
    organisation, in its chain: "the Ithilen Trade Council (ITC) met. ITC officials
    said" (one local actor, not two), "the Gondor Import Commission (GIC)" (not a
    known body the letters GIC also name); not before the definition, and not an
    expansion the article did not link ("the New York State Attorney General (NYAG)",
    a role). Returns where reading goes on."""
    actor = linked_actor(a, exp)
    if actor is None or actor.type not in ("org", "bloc") or any(
            x.id == actor.id for x in a.g.by_name(tok.text)):
        return None  # (a known alias of it: the name pass links it)
    if actor.id.startswith("local:") and known_pair(a, tok, exp):
        return None  # a known body whose name a user's gazetteer made ambiguous
    start = tok.i
    if start > 0 and a.tokens[start - 1].lower_ == "the" and not a.taken[start - 1]:
        start -= 1
    emit(a, a.span(start, tok.i + 1), actor, "alias", "acronym")
    return tok.i + 1


def known_pair(a: Article, tok: Token, exp: Span) -> bool:
    """The acronym and its expansion are names of one known actor ("the European Union
    (EU)"), though the expansion was left unlinked (a user's gazetteer adds a second
    "European Union"): the acronym's own link stands, not the unlinked expansion's."""
    named = {x.id for x in a.g.by_name(exp.text)}
    return any(x.id in named for x in a.g.by_name(tok.text))


def linked_actor(a: Article, exp: Span) -> Actor | None:
    """The actor of the mention that holds the expansion's last word, if any."""
    at = a.parsed.start(exp[-1:])
    m = next((m for m in reversed(a.out) if m.start <= at < m.end), None)
    if m is None:
        return None
    if m.actor_id.startswith("local:"):
        return next((x for x in a.local.values() if x.id == m.actor_id), None)
    return a.g.actors.get(m.actor_id)
