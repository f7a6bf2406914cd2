"""Noun phrases that refer back to an actor already in the story: the short form of
an organisation's name ("the Post"), a noun for its kind ("the company": the resolver
is in ``orgnouns``), an age used as a noun ("the 56-year-old") and the title the story
gave a person ("the governor" after "Gov. Eric Holcomb")."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from dossier.actors.article import Article, Seen, main_clause
from dossier.actors.coref.orgnouns import org_nominal
from dossier.actors.cues import BOOK, SUBJECT_DEPS, cues
from dossier.actors.mentions import emit
from dossier.data import load_toml
from dossier.gazetteer import Actor, norm

# How far back (in tokens) "the 56-year-old" looks for the person named last.
AGE_REACH = 150


@BOOK.rule("coref", off=None)
def short_form(a: Article, text: str) -> Actor | None:
    """An organisation already in the story that "the <text>" shortens: "the Post"
    after "The Washington Post", "the commission" after "the Commission on
    Presidential Debates" (the head word of its name), the most recent one; not a
    general word ("the state" is not Islamic State; generic_heads in
    actor_cues.toml)."""
    key = norm(text)
    if not key or key in cues().generic_heads:
        return None
    return a.org_heads.get(key)


def link_short_form(a: Article, tok: Token) -> int | None:
    """"the <noun>" at ``tok`` as the short form of an organisation in the story."""
    i = tok.i
    doc, toks = a.doc, a.tokens
    if not (tok.lower_ == "the" and i + 2 < len(doc) and toks[i + 1].pos_ == "NOUN"
            and toks[i + 1].is_lower and toks[i + 2].pos_ not in ("NOUN", "PROPN")
            and not a.taken[i + 1]):
        return None
    org = short_form(a, toks[i + 1].text)
    why = "short_form"
    if org is None:
        org, why = nominal_org(a, a.span(i, i + 2)), "nominal"
    if org is None or administration_not_agency(toks[i + 1], org):
        return None
    emit(a, a.span(i, i + 2), org, "alias", why)
    return i + 2


@BOOK.rule("coref", off=False)
def administration_not_agency(noun: Token, org: Actor) -> bool:
    """"The administration" (``government_of_the_day``) is the government of the day: it
    refers back only to a person's government ("the Obama administration … the
    administration") or a seat of government coded as the country's (``USAGOV``: the
    White House), never to an agency whose name ends in "Administration" nor to another
    body: "NASA launched a probe. The administration said …" is not NASA, "The FDA
    approved it. The administration said" not the FDA (not "the agency said", which is
    the FDA); the phrase is left unlinked."""
    if noun.lower_ not in cues().things["government_of_the_day"]:
        return False
    governs = bool(org.country) and org.code == f"{org.country}GOV"
    return not (governs and (org.id.startswith("local:") or noun.lower_ not in norm(org.name)))


def nominal_org(a: Article, span: Span) -> Actor | None:
    """The organisation "the company" at ``span`` stands for (``orgnouns``)."""
    m = org_nominal(a.parsed, a.out, span, a.taken.__getitem__)
    if m is None:
        return None
    return a.g.actors.get(m.actor_id) or next(
        (s.actor for s in a.seen if s.actor.id == m.actor_id), None)


@BOOK.rule("coref", off=None)
def age_description(a: Article, tok: Token) -> int | None:
    """An age used as a noun is the person named last: "Mourinho was appointed … The
    56-year-old said" (not "the 33-year-old man", whose noun is the anaphor; nothing
    when no one was named before)."""
    i = tok.i
    if tok.lower_ != "the" or (end := age_end(a.doc, i)) is None \
            or any(a.taken[i:end]) or (person := recent_person(a, i)) is None:
        return None
    emit(a, a.span(i, end), person, "pronoun", "age")
    last = a.seen[-1]
    if last.token >= i:
        head = a.tokens[end - 1]
        last.subject = head.dep_ in SUBJECT_DEPS
        last.main_subject = last.subject and main_clause(head.head)
    return end


def age_end(doc: Doc, i: int) -> int | None:
    """The end of "the 56-year-old" starting at ``tok`` ("the" at ``tok``), used as a noun
    (not "the 33-year-old man"), or None."""
    # (asked at every "the": the hyphen after the number tested first)
    if i + 6 > len(doc) or doc[i + 2].lower_ != "-" or not doc[i + 1].like_num or [
            doc[k].lower_ for k in range(i + 3, i + 6)] not in (["year", "-", "old"],
                                                                ["years", "-", "old"]):
        return None
    end = i + 6
    if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
        return None
    return end


def recent_person(a: Article, i: int) -> Actor | None:
    """The person named last before token ``i``, within ``AGE_REACH`` tokens (outside a
    quotation, one named outside quotations)."""
    outside = not a.quoted[i]
    for s in reversed(a.seen):
        if s.token >= i:
            continue
        if i - s.token > AGE_REACH:
            break
        if s.actor.type == "person" and not (outside and s.quoted):
            return s.actor
    return None


# How many words before a name may make its title ("Indiana Gov. Eric Holcomb").
TITLE_REACH = 3


@cache
def _abbreviations() -> dict[str, str]:
    return dict(load_toml("actor_cues.toml")["title_abbreviations"])


def title_word(t: Token) -> str:
    """A title word as "the <title>" would say it: "Gov." → "governor"."""
    w = t.lower_.rstrip(".")
    return _abbreviations().get(w, t.lemma_.lower() if t.pos_ == "NOUN" else w)


def story_titles(a: Article, s: Seen) -> frozenset[str]:
    """The titles the story gives the person ``s`` names: a word before the name that
    modifies it ("Gov. Eric Holcomb", "planetary scientist Ian Hamilton"; not "the time
    Buckley learned") and a singular appositive noun ("Ian Hamilton, a researcher at
    York"; "the governor of Indiana, Eric Holcomb"; not "Taylor Swift, her former
    label"). A pronoun's mention gives none. Read once per mention and article (every
    "the <noun>" asks about every person seen before it)."""
    key = (s.token, s.start, s.end)
    titles = a.titles.get(key)
    if titles is None:
        titles = a.titles[key] = frozenset(_story_titles(a, s))
    return titles


def _story_titles(a: Article, s: Seen) -> set[str]:
    toks = a.tokens
    out: set[str] = set()
    head = toks[s.token]
    if head.pos_ != "PROPN":
        return out
    for t in toks[max(0, s.start - 1) : s.end]:  # (a gazetteer name holds its title)
        if (t.is_alpha or t.text.endswith(".") and t.text[:-1].isalpha()) \
                and t.tag_ in ("NN", "NNP") and s.start <= t.head.i < s.end \
                and t.dep_ in ("compound", "amod", "nmod") \
                and t.ent_type_ not in ("PERSON", "GPE", "ORG", "NORP"):
            out.add(title_word(t))
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        up = head.head  # (or "the governor of Indiana, Eric Holcomb" misparsed onto Indiana)
        if up.dep_ == "pobj" and up.head.dep_ == "prep":
            up = up.head.head
        nouns.append(up)
    for n in nouns:
        if n.tag_ == "NN" and not any(c.dep_ == "poss" for c in n.children):
            out.add(title_word(n))
    c = cues()
    return out - c.generic_heads - c.time_nouns  # ("in a state Trump won")


def _description(a: Article, i: int) -> tuple[int, Token] | None:
    """The end and head noun of "the <title>" at ``i`` ("the chief executive"), a
    person's title used alone (not "the governor of Ohio", "the governor race")."""
    doc, toks = a.doc, a.tokens
    j = i + 1
    while j < len(doc) and j < i + 3 and toks[j].dep_ in ("amod", "compound") \
            and toks[j].is_lower and toks[j].lower_ not in cues().former:
        j += 1
    if j >= len(doc) or any(a.taken[i + 1 : j + 1]):
        return None
    n = toks[j]
    if not (n.tag_ == "NN" and n.is_lower
            or n.pos_ in ("NOUN", "PROPN") and n.is_upper and len(n) <= 4 and not n.ent_type_):
        return None  # (a lower-case noun, or an acronym: "the CEO")
    nxt = toks[j + 1] if j + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.lower_ == "of"):
        return None
    return j + 1, n


@BOOK.rule("coref", off=None)
def title_description(a: Article, tok: Token) -> int | None:
    """A title the story gave one person, used alone, is that person: "Gov. Eric
    Holcomb signed the bill … “…,” the governor said", "researcher Ian Hamilton … the
    researcher warned". Only when one person in the story so far holds the title (two
    senators named: "the senator" stays unresolved), and the description's modifiers
    were in the title too ("the chief executive" after "Chief Executive Tim Cook")."""
    i = tok.i
    if tok.lower_ != "the" or (found := _description(a, i)) is None:
        return None
    end, noun = found
    title = title_word(noun)
    mods = {t.lower_ for t in a.tokens[i + 1 : noun.i]}
    holders: dict[str, Actor] = {}
    for s in a.seen:
        if s.token >= i or s.start < 0 or s.actor.type != "person":
            continue
        if title in story_titles(a, s) and mods <= {
                t.lower_.rstrip(".") for t in a.doc[max(0, s.start - TITLE_REACH) : s.start]}:
            holders[s.actor.id] = s.actor
    if len(holders) != 1 or someone_else_so(a, title, i):
        return None
    emit(a, a.span(i, end), next(iter(holders.values())), "pronoun", "title_story")
    return end


def someone_else_so(a: Article, title: str, i: int) -> bool:
    """The title used for someone unnamed since its holder was named: "Jeffrey Kaufman,
    a lawyer for the family, spoke. Later a lawyer for the city spoke too. … the lawyer
    said" (either lawyer). An appositive of a name is its holder, not someone else."""
    named = max((s.end for s in a.seen if s.token < i and s.actor.type == "person"
                 and title in story_titles(a, s)), default=-1)
    for t in a.doc[max(named, 0) : i]:
        if t.tag_ == "NN" and title_word(t) == title and not a.quoted[t.i] \
                and t.dep_ != "appos" and t.head.dep_ != "appos" \
                and any(c.lower_ in ("a", "an", "another") for c in t.children):
            return True
    return False
