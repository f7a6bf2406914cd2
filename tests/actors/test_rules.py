"""The actor stage's rule book: every rule named, documented with its example, and
switchable; switched off, a rule no longer does what its example says (a table of
rule, text, date, surface, with the rule and without it)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors.cues import BOOK, GROUPS
from dossier.actors.link import PASSES
from dossier.rules import switched_off

D2024 = date(2024, 5, 16)
SEPT16 = date(2016, 9, 26)


def test_every_rule_has_a_group_and_an_example() -> None:
    rules = list(BOOK)
    assert len(rules) > 40
    assert [r.group for r in rules] == sorted((r.group for r in rules), key=GROUPS.index)
    for r in rules:
        assert r.group in GROUPS, r.key
        assert any(q in r.doc for q in ('"', "“")), f"{r.key}: no example in its docstring"


def test_every_pass_is_documented_and_runs_once() -> None:
    runs = [p.run for p in PASSES]
    assert len(set(runs)) == len(runs)
    assert all(run.__doc__ for run in runs)


@pytest.mark.parametrize(
    ("rule", "text", "on", "surface", "with_rule", "without"),
    [
        ("actors.names.misspelt_name", "China’s president Xi Jiinping agreed.", D2024,
         "Xi Jiinping", ("xi-jinping", "fuzzy"), "local"),
        ("actors.names.title_office", "Hillary Clinton spoke. Flowers had an affair with "
         "President Clinton.", SEPT16, "President Clinton", ("bill-clinton", "title"),
         ("hillary-clinton", "title")),
        ("actors.names.title_gender", "Sarah Sanders spoke. Mr Sanders said no.", SEPT16,
         "Mr Sanders", ("bernie-sanders", "title"), ("sarah-huckabee-sanders", "title")),
        ("actors.names.senior_office", "Obama had a ten-point lead among high earners.",
         SEPT16, "Obama", ("barack-obama", "name"), "local"),
        ("actors.names.place_not_actor", "Putin is on a two-day state visit to Beijing.",
         D2024, "Beijing", None, ("CHN", "metonym")),
        ("actors.roles.holder_on_date", "The Russian president is on a state visit.", D2024,
         "The Russian president", ("vladimir-putin", "role"), None),
        ("actors.roles", "The Russian president is on a state visit.", D2024,
         "The Russian president", ("vladimir-putin", "role"), None),
        ("actors.coref.short_form", "The Washington Post ran the story. The Post sent its "
         "reporter.", SEPT16, "The Post", ("usa-washington-post", "alias"), "local"),
        ("actors.coref.age_description", "Police named the driver as Liz Truss. The "
         "47-year-old was released on bail.", D2024, "The 47-year-old",
         ("liz-truss", "pronoun"), None),
        ("actors.coref.expletive_it", "The FBI met on Monday. It seems that the leak was "
         "serious.", D2024, "It", None, ("usa-fbi", "pronoun")),
        ("actors.coref.controller", "The FBI warned Congress to boost its security.", D2024,
         "its", ("usa-congress", "pronoun"), ("usa-fbi", "pronoun")),
        ("actors.coref.object_clause_head", "The Kremlin denied it.", D2024, "it", None,
         ("rus-kremlin", "pronoun")),
        ("actors.coref", "The FBI said it would investigate the leak.", D2024, "it",
         ("usa-fbi", "pronoun"), None),
    ],
)
def test_a_rule_switched_off_no_longer_fires(link, rule, text, on, surface, with_rule,  # type: ignore[no-untyped-def]
                                             without) -> None:
    def found() -> tuple[str, str] | str | None:
        m = next((m for m in link(text, on) if m.text == surface), None)
        if m is None:
            return None
        return "local" if m.actor_id.startswith("local:") else (m.actor_id, m.via)

    assert found() == with_rule
    with switched_off(rule):
        assert found() == without
    assert found() == with_rule
