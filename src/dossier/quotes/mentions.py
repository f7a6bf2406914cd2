"""Speakers as records: the mention that heads a subject (not a person the phrase is
around: "aides to Clinton"), a linked or unlinked speaker, and its source phrase
(PolNeAR's: the whole noun phrase the attribution names)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.parse.tree import children
from dossier.quotes.appositions import described_conjuncts, name_before_comma
from dossier.quotes.book import BOOK
from dossier.quotes.described import name_in_apposition, place_in_description
from dossier.quotes.lexicon import cues
from dossier.quotes.members import members, phrase_head
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import TRUSTED_LINK, Mention

# How far up the parse from a mention to the head of its phrase the check of what
# the phrase is "around" looks (tokens; a noun phrase deeper than this is no subject).
AROUND_DEPTH = 12


def subject_mention(view: ArticleView, subj: list[Token]) -> Mention | None:
    """The mention that heads a subject: "the Kremlin aide Yuri Ushakov" is Ushakov,
    "China's president Xi" is Xi. A person named around another head ("aides to
    Clinton", "O'Malley's campaign", "the Christie supporter", `around_heads`; "his
    boss") or inside a clause of the phrase ("the man who shot Reagan") is not: no
    mention. (An organisation or state the gazetteer knows speaks through its own:
    "Russia's foreign ministry", "the Kremlin spokesman".)"""
    if not subj:
        return None
    ids = {t.i for t in subj}
    heads = [t for t in subj if t.dep_ in ("nsubj", "nsubjpass", "pobj")]
    top = [t for t in heads if t.head.i not in ids]
    head = top[-1] if top else (phrase_head(subj, ids) or heads[0]) if heads else None
    root = head if head is not None else next(
        (t for t in subj if t.head.i not in ids or t.head.i == t.i), subj[0])
    if head is not None:
        m = view.by_token.get(head.i)
        if m is not None:
            return m
        gone = place_in_description(view, head, subj) | members(head)
        if head.pos_ == "NOUN":
            subj = [t for t in unlinked_modifiers(subj, view, head) if t.i not in gone]
        for deps in (("appos",), ("compound", "flat")):
            for t in (*children(head), *described_conjuncts(head, subj), *subj):
                if t.dep_ in deps and t.i not in gone and (
                        m := view.by_token.get(t.i)) and not is_around(view, t, root):
                    return m
    for t in subj:
        if t.dep_ != "poss" and (m := view.by_token.get(t.i)) is not None and not is_around(
                view, t, root):
            return m
    for t in subj:
        if (m := view.by_token.get(t.i)) is not None and not is_around(view, t, root):
            return m
    return None


@BOOK.rule("speakers")
def unlinked_modifiers(subj: list[Token], view: ArticleView, head: Token) -> list[Token]:
    """Under a common noun that heads the phrase, a name the actor stage could not link
    is no speaker: "the solo developer behind Stardew Valley", "the Netflix employee
    resource group" (the phrase speaks); a known organisation or state still speaks
    through its people ("a spokesman for the Foreign Office")."""
    return [t for t in subj if not (
        (m := view.by_token.get(t.i)) is not None and m.actor_id.startswith("local:")
        and t.i != head.i and head in t.ancestors)]


_CLAUSE_BARRIER = ("relcl", "advcl", "ccomp", "csubj")


@BOOK.rule("speakers", off=False, name="around")
def is_around(view: ArticleView, t: Token, root: Token) -> bool:
    """Whether the mention at ``t`` names someone the phrase headed by ``root`` is
    around rather than the phrase's referent: on the way up from ``t`` to ``root`` a
    head noun of `around_heads` that the actor stage did not link ("aides to
    Clinton", "O'Malley's campaign", "the Clinton campaign chairman"; an apposition
    names its head: "Clinton's spokesman, Brian Fallon"), or a clause ("the man who
    shot Reagan"). A person's possessive pronoun before a common noun ("his boss")
    is no speaker either. A mention of an organisation or state the gazetteer knows
    ("Russia's foreign ministry") is, but for a clause."""
    around = cues().around
    m = view.by_token[t.i]
    person = m.type == "person" or m.actor_id.startswith("local:")
    if (m.type == "person" and t.i != root.i and t.dep_ == "poss" and t.pos_ == "PRON"
            and t.head.pos_ == "NOUN"):
        return True
    x = t
    for _ in range(AROUND_DEPTH):
        if x.i == root.i or x.head.i == x.i:
            return False
        dep = x.dep_
        if dep in _CLAUSE_BARRIER:
            return True
        x = x.head
        if (person and dep != "appos" and x.pos_ in ("NOUN", "PROPN")
                and (x.lemma_.lower() in around or x.lower_ in around)
                and view.by_token.get(x.i) is None):
            return True
    return False


def raw_speaker(view: ArticleView, toks: list[Token], via: str,
                 phrase: list[Token] | None = None) -> SpeakerDict:
    """A speaker that is no known actor ("officials", "a new poll", "it"): its span."""
    span = view.doc[toks[0].i : toks[-1].i + 1]
    name = span.text
    if via == "unlinked":
        name = (name_before_comma(span) or name_after_description(span)
                or name_in_apposition(span) or name)
        if (longer := longer_name(view, name, view.start(span))) is not None:
            name = longer[0]
    return {"name": name, "actor_id": None, "qid": None,
            "start": view.start(span), "end": view.end(span),
            "via": via, "phrase": source_phrase(view, phrase or toks)}


# What may stand right before a name that a description leads up to ("media buying
# company GroupM", "the 14th-ranked Schwartzman"): not a preposition ("aides to
# Clinton"), a determiner or a possessive.
_DESCRIBING = frozenset(("NOUN", "ADJ", "VERB", "NUM"))


@BOOK.rule("speakers", off=None)
def name_after_description(span: Span) -> str | None:
    """A speaker the actor stage did not link, written as a description and then a name,
    is named by the name: "“…,” media buying company GroupM said" is GroupM, "the
    14th-ranked Schwartzman said" Schwartzman (and the full name the article gave
    before); not a name after a preposition ("aides to Clinton"), a determiner or a
    title ("the company's CEO"), nor a group ("most Americans")."""
    toks = list(span)
    k = len(toks)
    while k > 0 and (toks[k - 1].text[:1].isupper() and toks[k - 1].is_alpha
                     or toks[k - 1].text == "-" and k < len(toks)):
        k -= 1
    if k == 0 or k == len(toks) or toks[k].text == "-":
        return None
    run = toks[k:]
    before = toks[k - 1]
    if (before.pos_ not in _DESCRIBING or not before.is_lower
            or before.lower_ in cues().quantifiers or run[-1].tag_ == "NNPS" or any(
                t.is_upper or t.lower_ in person_words().titles for t in run)):
        return None  # (not a group: "most Americans")
    return span.doc[run[0].i : run[-1].i + 1].text


# A capital inside a word after two small letters, and the word it starts
# ("CortezAlexandria"; not "McDonald", "DeSantis").
_GLUED = re.compile(r"[a-z]{2}([A-Z][a-z]+)")


@BOOK.rule("speakers", off=None)
def longer_name(view: ArticleView, name: str, before: int) -> tuple[str, Mention | None] | None:
    """A person speaker known by part of a name — a surname, a surname of several
    words, a first name — is named in full when the article named exactly one person
    so before the source offset ``before``: "James Van Der Beek was eliminated. … “We
    lost the baby,” Van Der Beek said" is James Van Der Beek, and "Caitlyn Smith and
    Kate York came … “…,” York said" Kate York (a capitalised word before it that is
    no title, initials or place word, when NER missed the full name: not "CEO Tim
    Cook"); nobody
    when two full names fit ("Anna Ruiz … Carlos Ruiz … “…,” Ruiz said"). With the
    person's mention when one names it."""
    words = name.split()
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return None
    found: dict[str, Mention | None] = {}
    for m in view.parsed.mentions:
        if m.start >= before:
            break
        full = m.actor_name.split()
        person = m.type == "person"
        if (person or name_taken_for_org(m)) and m.via != "pronoun" and len(full) > len(
                words) and (full[-len(words):] == words or person and len(words) == 1
                            and full[0] == words[0]):  # (a firm's first word is the firm)
            found.setdefault(" ".join(full), m)
    for hit in first_names_before(view, name, before, strict=len(words) > 1):
        if not any(hit == k or k.endswith(" " + hit) for k in found):
            found.setdefault(hit, None)
    return next(iter(found.items())) if len(found) == 1 else None


@BOOK.rule("speakers", off=False)
def name_taken_for_org(m: Mention) -> bool:
    """A person's name NER took for an organisation's is a person's: an organisation
    unknown to the gazetteer named by one or two capitalised words ("executive chair
    Marcelo Claure … Claure said in the email" is Marcelo Claure, not "Claure"; a
    firm's two-word name a surname stands for, "Ithilen Sachs … Sachs said", is the
    firm's name in full either way; its first word is not: "Nissan Connect … Nissan
    said" stays Nissan)."""
    words = m.actor_name.split()
    return (m.type == "org" and m.actor_id.startswith("local:") and 1 <= len(words) <= 2
            and all(w[:1].isupper() and not w.isupper() for w in words))


def first_names_before(view: ArticleView, name: str, before: int, strict: bool = False
                       ) -> set[str]:
    """"<First> <name>" as written before the source offset ``before``: a capitalised
    word right before the name that is no title, initials or place word, not tagged
    as a place or an organisation unless a common first name (``strict``, for a name
    of several words: a common first name, not "Superintendent Jennifer McCormick"),
    the pair not an organisation's or a place's name."""
    stop = _not_first_names()
    found: set[str] = set()
    text = view.text
    # the search starts at the word before the name's first occurrence (a text
    # without the name has no hit: most of them)
    at = text.find(" " + name)
    if at < 0:
        return found
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    for start, space, end in _after_first_name_hits(text, name, at):
        if start + view.offset >= before:
            break
        first = view.doc.char_span(start, space)
        last = view.doc.char_span(space + 1, end)
        if first is None or last is None:
            continue
        other = view.by_token.get(last[0].i)
        f = first[0]
        if (f.lower_ in stop or f.pos_ != "PROPN" or f.is_upper or _GLUED.search(f.text)
                or f.lower_ in person_words().titles
                or (strict or f.ent_type_ not in ("", "PERSON")) and not known_first_name(f)
                or other is not None and other.type != "person"):
            continue
        found.add(text[start:end])
    return found


# "<Capitalised word> " of "<Capitalised word> <name>": the word, then one space
_FIRST_WORD = re.compile(r"\b([A-Z][\w'’-]+) ")
_BOUNDARY = re.compile(r"\b")


def _after_first_name_hits(text: str, name: str, at: int) -> Iterator[tuple[int, int, int]]:
    """Where ``re.finditer(r"\\b([A-Z][\\w'’-]+) " + re.escape(name) + r"\\b", text,
    at)`` finds "<Capitalised word> <name>": ``(start, space, end)``, the word from
    ``start`` to the space at ``space``, the name ending at ``end`` (tested against
    that pattern). The name's occurrences are found by ``str.find`` and the word is
    tried only right before each: the pattern's own search tried every position of
    the text after ``at``, and a pattern compiled for every name asked about was
    ~1 % of the stages' time.

    A hit's word holds no space, so it runs up to the space before the name: the
    leftmost hit at or after ``pos`` starts in the word before the first occurrence
    of " <name>" from there (if the name ends at a word boundary), or, failing that,
    of a later one."""
    needle, pos = " " + name, at
    while (space := text.find(needle, pos)) >= 0:
        end = space + len(needle)
        start = space
        while start > pos and not text[start - 1].isspace():
            start -= 1
        hit = None
        if _BOUNDARY.match(text, end) is not None:
            hit = next((k for k in range(start, space - 1)
                        if (m := _FIRST_WORD.match(text, k)) is not None
                        and m.end() == space + 1), None)
        if hit is None:
            pos = space + 1
            continue
        yield hit, space, end
        pos = end


@dataclass(frozen=True)
class PersonWords:
    titles: frozenset[str]
    first_names: frozenset[str]


@cache
def person_words() -> PersonWords:
    """The actor stage's titles and common first names (``actor_cues.toml``), read
    from the data: the stages share word lists, not modules."""
    d = load_toml("actor_cues.toml")
    return PersonWords(frozenset(d["titles"]), frozenset(
        n for names in d["first_names"].values() for n in names))


@BOOK.rule("speakers", off=False)
def known_first_name(t: Token) -> bool:
    """A common first name (``first_names`` of actor_cues.toml) starts a person's name
    even when NER tagged it otherwise: "Caitlyn Smith and Kate York came" (NER: "Kate
    York", a place) names Kate York; "New York" is no name (no first name)."""
    return t.lower_ in person_words().first_names


def mention_speaker(m: Mention, view: ArticleView | None = None,
                     phrase: list[Token] | None = None) -> SpeakerDict:
    """A linked speaker: the actor, the mention's span, and the source phrase (the
    subject's whole noun phrase when given, else the mention). A link the actor stage
    is not sure of (below ``TRUSTED_LINK``: "he" with two senators before it) names
    nobody: the speaker is the mention's words, unlinked."""
    sp: dict[str, Any] = {"name": m.actor_name, "actor_id": m.actor_id, "qid": m.qid,
                          "start": m.start, "end": m.end, "via": m.via, "code": m.code}
    if untrusted_link(m):
        sp.update(name=m.text, actor_id=None, qid=None, via="unlinked")
    if view is not None and (m.type == "person" or name_taken_for_org(m)) and (
            m.actor_id.startswith("local:")) and (
            longer := longer_name(view, sp["name"], m.start)) is not None:
        sp["name"] = longer[0]
        if sp["actor_id"] is not None and longer[1] is not None and not untrusted_link(
                longer[1]):
            sp.update(actor_id=longer[1].actor_id, qid=longer[1].qid)
    elif view is not None and not (m.via == "pronoun" and untrusted_link(m)
                                 and not unsure_org(m)) and (
            named := org_as_named(view, m)) is not None:
        sp["name"] = named  # (an unknown organisation's too: "the ministry" is its)
    if view is not None and phrase and (body := state_body(view, m, phrase)) is not None:
        # (the actor stays the state; the span is the body's name)
        sp.update(name=body.text, qid=None, code=body.label_, start=view.start(body),
                  end=view.end(body))
    ph = source_phrase(view, phrase) if view is not None and phrase else None
    if ph is None or not (ph["start"] < m.end and m.start < ph["end"]):
        ph = {"start": m.start, "end": m.end, "text": m.text}
    elif not (ph["start"] <= m.start and m.end <= ph["end"]) and view is not None:
        # a mention reaching past the parse's phrase ("the FBI", a title): both
        a, b = min(ph["start"], m.start), max(ph["end"], m.end)
        ph = {"start": a, "end": b, "text": view.source_text(a, b)}
    sp["phrase"] = ph
    return sp


# Dependencies by which a state names the body its phrase heads: "China's commerce
# ministry", "the Hong Kong police", "Bolivia's public defender's office".
_BODY_DEPS = frozenset(("poss", "compound", "amod", "nmod", "case"))


@BOOK.rule("speakers", off=None)
def state_body(view: ArticleView, m: Mention, phrase: list[Token]) -> Span | None:
    """A body of a state speaks under its own name, coded as the state's body of its
    kind: "China's commerce ministry said" is "China's commerce ministry" (CHNGOV),
    "Hong Kong police said" "Hong Kong police" (HKGCOP), not China or Hong Kong
    (words in ``[state_bodies]`` of quote_cues.toml; the actor stays the state, as
    CAMEO codes it). Not a body the gazetteer knows ("Britain's Home Office" is the
    Home Office), a person ("China's president Xi"), two states ("the Russian and
    Syrian defence ministries") or another actor in the phrase. Its spokesperson
    speaks for it ("a spokesman for China's foreign ministry"). The body's name is the
    phrase up to its head noun, without "the" (the span, labelled with the code)."""
    if m.type != "state" or not (m.country or m.code) or view.quoted[phrase[0].i]:
        return None
    ids = {t.i for t in phrase}
    bodies, spokes = cues().state_bodies, cues().spokespeople
    root = top = next((t for t in phrase if t.head.i not in ids or t.head.i == t.i), None)
    left = [t for t in phrase if root is not None and t.i < root.i]
    if root is not None and root.lower_ in spokes:
        # its spokesperson speaks for it: "a spokesman for China's foreign ministry",
        # "Russia's foreign ministry spokeswoman"
        body = next((c for c in children(root) if c.dep_ in ("compound", "nmod")
                     and c.lower_ in bodies), None)
        if body is not None:
            left = [t for t in phrase if t.i < body.i]
        else:
            body = next((g for c in children(root) if c.dep_ == "prep" and c.lower_ in (
                "for", "of", "from", "at") for g in children(c) if g.dep_ == "pobj"
                and g.lower_ in bodies), None)
            left = [t for t in body.subtree if t.i < body.i] if body is not None else []
        root = body
    sector = bodies.get(root.lower_) if root is not None else None
    if root is None or top is None or sector is None or root.pos_ not in (
            "NOUN", "PROPN") or view.by_token.get(root.i) is not None:
        return None
    if not left or any(t.dep_ == "cc" for t in left) or any(
            (o := view.by_token.get(t.i)) is not None and o.actor_id != m.actor_id
            for t in left):
        return None
    tok = next((t for t in left if view.by_token.get(t.i) is m), None)
    if tok is None:
        return None
    x = tok
    while x.i not in (root.i, top.i):  # the state hangs on the head by modifiers only
        if x.dep_ not in _BODY_DEPS and x.dep_ != "flat" or x.head.i == x.i:
            return None
        x = x.head
    first = left[0].i + 1 if left[0].pos_ == "DET" else left[0].i
    return Span(view.doc, first, root.i + 1, label=f"{m.country or m.code}{sector}")


@BOOK.rule("speakers", off=False)
def untrusted_link(m: Mention) -> bool:
    """A mention linked with a confidence below ``TRUSTED_LINK`` names no speaker:
    "Kaine met Warner. “We agree,” he said" keeps "he" when either could be meant."""
    return m.confidence < TRUSTED_LINK


@BOOK.rule("speakers", off=False)
def unsure_org(m: Mention) -> bool:
    """A pronoun resolved to an organisation the actor stage is unsure is an actor
    speaks under that organisation's name (unlinked): "Big Machine have denied it. “We
    never blocked her,” they said" is Big Machine (what is unsure is whether the name
    is an actor, not whom the pronoun means)."""
    return m.type in ("org", "bloc", "region")


@cache
def _not_first_names() -> frozenset[str]:
    return frozenset(load_toml("quote_cues.toml")["speaker_names"]["not_first_names"])


@BOOK.rule("speakers", off=None)
def org_as_named(view: ArticleView, m: Mention) -> str | None:
    """An organisation speaks under the name the article gives it: its own name when
    the article writes it, else the name the article uses most ("the US military
    said" is the US military, not the United States Armed Forces), "the" aside, not
    a heading in capitals (initials are a name: "NASA said" is NASA). So does one
    the actor stage is not sure is an actor (an unknown one): "the ministry" after
    "the Ministry of Health of Gondor" is that ministry, "The Federal Aviation
    Administration said" the Federal Aviation Administration (what is unsure of it is
    whether it is an actor, not its name)."""
    if m.type not in ("org", "bloc", "region"):
        return None
    if m.actor_name in view.text:
        return m.actor_name
    names = Counter(_bare_name(n.text) for n in view.parsed.mentions
                    if n.actor_id == m.actor_id and n.via != "pronoun"
                    and (not n.text.isupper() or _initials(_bare_name(n.text))))
    named = [(k, n) for n, k in names.items() if any(w[:1].isupper() for w in n.split())]
    return max(named, key=lambda x: (x[0], len(x[1])))[1] if named else None


def _initials(text: str) -> bool:
    """Whether a name is initials ("CBP", "NASA"), not a heading in capitals."""
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


def _bare_name(text: str) -> str:
    words = text.split()
    return " ".join(words[1:] if words and words[0].lower() == "the" else words)


def source_phrase(view: ArticleView, toks: list[Token]) -> dict[str, Any] | None:
    """The source phrase of a speaker: the noun phrase the attribution names, with
    its titles, modifiers, appositions and relative clauses ("Texas Sen. Ted Cruz",
    "Ryan, a policy-focused conservative,"): first to last token, on the line of its
    first token, without punctuation at its edges but for the comma that closes a
    phrase set off by commas (PolNeAR's convention) and a closing bracket or quotation
    mark whose opening one it holds."""
    if not toks:
        return None
    doc, text = view.doc, view.text
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    for j in range(hi - 1, lo - 1, -1):
        # a parse that runs a quotation or a dateline into the subject ("“…,” Trump,
        # the frontrunner,", "MACAU (Reuters) – Top donor Sheldon Adelson"): after it
        w = doc[j].text
        if w in ("”", "''") or w == '"' and sum(doc[k].text == '"' for k in range(lo, j)) % 2 or (
                w in ("–", "—", "―", "--") and any(doc[k].text == ")" or doc[k].is_upper
                                                   and doc[k].is_alpha for k in range(lo, j))):
            lo = j + 1
            break
    nl = text.find("\n", doc[lo].idx)
    while hi > lo and nl >= 0 and doc[hi].idx > nl:
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in "(“\"":
        lo += 1

    def keep(k: int) -> bool:
        pair = {")": "(", "”": "“", '"': '"'}.get(doc[k].text)
        return pair is not None and any(doc[j].text == pair for j in range(lo, k))

    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) and not keep(hi):
        hi -= 1
    nxt = hi + 1
    if (nxt < len(doc) and doc[nxt].text == "," and (nl < 0 or doc[nxt].idx < nl)
            and any(doc[k].text == "," for k in range(lo, hi))):
        hi = nxt  # "Ryan, a policy-focused conservative,": the closing comma
    span = doc[lo : hi + 1]
    return {"start": view.start(span), "end": view.end(span),
            "text": span.text}
