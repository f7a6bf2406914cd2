"""Who did what to whom: events from the dependency parse, coded to CAMEO.

The rooms, in the order an event is made:

- :mod:`~dossier.events.patterns`: which word carries an event and its code (verb
  and noun patterns of ``data/event_patterns.toml``, PETRARCH2's verb dictionary);
- :mod:`~dossier.events.arguments` (with :mod:`~dossier.events.actors` and
  :mod:`~dossier.events.syntax`): who is source and who is target — "Beijing
  supplies Moscow" is CHN → RUS; coordinated subjects give one event each;
- :mod:`~dossier.events.coding`: the code refined by what is asked for or intended,
  and the pairs of actors it is coded for;
- :mod:`~dossier.events.modality`: negation ("stops short of offering"), modality
  (will/would/could, "plans to") and actions only talked about;
- :mod:`~dossier.events.dates` and :mod:`~dossier.events.places`: when and where;
- :mod:`~dossier.events.learned`: with the ``learned`` extra installed, a sentence-
  embedding model's check of the PLOVER type (a doubted event's confidence lowered);
- :mod:`~dossier.events.post`: confidence brought to its share right on real pages.

Events inside quotations are left out (a quote that mentions an event is not the
event). Every heuristic is a named rule of :data:`~dossier.events.book.BOOK`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import LEMMA, POS
from spacy.tokens import Token

from dossier.events.actors import Actors
from dossier.events.arguments import (
    Sides,
    guess_is_other_side,
    noun_sides,
    refused_sides,
    verb_sides,
)
from dossier.events.codebook import codebook_code, not_its_event
from dossier.events.codes import cameo
from dossier.events.coding import (
    announced_refusal,
    confidence,
    dictionary_dyad,
    failed_agreement,
    fallback_targets,
    intended_code,
    name_calling,
    pairs,
    phone_call,
    policy_code,
    pronoun_side,
    refusal,
    requested_code,
    said_must,
    unnamed_target,
    weak_link,
)
from dossier.events.dates import background, recalled
from dossier.events.dating import event_date
from dossier.events.frames import (
    agreed_view,
    comment_request,
    idiom,
    interview_question,
    life_story,
    risk_warning,
)
from dossier.events.learned import verify
from dossier.events.lookalikes import own_envoy_sent, own_forces_sent, scheduled
from dossier.events.modality import (
    habitual,
    intention,
    modality,
    negated,
    speculative,
    unasserted,
    unasserted_noun,
)
from dossier.events.nominal import (
    acting_verb,
    emergency_measure,
    light_event_object,
)
from dossier.events.patterns import (
    Patterns,
    VerbPattern,
    coded_once,
    dictionary_object_pattern,
    dictionary_verb,
    noun_pattern,
    ordered_action,
    patterns,
    verb_pattern,
)
from dossier.events.places import locate
from dossier.events.post import page_calibrated
from dossier.events.precision import (
    bar_line,
    before_after,
    business,
    commercial_object,
    contest,
    figurative,
    insurgent_before,
    interview_given,
    judged_act,
    link_line,
    press_audience,
    press_refusal,
    private_stance,
    relative_clause,
    shown_not_protested,
    sports_sentence,
    trained_for,
    verbal_attack,
    vox_pop,
)
from dossier.events.senses import document_content
from dossier.events.sides import guessed_agent_sent
from dossier.events.uses import death, dismissal, outdone, press_event, press_named
from dossier.gazetteer import Geography
from dossier.parse import ParsedArticle
from dossier.parse.tree import children, forget, walk
from dossier.records import Event, Trigger

_VERB = frozenset({"VERB"})
_AUX_NOUN = frozenset({"AUX", "NOUN", "PROPN"})


def extract_events(parsed: ParsedArticle, geo: Geography) -> list[Event]:
    """Events of one parsed article (negated ones included, flagged)."""
    walk(parsed.doc, parsed.kids)
    try:
        return _article_events(parsed, geo)
    finally:
        forget()  # the parse walks' cache lets go of the doc, also after an error


def _article_events(parsed: ParsedArticle, geo: Geography) -> list[Event]:
    p = patterns()
    actors = Actors(parsed, geo)
    quoted = parsed.quoted
    out: list[Event] = []
    coded: set[int] = set()  # verbs that gave events
    for i in _candidates(parsed, p):  # verbs and nouns: the others code nothing
        tok = parsed.tokens[i]
        if quoted[tok.i]:
            continue
        if tok.pos_ in ("VERB", "AUX"):
            found = _verb_events(tok, parsed, actors, p)
            out.extend(found)
            if found:
                coded.add(tok.i)
        elif tok.pos_ in ("NOUN", "PROPN"):
            out.extend(_noun_events(tok, parsed, actors, p, coded))
    return page_calibrated(verify(_dedupe(out), parsed))  # verify: a no-op without the extra


def _candidates(parsed: ParsedArticle, p: Patterns) -> list[int]:
    """The tokens, in order, that may give events: every verb; an auxiliary or a noun
    only when a pattern knows its lemma (lower-cased; :func:`_verb_events` and
    :func:`_noun_events` code no other), lemmas tested once per distinct value."""
    known = parsed.where_text(LEMMA, lambda s: (low := s.lower()) in p.verbs or low in p.nouns,
                              p.known_lemma_ids)
    return sorted(set(parsed.where(POS, _VERB)).union(
        set(parsed.where(POS, _AUX_NOUN)).intersection(known)))


def _verb_events(tok: Token, parsed: ParsedArticle, actors: Actors, p: Patterns
                 ) -> list[Event]:
    """The events of a verb: by its pattern, else by PETRARCH2's dictionary."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" and lemma not in p.verbs:
        return []  # an auxiliary no pattern knows (the dictionary codes verbs only)
    if unasserted(tok, p):
        return []  # "urged Russia to withdraw": the appeal is the event
    if any(ordered_action(c, p) for c in children(tok)) or light_event_object(tok, p):
        return []  # "ordered an investigation against X": the investigation is the event
    if background(tok):
        return []  # "five years after crowds burned down its embassy": history
    if figurative(tok) or shown_not_protested(tok):
        return []  # "hammering out an agreement": no fight; "as demonstrated by"
    if death(tok):
        return []  # "Pranab Mukherjee died": no assault by him
    if commercial_object(tok):
        return []  # "awarded a contract to Lockheed Martin", "the FDA approved the drug"
    if idiom(tok) or interview_question(tok) or life_story(tok):
        return []  # "take a tougher stance", "King asked Scott", "she attended a university"
    if document_content(tok):
        return []  # "issued a statement urging Uganda to withdraw": the appeal is the event
    if (refused := refusal(tok, p)) is not None:  # "refused to meet with Pence": 125
        return _events(tok, refused[0], refused_sides(tok, refused[1], actors), parsed,
                       actors, p, "pattern")
    found: list[Event] = []
    unnamed: list[Event] = []  # the pattern's hostile action on no actor, if nothing else
    vp = emergency_measure(tok, lemma) or verb_pattern(tok, lemma, p)
    if vp is None and (demand := said_must(tok)) is not None:  # "says Israel must end"
        vp = VerbPattern(frozenset({lemma}), demand, (), None, frozenset())
    if vp is not None:
        code = vp.code
        if not vp.particle and not vp.objects:
            code = dictionary_object_pattern(code, tok, lemma)
        vp = replace(vp, code=phone_call(name_calling(requested_code(code, tok, p), tok), tok))
        sides = verb_sides(tok, vp, actors, p)
        found = _events(tok, vp.code, sides, parsed, actors, p, "pattern")
        if not found and (alone := _unnamed(tok, vp.code, sides)) is not None:
            unnamed = _events(tok, vp.code, alone, parsed, actors, p, "pattern")
    if found or tok.pos_ != "VERB":
        return found or unnamed
    fallback, how = dictionary_verb(tok, lemma)
    specific = bool(how)
    if fallback is None:
        return unnamed
    fallback = phone_call(name_calling(requested_code(fallback, tok, p), tok), tok)
    vp = VerbPattern(frozenset({lemma}), fallback, fallback_targets(fallback), None,
                     frozenset(), intransitive=specific)
    mutual = any(c.dep_ == "dobj" and c.lemma_.lower() in p.reciprocal_objects
                 for c in children(tok))
    sides = verb_sides(tok, vp, actors, p, reciprocal=specific or mutual, nested=True)
    one_side = specific
    if sides is None and (alone := _unnamed(tok, fallback, verb_sides(
            tok, vp, actors, p, nested=True))) is not None:  # "missiles struck an area"
        sides, one_side = alone, True
    evidence = {"verb": "dictionary_object", "widened": "dictionary_widened"}.get(
        how, "dictionary")
    return [e for e in _events(tok, fallback, sides, parsed, actors, p, evidence)
            if dictionary_dyad(e, one_side)] or unnamed


def _unnamed(tok: Token, code: str, sides: Sides | None) -> Sides | None:
    """One source acting alone, for a hostile action aimed at no actor
    (:func:`~dossier.events.coding.unnamed_target`): "Syrian missiles struck a
    rebel-held area"."""
    if sides is None or len(sides.sources) != 1 or sides.targets or not unnamed_target(
            tok, code):
        return None
    return Sides(sides.sources, [], alone=True)


def _noun_events(tok: Token, parsed: ParsedArticle, actors: Actors, p: Patterns,
                 coded: set[int]) -> list[Event]:
    """The events of a noun by a noun pattern ("a state visit to Beijing")."""
    lemma = tok.lemma_.lower()
    if lemma not in p.nouns:
        return []  # most nouns: no pattern, and no rule to ask
    if unasserted_noun(tok, p) and not ordered_action(tok, p):
        return []  # "removing the sanctions", "called for sanctions"
    if coded_once(tok, coded):
        return []
    np_ = noun_pattern(tok, lemma, p)
    if np_ is None:
        return []
    return _events(tok, np_.code, noun_sides(tok, np_, actors), parsed, actors, p, "noun")


def _events(trigger: Token, code: str, sides: Sides | None, parsed: ParsedArticle,
            actors: Actors, p: Patterns, evidence: str) -> list[Event]:
    """The records of one trigger's event, one per pair of actors; ``evidence``: what
    coded it (a Dossier pattern, a noun pattern, a dictionary verb with its object, a
    dictionary verb alone)."""
    if sides is None:
        return []
    sent = trigger.sent  # (spaCy finds the sentence's bounds at every call)
    if link_line(sent) or bar_line(sent, parsed.text):
        return []  # "SEE MORE: Hong Kong protests: …", "… | Senators call for …": furniture
    sources, targets = sides.sources, sides.targets
    if not targets and len(sources) < 2 and not (sides.alone and sources):
        return []  # no one acted upon ("struck a more conciliatory tone"): no event
    is_negated = negated(trigger, p)
    mode = modality(trigger, p)
    planned = mode == "asserted" and scheduled(trigger)  # "is scheduled to meet"
    if planned:
        mode = "future"
    if is_negated and (refused := announced_refusal(trigger, code, mode) or failed_agreement(
            trigger, code)) is not None:
        code, is_negated, mode = refused, False, "asserted"  # "will not lift the ban"
    kind = None if is_negated else intention(acting_verb(trigger, p), p) or (
        "intent" if planned else None)
    code = policy_code(trigger, code, kind)  # "slapped tariffs on": 160; "crushed protests": 175
    code = codebook_code(trigger, code)  # "pardoned Flynn": 0841; "mediated": 045
    people = actors.persons([*sources, *targets])
    code = verbal_attack(trigger, cameo()[code].root, sources, targets,
                         people) or code  # "Trump attacked Pelosi"
    c = cameo()[intended_code(code, kind, p)]
    coded = [(insurgent_before(s, parsed.published) or guess_is_other_side(
                  s, t, actors.guessed) or s, insurgent_before(t, parsed.published) or t)
             for s, t in pairs(code, c, sources, targets)
             if not (business(s, t) or contest(trigger, s, t) or press_audience(c.root, t)
                     or interview_given(c.root, trigger) or outdone(trigger, s, t)
                     or press_event(c.root, trigger, t) or press_named(c.root, t)
                     or dismissal(trigger, t, people)
                     or press_refusal(trigger, t) or sports_sentence(sent, s, t)
                     or private_stance(trigger, s) or vox_pop(trigger, s)
                     or comment_request(trigger, t) or own_forces_sent(trigger, s, t)
                     or own_envoy_sent(trigger, s, t)
                     or guessed_agent_sent(trigger, s, t, actors.guessed)
                     or agreed_view(trigger, t) or risk_warning(trigger, t)
                     or not_its_event(trigger, t, actors.of))]
    if not coded:
        return []
    doubted = speculative(trigger, mode, kind, c.root) or recalled(
        trigger, parsed.published) or relative_clause(trigger) or before_after(
        trigger) or trained_for(trigger) or judged_act(trigger) or habitual(trigger)
    # an event to come (its modality, or an intention announced) is dated ahead
    when, precision = event_date(parsed, sent, trigger, mode, kind)
    where = locate(sent, trigger, actors.geo)
    said = Trigger(trigger.text, parsed.start(trigger), parsed.end(trigger))
    return [Event(
        source=parsed.source, article_id=parsed.article_id, start=parsed.start(sent),
        end=parsed.end(sent), code=c.code, root=c.root, quad_class=c.quad_class,
        goldstein=c.goldstein, plover=c.plover, plover_mode=c.plover_mode,
        source_actor=s, target_actor=t, trigger=said, negated=is_negated, modality=mode,
        date=when, date_precision=precision, location=where,
        confidence=_capped(confidence((s, t), evidence, c.code, actors.guessed, doubted),
                           weak_link((s, t), actors.links),
                           pronoun_side((s, t), actors.links)))
        for s, t in coded]


def _capped(conf: float, *caps: float | None) -> float:
    """``conf``, no higher than any cap given."""
    return min([conf, *(c for c in caps if c is not None)])


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per sentence, code and dyad ("a state visit to Beijing … to visit")."""
    seen: set[tuple[int, str, str | None, str | None]] = set()
    out = []
    for e in events:
        key = (e.start, e.code, e.source_actor.code if e.source_actor else None,
               e.target_actor.code if e.target_actor else None)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
