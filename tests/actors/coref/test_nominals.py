"""Nominals (dossier.actors.coref.nominals): short forms of organisations already
named ("the Post") and ages used as nouns ("the 56-year-old"), with negatives."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Mention

SEPT16 = date(2016, 9, 26)
D2024 = D = date(2024, 5, 16)


def find(mentions: list[Mention], surface: str) -> Mention | None:
    return next((m for m in mentions if m.text == surface), None)


def nth(mentions: list[Mention], surface: str, n: int = 0) -> Mention | None:
    hits = [m for m in mentions if m.text == surface]
    return hits[n] if len(hits) > n else None


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        ("The Washington Post ran the story. The Post sent its reporter.", SEPT16, "The Post",
         "usa-washington-post"),
        ("The Commission on Presidential Debates met. The commission says there were issues.",
         SEPT16, "The commission", "usa-debate-commission"),
        # an unknown organisation's short form joins its local chain
        ("The Acme Widget Council met. The council said prices rose.", SEPT16, "The council",
         "local"),
        # negatives: a generic head word does not stand for an organisation named before
        ("Islamic State attacked. The state must respond, the minister said.", D2024,
         "The state", None),
        # negatives: no organisation with that head word in the story
        ("The Washington Post ran the story. The commission met.", SEPT16, "The commission",
         None),
    ],
)
def test_short_forms(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    ms = link(text, on)
    m = find(ms, surface)
    if expected is None:
        assert m is None
    elif expected == "local":
        assert m is not None and m.actor_id.startswith("local:org:")
        first = next(x for x in ms if x.actor_id == m.actor_id and x is not m)
        assert first.chain == m.chain
    else:
        assert m is not None and m.actor_id == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # "the N-year-old" used as a noun is the person named last
        ("Rishi Sunak was appointed chancellor.\n\nThe 39-year-old said he was ready.",
         "The 39-year-old", "rishi-sunak"),
        ("Police named the driver as Liz Truss. The 47-year-old was released on bail.",
         "The 47-year-old", "liz-truss"),
    ],
)
def test_age_description_is_the_person_named_last(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                  expected: str) -> None:
    m = nth(link(text, D), surface)
    assert m is not None and m.actor_id == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # nobody named before it
        ("“He is an amazing leader,” said the 46-year-old.", "the 46-year-old"),
        # an age before a noun is that noun's: no anaphor of its own
        ("Rishi Sunak spoke. The 33-year-old man was held overnight.",
         "The 33-year-old man"),
        # a text cut inside the description
        ("Rishi Sunak spoke to the 56-year", "the 56-year"),
    ],
)
def test_age_description_without_antecedent(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    got = link(text, D)
    assert not [m for m in got if m.text.lower().startswith(surface.lower()[:8])
                and "year-old" in m.text], [(m.text, m.actor_id) for m in got]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a title the story gave one person, used alone, is that person
        ("Gov. Eric Holcomb signed the bill on Tuesday.\n\n“This is a good day,” the "
         "governor said.", "the governor", "Eric Holcomb"),
        ("Researcher Ian Hamilton studied the drug. Another team disagreed. The researcher "
         "said the risk was real.", "The researcher", "Ian Hamilton"),
        ("The governor of Indiana, Eric Holcomb, signed the bill. Later the governor told "
         "reporters the law was fair.", "the governor", "Eric Holcomb"),
        ("Acme CEO Jane Doerr spoke on Monday. “We are proud,” the CEO said.", "the CEO",
         "Jane Doerr"),
        # negatives: two people with that title; no one titled so; a description that
        # says more ("the governor of Ohio", "the former governor")
        ("Indiana Gov. Eric Holcomb and Ohio Gov. Mike DeWine met. “We agree,” the governor "
         "said.", "the governor", None),
        ("Eric Holcomb signed the bill. “This is a good day,” the governor said.",
         "the governor", None),
        ("Gov. Eric Holcomb signed the bill. The governor of Ohio disagreed.",
         "The governor", None),
        ("Gov. Eric Holcomb signed the bill. The former governor disagreed.",
         "The former governor", None),
    ],
)
def test_a_title_the_story_gave_one_person(link, text, surface, expected) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, D), surface)
    if expected is None:
        assert m is None or m.actor_name != "Eric Holcomb"
    else:
        assert m is not None and m.actor_name == expected and m.actor_id.startswith("local:")
