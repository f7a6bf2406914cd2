"""Writing a mention: the record, the tokens it takes, its confidence, and its place
in the memory of antecedents."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.actors.article import Article
from dossier.actors.coref.antecedents import remember_mention
from dossier.actors.cues import BOOK, cues
from dossier.actors.kinds import review
from dossier.gazetteer import Actor
from dossier.parse.texts import span_text
from dossier.parse.tree import children
from dossier.records import Mention


def emit(a: Article, span: Span, actor: Actor, via: str, why: str = "") -> None:
    """Link ``span`` to ``actor`` (unless a mention already took one of its tokens):
    code, country and sector as on the article's date, and the confidence of the
    evidence ``why`` (a key of ``[confidence]`` in actor_cues.toml; the ``via`` when
    none is given)."""
    if any(a.taken[span.start : span.end]):
        return
    checked, why = review(a, span, actor, why or via)
    if checked is None:  # no actor: a national team, a product, a platform used as a place
        a.skip(span)
        forget_dropped_local(a, actor)
        return
    actor = checked
    if why == "national_body":  # an unknown name found in the gazetteer ("the Senate")
        via = "alias"
    for i in range(span.start, span.end):
        a.taken[i] = True
    code = actor.code_on(a.date)
    role = actor.role_on(a.date) if actor.type == "person" else None
    sector = (role.sector if role else "") if actor.type == "person" else actor.sector
    country = (code[:3] if code else actor.country) or None
    p = a.parsed
    if why == "unlinked_person":  # weighed once the article is read: actors.evidence
        a.unlinked_people.append((len(a.out), span))
    a.out.append(Mention(
        source=p.source, article_id=p.article_id, start=p.start(span), end=p.end(span),
        text=span_text(span), actor_id=actor.id, actor_name=actor.name, qid=actor.qid or None,
        code=code or None, country=country, sector=sector or None, type=actor.type,
        via=via, chain=f"{p.article_id}:{actor.id}", date_basis=a.basis,
        confidence=link_confidence(a, "pronoun_thing" if why == "pronoun" and thing_pronoun(
            a, span, actor) else why, actor),
    ))
    remember_mention(a, span, actor, via)


@BOOK.rule("names", off=None)
def forget_dropped_local(a: Article, actor: Actor) -> None:
    """An unknown name whose first link was dropped as no actor (a product, an event, a
    team) leaves no local actor behind for later words to join: after "the revamped
    Davis Cup format" (a product-like name, dropped), "the Davis Cup" and "World
    Cup-style" are no "Cup" of a person "Davis Cup"; after "the new Moneycontrol Pro",
    "Moneycontrol Pro offers" is no person "Pro"."""
    if not actor.id.startswith("local:") or any(m.actor_id == actor.id for m in a.out):
        return
    for key in [k for k, x in a.local.items() if x.id == actor.id]:
        del a.local[key]


# Evidence that only continues a chain ("its" after "Nomura", "the MacBook Pro" after
# "MacBook Pro", "Kaufman" after an unknown "Jane Kaufman"): as sure as the chain's
# surest link at most. (A known person's surname is evidence of its own.)
CHAINED = frozenset({"pronoun", "pronoun_thing", "short_form", "local_part", "age",
                     "acronym"})


def link_confidence(a: Article, why: str, actor: Actor) -> float:
    """How often a link made on this evidence is right (``[confidence]`` of
    actor_cues.toml, measured on the PolNeAR dev gold: docs/actors.md); a surname or
    first name continuing an unknown person's chain is "local_part"; a role's holder
    taken from the gazetteer's dates (not from the story) is less sure on no date at
    all (a bare surname then links only when one person bears it)."""
    table = cues().confidence
    if why in ("name_part", "name_part_namesake", "first_name") and actor.id.startswith("local:"):
        why = "local_part"
    c = table[why]
    if why in CHAINED:  # a chain is no surer than the name that began it
        c = min(c, max((m.confidence for m in a.out if m.actor_id == actor.id), default=c))
    if a.basis == "latest" and why == "role":
        c = min(c, table["role_latest"])
    return c


@BOOK.rule("coref", off=False)
def thing_pronoun(a: Article, span: Span, actor: Actor) -> bool:
    """A pronoun linked to an organisation, a state or a bloc ("it", "its", "they") is
    less sure than one linked to a person: its antecedent is often a product, a plan or
    a thing the article did not link ("Bloomberg News reported that WeWork faced
    scrutiny over whether it violated the rules": not Bloomberg), so the link has the
    confidence of ``pronoun_thing``; not the subject of what that actor is said to say
    or do ("The FBI said it would investigate")."""
    return actor.type in ("org", "state", "bloc", "region") and not says_of_itself(
        a, span[0], actor)


def says_of_itself(a: Article, tok: Token, actor: Actor) -> bool:
    """``tok`` is the subject of a clause whose governing verb has ``actor``'s mention
    for its subject ("The FBI said it would investigate")."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
        return False
    subj = next((c for c in children(verb.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(
        s.actor.id == actor.id and s.start <= subj.i < s.end for s in a.seen)
