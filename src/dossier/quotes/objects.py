"""Nominal and other content shapes: an infinitive ("vowed to repeal …"), an object
("criticised the plan", "called it a hoax"), a preposition's object ("called for a
ban"), what a noun or an adjective cue takes ("Trump's claim that …", "critical of
…"), and whether a quotation is what a verb says of its object."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.clauses import Content, span_of
from dossier.quotes.lexicon import cues, lemma

_OBJECT_TAIL = ("dobj", "dative", "oprd", "xcomp", "ccomp", "prep", "acomp")


_TAIL_PREPS = frozenset(("as", "of", "for", "about", "on", "to", "with", "against"))


def quoted_label(span: Span) -> bool:
    """An object followed by its label in quotation marks, which the parser put inside
    the object: "calling the protester “a very obnoxious guy …”" (not "called the
    “Save Our Schools” hotline": the marks come before the object's head)."""
    return any(x.text in ("“", '"') and x.i > span.root.i for x in span)


@BOOK.rule("content", off=False)
def bare_name(t: Token, lem: str, found: Content) -> bool:
    """A one-word content that is a stance toward someone named or something: "Christie
    endorsed Trump", "19 percent support Clinton", "Rubio opposes abortion"
    (`name_object_verbs`)."""
    span, kind = found
    return (kind == "object" and lem in cues().name_objects and len(span) == 1
            and span[0].pos_ in ("PROPN", "NOUN") and span[0].dep_ == "dobj"
            # its own subject: not "called on the west to defend Taiwan"
            and (any(x.dep_ in ("nsubj", "nsubjpass") for x in children(t))
                 or t.dep_ in ("relcl", "acl"))
            and (span[0].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                 or span[0].pos_ == "NOUN" and not span[0].ent_type_))


def noun_owner(t: Token) -> Token | None:
    """The source of a noun cue: its owner ("Trump's claim", "her call"), or the
    object of a "from" after it ("criticism from Clinton about …", "calls from
    Democrats for …")."""
    for c in children(t):
        if c.dep_ == "poss":
            return c
    for c in children(t):
        if c.dep_ == "prep" and c.lower_ == "from" and c.i > t.i:
            obj = [y for y in children(c) if y.dep_ == "pobj"]
            # (a name, or people: "from rivals"; not "accusations from that era")
            if obj and (obj[0].ent_type_ in ("PERSON", "ORG", "NORP") or obj[0].pos_ == "PROPN"
                        and not obj[0].ent_type_ or obj[0].tag_ == "NNS"
                        and obj[0].ent_type_ not in ("DATE", "TIME", "CARDINAL")):
                return obj[0]
    return None


@BOOK.rule("content", off=None, name="nominal")
def nominal_content(t: Token, preps: frozenset[str]) -> Span | None:
    """The content of a noun or adjective cue: "claim that …", "critical of …",
    "call for …", "plan to …"."""
    if t.pos_ == "NOUN" and noun_owner(t) is None:
        return None  # the owner is the source: "Trump's claim", "her call"
    if t.pos_ == "ADJ" and not (t.dep_ == "acomp" and t.head.lemma_ == "be"):
        return None  # "she was critical of …"
    for x in children(t):
        if x.i < t.i:
            continue
        if x.dep_ in ("acl", "ccomp", "xcomp") and (
                any(m.lower_ in ("that", "to") for m in children(x) if m.dep_ in ("mark", "aux"))):
            return span_of(list(x.subtree))
        if x.dep_ == "prep" and x.lower_ in preps:
            objs = [y for y in children(x) if y.dep_ in ("pobj", "pcomp")]
            if objs and not all(y.ent_type_ in ("DATE", "TIME") for y in objs):
                # (not a time: "her support on Tuesday evening")
                return span_of([y for o in objs for y in o.subtree])
    return None


@BOOK.rule("content", off=None, name="infinitive")
def infinitive_content(t: Token) -> Content | None:
    """The infinitive a cue of intent takes: "X vowed to repeal …", "urged them to
    vote" (the one urged is part of the content); not anonymity: "a spokesperson, who
    did not wish to be named"."""
    # (an infinitive the parser read as a purpose clause counts when the verb has no
    # object: "sought on Wednesday to ease …", not "called a meeting to discuss …")
    deps = ("xcomp", "ccomp") if any(x.dep_ == "dobj" for x in children(t)) else (
        "xcomp", "ccomp", "advcl")
    xc = [x for x in children(t) if x.dep_ in deps and x.i > t.i
          and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(x))
          and not any(m.dep_ == "mark" for m in children(x))]
    if not xc:
        return None
    if xc[0].lemma_ in ("name", "identify", "quote") and any(
            a.dep_ == "auxpass" for a in children(xc[0])) and len(list(xc[0].subtree)) <= 4:
        return None  # "a spokesperson, who did not wish to be named": anonymity, no claim
    toks = list(xc[0].subtree)
    obj = [x for x in children(t) if x.dep_ in ("dobj", "dative") and x.i < xc[0].i]
    if obj:  # "urged them to vote": the addressee is part of the content
        toks += list(obj[0].subtree)
    span = span_of(toks)
    return (span, "infinitive") if span is not None else None


@BOOK.rule("content", off=None, name="object")
def object_content(t: Token) -> Content | None:
    """The object of a stance or speech verb, with what is said of it: "X criticised
    the plan", "called it a hoax", "denounced what he called a witch hunt", "Oz has
    been called a charlatan by fellow physicians" (the passive subject)."""
    obj = [x for x in children(t) if x.dep_ == "dobj" and x.i > t.i]
    if not obj and lemma(t) in cues().complement_objects and what_object(t):
        # "denounced what he called a witch hunt": the label is what is said of it;
        # not a name ("knows what they called the dog"); a quoted label ends at its
        # closing mark ("what she called “baseless smears” in the press")
        label = [x for x in children(t) if x.dep_ == "oprd" and x.i > t.i]
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
        span = span_of(toks)
        return (span, "object") if span is not None else None
    if not obj and lemma(t) in cues().complement_objects:
        named = complement_content(t)
        if named is not None:
            return named, "object"
    if not obj and any(x.dep_ == "agent" for x in children(t)):
        # "Oz has been called a charlatan by fellow physicians": the passive subject
        subj = [x for x in children(t) if x.dep_ == "nsubjpass"]
        if subj and subj[0].pos_ != "PRON":
            toks = list(subj[0].subtree) + [y for x in children(t) if x.dep_ == "oprd"
                                            for y in x.subtree]
            span = span_of(toks)
            return (span, "object") if span is not None else None
    if not obj or obj[0].pos_ == "PRON" and obj[0].lower_ not in ("it", "them", "him", "her",
                                                                   "this", "that"):
        return None
    toks = list(obj[0].subtree)
    for x in children(t):
        if x.i > obj[0].i and x.dep_ in _OBJECT_TAIL and (x.dep_ != "prep" or (
                x.lower_ in _TAIL_PREPS and not any(
                    y.ent_type_ in ("DATE", "TIME") for y in children(x)))):
            toks += list(x.subtree)
    span = span_of(toks)
    return (span, "object") if span is not None else None


def what_object(t: Token) -> bool:
    """Whether the verb's object is a "what" before it: "what he called a witch hunt"."""
    return any(x.dep_ == "dobj" and x.tag_ == "WP" and x.i < t.i for x in children(t))


@BOOK.rule("content", off=None, name="complement")
def complement_content(t: Token) -> Span | None:
    """What a naming verb says of its object when the parser hung the object on the
    label ("called the Republican frontrunner “ISIS’ best recruiter”": only an oprd)
    or read object and label as one complement ("calling Trump a fascist"): the
    nominal or adjectival oprd/xcomp children after the verb, with what they hold,
    less a trailing time ("called Cruz a liar on Tuesday")."""
    kids = [x for x in children(t) if x.i > t.i and x.dep_ in ("oprd", "xcomp", "dative")
            and x.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PRON")]
    if not kids:
        return None
    toks = [y for x in kids for y in x.subtree if not any(
        z.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in children(z))
        for z in (y, *y.ancestors) if z.i > x.i and z.head.i == x.i)]
    if sum(not (y.is_punct or y.is_space) for y in toks) < 3:
        return None  # an object and a label at least: not "called Trump", "called it off"
    head = kids[0]
    first = min(toks, key=lambda y: y.i)
    if not (first.i != head.i and first.head.i != head.i  # "the Republican frontrunner"
            or first.pos_ == "PRON" and first.lower_ in ("her", "him", "them", "it", "us")
            or first.i == head.i and any(c.dep_ in ("dobj", "appos", "oprd", "attr")
                                         and c.i > head.i for c in children(head))):
        return None  # one noun phrase, no object in it: "called the “SOS” hotline"
    return span_of(toks)


@BOOK.rule("content", off=None, name="prep")
def prep_content(t: Token, preps: frozenset[str]) -> Content | None:
    """The object of a cue's preposition (``prep_verbs``): "X called for a ban", "spoke
    of reform", "is calling for the United States to step up …" (read as a clause),
    "called on people to protest" (with the infinitive); not a time: "weighed in with
    her support on Tuesday evening"."""
    for x in children(t):
        if x.i > t.i and x.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in preps and m.i == t.i + 1 for m in children(x)):
            # "is calling for the United States to step up …" (read as "for" + clause)
            span = span_of([y for y in x.subtree if not (y.dep_ == "mark" and y.i == t.i + 1)])
            return (span, "prep") if span is not None else None
        if x.i > t.i and x.dep_ in ("prep", "prt") and x.lower_ in preps:
            objs = [y for y in children(x) if y.dep_ in ("pobj", "pcomp")]
            if objs and all(y.ent_type_ in ("DATE", "TIME") for y in objs):
                continue  # "weighed in with her support on Tuesday evening": a time
            if objs:
                toks = [y for o in objs for y in o.subtree]
                # "called on people to protest": the infinitive goes with the object
                toks += [y for c in children(t) if c.dep_ == "xcomp" and c.i > x.i
                         for y in c.subtree]
                span = span_of(toks)
                return (span, "prep") if span is not None else None
    return None


@BOOK.rule("content", off=False)
def predicated(cue: Token, a: int) -> bool:
    """Whether the quotation at character ``a`` is what an object verb says of its
    object ("called Trump “unhinged”", "described the deal as “a disaster”"), not the
    object itself ("asked me about “my language”")."""
    obj = [x for x in children(cue) if x.dep_ == "dobj" and x.i > cue.i]
    if not obj and lemma(cue) in cues().complement_objects:
        # "called her “third-rate”": the object hangs on the label, before the mark;
        # "what she called “baseless smears”": the object is the "what" before the cue
        wh = what_object(cue)
        return any(x.dep_ in ("oprd", "xcomp") and (x.left_edge.idx < a - 1 or wh)
                   and a <= x.right_edge.idx for x in children(cue) if x.i > cue.i)
    if not obj or obj[0].right_edge.idx >= a:
        return False
    return any(x.dep_ in ("oprd", "xcomp", "acomp", "ccomp") or x.dep_ == "prep"
               and x.lower_ == "as" for x in children(cue)
               if x.i > obj[0].i and x.left_edge.idx - 1 <= a <= x.right_edge.idx)


@BOOK.rule("content", off=False)
def not_these_objects(lem: str, found: Content) -> bool:
    """An object verb that reports only with some objects (``object_heads``): "raised
    concerns", not "raised $3 million"."""
    heads = cues().object_heads
    return lem in heads and found[0].root.lemma_.lower() not in heads[lem]


@BOOK.rule("content", off=False)
def unlabelled(t: Token, lem: str, found: Content) -> bool:
    """A naming verb (``complement_object_verbs``) reports only with what it says of
    its object: "called it a hoax", "called out Russia for …", not "called Scholz on
    Tuesday". A quoted label the parser put inside the object, at its end, counts:
    "called anti-Trump protestors “illegals”", "called Clinton, his challenger, an
    ISIS “co-founder.”"; not "called the “Save Our Schools” hotline"."""
    return lem in cues().complement_objects and not any(
        x.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or x.dep_ == "prep"
        and x.lower_ == "as" or x.dep_ == "prt" and x.lower_ == "out"
        for x in children(t) if x.i > t.i) and not (
        found[0][-1].text in ("”", '"') and len(found[0]) > 3) and not (
        quoted_label(found[0]))
