"""Two shapes of shown events read wrong (issue 19, session 18): a source summoning or
recalling its own envoy acts on the envoy's post, not on itself
(``arguments.own_envoy``); calling someone an insult is criticism, not an appeal or a
call (``coding.name_calling``). Positives and negatives, each with the rule on and
off. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.records import Event
from dossier.rules import switched_off


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


# (sentence, a dyad with the rule on, the same sentence's dyad with it off)
OWN_ENVOY = [
    ("Turkey summoned its ambassador to Austria for consultations.",
     ("110", "TUR", "AUT"), ("110", "TUR", "TURGOV")),
    ("France recalled its ambassadors from Australia and the United States.",
     ("161", "FRA", "AUS"), ("161", "FRA", "FRAGOV")),
    ("The Kenyan government recalled their ambassador from Uganda.",
     ("161", "KENGOV", "UGA"), ("161", "KENGOV", "UGAGOV")),
]


@pytest.mark.parametrize(("text", "on", "off"), OWN_ENVOY)
def test_own_envoy_is_no_target(events, text: str, on: tuple, off: tuple) -> None:  # type: ignore[no-untyped-def]
    with_rule = dyads(events(text))
    assert on in with_rule and off not in with_rule, with_rule
    with switched_off("events.arguments.own_envoy"):
        assert off in dyads(events(text))


def test_own_envoy_with_no_post_has_no_target(events) -> None:  # type: ignore[no-untyped-def]
    evs = events("Turkey summoned its ambassador for consultations.")
    assert all(e.target_actor is None and e.confidence < 0.6 for e in evs), dyads(evs)


# Another state's envoy stays the target, with the rule on.
OTHERS_ENVOY = [
    ("Greece summoned the Turkish ambassador.", ("110", "GRC", "TURGOV")),
    ("Turkey summoned Austria's ambassador.", ("110", "TUR", "AUTGOV")),
]


@pytest.mark.parametrize(("text", "dyad"), OTHERS_ENVOY)
def test_anothers_envoy_stays_the_target(events, text: str, dyad: tuple) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(events(text))


NAME_CALLING = [
    ("Kenya called Uganda a rogue state.", ("111", "KEN", "UGA")),
    ("Erdogan called Netanyahu a terrorist.", ("111", "TURGOV", "ISRGOV")),
    ("The president called the Kenyan ambassador a fool on Tuesday.",
     ("111", "---GOV", "KENGOV")),
]


@pytest.mark.parametrize(("text", "on"), NAME_CALLING)
def test_name_calling_is_criticism(events, text: str, on: tuple) -> None:  # type: ignore[no-untyped-def]
    assert on in dyads(events(text))
    with switched_off("events.coding.name_calling"):
        assert on not in dyads(events(text))


def test_name_calling_in_an_apposition(events) -> None:  # type: ignore[no-untyped-def]
    codes = {e.code for e in events(
        "Donald Trump called Britain's ambassador to the United States a very stupid guy.")}
    assert codes == {"111"}


NOT_NAME_CALLING = [
    "Kenya called Uganda a key partner.",
    "Kenya called on Uganda to withdraw its troops.",
    "Kenya called Uganda's envoy, a former general, on Monday.",
    "The Kenyan president called the Ugandan president to congratulate him.",
]


@pytest.mark.parametrize("text", NOT_NAME_CALLING)
def test_no_insult_no_criticism(events, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "111" not in {e.code for e in events(text)}
