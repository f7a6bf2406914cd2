"""Content spans, session 23 (issue 20): another report joined to the content's clause
ends it (``content.others_report``), and so does the speaker's next saying in the cue's
own form (``content.next_saying``). Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.rules import switched_off


def _on_off(quotes, text: str, rule: str) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    on = [q.text for q in quotes(text)]
    with switched_off(rule):
        off = [q.text for q in quotes(text)]
    return on, off


_OTHERS = "quotes.content.others_report"
_SAYING = "quotes.content.next_saying"


@pytest.mark.parametrize(("rule", "text", "content"), [
    (_OTHERS, "In each of the three towns, about half of residents say they prefer a mayor "
     "who is a newcomer, while about a third want one with experience in the council.",
     "they prefer a mayor who is a newcomer"),
    (_SAYING, "The coach says he trusts the team and calls the season a success.",
     "he trusts the team"),
    (_SAYING, "The coach said he trusted the team and praised the young players.",
     "he trusted the team"),
    (_SAYING, "The senator said there was a lack of candour and urged the board to "
     "publish the minutes.", "there was a lack of candour"),
])
def test_content_ends_before_another_act(quotes, rule: str, text: str,  # type: ignore[no-untyped-def]
                                         content: str) -> None:
    on, off = _on_off(quotes, text, rule)
    assert content in on
    assert content not in off


@pytest.mark.parametrize(("rule", "text"), [
    # no cue in the joined clause: it is part of what was said
    (_OTHERS, "The mayor said the bridge is safe, and the repairs are done."),
    # the cue's own content holds a cue: one report
    (_OTHERS, "The mayor said that she believes the bridge is safe."),
    # a clause after "because" is part of the content
    (_OTHERS, "The mayor said the bridge is safe because engineers checked it in May."),
    # a belief is no next saying
    (_SAYING, "The coach says he trusts the team and thinks the season went well."),
    # a verb that is no cue is part of what was said
    (_SAYING, "The mayor said prices rose and fell again during the year."),
    # another form than the cue's
    (_SAYING, "The coach says he trusted the team and praised the young players."),
    # a named subject shares the coordinated verb: what was reported
    (_SAYING, "The agency reported the city issued new permits and demanded more money "
     "from the state."),
])
def test_content_goes_on(quotes, rule: str, text: str) -> None:  # type: ignore[no-untyped-def]
    on, off = _on_off(quotes, text, rule)
    assert on == off
