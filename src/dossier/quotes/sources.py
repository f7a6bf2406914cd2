"""Speakers named without a speech verb: after a dash that closes a quotation, before
a colon that opens one or a line, and after "according to" (the data file's
attribution phrases)."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.lexicon import colon_preps, cues
from dossier.quotes.marks import MARKS
from dossier.quotes.mentions import mention_speaker, raw_speaker, subject_mention
from dossier.quotes.orgs import spokesperson_of
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import Mention

# The longest name after a dash (tokens) and before a colon (tokens of the line's
# head; words of the name).
DASH_NAME_MAX = 6
COLON_HEAD_MAX = 10
COLON_NAME_MAX = 5
# "according to" takes at most this many words with no object in the parse (and a
# relay's name stands within as many after it).
ACCORDING_TO_WORDS = 6

_DASH = re.compile(r"[ \t]*[―—–]+[ \t]*")


@BOOK.rule("speakers", off=None, name="dash")
def dash_speaker(view: ArticleView, b: int) -> SpeakerDict | None:
    """The name after a dash that closes a quotation: "“…” ― Maria Lopez"."""
    doc, text = view.doc, view.text
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
    if not names or len(names) > DASH_NAME_MAX:
        return None
    mention = view.mention_in(names)
    if mention is not None:
        return mention_speaker(mention, view, names)
    return raw_speaker(view, names, "unlinked")


@BOOK.rule("speakers", off=None, name="colon")
def colon_speaker(view: ArticleView, content: Span) -> Mention | None:
    """The actor named right before "…: “" that opens a quotation."""
    doc = view.doc
    j = content.start - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in ("“", '"')):
        j -= 1
    if j < 1 or doc[j].text != ":":
        return None
    m = view.by_token.get(doc[j - 1].i)
    if m is None or m.type not in ("person", "org"):
        return None
    # the name must open its clause ("Trump: “…"), not end a longer one
    first = doc[j - 1]
    while first.i > 0 and view.by_token.get(first.i - 1) is m:
        first = doc[first.i - 1]
    if first.i > 0 and not (doc[first.i - 1].is_punct or doc[first.i - 1].is_space
                            or first.is_sent_start):
        return None
    return m


_NAME_TAGS = ("PROPN",)


# Words of a turn of speech in a transcript (first and second person).
_SPEAKER_WORDS = frozenset(("i", "we", "you", "me", "us", "my", "our", "your", "i'm", "we're",
                            "i’m", "we’re"))

_TURN_OPENERS = frozenset(("well", "look", "yes", "no", "oh", "so", "thank", "thanks",
                           "okay", "ok", "sure", "listen", "again", "now", "first"))

_NOT_NAMES = ("GPE", "LOC", "DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART", "CARDINAL")


@BOOK.rule("speakers", off=None)
def colon_name(view: ArticleView, head: Span, colon: int, end: int) -> list[Token] | None:
    """The speaker before a colon that opens a line: "PENCE: …", "Lynch: No outside
    influence …", "Clinton to Planned Parenthood: …" (the name before "to"/"on"/"at"),
    "Poll: …" (a source noun of the data file)."""
    if not 0 < len(head) <= COLON_HEAD_MAX:
        return None
    toks = list(head)
    cut = next((k for k, t in enumerate(toks) if k > 0 and t.lower_ in colon_preps()),
               len(toks))
    name = toks[:cut]
    if len(name) == 1 and len(name[0].text.rstrip(".")) == 1:
        return None  # an interview's "Q:" and "A:" name nobody (a turn without speaker)
    if name[0].lower_ == "dear":
        return None  # an advice column's "DEAR BEATEN UP: …" names the one addressed
    if name[0].text in ("-", "–", "—", "•", "*") or any(t.text in ("AND", "OR") for t in name):
        return None  # a live page's headings: "- HOPE AND LOSS: Your stories"
    if not 0 < len(name) <= COLON_NAME_MAX or (
            cut == len(toks) and len(toks) > COLON_NAME_MAX) or not all(
            t.pos_ in _NAME_TAGS or t.is_upper or t.is_title or t.text in (".", "-")
            for t in name):
        return None
    m = view.mention_in(name)
    if m is not None and m.via == "metonym":
        return None  # "Washington: …", a dateline or a section, not the state speaking
    if colon_dateline(view, head, name) or furniture(view, head, name, m) or caption_credit(
            name) or glued_credit(toks[-1]):
        return None
    if all(t.is_upper or t.is_punct for t in name):
        return name  # a transcript's "PENCE: …"
    if m is not None or any(t.ent_type_ in ("PERSON", "ORG") for t in name):
        return name
    if any(t.ent_type_ in _NOT_NAMES for t in name):
        return None
    if name[-1].lower_ in cues().colon_sources:
        return name
    # a headline's bare surname ("Lynch: …"): one or two capitalised words before
    # a clause with a verb
    body = view.doc.char_span(colon + 1, end, alignment_mode="contract")
    if (len(name) <= 2 and all(t.is_title for t in name) and body is not None
            and any(t.pos_ in ("VERB", "AUX") for t in body)):
        return name
    return None


@BOOK.rule("speakers", off=None)
def according_to(view: ArticleView, sent: Span) -> SpeakerDict | None:
    """The source after "according to" in a quotation's sentence: an actor, or the
    noun phrase itself ("according to the corporation"), never past the sentence."""
    doc = view.doc
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
            found = attributed_source(view, doc[t.i + 1], sent.end)
            return found[0] if found is not None else None
    return None


def attributed_source(view: ArticleView, last: Token, stop: int
                       ) -> tuple[SpeakerDict, list[Token]] | None:
    """The speaker an attribution phrase ending at ``last`` ("according to", "in the
    words of") names, and its tokens: the object's noun phrase (an actor, or the
    phrase itself: "according to a new poll"), or, with no object in the parse, the
    words up to the next punctuation (at most six, before ``stop``). None for a
    measure ("according to their flat size") or no noun at all."""
    doc = view.doc
    objs = [c for c in children(last) if c.dep_ == "pobj"]
    if objs and measure(objs[0]):
        return None
    if objs:
        src = list(objs[0].subtree)
    else:
        src = list(doc[last.i + 1 : min(stop, last.i + ACCORDING_TO_WORDS + 1)])
        src = src[: next((k for k, x in enumerate(src) if x.is_punct), len(src))]
    if not src:
        return None
    m = subject_mention(view, src) if objs else view.mention_in(src)
    if m is not None:
        return mention_speaker(m, view, src), src
    if objs and (owner := according_to_owner(view, view.doc[src[0].i : src[-1].i + 1])):
        return owner, src
    if any(x.pos_ in ("NOUN", "PROPN") for x in src):
        return raw_speaker(view, src, "unlinked"), src
    return None


@BOOK.rule("speakers", off=None)
def according_to_owner(view: ArticleView, span: Span) -> SpeakerDict | None:
    """"According to" a statement, report or spokesperson of an organisation is that
    organisation, as "a statement from Acme said" is: "Ithilen Robotics Inc. cut 300
    jobs. ⏎ “We regret the decision,” according to a statement from Ithilen Robotics
    Inc." (Ithilen Robotics Inc., not the phrase); "according to a company
    spokesperson" (the company named before). Not a person's ("according to a
    spokesman for Warner" stays the phrase), nor an official or representative, who
    may be an insider rather than the body's voice ("according to a senior
    administration official": ``not_after_according`` of ``[org_speakers]``)."""
    if span.root.lemma_.lower() in _not_according():
        return None  # "according to a senior administration official": an insider
    found = spokesperson_of(view, span)
    return found[0] if found is not None else None


@cache
def _not_according() -> frozenset[str]:
    return frozenset(load_toml("quote_cues.toml")["org_speakers"]["not_after_according"])


@BOOK.rule("speakers", off=False)
def colon_dateline(view: ArticleView, head: Span, name: list[Token]) -> bool:
    """A place in capitals before the article's first colon is its dateline, no
    speaker: "SARAJEVO: Eight youngsters died …"."""
    return (all(t.is_upper or t.is_punct for t in name)
            and not view.text[: head.start_char].strip(MARKS + "\n")
            and view.geo.is_place(" ".join(t.text for t in name)))


@cache
def _credit_words() -> frozenset[str]:
    return frozenset(load_toml("quote_cues.toml")["caption_credit"]["words"])


@BOOK.rule("speakers", off=False)
def caption_credit(name: list[Token]) -> bool:
    """A caption's credit is no quote: "Susan Rice Image: White House.", "Joe Biden
    Photo: Gage Skidmore" — the words before the colon end with a credit word
    (``[caption_credit]``) after a name; not "Rice: We will not sign" (a name alone is
    a headline's or a transcript's speaker)."""
    return len(name) > 1 and name[-1].lower_ in _credit_words()


@BOOK.rule("speakers", off=False)
def glued_credit(last: Token) -> bool:
    """A caption's credit glued to the pictured name by a page that lost the line break
    between them is no quote either: "Jo JorgensenImage: Jo Jorgensen for President.",
    "Jorgensen in July 2020.Image: Gage Skidmore." — the last word before the colon ends
    with a capitalised credit word (``[caption_credit]``) right after a lower-case
    letter, or a full stop after a word or a number; not "Rice: …", "McImage: …" (a name
    that only ends so)."""
    text = last.text
    for word in _credit_words():
        glued = text[: -len(word)]
        if (len(glued) >= 3 and text.lower().endswith(word) and text[-len(word)].isupper()
                and (glued[-1].islower() or glued[-1] == "." and glued[-2].isalnum())):
            return True
    return False


@BOOK.rule("speakers", off=False)
def furniture(view: ArticleView, head: Span, name: list[Token], m: Mention | None) -> bool:
    """Page furniture before a colon is no speaker: a label ("Read more:", "Source:",
    "Disclaimer:", "New Release:", `colon_labels`), a word with digits ("6A:"), a place
    in capitals ("NEW DELHI: …"), and a heading in capitals ("EUROPEAN GROWTH:",
    "CURRENCIES: The dollar rose …") unless it is a turn of speech (a person, a body in
    the first or second person or a question, "PENCE: Well, …"), opens another line of
    the page (a transcript) or names someone the article names ("Mike Pence")."""
    text = view.text
    label = head.text.lower().strip(" -–—•*|")
    if label in cues().colon_labels or " ".join(t.lower_ for t in name) in cues().colon_labels:
        return True
    if any(any(ch.isdigit() for ch in t.text) for t in name):
        return True
    if not all(t.is_upper or t.is_punct for t in name):
        return False
    if m is not None and m.type == "person" or any(t.ent_type_ == "PERSON" for t in name):
        return False
    # a turn of speech speaks in the first or second person, opens with "Well," or
    # asks ("JORDAN: We have waited …"); a section's news does not ("CURRENCIES: The
    # dollar rose …")
    line_end = text.find("\n", head.end_char)
    body = view.doc.char_span(head.end_char + 1, len(text) if line_end < 0 else line_end,
                              alignment_mode="contract")
    if body is not None and len(body) and (body[0].lower_ in _TURN_OPENERS or any(
            t.lower_ in _SPEAKER_WORDS or t.text == "?" for t in body)):
        return False
    words = " ".join(t.text for t in name if not t.is_punct)
    if view.geo.is_place(words.title()) or view.geo.is_place(words):
        return True
    if text.count(f"\n{head.text}:") + text.startswith(f"{head.text}:") > 1:
        return False  # "PENCE: …" again and again: a transcript
    last = name[-1].text.rstrip(".").title()
    return not (len(last) > 1 and last in text)  # "Pence" named in the text


@BOOK.rule("speakers", off=False)
def measure(obj: Token) -> bool:
    """A measure or a rule after "according to" is no source: "the amounts each
    household receives, according to their flat size" (``according_to_measures``)."""
    return obj.lemma_.lower() in cues().measures
