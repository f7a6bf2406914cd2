"""Content spans, session 22 (issue 20): a content read off an object, a preposition
or an infinitive goes on through a word coordinated with one of its own
(``content.coordinated``), not through the speaker's next act. Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.rules import switched_off


@pytest.mark.parametrize(("text", "content", "joined"), [
    ("She cited her work after the floods and her position on paid leave.",
     "her work after the floods and her position on paid leave", True),
    ("The governor praised the nurses at the county hospital and the volunteers who ran "
     "the shelters.",
     "the nurses at the county hospital and the volunteers who ran the shelters", True),
    # negatives: a verb coordinated with the cue is the speaker's next act, a report of
    # its own; coordinated objects the parse already gives need nothing added
    ("The mayor criticized the plan and warned drivers about the bridge.", "the plan",
     False),
    ("The union criticized the wage offer and the pace of the talks.",
     "the wage offer and the pace of the talks", False),
])
def test_coordinated(quotes, text: str, content: str,  # type: ignore[no-untyped-def]
                     joined: bool) -> None:
    on = [q.text for q in quotes(text)]
    with switched_off("quotes.content.coordinated"):
        off = [q.text for q in quotes(text)]
    assert content in on
    assert (content not in off) if joined else on == off
