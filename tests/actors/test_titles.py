"""Titles before a name (dossier.actors.titles): a title of two words and a title
written with a no-break space belong to the mention; each rule on and off on made-up
sentences, and sentences it must leave alone."""

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
        ("actors.names.two_word_title",
         "Attorney General Loretta Lynch said the review would go on.",
         "Attorney General Loretta Lynch", "General Loretta Lynch"),
        ("actors.names.two_word_title", "Vice President Joe Biden spoke in Ohio on Monday.",
         "Vice President Joe Biden", "President Joe Biden"),
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
        # a line break is no title's space
        ("The bill was signed by the Governor.\n\nMike Pence said on Monday it would "
         "pass.", "Mike Pence"),
    ],
)
def test_the_title_rules_leave_alone(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert surface in _texts(link, text)
