"""Sources of reports: nested pronoun subjects, subjects across paragraph breaks,
and cues whose speaker sits outside their own clause.

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def _speakers(text: str, qs: list[Quote], content: str) -> list[str | None]:
    return [text[q.speaker.start : q.speaker.end] if q.speaker else None
            for q in qs if q.text == content]


def _found(text: str, qs: list[Quote]) -> set[tuple[str, str | None]]:
    """(content, speaker span) of every quote found."""
    return {(q.text, text[q.speaker.start : q.speaker.end] if q.speaker else None)
            for q in qs}


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a pronoun subject in the clause of a speech verb: the named subject speaks
        ("The mayor says she wants to rebuild the old bridge before the winter.",
         "to rebuild the old bridge before the winter", "The mayor"),
        ("Rishi Sunak said he wants to cut taxes before the next election.",
         "to cut taxes before the next election", "Rishi Sunak"),
        # an unlinked subject: the pronoun is the subject, whoever was named before
        ("Liz Truss left early. The actress said she wants to move to Paris next year.",
         "to move to Paris next year", "The actress"),
        ("Local officials say they expect the river to flood again this spring.",
         "the river to flood again this spring", "Local officials"),
        # participles: the sender of "saying", the speaker of the clause before "adding"
        ("The union emailed its members saying the strike would go ahead on Monday.",
         "the strike would go ahead on Monday", "The union"),
        ("The mayor said the works could be “messy,” adding, “Democracy is messy and "
         "so is rebuilding a bridge.”", "Democracy is messy and so is rebuilding a bridge.",
         "The mayor"),
        # quantified groups as subjects, and a three-word clause with its subject
        ("Many in the crowd said the senator was the only candidate they trusted.",
         "the senator was the only candidate they trusted", "Many in the crowd"),
        ("By double digits, those surveyed say stricter gun laws would help.",
         "stricter gun laws would help", "those surveyed"),
        ("In the free-trade zone, local traders also say business is poor.",
         "business is poor", "local traders"),
        # a timestamp line the parser joined to the next sentence is no subject
        ("9:30 p.m.\n\nThe governor says the state will appeal the ruling next week.",
         "the state will appeal the ruling next week", "The governor"),
    ],
)
def test_source_found(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    with switched_off("quotes.post.said_within"):  # (keeps "to rebuild …" inside "says")
        qs = quotes(text)
    assert speaker in _speakers(text, qs, content), [
        (q.text, q.speaker and text[q.speaker.start : q.speaker.end]) for q in qs]


@pytest.mark.parametrize(
    ("text", "content", "not_speaker"),
    [
        # the pronoun is someone else: a singular subject and "they"
        ("The mayor says they want to rebuild the old bridge before the winter.",
         "to rebuild the old bridge before the winter", "The mayor"),
        # the pronoun resolves to another person than the subject of the speech verb
        ("Liz Truss spoke first. Rishi Sunak said she wants to cut taxes before the "
         "next election.", "to cut taxes before the next election", "Rishi Sunak"),
        # the participle's own clause: the works do not add anything
        ("The mayor said the works could be “messy,” adding, “Democracy is messy and "
         "so is rebuilding a bridge.”", "Democracy is messy and so is rebuilding a bridge.",
         "the works"),
        # a timestamp is never a speaker
        ("9:30 p.m.\n\nThe governor says the state will appeal the ruling next week.",
         "the state will appeal the ruling next week", "p.m."),
    ],
)
def test_source_not(quotes, text: str, content: str, not_speaker: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert not_speaker not in _speakers(text, qs, content)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a cue the lemmatizer may get wrong ("hopes" as "hop") is still a cue
        ("Sanders, meanwhile, hopes that winning a large share of the delegates will "
         "give him momentum.", "that winning a large share of the delegates will give "
         "him momentum", "Sanders"),
        # cues added to the lists: stances and topics
        ("The governor dismissed the risk of a second flood this year.",
         "the risk of a second flood", "The governor"),
        ("Several doctors raised concerns about the safety of the new drug.",
         "concerns about the safety of the new drug", "Several doctors"),
    ],
)
def test_cues_found(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert speaker in _speakers(text, qs, content), [
        (q.text, q.speaker and text[q.speaker.start : q.speaker.end]) for q in qs]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a decision, a plan, a position: acts and policies, not reports
        ("Liz Truss condemned Rishi Sunak for reversing his decision to describe China "
         "as a threat.", "to describe China as a threat"),
        ("The council defended its plan to close the library on Sundays.",
         "to close the library on Sundays"),
        ("The senator explained his position on the new farm subsidies.",
         "the new farm subsidies"),
        ("The union welcomed the mayor's proposal to build more homes.",
         "to build more homes"),
        # raise with an object that is no concern or question
        ("The campaign raised three million dollars in the last quarter.",
         "three million dollars"),
    ],
)
def test_not_cues(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content not in [q.text for q in quotes(text)]


def test_cue_in_relative_clause_gives_way(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Jeremy Fleming will say President Xi Jinping – who has not condemned the "
            "invasion – has a “more nuanced” view of the relationship.")
    # (one record per act: the quoted words are inside the report of "say")
    (q,) = [q for q in quotes(text) if "“more nuanced”" in q.text]
    assert q.speaker is not None and q.speaker.actor_id == "jeremy-fleming"
    assert q.cue is not None and q.cue.lemma == "say"


def test_relative_cue_kept_when_it_holds_the_quote(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Reporters spoke to Rishi Sunak, who said the deal was “a good start” and "
            "left early.")
    (q,) = [q for q in quotes(text) if "“a good start”" in q.text]
    assert q.speaker is not None and q.speaker.actor_id == "rishi-sunak"


def test_pronoun_after_report_about_third_person_is_not_the_speaker(quotes) -> None:  # type: ignore[no-untyped-def]
    # "he" may be Xi, whom Fleming talks about: not Fleming's own wish
    text = ("Jeremy Fleming will say President Xi Jinping has a “more nuanced” view of "
            "the relationship. With an eye on Taiwan, he would not want to do anything "
            "which might constrain his actions in future.")
    (q,) = [q for q in quotes(text) if q.text.startswith("to do anything")]
    assert q.speaker is not None and q.speaker.actor_id != "jeremy-fleming"
    assert text[q.speaker.start : q.speaker.end] == "he"


def test_pronoun_after_report_with_speech_cue_stays_the_speaker(quotes) -> None:  # type: ignore[no-untyped-def]
    # a speech verb: "he" goes on speaking
    text = ("Jeremy Fleming will say President Xi Jinping has a “more nuanced” view of "
            "the relationship. He will say that the alliance is not in China's interest.")
    (q,) = [q for q in quotes(text) if q.text.startswith("that the alliance")]
    assert q.speaker is not None and q.speaker.actor_id == "jeremy-fleming"


def test_relative_source_inside_report_keeps_its_antecedent(quotes) -> None:  # type: ignore[no-untyped-def]
    # "states that oppose their actions": the states oppose, not the reporter
    text = ("Jeremy Fleming will say Russian hackers are looking for targets in states "
            "that oppose the invasion.")
    found = [q for q in quotes(text) if q.text == "the invasion"]
    assert all(q.speaker is None or q.speaker.actor_id != "jeremy-fleming"
               for q in found)
    # and the report Fleming makes is there, with the states' stance inside it
    assert any(q.speaker and q.speaker.actor_id == "jeremy-fleming"
               and q.text.endswith("states that oppose the invasion") for q in quotes(text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # headlines "Name: claim", with a bare surname, a recipient, or a source noun
        ("Lynch: Nobody influenced the FBI probe into the emails.\n\nThe attorney "
         "general spoke on Friday.", "Nobody influenced the FBI probe into the emails.",
         "Lynch"),
        ("Clinton to Planned Parenthood: Trump will reverse the ruling.\n\nShe spoke in "
         "Washington.", "Trump will reverse the ruling.", "Clinton"),
        ("Poll: Sanders leads Clinton nationally for the first time.\n\nThe survey was "
         "taken last week.", "Sanders leads Clinton nationally for the first time.",
         "Poll"),
    ],
)
def test_colon_headlines(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert speaker in _speakers(text, qs, content), [
        (q.text, q.speaker and text[q.speaker.start : q.speaker.end]) for q in qs]


@pytest.mark.parametrize(
    "text",
    [
        "Update: The road reopened on Monday after the floods.",
        "Washington: The city council voted to close the park.",
        "Watch: Firefighters rescue a cat from a burning barn.",
        "Tuesday: Voters go to the polls in five states.",
    ],
)
def test_colon_labels_are_no_speakers(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a name the parser read as an apposition of the phrase before the cue
        ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
         "“The minister believes that cooperation is essential.”",
         "The minister believes that cooperation is essential.", "Jake Sullivan"),
        # the nearest cue has no speaker, the speech verb that governs it has
        # (the quotation is part of his reported clause: content.quoted_clause)
        ("Paul Ryan said it’s unrealistic to think that if the country pulls back, “our "
         "oceans are going to save us.”", "it’s unrealistic to think that if the country "
         "pulls back, “our oceans are going to save us.”", "Paul Ryan"),
    ],
)
def test_speaker_despite_the_parse(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert speaker in _speakers(text, qs, content), [
        (q.text, q.speaker and text[q.speaker.start : q.speaker.end]) for q in qs]


@pytest.mark.parametrize(
    "text",
    [
        # no name before the cue: a place, a common noun
        "In a statement to the council, the city, Springfield, said: “The budget is "
        "balanced and the roads will be repaired this year.”",
    ],
)
def test_no_left_name_speaker(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    for q in qs:
        assert q.speaker is None or text[q.speaker.start : q.speaker.end] != "Springfield"
    # the quotation is found all the same
    assert ("direct", "The budget is balanced and the roads will be repaired this year.") in {
        (q.quote_type, q.text) for q in qs}


def test_report_content_stays_in_its_paragraph(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("The final results are not in, but the campaign is already claiming victory in "
            "the northern counties.\n\nIts chief strategist says in a statement that the race "
            "will now be a contest between four candidates.")
    qs = quotes(text)
    for q in qs:
        cue_para = text.count("\n", 0, q.cue.start) if q.cue else None
        if cue_para is not None:
            assert text.count("\n", 0, q.start) == cue_para == text.count("\n", 0, q.end)
    # the strategist's report, in its own paragraph
    assert ("that the race will now be a contest between four candidates",
            "Its chief strategist") in _found(text, qs)


def test_report_kept_around_a_few_quoted_words(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Jeremy Fleming is also warning China not to become “too closely aligned” with "
            "Russia as the war goes on.")
    # one record per act of speech (issue 20): the report, partial for its quoted words
    got = {(q.quote_type, q.text) for q in quotes(text)}
    assert ("partial", "too closely aligned") not in got
    assert any(k == "partial" and "“too closely aligned” with Russia" in t for k, t in got)


def test_report_dropped_when_a_full_quotation_overlaps(quotes) -> None:  # type: ignore[no-untyped-def]
    # the quotation is the content: no second, unmarked copy of it
    text = "The mayor said: “The bridge will close for repairs next month.”"
    assert [q.quote_type for q in quotes(text)] == ["direct"]


def test_research_showing_is_not_its_presenters(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("His speech in London will underline research showing that there have been "
            "thousands of approaches from foreign spies.")
    qs = quotes(text)
    for q in qs:
        if q.cue and q.cue.lemma == "show":
            assert q.speaker is None or "London" not in q.speaker.name
    # what research shows is evidence, no quote (issue 20)
    assert not [q for q in qs if q.cue and q.cue.lemma == "show"]


@pytest.mark.parametrize(
    ("text", "not_speaker", "found"),
    [
        # the one asked does not speak the question (what the mayor said is the mayor's)
        ("Asked about the new tax on small shops, the mayor said it was fair.", "the mayor",
         ("it was fair", "the mayor")),
        ("The mayor was asked, “If you had known about the leak, would you have closed the "
         "bridge?”", "The mayor",
         ("If you had known about the leak, would you have closed the bridge?", None)),
    ],
)
def test_addressee_is_not_the_speaker(quotes, text: str, not_speaker: str,  # type: ignore[no-untyped-def]
                                      found: tuple[str, str | None]) -> None:
    qs = quotes(text)
    for q in qs:
        if q.cue and q.cue.lemma == "ask":
            assert q.speaker is None or text[q.speaker.start : q.speaker.end] != not_speaker
    assert found in _found(text, qs)


def test_asker_is_the_speaker(quotes) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor asked, “Where did the money for the new bridge go?”"
    (q,) = [q for q in quotes(text) if q.quote_type == "direct"]
    assert q.speaker is not None and text[q.speaker.start : q.speaker.end] == "The mayor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # reports inside quoted speech: the he/she is someone the speaker talks about
        pytest.param(
            "“They are all here because he is promising to give them free stuff,” Bennett "
            "shot back with a laugh.", "Bennett",
            marks=pytest.mark.xfail(strict=True, reason=(
                "“shot back” is no cue (quote_cues.toml has no “shoot”): the quotation "
                "is not found at all"))),
        ("“He wants the country to become more like the rest of the world,” the senator "
         "told the crowd.", "the senator"),
    ],
)
def test_no_report_inside_quoted_speech(quotes, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    a, b = text.index("“") + 1, text.index("”")
    qs = quotes(text)
    for q in qs:
        if q.quote_type == "indirect":
            assert not (a <= q.start and q.end <= b), (q.text, q.speaker)
    # the quotation itself is the speaker's
    assert (text[a:b], speaker) in _found(text, qs)


def test_report_outside_quoted_speech_kept(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("The senator promised to cut taxes for families. “It is the right thing to "
            "do,” she said.")
    assert "to cut taxes for families" in [q.text for q in quotes(text)]


def test_interview_letters_are_no_speakers(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Q: You said yesterday that the middle class is still getting crushed.\n"
            "A: Yes, and I think the numbers show it every single month.")
    qs = quotes(text)
    for q in qs:
        assert q.speaker is None or text[q.speaker.start : q.speaker.end] not in ("Q", "A")
    # both turns are quotes, with no speaker named
    assert {(q.quote_type, q.text, q.speaker) for q in qs} >= {
        ("direct", "You said yesterday that the middle class is still getting crushed.", None),
        ("direct", "Yes, and I think the numbers show it every single month.", None)}


@pytest.mark.parametrize(
    "text",
    [
        # a bare "those"/"all" and first/second person stay no speaker
        "Those say the bridge will close for repairs next month.",
        "We say the bridge will close for repairs next month.",
        # three words without a subject of their own are no report
        "The mayor said so on Tuesday.",
    ],
)
def test_no_group_speaker(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in quotes(text) if q.quote_type == "indirect"] == []


def test_according_to_stays_in_its_sentence(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("In Shanghai, a BBC journalist was “beaten and kicked by the police”, according "
            "to the corporation.\n\nGeorge Osborne said his government would respond.")
    # (the quoted words in their clause: content.according_clause)
    (q,) = [q for q in quotes(text) if "beaten and kicked by the police" in q.text]
    assert q.text == "In Shanghai, a BBC journalist was “beaten and kicked by the police”"
    assert q.speaker is not None
    assert text[q.speaker.start : q.speaker.end] == "the corporation"
