"""A he/she reported by someone's spokesperson, lawyer or aide
(``actors.coref.owned_reporter``, issue 18, session 19): "Obama's spokesman said he …"
is not surely Obama; the pronoun is left unresolved. Each row: the text, the pronoun,
the words it comes after, its actor with the rule and without it (None: unresolved).
Made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Mention
from dossier.rules import switched_off

D = date(2016, 3, 1)
OBAMA = "President Obama met Senate leaders on Tuesday. "


def actor(mentions: list[Mention], surface: str, after: str, text: str) -> str | None:
    """The actor of the mention of ``surface`` that starts after the first ``after``."""
    at = text.index(after) + len(after)
    m = next((m for m in mentions if m.text == surface and m.start >= at), None)
    return m.actor_id if m is not None else None


@pytest.mark.parametrize(("text", "surface", "after", "with_rule", "without"), [
    (OBAMA + "Obama's spokesman said he expected the talks to go well.", "he", "spokesman",
     None, "barack-obama"),
    ("Hillary Clinton spoke in Ohio on Monday. A lawyer for Clinton said she would not "
     "testify.", "she", "lawyer", None, "hillary-clinton"),
    # the next sentence's speaker goes on with the spokesman
    (OBAMA + "Obama's spokesman said the talks went well. He added that the White House "
     "would wait.", "He", "well.", None, "barack-obama"),
    # negatives: the spokesperson's gender is another (the owner may be meant) …
    (OBAMA + "Obama's spokeswoman said he expected the talks to go well.", "he",
     "spokeswoman", "barack-obama", "barack-obama"),
    # … no person noun …
    (OBAMA + "Obama's statement said he expected the talks to go well.", "he", "statement",
     "barack-obama", "barack-obama"),
    # … a relative (most often speaking of the one the story is about) …
    (OBAMA + "Obama's brother said he expected the talks to go well.", "he", "brother",
     "barack-obama", "barack-obama"),
    # … the owner speaks himself
    (OBAMA + "Obama said he expected the talks to go well.", "he", "Obama said",
     "barack-obama", "barack-obama"),
])
def test_a_pronoun_of_an_owned_reporter_is_left(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                 after: str, with_rule: str | None,
                                                 without: str) -> None:
    assert actor(link(text, D), surface, after, text) == with_rule
    with switched_off("actors.coref.owned_reporter"):
        assert actor(link(text, D), surface, after, text) == without
