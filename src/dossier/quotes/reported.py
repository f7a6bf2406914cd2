"""The reported-speech strategy: speech, beliefs and stances without quotation marks.
A cue of the data file (by the shape of its content: clause, infinitive, object,
preposition, noun, adjective) and its content read off the parse give an indirect
quote, unless a quotation already holds it or it is the speech of someone inside it.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc, Span, Token

from dossier.parse import ParsedArticle
from dossier.parse.texts import span_text
from dossier.parse.tree import children
from dossier.quotes.acts import evidence_only, not_speech, refused
from dossier.quotes.book import BOOK, CARRIED, REPORT_MAX, SHAPE_MAX, UNRESOLVED
from dossier.quotes.bounds import bounded
from dossier.quotes.clauses import (
    Content,
    clause_content,
    inserted_content,
    misparsed_clause,
    on_cue_line,
    set_off,
    span_of,
)
from dossier.quotes.cues import reported_via
from dossier.quotes.lexicon import cues, is_cue, lemma, stripped_cue, tense, verb_lemmas
from dossier.quotes.mentions import mention_speaker, raw_speaker, subject_mention
from dossier.quotes.objects import (
    bare_name,
    infinitive_content,
    nominal_content,
    not_these_objects,
    noun_owner,
    object_content,
    predicated,
    prep_content,
    unlabelled,
)
from dossier.quotes.speakers import Found, speaker_of, subject
from dossier.quotes.view import ArticleView, make_quote
from dossier.records import Quote

_CUE_POS = frozenset({"NOUN", "ADJ", "VERB", "AUX"})

# A cue (token), its content and the content's shape.
Report = tuple[Token, Span, str]


def reported_cues(view: ArticleView) -> list[Report]:
    """Reported speech, beliefs and stances without marks: a cue (from the data file)
    and its content read off the parse, in one walk over the tokens.

    - clause: "X said (that) …", "…, X said.", "…, X said, …" (the cue inside);
    - infinitive: "X vowed to …", "X urged them to …";
    - object: "X criticised the plan", "X called it a hoax";
    - prepositional: "X called for …", "X spoke of …".
    """
    c = cues()
    text = view.text
    out: list[Report] = []
    tokens = view.parsed.tokens
    for i in cue_candidates(view.parsed):  # the others are never cues
        t = tokens[i]
        lem = lemma(t)
        if t.pos_ == "NOUN" and lem in c.nouns or t.pos_ == "ADJ" and lem in c.adjectives:
            if not_speech(t):
                continue
            nominal = nominal_content(t, c.noun_preps)
            if nominal is not None and len(nominal) >= 2:
                out.append((t, nominal, "noun" if t.pos_ == "NOUN" else "adjective"))
            continue
        if t.pos_ not in ("VERB", "AUX") or lem not in verb_lemmas():
            continue  # (a verb no cue list holds reads no content below: most verbs)
        if describes_noun(t):
            continue
        if lem in c.unsaid_when_negated and negated(t) or not_speech(t) or refused(t):
            continue
        found: Content | None = None
        if lem in c.clausal:
            found = clause_content(t)
        if found is None and lem in c.intent:
            found = infinitive_content(t)
        if found is None and lem in c.objects:
            found = object_content(t)
            if found is not None and (not_these_objects(lem, found)
                                      or unlabelled(t, lem, found)):
                found = None
        if found is None and lem in c.preps and not any(
                x.dep_ == "prt" and x.lower_ == "out" and x.head.i == t.i
                for x in children(t) if lem in c.complement_objects):
            found = prep_content(t, c.preps[lem])  # (not "called out Russia for …")
        if found is None and lem in c.as_verbs and any(
                x.dep_ == "prep" and x.lower_ == "as" and x.i > t.i for x in children(t)):
            found = object_content(t)  # "sees Cruz as a uniter"
        if found is None and lem in c.verbs:
            found = inserted_content(t) or misparsed_clause(t) or set_off(t)
        if found is not None:
            found = bounded(t, lem, found)
        if found is not None and "\n" in text[min(t.idx, found[0].start_char):
                                                   max(t.idx, found[0].end_char)]:
            found = on_cue_line(found, view, t)
        if found is not None and (len(found[0]) >= 2 or bare_name(t, lem, found)):
            out.append((t, found[0], found[1]))
    return out


# ``cue_candidates``' answers by lemma and word id, across articles (the lists are
# read once a process: ``cues``, ``verb_lemmas``)
_LISTED_LEMMA: dict[int, bool] = {}
_STRIPPED_CUE: dict[int, bool] = {}


def cue_candidates(parsed: ParsedArticle) -> list[int]:
    """The tokens, in order, :func:`reported_cues` reads further: a noun, adjective,
    verb or auxiliary whose lemma (lower-cased) a cue list holds, or whose inflection
    strips to a verb cue (:func:`~dossier.quotes.lexicon.lemma`). Lemmas and words are
    tested once per distinct value in the article, not once per token."""
    c = cues()
    listed = c.nouns | c.adjectives | verb_lemmas()
    by_lemma = parsed.where_text(LEMMA, lambda s: s.lower() in listed, _LISTED_LEMMA)
    by_word = parsed.where_text(LOWER, stripped_cue, _STRIPPED_CUE)
    if not by_lemma and not by_word:
        return []
    return sorted(set(parsed.where(POS, _CUE_POS)).intersection([*by_lemma, *by_word]))


@BOOK.rule("cues", off=False)
def describes_noun(t: Token) -> bool:
    """A participle that describes the noun before it is no cue: "an innovator focused
    on …"."""
    return (t.dep_ in ("acl", "advcl") and t.tag_ in ("VBN", "VBD") and t.i > 0
            and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN") and not any(
                x.dep_ in ("agent", "nsubj", "nsubjpass") for x in children(t)))


@BOOK.rule("cues", off=False)
def negated(t: Token) -> bool:
    """A speech act that did not happen (``unsaid_when_negated``): "X has not condemned
    the invasion", "did not say that …" (X said nothing)."""
    return any(k.dep_ == "neg" or k.lower_ == "never" for k in children(t))


@BOOK.rule("strategies", off=[])
def reported_speech(view: ArticleView, marked: list[tuple[int, int]],
                    direct: list[tuple[int, int]], partial: set[tuple[int, int]]
                    ) -> list[Quote]:
    """Indirect quotes: "The mayor said the bridge would close", "Trump's claim that
    …", unless the quotations found (``direct``, in text offsets) hold them."""
    text = view.text
    min_words = cues().min_words
    out: list[Quote] = []
    for t, span, kind in reported_cues(view):
        if any(qa < span.end_char and span.start_char < qb and not (
                (qa, qb) in partial and span.start_char < qa and qb < span.end_char)
               and not quoted_clause(t, span, kind, qa, qb, text) for qa, qb in direct):
            # the quotation is already there, with its marks (a few quoted words inside
            # a report keep both: "warned China not to become “too closely aligned”
            # with Russia")
            continue
        span = with_marks(span, text, [(qa, qb) for qa, qb in direct
                                       if qa < span.end_char and span.start_char < qb
                                       and quoted_clause(t, span, kind, qa, qb, text)])
        if mostly_quoted(view, t, span, kind, marked):
            continue
        if any(qa <= t.idx < qb and len(text[qa:qb].split()) >= min_words
               for qa, qb in marked):
            # a report inside quoted speech ("“They're here because he's promising to
            # give them free stuff,” Bennett shot back"): the quotation is the
            # speaker's, its he/she someone the speaker talks about
            continue
        if relayed(view, t, span):
            continue
        if kind == "noun":
            found = noun_speaker(view, t)
            if found is None:
                continue
            speaker, conf = found
        else:
            speaker, conf = speaker_of(view, t.head if kind == "adjective" else t,
                                       reported=True)
        if speaker is None and (whole := unnamed_passive(t, span)) is not None:
            span = whole  # "The bank is expected to raise rates again": no one named
        elif speaker is None and unnamed_question(t):
            pass  # "Asked if he would run again, …": the question, its asker unnamed
        elif speaker is None or evidence_only(view, t, speaker):
            continue
        speaker, conf = named_inside((speaker, conf), view, span)
        out.append(make_quote(view, span, "indirect", speaker, t, tense(t),
                              reported_via(view, t),
                              min(conf, REPORT_MAX, shape_confidence(kind))))
    return out


@BOOK.rule("speakers", off=None)
def unnamed_passive(t: Token, span: Span) -> Span | None:
    """A passive cue with no one named reports its subject and infinitive, with no
    speaker (a quote whose speaker is unknown): "The central bank is expected to
    raise its rates again in June" (``unnamed_passive_verbs``; not "it is expected
    that …", nor with an agent: "is expected by analysts to …" names them, nor a
    speech to come: "the mayor is expected to say that …" is the mayor's)."""
    if lemma(t) not in cues().unnamed_passive or t.tag_ != "VBN" or not any(
            x.dep_ == "auxpass" for x in children(t)) or any(
            x.dep_ == "agent" for x in children(t)):
        return None
    subj = [x for x in children(t) if x.dep_ == "nsubjpass" and x.i < t.i
            and x.lower_ not in ("it", "this", "that", "which", "who", "what")]
    xcomp = [x for x in children(t) if x.dep_ == "xcomp" and x.i > t.i and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in children(x))]
    if not subj or not xcomp or span.start < xcomp[0].left_edge.i or is_cue(xcomp[0]):
        return None
    whole = span_of(list(subj[0].subtree) + list(t.doc[t.i : xcomp[0].right_edge.i + 1]))
    return whole if whole is not None and "\n" not in whole.text else None


@BOOK.rule("speakers", off=False)
def unnamed_question(t: Token) -> bool:
    """A question put by someone unnamed, in a participle that opens its sentence, is
    a quote with no speaker: "Asked if he had ever been bullied, the candidate said
    no", "Asked about her plans for the bridge, the mayor smiled" (``question_verbs``
    as a past participle with no subject of its own)."""
    doc = t.doc
    return (lemma(t) in cues().questions and t.tag_ == "VBN" and t.dep_ in ("advcl", "ROOT")
            and not any(x.dep_ in ("nsubj", "nsubjpass", "agent") for x in children(t))
            and all(x.is_punct or x.is_space or x.lower_ in ("when", "once", "after")
                    for x in doc[t.sent.start : t.i]))


@BOOK.rule("content", off=1.0)
def shape_confidence(kind: str) -> float:
    """The most a report gets by the shape of its content (``SHAPE_MAX``): "Liz Truss
    condemned Rishi Sunak for U-turning on his decision" names a target, less sure
    to be what she said than "Truss said that Sunak had U-turned"."""
    return SHAPE_MAX.get(kind, REPORT_MAX)


# The fewest words of a reported clause outside the quotation it holds ("that" not
# counted) for the clause to be the content (see quoted_clause).
CLAUSE_AROUND_QUOTE = 3
_QUOTE_PUNCT = "“”\"',.!?' "
_OPENING_MARKS = "“\"'"


@BOOK.rule("content", off=False)
def quoted_clause(t: Token, span: Span, kind: str, qa: int, qb: int, text: str) -> bool:
    """A reported clause that holds a whole quotation and words of its own around it is
    the content, as annotators mark it, the quotation its part: "Gen. Dobbs said
    Senator Holt was “entirely correct” when she said that “the farmers have been
    left behind”", "With thousands of polling places, “there is no single point of
    failure,” he said" (not "He said that “…”": the quotation alone). The quotation's
    own record goes (``post.one_per_act``). Not a sentence around its own cue
    ("Asked about the device, the chief said, “…”"), a quotation another cue after it
    introduces ("He said the plan was “a disaster,” she said"), one followed by
    another act in the clause ("said he never used the term “amigos” and added, “…”")
    or narration ending in a colon before it ("By then she was half-surprised: “…”").
    ``text`` is the document's text (``Doc.text`` joins every token's on each call)."""
    doc = t.doc
    if (kind != "clause" or qa < span.start_char or span.start_char <= t.idx < span.end_char
            or text[span.end_char : qb].strip(_QUOTE_PUNCT)):
        return False
    if t.i < span.start and any(is_cue(x) for x in doc[span.end : _sentence_end(doc, span.end)]):
        return False  # ("He said the plan was “a disaster,” she said": hers)
    if any(is_cue(x) and (x.idx >= qb or x.dep_ == "conj")
           for x in doc[span.start : span.end]) or text[
            span.start_char : qa].rstrip(_QUOTE_PUNCT).endswith(":"):
        return False  # (another act after it: "… “amigos” and added, “…”"; narration
        # before a colon: "By then she was only half-surprised: “…”")
    around = (text[span.start_char : qa] + " " + text[qb : span.end_char]).split()
    return sum(1 for w in around if w.strip(_QUOTE_PUNCT).lower() not in ("", "that")
               ) >= CLAUSE_AROUND_QUOTE


def _sentence_end(doc: Doc, i: int) -> int:
    """The end of the sentence of the token before ``i``, read from the sentence starts
    (spaCy's ``Token.sent`` scans the whole document on each call)."""
    while i < len(doc) and not doc[i].is_sent_start:
        i += 1
    return i


def with_marks(span: Span, text: str, held: list[tuple[int, int]]) -> Span:
    """The content of a reported clause run on over the marks of the quotations it
    holds (``held``: their insides, in offsets of the document's ``text``) at its
    edges: "“You pushed workers to the limit” to lift the share price", "… ''is a poor
    approach,''"."""
    if not held:
        return span
    a, b = span.start_char, span.end_char
    first, last = min(qa for qa, _ in held), max(qb for _, qb in held)
    if first == a and a > 0 and text[a - 1] in _OPENING_MARKS:
        a -= 1
    if last >= b:
        b = last
        while b < len(text) and text[b] in _QUOTE_PUNCT.strip():
            b += 1
        b = b - 1 if text[b - 1] == "," else b
    return span.doc.char_span(a, b, alignment_mode="expand") or span


@BOOK.rule("strategies", off=False)
def mostly_quoted(view: ArticleView, t: Token, span: Span, kind: str,
                  marked: list[tuple[int, int]]) -> bool:
    """A report that is mostly a short quotation is a title or a scare quote: "asked me
    about “my language”" (not what an object verb says of its object: "called Trump
    “unhinged”")."""
    text, min_words, half = view.text, cues().min_words, len(span_text(span)) / 2
    return any(min(qb, span.end_char) - max(qa, span.start_char) >= half
               and len(text[qa:qb].split()) < min_words
               and not (kind == "object" and predicated(t, qa)) for qa, qb in marked)


@BOOK.rule("strategies", off=False)
def relayed(view: ArticleView, t: Token, span: Span) -> bool:
    """A relay's report of someone's speech is that speaker's: "Xinhua reported that Xi
    said …" (the speech is Xi's; Xinhua is its ``reported_via``)."""
    return lemma(t) in cues().reporting and any(
        is_cue(x) and x.i != t.i and x.dep_ == "ccomp" and x.head.i == t.i
        and subject_mention(view, subject(view, x)) is not None for x in span)


@BOOK.rule("speakers", off=None)
def noun_speaker(view: ArticleView, t: Token) -> Found | None:
    """A noun cue's owner speaks: "Trump's claim that …", "criticism from Clinton
    about …" (not an owner nobody resolved: "their support for …")."""
    owner = noun_owner(t)
    if owner is None:
        return None
    m = view.by_token.get(owner.i)
    if m is not None:
        return mention_speaker(m, view, list(owner.subtree)), CARRIED
    if owner.pos_ == "PRON":
        return None
    return raw_speaker(view, [x for x in owner.subtree if x.dep_ != "case"], "unlinked",
                       phrase=list(owner.subtree)), UNRESOLVED


@BOOK.rule("speakers")
def named_inside(found: Found, view: ArticleView, span: Span) -> Found:
    """A pronoun is not the one its report names: "From the Kremlin's point of view, it
    regards China as …" with "it" resolved to China keeps "it", resolved to nobody."""
    speaker, conf = found
    if speaker is not None and speaker.get("via") == "pronoun" and speaker.get(
            "actor_id") and any(
            (m := view.by_token.get(x.i)) is not None and m.via != "pronoun"
            and m.actor_id == speaker["actor_id"] for x in span):
        speaker = {**speaker, "name": view.source_text(speaker["start"], speaker["end"]),
                   "actor_id": None, "qid": None}
        conf = min(conf, UNRESOLVED)
    return speaker, conf
