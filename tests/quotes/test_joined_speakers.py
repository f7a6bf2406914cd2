"""A cue after its quotation with only the speaker's phrase between, however long
(``cues.speaker_joined``, issue 20, session 18): "“We regret it,” a spokesperson for
Microsoft said." is speech of Microsoft's, not a scare quote. Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off

RULE = "quotes.cues.speaker_joined"


def _found(text: str, qs: list[Quote]) -> set[tuple[str, str | None, str | None]]:
    return {(q.text, q.speaker.name if q.speaker else None,
             text[q.speaker.start : q.speaker.end] if q.speaker else None) for q in qs}


@pytest.mark.parametrize(("text", "found"), [
    ("Ithilen Software Inc. shut down its chatbot on Thursday.\n\n“We regret it,” a "
     "spokesperson for Ithilen Software Inc. said.",
     ("We regret it,", "Ithilen Software Inc.", "a spokesperson for Ithilen Software "
      "Inc.")),
    # a weak cue too ("added" needs its quotation joined to it)
    ("Acme Corp. closed the plant.\n\n“Not now,” a spokeswoman for Acme Corp. added.",
     ("Not now,", "Acme Corp.", "a spokeswoman for Acme Corp.")),
])
def test_joined_speaker_speaks(quotes, text: str, found: tuple) -> None:  # type: ignore[no-untyped-def]
    assert found in _found(text, quotes(text))
    with switched_off(RULE):
        assert found not in _found(text, quotes(text))


@pytest.mark.parametrize("text", [
    # words other than the speaker's between the quotation and the cue
    "“Never” was all he wrote, a spokesman said.",
    "They chanted “no more wars” as a spokesman for the police watched.",
    "The mayor called it “a disaster” on Monday, a spokesman for the council said.",
])
def test_not_joined_is_unchanged(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    on = _found(text, quotes(text))
    with switched_off(RULE):
        assert _found(text, quotes(text)) == on
    assert not any(q in ("Never", "no more wars", "a disaster") for q, _, _ in on)
