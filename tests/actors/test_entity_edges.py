"""Words NER glued before a name (dossier.actors.entity_edges), each rule on and off
with sentences it must leave alone, events named with a common noun (``thing_nouns``)
and a demonym that is no country's name. Made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off


def _spans(link, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each mention's words and its actor (``local:<type>`` for an unknown one)."""
    return {m.text: (f"local:{m.type}" if m.actor_id.startswith("local:") else m.actor_id)
            for m in link(text, date(2023, 6, 1))}


@pytest.mark.parametrize(
    ("rule", "text", "glued", "name"),
    [
        ("opening_word_glued", "Recent Samsung phones sold well. Samsung said sales rose.",
         "Recent Samsung", "Samsung"),
        ("opening_word_glued", "Questioning Vindman's judgment, the counsel pressed on. "
         "Alexander Vindman testified on Tuesday.", "Questioning Vindman", "Vindman"),
        ("opening_word_glued", "Grilling Patel on the plan, the committee pressed on. "
         "Priti Patel said little.", "Grilling Patel", "Patel"),
        ("role_abbreviation_in_entity", "Browns DL Sheldon Richardson, however, decided to "
         "weigh in on the fight.", "Browns DL Sheldon Richardson", "Sheldon Richardson"),
        ("party_members_entity", "Virginia Democrats won a legislative majority for the "
         "first time.", "Virginia Democrats", "Democrats"),
        ("owner_end", "Amazon founder Jane Roe’s Blue Origin and Acme’s rockets are among "
         "them.", "Jane Roe’s Blue Origin", "Jane Roe"),
    ],
)
def test_glued_words_on_and_off(link, rule: str, text: str, glued: str,  # type: ignore[no-untyped-def]
                                name: str) -> None:
    found = _spans(link, text)
    assert glued not in found and name in found
    with switched_off(f"actors.names.{rule}"):
        assert glued in _spans(link, text)


def test_a_party_glued_to_its_place_is_the_party(link) -> None:  # type: ignore[no-untyped-def]
    assert _spans(link, "Virginia Democrats won a legislative majority for the first "
                  "time.")["Democrats"] == "usa-democrats"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a first word that is a first name, or a name that acts
        ("Rich Lowry wrote the column. Lowry is an editor.", None),
        ("Browning Smith said the plan failed. Smith is a farmer.", "Browning Smith"),
        # the rest written nowhere alone, or a thing named with common words
        ("Hosting Baxter at the dinner, the chef smiled.", None),
        ("Fallen Order sold well, and Order 66 is its best scene.", None),
        # no name after the abbreviation; the abbreviation first
        ("Sheldon Richardson DL was fined on Monday.", None),
        # a single person's name, no plural
        ("Jim Hood lost by five points in the race for governor.", "Jim Hood"),
        # a possessive with no first name before it, or nothing after it
        ("Jane Roe's plan failed, and Roe said so.", "Jane Roe"),
    ],
)
def test_names_the_edge_rules_leave_alone(link, text: str,  # type: ignore[no-untyped-def]
                                          name: str | None) -> None:
    found = _spans(link, text)
    with switched_off("actors.names.opening_word_glued",
                      "actors.names.role_abbreviation_in_entity",
                      "actors.names.party_members_entity", "actors.names.owner_end"):
        assert _spans(link, text) == found
    if name is not None:
        assert found[name] == "local:person"


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        ("Lube Live returns to London in May, organisers said.", "Lube Live", False),
        ("The Acme Expo opens in Leeds in March, organisers said.", "Acme Expo", False),
        ("She spoke at the Sunshine Summit in Orlando on Friday.", "Sunshine Summit", False),
        ("Thousands of teachers pack Acmeville Statehouse for a protest", "Acmeville Statehouse",
         False),
        # a name that is no event's
        ("Tom Hill said the plan would fail.", "Tom Hill", True),
        ("Jane Weekes said the plan would fail.", "Jane Weekes", True),
    ],
)
def test_an_event_named_with_a_common_noun_is_no_actor(link, text: str,  # type: ignore[no-untyped-def]
                                                       surface: str, kept: bool) -> None:
    assert (surface in _spans(link, text)) is kept


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # a university's (or its team's) name is no person
        ("Penn State quarterback Sean Clifford said he received threats.", "Penn State",
         "local:org"),
        ("Sean Clifford said he received threats.", "Sean Clifford", "local:person"),
    ],
)
def test_a_state_university_is_no_person(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                         actor: str) -> None:
    assert _spans(link, text)[surface] == actor


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # the demonym as a person: no link to the state
        ("The Argentine won the final on Sunday, beating the top seed.", "The Argentine",
         None),
        ("The Argentine said he was tired after the match.", "The Argentine", None),
        # the country by its names
        ("Argentina said it would pay its debts.", "Argentina", "ARG"),
        ("The Argentine Republic signed the treaty.", "Argentine Republic", "ARG"),
    ],
)
def test_the_argentine_is_no_country(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                     actor: str | None) -> None:
    assert _spans(link, text).get(surface) == actor
