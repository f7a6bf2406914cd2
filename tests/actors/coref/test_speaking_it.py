"""An "it" that speaks means someone who can (``actors.coref.speaking_it``, issue 18,
session 21): a thing noun before it is no rival antecedent. Made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Mention
from dossier.rules import switched_off

D = date(2019, 3, 1)
RULE = "actors.coref.speaking_it"
FIRM = "Ithilen Corp is cutting its emissions.\n\n"


def last_it(mentions: list[Mention]) -> str | None:
    its = [m for m in mentions if m.text.lower() == "it" and m.via == "pronoun"]
    return its[-1].actor_name if its else None


@pytest.mark.parametrize(("text", "with_rule", "without"), [
    (FIRM + "The plan covers direct emissions from company vehicles, it said.",
     "Ithilen Corp", None),
    (FIRM + "Ithilen’s goal to have removed enough carbon by 2050 to account for all its "
     "emissions covers direct emissions from company vehicles, it said.", "Ithilen Corp",
     None),
    # negatives: a text speaks ("the report … it said" may be the report) …
    ("Ithilen Corp published a report on Monday. The report covers emissions from company "
     "vehicles, it said.", None, None),
    # … an "it" of another verb is the thing …
    ("Ithilen Corp signed the treaty. The plan is late. It covers direct emissions from "
     "company vehicles.", None, None),
    # … and so is one a fact does ("confirms")
    (FIRM + "The new plan is late, and it confirms the belief that the company has no "
     "ideas.", None, None),
])
def test_speaking_it(link, text: str, with_rule: str | None,  # type: ignore[no-untyped-def]
                     without: str | None) -> None:
    assert last_it(link(text, D)) == with_rule
    with switched_off(RULE):
        assert last_it(link(text, D)) == without
