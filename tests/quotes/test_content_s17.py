"""Content spans, session 17 (issue 20): where a reported content ends."""

from __future__ import annotations

import pytest

from dossier.rules import switched_off


@pytest.mark.parametrize(("text", "content", "also"), [
    # a coordinated cue in the cue's tense, the content's verb in another: her next act
    ("The mayor said she would visit the flooded district on Friday and promised money "
     "for repairs.", "she would visit the flooded district on Friday", "promise"),
    ("The governor says she has signed the budget and calls on the council to pass it.",
     "she has signed the budget", "call"),
    # negatives: one tense (the content's own verbs), or no cue in the conjunct
    ("The council said the bridge was unsafe and warned drivers to stay away.",
     "the bridge was unsafe and warned drivers to stay away", None),
    ("The mayor said she would visit the district and stay for a week.",
     "she would visit the district and stay for a week", None),
])
def test_next_act_ends_the_content(quotes, text: str, content: str,  # type: ignore[no-untyped-def]
                                   also: str | None) -> None:
    qs = quotes(text)
    said = [q for q in qs if q.cue is not None and q.cue.lemma == "say"]
    assert [q.text for q in said] == [content]
    speaker = said[0].speaker
    if also is not None:
        (other,) = [q for q in qs if q.cue is not None and q.cue.lemma == also]
        # the next act is the same speaker's
        assert other.speaker is not None and speaker is not None
        assert other.speaker.phrase == speaker.phrase
        # quotes.content.next_saying (session 23) cuts these too when the content's
        # subject is a pronoun: both off, the next act runs on into the content
        with switched_off("quotes.content.next_act", "quotes.content.next_saying"):
            off = [q.text for q in quotes(text) if q.cue is not None and q.cue.lemma == "say"]
        assert off != [content]


@pytest.mark.parametrize(("text", "content", "cue"), [
    # speech acts PolNeAR train marks that the cue lists missed (session 17)
    ("Senator Jane Holt assailed the new budget on Tuesday.", "the new budget", "assail"),
    ("The coach extolled the virtues of patience.", "the virtues of patience", "extoll"),
    ("The mayor alluded to the scandal at the town hall.", "the scandal at the town hall",
     "allude"),
    # negatives: no content, or a source that cannot speak (under the default floor)
    ("The mayor recited.", None, None),
    ("The storm assailed the coast for hours.", None, None),
])
def test_more_speech_cues(quotes, text: str, content: str | None,  # type: ignore[no-untyped-def]
                          cue: str | None) -> None:
    shown = [q for q in quotes(text) if q.confidence >= 0.6 or content is not None]
    if content is None:
        assert shown == []
        return
    (q,) = shown
    assert (q.text, q.cue.lemma if q.cue else None, q.act) == (content, cue, "speech")
