"""Titles before a name (dossier.actors.titles): a role title of several words and a
title written with a no-break space belong to the mention, and a word inside a role title
is no actor; each rule on and off on made-up sentences, and sentences it must leave
alone."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

ON = date(2016, 6, 1)


def _texts(link, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    ("rule", "text", "with_rule", "without"),
    [
        ("actors.names.role_title_before",
         "Attorney General Loretta Lynch said the review would go on.",
         "Attorney General Loretta Lynch", "General Loretta Lynch"),
        ("actors.names.role_title_before", "Vice President Joe Biden spoke in Ohio on Monday.",
         "Vice President Joe Biden", "President Joe Biden"),
        ("actors.names.role_title_before",
         "The former Secretary of State Madeleine Albright spoke on Monday.",
         "Secretary of State Madeleine Albright", "Madeleine Albright"),
        ("actors.names.role_title_before", "Defense Secretary Ash Carter visited the base.",
         "Defense Secretary Ash Carter", "Secretary Ash Carter"),
        ("actors.names.title_across_space",
         "Their nominee Gov.\u00a0Mike Pence said the plan would work.",
         "Gov.\u00a0Mike Pence", "Mike Pence"),
        ("actors.names.title_across_space",
         "On Monday Sen.\u00a0Bernie Sanders said he would vote no.",
         "Sen.\u00a0Bernie Sanders", "Bernie Sanders"),
    ],
)
def test_a_title_rule_on_and_off(link, rule: str, text: str, with_rule: str,  # type: ignore[no-untyped-def]
                                 without: str) -> None:
    assert with_rule in _texts(link, text)
    with switched_off(rule):
        assert without in _texts(link, text)
        assert with_rule not in _texts(link, text)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a word before the title that makes no title with it stays out
        ("Our General Mark Milley said the drills would end.", "General Mark Milley"),
        ("The former President Barack Obama spoke on Monday.", "President Barack Obama"),
        # a lower-case word before the title is no part of it
        ("The state attorney General Loretta Lynch named said so.", "General Loretta Lynch"),
        # an ordinary space: unchanged
        ("Sen. Bernie Sanders said he would vote no.", "Sen. Bernie Sanders"),
        # a role title in lower case is a description, not the name's title
        ("The party's nominee Donald Trump spoke on Monday.", "Donald Trump"),
        ("Their defense secretary Ash Carter spoke on Monday.", "Ash Carter"),
        # a line break is no title's space
        ("The bill was signed by the Governor.\n\nMike Pence said on Monday it would "
         "pass.", "Mike Pence"),
    ],
)
def test_the_title_rules_leave_alone(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert surface in _texts(link, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("You cannot be Secretary of State and use a private server.", "State"),
        ("The former Secretary of State Madeleine Albright spoke on Monday.", "State"),
        ("Secretary of Defense Ash Carter visited the base on Monday.", "Defense"),
    ],
)
def test_a_word_of_a_role_title_is_no_organisation(link, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in _texts(link, text)
    with switched_off("actors.names.inside_title", "actors.names.role_title_before"):
        assert word in _texts(link, text)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a body the gazetteer knows inside a title still names the body
        ("Director of the FBI James Comey said the review was over.", "the FBI"),
        ("The State Department said on Monday that talks would go on.", "The State Department"),
    ],
)
def test_a_body_inside_a_title_stays(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert surface in _texts(link, text)
