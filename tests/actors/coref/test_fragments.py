"""A name that opens a sentence the parser left without a verb is still its subject
(``actors.coref.fragment_subject``, issue 18, session 21). Made-up sentences: the first
she of each is resolved with the rule, and without it goes to the other woman or to
no one."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Mention
from dossier.rules import switched_off

D = date(2019, 3, 1)
RULE = "actors.coref.fragment_subject"
BEFORE = "Mary Ellis wrote the song in a week. “It came fast,” Ellis said.\n\n"


def first_she(mentions: list[Mention]) -> str | None:
    m = next((m for m in mentions if m.text == "she" and m.via == "pronoun"), None)
    return m.actor_name if m is not None else None


@pytest.mark.parametrize(("text", "with_rule", "without"), [
    # "worried" parsed as an adjective: "Marsh" is the sentence's root
    (BEFORE + "Anna Marsh, who hadn’t sung in a long time before the film, worried about "
     "doing justice to a song like “Home,” especially given that she had no background in "
     "folk music. “But the story really moved me,” she said.", "Anna Marsh", "Mary Ellis"),
    (BEFORE + "Anna Marsh, who had not sung for years, worried about the song, given that "
     "she had no training. “It moved me,” she said.", "Anna Marsh", "Mary Ellis"),
    # negatives: a parse with its verb needs no rule …
    (BEFORE + "Anna Marsh, who had not sung for years, was worried about the song. “It "
     "moved me,” she said.", "Anna Marsh", "Anna Marsh"),
    # … and a name alone, with no sentence after it, is no subject
    (BEFORE + "Anna Marsh, who stars in the film", None, None),
])
def test_fragment_subject(link, text: str, with_rule: str | None,  # type: ignore[no-untyped-def]
                          without: str | None) -> None:
    assert first_she(link(text, D)) == with_rule
    with switched_off(RULE):
        assert first_she(link(text, D)) == without
