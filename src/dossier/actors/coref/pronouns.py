"""Pronouns, resolved to the most salient compatible antecedent (after Lappin &
Leass 1994): he/she to a person of that gender, it/its to an organisation or state,
they/them/their to an organisation, state or coordinated group ("Trump and Pence …
they"). A neuter or plural pronoun whose most salient candidate is an ordinary noun
phrase ("the deal … it", "voters … they") stays unlinked, and so does an expletive
"it" (:mod:`dossier.actors.coref.expletive`).

Resolution runs the candidate filters below over the antecedents seen, most recent
first, and scores the survivors by :func:`salience`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from dossier.actors.article import Article, Seen, main_clause
from dossier.actors.coref.expletive import expletive_it
from dossier.actors.coref.gender import gender_of, note_pronoun
from dossier.actors.coref.guards import it_for_unknown_org, named_in_own_quote, speaker_of_quote  # noqa: F401
from dossier.actors.coref.recent import quote_opening, recent_person
from dossier.actors.coref.speaking import speaking_it
from dossier.actors.coref.subjects import subject_possessor
from dossier.actors.cues import ARGUMENT_DEPS, BOOK, SUBJECT_DEPS, cues
from dossier.actors.mentions import emit
from dossier.gazetteer import Actor
from dossier.parse.tree import children

# Salience weights (after Lappin & Leass 1994), in tokens of distance: a subject, and
# more so the subject of the main clause, outweighs a nearer object; a possessor or
# prepositional object weighs less. Set by hand on invented sentences and checked
# on the PolNeAR dev articles (eval/actors_polnear.py).
SUBJECT_WEIGHT = 25
MAIN_SUBJECT_WEIGHT = 30
OBLIQUE_PENALTY = 15
# Weight of being in the pronoun's own sentence. "it" and "they" reach back a
# sentence or two and lean on the sentence they are in ("prompted NATO at its July
# summit": NATO, not the Russia of the sentence before); an oblique mention there
# weighs no more than for he/she.
SAME_SENTENCE = {"male": 10, "female": 10, "it": 60, "they": 60}
SAME_SENTENCE_OBLIQUE = 10
# The understood subject of the pronoun's clause ("the FBI warned officials to boost
# their security": officials) all but decides.
CONTROLLER_WEIGHT = 80
# "they" for a single organisation agrees in sense only.
THEY_FOR_ONE_PENALTY = 50
# A person is referred to across a longer stretch, but not beyond this many tokens.
PRONOUN_REACH = 150
# A he/she is resolved only when the runner-up, another person, scores at least this
# much less (about a subject's weight); else it stays unresolved.
CLEAR_MARGIN = 20
# "“…,” he said": the subject of a speech verb closing a quotation continues the
# chain of the last person who spoke (the subject of a speech verb).
SPEAKER_CHAIN_WEIGHT = 40
# "Warner said: “…” ⏎ “…,” he added": how far back (tokens, quotations included) the
# speaker a he/she continues may be named.
QUOTE_RUN_REACH = 600
# "Machado promised … and said she would": the subject of the verb whose reported
# clause the he/she is the subject of.
REPORTER_WEIGHT = 40
# "Suter could see the frustration. “He's used to scoring,” he said": the subject of
# the sentence that leads into the quotation a he/she closes (more than the chain of
# the last speaker, whom the writer would have named again).
LEAD_IN_WEIGHT = 60

PERSON: tuple[str, ...] = ("person",)
NEUTER: tuple[str, ...] = ("org", "state", "bloc", "region")
PLURAL: tuple[str, ...] = ("org", "state", "bloc", "region", "group")


@dataclass(frozen=True)
class Pronoun:
    """A pronoun being resolved and what its clause says about its antecedent."""

    tok: Token
    kind: str  # "male", "female", "it" or "they"
    allowed: tuple[str, ...]  # actor types it may refer to
    sent_start: int
    floor: int  # first token an "it"/"they" may reach back to (-1: none)
    controller: int  # the understood subject of its clause (-1: none)
    outside: bool  # outside any quotation
    clause_head: int | None  # the verb whose subject it cannot be (an object pronoun)
    thought: bool  # the subject of a clause voicing someone's thoughts
    closes_quote: bool  # "“…,” he said": the speaker of a closing quotation
    reporter: int  # "X said she …": the subject of the reporting verb (-1: none)


def is_pronoun(tok: Token) -> bool:
    c = cues()
    low = tok.lower_
    return tok.pos_ == "PRON" and (low in c.male or low in c.female or low in c.neuter
                                   or low in c.plural)


def link_pronoun(a: Article, tok: Token) -> int | None:
    """A pronoun at ``tok`` is resolved here (or left alone); nothing else reads it."""
    i = tok.i
    if not is_pronoun(tok):
        return None
    resolve_pronoun(a, tok)
    return i + 1


@BOOK.rule("coref", off=None)
def resolve_pronoun(a: Article, tok: Token) -> None:
    """he/she, it, they: "Liz Truss spoke in Taiwan. She said …", "The FBI said it would
    investigate", "Russia, China and Iran said they …"."""
    p = _pronoun(a, tok)
    if p is None:
        return
    named = named_in_own_quote(a, p)
    if (chained := continues_speaker(a, p)) is not None and chained.id not in named:
        emit(a, a.span(tok.i, tok.i + 1), chained, "pronoun")
        note_pronoun(a, tok, p.kind)
        return
    scored: list[tuple[float, Seen]] = []
    # "Vindman reported to him": no mention of the clause's own subject is "him" (only a
    # subject of a pronoun in a clause can be: the rule is not asked about the others)
    own = {s.actor.id for s in a.seen if s.subject and s.token < tok.i
           and own_clause_subject(a, s, p)} if p.clause_head is not None else set()
    own |= speaker_of_quote(a, p) | named
    lead = lead_in(a, p) if p.closes_quote else None
    if p.clause_head is not None:  # a surname there that the linker left alone
        subj = next((c for c in children(a.tokens[p.clause_head]) if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and subj.pos_ == "PROPN":
            own |= {s.actor.id for s in a.seen if s.actor.name.split()[-1:] == [subj.text]}
    for s in reversed(a.seen):
        if s.token >= tok.i or s.actor.type not in p.allowed:
            continue
        if s.actor.type == "person" and gender_of(a, s.actor) not in ("", p.kind):
            continue
        if reporter_of_thought(a, s, p) or quoted_antecedent(s, p) or s.actor.id in own:
            continue
        distance = tok.i - s.token
        if distance > PRONOUN_REACH or s.token < p.floor:
            break
        if passing_mention_before(s, p) or plural_for_it(a, s, p):
            continue
        score = salience(distance, s.subject, s.main_subject, s.token >= p.sent_start,
                         s.oblique, same_sentence=SAME_SENTENCE[p.kind])
        if s.token == p.controller or s.start <= p.controller < s.end:
            score += CONTROLLER_WEIGHT
        score += subject_possessor(a, s, p.kind)
        if p.kind == "they" and s.actor.type != "group":
            if they_for_part(a, s):
                continue
            score -= THEY_FOR_ONE_PENALTY
        if p.closes_quote and speaker_before(a, s):
            score += SPEAKER_CHAIN_WEIGHT
        if p.reporter >= 0 and s.start <= p.reporter < max(s.end, s.token + 1):
            score += REPORTER_WEIGHT
        if lead is not None and s.subject and not s.quoted and lead[0] <= s.token < lead[1]:
            score += LEAD_IN_WEIGHT
        scored.append((score, s))
    if not scored:
        return
    best = max(scored, key=lambda x: x[0])
    if p.kind in ("it", "they"):
        rival = rival_noun(a, p)
        if rival is not None and rival >= best[0]:
            return  # "the deal ... it", "voters ... they": not an actor
    runner = max((sc for sc, x in scored if x.actor.id != best[1].actor.id), default=None)
    near = recent_person(a, p, best[1], [x for _, x in scored])
    if near is None or near is best[1] and p.kind in ("male", "female") and close_runner_up(
            best[0], runner):
        return  # two people could be meant: unresolved
    if it_for_unknown_org(a, tok, near.actor):
        return  # "Nissan says it will offer better gas mileage" (the car): unresolved
    emit(a, a.span(tok.i, tok.i + 1), near.actor, "pronoun")
    note_pronoun(a, tok, p.kind)
    last = a.seen[-1]
    if last.token == tok.i:
        last.subject = tok.dep_ in SUBJECT_DEPS
        last.main_subject = last.subject and main_clause(tok.head)


def _pronoun(a: Article, tok: Token) -> Pronoun | None:
    c = cues()
    low = tok.lower_
    if low in c.male or low in c.female:
        kind, allowed = ("male" if low in c.male else "female"), PERSON
    elif low in c.neuter:
        if expletive_it(tok):
            return None
        kind, allowed = "it", NEUTER
    else:
        kind, allowed = "they", PLURAL
    # an organisation or group is referred to as "it"/"they" within a sentence or two;
    # a person across a longer stretch
    floor = a.sentence_floor(tok.i) if kind in ("it", "they") else -1
    owner = controller(tok)
    if owner < 0 and kind in ("male", "female"):
        owner = conjunct_owner(tok)
    return Pronoun(tok, kind, allowed, tok.sent.start, floor, owner,
                   not a.quoted[tok.i], object_clause_head(tok),
                   kind in ("male", "female") and thought_subject(a, tok),
                   kind in ("male", "female") and closes_quote(a, tok),
                   reporting_subject(tok) if kind in ("male", "female") else -1)


def salience(distance: int, subject: bool, main_subject: bool, in_sentence: bool,
             oblique: bool, same_sentence: int = SAME_SENTENCE_OBLIQUE) -> float:
    """Subjects over objects over possessors and oblique mentions (after Lappin &
    Leass 1994), then recency."""
    return (-distance + (SUBJECT_WEIGHT if subject else 0)
            + (MAIN_SUBJECT_WEIGHT if main_subject else 0)
            + ((min(same_sentence, SAME_SENTENCE_OBLIQUE) if oblique else same_sentence)
               if in_sentence else 0)
            - (OBLIQUE_PENALTY if oblique else 0))


@BOOK.rule("coref", off=False)
def close_runner_up(best: float, runner: float | None) -> bool:
    """Another person scores nearly as well, so a he/she stays unresolved: "Tim Kaine
    spoke. Mark Warner spoke. Then he left." (either senator). (An "it"/"they" leans
    on its own sentence and the noun phrases it could mean instead: ``rival_noun``.)"""
    return runner is not None and best - runner < CLEAR_MARGIN


# -- quotations -------------------------------------------------------------------------
@BOOK.rule("coref", off=False)
def closes_quote(a: Article, tok: Any) -> bool:
    """``tok`` is the subject of a speech verb right after a closing quotation mark:
    "“We will win,” he said" (the quotation's speaker speaks on)."""
    if a.quoted[tok.i] or tok.dep_ not in SUBJECT_DEPS or \
            tok.head.lemma_ not in cues().speech_verbs:
        return False
    first = min(tok.i, tok.head.i)
    k = first - 1
    while k >= 0 and (a.tokens[k].is_punct and a.tokens[k].text in ",.!?" or a.tokens[k].is_space):
        k -= 1
    return k >= 0 and (a.tokens[k].text in ("”", "\"", "''", "’") or a.quoted[k])


@BOOK.rule("coref", off=None)
def lead_in(a: Article, p: Pronoun) -> tuple[int, int] | None:
    """The sentence (its tokens) right before the quotation a he/she closes, the
    paragraph before when the quotation opens one: "Wild defenseman Ryan Suter could see
    the frustration on his friend's face. “He's used to scoring goals,” he said" (its
    subject, Suter, speaks); None when the quotation opens inside a sentence."""
    toks = a.tokens
    j = quote_opening(a, min(p.tok.i, p.tok.head.i))
    b = j - 1
    while b >= 0 and toks[b].is_space:
        b -= 1  # (a paragraph break)
    if b < 0 or j >= p.tok.i:
        return None
    sent = toks[b].sent
    if sent.end > j + 1 or sent.start == p.tok.sent.start:
        return None  # (the quotation opens inside the sentence)
    return sent.start, sent.end


@BOOK.rule("coref", off=-1)
def reporting_subject(tok: Any) -> int:
    """The subject of the verb that reports the clause ``tok`` is the subject of:
    "Merrill says Machado promised to help and said she would stand up": Machado
    (through "and said", the subject of "promised"); else -1."""
    if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ != "ccomp":
        return -1
    verb = tok.head.head
    if verb.lemma_ not in cues().speech_verbs:
        return -1
    while True:
        subj = next((c for c in children(verb) if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            # "The state's campaign chairman, Phil Lovas, said he": the name in apposition
            name = next((c for c in children(subj) if c.dep_ == "appos" and c.pos_ == "PROPN"),
                        subj)
            return int(name.i) if name.pos_ in ("PROPN", "NOUN") else -1
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return -1
        verb = verb.head


@BOOK.rule("coref", off=None)
def continues_speaker(a: Article, p: Pronoun) -> Actor | None:
    """In a run of quotations, "he said" / "she added" that closes or opens one goes on
    with the last one who spoke outside quotations (the subject of a speech verb),
    however long the quotations between: "Warner said: “…” ⏎ “…,” he added" is Warner;
    nobody when another person who could be meant (of that gender, or of none known)
    is named outside quotations since ("Warner said … Kaine nodded. “…,” he said")."""
    if p.kind not in ("male", "female") or not p.outside or not (
            p.closes_quote or opens_quote(a, p.tok)):
        return None
    found: Actor | None = None
    others: set[str] = set()
    for s in reversed(a.seen):
        if s.token >= p.tok.i or s.quoted or s.actor.type not in ("person", "group"):
            continue
        if p.tok.i - s.token > QUOTE_RUN_REACH:
            return None
        if s.actor.type == "group":
            return None  # "Kaine and Warner said": either
        if gender_of(a, s.actor) not in ("", p.kind):
            continue
        if speaker_before(a, s):
            found = s.actor
            break
        others.add(s.actor.id)
    if found is None or others - {found.id}:
        return None
    return found


def opens_quote(a: Article, tok: Any) -> bool:
    """``tok`` is the subject of a speech verb that a quotation follows: "He added:
    “…”", "she said, “…”"."""
    if a.quoted[tok.i] or tok.dep_ not in SUBJECT_DEPS or \
            tok.head.lemma_ not in cues().speech_verbs or tok.head.i < tok.i:
        return False
    nxt = a.doc[tok.head.i + 1 : tok.head.i + 3]
    return any(t.text in (":", "“", "\"") for t in nxt) and any(
        a.quoted[t.i] for t in a.doc[tok.head.i + 1 : tok.head.i + 4])


def speaker_before(a: Article, s: Seen) -> bool:
    """Whether the antecedent ``s`` is the subject of a speech verb outside quotations
    ("Mr. Warner said")."""
    t = a.tokens[s.token]
    return s.subject and not s.quoted and t.head.lemma_ in cues().speech_verbs


# -- syntax of the pronoun's clause --------------------------------------------------
@BOOK.rule("coref", off=-1)
def controller(tok: Any) -> int:
    """The understood subject of the clause holding ``tok``: the object of the verb
    whose infinitive holds it ("the FBI warned officials to boost their security":
    officials), or the noun a relative clause modifies ("the nominee, who began his
    speech": nominee); else -1."""
    verb = tok.head
    while verb.dep_ in ("dobj", "pobj", "prep", "poss") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl" and verb.i != tok.i and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in ("who", "that", "which")
            and c.i != tok.i for c in children(verb)):
        return int(verb.head.i)
    if verb.dep_ != "xcomp" or verb.pos_ not in ("VERB", "AUX"):
        return -1
    obj = next((c for c in children(verb.head) if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj.i if obj is not None else -1


@BOOK.rule("coref", off=-1)
def conjunct_owner(tok: Any) -> int:
    """"X and his/her Y": a possessive on the second of two conjoined nouns is the
    first's ("a meeting between Mr. Trump and his Chinese counterpart": Trump, not the
    professor quoted before); else -1."""
    noun = tok.head
    if tok.dep_ != "poss" or noun.dep_ != "conj" or noun.i == tok.i:
        return -1
    first = noun.head
    if first.pos_ != "PROPN" or not any(c.dep_ == "cc" and c.lower_ in ("and", "or")
                                        for c in children(first)):
        return -1
    return int(first.i)


@BOOK.rule("coref", off=None)
def object_clause_head(tok: Any) -> int | None:
    """A plain object pronoun is not its own clause's subject: the verb whose subject
    it cannot be ("The Kremlin denied it", "Putin met Xi and praised him")."""
    low = tok.lower_
    if tok.dep_ not in ("dobj", "dative", "pobj") or low.endswith("self") \
            or low.endswith("selves"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    while verb.dep_ == "conj" and verb.head.i < verb.i and not any(
            c.dep_ in SUBJECT_DEPS for c in children(verb)):
        verb = verb.head  # "Putin met Xi and praised him": the shared subject
    return int(verb.i)


# -- candidate filters ---------------------------------------------------------------
@BOOK.rule("coref", off=False)
def own_clause_subject(a: Article, s: Seen, p: Pronoun) -> bool:
    """"The Kremlin denied it": not the Kremlin (that would be "itself"), nor any earlier
    mention of it ("After Hill left, Vindman reported to him": not Vindman)."""
    return p.clause_head is not None and s.subject and a.tokens[s.token].head.i == p.clause_head


@BOOK.rule("coref", off=False)
def quoted_antecedent(s: Seen, p: Pronoun) -> bool:
    """A pronoun outside quotations does not reach into one: "'…advisers won't tell him
    the truth,' he will say": not Putin."""
    return p.outside and s.quoted


@BOOK.rule("coref", off=False)
def passing_mention_before(s: Seen, p: Pronoun) -> bool:
    """"it"/"they" skip an organisation named in passing (a possessor or prepositional
    object) in the sentence before."""
    return p.kind in ("it", "they") and s.oblique and s.token < p.sent_start


@BOOK.rule("coref", off=False)
def plural_for_it(a: Article, s: Seen, p: Pronoun) -> bool:
    """"Republicans … it": a plural name is not "it"."""
    return p.kind == "it" and a.tokens[s.token].tag_ in ("NNS", "NNPS")


@BOOK.rule("coref", off=False)
def they_for_part(a: Article, s: Seen) -> bool:
    """"they" is not one organisation named in passing ("the Kremlin's press service
    said … their": not the Kremlin) nor one member of a coordination ("Ithilen and the
    government of Gondor warned their …": the coordination as a whole, a group when
    both are linked)."""
    if s.oblique:
        return True
    st = a.tokens[s.token]
    return st.dep_ == "conj" or any(ch.dep_ == "conj" for ch in children(st))


@BOOK.rule("coref", off=None)
def rival_noun(a: Article, p: Pronoun) -> float | None:
    """The best salience of an ordinary noun phrase the pronoun could refer to instead
    ("the treaty says it", "voters … they", "warned state officials to boost their
    security"): a singular common noun for "it", a plural one (or a nationality or
    group word NER left unlinked) for "they"."""
    c = cues()
    tok = p.tok
    best: float | None = None
    for j in range(tok.i - 1, p.floor - 1, -1):
        t = a.tokens[j]
        if a.taken[j] or t.dep_ not in ARGUMENT_DEPS or speaking_it(tok, t):
            continue  # (not "the plan" for "it said")
        if p.outside and a.quoted[j]:
            continue
        if p.kind == "it":
            if t.tag_ != "NN" or t.ent_type_ in ("DATE", "TIME") or t.lower_ in c.time_nouns:
                continue
        elif not (t.tag_ in ("NNS", "NNPS") or (t.ent_type_ == "NORP" and t.pos_ != "ADJ")):
            continue
        subject = t.dep_ in SUBJECT_DEPS
        score = salience(tok.i - j, subject, subject and main_clause(t.head),
                         j >= p.sent_start, t.dep_ in ("poss", "pobj"),
                         same_sentence=SAME_SENTENCE[p.kind])
        if j == p.controller:
            score += CONTROLLER_WEIGHT
        if best is None or score > best:
            best = score
    return best


# -- free indirect speech ------------------------------------------------------------
@BOOK.rule("coref", off=False)
def thought_subject(a: Article, tok: Any) -> bool:
    """Whether ``tok`` is the subject of a main clause that voices someone's thoughts or
    intentions: "he would not want …", "while he may calculate that …" (not a clause
    reported in its own sentence, "X said he would …", nor speech, "he will say")."""
    if tok.dep_ != "nsubj" or a.quoted[tok.i]:
        return False
    c = cues()
    verb = tok.head
    if verb.lemma_ in c.speech_verbs and verb.lemma_ not in c.thought_verbs:
        return False  # "he would say …": the speaker again
    modal = any(ch.dep_ == "aux" and ch.lower_ in c.thought_modals for ch in children(verb))
    if not modal and verb.lemma_ not in c.thought_verbs:
        return False
    v = verb
    while v.dep_ in ("conj", "advcl") and v.head.i != v.i:
        v = v.head
    return bool(v.dep_ == "ROOT")


@BOOK.rule("coref", off=False)
def reporter_of_thought(a: Article, s: Seen, p: Pronoun) -> bool:
    """A thought in the sentence after "X will say Y …" is Y's, not X's: "Fleming will
    say President Xi … has a nuanced view. He would not want …": Xi. True when ``s``
    (in the sentence before) is such a reporter of another person of the pronoun's
    gender."""
    if not p.thought or not (p.floor <= s.token < p.sent_start):
        return False
    t = a.tokens[s.token]
    if not s.subject or t.head.lemma_ not in cues().speech_verbs:
        return False
    verb = t.head
    for clause in (ch for ch in children(verb) if ch.dep_ == "ccomp" and ch.i > verb.i):
        # the reported clause's subject (or, parsed as the verb's object when a dash
        # follows it, "say President Xi – who … – has")
        if any(verb.i < o.token <= clause.right_edge.i and o.actor.type == "person"
               and o.actor.id != s.actor.id and not o.oblique
               and (o.subject or a.tokens[o.token].head.i == verb.i)
               and (not o.actor.gender or o.actor.gender == p.kind) for o in a.seen):
            return True
    return False
