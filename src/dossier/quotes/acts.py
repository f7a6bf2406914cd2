"""What act a quote reports (issue 20): speech, a belief, or nothing a quote should
hold. The word classes are lists of ``data/quote_cues.toml`` (``belief_verbs``,
``nonspeech_verbs``, ``evidence_verbs``, ``refusal_verbs``, ``speaking_nouns``).

- speech: "said", "told", "announced", "according to", every quotation in marks;
- belief: "thinks", "believes", "hopes", "wants", "sees X as Y", "was confident
  that …" (kept with ``act = "belief"``; default views show speech only);
- no quote: perception, stance, liking, evidence and causation ("likes", "backed",
  "the results show", "encouraged", "will determine how"), evidence verbs whose
  source is no one who speaks ("election results suggest"), and the complement of a
  refused, denied or negated speech act ("refusing to say he still saw China as a
  threat" says nothing of China).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.parse.tree import children
from dossier.quotes.book import BOOK, HYPOTHETICAL, NON_ACTOR
from dossier.quotes.lexicon import cues, lemma


class ArticleView(Protocol):
    """What these rules read of :class:`dossier.quotes.view.ArticleView` (which
    imports this module): the tokens between two source offsets."""

    def span_at(self, a: int, b: int, mode: str = "strict") -> Span | None: ...

# Entity types of a source that speaks (a person, a group, an organisation, a state).
_SPEAKING_ENTS = ("PERSON", "ORG", "NORP", "GPE")
# Pronouns that stand for someone who speaks (not "it", "which", "that").
_SPEAKING_PRONOUNS = ("he", "she", "they", "who", "we", "i", "you", "him", "her", "them",
                      "whom")
# Endings of nouns for people ("forecaster", "investigator", "economist", "politician",
# "resident", "employee") that speak though no list names them.
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")
# Numbers that name a group already named ("the two", "both").
_GROUP_NUMBERS = ("two", "three", "both")
# How a speech act governs what was (not) said: its complement clause or infinitive.
_COMPLEMENT = ("xcomp", "ccomp")


@BOOK.rule("cues", off="speech", name="belief")
def act_of(cue: Token | None, qtype: str) -> str:
    """A report of an attitude is a belief, not speech: "Sunak believes the UK must
    …", "she hopes to …", "he sees China as a threat", "was confident that …" (the
    cue's lemma in ``belief_verbs`` or ``belief_nouns``, or an attitude adjective).
    Words in quotation marks are speech whatever the cue."""
    if qtype != "indirect" or cue is None:
        return "speech"
    c = cues()
    lem = lemma(cue)
    if cue.pos_ == "ADJ" and lem in c.adjectives or cue.pos_ == "NOUN" and (
            lem in c.belief_nouns):
        return "belief"
    if finding(cue) or poll_share(cue):
        return "belief"
    return "belief" if cue.pos_ in ("VERB", "AUX") and (
        lem in c.belief or lem in c.stance) else "speech"


@BOOK.rule("cues", off=False)
def finding(cue: Token) -> bool:
    """A finding is no speech: "the study found that …", "tests revealed …", "polls
    suggest …", "the data indicate …" (an ``evidence_verbs`` cue whose subject is one
    of ``finding_sources``), and a poll's finding with no verb ("In a CBS News poll,
    she led Sanders 56 percent to 32 percent": the cue "in" a poll). Kept, typed as a
    belief (hidden by default views), since PolNeAR and readers who want findings
    still find them."""
    c = cues()
    if cue.dep_ == "prep" or cue.pos_ == "ADP":
        return any(o.dep_ == "pobj" and o.lemma_.lower() in c.evidence_nouns
                   for o in children(cue))
    if lemma(cue) not in c.evidence and lemma(cue) not in c.finding_verbs:
        return False
    subj = [x for x in children(cue) if x.dep_ in ("nsubj", "nsubjpass")]
    if not subj and cue.dep_ in ("relcl", "acl"):
        subj = [cue.head]  # "a poll released Monday that found …"
    return any(s.lemma_.lower() in c.finding_sources or s.lower_ in c.finding_sources
               for s in subj)


@cache
def _poll_share() -> tuple[frozenset[str], frozenset[str]]:
    d = load_toml("quote_cues.toml")["poll_share"]
    return frozenset(d["verbs"]), frozenset(d["heads"])


@BOOK.rule("cues", off=False)
def poll_share(cue: Token) -> bool:
    """A share of the people polled who "say" something is a poll's finding, not an
    act of speech: "70 percent of Americans say the senator should resign", "44
    percent of voters said they want a new election" (a verb of ``[poll_share]`` whose
    subject is a percentage); kept, typed as a belief (hidden by default views), as
    :func:`finding` keeps a study's. Not "a spokesman for 80 percent of the growers
    said" (the subject is the spokesman), nor "the senator said 70 percent of …"."""
    verbs, heads = _poll_share()
    if lemma(cue) not in verbs or cue.pos_ not in ("VERB", "AUX"):
        return False
    return any(x.dep_ == "nsubj" and (x.lower_ in heads or x.ent_type_ == "PERCENT"
                                      and x.pos_ in ("NOUN", "NUM", "SYM"))
               for x in children(cue))


@BOOK.rule("cues", off=False)
def not_speech(t: Token) -> bool:
    """Perception, stance, liking, evidence and causation are no quote: "Ron DeSantis
    and Nikki Haley clearly despise each other", "he backed the bill", "the results
    show how difficult building energy infrastructure has become", "the open
    questions that will determine how …" (``nonspeech_verbs``, ``nonspeech_nouns``);
    "sees Cruz as a uniter" stays (a view: a belief)."""
    c = cues()
    lem = lemma(t)
    if t.pos_ == "NOUN":
        return lem in c.nonspeech_nouns
    if lem not in c.nonspeech or held_stance(t) or shown_finding(t):
        return False
    return not (lem in c.as_verbs and any(
        x.dep_ == "prep" and x.lower_ == "as" and x.i > t.i for x in children(t)))


@BOOK.rule("cues", off=False)
def held_stance(t: Token) -> bool:
    """A stance someone holds toward someone or something is kept, typed as a belief
    (hidden by default views): "19 percent of the voters polled support Clinton", "the
    senator backed the governor in the primary", "a group backing Bush" (``stance_verbs``
    with an object, held by a person, a group, an organisation or a share of people;
    not "the beams support the roof", nor a passive: "was backed by …")."""
    c = cues()
    if lemma(t) not in c.stance or not any(x.dep_ == "dobj" for x in children(t)) or any(
            x.dep_ in ("auxpass", "nsubjpass") for x in children(t)):
        return False
    holder = [x for x in children(t) if x.dep_ == "nsubj"]
    if not holder and t.dep_ == "acl":
        holder = [t.head]  # "a group backing Bush"
    return any(_holds(h) for h in holder)


def _holds(h: Token) -> bool:
    """Whether a subject can hold a view: a name, a personal pronoun, a share of people
    ("19 percent", "most"), or a noun of ``speaking_nouns``, ``around_heads``,
    ``quantifier_sources``."""
    c = cues()
    lem = h.lemma_.lower()
    return (h.ent_type_ in _SPEAKING_ENTS or h.pos_ == "PROPN" or h.ent_type_ == "PERCENT"
            or h.lower_ in _SPEAKING_PRONOUNS or lem in c.speaking_nouns or lem in c.around
            or lem in c.quantifiers or h.pos_ == "NUM")


@BOOK.rule("cues", off=False)
def shown_finding(t: Token) -> bool:
    """What a poll, a survey or records show is a finding, kept, typed as a belief
    (:func:`finding`): "A new poll shows the governor trailing her challenger by six
    points", "Census data show that rents rose" (``finding_verbs`` with a subject of
    ``finding_sources``; not "the delays show how difficult …", nor "research showing
    that …", which has no subject of its own)."""
    c = cues()
    return lemma(t) in c.finding_verbs and any(
        x.dep_ == "nsubj" and (x.lemma_.lower() in c.finding_sources
                               or x.lower_ in c.finding_sources) for x in children(t))


@BOOK.rule("cues", off=False)
def refused(t: Token) -> bool:
    """A refused, denied or negated speech act yields no quote, nor does what it would
    have said: "struck a more conciliatory tone by refusing to say he still saw China
    as a threat" (neither "to say …", nor "he still saw China as a threat"),
    "declined to comment on whether …", "did not say he would resign, and would not
    confirm that he believes …" (``refusal_verbs``; a negated one of
    ``unsaid_when_negated``)."""
    c = cues()
    if lemma(t) in c.refusal and any(
            x.dep_ in _COMPLEMENT and ((lx := lemma(x)) in c.verbs or lx in c.unsaid_when_negated)
            for x in children(t)):
        return True  # "refused to say …", "declined to comment"
    k = t
    while k.dep_ in (*_COMPLEMENT, "conj") and k.head.i != k.i:
        head = k.head
        hl = lemma(head)
        if k.dep_ != "conj" and (hl in c.refusal or hl in c.unsaid_when_negated and any(
                x.dep_ == "neg" or x.lower_ == "never" for x in children(head))):
            return True
        k = head
    return False


@BOOK.rule("cues", off=1.0)
def hypothetical(cue: Token | None, qtype: str) -> float:
    """The most a report gets of speech that may never have happened
    (:data:`~dossier.quotes.book.HYPOTHETICAL`): "Critics would say the plan is too
    expensive", "If asked, he might say that the deal was never on the table" (a cue
    a modal of ``hypothetical_modals`` governs; not "She would later say that …" nor
    "would say only that …", a ``later_adverbs`` act; quotations in marks were said)."""
    if qtype == "direct" or cue is None:
        return 1.0
    c = cues()
    kids = [x.lower_ for x in children(cue) if x.dep_ in ("aux", "advmod")]
    if cue.i + 1 < len(cue.doc):
        kids.append(cue.doc[cue.i + 1].lower_)
    return HYPOTHETICAL if any(k in c.hypothetical for k in kids) and not any(
        k in c.later for k in kids) else 1.0


def speaks(view: ArticleView, speaker: dict[str, Any] | None) -> bool:
    """Whether a speaker can speak: an actor the actor stage linked, a personal
    pronoun, a name, or a noun phrase headed by a person, group, institution or one of
    their documents (``speaking_nouns``, ``around_heads``, ``colon_sources``,
    ``quantifier_sources``); not "it", "thousands", "an assault", "the bloodshed"."""
    if speaker is None or speaker.get("actor_id"):
        return True
    ph = speaker.get("phrase") or speaker
    span = view.span_at(ph["start"], ph["end"], "expand")
    if span is None or not len(span):
        return True
    c = cues()
    root = span.root
    if speaker.get("via") == "pronoun" or root.pos_ == "PRON":  # "they both", "some"
        return (root.lower_ in _SPEAKING_PRONOUNS or root.lower_ in c.quantifiers
                or org_pronoun(speaker, ph))
    if root.pos_ == "NUM":
        return root.lower_ in _GROUP_NUMBERS  # "the two", not "thousands"
    words = c.speaking_nouns | c.around | c.colon_sources | c.quantifiers
    lem = root.lemma_.lower()
    return (any(t.ent_type_ in _SPEAKING_ENTS for t in span)
            or root.pos_ == "PROPN" or lem in words or root.lower_ in words
            or len(lem) > 4 and lem.endswith(_PERSON_ENDINGS)
            or any(t.lemma_.lower() in words for t in span if t.dep_ == "conj"))


@BOOK.rule("speakers", off=False)
def org_pronoun(speaker: dict[str, Any], phrase: dict[str, Any]) -> bool:
    """An "it" the actor stage resolved to an organisation speaks under that
    organisation's name: "Acme Corp. cut 500 jobs. “We regret the decision,” it said in
    a statement." is Acme Corp. (unlinked when the link is unsure: ``unsure_org``);
    an "it" resolved to nobody, or to a thing, keeps "it" and cannot speak ("“…,” it
    read" is a document's)."""
    return speaker.get("via") == "unlinked" and bool(speaker.get("name")) and (
        speaker["name"] != phrase.get("text"))


@BOOK.rule("speakers", off=False)
def evidence_only(view: ArticleView, cue: Token, speaker: dict[str, Any] | None) -> bool:
    """An evidence verb with a source that does not speak is no quote: "election
    results suggest …", "a study found …" (not "Xi suggested the two should …", "the
    judge found that …": ``evidence_verbs``)."""
    return lemma(cue) in cues().evidence and not speaks(view, speaker)


@BOOK.rule("speakers", off=1.0)
def non_actor(view: ArticleView, speaker: dict[str, Any] | None) -> float:
    """The most a quote gets whose source cannot speak: "it", "thousands", "an
    assault", "the bloodshed" (:data:`~dossier.quotes.book.NON_ACTOR`)."""
    return 1.0 if speaks(view, speaker) else NON_ACTOR
