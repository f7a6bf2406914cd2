"""A he/she inside a quotation teaches no story gender (``actors.coref.quoted_pronoun``,
issue 18, session 20). Made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Mention
from dossier.rules import switched_off

D = date(2019, 3, 1)
QUOTED = "actors.coref.quoted_pronoun"


def pronoun(mentions: list[Mention], surface: str) -> Mention | None:
    return next((m for m in mentions if m.text == surface and m.via == "pronoun"), None)


def test_a_quoted_he_does_not_make_the_speaker_a_man(link) -> None:  # type: ignore[no-untyped-def]
    # the "he" inside the quotation made the professor a man, and the "she" that
    # speaks went to the woman named first
    text = ("Hillary Clinton spoke in Ohio on Monday about the race and the polls. To "
            "political science professor Ithel Marsh, the governor's stare seemed to "
            "reflect sadness. “It really looked like a bitter pill that he was "
            "swallowing,” she said.")
    m = pronoun(link(text, D), "she")
    assert m is not None and m.actor_name == "Ithel Marsh"
    with switched_off(QUOTED):
        m = pronoun(link(text, D), "she")
        assert m is not None and m.actor_name == "Hillary Clinton"


@pytest.mark.parametrize(("text", "surface", "actor"), [
    # a he outside quotations still makes an unknown person a man
    ("Taylor Kemp took questions. He said the plan was sound. Later Kemp met Hillary "
     "Clinton at the hall. She thanked him.", "She", "Hillary Clinton"),
    # a known gender is not the story's to change
    ("Hillary Clinton spoke in Ohio on Monday. “He was swallowing a bitter pill,” she "
     "said.", "she", "Hillary Clinton"),
])
def test_a_pronoun_outside_quotations_still_teaches_gender(link, text: str,  # type: ignore[no-untyped-def]
                                                          surface: str, actor: str) -> None:
    m = pronoun(link(text, D), surface)
    assert m is not None and m.actor_name == actor
