"""Wire copy and feed summaries: a dateline that opens an article is no speaker, a cue's clause is
not the one another verb after it reports.

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Quote


def _found(qs: list[Quote]) -> set[tuple[str | None, str]]:
    return {(q.speaker.name if q.speaker else None, q.text) for q in qs}


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # an article's dateline is no speaker
        ("SARAJEVO: Eight hikers were rescued overnight on Friday, officials said.",
         "SARAJEVO", None),
        ("NEW DELHI: The talks with the neighbouring states ended without a deal.",
         "NEW DELHI", None),
        # after blank lines at the top of the text
        ("\n\nWASHINGTON: The Senate passed the budget bill late on Tuesday night.",
         "WASHINGTON", None),
        # anonymity is no claim of the speaker's
        ("A spokesperson, who did not wish to be named, said the plant would close in May.",
         None, "to be named"),
        # an advice column's salutation names the one addressed, not a speaker
        ("DEAR WORRIED MOM: There is probably more to this story than you have told me.",
         None, "There is probably more to this story than you have told me."),
        # a live page's bulleted heading
        ("The day went on.\n\n- HOPE AND LOSS: Your stories of the outbreak are shared here.",
         None, "Your stories of the outbreak are shared here."),
    ],
)
def test_not_a_quote(quotes, text: str, speaker: str | None, content: str | None) -> None:  # type: ignore[no-untyped-def]
    got = _found(quotes(text))
    assert not [(s, c) for s, c in got
                if speaker in (None, s) and content in (None, c)], got


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a transcript's capitals are a speaker, even on the first line
        ("PENCE: Well, look, we are going to carry this state in November.\n\nKAINE: "
         "We will see about that.", "PENCE",
         "Well, look, we are going to carry this state in November."),
        # a title in capitals
        ("THE PRESIDENT: Thank you very much, everybody, for being here today.",
         "THE PRESIDENT", "Thank you very much, everybody, for being here today."),
        # a place in capitals after the first line is a transcript's speaker too
        ("The debate went on.\n\nJORDAN: We have waited for this bill for ten years.",
         "JORDAN", "We have waited for this bill for ten years."),
        # a report that opens the article leaves its dateline out
        ("KHAN YOUNIS, GAZA — The assault has left the health sector in near-total "
         "collapse, according to an investigation by two magazines.",
         "an investigation by two magazines",
         "The assault has left the health sector in near-total collapse"),
        ("WASHINGTON (AP) — The Senate will vote on the budget bill next week, officials "
         "said.", "officials", "The Senate will vote on the budget bill next week"),
        # a cue with its own object between the cue and the clause does not take it:
        # the clause is still what Fleming will say
        ("However, Fleming will say President Xi – who has not publicly condemned the "
         "invasion – has a “more nuanced” view of the relationship.", "Fleming",
         "has a “more nuanced” view of the relationship"),
        # the age description speaks for the person named last
        ("Rishi Sunak has been appointed chancellor.\n\nThe 39-year-old said after his "
         "appointment: “I am ready to serve the country in these hard times.”",
         "Rishi Sunak", "I am ready to serve the country in these hard times."),
    ],
)
def test_found(quotes, text: str, speaker: str, content: str) -> None:  # type: ignore[no-untyped-def]
    got = _found(quotes(text))
    assert (speaker, content) in got, got


def test_clause_before_the_cue_when_another_verb_reports_after_it(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Eight hikers were rescued overnight on Friday, officials said, with local "
            "media reporting they had been lost for two days.")
    got = _found(quotes(text))
    assert ("officials", "Eight hikers were rescued overnight on Friday") in got, got
    assert not [c for s, c in got if s == "officials" and "two days" in c], got


def test_unlinked_name_modifying_the_subject_is_no_speaker(quotes) -> None:  # type: ignore[no-untyped-def]
    # a common noun heads the subject; the name beside it (misread as a person) is
    # not the one speaking, and "he" is the developer
    text = "The lone developer behind Stardew Valley says he is at work on a new farming game."
    got = [q for q in quotes(text) if q.text.startswith("he is at work")]
    assert got and got[0].speaker is not None
    assert got[0].speaker.name == "The lone developer behind Stardew Valley"
    # a known organisation still speaks through its people
    text = "A spokesman for the Foreign Office said the talks had failed once again."
    got = [q for q in quotes(text) if q.text == "the talks had failed once again"]
    assert got and got[0].speaker is not None
    assert got[0].speaker.actor_id == "gbr-fcdo"


def test_clause_of_a_speech_verb_is_not_the_speakers_frame(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Jane Doe, who ran the safety team in 2018, says engineers inside the firm have "
            "been warning for years about the faulty brakes.")
    got = _found(quotes(text))
    assert ("Jane Doe", "engineers inside the firm have been warning for years about the "
            "faulty brakes") in got, got
    assert not [c for s, c in got if c.startswith("Jane Doe")], got


@pytest.mark.parametrize(
    "text",
    [
        # a participle that describes a noun, not a report of it
        "The change comes as the company looks to recast its image from troubled "
        "retailer to tech innovator focused on building the next generation of online "
        "shopping.",
        "Critics pointed to a new report focused on building the next generation of "
        "nuclear plants.",
        # a list after a colon, not a block quotation
        "The ministry explains that the payments will cover utilities for these periods:"
        "\n\n1 & 2-room – 3 – 4 months’ worth of utility bills\n\n3 & 4-room – 1 – 2 "
        "months’ worth of utility bills",
    ],
)
def test_descriptions_and_lists_are_no_quotes(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert not [q for q in qs if q.cue and q.cue.lemma == "focus"
                or "worth of utility" in q.text], _found(qs)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Here are the sums each family stands to receive, according to their flat size.",
         None),
        ("Seats were handed out according to seniority, the clerk said later.", "the clerk"),
        # a quotation's "according to" (the other path to the same source rule)
        ("“Each family gets a different sum this winter,” according to their flat size.",
         None),
        ("The vote was delayed by a week, according to two officials.", "two officials"),
    ],
)
def test_according_to_a_measure_is_no_source(quotes, text: str, source: str | None) -> None:  # type: ignore[no-untyped-def]
    speakers = {s for s, _ in _found(quotes(text))}
    assert speakers == ({source} if source else set()), speakers


def test_a_list_of_names_and_charges_is_no_quotes(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Both were held on the following preliminary charges:\n\nJane R. Doe: "
            "Possession of a stolen vehicle, resisting arrest.\n\nJohn K. Roe: Dealing in "
            "a narcotic drug, possession of a syringe.")
    assert not quotes(text), _found(quotes(text))


def test_a_headline_fragment_after_a_name_is_a_quote(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Lynch: No outside influence on the inquiry into the emails.\n\nThe attorney "
            "general spoke on Friday.")
    got = _found(quotes(text, on=date(2016, 6, 1)))  # while she was attorney general
    assert ("Loretta Lynch", "No outside influence on the inquiry into the emails.") in got, got


def test_a_cue_with_its_own_object_after_a_dash_says_that(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Schiff never expected that the president would release the transcript of the "
            "call — Democrats expected secrecy and a cover-up.")
    got = _found(quotes(text))
    assert not [c for s, c in got if s and s.startswith("Democrat") and c.startswith("Schiff")], got
    # and a cue whose object is the one told still takes the clause before it
    text = "“We will not back down on the tariffs,” the minister told reporters on Tuesday."
    got = _found(quotes(text))
    assert ("the minister", "We will not back down on the tariffs,") in got, got


def test_wanting_to_be_named_to_a_post_is_a_stance(quotes) -> None:  # type: ignore[no-untyped-def]
    got = _found(quotes("The senator wants to be named chair of the committee next year."))
    assert ("The senator", "to be named chair of the committee next year") in got, got


def test_clause_after_a_verb_that_reports_nothing_is_still_the_cues(quotes) -> None:  # type: ignore[no-untyped-def]
    # only a speech verb between the cue and its clause takes the clause over
    text = ("Steen has only found one drawback to collaborating with the band: “They are "
            "such good players that people are going to get scared of their demos.”")
    got = [q for q in quotes(text) if q.text.startswith("They are such good players")]
    assert got and got[0].speaker is not None and got[0].speaker.name == "Steen", got


def test_the_quotations_own_subject_is_not_the_cues(quotes) -> None:  # type: ignore[no-untyped-def]
    # the parser gives "replied" two subjects: "plan", inside the quotation, and Hollis
    text = ("The chair asked about the cost.\n\n“The plan we did finished the whole job "
            "in one year,” Hollis, a member of the board, replied.")
    got = [q for q in quotes(text) if q.text.startswith("The plan we did")]
    assert got and got[0].speaker is not None and got[0].speaker.name.startswith("Hollis"), got


@pytest.mark.parametrize("text", [
    "WASHINGTON (AP) — The president said", "  \n WASHINGTON — x", "\u00a0\u2003Lead",
    "", "   ", "\n\n", "x", " x y ",
])
def test_lead_is_where_the_text_before_a_span_stops_being_blank(text: str) -> None:
    # a span opens the article exactly when only whitespace stands before it, as
    # no_dateline's copy of the text before the span (stripped) told it
    from dossier.quotes.view import lead

    for start in range(len(text) + 1):
        assert (start <= lead(text)) is (not text[:start].strip())
