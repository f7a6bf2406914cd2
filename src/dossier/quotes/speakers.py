"""The speaker of a cue: its subject on the cue's line (through "is expected to
warn", "will say", "… by telling them"), and what stands in for one the parse did
not give (a passive's agent, a relative's antecedent, a noun a participle describes,
a name after the cue or set off by commas before it, the named source of a pronoun's
clause)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from dossier.parse.texts import span_text
from dossier.parse.tree import children
from dossier.quotes.book import BOOK, NAMED, RESOLVED, UNLINKED, UNRESOLVED
from dossier.quotes.bounds import acting_cue
from dossier.quotes.cited import cited_source, citing
from dossier.quotes.epithets import named_before
from dossier.quotes.lexicon import cues, is_cue, lemma
from dossier.quotes.mentions import mention_speaker, raw_speaker, source_phrase, subject_mention
from dossier.quotes.orgrefs import bare_spokesperson, org_short_form, org_they
from dossier.quotes.orgs import org_nominal, owned_statement, spokesperson_of, statement_owner
from dossier.quotes.view import ArticleView, SpeakerDict

# How many steps up the parse from a cue to the verb whose subject speaks ("is
# expected to warn", "will say", "said …, adding").
SUBJECT_DEPTH = 3
# A name set off by commas before a cue stands at most this many tokens (commas, an
# age) before it: "“…,” Ramos, 58, told AFP".
LEFT_NAME_REACH = 6
# The longest noun phrase read as the speaker after a cue: "“…,” said Robin Maynard".
INVERTED_NAME_MAX = 8


def subject(view: ArticleView, cue: Token) -> list[Token]:
    """The subject of a cue (through "is expected to warn", "will say")."""
    v: Token | None = cue
    if asked(cue):
        return []
    for _ in range(SUBJECT_DEPTH):
        if v is None:
            break
        subj = [c for c in children(v) if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return on_line(view, cue, subj)
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":  # "… by telling them that …"
            if (quoted := quoted_as(v)) is not None:  # "Reuters quoted X as saying"
                return on_line(view, cue, [quoted])
            v = v.head.head
            continue
        if sender(v) or adding(v):
            v = v.head.head
            continue
        if (acting := acting_cue(v)) is not None:  # "said she would … and promised …"
            v = acting
            continue
        v = v.head if v.dep_ in ("xcomp", "conj", "advcl") and v.head.i != v.i else None
    return []


_EVIDENCE = frozenset(("show", "find", "indicate", "suggest", "reveal", "conclude",
                       "estimate", "signal", "hint", "know", "learn", "understand"))


@BOOK.rule("speakers", off=None)
def quoted_as(saying: Token) -> Token | None:
    """The one a report quotes speaks, not the reporter: "Reuters quoted the foreign
    ministry as saying …", "CNN quoted an American witness as saying he saw …" (the
    ministry, the witness; Reuters, CNN relay them): the object of "quoted" or "cited"
    that "as saying" follows."""
    prep = saying.head
    verb = prep.head
    if prep.lower_ != "as" or verb.lemma_.lower() not in ("quote", "cite") or verb.i > prep.i:
        return None
    return next((c for c in children(verb) if c.dep_ == "dobj" and c.i < prep.i), None)


@BOOK.rule("speakers", off=False)
def asked(cue: Token) -> bool:
    """A participle with no subject or auxiliary of its own names nobody who speaks:
    "Asked about the tax, Trump said …" (Trump was asked)."""
    return cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children(cue))


@BOOK.rule("speakers", off=False)
def sender(v: Token) -> bool:
    """A speech participle of the one addressed is its sender's: "emailed supporters
    saying: …" (not evidence: "research showing that …" is the research's)."""
    return (v.tag_ == "VBG" and v.dep_ == "acl" and v.head.dep_ in ("dobj", "dative")
            and lemma(v) in cues().verbs and lemma(v) not in _EVIDENCE)


@BOOK.rule("speakers", off=False)
def adding(v: Token) -> bool:
    """A participle after a speech verb's clause is that speaker's: "Sanders said the
    convention could be “messy,” adding …" (Sanders adds)."""
    return (v.tag_ == "VBG" and v.dep_ == "advcl" and v.head.dep_ == "ccomp"
            and is_cue(v.head.head) and v.head.head.i < v.head.i)


@BOOK.rule("speakers", off=[])
def left_subject(view: ArticleView, cue: Token) -> list[Token]:
    """A finite cue the parser gave no subject, with a name right before it: "In a
    statement to the Observer, her adviser, Jake Sullivan, said: …" (the name read
    as an apposition), "“…,” Ramos, 58, told AFP" (read as a conjunct)."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children(cue)):
        return []
    before = view.by_token.get(cue.i - 1) if cue.i > 0 else None
    if before is not None and before.type == "person":
        # "The 39-year-old said …" with the age read as the cue's modifier: the whole
        # sentence before the cue is the mention
        first = view.span_at(before.start, before.end, "expand")
        if first is not None and first.start == cue.sent.start:
            return list(first)
    k = cue.i - 1
    while k >= max(0, cue.i - LEFT_NAME_REACH) and (
            view.doc[k].text == "," or view.doc[k].pos_ == "NUM"):
        k -= 1
    if k < 0 or k == cue.i - 1 or view.doc[k].pos_ != "PROPN":
        return []  # only a name set off by commas
    m = view.by_token.get(k)
    if m is None or m.type != "person":
        return []
    t = view.doc[k]
    return [x for x in view.doc[t.left_edge.i : k + 1] if x.dep_ in ("compound", "flat")
            or x.i == k]


def on_line(view: ArticleView, cue: Token, subj: list[Token]) -> list[Token]:
    """The subject on the cue's line: a parse that runs across a paragraph break
    ("9:30 p.m.⏎⏎Donald Trump says …" with "p.m." as a second subject) does not
    give a speaker from the line before."""
    text = view.text
    lo = text.rfind("\n", 0, cue.idx) + 1
    hi = text.find("\n", cue.idx)
    hi = len(text) if hi < 0 else hi
    if len(subj) > 1:
        quoted = view.quoted
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


# A speaker found, with its confidence; (None, 0.0) when a rule decides nobody speaks.
Found = tuple[SpeakerDict | None, float]
NOBODY: Found = (None, 0.0)
# How far before a relative pronoun its antecedent may stand (tokens): "George
# Osborne, who vowed …".
ANTECEDENT_REACH = 4


def speaker_of(view: ArticleView, cue: Token, reported: bool = False) -> Found:
    """The speaker of a cue. For reported speech (``reported``), an unresolved
    pronoun ("it says", "they argue") or a relative pronoun's antecedent that is not
    an actor ("an architect who said …") is kept as an unlinked speaker. A medium
    that names its source speaks for it ("the news agency said, citing the health
    commission": the commission; ``cited_source``)."""
    found = named_speaker(view, cue, reported)
    if citing(cue) and (cited := cited_source(view, cue, found[0])) is not None:
        return cited[0], min(found[1], cited[1])
    return found


def relay_of(view: ArticleView, cue: Token) -> dict[str, Any] | None:
    """The medium that relays a cited source's words ("Reuters said, citing the
    ministry", "Reuters quoted the ministry as saying": Reuters), or None."""
    if cue.dep_ == "pcomp" and (quoted := quoted_as(cue)) is not None:
        by = [c for c in children(quoted.head) if c.dep_ == "nsubj"]
        m = view.mention_in(list(by[0].subtree)) if by else None
        return {"name": m.actor_name, "actor_id": m.actor_id} if m is not None else None
    if not citing(cue):
        return None
    cited = cited_source(view, cue, named_speaker(view, cue)[0])
    return cited[2] if cited is not None else None


def named_speaker(view: ArticleView, cue: Token, reported: bool = False) -> Found:
    """The speaker the cue's own phrase names (:func:`speaker_of` before a medium's
    cited source)."""
    agent = [c for c in children(cue) if c.dep_ == "agent"]
    if agent and (found := by_agent(view, agent[0], reported)) is not None:
        return found
    subj = subject(view, cue)
    if (found := relative_antecedent(view, cue, subj, reported)) is not None:
        return found
    if not subj and reported and (found := participle_noun(view, cue)) is not None:
        return found
    if not subj:
        subj = subject_after_cue(cue)
    if not subj and not reported:
        subj = inverted_object(cue)
    subj = before_cue(subj, cue)
    phrase = subj
    if not subj:
        subj = phrase = left_subject(view, cue)
        if subj and subj[-1].dep_ == "appos" and subj[-1].head.i < subj[0].i:
            # "her adviser, Jake Sullivan, said": the phrase is the apposition's head's
            phrase = [x for x in subj[-1].head.subtree if x.i <= subj[-1].i]
    if not subj:
        return NOBODY
    if not agent and addressed(cue, subj, reported):
        return NOBODY
    m = subject_mention(view, subj)
    if m is None:
        return unlinked_subject(view, cue, view.doc[subj[0].i : subj[-1].i + 1], reported)
    if (short := org_short_form(view, m, phrase)) is not None:  # "The Chronicle says"
        return short
    conf = NAMED if m.via in ("name", "alias", "title", "fuzzy") else RESOLVED
    if m.via == "pronoun" and len(subj) == 1:
        outer = outer_source(view, cue, subj[0], m.actor_id)
        if outer is not None:  # "Rubio says he opposes …": Rubio's
            return outer, conf
    return mention_speaker(m, view, phrase), conf


@BOOK.rule("speakers", off=None)
def by_agent(view: ArticleView, agent: Token, reported: bool) -> Found | None:
    """The agent of a passive cue: "China was criticised by Taiwan" (Taiwan speaks);
    in a report an unlinked one too ("was called a charlatan by fellow physicians")."""
    pobj = [c for c in children(agent) if c.dep_ == "pobj"]
    if pobj:
        m = subject_mention(view, list(pobj[0].subtree))
        if m is not None:
            return mention_speaker(m, view, list(pobj[0].subtree)), RESOLVED
        if reported:
            return raw_speaker(view, list(pobj[0].subtree), "unlinked"), UNLINKED
    return None


@BOOK.rule("speakers", off=None)
def relative_antecedent(view: ArticleView, cue: Token, subj: list[Token], reported: bool
                        ) -> Found | None:
    """A relative pronoun's antecedent speaks: "George Osborne, who vowed to “…”" (the
    actor is the antecedent; the span is the relative that attributes the quote, as
    for a pronoun); in a report an unlinked noun too ("an architect who said …")."""
    if not (subj and subj[0].lower_ in ("who", "which", "that") and len(subj) == 1):
        return None
    w = subj[0].i
    for t in reversed(view.doc[max(0, w - ANTECEDENT_REACH) : w]):
        m = view.by_token.get(t.i)
        if m is not None:
            sp = mention_speaker(m)
            sp.update(start=view.start(subj[0]), end=view.end(subj[0]), via="pronoun",
                      phrase=source_phrase(view, subj))
            return sp, RESOLVED
    rel = next((v for v in (cue, *cue.ancestors) if v.dep_ == "relcl"), None)
    if reported and rel is not None and rel.head.pos_ in ("NOUN", "PROPN"):
        noun = rel.head
        sp = raw_speaker(view, [x for x in noun.subtree if x.i <= noun.i], "unlinked",
                         phrase=subj)
        sp.update(start=view.start(subj[0]), end=view.end(subj[0]), via="pronoun")
        return sp, UNLINKED
    return NOBODY


@BOOK.rule("speakers", off=None)
def participle_noun(view: ArticleView, cue: Token) -> Found | None:
    """A report's participle speaks for the noun it describes: "an outside group
    backing Marco Rubio", "a letter urging …"."""
    if not (cue.tag_ == "VBG" and cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN")
            and cue.head.i < cue.i):
        return None
    noun = cue.head
    toks = [x for x in noun.subtree if x.i <= noun.i]
    m = subject_mention(view, toks)
    if m is not None:
        return mention_speaker(m, view, toks), UNLINKED  # (a looser link than a subject)
    span = view.doc[toks[0].i : noun.i + 1]
    if plausible_speaker(view, span) and not span.root.pos_ == "PRON":
        return raw_speaker(view, toks, "unlinked"), UNRESOLVED
    return NOBODY


@BOOK.rule("speakers", off=[])
def subject_after_cue(cue: Token) -> list[Token]:
    """The subject after the verb: "“… ,” said Putin."."""
    return [t for c in children(cue) if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]


@BOOK.rule("speakers")
def before_cue(subj: list[Token], cue: Token) -> list[Token]:
    """A parse that runs the subject past its verb ("FEC records … show he backed
    …"): the phrase is what stands before the cue."""
    if subj and subj[0].i < cue.i < subj[-1].i:
        return [t for t in subj if t.i < cue.i]
    return subj


@BOOK.rule("speakers", off=False)
def addressed(cue: Token, subj: list[Token], reported: bool) -> bool:
    """A passive subject is no speaker of a report or of an addressee verb: "it was
    reported that …" (nobody named); "Blumenthal was asked, “…”" (the one asked does
    not speak the question). A passive inside the subject's own relative clause does
    not count: "Dever, who was listed on the slate, told"."""
    ids = {t.i for t in subj}
    return (reported or lemma(cue) in cues().addressee) and any(
        t.dep_ == "nsubjpass" and t.head.i not in ids for t in subj)


def unlinked_subject(view: ArticleView, cue: Token, span: Span, reported: bool) -> Found:
    """A subject the actor stage did not link: a pronoun of a named source's clause, an
    unresolved he/she/they, a quantified group, or a plausible noun phrase."""
    # "it says", "they argue": an unresolved it/they speaks only with a speech verb
    # (a quotation "it" says or reads is a document's: "“…,” it read."; not an "it"
    # of another clause: "said it's unrealistic to think that “…”")
    outer = outer_source(view, cue, span.root, None) if len(span) == 1 else None
    if outer is not None:  # "Officials say they expect …"
        return outer, UNLINKED
    if (org_pronoun := org_they(view, span, reported)) is not None:
        return org_pronoun
    if (found := unresolved_pronoun(view, cue, span, reported)) is not None:
        return found
    for rule in (org_nominal, spokesperson_of, statement_owner, owned_statement,
                 bare_spokesperson):
        if (org := rule(view, span)) is not None:  # "the company said", "a spokesman for X"
            return org
    if (person := named_before(view, span)) is not None:  # "the Florida senator said"
        return person
    if len(span) == 1 and span.root.lower_ in ("it", "they"):
        return NOBODY  # "it recognises …", "they feel …": no one known
    group = is_group(span)  # "Many in the crowd said", "those surveyed say"
    if (not group and span.root.pos_ == "PRON" and (
            not reported or span.root.lower_ in _PERSONAL)
            or span[0].lower_ in ("my", "our", "your", "their", "who", "which", "that")):
        return NOBODY  # I, we, you, or someone's relatives: no speaker
    if span.root.dep_ == "expl" or span.root.lower_ in ("there", "here"):
        return NOBODY
    if not group and not plausible_speaker(view, span):
        return NOBODY
    if group and ("\n" in span.text or view.quoted[span.root.i]):
        return NOBODY
    return raw_speaker(view, list(span), "unlinked"), UNLINKED


@BOOK.rule("speakers", off=None)
def unresolved_pronoun(view: ArticleView, cue: Token, span: Span, reported: bool
                       ) -> Found | None:
    """A third-person speaker the actor stage could not resolve keeps its span: "he
    said", and in a report with a speech verb "it says", "they argue"."""
    speech = lemma(cue) in cues().verbs
    third = (("he", "she", "they", "it") if speech else ("he", "she")) if reported else (
        ("he", "she", "they", "it") if speech and span.root.head.i == cue.i else (
            "he", "she", "they"))
    if len(span) == 1 and span.root.lower_ in third:
        return raw_speaker(view, list(span), "pronoun"), UNRESOLVED
    return None


@BOOK.rule("speakers", off=[])
def inverted_object(cue: Token) -> list[Token]:
    """The speaker of "“…,” added a South Carolina Democrat." that the parser read as
    the object of the cue: a noun phrase right after a cue that itself follows a
    quotation's closing mark, with no subject of its own (not an addressee verb:
    "“…,” told the Post" names the one told)."""
    doc = cue.doc
    k = cue.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if (k < 0 or doc[k].text not in ("”", '"', "''") or lemma(cue) in cues().addressee
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children(cue))):
        return []
    obj = [c for c in children(cue) if c.dep_ == "dobj" and c.left_edge.i == cue.i + 1
           and c.pos_ in ("NOUN", "PROPN")]
    if obj:
        return list(obj[0].subtree)
    # "''…,'' said Robin Maynard, half joking." (the name read as the subject of what
    # follows): the noun phrase right after the cue, up to its last noun
    toks: list[Token] = []
    for t in doc[cue.i + 1 : cue.i + 1 + INVERTED_NAME_MAX]:
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


@BOOK.rule("speakers", off=None)
def outer_source(view: ArticleView, cue: Token, pron: Token, actor_id: str | None
                 ) -> SpeakerDict | None:
    """The source of a report whose subject is a pronoun in the clause of a speech
    verb with a named subject, "Rubio says he opposes …", "Djokovic told reporters
    that he is feeling …": the named subject, when the pronoun is that actor, is
    unresolved, or the subject is no actor ("the actress said she …"), as PolNeAR
    marks the nested report; a number mismatch ("the mayor says they …") keeps it.
    Not inside quotation marks, where "he" is someone the quoted speaker talks
    about."""
    if view.quoted[pron.i] or pron.lower_ not in ("he", "she", "they"):
        return None
    v = cue
    while v.dep_ in ("conj", "xcomp", "aux") and v.head.i != v.i:
        v = v.head
    # "the head of GCHQ said as he claimed troops are …" (parsed with "troops are" as
    # what was said and "as he claimed" inside it): the one who said is the "he"
    same = (v.dep_ == "advcl" and v.i < v.head.i and v.head.dep_ == "ccomp"
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in children(v))
            and v.head.head.i < v.i)
    if same:
        v = v.head
    if v.dep_ != "ccomp" or v.head.i == v.i:
        return None
    outer = v.head
    if outer.pos_ not in ("VERB", "AUX") or lemma(outer) not in cues().clausal:
        return None
    subj = [c for c in children(outer) if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ == "PRON":
        return None
    toks = list(subj[0].subtree)
    m = subject_mention(view, toks)
    if m is not None:
        if actor_id is not None and m.actor_id != actor_id and not same:
            return None
        return mention_speaker(m, view, toks)
    # an unlinked subject ("The actress said she was …"): the actor stage could only
    # resolve the pronoun to someone named before, the clause says it is the subject
    span = view.doc[toks[0].i : toks[-1].i + 1]
    if not plausible_speaker(view, span) or (pron.lower_ == "they") != (
            span.root.tag_ in ("NNS", "NNPS")):
        return None
    return raw_speaker(view, toks, "unlinked")


_PERSONAL = frozenset(("i", "me", "we", "us", "you", "who", "which", "that", "what", "this",
                       "these", "those", "itself", "themselves", "there"))


@BOOK.rule("speakers", off=False, name="group")
def is_group(span: Span) -> bool:
    """A quantified group of people as a subject: "many in the crowd", "most",
    "those surveyed" (quantifier_sources; "those" only with what follows it)."""
    root = span.root
    return (root.pos_ in ("ADJ", "DET", "PRON", "NOUN") and root.lower_ in cues().quantifiers
            and (len(span) > 1 or root.lower_ not in ("those", "these", "all")))


def plausible_speaker(view: ArticleView, span: Span) -> bool:
    """An unlinked subject that can be a source: a noun phrase on one line, headed by a
    noun, not inside a quotation, not a clipped parse ("'s", "Keeps")."""
    root = span.root
    return ("\n" not in span_text(span) and not span[0].is_punct and span[0].dep_ != "case"
            and root.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and not view.quoted[root.i]
            and not (span[0].is_sent_start and root.i == span[0].i and root.tag_ == "VBZ"))
