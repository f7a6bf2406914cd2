"""A noun for a kind of organisation that stands for the one named before it: "the
company", "the firm", "the ministry", "the agency", "the network" ("Ithilen Widgets
Ltd cut 300 jobs. … The company said …"). One resolver for the whole pipeline, kept
here beside the parsed article because two stages read it: the actor stage links
"the <noun>" with it (rule ``actors.coref.org_nominal``), and the quote stage asks it
about a speaker the actor stage left alone ("the Chinese tech company said", rule
``quotes.speakers.org_nominal``); the stages do not import each other.

The words are in ``data/actor_cues.toml``: ``[org_nominals]`` (the kinds of body each
noun may mean), ``[org_kinds]`` (words of a name that give its kind) and
``[org_kind_sectors]`` (the CAMEO sectors of a known organisation of each kind).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.parse.article import ParsedArticle
from dossier.parse.tree import children
from dossier.records import TRUSTED_LINK, Mention
from dossier.rules import is_on

# The kinds of body an unknown organisation whose name says nothing of its kind may be
# ("WeWork", "Acme Robotics").
UNMARKED = frozenset(("company", "group"))
ORG_TYPES = ("org", "bloc")
# How far before its noun an organisation may be named (characters): about the
# length of a news story's first half.
ORG_REACH = 4000

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# The actor stage's rule for a noun described in its own phrase (its test is
# :func:`described_here`).
DESCRIBED_HERE_RULE = "actors.coref.described_here"

# The actor stage's rule for an organisation named again as a subject no mention took
# (its test is :func:`missed_again`).
NAMED_AGAIN_RULE = "actors.coref.org_named_again"

# The actor stage's rule for a main subject over names in prepositional phrases (its
# test is :func:`subject_first`).
SUBJECT_ORG_RULE = "actors.coref.subject_org"

# Whether a token is part of a mention already (a name the linker took).
Linked = Callable[[int], bool]


@dataclass(frozen=True)
class OrgWords:
    nominals: dict[str, frozenset[str]]  # noun → kinds it may mean
    kinds: dict[str, frozenset[str]]  # kind → words of a name of that kind
    sectors: dict[str, frozenset[str]]  # kind → CAMEO sectors of a known one
    bare: frozenset[str]  # nouns that refer back without "the": "police said"


@cache
def org_words() -> OrgWords:
    d = load_toml("actor_cues.toml")
    return OrgWords({k: frozenset(v) for k, v in d["org_nominals"].items()},
                    {k: frozenset(v) for k, v in d["org_kinds"].items()},
                    {k: frozenset(v) for k, v in d["org_kind_sectors"].items()},
                    frozenset(d["org_nominals_bare"]["nouns"]))


def kinds_of(m: Mention) -> frozenset[str]:
    """The kinds of body an organisation may be: by the words of its name ("Ministry
    of Health" is government, "Acme Inc." a company; a news medium is a medium whatever
    else its name says: "Xinhua News Agency"), and by its sector when the gazetteer
    knows it; an unknown name with no such word may be a company or a group."""
    w = org_words()
    words = {x.strip(".,()").lower() for x in m.actor_name.split()} | {
        x.lower() for x in m.actor_name.split()}
    if words & w.kinds["media"]:
        return frozenset(("media",))
    kinds = {k for k, ws in w.kinds.items() if words & ws}
    if m.sector:
        kinds |= {k for k, secs in w.sectors.items() if m.sector in secs}
    elif not kinds and m.actor_id.startswith("local:"):
        kinds = set(UNMARKED)
    return frozenset(kinds)


def bare(span: Span) -> bool:
    """A noun phrase that is only a determiner, adjectives or nouns and its head: "the
    company", "the Chinese tech company" (not "the company that made it", "the group
    of protesters")."""
    return all(t.i == span.root.i or t.dep_ in ("det", "amod", "compound", "nmod")
               and t.pos_ in ("DET", "ADJ", "NOUN") for t in span)


def resolve(parsed: ParsedArticle, mentions: Sequence[Mention], span: Span,
                linked: Linked) -> Mention | None:
    """(The rule ``actors.coref.org_nominal``.) "The company", "the firm", "the
    ministry", "the agency" … (``org_nominals`` in actor_cues.toml) is the nearest
    organisation of a fitting kind named before it
    ("Ithilen Widgets Ltd cut 300 jobs. … “We regret it,” the company said": Ithilen
    Widgets Ltd; a ministry or agency for "the ministry"; an unknown one named for
    another kind, "the Communist Party", is no company); nobody when two fit in one
    sentence, or when a name the linker left alone is a subject after it ("Home Depot
    cut jobs. Walmart cut prices. The company …"). A noun for a narrower kind wants
    that kind ("the police" a police force, "the court" a court; "the agency" no
    legislature); a few need no "the" (``org_nominals_bare``: "police said" after
    "the Toronto Police Service"), but then only a body linked with trust (not a
    heading NER took for one, "Suspect Named By Police"). ``mentions`` are the article's so
    far, ``linked`` says whether a token is in one."""
    root = span.root
    noun = root.lower_
    w = org_words()
    wanted = w.nominals.get(noun)
    if (wanted is None or root.pos_ != "NOUN" or not bare(span) or described_here(root)
            or span[0].lower_ not in ("the", "this") and not (
                len(span) == 1 and noun in w.bare)):
        return None
    if any(t.lower_ in w.kinds["media"] for t in span):
        wanted = frozenset(("media",))  # "the news agency": a medium
    found = nearest_org(parsed, mentions, parsed.start(span), wanted, linked, noun)
    if found is not None and span[0].lower_ == noun and found.confidence < TRUSTED_LINK:
        return None  # "police" alone: only a force surely named ("… Named By Police" heading)
    return found


def described_here(noun: Token) -> bool:
    """(The rule ``actors.coref.described_here``.) A noun for a kind of organisation
    that a restrictive relative clause or an apposition describes introduces one, it
    does not refer back: "The company that runs the AMAs, Dick Clark Productions,
    denies it" (not the label named before); a clause set off by a comma does not
    count ("The company, which denies it, said")."""
    doc = noun.doc
    return is_on(DESCRIBED_HERE_RULE) and any(
        c.dep_ == "appos" or c.dep_ in ("relcl", "acl") and c.left_edge.i > 0
        and doc[c.left_edge.i - 1].text != "," for c in children(noun))


def nearest_org(parsed: ParsedArticle, mentions: Sequence[Mention], before: int,
                wanted: frozenset[str], linked: Linked, noun: str = "") -> Mention | None:
    """The organisation of a wanted kind named last before the source offset
    ``before`` as an actor (not through a pronoun, nor as a place or in passing: "at
    the American Music Awards"); None when none is, when another one that fits is
    named in the same sentence (either could be meant), when the ``noun`` itself
    stands in between for something else ("the regional health commission … the
    commission said"), or when a name no mention took is a subject in between."""
    found: Mention | None = None
    sent: Span | None = None
    doc = parsed.doc
    fits: dict[str, tuple[Mention, Token]] = {}  # the sentence's candidates by actor
    for m in sorted(mentions, key=lambda x: -x.start):
        if m.end > before or m.type not in ORG_TYPES or m.via == "pronoun":
            continue
        if before - m.start > ORG_REACH or (sent is not None and m.start < parsed.start(sent)):
            break
        if not kinds_of(m) & wanted:
            continue
        tok = doc.char_span(m.start - parsed.offset, m.end - parsed.offset,
                            alignment_mode="expand")
        if tok is None or in_passing(tok.root):
            continue
        if found is None:
            again = missed_again(parsed, tok.end, before, m, linked)
            if rival(parsed, tok.end, before, noun, linked, again):
                return None
            found = m
            sent = again[-1].sent if again else tok.sent
        fits.setdefault(m.actor_id, (m, tok.root))
    if len(fits) > 1:  # "Acme and Ithilen …, the company said": either
        return subject_first(list(fits.values()))
    return found


def subject_first(fits: Sequence[tuple[Mention, Token]]) -> Mention | None:
    """(The rule ``actors.coref.subject_org``.) Of several organisations that fit in
    one sentence, the one that is its main clause's subject when every other is inside
    a prepositional phrase: "VW has done away with plastic inserts in favour of more
    AppleSkin. The automaker says …" (VW), "Alphabet, the parent company of Google,
    jumped 3 percent. The company reported …" (Alphabet); nobody otherwise ("Acme sued
    Ithilen Corp. The company said": either)."""
    if not is_on(SUBJECT_ORG_RULE):
        return None
    subjects = [m for m, t in fits if main_subject(t)]
    if len(subjects) != 1 or not all(oblique(t) for m, t in fits if m is not subjects[0]):
        return None
    return subjects[0]


def main_subject(t: Token) -> bool:
    """A name that is (or heads through a compound) the subject of its sentence's main
    verb or of a verb conjoined with it: "VW has used …", "VW says …"."""
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    v = t.head
    return t.dep_ in SUBJECT_DEPS and (v.dep_ == "ROOT" or v.dep_ == "conj"
                                       and v.head.dep_ == "ROOT")


def oblique(t: Token) -> bool:
    """A name inside a prepositional phrase below its clause's verb: "in favour of more
    AppleSkin", "the parent company of Google" (not an object: "Acme sued Ithilen")."""
    for x in (t, *t.ancestors):
        if x.pos_ in ("VERB", "AUX"):
            return False
        if x.dep_ == "pobj":
            return True
    return False


def in_passing(t: Token) -> bool:
    """A name in a prepositional phrase of place, time or manner ("at the American
    Music Awards", "on Twitter"), not the "according to", "by", "from", "of" and
    "for" that name a source or an owner."""
    return t.dep_ == "pobj" and t.head.lower_ not in ("by", "from", "of", "for") and not (
        t.head.lower_ == "to" and t.head.head.lower_ == "according")


def missed_again(parsed: ParsedArticle, lo: int, hi: int, m: Mention, linked: Linked
                 ) -> list[Token]:
    """(The rule ``actors.coref.org_named_again``.) The organisation ``m`` named again
    as a subject no mention took, from token ``lo`` up to the source offset ``hi``:
    "WeWork founder Adam Neumann … WeWork is headquartered in New York. A company
    spokesperson said" (the second "WeWork" is the same one, nearer than anything else
    named before it: no rival, and its sentence is where the search stops). A word of
    the organisation's own name, capitalised, as the whole subject."""
    if not is_on(NAMED_AGAIN_RULE):
        return []
    words = set(m.actor_name.split()) | set(m.text.split())
    out = []
    for t in parsed.doc[lo:]:
        if parsed.start(t) >= hi:
            break
        if (not linked(t.i) and t.pos_ in ("PROPN", "NOUN") and t.dep_ in SUBJECT_DEPS
                and t.text[:1].isupper() and t.text in words
                and all(x.i == t.i or x.dep_ == "det" for x in t.subtree)):
            out.append(t)
    return out


def rival(parsed: ParsedArticle, lo: int, hi: int, noun: str, linked: Linked,
          same: Sequence[Token] = ()) -> bool:
    """Whether something else may be meant, from token ``lo`` up to the source offset
    ``hi``: the noun used for another body ("the regional health commission", "a
    commission"; not "the company" again, the same one), or a name no mention took as
    a subject ("Walmart cut prices"; not the tokens ``same``, the candidate named
    again)."""
    again = {t.i for t in same}
    for t in parsed.doc[lo:]:
        if parsed.start(t) >= hi:
            break
        if linked(t.i) or t.i in again:
            continue
        if t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS:
            return True
        if noun and t.lower_ == noun and t.pos_ == "NOUN" and any(
                c.dep_ in ("amod", "compound") or c.lower_ in ("a", "an") for c in children(t)):
            return True
    return False
