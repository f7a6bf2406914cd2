"""The "it" that refers to nothing (pleonastic, expletive "it"): the weather, an
extraposed clause, a cleft. Word lists in actor_cues.toml (weather_verbs,
expletive_verbs, extraposed_adjectives, time_nouns)."""

from __future__ import annotations

from typing import Any

from dossier.actors.cues import BOOK, cues
from dossier.parse.tree import children


@BOOK.rule("coref", off=False)
def expletive_it(tok: Any) -> bool:
    """Pleonastic "it" refers to nothing: "it is raining", "it is clear that", "it seems
    that", "it was reported that", "made it clear that", "it's 3 a.m.", clefts ("it was
    divisions that …", "it's not what worked")."""
    if tok.lower_ != "it":
        return False  # "its", "itself" always refer
    if tok.dep_ == "expl":
        return True
    c = cues()
    head = tok.head
    later = [ch for ch in children(head) if ch.i > tok.i]
    clause = any(ch.dep_ in ("ccomp", "xcomp", "csubj") for ch in later)
    if tok.dep_ == "nsubj" and head.pos_ == "ADJ" and head.lower_ in c.extraposed:
        return True  # "made it clear that", "find it hard to" (a small clause)
    if tok.dep_ == "nsubj":
        if head.lemma_ in c.weather_verbs:
            return True
        if head.lemma_ in c.expletive_verbs and (
                clause or any(ch.dep_ in ("advcl", "prep") and ch.lower_ in
                              ("like", "as", "that", "if") for ch in later)):
            return True
        if head.lemma_ == "be":
            if any(ch.dep_ == "acomp" and ch.lower_ in c.extraposed and ch.i < tok.i
                   for ch in children(head)) and clause:
                return True  # "how important it is to combat …"
            for ch in later:
                if ch.dep_ in ("attr", "ccomp", "acomp") and (
                        any(g.dep_ == "relcl" and any(
                            h.dep_ in ("nsubj", "nsubjpass", "dobj")
                            and h.lower_ in ("that", "who", "which") for h in children(g))
                            for g in children(ch))
                        or ch.left_edge.lower_ in ("what", "how", "why", "who")):
                    return True  # "it was divisions that …", "it's not what worked"
                if ch.dep_ in ("acomp", "attr") and (
                        ch.lower_ in c.extraposed or ch.lemma_ in c.time_nouns
                        or ch.ent_type_ in ("TIME", "DATE")):
                    return True
                if ch.dep_ in ("ccomp", "csubj") and any(
                        g.dep_ == "mark" and g.lower_ in ("that", "whether")
                        for g in children(ch)):
                    return True
    if that_is_it(tok):
        return True
    if tok.dep_ == "nsubjpass" and clause:
        return True  # "it is believed that", "it was reported that"
    if tok.dep_ == "dobj" and any(ch.dep_ in ("oprd", "ccomp", "xcomp") for ch in later):
        return True  # "made it clear that", "find it hard to"
    return False



@BOOK.rule("coref", off=False)
def that_is_it(tok: Any) -> bool:
    """"If they don't, that's it": the "it" of "that's it", "this is it" is the idiom's,
    not China's."""
    head = tok.head
    return bool(tok.dep_ in ("attr", "dobj", "acomp") and head.lemma_ == "be" and any(
        ch.dep_ == "nsubj" and ch.lower_ in ("that", "this") for ch in children(head)))
