"""On the demo: the state visits, the phone call, the sanctions, the criticisms and
accusations (the passive ones too), the signed "no-limits" agreement, the crackdown —
with the right dyads — and nothing from negated sentences or quoted speech. Gold read
by a person: (words of the evidence sentence, code, source country, target country);
None where the text names no actor (an accusation by someone unnamed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.pipeline import Sink, run
from dossier.records import DocumentResult, Event
from dossier.settings import load_settings

EXPECTED = [
    ("The Russian president is currently on a rare two-day state visit", "042", "RUS", "CHN"),
    ("Putin visited Beijing in October", "042", "RUS", "CHN"),
    ("Xi went to Moscow last March", "042", "CHN", "RUS"),
    ("Beijing supplies Moscow", "070", "CHN", "RUS"),
    ("The US has sanctions against both Beijing and Moscow", "163", "USA", "CHN"),
    ("The US has sanctions against both Beijing and Moscow", "163", "USA", "RUS"),
    ("since the West imposed unprecedented sanctions on Moscow", "163", "WST", "RUS"),
    ("called out Russia", "111", "GBR", "RUS"),
    ("China was criticised by Taiwan", "111", "TWN", "CHN"),
    ("Xi signed up to a “no-limits” friendship with Putin", "057", "CHN", "RUS"),
    ("the police cracked down on demonstrators", "175", "CHN", "CHN"),
    ("Liz Truss has condemned Rishi Sunak", "111", "GBR", "GBR"),
    ("also took a swipe at Sunak", "111", "GBR", "GBR"),
    ("The two leaders spoke during an hour-long phone call", "040", "CHN", "RUS"),
    ("The two leaders spoke during an hour-long phone call", "040", "RUS", "CHN"),
    ("The two also spoke about", "040", "CHN", "RUS"),
    # "they both": the pair of the sentence before; the US denounced, by both
    ("they both lashed out at the US in particular", "111", "CHN", "USA"),
    ("they both lashed out at the US in particular", "111", "RUS", "USA"),
    # the passive accusation with no agent: the accused known, the accuser not
    ("something both nations have been actually been accused of", "112", None, "CHN"),
    ("something both nations have been actually been accused of", "112", None, "RUS"),
    ("The former prime minister will hit out at her successor", "111", "GBR", "GBR"),
    ("directly confronted President Xi Jinping", "111", "GBR", "CHN"),
    ("The Russian president also thanked his Chinese counterpart", "051", "RUS", "CHN"),
    ("Xi Jiinping and Russia’s Vladimir Putin have agreed", "030", "CHN", "RUS"),
    ("Xi Jiinping and Russia’s Vladimir Putin have agreed", "030", "RUS", "CHN"),
    ("the leaders agreed today to continue", "030", "CHN", "RUS"),
    ("the leaders agreed today to continue", "030", "RUS", "CHN"),
    ("during a visit to Australia, Sir Jeremy Fleming", "042", "GBR", "AUS"),
    ("this “bond” deepened after Putin invaded Ukraine", "190", "RUS", "UKR"),
    ("Truss will call on the west to defend Taiwan", "0234", "GBR", "WST"),
]
NEGATED = [
    "China stops short of offering actual weapons",
    "However, Putin did not mention any of this transactional relationship",
    "who has not publicly condemned the invasion",
    "they do not have any more visits scheduled",
    "He did not explain how much dust is already on it",
    "This supposed revelation did not alter the trajectory",
]
# Sentences of quoted speech that mention an event: no event.
QUOTED = [
    "the Chinese government has chosen to crack down further",
    "the strategic miscalculation that Western leaders warned Putin it would be",
    "My visit this week is enabling me",
]
# Wrong before: a director taking over his own service.
NOTHING = [
    "since he took over the Security Service in April 2020",
]


class _Keep(Sink):
    def __init__(self) -> None:
        self.events: list[Event] = []

    def write(self, result: DocumentResult) -> None:
        self.events.extend(result.events)


@pytest.fixture(scope="module")
def events(demo_path: Path) -> list[Event]:
    sink = _Keep()
    run([demo_path], sink, load_settings(overrides={"published": "2024-05-16"}))
    return sink.events


def _sentence(text: str, e: Event) -> str:
    return text[e.start : e.end]


@pytest.mark.parametrize(("words", "code", "src", "tgt"), EXPECTED,
                         ids=[str(x[0] if isinstance(x, tuple) else x.values[0])[:30]
                              for x in EXPECTED])
def test_demo_event(events: list[Event], demo_text: str, words: str, code: str, src: str,
                    tgt: str) -> None:
    found = [e for e in events if words in _sentence(demo_text, e) and e.code == code
             and not e.negated and (e.source_actor and e.source_actor.country) == src
             and (e.target_actor and e.target_actor.country) == tgt]
    assert found, [(e.code, e.source_actor, e.target_actor) for e in events
                   if words in _sentence(demo_text, e)]


@pytest.mark.parametrize("words", NEGATED)
def test_nothing_from_negated_sentences(events: list[Event], demo_text: str,
                                        words: str) -> None:
    assert [e for e in events if words in _sentence(demo_text, e) and not e.negated] == []


@pytest.mark.parametrize("words", QUOTED + NOTHING)
def test_nothing_from_quotes_and_actorless(events: list[Event], demo_text: str,
                                           words: str) -> None:
    assert [e for e in events if words in _sentence(demo_text, e)] == []


def test_every_demo_event_has_a_known_actor(events: list[Event]) -> None:
    # a side with a country or a named actor: no event between agents of no country
    assert events and all(any(a and (a.country or a.actor_id)
                              for a in (e.source_actor, e.target_actor)) for e in events)
