"""The cue lexicon (``data/quote_cues.toml``): speech, belief and stance words by the
shape of their content, read once; a token's cue lemma, and the tense of a cue."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from dossier.data import load_toml
from dossier.parse.texts import doc_text
from dossier.parse.tree import children

# How far back in a cue's sentence a future phrase ("is expected to") may stand
# before the cue, in characters ("is expected to warn", "is set to tell").
FUTURE_REACH = 40


@dataclass(frozen=True)
class Lexicon:
    """The lists of the data file, by what they are for (see its comments)."""

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
    belief: frozenset[str]
    belief_nouns: frozenset[str]
    nonspeech: frozenset[str]
    nonspeech_nouns: frozenset[str]
    evidence: frozenset[str]
    speaking_nouns: frozenset[str]
    refusal: frozenset[str]
    topic: frozenset[str]
    finding_sources: frozenset[str]
    stance: frozenset[str]
    finding_verbs: frozenset[str]
    unnamed_passive: frozenset[str]
    hypothetical: frozenset[str]
    later: frozenset[str]
    notes_headings: frozenset[str]
    plain: frozenset[str]  # plain speech verbs as written ("said", "told")
    state_bodies: dict[str, str]  # a state's body's noun -> its CAMEO sector
    spokespeople: frozenset[str]  # who speaks for a body ("spokesman", "spokeswoman")
    going_on: frozenset[str] = frozenset()  # "He added, “…”": the same act goes on


@cache
def cues() -> Lexicon:
    """The data file's lists (read once)."""
    d = load_toml("quote_cues.toml")
    return Lexicon(frozenset(d["verbs"]), frozenset(d["reporting_verbs"]),
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
                   frozenset(d["listener_verbs"]), frozenset(d["according_to_measures"]),
                   frozenset(d["belief_verbs"]), frozenset(d["belief_nouns"]),
                   frozenset(d["nonspeech_verbs"]), frozenset(d["nonspeech_nouns"]),
                   frozenset(d["evidence_verbs"]), frozenset(d["speaking_nouns"]),
                   frozenset(d["refusal_verbs"]), frozenset(d["topic_verbs"]),
                   frozenset(d["finding_sources"]), frozenset(d["stance_verbs"]),
                   frozenset(d["finding_verbs"]), frozenset(d["unnamed_passive_verbs"]),
                   frozenset(d["hypothetical_modals"]), frozenset(d["later_adverbs"]),
                   frozenset(d["notes_headings"]), frozenset(d["plain_cues"]),
                   dict(d["state_bodies"]),
                   frozenset(d["org_speakers"]["spokesperson_heads"]),
                   going_on=frozenset(d["going_on_verbs"]))


@cache
def verb_lemmas() -> frozenset[str]:
    """Every verb cue of the lists, whatever its content. ``reported_cues`` skips a
    verb whose lemma is not here before it reads any list, so every verb list that
    walk reads must be in this union (tests/quotes/test_reported.py checks both)."""
    c = cues()
    return (c.clausal | c.intent | c.objects | frozenset(c.preps) | c.reporting
            | c.as_verbs)


def lemma(t: Token) -> str:
    """The lemma, or for a verb the lemmatizer got wrong ("hopes" → "hop") the cue
    its inflection strips to."""
    lem = t.lemma_.lower()
    if lem in verb_lemmas() or t.pos_ not in ("VERB", "AUX"):  # (the set first: pos_ costs)
        return lem
    return next((c for c in _stems(t.lower_) if c in verb_lemmas()), lem)


def _stems(w: str) -> tuple[str, ...]:
    """What a verb's inflection may strip to: "hopes" → "hope", "hop"."""
    return ((w[:-1], w[:-2]) if w.endswith(("s", "ed")) else
            (w[:-3] + "e", w[:-3]) if w.endswith("ing") else ())


def stripped_cue(word: str) -> bool:
    """Whether a (lower-cased) word's inflection strips to a verb cue, as
    :func:`lemma` reads a verb the lemmatizer got wrong (``any`` over :func:`_stems`,
    written out: it is asked of every distinct word of an article)."""
    if word.endswith(("s", "ed")):
        verbs = verb_lemmas()
        return word[:-1] in verbs or word[:-2] in verbs
    if word.endswith("ing"):
        verbs = verb_lemmas()
        return word[:-3] + "e" in verbs or word[:-3] in verbs
    return False


def is_cue(t: Token) -> bool:
    """A speech verb (``verbs``)."""
    return t.pos_ in ("VERB", "AUX") and lemma(t) in cues().verbs


def tense(cue: Token) -> str:
    """past, present or future ("will say", "is expected to warn")."""
    c = cues()
    aux = {a.lower_ for a in children(cue) if a.dep_ == "aux"}
    if aux & c.future:
        return "future"
    before = _words_before(cue, FUTURE_REACH)
    if any(p in before for p in c.future_phrases):
        return "future"
    if cue.tag_ in ("VBD", "VBN") or "Past" in cue.morph.get("Tense", []):  # (tag first: cheap)
        return "past"
    return "present"


def _words_before(cue: Token, reach: int) -> str:
    """The last ``reach`` characters of the cue's sentence up to the cue's end, lower-
    cased, read from the few tokens before it (not the whole sentence's text)."""
    sent, doc = cue.sent, cue.doc
    end = cue.idx + len(cue.text)
    lo = max(sent.start_char, end - 2 * reach)
    j = cue.i
    while j > sent.start and doc[j].idx > lo:
        j -= 1
    first = doc[j].idx
    text = doc_text(doc)[first:end]  # (the tokens' texts with their spaces, cut once)
    low = text[lo - first :].lower()
    if len(low) != end - lo or "Σ" in text:  # (lower-cased otherwise in the sentence)
        low = sent.text[: end - sent.start_char].lower()
    return low[-reach:]


@cache
def colon_preps() -> frozenset[str]:
    """Words that end the name before a colon ("Clinton to Planned Parenthood: …")."""
    return frozenset(load_toml("quote_cues.toml")["colon_preps"])


def attribution_phrases(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of "according to", "in the words of" … (data file)."""
    key = id(doc.vocab)
    m = _PHRASE_MATCHERS.get(key)
    if m is None:
        m = PhraseMatcher(doc.vocab, attr="LOWER")
        m.add("ATTR", [Doc(doc.vocab, words=phrase.split())
                       for phrase in load_toml("quote_cues.toml")["according_to"]])
        _PHRASE_MATCHERS[key] = m
    return sorted((s, e) for _, s, e in m(doc))


_PHRASE_MATCHERS: dict[int, PhraseMatcher] = {}
