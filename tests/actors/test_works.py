"""Titles of works that hold a place's or a person's name (dossier.actors.nonactors):
dated_title, credited_title and work_title_again, each on and off, with sentences they
must leave alone. Made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

DAY = date(2019, 6, 1)


def _actors(link, text: str, surface: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.actor_id for m in link(text, DAY) if m.text == surface]


OWNED = pytest.mark.xfail(strict=True, reason="a title after an owned work noun (\"the "
                          "Doobie Brothers' hit China Grove\") keeps its state: session 18's "
                          "owned_work_title rule changed no record on any page set and was "
                          "taken out")


@pytest.mark.parametrize(("text", "surface"), [
    pytest.param("The crowd sang along to the Doobie Brothers' hit China Grove.", "China",
                 marks=OWNED),
    pytest.param("Their 1973 hit China Grove still sells.", "China", marks=OWNED),
])
def test_a_title_after_an_owned_work_noun(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert _actors(link, text, surface) == []


@pytest.mark.parametrize(("rule", "text", "surface"), [
    ("dated_title", "China Grove (1973) sold a million copies for the band.", "China"),
    ("credited_title", "China Grove, directed by Jane Roe, opens on Friday.", "China"),
    ("credited_title", "China Grove was directed by Jane Roe and opens on Friday.", "China"),
    ("work_title_again", "The band's China Grove (1973) sold well. Fans still sing China "
     "Grove at every show.", "China"),
])
def test_a_works_title_names_no_actor(link, rule: str, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert _actors(link, text, surface) == []
    with switched_off(f"actors.names.{rule}"):
        assert _actors(link, text, surface) == ["CHN"]


@pytest.mark.parametrize(("text", "surface", "actors"), [
    # a state the gazetteer knows before a year
    ("The invasion of Iraq (2003) failed, Donald Trump said.", "Iraq", ["IRQ"]),
    # no name after the credit word
    ("China, starring in its own drama, said no.", "China", ["CHN"]),
    # the state again, no title's words
    ("The band's China Grove (1973) sold well. Leaders in China said no.", "China",
     ["CHN"]),
])
def test_names_the_work_rules_leave_alone(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                          actors: list[str]) -> None:
    assert _actors(link, text, surface) == actors


@pytest.mark.parametrize(("rule", "text", "surface", "without"), [
    # a quoted title with the comma inside the quotation marks
    ("work_titles", "Pitt won for his role in “Once Upon A Time in Hollywood,” the studio "
     "said.", "Time", "usa-time"),
    # a social handle is no person's name
    ("not_a_person_name", "Read her column every week. Follow Jane Roe on Twitter @janeroe "
     "for updates.", "Twitter @janeroe", "local:person"),
    # a supplement is a thing
    ("thing_head", "Take Vitamin Supplement every day.", "Vitamin Supplement", "local:person"),
    # a studio is a company
    ("company_name_end", "Ithilen Studio has designed the light show.", "Ithilen Studio",
     "local:person"),
])
def test_more_things_named_as_actors(link, rule: str, text: str, surface: str,  # type: ignore[no-untyped-def]
                                     without: str) -> None:
    def found() -> list[str]:
        return [f"local:{m.type}" if m.actor_id.startswith("local:") else m.actor_id
                for m in link(text, DAY) if m.text == surface]
    assert without not in found()
    with switched_off(f"actors.names.{rule}"):
        assert without in found()
