"""A title that names its holder's place ("Senator from Vermont", "President of
Ukraine") before a known person's name: the run is the person's mention, the place a
word of the title (dossier.actors.titles, dossier.actors.entity_edges). Made-up
sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

ON = date(2020, 4, 13)


def _spans(link, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: (f"local:{m.type}" if m.actor_id.startswith("local:") else m.actor_id)
            for m in link(text, ON)}


@pytest.mark.parametrize(
    ("rule", "text", "mention", "actor", "without"),
    [
        # NER's organisation "Vermont Bernie Sanders": the place is no part of the name
        ("place_before_person", "On Monday, Senator from Vermont Bernie Sanders endorsed "
         "his old rival for president.", "Senator from Vermont Bernie Sanders",
         "bernie-sanders", "Vermont Bernie Sanders"),
        ("title_from_place", "On Monday, Senator from Vermont Bernie Sanders endorsed his "
         "old rival for president.", "Senator from Vermont Bernie Sanders",
         "bernie-sanders", "Bernie Sanders"),
        ("place_in_title", "President of Ukraine Volodymyr Zelenskyy said the talks would "
         "go on.", "President of Ukraine Volodymyr Zelenskyy", "volodymyr-zelenskyy",
         "Ukraine"),
    ],
)
def test_a_title_with_its_place_joins_the_person(link, rule: str, text: str,  # type: ignore[no-untyped-def]
                                                 mention: str, actor: str,
                                                 without: str) -> None:
    assert _spans(link, text).get(mention) == actor
    with switched_off(f"actors.names.{rule}"):
        found = _spans(link, text)
        assert mention not in found and without in found


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # no title before the place: the person, and no title in the mention
        ("A farmer from Vermont Bernie Sanders said the harvest was poor.",
         "Bernie Sanders", "bernie-sanders"),
        # no name after the place: the state, or the office's holder
        ("The sanctions of Ukraine on the firms began on Monday.", "Ukraine", "UKR"),
        ("Talks with Ukraine went on, the Senator from Vermont said.", "Ukraine", "UKR"),
        # an organisation whose words before the name are no place
        ("Friends of Bernie Sanders raised money on Monday.", "Bernie Sanders",
         "bernie-sanders"),
        # a country's name before a title is kept (the state, as "U.S. Rep.")
        ("On Monday, United States Senator Bernie Sanders endorsed his old rival.",
         "United States", "USA"),
    ],
)
def test_places_and_titles_the_rules_leave_alone(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                 actor: str) -> None:
    assert _spans(link, text).get(surface) == actor
