"""Sides the default view must not show as sure (issue 19, session 17): a place after
"in" as a target, the owner of the object who is the source's own side, the clause's
subject as the source of a nominal event done "by" another, and sides known only
through a pronoun or a weak link. Made-up sentences; each row: a sentence and a dyad
that must (or must not) be coded, or the band its confidence must fall in."""

from __future__ import annotations

import pytest

from dossier.records import Event


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code[:3], e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


NOT_CODED = [
    # a place after "in" is where, not whom (precision.place_in)
    ("Russian forces carried out airstrikes in Syria on Tuesday.", ("190", "RUSMIL", "SYR")),
    ("The United States deployed troops in Poland last year.", ("150", "USA", "POL")),
    ("The European Union deployed election observers in Zimbabwe.", ("150", "IGOEUREEC", "ZWE")),
    # the owner of the object is the source's own side (arguments.own_possessor)
    ("Erdogan reiterated Turkey's support for the Libyan government.", ("051", "TURGOV", "TUR")),
    ("In a statement, the Egyptian foreign ministry expressed Egypt's solidarity with Saudi "
     "Arabia.", ("051", "EGYGOV", "EGY")),
    # a nominal event done by another (arguments.agent_of_noun)
    ("Before the visit by Emmanuel Macron to China, Russian police arrested two "
     "activists.", ("042", "RUSCOP", "CHN")),
]
CODED = [
    ("Vladimir Putin arrived in Beijing on Monday.", ("042", "RUSGOV", "CHN")),
    ("Iran fired missiles at Israel on Sunday.", ("190", "IRN", "ISR")),
    ("Russian forces carried out airstrikes on Ukraine.", ("190", "RUSMIL", "UKR")),
    ("Erdogan reiterated Turkey's support for the Libyan government.", ("051", "TURGOV", "LBYGOV")),
    ("The European Union welcomed the Iranian president's decision to free prisoners.",
     ("051", "IGOEUREEC", "IRNGOV")),
    ("Israel condemned the attack by Hamas on Israeli soldiers.", ("111", "ISR", "PSEREB")),
    ("Andres Lopez Obrador defended Mexico's immigration policy.", ("052", "MEXGOV", "MEX")),
    ("Before the visit by Emmanuel Macron to China, Russian police arrested two "
     "activists.", ("042", "FRAGOV", "CHN")),
]


@pytest.mark.parametrize(("text", "dyad"), NOT_CODED, ids=[t[:40] for t, _ in NOT_CODED])
def test_not_coded(events, text: str, dyad: tuple) -> None:  # type: ignore[no-untyped-def]
    assert dyad not in dyads(events(text))


@pytest.mark.parametrize(("text", "dyad"), CODED, ids=[t[:40] for t, _ in CODED])
def test_still_coded(events, text: str, dyad: tuple) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(events(text))


# (sentence, the code its dyad must carry): an attack in words between politicians
# (precision.verbal_attack); negatives: a state, an armed side
VERBAL = [
    ("Donald Trump attacked Nancy Pelosi on Twitter.", "111"),
    ("Bernie Sanders launched a fierce attack on Joe Biden over his record.", "111"),
    # session 21: a party attacking a politician (Wikinews 2020 tuning sheet)
    ("Democrats continued to attack President Donald Trump on his taxes.", "111"),
    ("The Labour Party attacked Boris Johnson over the bill.", "111"),
    ("Vladimir Putin attacked Ukraine on Monday.", "190"),
    ("Hamas attacked Benjamin Netanyahu's convoy.", "190"),
    ("Israeli soldiers attacked Hamas fighters in Gaza.", "190"),
]


@pytest.mark.parametrize(("text", "code"), VERBAL, ids=[t[:40] for t, _ in VERBAL])
def test_verbal_attack(events, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert {e.code[:3] for e in events(text) if e.target_actor} == {code}


CONFIDENCE = [
    # a side through a pronoun not the main subject (coding.pronoun_side): below the floor
    ("Emmanuel Macron met Angela Merkel in Berlin. He criticised her for the delay.",
     "111", 0.0, 0.55),
    ("Angela Merkel met Emmanuel Macron. Macron said that she criticised Italy.",
     "111", 0.0, 0.55),
    # a subject standing for the one actor its sentence names before it: shown
    ("The Israeli military says it has opened an investigation into the death of a "
     "Palestinian man.", "09", 0.6, 1.0),
    # the main subject, and named sides: as before
    ("Emmanuel Macron met Angela Merkel in Berlin. He criticised Italy for the delay.",
     "111", 0.6, 1.0),
    ("Emmanuel Macron met Angela Merkel in Berlin. Macron criticised Merkel for the delay.",
     "111", 0.6, 1.0),
    ("Emmanuel Macron criticised Angela Merkel for the delay.", "111", 0.6, 1.0),
]


@pytest.mark.parametrize(("text", "code", "low", "high"), CONFIDENCE,
                         ids=[t[:50] for t, *_ in CONFIDENCE])
def test_confidence(events, text: str, code: str, low: float, high: float) -> None:  # type: ignore[no-untyped-def]
    found = [e.confidence for e in events(text) if e.code.startswith(code)]
    assert found and all(low <= c <= high for c in found), found


@pytest.mark.parametrize(("link", "rule", "shown"), [(0.5, True, False), (0.95, True, True),
                                                     (0.5, False, True)])
def test_weak_link_caps_the_event(link: float, rule: bool, shown: bool) -> None:
    """A side linked at ``link`` (coding.weak_link): a weak link hides the event, a sure
    one does not; with the rule off the weak link is shown."""
    from dataclasses import replace

    from dossier.analysis import analysers
    from dossier.events.extract import extract_events
    from dossier.rules import switched_off

    an = analysers()
    parsed = an.read("Taiwan criticised China.")
    parsed.set_mentions([replace(m, confidence=link) if m.text == "Taiwan" else m
                         for m in parsed.mentions])
    off = ["events.post.page_calibrated"] + ([] if rule else ["events.coding.weak_link"])
    with switched_off(*off):
        found = [e.confidence for e in extract_events(parsed, an.geo) if e.code == "111"]
    assert found and all((c >= 0.6) is shown for c in found), found
