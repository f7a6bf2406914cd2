"""On the demo, every person in speaker position resolves to the right person.

Gold read by a person: each row is the mention text, the words that follow it in
the demo (enough to find it) and the actor it must resolve to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.pipeline import Sink, run
from dossier.records import DocumentResult, Mention
from dossier.settings import load_settings

SPEAKERS = [
    ("he", " said: “Our cooperation", "vladimir-putin"),
    ("Putin", " continued: “Together", "vladimir-putin"),
    ("Xi", " said their close cooperation", "xi-jinping"),
    ("Xi", " said.\nAn international", "xi-jinping"),
    ("Putin", " said: “We are determined", "vladimir-putin"),
    ("Yuri Ushakov", " told journalists", "yuri-ushakov"),
    ("Xi", " suggested the two", "xi-jinping"),
    ("Xi", " said the two countries have", "xi-jinping"),
    ("The former prime minister", " will hit out", "liz-truss"),
    ("Sunak", " said: “China and the Chinese", "rishi-sunak"),
    ("He", " said: “I don’t think", "rishi-sunak"),
    ("Truss", " will call on Sunak", "liz-truss"),
    ("he", " said about China last year", "rishi-sunak"),
    ("She", " will say: “Last summer", "liz-truss"),
    ("she", " said “there have been", "liz-truss"),
    ("she", " added.\n", "liz-truss"),
    ("She", " will say: “We in the west", "liz-truss"),
    ("he", " warned the “golden age”", "rishi-sunak"),
    ("the prime minister", " added “we cannot", "rishi-sunak"),
    ("Sunak", " said: “Let’s be clear", "rishi-sunak"),
    ("He", " added: “Of course", "rishi-sunak"),
    ("Osborne", " said: “I believe", "george-osborne"),
    ("Sunak", " also warned that", "rishi-sunak"),
    ("Sir Jeremy Fleming", " will say the Russian", "jeremy-fleming"),
    ("he", " will paint a picture", "jeremy-fleming"),
    ("Fleming", " is also warning China", "jeremy-fleming"),
    ("he", " will say that China’s", "jeremy-fleming"),
    ("Fleming", " will say that Putin", "jeremy-fleming"),
    ("Fleming", " will say President Xi", "jeremy-fleming"),
    ("He", " will say there is the potential", "jeremy-fleming"),
    ("Ken McCallum", " will warn today", "ken-mccallum"),
    ("the intelligence chief", " will urge Britons", "ken-mccallum"),
    ("McCallum", " will challenge", "ken-mccallum"),
    ("The spy chief", " will warn that", "ken-mccallum"),
    ("he", " will say.\nMcCallum", "ken-mccallum"),
    ("McCallum", " will explain why", "ken-mccallum"),
]


class _Keep(Sink):
    def __init__(self) -> None:
        self.mentions: list[Mention] = []

    def write(self, result: DocumentResult) -> None:
        self.mentions.extend(result.mentions)


@pytest.fixture(scope="module")
def mentions(demo_path: Path) -> list[Mention]:
    sink = _Keep()
    run([demo_path], sink, load_settings(overrides={"published": "2024-05-16"}))
    return sink.mentions


@pytest.mark.parametrize(("surface", "after", "actor_id"), SPEAKERS,
                         ids=[f"{s}{a[:18]}" for s, a, _ in SPEAKERS])
def test_speaker_resolves(mentions: list[Mention], demo_text: str, surface: str, after: str,
                          actor_id: str) -> None:
    at = demo_text.index(surface + after)
    found = [m for m in mentions if m.start == at and m.text == surface]
    assert found, f"no mention of {surface!r} at {at}"
    assert found[0].actor_id == actor_id
