"""Find quotations and reported speech in a parsed article and attribute them.

Direct quotes are found by their marks (curly or straight; a paragraph that opens a
quote and does not close it continues into the next one that opens with a mark, the
UK and US convention). A speech cue (a reporting verb from ``data/quote_cues.toml``)
next to the quote, through the dependency parse, gives the speaker: its subject,
resolved to an actor by the actor stage (so "she" and "the spy chief" come out as
people). A quote inside the clause of a cue ("warned that the “consequences …”") is
partial; a paragraph that is only a quotation continues the last speaker; colons and
dashes attribute whole paragraphs and quotations. Without marks, a cue (lists in the
data file, by the shape of their content: clause, infinitive, object, preposition,
noun, adjective, "according to") and its complement in the parse give an indirect
report, whose source may be an unlinked noun phrase ("officials", "a new poll").
Short quotations with no cue (scare quotes, titles, nicknames) are not quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, TypeVar

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from dossier.data import load_toml
from dossier.gazetteer import Geography
from dossier.parse import ParsedArticle, misclosed, quoted_tokens
from dossier.records import Mention, Quote

_OPEN = "“"
_CLOSE = "”"


@dataclass(frozen=True)
class _Cues:
    verbs: frozenset[str]
    reporting: frozenset[str]
    future: frozenset[str]
    future_phrases: tuple[str, ...]
    min_words: int
    weak: frozenset[str]
    clausal: frozenset[str]
    intent: frozenset[str]
    objects: frozenset[str]
    preps: dict[str, frozenset[str]]
    nouns: frozenset[str]
    noun_preps: frozenset[str]
    adjectives: frozenset[str]
    colon_labels: frozenset[str]
    colon_sources: frozenset[str]
    addressee: frozenset[str]
    object_heads: dict[str, frozenset[str]]
    quantifiers: frozenset[str]
    unsaid_when_negated: frozenset[str]
    around: frozenset[str]
    name_objects: frozenset[str]
    questions: frozenset[str]
    as_verbs: frozenset[str]
    complement_objects: frozenset[str]
    evidence_nouns: frozenset[str]
    media: frozenset[str]
    listener: frozenset[str]
    measures: frozenset[str]


@cache
def cues() -> _Cues:
    d = load_toml("quote_cues.toml")
    return _Cues(frozenset(d["verbs"]), frozenset(d["reporting_verbs"]),
                 frozenset(d["future_markers"]), tuple(d["future_phrases"]),
                 int(d["min_words_unattributed"]), frozenset(d["weak_verbs"]),
                 frozenset(d["verbs"]) | frozenset(d["clausal_verbs"]),
                 frozenset(d["intent_verbs"]), frozenset(d["object_verbs"]),
                 {k: frozenset(v) for k, v in d["prep_verbs"].items()},
                 frozenset(d["nouns"]), frozenset(d["noun_preps"]),
                 frozenset(d["adjectives"]), frozenset(d["colon_labels"]),
                 frozenset(d["colon_sources"]), frozenset(d["addressee_verbs"]),
                 {k: frozenset(v) for k, v in d["object_heads"].items()},
                 frozenset(d["quantifier_sources"]), frozenset(d["unsaid_when_negated"]),
                 frozenset(d["around_heads"]), frozenset(d["name_object_verbs"]),
                 frozenset(d["question_verbs"]), frozenset(d["as_verbs"]),
                 frozenset(d["complement_object_verbs"]),
                 frozenset(d["evidence_nouns"]), frozenset(d["speech_media"]),
                 frozenset(d["listener_verbs"]), frozenset(d["according_to_measures"]))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Content spans (inside the marks) of quotations, joined across paragraphs."""
    spans: list[tuple[int, int]] = []
    cur: int | None = None  # content start of the quote now open
    cur_end = 0  # where its content reached at the end of the last paragraph
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + len(line) - len(line.lstrip())
        tail = end - (len(line) - len(line.rstrip()))
        i = start
        if cur is not None:  # a quote left open at the previous paragraph's end
            if stripped[0] in (_OPEN, '"') or stripped.startswith("''"):
                # it continues: skip this paragraph's opening mark
                i = lead + (2 if stripped.startswith("''") else 1)
            else:
                spans.append((cur, cur_end))
                cur = None
        for m in _MARK.finditer(text, i, end):
            k, ch = m.start(), m.group()
            if cur is None:
                if ch == _OPEN or (ch in ('"', "''") and _opens(text, k)) or (
                        ch == _CLOSE and k == lead):
                    # a paragraph that opens with ” (a typo for “) opens a quotation
                    cur = m.end()
            elif ch in (_CLOSE, '"', "''") or misclosed(text, k):
                spans.append((cur, k))
                cur = None
        if cur is not None:
            cur_end = tail
    if cur is not None:
        spans.append((cur, cur_end))
    return [(a, b) for a, b in spans if b > a]


# curly, straight, and two apostrophes (''…'', the convention of some news archives)
_MARK = re.compile(r"''|[“”\"]")


def _opens(text: str, k: int) -> bool:
    """A straight double quote opens when it follows space or start, not a word."""
    return k == 0 or not text[k - 1].isalnum()


_V = TypeVar("_V")


def _per_article(compute: Callable[[Doc], _V]) -> Callable[[Doc], _V]:
    """``compute(doc)``, kept for the article being read: one (doc, value) tuple,
    swapped whole, so a thread on another article never reads a mix of two."""
    box: list[tuple[Doc | None, Any]] = [(None, None)]

    def get(doc: Doc) -> _V:
        last = box[0]
        if last[0] is not doc:
            last = box[0] = (doc, compute(doc))
        return last[1]

    get.__doc__ = compute.__doc__
    return get


# doc.text (spaCy rebuilds it from the tokens at every call) and which tokens stand
# inside quotation marks, read many times an article
_text = _per_article(lambda doc: doc.text)
_quoted = _per_article(quoted_tokens)


class _Index:
    """Mentions by token, for one parsed article."""

    def __init__(self, parsed: ParsedArticle, geo: Geography) -> None:
        self.doc = parsed.doc
        self.offset = parsed.offset
        self.by_token = parsed.mention_at
        self.quoted = _quoted(parsed.doc)
        self.geo = geo

    def mention_in(self, tokens: list[Token]) -> Mention | None:
        for t in tokens:
            m = self.by_token.get(t.i)
            if m is not None:
                return m
        return None


@cache
def _verb_lemmas() -> frozenset[str]:
    c = cues()
    return (c.clausal | c.intent | c.objects | frozenset(c.preps) | c.reporting
            | c.as_verbs)


def _lemma(t: Token) -> str:
    """The lemma, or for a verb the lemmatizer got wrong ("hopes" → "hop") the cue
    its inflection strips to."""
    lem = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") or lem in _verb_lemmas():
        return lem
    w = t.lower_
    cands = ((w[:-1], w[:-2]) if w.endswith(("s", "ed")) else
             (w[:-3] + "e", w[:-3]) if w.endswith("ing") else ())
    return next((c for c in cands if c in _verb_lemmas()), lem)


def _is_cue(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and _lemma(t) in cues().verbs


def _subject(cue: Token) -> list[Token]:
    """The subject of a cue (through "is expected to warn", "will say")."""
    v: Token | None = cue
    if cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in cue.children):
        return []  # "Asked about …, Trump said": Trump was asked, nobody named asks
    for _ in range(3):
        if v is None:
            break
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return _on_line(cue, subj)
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":  # "… by telling them that …"
            v = v.head.head
            continue
        if (v.tag_ == "VBG" and v.dep_ == "acl" and v.head.dep_ in ("dobj", "dative")
                and _lemma(v) in cues().verbs and _lemma(v) not in _EVIDENCE):
            # "emailed supporters saying: …": the sender ("research showing that …"
            # is the research's)
            v = v.head.head
            continue
        if (v.tag_ == "VBG" and v.dep_ == "advcl" and v.head.dep_ == "ccomp"
                and _is_cue(v.head.head) and v.head.head.i < v.head.i):
            # "Sanders said the convention could be “messy,” adding …": Sanders adds
            v = v.head.head
            continue
        v = v.head if v.dep_ in ("xcomp", "conj", "advcl") and v.head.i != v.i else None
    return []


_EVIDENCE = frozenset(("show", "find", "indicate", "suggest", "reveal", "conclude",
                       "estimate", "signal", "hint", "know", "learn", "understand"))


def _left_subject(idx: _Index, cue: Token) -> list[Token]:
    """A finite cue the parser gave no subject, with a name right before it: "In a
    statement to the Observer, her adviser, Jake Sullivan, said: …" (the name read
    as an apposition), "“…,” Ramos, 58, told AFP" (read as a conjunct)."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in cue.children):
        return []
    before = idx.by_token.get(cue.i - 1) if cue.i > 0 else None
    if before is not None and before.type == "person":
        # "The 39-year-old said …" with the age read as the cue's modifier: the whole
        # sentence before the cue is the mention
        first = idx.doc.char_span(before.start - idx.offset, before.end - idx.offset,
                                  alignment_mode="expand")
        if first is not None and first.start == cue.sent.start:
            return list(first)
    k = cue.i - 1
    while k >= max(0, cue.i - 6) and (idx.doc[k].text == "," or idx.doc[k].pos_ == "NUM"):
        k -= 1
    if k < 0 or k == cue.i - 1 or idx.doc[k].pos_ != "PROPN":
        return []  # only a name set off by commas
    m = idx.by_token.get(k)
    if m is None or m.type != "person":
        return []
    t = idx.doc[k]
    return [x for x in idx.doc[t.left_edge.i : k + 1] if x.dep_ in ("compound", "flat")
            or x.i == k]


def _on_line(cue: Token, subj: list[Token]) -> list[Token]:
    """The subject on the cue's line: a parse that runs across a paragraph break
    ("9:30 p.m.⏎⏎Donald Trump says …" with "p.m." as a second subject) does not
    give a speaker from the line before."""
    text = _text(cue.doc)
    lo = text.rfind("\n", 0, cue.idx) + 1
    hi = text.find("\n", cue.idx)
    hi = len(text) if hi < 0 else hi
    if len(subj) > 1:
        quoted = _quoted(cue.doc)
        if any(not quoted[s.i] for s in subj):
            # "“The mission I did accomplished the whole thing,” Stafford, a member of
            # the crew, responded": the parser gave the cue the quotation's subject too
            subj = [s for s in subj if not quoted[s.i]]
    for k, s in enumerate(subj):
        if lo <= s.idx < hi:
            toks = [t for t in s.subtree if lo <= t.idx < hi]
            for s2 in subj[k + 1 :]:
                # one noun phrase the parser split in two subjects ("Vatican spokesman
                # the Rev. Federico Lombardi said"): both, the second its head
                if s2.left_edge.i != toks[-1].i + 1 or s2.i > cue.i:
                    break
                toks += [t for t in s2.subtree if lo <= t.idx < hi]
            while toks and toks[0].is_quote:
                toks = toks[1:]  # a closing mark the parser hung on the speaker
            return toks
    return []


def _tense(cue: Token) -> str:
    c = cues()
    aux = {a.lower_ for a in cue.children if a.dep_ == "aux"}
    if aux & c.future:
        return "future"
    sent = cue.sent.text[: cue.idx - cue.sent.start_char + len(cue.text)].lower()
    if any(p in sent[-40:] for p in c.future_phrases):
        return "future"
    if "Past" in cue.morph.get("Tense", []) or cue.tag_ in ("VBD", "VBN"):
        return "past"
    return "present"


def _subject_mention(idx: _Index, subj: list[Token]) -> Mention | None:
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
    head = top[-1] if top else heads[0] if heads else None
    root = head if head is not None else next(
        (t for t in subj if t.head.i not in ids or t.head.i == t.i), subj[0])
    if head is not None:
        m = idx.by_token.get(head.i)
        if m is not None:
            return m
        if head.pos_ == "NOUN":
            # a common noun heads the phrase: a name the actor stage could not link
            # that modifies it is no speaker ("the solo developer behind Stardew
            # Valley", "the Netflix employee resource group": the phrase speaks);
            # a known organisation or state still speaks through its people ("a
            # spokesman for the Foreign Office")
            subj = [t for t in subj if not (
                (m := idx.by_token.get(t.i)) is not None and m.actor_id.startswith("local:")
                and t.i != head.i and head in t.ancestors)]
        for deps in (("appos",), ("compound", "flat")):
            for t in (*head.children, *subj):
                if t.dep_ in deps and (m := idx.by_token.get(t.i)) and not _around(
                        idx, t, root):
                    return m
    for t in subj:
        if t.dep_ != "poss" and (m := idx.by_token.get(t.i)) is not None and not _around(
                idx, t, root):
            return m
    for t in subj:
        if (m := idx.by_token.get(t.i)) is not None and not _around(idx, t, root):
            return m
    return None


_CLAUSE_BARRIER = ("relcl", "advcl", "ccomp", "csubj")


def _around(idx: _Index, t: Token, root: Token) -> bool:
    """Whether the mention at ``t`` names someone the phrase headed by ``root`` is
    around rather than the phrase's referent: on the way up from ``t`` to ``root`` a
    head noun of `around_heads` that the actor stage did not link ("aides to
    Clinton", "O'Malley's campaign", "the Clinton campaign chairman"; an apposition
    names its head: "Clinton's spokesman, Brian Fallon"), or a clause ("the man who
    shot Reagan"). A person's possessive pronoun before a common noun ("his boss")
    is no speaker either. A mention of an organisation or state the gazetteer knows
    ("Russia's foreign ministry") is, but for a clause."""
    around = cues().around
    m = idx.by_token[t.i]
    person = m.type == "person" or m.actor_id.startswith("local:")
    if (m.type == "person" and t.i != root.i and t.dep_ == "poss" and t.pos_ == "PRON"
            and t.head.pos_ == "NOUN"):
        return True
    x = t
    for _ in range(12):
        if x.i == root.i or x.head.i == x.i:
            return False
        dep = x.dep_
        if dep in _CLAUSE_BARRIER:
            return True
        x = x.head
        if (person and dep != "appos" and x.pos_ in ("NOUN", "PROPN")
                and (x.lemma_.lower() in around or x.lower_ in around)
                and idx.by_token.get(x.i) is None):
            return True
    return False


def _speaker(idx: _Index, cue: Token, reported: bool = False) -> tuple[dict | None, float]:
    """The speaker of a cue. For reported speech (``reported``), an unresolved
    pronoun ("it says", "they argue") or a relative pronoun's antecedent that is not
    an actor ("an architect who said …") is kept as an unlinked speaker."""
    agent = [c for c in cue.children if c.dep_ == "agent"]
    if agent:  # "China was criticised by Taiwan": the speaker is Taiwan
        pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
        if pobj:
            m = _subject_mention(idx, list(pobj[0].subtree))
            if m is not None:
                return _mention_speaker(m, idx, list(pobj[0].subtree)), 0.8
            if reported:
                return _raw_speaker(idx, list(pobj[0].subtree), "unlinked"), 0.5
    subj = _subject(cue)
    if subj and subj[0].lower_ in ("who", "which", "that") and len(subj) == 1:
        # "George Osborne, who vowed to “…”": the speaker is the relative's antecedent
        w = subj[0].i
        for t in reversed(idx.doc[max(0, w - 4) : w]):
            m = idx.by_token.get(t.i)
            if m is not None:
                # the actor is the antecedent; the span is the relative that attributes
                # the quote, as for a pronoun
                sp = _mention_speaker(m)
                sp.update(start=idx.offset + subj[0].idx,
                          end=idx.offset + subj[0].idx + len(subj[0].text), via="pronoun",
                          phrase=_phrase(idx, subj))
                return sp, 0.8
        rel = next((v for v in (cue, *cue.ancestors) if v.dep_ == "relcl"), None)
        if reported and rel is not None and rel.head.pos_ in ("NOUN", "PROPN"):
            noun = rel.head
            sp = _raw_speaker(idx, [x for x in noun.subtree if x.i <= noun.i], "unlinked",
                              phrase=subj)
            sp.update(start=idx.offset + subj[0].idx,
                      end=idx.offset + subj[0].idx + len(subj[0].text), via="pronoun")
            return sp, 0.5
        return None, 0.0
    if not subj and reported and cue.tag_ == "VBG" and cue.dep_ == "acl" and (
            cue.head.pos_ in ("NOUN", "PROPN") and cue.head.i < cue.i):
        # "an outside group backing Marco Rubio", "a letter urging …": the noun the
        # participle describes
        noun = cue.head
        toks = [x for x in noun.subtree if x.i <= noun.i]
        m = _subject_mention(idx, toks)
        if m is not None:
            return _mention_speaker(m, idx, toks), 0.5
        span = idx.doc[toks[0].i : noun.i + 1]
        if _plausible_speaker(idx, span) and not span.root.pos_ == "PRON":
            return _raw_speaker(idx, toks, "unlinked"), 0.4
        return None, 0.0
    if not subj:
        # "… ,” said Putin." — the subject after the verb
        subj = [t for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    if not subj and not reported:
        subj = _inverted_object(cue)
    if subj and subj[0].i < cue.i < subj[-1].i:
        # a parse that runs the subject past its verb ("FEC records … show he backed
        # …"): the phrase is what stands before the cue
        subj = [t for t in subj if t.i < cue.i]
    phrase = subj
    if not subj:
        subj = phrase = _left_subject(idx, cue)
        if subj and subj[-1].dep_ == "appos" and subj[-1].head.i < subj[0].i:
            # "her adviser, Jake Sullivan, said": the phrase is the apposition's head's
            phrase = [x for x in subj[-1].head.subtree if x.i <= subj[-1].i]
    if not subj:
        return None, 0.0
    ids = {t.i for t in subj}
    if (reported or _lemma(cue) in cues().addressee) and not agent and any(
            t.dep_ == "nsubjpass" and t.head.i not in ids for t in subj):
        # "it was reported that …": nobody named; "Blumenthal was asked, “…”": the
        # one asked does not speak the question (a passive inside the subject's own
        # relative clause does not count: "Dever, who was listed on the slate, told")
        return None, 0.0
    m = _subject_mention(idx, subj)
    if m is None:
        span = idx.doc[subj[0].i : subj[-1].i + 1]
        # "it says", "they argue": an unresolved it/they speaks only with a speech verb
        speech = _lemma(cue) in cues().verbs
        # (a quotation "it" says or reads is a document's: "“…,” it read."; not an "it"
        # of another clause: "said it's unrealistic to think that “…”")
        third = (("he", "she", "they", "it") if speech else ("he", "she")) if reported else (
            ("he", "she", "they", "it") if speech and span.root.head.i == cue.i else (
                "he", "she", "they"))
        outer = _outer_source(idx, cue, span.root, None) if len(span) == 1 else None
        if outer is not None:  # "Officials say they expect …"
            return outer, 0.5
        if len(span) == 1 and span.root.lower_ in third:
            # a third-person speaker the actor stage could not resolve: keep its span
            return _raw_speaker(idx, list(span), "pronoun"), 0.4
        if len(span) == 1 and span.root.lower_ in ("it", "they"):
            return None, 0.0  # "it recognises …", "they feel …": no one known
        group = _group(span)  # "Many in the crowd said", "those surveyed say"
        if (not group and span.root.pos_ == "PRON" and (
                not reported or span.root.lower_ in _PERSONAL)
                or span[0].lower_ in ("my", "our", "your", "their", "who", "which", "that")):
            return None, 0.0  # I, we, you, or someone's relatives: no speaker
        if span.root.dep_ == "expl" or span.root.lower_ in ("there", "here"):
            return None, 0.0
        if not group and not _plausible_speaker(idx, span):
            return None, 0.0
        if group and ("\n" in span.text or idx.quoted[span.root.i]):
            return None, 0.0
        return _raw_speaker(idx, list(span), "unlinked"), 0.5
    conf = 0.9 if m.via in ("name", "alias", "title", "fuzzy") else 0.8
    if m.via == "pronoun" and len(subj) == 1:
        outer = _outer_source(idx, cue, subj[0], m.actor_id)
        if outer is not None:  # "Rubio says he opposes …": Rubio's
            return outer, conf
    return _mention_speaker(m, idx, phrase), conf


def _inverted_object(cue: Token) -> list[Token]:
    """The speaker of "“…,” added a South Carolina Democrat." that the parser read as
    the object of the cue: a noun phrase right after a cue that itself follows a
    quotation's closing mark, with no subject of its own (not an addressee verb:
    "“…,” told the Post" names the one told)."""
    doc = cue.doc
    k = cue.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if (k < 0 or doc[k].text not in ("”", '"', "''") or _lemma(cue) in cues().addressee
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children)):
        return []
    obj = [c for c in cue.children if c.dep_ == "dobj" and c.left_edge.i == cue.i + 1
           and c.pos_ in ("NOUN", "PROPN")]
    if obj:
        return list(obj[0].subtree)
    # "''…,'' said Robin Maynard, half joking." (the name read as the subject of what
    # follows): the noun phrase right after the cue, up to its last noun
    toks: list[Token] = []
    for t in doc[cue.i + 1 : cue.i + 9]:
        if t.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM") or t.text in ("-", ".") and toks:
            toks.append(t)
            continue
        break
    while toks and toks[-1].pos_ not in ("PROPN", "NOUN"):
        toks.pop()
    if not toks or toks[0].text in (".", "-") or "\n" in doc[cue.i : toks[-1].i + 1].text or (
            toks[-1].i + 1 < len(doc) and doc[toks[-1].i + 1].text == "-"):
        return []  # (not a hyphenated word cut: "the 46-year-old")
    return toks


def _outer_source(idx: _Index, cue: Token, pron: Token, actor_id: str | None) -> dict | None:
    """The source of a report whose subject is a pronoun in the clause of a speech
    verb with a named subject, "Rubio says he opposes …", "Djokovic told reporters
    that he is feeling …": the named subject, when the pronoun is that actor, is
    unresolved, or the subject is no actor ("the actress said she …"), as PolNeAR
    marks the nested report; a number mismatch ("the mayor says they …") keeps it.
    Not inside quotation marks, where "he" is someone the quoted speaker talks
    about."""
    if idx.quoted[pron.i] or pron.lower_ not in ("he", "she", "they"):
        return None
    v = cue
    while v.dep_ in ("conj", "xcomp", "aux") and v.head.i != v.i:
        v = v.head
    # "the head of GCHQ said as he claimed troops are …" (parsed with "troops are" as
    # what was said and "as he claimed" inside it): the one who said is the "he"
    same = (v.dep_ == "advcl" and v.i < v.head.i and v.head.dep_ == "ccomp"
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in v.children)
            and v.head.head.i < v.i)
    if same:
        v = v.head
    if v.dep_ != "ccomp" or v.head.i == v.i:
        return None
    outer = v.head
    if outer.pos_ not in ("VERB", "AUX") or _lemma(outer) not in cues().clausal:
        return None
    subj = [c for c in outer.children if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ == "PRON":
        return None
    toks = list(subj[0].subtree)
    m = _subject_mention(idx, toks)
    if m is not None:
        if actor_id is not None and m.actor_id != actor_id and not same:
            return None
        return _mention_speaker(m, idx, toks)
    # an unlinked subject ("The actress said she was …"): the actor stage could only
    # resolve the pronoun to someone named before, the clause says it is the subject
    span = idx.doc[toks[0].i : toks[-1].i + 1]
    if not _plausible_speaker(idx, span) or (pron.lower_ == "they") != (
            span.root.tag_ in ("NNS", "NNPS")):
        return None
    return _raw_speaker(idx, toks, "unlinked")


_PERSONAL = frozenset(("i", "me", "we", "us", "you", "who", "which", "that", "what", "this",
                       "these", "those", "itself", "themselves", "there"))


def _group(span: Span) -> bool:
    """A quantified group of people as a subject: "many in the crowd", "most",
    "those surveyed" (quantifier_sources; "those" only with what follows it)."""
    root = span.root
    return (root.pos_ in ("ADJ", "DET", "PRON", "NOUN") and root.lower_ in cues().quantifiers
            and (len(span) > 1 or root.lower_ not in ("those", "these", "all")))


def _plausible_speaker(idx: _Index, span: Span) -> bool:
    """An unlinked subject that can be a source: a noun phrase on one line, headed by a
    noun, not inside a quotation, not a clipped parse ("'s", "Keeps")."""
    root = span.root
    return ("\n" not in span.text and not span[0].is_punct and span[0].dep_ != "case"
            and root.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and not idx.quoted[root.i]
            and not (span[0].is_sent_start and root.i == span[0].i and root.tag_ == "VBZ"))


def _raw_speaker(idx: _Index, toks: list[Token], via: str,
                 phrase: list[Token] | None = None) -> dict:
    """A speaker that is no known actor ("officials", "a new poll", "it"): its span."""
    span = idx.doc[toks[0].i : toks[-1].i + 1]
    return {"name": span.text, "actor_id": None, "qid": None,
            "start": idx.offset + span.start_char, "end": idx.offset + span.end_char,
            "via": via, "phrase": _phrase(idx, phrase or toks)}


def _mention_speaker(m: Mention, idx: _Index | None = None,
                     phrase: list[Token] | None = None) -> dict:
    """A linked speaker: the actor, the mention's span, and the source phrase (the
    subject's whole noun phrase when given, else the mention)."""
    sp: dict[str, Any] = {"name": m.actor_name, "actor_id": m.actor_id, "qid": m.qid,
                          "start": m.start, "end": m.end, "via": m.via}
    ph = _phrase(idx, phrase) if idx is not None and phrase else None
    if ph is None or not (ph["start"] < m.end and m.start < ph["end"]):
        ph = {"start": m.start, "end": m.end, "text": m.text}
    elif not (ph["start"] <= m.start and m.end <= ph["end"]) and idx is not None:
        # a mention reaching past the parse's phrase ("the FBI", a title): both
        a, b = min(ph["start"], m.start), max(ph["end"], m.end)
        ph = {"start": a, "end": b, "text": _text(idx.doc)[a - idx.offset : b - idx.offset]}
    sp["phrase"] = ph
    return sp


def _phrase(idx: _Index, toks: list[Token]) -> dict | None:
    """The source phrase of a speaker: the noun phrase the attribution names, with
    its titles, modifiers, appositions and relative clauses ("Texas Sen. Ted Cruz",
    "Ryan, a policy-focused conservative,"): first to last token, on the line of its
    first token, without punctuation at its edges but for the comma that closes a
    phrase set off by commas (PolNeAR's convention) and a closing bracket or quotation
    mark whose opening one it holds."""
    if not toks:
        return None
    doc, text = idx.doc, _text(idx.doc)
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
    return {"start": idx.offset + span.start_char, "end": idx.offset + span.end_char,
            "text": span.text}


def _via(idx: _Index, cue: Token) -> dict | None:
    """Who reported the speech: "Xinhua reported that Xi said", "according to CCTV"."""
    for anc in cue.ancestors:
        if _is_cue(anc) and _lemma(anc) in cues().reporting:
            subj = _subject(anc)
            m = idx.mention_in(subj) if subj else None
            if m is not None:
                return {"name": m.actor_name, "actor_id": m.actor_id}
    for t in cue.sent:
        if t.lower_ == "according" and t.i + 1 < len(idx.doc) and idx.doc[t.i + 1].lower_ == "to":
            m = idx.mention_in([x for x in idx.doc[t.i + 2 : t.i + 8]])
            if m is not None:
                return {"name": m.actor_name, "actor_id": m.actor_id}
    return None


def _cue_dict(idx: _Index, cue: Token) -> dict:
    return {"text": cue.text, "lemma": _lemma(cue), "start": idx.offset + cue.idx,
            "end": idx.offset + cue.idx + len(cue.text)}


def _about(idx: _Index, span: Span, speaker: dict | None) -> tuple[str, ...]:
    """The actors the content names, but the speaker; then, for an unlinked speaker,
    the actors its phrase names ("aides to Clinton": Clinton)."""
    toks = list(span)
    ph = speaker.get("phrase") if speaker is not None else None
    if ph and speaker is not None and speaker.get("actor_id") is None:
        around = idx.doc.char_span(ph["start"] - idx.offset, ph["end"] - idx.offset,
                                   alignment_mode="expand")
        toks += list(around or ())
    ids = []
    for t in toks:
        m = idx.by_token.get(t.i)
        if m is not None and m.actor_id not in ids and (
                speaker is None or m.actor_id != speaker.get("actor_id")):
            ids.append(m.actor_id)
    return tuple(ids)


def _according_to(idx: _Index, sent: Span) -> dict | None:
    """The source after "according to" in a quotation's sentence: an actor, or the
    noun phrase itself ("according to the corporation"), never past the sentence."""
    doc = idx.doc
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
            found = _attributed_source(idx, doc[t.i + 1], sent.end)
            return found[0] if found is not None else None
    return None


def _attributed_source(idx: _Index, last: Token, stop: int
                       ) -> tuple[dict, list[Token]] | None:
    """The speaker an attribution phrase ending at ``last`` ("according to", "in the
    words of") names, and its tokens: the object's noun phrase (an actor, or the
    phrase itself: "according to a new poll"), or, with no object in the parse, the
    words up to the next punctuation (at most six, before ``stop``). None for a
    measure ("according to their flat size") or no noun at all."""
    doc = idx.doc
    objs = [c for c in last.children if c.dep_ == "pobj"]
    if objs and objs[0].lemma_.lower() in cues().measures:
        return None
    if objs:
        src = list(objs[0].subtree)
    else:
        src = list(doc[last.i + 1 : min(stop, last.i + 7)])
        src = src[: next((k for k, x in enumerate(src) if x.is_punct), len(src))]
    if not src:
        return None
    m = _subject_mention(idx, src) if objs else idx.mention_in(src)
    if m is not None:
        return _mention_speaker(m, idx, src), src
    if any(x.pos_ in ("NOUN", "PROPN") for x in src):
        return _raw_speaker(idx, src, "unlinked"), src
    return None


def extract_quotes(parsed: ParsedArticle, geo: Geography) -> list[Quote]:
    """Direct, partial and indirect quotes of one parsed article."""
    idx = _Index(parsed, geo)
    doc, source, article_id, offset = parsed.doc, parsed.source, parsed.article_id, parsed.offset
    text = _text(doc)
    out: list[Quote] = []
    used_cues: set[int] = set()
    last_speaker: tuple[dict | None, int] = (None, -10)
    # the last quotation attributed by a cue after it ("“…,” Kasich replied."): its
    # speaker, cue and end, for a quotation that follows in the same paragraph
    last_after: tuple[dict, Token, int] | None = None
    para_of = _paragraph_index(text)

    marked = quote_spans(text)
    for a, b in marked:
        content = doc.char_span(a, b, alignment_mode="expand")
        if content is None or not content.text.strip():
            continue
        inside = set(range(content.start, content.end))
        cue = _find_cue(doc, content, inside)
        words = len(content.text.split())
        para = para_of(a)
        whole_para = _whole_paragraph(text, a, b)
        dash = _dash_speaker(idx, b)
        if dash is not None:  # "“We are not afraid.” ― Maria Lopez"
            out.append(_quote(idx, source, article_id, content, "direct", dash, None,
                              "past", None, 0.7))
            last_speaker = (dash, para)
            continue
        cont = _continued(text, last_after, a)
        if cont is not None and (cue is None or cue.i == cont[1].i or (
                _lemma(cue) in cues().weak and not _adjacent(doc, cue, content))):
            # "“Carolina’s going to win that one,” Kasich replied. “I hate to say it.”":
            # the quotation after the attribution goes on with the same speaker
            sp = {**cont[0], "phrase": dict(cont[0].get("phrase") or {})}
            out.append(_quote(idx, source, article_id, content, "direct", sp, cont[1],
                              _tense(cont[1]), _via(idx, cont[1]), 0.6))
            last_speaker = (sp, para)
            last_after = (sp, cont[1], b)
            continue
        last_after = None
        if cue is None:
            acc = _according_to(idx, doc[content.start].sent)
            if acc is not None:
                sp = acc
                before = text[:a].rstrip(" “\"\n")
                qtype = "direct" if before.endswith((":", ",")) else "partial"
                out.append(_quote(idx, source, article_id, content, qtype, sp, None,
                                  "past", None, 0.7))
                last_speaker = (sp, para)
                continue
            colon = _colon_speaker(idx, content)
            if colon is not None:  # "Trump: “We will win.”"
                sp = _mention_speaker(colon)
                out.append(_quote(idx, source, article_id, content, "direct", sp, None,
                                  "past", None, 0.7))
                last_speaker = (sp, para)
                continue
            if whole_para and last_speaker[0] is not None and para - last_speaker[1] <= 2:
                last = last_speaker[0]
                sp = {**last, "phrase": dict(last.get("phrase") or {})}
                out.append(_quote(idx, source, article_id, content, "direct", sp, None,
                                  "past", None, 0.6))
                last_speaker = (sp, para)
                continue
            continue  # scare quote, title, nickname, or no speaker to be found
        speaker, conf = _speaker(idx, cue)
        if speaker is None:
            # "Ryan said it's unrealistic to think that … “our oceans …”": the nearest
            # cue has no speaker; a speech verb that governs it may
            for anc in cue.ancestors:
                if anc.pos_ not in ("VERB", "AUX"):
                    break  # "his decision to describe …": a noun's, not a speaker's
                if _is_cue(anc) and anc.i not in inside:
                    sp2, conf2 = _speaker(idx, anc)
                    if sp2 is not None:
                        cue, speaker, conf = anc, sp2, conf2
                        break
        adjacent = _adjacent(doc, cue, content)
        if (speaker is None or speaker.get("actor_id") is None and not adjacent) and (
                words < cues().min_words):
            # a short quotation needs a known speaker ("asked me about “my language”"),
            # or one joined to it by punctuation ("“Never,” a spokesman said.")
            continue
        qtype = "partial" if words < cues().min_words or _governed(cue, content) else "direct"
        if _lemma(cue) in cues().weak and not adjacent:
            continue  # "agreed to continue “close personal interaction”": no speech
        used_cues.add(cue.i)
        out.append(_quote(idx, source, article_id, content, qtype, speaker, cue,
                          _tense(cue), _via(idx, cue), conf))
        if speaker is not None:
            last_speaker = (speaker, para)
            if cue.i >= content.end:
                last_after = (speaker, cue, b)

    quoted = [(q.start - offset, q.end - offset) for q in out]
    for q in _colon_paragraphs(idx, source, article_id, quoted):
        out.append(q)
        quoted.append((q.start - offset, q.end - offset))
    for q in _according_to_clauses(idx, source, article_id, quoted):
        out.append(q)
        quoted.append((q.start - offset, q.end - offset))
    for q in _evidence_clauses(idx, source, article_id, quoted):
        out.append(q)
    direct = list(quoted)
    partial = {(q.start - offset, q.end - offset) for q in out if q.quote_type == "partial"}
    for t, span, kind in _reported(doc):
        if any(qa < span.end_char and span.start_char < qb and not (
                (qa, qb) in partial and span.start_char < qa and qb < span.end_char)
               for qa, qb in direct):
            # the quotation is already there, with its marks (a few quoted words inside
            # a report keep both: "warned China not to become “too closely aligned”
            # with Russia")
            continue
        if any(min(qb, span.end_char) - max(qa, span.start_char) >= len(span.text) / 2
               and len(text[qa:qb].split()) < cues().min_words
               and not (kind == "object" and _predicated(t, qa)) for qa, qb in marked):
            continue  # mostly a title or a scare quote: "asked me about “my language”"
        if any(qa <= t.idx < qb and len(text[qa:qb].split()) >= cues().min_words
               for qa, qb in marked):
            # a report inside quoted speech ("“They're here because he's promising to
            # give them free stuff,” Bennett shot back"): the quotation is the
            # speaker's, its he/she someone the speaker talks about
            continue
        if _lemma(t) in cues().reporting and any(
                _is_cue(x) and x.i != t.i and x.dep_ == "ccomp" and x.head.i == t.i
                and _subject_mention(idx, _subject(x)) is not None for x in span):
            continue  # "Xinhua reported that Xi said …": the speech is Xi's
        if kind == "noun":  # "Trump's claim that …": the owner speaks
            owner = _noun_owner(t)
            if owner is None:
                continue
            m = idx.by_token.get(owner.i)
            speaker, conf = (_mention_speaker(m, idx, list(owner.subtree)), 0.6) if (
                m is not None) else (_raw_speaker(
                    idx, [x for x in owner.subtree if x.dep_ != "case"], "unlinked",
                    phrase=list(owner.subtree)), 0.4)
            if m is None and owner.pos_ == "PRON":
                continue  # "their support for …": an owner nobody resolved
        else:
            speaker, conf = _speaker(idx, t.head if kind == "adjective" else t, reported=True)
        if speaker is None:
            continue
        if speaker.get("via") == "pronoun" and speaker.get("actor_id") and any(
                (m := idx.by_token.get(x.i)) is not None and m.via != "pronoun"
                and m.actor_id == speaker["actor_id"] for x in span):
            # "From the Kremlin's point of view, it regards China as …" with "it"
            # resolved to China: a pronoun is not the one its report names
            speaker = {**speaker, "name": _text(doc)[speaker["start"] - offset
                                                     : speaker["end"] - offset],
                       "actor_id": None, "qid": None}
            conf = min(conf, 0.4)
        out.append(_quote(idx, source, article_id, span, "indirect", speaker, t,
                          _tense(t), _via(idx, t), min(conf, 0.7)))
    out.sort(key=lambda q: q.start)
    return _outer_reports(_nested_pronouns(idx, out))


def _outer_reports(out: list[Quote]) -> list[Quote]:
    """Reports inside another quote's content are kept only as the same speaker's:
    "The mayor says she wants to rebuild the bridge" is the mayor's saying and her
    wanting (two attributions, as PolNeAR marks them); "McCallum will outline how
    the constant undercurrent of these actions show why …" is McCallum's alone, not
    also the undercurrent's, and "Sanders attacked Clinton's support for the war" is
    Sanders's account, no record of Clinton's (on PolNeAR train such reports had
    the right source 14–45% of the time; the same speaker's, 86–90%)."""
    def same(a: dict | None, b: dict | None) -> bool:
        if a is None or b is None:
            return False
        if a.get("actor_id") is not None:
            return a["actor_id"] == b.get("actor_id")
        return (a["start"], a["end"]) == (b["start"], b["end"])

    def inside(q: Quote, p: Quote) -> bool:
        return (p is not q and p.start <= q.start and q.end <= p.end
                and (p.start, p.end) != (q.start, q.end)
                and q.cue is not None and p.start <= q.cue["start"] < p.end)

    return [q for q in out if q.quote_type != "indirect" or all(
        same(q.speaker, p.speaker) for p in out if inside(q, p))]


def _continued(text: str, last: tuple[dict, Token, int] | None,
               a: int) -> tuple[dict, Token, int] | None:
    """The attribution a quotation at ``a`` continues: the last quotation ended in the
    same paragraph, its cue after it, and only that attribution sentence between the
    two ("“…,” he said on Thursday during a speech in New York. “…”")."""
    if last is None:
        return None
    _, cue, end = last
    between = text[end:a]
    if "\n" in between or not end <= cue.idx < a:
        return None
    if misclosed(text, end):  # the last quotation's close, typed “ ("“…,“ he said")
        between = between[1:]
    inner = between.lstrip("”\"' ").rstrip(" “\"'")
    if not inner.endswith((".", ",", ":", ";")) or _MARK.search(inner):
        return None
    if len(re.findall(r"[\w’']+", between)) > 30:
        return None
    return last


def _predicated(cue: Token, a: int) -> bool:
    """Whether the quotation at character ``a`` is what an object verb says of its
    object ("called Trump “unhinged”", "described the deal as “a disaster”"), not the
    object itself ("asked me about “my language”")."""
    obj = [x for x in cue.children if x.dep_ == "dobj" and x.i > cue.i]
    if not obj and _lemma(cue) in cues().complement_objects:
        # "called her “third-rate”": the object hangs on the label, before the mark;
        # "what she called “baseless smears”": the object is the "what" before the cue
        wh = _what_object(cue)
        return any(x.dep_ in ("oprd", "xcomp") and (x.left_edge.idx < a - 1 or wh)
                   and a <= x.right_edge.idx for x in cue.children if x.i > cue.i)
    if not obj or obj[0].right_edge.idx >= a:
        return False
    return any(x.dep_ in ("oprd", "xcomp", "acomp", "ccomp") or x.dep_ == "prep"
               and x.lower_ == "as" for x in cue.children
               if x.i > obj[0].i and x.left_edge.idx - 1 <= a <= x.right_edge.idx)


def _nested_pronouns(idx: _Index, out: list[Quote]) -> list[Quote]:
    """Pronoun sources of reports, checked against the quotes around them.

    - "Rubio says he opposes …": a he/she/they inside another report's content is
      that report's source (as PolNeAR marks it), unless the actor stage resolved it
      to someone else the outer source is not;
    - "Fleming will say President Xi has a “more nuanced” view. … he would not want
      to …": a he/she after a report whose content names another person, with a cue
      that is no speech verb, is someone the speaker talks about, not the speaker:
      its source stays the pronoun, resolved to nobody.
    """
    doc, off = idx.doc, idx.offset
    res: list[Quote] = []
    for i, q in enumerate(out):
        sp = q.speaker
        if q.quote_type != "indirect" or sp is None or sp.get("via") != "pronoun":
            res.append(q)
            continue
        pron = doc.char_span(sp["start"] - off, sp["end"] - off)
        if pron is None or len(pron) != 1 or pron[0].lower_ in _RELATIVE:
            res.append(q)  # "states that oppose …": the antecedent speaks
            continue
        # (the reports before are already checked: res; those after as found: out)
        outer = [p for p in (*res, *out[i + 1 :]) if p.speaker is not None
                 and p.start <= sp["start"] and sp["end"] <= p.end
                 and p.start <= q.start and q.end <= p.end]
        if outer:
            p = min(outer, key=lambda x: x.end - x.start)
            if p.quote_type != "indirect":
                continue  # a pronoun inside quoted speech: no source of a report
            psp = p.speaker or {}
            if psp.get("actor_id") is None or sp.get("actor_id") in (
                    None, psp.get("actor_id")):
                res.append(replace(q, speaker=dict(psp), about=tuple(
                    a for a in q.about if a != psp.get("actor_id"))))
                continue
        elif _third_party(idx, q, pron[0], out):
            q = replace(q, speaker={**sp, "name": pron.text, "actor_id": None, "qid": None},
                        confidence=min(q.confidence, 0.4))
        res.append(q)
    return res


_RELATIVE = frozenset(("who", "which", "that", "whom", "whose"))


def _third_party(idx: _Index, q: Quote, pron: Token, out: list[Quote]) -> bool:
    """Whether a he/she resolved to the speaker of the report just before may be a
    person that report talks about (see ``_nested_pronouns``)."""
    actor = q.speaker.get("actor_id") if q.speaker else None
    if (actor is None or pron.lower_ not in ("he", "she", "him", "her") or q.cue is None
            or q.cue["lemma"] in cues().verbs):
        return False
    doc, off = idx.doc, idx.offset
    k = pron.sent.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1
    if k < 0:
        return False
    prev = doc[k].sent
    lo, hi = off + prev.start_char, off + prev.end_char
    for p in out:
        if (p.cue is None or not lo <= p.cue["start"] < hi or p.speaker is None
                or p.speaker.get("actor_id") != actor):
            continue
        for t in doc.char_span(p.cue["end"] - off, hi - off, alignment_mode="expand") or ():
            m = idx.by_token.get(t.i)
            if m is not None and m.type == "person" and m.actor_id != actor:
                return True
    return False


_CLAUSE_DEPS = ("ccomp",)
_AROUND_DEPS = ("parataxis", "ccomp", "advcl")
_OBJECT_TAIL = ("dobj", "dative", "oprd", "xcomp", "ccomp", "prep", "acomp")
_TAIL_PREPS = frozenset(("as", "of", "for", "about", "on", "to", "with", "against"))


def _reported(doc: Doc) -> list[tuple[Token, Span, str]]:
    """Reported speech, beliefs and stances without marks: a cue (from the data file)
    and its content read off the parse, in one walk over the tokens.

    - clause: "X said (that) …", "…, X said.", "…, X said, …" (the cue inside);
    - infinitive: "X vowed to …", "X urged them to …";
    - object: "X criticised the plan", "X called it a hoax";
    - prepositional: "X called for …", "X spoke of …".
    """
    c = cues()
    text = _text(doc)
    out: list[tuple[Token, Span, str]] = []
    for t in doc:
        lem = _lemma(t)
        if t.pos_ == "NOUN" and lem in c.nouns or t.pos_ == "ADJ" and lem in c.adjectives:
            nominal = _nominal_content(t, c.noun_preps)
            if nominal is not None and len(nominal) >= 2:
                out.append((t, nominal, "noun" if t.pos_ == "NOUN" else "adjective"))
            continue
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if (t.dep_ in ("acl", "advcl") and t.tag_ in ("VBN", "VBD") and t.i > 0
                and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN") and not any(
                    x.dep_ in ("agent", "nsubj", "nsubjpass") for x in t.children)):
            continue  # a participle that describes a noun: "an innovator focused on …"
        if lem in c.unsaid_when_negated and any(
                k.dep_ == "neg" or k.lower_ == "never" for k in t.children):
            continue  # "X has not condemned the invasion": X said nothing
        found: tuple[Span, str] | None = None
        if lem in c.clausal:
            found = _clause_content(t)
        if found is None and lem in c.intent:
            found = _infinitive_content(t)
        if found is None and lem in c.objects:
            found = _object_content(t)
            if found is not None and lem in c.object_heads and (
                    found[0].root.lemma_.lower() not in c.object_heads[lem]):
                found = None  # "raised $3 million", not "raised concerns"
            if found is not None and lem in c.complement_objects and not any(
                    x.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or x.dep_ == "prep"
                    and x.lower_ == "as" or x.dep_ == "prt" and x.lower_ == "out"
                    for x in t.children if x.i > t.i) and not (
                    found[0][-1].text in ("”", '"') and len(found[0]) > 3) and not (
                    _quoted_label(found[0])):
                # (a quoted label the parser put inside the object, at its end,
                # counts: "called anti-Trump protestors “illegals”", "called Clinton,
                # his challenger, an ISIS “co-founder.”"; not "called the “Save Our
                # Schools” hotline")
                # "called Scholz on Tuesday", not "called it a hoax", "called out
                # Russia for …"
                found = None
        if found is None and lem in c.preps and not any(
                x.dep_ == "prt" and x.lower_ == "out" and x.head.i == t.i
                for x in t.children if lem in c.complement_objects):
            found = _prep_content(t, c.preps[lem])  # (not "called out Russia for …")
        if found is None and lem in c.as_verbs and any(
                x.dep_ == "prep" and x.lower_ == "as" and x.i > t.i for x in t.children):
            found = _object_content(t)  # "sees Cruz as a uniter"
        if found is None and lem in c.verbs:
            found = _inserted_content(t) or _misparsed_clause(t)
        if found is not None and "\n" in text[min(t.idx, found[0].start_char):
                                                   max(t.idx, found[0].end_char)]:
            found = _on_cue_line(t, found)
        if found is not None and (len(found[0]) >= 2 or _bare_name(t, lem, found)):
            out.append((t, found[0], found[1]))
    return out


def _quoted_label(span: Span) -> bool:
    """An object followed by its label in quotation marks, which the parser put inside
    the object: "calling the protester “a very obnoxious guy …”" (not "called the
    “Save Our Schools” hotline": the marks come before the object's head)."""
    return any(x.text in ("“", '"') and x.i > span.root.i for x in span)


def _bare_name(t: Token, lem: str, found: tuple[Span, str]) -> bool:
    """A one-word content that is a stance toward someone named or something: "Christie
    endorsed Trump", "19 percent support Clinton", "Rubio opposes abortion"
    (`name_object_verbs`)."""
    span, kind = found
    return (kind == "object" and lem in cues().name_objects and len(span) == 1
            and span[0].pos_ in ("PROPN", "NOUN") and span[0].dep_ == "dobj"
            # its own subject: not "called on the west to defend Taiwan"
            and (any(x.dep_ in ("nsubj", "nsubjpass") for x in t.children)
                 or t.dep_ in ("relcl", "acl"))
            and (span[0].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                 or span[0].pos_ == "NOUN" and not span[0].ent_type_))


def _on_cue_line(t: Token, found: tuple[Span, str]) -> tuple[Span, str] | None:
    """The content of a cue clipped to the cue's paragraph: a parse that runs across
    a paragraph break ("… claiming victory.⏎⏎Weaver says …") takes no content from
    another paragraph, but for the one after a colon."""
    text = _text(t.doc)
    lo = text.rfind("\n", 0, t.idx) + 1
    hi = text.find("\n", t.idx)
    hi = len(text) if hi < 0 else hi
    if text[lo:hi].rstrip().endswith(":"):  # "The councillor added:⏎⏎…": the block
        nxt = re.search(r"\S[^\n]*", text[hi:])
        hi = hi + nxt.end() if nxt else hi
    span, kind = found
    a, b = max(lo, span.start_char), min(hi, span.end_char)
    if b <= a:
        return None
    clipped = t.doc.char_span(a, b, alignment_mode="contract")
    if clipped is None or not (clipped := _span_of(list(clipped))):
        return None
    return (clipped, kind) if len(clipped) >= 4 else None


def _noun_owner(t: Token) -> Token | None:
    """The source of a noun cue: its owner ("Trump's claim", "her call"), or the
    object of a "from" after it ("criticism from Clinton about …", "calls from
    Democrats for …")."""
    for c in t.children:
        if c.dep_ == "poss":
            return c
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "from" and c.i > t.i:
            obj = [y for y in c.children if y.dep_ == "pobj"]
            # (a name, or people: "from rivals"; not "accusations from that era")
            if obj and (obj[0].ent_type_ in ("PERSON", "ORG", "NORP") or obj[0].pos_ == "PROPN"
                        and not obj[0].ent_type_ or obj[0].tag_ == "NNS"
                        and obj[0].ent_type_ not in ("DATE", "TIME", "CARDINAL")):
                return obj[0]
    return None


def _nominal_content(t: Token, preps: frozenset[str]) -> Span | None:
    """The content of a noun or adjective cue: "claim that …", "critical of …",
    "call for …", "plan to …"."""
    if t.pos_ == "NOUN" and _noun_owner(t) is None:
        return None  # the owner is the source: "Trump's claim", "her call"
    if t.pos_ == "ADJ" and not (t.dep_ == "acomp" and t.head.lemma_ == "be"):
        return None  # "she was critical of …"
    for x in t.children:
        if x.i < t.i:
            continue
        if x.dep_ in ("acl", "ccomp", "xcomp") and (
                any(m.lower_ in ("that", "to") for m in x.children if m.dep_ in ("mark", "aux"))):
            return _span_of(list(x.subtree))
        if x.dep_ == "prep" and x.lower_ in preps:
            objs = [y for y in x.children if y.dep_ in ("pobj", "pcomp")]
            if objs and not all(y.ent_type_ in ("DATE", "TIME") for y in objs):
                # (not a time: "her support on Tuesday evening")
                return _span_of([y for o in objs for y in o.subtree])
    return None


def _span_of(tokens: list[Token]) -> Span | None:
    toks = [x for x in tokens if not (x.is_punct or x.is_space)]
    if not toks:
        return None
    doc = toks[0].doc
    lo, hi = min(x.i for x in toks), max(x.i for x in toks)
    while hi > lo and doc[hi].is_punct and doc[hi].text not in ("”", '"', "’", ")"):
        hi -= 1
    words = [x.text for x in doc[lo : hi + 1]]
    if words.count("“") > words.count("”") or words.count('"') % 2:
        # a quotation the content opens closes after the parse's last token: "called
        # Trump “unhinged.”" (the closing mark hangs on the sentence's root)
        close = "”" if words.count("“") > words.count("”") else '"'
        closed = False
        for k in range(hi + 1, min(hi + 4, len(doc))):
            if not doc[k].is_punct:
                break
            if doc[k].text == close:
                hi, closed = k, True
                break
        if not closed:
            # "calling the protester “a very obnoxious guy who was a troublemaker and he
            # was looking to make trouble.”": the parse leaves the quotation early;
            # the content goes on to its close in the same sentence
            end = doc[hi].sent.end
            stop = next((j for j in range(hi + 1, end) if doc[j].text == close
                         or doc[j].text in ("“", "\n")), None)
            if stop is not None and doc[stop].text == close:
                hi = stop
    return doc[lo : hi + 1]


def _clause_content(t: Token) -> tuple[Span, str] | None:
    comp = [x for x in t.children if x.dep_ in _CLAUSE_DEPS and x.i > t.i or (
        x.dep_ == "advcl" and x.i > t.i and _lemma(t) in cues().questions and any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in x.children))]
    # not a clause after another verb the parser hung on this one: "…, officials
    # said, with local media reporting they were victims of gas poisoning"
    comp = [x for x in comp if not any(
        y.pos_ == "VERB" and _is_cue(y) and y.dep_ != "relcl" and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in y.children)
        for y in t.doc[t.i + 1 : x.left_edge.i])]  # (a cue with nothing to report)
    if not comp and _lemma(t) in cues().verbs:
        comp = _medium_clause(t)
    if comp and not _led_by_cue(comp[0]):
        span = _span_of(list(comp[0].subtree))
        if span is not None and (len(span) >= 4 or len(span) in (2, 3) and any(
                x.dep_ == "nsubj" for x in comp[0].children)):
            # (two or three words with a subject: "business is poor", "he would")
            return span, "clause"
        return None
    if comp := [x for x in t.children if x.dep_ in _CLAUSE_DEPS and not (
            x.i > t.i and _led_by_cue(x))]:
        # "… would be $300, it says": the clause before the cue, joined to it by
        # punctuation and the cue's subject only (not "X is upbeat, in part because
        # he sees …", a parse that hangs the main clause on the verb of a reason)
        subj = {y.i for x in t.children if x.dep_ in ("nsubj", "nsubjpass")
                for y in x.subtree}
        gap = t.doc[comp[0].right_edge.i + 1 : t.i]
        if any(not (x.is_punct or x.is_space or x.i in subj or x.dep_ in ("aux", "advmod"))
               for x in gap) or _lemma(t) not in cues().addressee and any(
                   x.dep_ == "dobj" and x.i > t.i for x in t.children):
            # (a cue with an object of its own, other than the one told, says that,
            # not the clause before it: "Schiff never expected that … — Democrats
            # expected secrecy and coverup"; but "…,” Obama told reporters.")
            return None
        span = _span_of(list(comp[0].subtree))
        if span is not None and len(span) >= 4:
            return span, "clause"
    head = t.head
    if (t.dep_ in _AROUND_DEPS and head.i != t.i and head.pos_ in ("VERB", "AUX")
            and _lemma(t) in cues().verbs
            # not a clause a speech verb before it reports: "X says people within the
            # company have been warning for years …" is X's, not the warning's
            and not (t.i > head.i and t.dep_ == "ccomp" and _is_cue(head))
            and any(x.dep_ == "nsubj" for x in t.children)
            and not any(x.dep_ in ("dobj", "ccomp") or x.dep_ == "xcomp" and not (
                x.pos_ == "ADJ" and x.i == x.right_edge.i == t.right_edge.i)
                for x in t.children)
            and all(x.lower_ == "as" for x in t.children if x.dep_ == "mark")):
        # "Prices will rise, she said." / "The museum, Mr. Obama said, would …"
        # (an adjective the parser hung on the cue belongs to the clause: "as he
        # claimed demoralised Russian troops are …")
        mine = {x.i for x in t.subtree if not (x.dep_ == "xcomp" and x.head.i == t.i)}
        rest = [x for x in head.subtree if x.i not in mine]
        if not rest:
            return None
        if min(x.i for x in rest) > t.i:
            doc = t.doc
            if t.dep_ == "advcl" and any(x.dep_ == "mark" for x in t.children) or (
                    t.dep_ == "ccomp" and doc[t.right_edge.i].text != ","
                    and t.right_edge.i + 1 < len(doc) and doc[t.right_edge.i + 1].text == ","
                    and any(x.dep_ == "advcl" and x.i < t.i and x.right_edge.i + 1 < t.i
                            and doc[x.right_edge.i + 1].text == "," for x in t.children)):
                # "As the Times reported, the emails …": the clause after the cue; "If
                # she wins, Clinton suggested in a tweet, women won't …" (the clause
                # that opens the sentence hung on the cue): what follows the cue's comma
                span = _span_of(rest)
                if span is not None and len(span) >= 4:
                    return span, "clause"
            return None
        if max(x.i for x in rest) < t.left_edge.i:
            span = _span_of(rest)
        else:
            span = _span_of(list(head.subtree))
        if span is not None and len(span) >= 4:
            return span, "clause"
    return _final_content(t)


_FINITE = frozenset(("MD", "VBD", "VBZ", "VBP"))


def _inserted_content(t: Token) -> tuple[Span, str] | None:
    """"The hashtag #RechercheParis, Mr. Abboud said, accompanied descriptions …": an
    attribution set off by commas inside the sentence it reports, where the parse hung
    the cue on a noun (or made it the root) and so no clause of its own reads as the
    content. Only a speech verb with its subject, nothing after it but a time, place or
    the one told, and a clause after it: the content is the sentence around it."""
    head = t.head
    if not (t.dep_ == "ROOT" or head.pos_ not in ("VERB", "AUX")):
        return None  # (a verb the parse hung it on is read by _clause_content)
    told = ("dobj", "dative") if _lemma(t) in cues().listener else ()
    subj = [x for x in t.children if x.dep_ == "nsubj" and x.i < t.i]
    if not subj or any(x.dep_ not in ("prep", "npadvmod", "advmod", "punct", *told)
                       for x in t.children if x.i > t.i):
        return None
    doc, sent = t.doc, t.sent
    lo = subj[0].left_edge.i
    hi = max([t.i] + [y.i for x in t.children if x.i > t.i and not x.is_punct
                      for y in x.subtree])
    if not (sent.start + 2 <= lo - 1 and doc[lo - 1].text == ","
            and hi + 1 < sent.end and doc[hi + 1].text == ","):
        return None
    before = doc[sent.start : lo - 1]
    after = [x for x in doc[hi + 2 : sent.end] if not (x.is_punct or x.is_space)]
    if (len(after) < 3 or not any(x.tag_ in _FINITE or x.tag_ == "VBN" for x in after)
            or any(x.pos_ in ("VERB", "AUX") for x in before) or "\n" in sent.text):
        # (a clause before the cue is read by _clause_content; "In Paris, he said,
        # …" has none, and what follows the cue is the report)
        return None
    span = _span_of(list(sent))
    return (span, "clause") if span is not None and len(span) >= 6 else None


def _misparsed_clause(t: Token) -> tuple[Span, str] | None:
    """"He said legalizing it could put thousands of people to work …": the parse
    made the clause's subject the cue's object (or a clause of its own) and hung the
    clause's verb on it. The cue opens the sentence's predicate with its subject
    before it; the content is that object's phrase, when a finite clause hangs in it
    as a complement (not a relative clause: "said a prayer for those who died")."""
    if t.dep_ != "ROOT" or _lemma(t) in cues().addressee or not any(
            x.dep_ == "nsubj" and x.i < t.i for x in t.children):
        return None  # (the object of "told" is the one told)
    right = [x for x in t.children if x.i > t.i and not x.is_punct]
    if not right or right[0].i != t.i + 1 or right[0].dep_ not in ("xcomp", "dobj"):
        return None
    first = right[0]
    if not any(x.dep_ == "ccomp" and (x.tag_ in _FINITE or any(
            a.dep_ == "aux" and a.tag_ in _FINITE for a in x.children))
            and first.is_ancestor(x) for x in first.subtree):
        return None
    span = _span_of(list(first.subtree))
    return (span, "clause") if span is not None and len(span) >= 4 else None


def _medium_clause(t: Token) -> list[Token]:
    """"X says in a statement that …", "told reporters in an interview that …": the
    clause the parser hung on the medium of the speech (`speech_media`), after the
    cue, opened by "that"."""
    media = cues().media
    for x in t.children:
        if x.dep_ != "prep" or x.i < t.i or x.lower_ not in ("in", "on", "during"):
            continue
        for o in x.children:
            if o.dep_ != "pobj" or o.lemma_.lower() not in media:
                continue
            for c in o.children:
                if c.dep_ in ("acl", "ccomp") and c.i > o.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return [c]
    return []


def _final_content(t: Token) -> tuple[Span, str] | None:
    """"…, the poll found." at the end of a sentence, whatever the parse made of it
    (a relative clause of the last noun: "an unfavorable view of Trump, the poll
    found"): the sentence before the comma that opens the attribution. Only a speech
    verb with its own subject, nothing after it but a time or a place."""
    if _lemma(t) not in cues().verbs or t.dep_ in _AROUND_DEPS + ("ROOT",):
        return None  # (those the parse reads right are found above)
    subj = [x for x in t.children if x.dep_ == "nsubj" and x.i < t.i]
    # (the one told is no content: "…, Carter told a Senate panel Wednesday.")
    told = ("dobj", "dative") if _lemma(t) in cues().listener else ()
    if subj and t.dep_ == "relcl" and subj[0].tag_ in ("WP", "WDT"):
        return None  # "She said goodbye to her friends, who cried.": about the noun
    if not subj or any(x.dep_ in ("dobj", "ccomp", "xcomp", "dative") and x.dep_ not in told
                       for x in t.children):
        return None
    sent, doc = t.sent, t.doc
    lo = subj[0].left_edge.i
    if lo - 1 <= sent.start or doc[lo - 1].text != ",":
        return None
    after = [x for x in doc[t.i + 1 : sent.end] if not (x.is_punct or x.is_space)]
    if any(x.head.i != t.i and not t.is_ancestor(x) for x in after) or any(
            x.dep_ not in ("prep", "npadvmod", "advmod", *told) for x in t.children
            if x.i > t.i and not x.is_punct):
        return None
    span = _span_of(list(doc[sent.start : lo - 1]))
    if span is None or len(span) < 4 or "\n" in span.text:
        return None
    return span, "clause"


def _led_by_cue(comp: Token) -> bool:
    """A clause that opens with a subordinate speech clause of its own: "… said as he
    claimed demoralised troops are …" (the parse hangs "troops are …" on "said"; it is
    what "he claimed")."""
    return any(x.dep_ == "advcl" and x.i < comp.i and x.left_edge.i == comp.left_edge.i
               and _lemma(x) in cues().verbs and any(m.dep_ == "mark" for m in x.children)
               and any(n.dep_ == "nsubj" for n in x.children) for x in comp.children)


def _infinitive_content(t: Token) -> tuple[Span, str] | None:
    # (an infinitive the parser read as a purpose clause counts when the verb has no
    # object: "sought on Wednesday to ease …", not "called a meeting to discuss …")
    deps = ("xcomp", "ccomp") if any(x.dep_ == "dobj" for x in t.children) else (
        "xcomp", "ccomp", "advcl")
    xc = [x for x in t.children if x.dep_ in deps and x.i > t.i
          and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
          and not any(m.dep_ == "mark" for m in x.children)]
    if not xc:
        return None
    if xc[0].lemma_ in ("name", "identify", "quote") and any(
            a.dep_ == "auxpass" for a in xc[0].children) and len(list(xc[0].subtree)) <= 4:
        return None  # "a spokesperson, who did not wish to be named": anonymity, no claim
    toks = list(xc[0].subtree)
    obj = [x for x in t.children if x.dep_ in ("dobj", "dative") and x.i < xc[0].i]
    if obj:  # "urged them to vote": the addressee is part of the content
        toks += list(obj[0].subtree)
    span = _span_of(toks)
    return (span, "infinitive") if span is not None else None


def _object_content(t: Token) -> tuple[Span, str] | None:
    obj = [x for x in t.children if x.dep_ == "dobj" and x.i > t.i]
    if not obj and _lemma(t) in cues().complement_objects and _what_object(t):
        # "denounced what he called a witch hunt": the label is what is said of it;
        # not a name ("knows what they called the dog"); a quoted label ends at its
        # closing mark ("what she called “baseless smears” in the press")
        label = [x for x in t.children if x.dep_ == "oprd" and x.i > t.i]
        if not label:
            return None
        toks = list(label[0].subtree)
        words = [x for x in toks if not x.is_punct]
        if not words or words[0].lower_ in ("the", "this", "that", "these", "those") or (
                words[0].tag_ in ("PRP", "PRP$")):
            return None
        if toks[0].text == "“":
            close = next((k for k, x in enumerate(toks) if x.text == "”"), None)
            toks = toks[: close + 1] if close is not None else toks
        span = _span_of(toks)
        return (span, "object") if span is not None else None
    if not obj and _lemma(t) in cues().complement_objects:
        named = _complement_content(t)
        if named is not None:
            return named, "object"
    if not obj and any(x.dep_ == "agent" for x in t.children):
        # "Oz has been called a charlatan by fellow physicians": the passive subject
        subj = [x for x in t.children if x.dep_ == "nsubjpass"]
        if subj and subj[0].pos_ != "PRON":
            toks = list(subj[0].subtree) + [y for x in t.children if x.dep_ == "oprd"
                                            for y in x.subtree]
            span = _span_of(toks)
            return (span, "object") if span is not None else None
    if not obj or obj[0].pos_ == "PRON" and obj[0].lower_ not in ("it", "them", "him", "her",
                                                                   "this", "that"):
        return None
    toks = list(obj[0].subtree)
    for x in t.children:
        if x.i > obj[0].i and x.dep_ in _OBJECT_TAIL and (x.dep_ != "prep" or (
                x.lower_ in _TAIL_PREPS and not any(
                    y.ent_type_ in ("DATE", "TIME") for y in x.children))):
            toks += list(x.subtree)
    span = _span_of(toks)
    return (span, "object") if span is not None else None


def _what_object(t: Token) -> bool:
    """Whether the verb's object is a "what" before it: "what he called a witch hunt"."""
    return any(x.dep_ == "dobj" and x.tag_ == "WP" and x.i < t.i for x in t.children)


def _complement_content(t: Token) -> Span | None:
    """What a naming verb says of its object when the parser hung the object on the
    label ("called the Republican frontrunner “ISIS’ best recruiter”": only an oprd)
    or read object and label as one complement ("calling Trump a fascist"): the
    nominal or adjectival oprd/xcomp children after the verb, with what they hold,
    less a trailing time ("called Cruz a liar on Tuesday")."""
    kids = [x for x in t.children if x.i > t.i and x.dep_ in ("oprd", "xcomp", "dative")
            and x.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PRON")]
    if not kids:
        return None
    toks = [y for x in kids for y in x.subtree if not any(
        z.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in z.children)
        for z in (y, *y.ancestors) if z.i > x.i and z.head.i == x.i)]
    if sum(not (y.is_punct or y.is_space) for y in toks) < 3:
        return None  # an object and a label at least: not "called Trump", "called it off"
    head = kids[0]
    first = min(toks, key=lambda y: y.i)
    if not (first.i != head.i and first.head.i != head.i  # "the Republican frontrunner"
            or first.pos_ == "PRON" and first.lower_ in ("her", "him", "them", "it", "us")
            or first.i == head.i and any(c.dep_ in ("dobj", "appos", "oprd", "attr")
                                         and c.i > head.i for c in head.children)):
        return None  # one noun phrase, no object in it: "called the “SOS” hotline"
    return _span_of(toks)


def _prep_content(t: Token, preps: frozenset[str]) -> tuple[Span, str] | None:
    for x in t.children:
        if x.i > t.i and x.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in preps and m.i == t.i + 1 for m in x.children):
            # "is calling for the United States to step up …" (read as "for" + clause)
            span = _span_of([y for y in x.subtree if not (y.dep_ == "mark" and y.i == t.i + 1)])
            return (span, "prep") if span is not None else None
        if x.i > t.i and x.dep_ in ("prep", "prt") and x.lower_ in preps:
            objs = [y for y in x.children if y.dep_ in ("pobj", "pcomp")]
            if objs and all(y.ent_type_ in ("DATE", "TIME") for y in objs):
                continue  # "weighed in with her support on Tuesday evening": a time
            if objs:
                toks = [y for o in objs for y in o.subtree]
                # "called on people to protest": the infinitive goes with the object
                toks += [y for c in t.children if c.dep_ == "xcomp" and c.i > x.i
                         for y in c.subtree]
                span = _span_of(toks)
                return (span, "prep") if span is not None else None
    return None


_DASH = re.compile(r"[ \t]*[―—–]+[ \t]*")


def _dash_speaker(idx: _Index, b: int) -> dict | None:
    """The name after a dash that closes a quotation: "“…” ― Maria Lopez"."""
    doc, text = idx.doc, _text(idx.doc)
    k = b
    while k < len(text) and text[k] in "”\"’.,":
        k += 1
    m = _DASH.match(text, k)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    span = doc.char_span(m.end(), line_end, alignment_mode="contract")
    if span is None:
        return None
    names: list[Token] = []
    for t in span:
        if t.pos_ == "PROPN" or t.is_title or (names and t.text in (".", "-")):
            names.append(t)
        else:
            break
    while names and names[-1].is_punct:
        names.pop()
    if not names or len(names) > 6:
        return None
    mention = idx.mention_in(names)
    if mention is not None:
        return _mention_speaker(mention, idx, names)
    return _raw_speaker(idx, names, "unlinked")


def _colon_speaker(idx: _Index, content: Span) -> Mention | None:
    """The actor named right before "…: “" that opens a quotation."""
    doc = idx.doc
    j = content.start - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in ("“", '"')):
        j -= 1
    if j < 1 or doc[j].text != ":":
        return None
    m = idx.by_token.get(doc[j - 1].i)
    if m is None or m.type not in ("person", "org"):
        return None
    # the name must open its clause ("Trump: “…"), not end a longer one
    first = doc[j - 1]
    while first.i > 0 and idx.by_token.get(first.i - 1) is m:
        first = doc[first.i - 1]
    if first.i > 0 and not (doc[first.i - 1].is_punct or doc[first.i - 1].is_space
                            or first.is_sent_start):
        return None
    return m


_NAME_TAGS = ("PROPN",)
_NOT_NAMES = ("GPE", "LOC", "DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART", "CARDINAL")


def _colon_name(idx: _Index, head: Span, colon: int, end: int) -> list[Token] | None:
    """The speaker before a colon that opens a line: "PENCE: …", "Lynch: No outside
    influence …", "Clinton to Planned Parenthood: …" (the name before "to"/"on"/"at"),
    "Poll: …" (a source noun of the data file)."""
    if not 0 < len(head) <= 10:
        return None
    toks = list(head)
    cut = next((k for k, t in enumerate(toks) if k > 0 and t.lower_ in _colon_preps()),
               len(toks))
    name = toks[:cut]
    if len(name) == 1 and len(name[0].text.rstrip(".")) == 1:
        return None  # an interview's "Q:" and "A:" name nobody (a turn without speaker)
    if name[0].lower_ == "dear":
        return None  # an advice column's "DEAR BEATEN UP: …" names the one addressed
    if name[0].text in ("-", "–", "—", "•", "*") or any(t.text in ("AND", "OR") for t in name):
        return None  # a live page's headings: "- HOPE AND LOSS: Your stories"
    if not 0 < len(name) <= 5 or (cut == len(toks) and len(toks) > 5) or not all(
            t.pos_ in _NAME_TAGS or t.is_upper or t.is_title or t.text in (".", "-")
            for t in name):
        return None
    m = idx.mention_in(name)
    if m is not None and m.via == "metonym":
        return None  # "Washington: …", a dateline or a section, not the state speaking
    if (all(t.is_upper or t.is_punct for t in name)
            and not _text(idx.doc)[: head.start_char].strip(_MARKS + "\n")
            and idx.geo.is_place(" ".join(t.text for t in name))):
        return None  # the article's dateline: "SARAJEVO: Eight youngsters died …"
    if all(t.is_upper or t.is_punct for t in name):
        return name  # a transcript's "PENCE: …"
    if m is not None or any(t.ent_type_ in ("PERSON", "ORG") for t in name):
        return name
    if head.text.lower() in cues().colon_labels or any(
            t.ent_type_ in _NOT_NAMES for t in name):
        return None
    if name[-1].lower_ in cues().colon_sources:
        return name
    # a headline's bare surname ("Lynch: …"): one or two capitalised words before
    # a clause with a verb
    body = idx.doc.char_span(colon + 1, end, alignment_mode="contract")
    if (len(name) <= 2 and all(t.is_title for t in name) and body is not None
            and any(t.pos_ in ("VERB", "AUX") for t in body)):
        return name
    return None


@cache
def _colon_preps() -> frozenset[str]:
    return frozenset(load_toml("quote_cues.toml")["colon_preps"])


_LINE = re.compile(r"[^\n]+")
_MARKS = " \t“”\"‘’'"


def _colon_paragraphs(idx: _Index, source: str, article_id: str,
                      quoted: list[tuple[int, int]]) -> list[Quote]:
    """Paragraphs attributed by a colon, without a cue in the same sentence:
    "PENCE: Well, look, …" (transcripts, headlines "Sanders: Clinton needs …") and a
    block quotation after "Limbaugh added:" at the end of the paragraph before."""
    doc, text = idx.doc, _text(idx.doc)
    out = []
    prev: tuple[int, int] | None = None
    listing = False  # in a list of "Name: charges" lines after a line ending in ":"
    for m in _LINE.finditer(text):
        a, b = m.span()
        line = m.group()
        if not line.strip():
            continue
        lead = a + len(line) - len(line.lstrip(_MARKS))
        body: tuple[int, int] | None = None
        speaker: dict | None = None
        unnamed = False
        cue: Token | None = None
        colon = text.find(":", lead, min(b, lead + 40))
        if colon > lead:
            head = doc.char_span(lead, colon, alignment_mode="contract")
            name = _colon_name(idx, head, colon, b) if head is not None else None
            if name is not None:
                # a name (an actor, a PERSON/ORG entity, a transcript's capitals, a
                # headline's "Lynch: …" or "Clinton to Planned Parenthood: …"), not a
                # title ("Stealth Over Health: …") or a label ("Correction: …")
                mention = idx.mention_in(name)
                speaker = (_mention_speaker(mention, idx, name) if mention is not None
                           else _raw_speaker(idx, name, "unlinked"))
                body = (colon + 1, b)
                after = doc.char_span(colon + 1, b, alignment_mode="contract")
                if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in after or ()) and (
                        listing or prev is not None
                        and text[prev[0]:prev[1]].rstrip().endswith(":")):
                    # a list's items, not a headline's claim: "…on the following
                    # charges:" then "Elizabeth A. Burton: Possession of …"
                    listing, body, speaker = True, None, None
                    prev = (a, b)
                    continue
            elif head is not None and len(head) == 1 and head.text in ("Q", "A"):
                body, unnamed = (colon + 1, b), True  # an interview's turn, no name
        if body is None and prev is not None and text[prev[0]:prev[1]].rstrip().endswith(":"):
            last = doc.char_span(prev[0], prev[1], alignment_mode="expand")
            if last is not None:
                sent = doc[last.end - 1].sent
                cands = [t for t in sent if _is_cue(t) and t.i >= last.start]
                if cands:
                    cue = cands[-1]
                    speaker, _ = _speaker(idx, cue)
                    if speaker is not None and text[lead:b].lstrip(_MARKS) == text[a:b].lstrip(
                            _MARKS) and text[a:b].lstrip()[:1] not in _MARKS:
                        body = (a, b)
        prev = (a, b)
        listing = False
        if body is None or speaker is None and not unnamed:
            continue
        lo, hi = body
        while lo < hi and text[lo] in _MARKS:
            lo += 1
        while hi > lo and text[hi - 1] in _MARKS:
            hi -= 1
        span = doc.char_span(lo, hi, alignment_mode="contract")
        if span is None or len(span) < 3 or any(
                qa < span.end_char and span.start_char < qb for qa, qb in quoted):
            continue
        if cue is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # a list after "MOF explains …:" ("1 & 2-room – 3 months' worth")
        out.append(_quote(idx, source, article_id, span, "direct", speaker, cue,
                          _tense(cue) if cue is not None else "past", None, 0.6))
    return out


def _attribution_phrases(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of "according to", "in the words of" … (data file)."""
    key = id(doc.vocab)
    m = _PHRASE_MATCHERS.get(key)
    if m is None:
        m = Matcher(doc.vocab)
        for phrase in load_toml("quote_cues.toml")["according_to"]:
            m.add("ATTR", [[{"LOWER": w} for w in phrase.split()]])
        _PHRASE_MATCHERS[key] = m
    return [(s, e) for _, s, e in m(doc)]


_PHRASE_MATCHERS: dict[int, Matcher] = {}


def _according_to_clauses(idx: _Index, source: str, article_id: str,
                          quoted: list[tuple[int, int]]) -> list[Quote]:
    """Indirect speech attributed with "according to X": the rest of the sentence;
    X is an actor or any noun phrase ("according to a new poll")."""
    doc = idx.doc
    out = []
    for s, e in _attribution_phrases(doc):
        found = _attributed_source(idx, doc[e - 1], len(doc))
        if found is None:
            continue
        speaker, src = found
        sent = doc[s].sent
        lo, hi = s, max(e, src[-1].i + 1)
        before = doc[sent.start : lo]
        after = doc[hi : sent.end]
        body = max((before, after), key=len)
        text = body.text.strip(" ,.;:")
        if len(body) < 4 or not text:
            continue
        span = doc.char_span(body.start_char + body.text.index(text),
                             body.start_char + body.text.index(text) + len(text))
        if span is None or any(a < span.end_char and span.start_char < b for a, b in quoted):
            continue
        out.append(_quote(idx, source, article_id, span, "indirect", speaker,
                          None, "past", None, 0.6))
    return out


def _evidence_clauses(idx: _Index, source: str, article_id: str,
                      quoted: list[tuple[int, int]]) -> list[Quote]:
    """Findings in a poll or a study (`evidence_nouns`): "In a Des Moines Register
    poll last month, Mr. Cruz had a 10 percentage-point lead", "Trump has a decisive
    lead in the polls": the clause, whose source is the poll. Not when the clause's
    verb is itself a cue (its subject speaks: "In a new study, researchers found …")."""
    doc, text = idx.doc, _text(idx.doc)
    c = cues()
    out = []
    for t in doc:
        if t.lower_ != "in" or t.dep_ != "prep":
            continue
        verb = t.head
        if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "attr"):
            verb = verb.head  # "has a decisive lead in the polls"
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        objs = [x for x in t.children if x.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() not in c.evidence_nouns or objs[0].pos_ != "NOUN":
            continue
        if _lemma(verb) in _verb_lemmas() or verb.dep_ not in ("ROOT", "conj", "ccomp"):
            continue
        mine = {x.i for x in t.subtree}
        body = [x for x in verb.subtree if x.i not in mine]
        span = _span_of(body)
        if span is None or len(span) < 4 or "\n" in span.text or idx.quoted[verb.i]:
            continue
        if any(a < span.end_char and span.start_char < b for a, b in quoted):
            continue
        src = list(objs[0].subtree)
        lo = text.rfind("\n", 0, t.idx)
        if "\n" in text[min(t.idx, span.start_char) : max(t.idx, span.end_char)] or (
                lo >= 0 and src[0].idx < lo):
            continue
        m = _subject_mention(idx, src)
        speaker = (_mention_speaker(m, idx, src) if m is not None
                   else _raw_speaker(idx, src, "unlinked"))
        out.append(_quote(idx, source, article_id, span, "indirect", speaker, t,
                          _tense(verb), None, 0.5))
    return out


# An article's dateline: "KHAN YOUNIS, GAZA — ", "WASHINGTON (AP) — ", "LONDON (Reuters) - "
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]+(?:, *[A-Z][A-Za-z.'’ -]+)?"
                       r"(?: *\([^)\n]{1,30}\))? *[—–-] +")


def _quote(idx: _Index, source: str, article_id: str, span: Span, qtype: str,
           speaker: dict | None, cue: Token | None, tense: str, via: dict | None,
           conf: float) -> Quote:
    if qtype == "indirect" and (m := _DATELINE.match(span.text)) and not _text(
            idx.doc)[: span.start_char].strip():
        # the report opens the article: its dateline is no part of what was said
        trimmed = idx.doc.char_span(span.start_char + m.end(), span.end_char,
                                    alignment_mode="contract")
        if trimmed is not None and len(trimmed):
            span = trimmed
    if speaker is not None and not speaker.get("phrase"):
        a, b = speaker["start"], speaker["end"]
        speaker = {**speaker, "phrase": {
            "start": a, "end": b, "text": _text(idx.doc)[a - idx.offset : b - idx.offset]}}
    return Quote(
        source=source, article_id=article_id, start=idx.offset + span.start_char,
        end=idx.offset + span.end_char, text=span.text, quote_type=qtype, speaker=speaker,
        cue=_cue_dict(idx, cue) if cue is not None else None, tense=tense,
        reported_via=via, about=_about(idx, span, speaker), confidence=round(conf, 2))


def _find_cue(doc: Doc, content: Span, inside: set[int]) -> Token | None:
    """The speech verb that introduces or closes a quotation, in its sentences."""
    first, last = doc[content.start], doc[content.end - 1]
    sents = {first.sent.start: first.sent, last.sent.start: last.sent}
    cands = []
    for sent in sents.values():
        for t in sent:
            if t.i in inside or not _is_cue(t):
                continue
            if t.i < content.start and "\n" in doc[t.i : content.start].text:
                continue
            if t.i > content.end and "\n" in doc[content.end : t.i].text:
                continue
            dist = content.start - t.i if t.i < content.start else t.i - content.end
            cands.append((dist, t))
    # "“… our country?” Clinton said." parsed as a sentence of its own after the mark
    nxt = content.end
    while nxt < len(doc) and doc[nxt].text in ("”", '"', "’", "'"):
        nxt += 1
    if (not cands and content.end < nxt < len(doc) and not doc[nxt].is_space
            and "\n" not in doc[nxt - 1].text_with_ws and doc[nxt].sent.start >= nxt):
        root = doc[nxt].sent.root
        if _is_cue(root) and not any(c.dep_ in ("ccomp", "dobj") for c in root.children):
            cands.append((root.i - content.end, root))
    # "He said: “…" at the end of the paragraph before a quote that opens one
    if not cands and first.i > 0:
        prev = doc[first.i - 1]
        while prev.i > 0 and (prev.is_space or prev.text in ("“", '"')):
            prev = doc[prev.i - 1]
        if prev.text == ":":
            for t in prev.sent:
                if _is_cue(t):
                    cands.append((content.start - t.i, t))
    if not cands:
        return None
    # "Fleming will say Xi – who has not condemned the invasion – has a “more
    # nuanced” view": a cue in a relative clause that does not hold the quotation
    # gives way to one outside it
    outside = [c for c in cands if not _in_relative(c[1], content)]
    return min(outside or cands, key=lambda c: c[0])[1]


def _in_relative(cue: Token, content: Span) -> bool:
    v: Token = cue
    while v.dep_ in ("conj", "xcomp", "aux") and v.head.i != v.i:
        v = v.head
    return v.dep_ == "relcl" and not (v.left_edge.i <= content.start
                                      and content.end - 1 <= v.right_edge.i)


def _governed(cue: Token, content: Span) -> bool:
    """Whether the quotation sits inside the clause of its cue ("warned that the
    “consequences …”") rather than standing as the whole utterance ("told
    journalists: “…”")."""
    if cue.i > content.start:
        return False
    before = _text(content.doc)[: content.start_char].rstrip(" “\"\n")
    if before.endswith((":", ",")):
        return False
    return any(cue.is_ancestor(t) for t in content)


def _adjacent(doc: Doc, cue: Token, content: Span) -> bool:
    """Cue and quotation joined by punctuation only: "Putin continued: “…", "“…,” he added"."""
    text = _text(doc)
    if cue.i < content.start:
        between = text[cue.idx + len(cue.text) : content.start_char]
    else:
        between = text[content.end_char : cue.idx]
    words = [w for w in re.findall(r"[\w’']+", between)]
    return len(words) <= 3 and (any(p in between for p in (":", ",", "”", '"')) or (
        cue.i > content.start and misclosed(text, content.end_char)))  # “…,“ she said


def _whole_paragraph(text: str, a: int, b: int) -> bool:
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:a].strip(" “\"")
    after = text[b:line_end].strip(" ”\".,")
    return not before and not after


def _paragraph_index(text: str):  # type: ignore[no-untyped-def]
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def para(pos: int) -> int:
        import bisect

        return bisect.bisect_right(starts, pos) - 1

    return para
