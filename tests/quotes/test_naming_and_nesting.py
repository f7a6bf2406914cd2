"""Naming reports ("called the frontrunner “ISIS’ best recruiter”") however the parser
hangs object and label, and reports inside another quote's content (kept only as
the same speaker's).

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def _found(qs: list[Quote]) -> set[tuple[str | None, str]]:
    return {(q.speaker.name if q.speaker else None, q.text) for q in qs}


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the object folded into the label: only an oprd on the verb
        ("At the debate in May, Hillary Clinton called the Republican frontrunner "
         "“the best recruiter the militants ever had.”", "Hillary Clinton",
         "the Republican frontrunner “the best recruiter the militants ever had.”"),
        # object and label read as one complement of a participle
        ("The rivals went further, with former governor Martin O’Malley calling Trump a "
         "fascist.", "Martin O’Malley", "Trump a fascist"),
        # a pronoun object read as a possessive of the label
        ("He called her “third-rate” and walked out of the studio.", "He",
         "her “third-rate”"),
        # a quoted label the parse leaves early: the content runs to the closing mark
        ("The senator defended the decision, calling the protester “a very rude man who "
         "was a troublemaker and he was looking for a fight.”", "the senator",
         "the protester “a very rude man who was a troublemaker and he was looking for "
         "a fight.”"),
        # "what X called Y": the label is what is said (session 7)
        ("He denounced what he called a witch hunt by the committee.", "he",
         "a witch hunt"),
        ("Protesters marched against what they called an illegal occupation.", "they",
         "an illegal occupation"),
        # a quoted label ends at its closing mark, not with what the parse hangs on it
        ("The minister rejected what she called “baseless smears” in the press.", "she",
         "baseless smears"),
    ],
)
def test_naming_report_found(quotes, text: str, speaker: str, content: str) -> None:  # type: ignore[no-untyped-def]
    got = _found(quotes(text))
    assert any(c == content and (s or "").lower() == speaker.lower() for s, c in got), got


@pytest.mark.parametrize(
    "text",
    [
        # a phone call, a call with a particle, one noun phrase holding a quoted name
        "She called Trump on Tuesday.",
        "The mayor called off the parade.",
        "She called the “Save Our Schools” hotline.",
        # a name given to a thing, not said of it
        "A charity called the Open Door Foundation paid for the repairs.",
        "Nobody knows what they called the dog.",
        "Nobody remembers what she called her first company.",
    ],
)
def test_naming_report_rejected(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [q for q in quotes(text) if q.cue and q.cue.lemma == "call"], _found(
        quotes(text))


@pytest.mark.parametrize(
    ("text", "outer", "dropped"),
    [
        # an abstract subject inside the speaker's own report
        ("The spy chief will explain why the public are not immune to hostile activity "
         "and outline how the steady flow of these attacks shows why they should care.",
         "The spy chief", "why they should care"),
        # a relative clause's subject inside a report
        ("Officials say the hackers are looking for targets in states that oppose "
         "their campaign.", "Officials", "their campaign"),
        # another named speaker's stance, in the outer speaker's account
        ("Bernie Sanders attacked Hillary Clinton's support for the war in Iraq.",
         "Bernie Sanders", "the war in Iraq"),
    ],
)
def test_report_inside_another_speakers_report_is_dropped(  # type: ignore[no-untyped-def]
        quotes, text: str, outer: str, dropped: str) -> None:
    qs = quotes(text)
    assert any(q.speaker and q.speaker.name.lower() == outer.lower() for q in qs), _found(qs)
    assert not [q for q in qs if q.text == dropped], _found(qs)


def test_report_inside_the_same_speakers_report_is_kept(quotes) -> None:  # type: ignore[no-untyped-def]
    # (issue 20: "refused to say he still saw …" yields nothing, tests/quotes/test_acts.py;
    # said, the saying and the view are both his: one act, the saying, since
    # ``post.said_within``)
    text = "Rishi Sunak said he still saw China as a threat."
    got = _found(quotes(text))
    assert got == {("Rishi Sunak", "he still saw China as a threat")}, got
    with switched_off("quotes.post.said_within"):
        got = _found(quotes(text))
        assert ("Rishi Sunak", "China as a threat") in got, got
