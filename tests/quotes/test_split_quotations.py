"""Split quotations joined into one record (issue 20, session 18): a no-break space
before the first part (``marks.spaced_before``), "He added, “…”" after the same
speaker's quotation (``marks.goes_on``), "“…?” X told reporters."
(``cues.listener_object``), and a cue after the archives' two apostrophes, also
closing a nested quotation (``cues.closing_marks``).
Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def _texts(qs: list[Quote]) -> set[str]:
    return {q.text for q in qs}


def _speakers(text: str, qs: list[Quote]) -> set[tuple[str, str | None]]:
    return {(q.text, text[q.speaker.start : q.speaker.end] if q.speaker else None)
            for q in qs}


@pytest.mark.parametrize(
    ("rule", "text", "whole", "parts"),
    [
        # a no-break space between the sentence before and the first part
        ("quotes.marks.spaced_before",
         "The mayor spoke on Friday.\xa0“We will not pay for the wall,” Jane Ward said. "
         "“It is useless and it is too costly.”",
         "We will not pay for the wall,” Jane Ward said. “It is useless and it is too "
         "costly.",
         ["We will not pay for the wall,", "It is useless and it is too costly."]),
        # a no-break space between the attribution sentence and the next part
        ("quotes.marks.spaced_after",
         "The mayor spoke on Friday. “We will not pay for the wall,” Jane Ward said.\xa0"
         "“It is useless and it is too costly.”",
         "We will not pay for the wall,” Jane Ward said.\xa0“It is useless and it is too "
         "costly.",
         ["We will not pay for the wall,", "It is useless and it is too costly."]),
        ("quotes.marks.spaced_after",
         "The mayor spoke on Friday. “We will not pay for the wall,” Jane Ward told "
         "reporters. \xa0“It is useless and it is too costly.”",
         "We will not pay for the wall,” Jane Ward told reporters. \xa0“It is useless and "
         "it is too costly.",
         ["We will not pay for the wall,", "It is useless and it is too costly."]),
        # "She added," after the same speaker's quotation
        ("quotes.marks.goes_on",
         "Jane Ward told the council: “We will not sign the treaty this year.” She added, "
         "“Not this year, and not next year either.”",
         "We will not sign the treaty this year.” She added, “Not this year, and not next "
         "year either.",
         ["We will not sign the treaty this year.", "Not this year, and not next year "
          "either."]),
        ("quotes.marks.goes_on",
         "Tom Bell wrote on Friday: “We will not sign the treaty this year.” He "
         "continued, “Not this year, and not next year either.”",
         "We will not sign the treaty this year.” He continued, “Not this year, and not "
         "next year either.",
         ["We will not sign the treaty this year.", "Not this year, and not next year "
          "either."]),
    ],
)
def test_one_act_of_speech_is_one_record(quotes, rule: str, text: str, whole: str,  # type: ignore[no-untyped-def]
                                         parts: list[str]) -> None:
    (q,) = quotes(text)
    assert q.text == whole
    assert [s.text for s in q.segments] == parts
    with switched_off(rule):
        assert whole not in _texts(quotes(text))


@pytest.mark.parametrize(
    ("text", "records"),
    [
        # the no-break space inside a sentence: the first part is a few words of it
        ("The mayor called the plan\xa0“a waste of public money,” Jane Ward said. “It is "
         "useless and it is too costly.”",
         {"It is useless and it is too costly."}),
        # the next paragraph's quotation is someone else's
        ("“We will not sign it this year,” the minister said. “Not this year, not next "
         "year.”\n\n“Then we will sign it without her,” her rival Tom Bell said.",
         {"We will not sign it this year,” the minister said. “Not this year, not next "
          "year.", "Then we will sign it without her,"}),
        # someone else adds
        ("Jane Ward told the council: “We will not sign the treaty this year.” Her rival "
         "Tom Bell added, “Then we will sign it without her.”",
         {"We will not sign the treaty this year.", "Then we will sign it without her."}),
        # "said, adding", "She added:" (PolNeAR marks two acts)
        ("“We will not sign the treaty this year,” Jane Ward said, adding later, “Not "
         "this year, and not next year either.”",
         {"We will not sign the treaty this year,",
          "Not this year, and not next year either."}),
        ("Jane Ward told the council: “We will not sign the treaty this year.” She added: "
         "“Not this year, and not next year either.”",
         {"We will not sign the treaty this year.",
          "Not this year, and not next year either."}),
        # a sentence of narration between the two
        ("Jane Ward told the council: “We will not sign the treaty this year.” The mayor "
         "later agreed. She added, “Not this year, and not next year either.”",
         {"We will not sign the treaty this year.",
          "Not this year, and not next year either."}),
    ],
)
def test_two_acts_stay_two(quotes, text: str, records: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert records <= _texts(quotes(text))
    assert all(not q.segments or q.text in records for q in quotes(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "told reporters" after a question the parser made a sentence of
        ("“Why would we wait for them?” Jane Ward told reporters on Friday.",
         ("Why would we wait for them?", "Jane Ward")),
        ("“When the mayor read about it, her answer has been to help.” Jane Ward told "
         "reporters.",
         ("When the mayor read about it, her answer has been to help.", "Jane Ward")),
    ],
)
def test_told_after_the_mark(quotes, text: str, found: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert found in _speakers(text, quotes(text))
    with switched_off("quotes.cues.listener_object"):
        assert found not in _speakers(text, quotes(text))


@pytest.mark.parametrize(
    "text",
    [
        # the object of "called" is no listener: the quotation is not Ward's
        "“Why would we wait for them?” Jane Ward called the plan nonsense.",
        "“Why would we wait for them?” Jane Ward asked the crowd.",
    ],
)
def test_other_objects_after_the_mark(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "Why would we wait for them?" not in _texts(quotes(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a nested quotation closed with the outer one: three apostrophes
        ("''When I asked him what he would change, he said, 'Nothing at all, really.''' "
         "Jane Ward said.",
         ("When I asked him what he would change, he said, 'Nothing at all, really.",
          "Jane Ward")),
        ("''When I asked him what he would change, he said, 'Nothing at all, really,' '' "
         "Jane Ward said.",
         ("When I asked him what he would change, he said, 'Nothing at all, really,'",
          "Jane Ward")),
        # a question in two apostrophes, its cue a sentence of its own
        ("''Can we win the county this year?'' Jane Ward asked.",
         ("Can we win the county this year?", "Jane Ward")),
    ],
)
def test_cue_after_two_apostrophes(quotes, text: str, found: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert found in _speakers(text, quotes(text))
    with switched_off("quotes.cues.closing_marks"):
        assert found not in _speakers(text, quotes(text))


@pytest.mark.parametrize(
    "text",
    [
        # the sentence after the quotation is no attribution of it
        "''Can we win the county this year?'' Jane Ward asked the crowd a question.",
        "''Can we win the county this year?'' The crowd said nothing.",
    ],
)
def test_no_cue_after_two_apostrophes(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "Can we win the county this year?" not in _texts(quotes(text))


# A title in marks inside the attribution between two parts (``marks.titles_unmarked``):
# the parts are one act of speech and the title is no quotation of its own.
@pytest.mark.parametrize(
    ("text", "whole", "rule"),
    [
        ("The mayor spoke on Sunday. “We will rebuild the bridge before winter,” Jane "
         "Ward said on “Meet the Voters.” “The money is already there.”",
         "We will rebuild the bridge before winter,” Jane Ward said on “Meet the Voters.” "
         "“The money is already there.", "titles_unmarked"),
        ("The mayor spoke on Sunday. “I could hardly hear what he was saying,” Jane Ward "
         "told WKRP’s “Today” on Monday. “The line was very bad.”",
         "I could hardly hear what he was saying,” Jane Ward told WKRP’s “Today” on "
         "Monday. “The line was very bad.", "titles_unmarked"),
        ("The mayor spoke on Sunday. “We will rebuild the bridge,” Jane Ward said in an "
         "interview on WKRP’s “State of the City” Sunday. “Thank God, the money is there.”",
         "We will rebuild the bridge,” Jane Ward said in an interview on WKRP’s “State of "
         "the City” Sunday. “Thank God, the money is there.", "titles_unmarked"),
        # a title in two apostrophes, as some archives print quotation marks
        ("The mayor spoke on Sunday. ''We will rebuild the bridge before winter,'' Jane "
         "Ward said on ''Meet the Voters.'' ''The money is already there.''",
         "We will rebuild the bridge before winter,'' Jane Ward said on ''Meet the "
         "Voters.'' ''The money is already there.", "titles_unmarked"),
        # an abbreviation's stop ends no attribution sentence (marks.abbreviated)
        ("The mayor spoke on Sunday. “We will rebuild the bridge before winter,” Mr. "
         "Ward said on WKRP’s “Meet the Voters.” “The money is already there.”",
         "We will rebuild the bridge before winter,” Mr. Ward said on WKRP’s “Meet the "
         "Voters.” “The money is already there.", "abbreviated"),
    ],
)
def test_title_in_attribution(quotes, text: str, whole: str,  # type: ignore[no-untyped-def]
                              rule: str) -> None:
    found = quotes(text)
    assert [q.text for q in found] == [whole]
    with switched_off(f"quotes.marks.{rule}"):
        assert whole not in _texts(quotes(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # quoted words that are no title: the parts stay apart, as before
        ("The mayor spoke on Sunday. “We will rebuild the bridge,” Jane Ward said, "
         "calling the plan “a big mistake.” “Thank God, the money is there.”",
         "We will rebuild the bridge,"),
        # a title in a sentence of its own after the attribution is no attribution
        ("The mayor spoke on Sunday. “We will rebuild the bridge,” Jane Ward said. She "
         "then watched “Meet the Voters” at home. “Thank God, the money is there.”",
         "We will rebuild the bridge,"),
    ],
)
def test_no_title_in_attribution(quotes, text: str, kept: str) -> None:  # type: ignore[no-untyped-def]
    found = _texts(quotes(text))
    assert kept in found
    with switched_off("quotes.marks.titles_unmarked"):
        assert found == _texts(quotes(text))


@pytest.mark.parametrize(
    ("words", "title"),
    [("Meet the Press.", True), ("State of the Union", True), ("Fox and Friends.", True),
     ("a big mistake.", False), ("Never.", False), ("We Will Win", True),
     ("the Wall Street Journal", False), ("Not in my town, not ever", False)],
)
def test_is_title(words: str, title: bool) -> None:
    from dossier.quotes.cues import is_title

    assert is_title(words) is title


@pytest.mark.parametrize(
    "text",
    [
        # someone else goes on after the no-break space: two records, as before
        "The mayor spoke on Friday. “We will not pay for the wall,” Jane Ward said.\xa0Her "
        "rival Tom Bell added, “It is useless and it is too costly.”",
        # a plain space: one record with or without the rule
        "The mayor spoke on Friday. “We will not pay for the wall,” Jane Ward said. “It is "
        "useless and it is too costly.”",
    ],
)
def test_spaced_after_changes_nothing_else(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _speakers(text, quotes(text))
    with switched_off("quotes.marks.spaced_after"):
        assert _speakers(text, quotes(text)) == found


def test_long_attribution_between_parts(quotes) -> None:  # type: ignore[no-untyped-def]
    # 34 words of attribution (an apposition and relative clauses): one act of speech
    text = ("The gym reopened on Friday. “He set a standard of excellence in the ring,” said "
            "Tom Bell, who now runs the old gym on Fifth Street, which to this day hosts a "
            "boxing class named for the champion, who was the guest of honor when the gym "
            "reopened in 2010. “Fighters will always strive for that.”")
    (q,) = quotes(text)
    assert q.text.startswith("He set a standard") and q.text.endswith("strive for that.")
