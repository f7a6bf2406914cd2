"""A speaker the story calls by an epithet instead of the name ("“…,” said the actor",
"the “Pose” actor previously said"): the person who spoke the quotation just before,
when nothing else could be meant (issue 18, session 17). Its nouns are ``epithets`` in
``[speaker_names]`` of ``data/quote_cues.toml``."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.quotes.book import BOOK, RESOLVED, UNLINKED
from dossier.quotes.mentions import mention_speaker, source_phrase
from dossier.quotes.orgrefs import window_start
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import TRUSTED_LINK

# The quotation whose speaker an epithet takes stands at most this many paragraphs
# before it (as a paragraph that is only a quotation continues the last speaker).
EPITHET_PARAGRAPHS = 2
# Words that make the noun someone else's or someone new: "his co-star", "a
# fellow actor", "another singer".
_OTHERS = frozenset(("a", "an", "another", "one", "fellow", "other", "his", "her", "their",
                     "its", "my", "our", "your", "whose", "each", "every", "some"))
# Nouns before a title that make it someone else's: "the rival player".
_RIVALS = frozenset(("rival", "opposing", "opponent", "opposition", "challenger", "defense",
                     "defence", "prosecution", "team", "club", "party", "campaign", "family"))


@cache
def epithet_nouns() -> frozenset[str]:
    return frozenset(load_toml("quote_cues.toml")["speaker_names"]["epithets"])


@BOOK.rule("speakers", off=None)
def epithet(view: ArticleView, speaker: SpeakerDict, last: tuple[SpeakerDict | None, int],
            last_end: int, para: int) -> tuple[SpeakerDict, float] | None:
    """An unlinked "the <epithet>" speaking a quotation is the person who spoke the one
    before, in the same paragraph or at most two before: "“We lost the baby,” Jim Ostrow
    said. … “It makes you more human,” said the actor" (Ostrow). Not when a person is
    named outside quotations between the two (either could be meant), when the story
    has used the noun with "a", "another", "his" … before (someone else, or someone
    unnamed: "A doctor at the scene tried to help. … “…,” the doctor said"), nor for
    a noun with a possessor or a name of its own ("the band's singer", "the actor
    Tom Hanks", which the actor stage links)."""
    who, at = last
    if (who is None or speaker.get("actor_id") is not None or who.get("actor_id") is None
            or para - at > EPITHET_PARAGRAPHS or speaker.get("via") != "unlinked"):
        return None
    span = view.span_at(speaker["start"], speaker["end"])
    if span is None or not _bare_epithet(span):
        return None
    head = span.root
    person = {m.actor_id for m in view.parsed.mentions if m.type == "person"}
    if who["actor_id"] not in person:
        return None
    lo = view.local(last_end)
    doc, quoted = view.doc, view.quoted
    for t in doc[: span.start]:
        if t.idx >= lo and not quoted[t.i] and (m := view.by_token.get(t.i)) is not None \
                and m.type == "person" and m.actor_id != who["actor_id"]:
            return None  # someone else named in between
        if t.lemma_.lower() == head.lemma_.lower() and not quoted[t.i] and t.pos_ == "NOUN" \
                and any(c.lower_ in _OTHERS for c in t.children):
            return None  # "a doctor", "another actor", "his co-star" before
    sp: SpeakerDict = {**who, "start": speaker["start"], "end": speaker["end"],
                       "via": "pronoun", "phrase": speaker.get("phrase")}
    return sp, UNLINKED


def _bare_epithet(span: Span) -> bool:
    """"the actor", "the former star", "the “Pose” actor": "the", modifiers that are no
    possessor nor name of a person, and a singular epithet noun at the end."""
    head = span.root
    if (span[0].lower_ != "the" or head.i != span[-1].i or head.tag_ != "NN"
            or head.lemma_.lower() not in epithet_nouns()):
        return False
    return not any(t.dep_ == "poss" or t.ent_type_ == "PERSON" or t.lower_ in _OTHERS
                   for t in span[1:-1])


@cache
def title_nouns() -> frozenset[str]:
    return epithet_nouns() | frozenset(load_toml("quote_cues.toml")["speaker_names"]["titles"])


@cache
def _names_words(key: str) -> frozenset[str]:
    return frozenset(load_toml("quote_cues.toml")["speaker_names"][key])


@BOOK.rule("speakers", off=None)
def named_before(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """An unlinked "the <title>" or "the <place> <title>" that speaks is the one person
    the paragraph before (or its own, up to the phrase) names outside quotations:
    "Marco Rubio says the race has three candidates. ⏎ The Florida senator is
    predicting that he will win" (Rubio). Not when two people are named there (either
    could be meant), when the story has used the noun with "a", "another", "his" …
    before, nor for a noun with a possessor ("the band's singer"). The person found
    speaks at ``RESOLVED``, as a role the actor stage resolves: at ``UNLINKED``
    "Last winter, the Vermont senator said, the press considered him a “lost
    cause”" fell to 0.27 as a partial quote of an unlinked speaker."""
    head = span.root
    if not (_bare_title(span) and (head.lemma_.lower() in title_nouns() or party_member(head))):
        return None
    lo = window_start(view, head)
    doc, quoted = view.doc, view.quoted
    who = None
    for t in doc[: span.start]:
        if t.lemma_.lower() == head.lemma_.lower() and not quoted[t.i] and t.pos_ == "NOUN" \
                and any(c.lower_ in _OTHERS for c in t.children):
            return None  # "a senator", "another actor" before: someone unnamed
        m = view.by_token.get(t.i)
        if t.idx < lo or quoted[t.i] or m is None or m.type != "person" or m.via == "pronoun":
            continue
        if who is not None and m.actor_id != who.actor_id:
            return None  # two people: either could be meant
        who = m
    if who is None or who.confidence < TRUSTED_LINK:
        return None
    sp = mention_speaker(who)
    sp.update(start=view.start(span), end=view.end(span), via="pronoun",
              phrase=source_phrase(view, list(span)))
    return sp, RESOLVED  # a role resolved to a person (8 of 8 right on PolNeAR train)


def _bare_title(span: Span) -> bool:
    """"the senator", "the Florida senator", "the independent Vermont senator": "the",
    adjectives or proper nouns (no possessor, no person's name), a singular noun (or a
    party's member, "the Wisconsin Republican"); nouns before a head they describe,
    "the billionaire businessman"; not a rival's ("the rival player", "the opposing
    coach")."""
    head = span.root
    return (span[0].lower_ == "the" and head.i == span[-1].i
            and (head.tag_ == "NN" or party_member(head))
            and all(t.dep_ in ("amod", "compound", "nmod") and (
                t.pos_ in ("ADJ", "PROPN") or described_title(t, head))
                    and t.ent_type_ != "PERSON" and t.lower_ not in _OTHERS
                    and t.lower_ not in _RIVALS for t in span[1:-1]))


@BOOK.rule("speakers", off=False)
def described_title(t: Token, head: Token) -> bool:
    """A noun before a head it describes is part of the title: "Donald Trump is
    telling supporters that … ⏎ The billionaire businessman says …" (Trump), "the
    pop star" (heads in
    ``noun_described`` of ``[speaker_names]``); not before a title of office or of
    someone's counsel ("the defense lawyer", "the state senator": another person, or
    another office, may be meant), nor a rival ("the rival player")."""
    return t.pos_ == "NOUN" and head.lemma_.lower() in _names_words("noun_described")


@BOOK.rule("speakers", off=False)
def party_member(head: Token) -> bool:
    """A member of a party called by the party's name is a title like "the senator":
    "House Speaker Paul Ryan says the actions are an overreach. ⏎ The Wisconsin
    Republican says in a statement …" (Ryan; ``party_members`` of
    ``[speaker_names]``); not the party itself ("the Republican Party": another head),
    nor a plural ("the Republicans")."""
    return head.tag_ == "NNP" and head.lower_ in _names_words("party_members")
