"""Nominal events put in force by their verb, and emergency measures imposed
(``events/nominal.py``, ``patterns.done_by_verb``, issue 19, session 23). Positives and
negatives; sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.records import Event


def coded(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


# (sentence, an event (code, source, target) that must be coded, or None; a code that
# must not be, or None)
CASES = [
    # nominal.done_by_verb: an invasion mounted or launched is force
    ("Russia mounted an invasion of Ukraine.", ("190", "RUS", "UKR"), None),
    ("Israel launched an incursion into Lebanon.", ("190", "ISR", "LBN"), None),
    ("Vladimir Putin ordered an invasion of Georgia.", ("190", "RUSGOV", "GEO"), None),
    # negatives: an invasion condemned or talked about is no invasion by its speaker
    ("Egypt condemned the invasion of Lebanon.", None, "190"),
    ("Japan criticised the Russian invasion of Ukraine.", ("111", "JPN", "RUS"), "190"),
    ("The invasion of Ukraine shocked Poland.", None, "190"),
    # a mediation launched or undertaken is mediation between the two it names
    ("Qatar launched a mediation effort between Egypt and Ethiopia.", ("045", "QAT", "EGY"),
     "020"),
    ("Norway undertook a mediation mission between Sudan and Chad.", ("045", "NOR", "SDN"),
     None),
    # negatives: an effort of another kind, mediation rejected
    ("Qatar launched a new effort to attract investors from Egypt.", None, "045"),
    ("Ethiopia rejected a mediation effort between Egypt and Sudan.", None, "045"),
    # nominal.emergency_measure: a curfew, a state of emergency or siege, martial law
    ("Bolivia declared a state of emergency in Pando.", ("1724", "BOL", None), "1044"),
    ("The Thai army declared martial law.", ("1724", "THAMIL", None), None),
    ("The Kenyan government imposed a curfew in Nairobi.", ("1723", "KENGOV", None), None),
    # negatives: a state declared, a curfew lifted, a law declared void
    ("Palestinians declared an independent state.", None, "1724"),
    ("Sudan lifted the curfew in Khartoum.", ("081", "SDN", None), "1723"),
    ("The court declared the law unconstitutional.", None, "1724"),
    # attacks ordered are the attacks, by the one who ordered them
    ("Vladimir Putin ordered massive attacks on Ukraine.", ("190", "RUSGOV", "UKR"), "138"),
    ("Netanyahu ordered a raid on Hamas positions in Gaza.", ("190", "ISRGOV", "PSEREB"),
     "100"),
    # negatives: a strike ordered at a factory, attacks condemned
    ("The Kenyan union ordered a strike at the factory.", None, "190"),
    ("Egypt condemned the attacks on Ukraine.", None, "190"),
    # nominal.acting_verb: announced, an invasion is a threat, a mediation an intention
    ("Russia will launch an invasion of Ukraine.", ("138", "RUS", "UKR"), "190"),
    # (a mediation announced is CAMEO's 039, intent to mediate: events.codebook, session 23)
    ("Kenya will launch a mediation effort between Sudan and Ethiopia.",
     ("039", "KEN", "SDN"), "045"),
    # negative: done, it stays done
    ("Russia launched an invasion of Ukraine.", ("190", "RUS", "UKR"), "138"),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_nominal(events, text: str, present: tuple | None, absent: str | None) -> None:
    got = coded(events(text))
    if present is not None:
        assert present in got, got
    if absent is not None:
        assert absent not in {c for c, _, _ in got}, got
