"""Quotes you can trust (issue 20): what act a quote reports, refused speech, sources
that cannot speak, one record per act of speech. Each rule with its example on and
off, and negatives. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from dossier.quotes.book import NON_ACTOR, REPORT_MAX, SHAPE_MAX
from dossier.records import Quote
from dossier.rules import switched_off


def _acts(qs: list[Quote]) -> dict[str, str]:
    return {q.text: q.act for q in qs}


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        ("The mayor believes that the new bridge will cut commuting times in half.",
         "that the new bridge will cut commuting times in half", "belief"),
        ("Rishi Sunak hopes to cut taxes before the next election.",
         "to cut taxes before the next election", "belief"),
        ("The senator thinks the vote will be close.", "the vote will be close", "belief"),
        ("The old activist sees the senator as a uniter.", "the senator as a uniter",
         "belief"),
        # speech stays speech
        ("The mayor said that the new bridge will cut commuting times in half.",
         "that the new bridge will cut commuting times in half", "speech"),
        ("The senator vowed to block the nomination in committee.",
         "to block the nomination in committee", "speech"),
        # words in marks are speech whatever the cue
        ("“The vote will be close,” the senator said.", "The vote will be close,",
         "speech"),
    ],
)
def test_act(quotes, text: str, content: str, act: str) -> None:  # type: ignore[no-untyped-def]
    got = _acts(quotes(text))
    assert got.get(content) == act, got
    if act == "belief":
        with switched_off("quotes.cues.belief"):
            assert _acts(quotes(text)).get(content) == "speech"


@pytest.mark.parametrize(
    ("text", "content", "rule"),
    [
        # perception, stance, liking, evidence, causation (`nonspeech_verbs`)
        ("Ron DeSantis and Nikki Haley clearly despise each other.", "each other",
         "cues.not_speech"),
        ("The senator likes the new stadium plan.", "the new stadium plan",
         "cues.not_speech"),
        ("The latest delays show how difficult building a pipeline has become.",
         "how difficult building a pipeline has become", "cues.not_speech"),
        ("The tax cuts encouraged investment in the region.", "investment in the region",
         "cues.not_speech"),
        # evidence verbs without anyone who speaks (`evidence_verbs`)
        ("Early election results suggest that the governor will keep her seat.",
         "that the governor will keep her seat", "speakers.evidence_only"),
        ("The rising prices hint at a shortage of grain.", "a shortage of grain",
         "speakers.evidence_only"),
        # refused, declined, denied, negated speech: nothing of what would be said
        ("Rishi Sunak struck a more conciliatory tone by refusing to say he still saw "
         "China as a threat.", "he still saw China as a threat", "cues.refused"),
        ("Rishi Sunak struck a more conciliatory tone by refusing to say he still saw "
         "China as a threat.", "to say he still saw China as a threat", "cues.refused"),
        ("A spokeswoman for the company declined to comment on whether jobs would go.",
         "to comment on whether jobs would go", "cues.refused"),
        ("The minister did not say whether she believed the figures were right.",
         "the figures were right", "cues.refused"),
        # content that names only a topic (`topic_verbs`)
        ("The minister spoke about the economy on Tuesday.", "the economy",
         "cues.topic_only"),
        ("The senator discussed the budget with reporters.", "the budget with reporters",
         "cues.topic_only"),
        ("The coach told his players before the match.", "his players before the match",
         "cues.topic_only"),
        ("The two leaders discussed the future of the trade agreement on Tuesday.",
         "the future of the trade agreement", "cues.topic_only"),
        ("The senator focused on the cost of the new bridge.", "the cost of the new bridge",
         "cues.topic_only"),
    ],
)
def test_no_quote(quotes, text: str, content: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    assert content not in _acts(quotes(text)), _acts(quotes(text))
    with switched_off(f"quotes.{rule}"):
        assert content in _acts(quotes(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the same verbs in a speaker's mouth are speech
        ("Xi suggested that the two countries should work more closely together.",
         "that the two countries should work more closely together"),
        ("The judge found that the company had misled its investors.",
         "that the company had misled its investors"),
        ("Officials estimated that the repairs would cost $3 million.",
         "that the repairs would cost $3 million"),
        # a speech act that happened, next to one refused
        ("The senator refused to back down, saying the bill would pass.",
         "the bill would pass"),
        ("The minister denied that she had misled parliament.",
         "that she had misled parliament"),
        # a topic verb with a clause, or a clause after it
        ("He talked about which candidates he would like to hire.",
         "which candidates he would like to hire"),
        ("The senator told reporters that the budget would pass.",
         "that the budget would pass"),
        # a content runs to the end of its clause, not into the next verb's
        ("The senator vowed to block the nomination and warned against haste.",
         "to block the nomination"),
    ],
)
def test_still_a_quote(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content in _acts(quotes(text)), _acts(quotes(text))


@pytest.mark.parametrize(
    ("text", "content", "act", "rule"),
    [
        ("A new study found that most voters distrust the parties.",
         "that most voters distrust the parties", "belief", "finding"),
        ("In a new CBS News poll, the governor led her rival by six points.",
         "the governor led her rival by six points", "belief", "finding"),
        # the same verbs in a speaker's mouth are speech
        ("The judge found that the company had misled its investors.",
         "that the company had misled its investors", "speech", "finding"),
        ("Officials estimated that the repairs would cost $3 million.",
         "that the repairs would cost $3 million", "speech", "finding"),
        # a share of the people polled who say something (`[poll_share]`)
        ("An overwhelming 70 percent of Americans say the senator should resign.",
         "the senator should resign", "belief", "poll_share"),
        ("In the survey, 44 percent of voters said they want a new election.",
         "they want a new election", "belief", "poll_share"),
        ("Forty-four percent of voters told pollsters they want a new election.",
         "they want a new election", "belief", "poll_share"),
        # a speaker who names a share, or speaks for one, speaks
        ("The senator said 70 percent of the town had flooded.",
         "70 percent of the town had flooded", "speech", "poll_share"),
        ("A spokesman for 80 percent of the growers said the harvest was late.",
         "the harvest was late", "speech", "poll_share"),
    ],
)
def test_finding_is_no_speech(quotes, text: str, content: str, act: str,  # type: ignore[no-untyped-def]
                              rule: str) -> None:
    assert _acts(quotes(text)).get(content) == act
    with switched_off(f"quotes.cues.{rule}"):
        assert _acts(quotes(text)).get(content) == "speech"


@pytest.mark.parametrize(
    ("text", "content", "rule"),
    [
        # a stance held by someone (`stance_verbs`)
        ("About 19 percent of the voters support the governor.", "the governor",
         "held_stance"),
        ("The union backed the mayor's budget on Monday.", "the mayor's budget",
         "held_stance"),
        ("Governor Tom Reilly opposes abortion.", "abortion", "held_stance"),
        ("Wealthy donors gave millions to an outside group backing the senator from "
         "Ohio.", "the senator from Ohio", "held_stance"),
        # what a poll or records show (`finding_verbs`)
        ("A new poll shows the governor trailing her challenger by six points.",
         "the governor trailing her challenger by six points", "shown_finding"),
        ("Census data show that rents rose by a third in the city last year.",
         "that rents rose by a third in the city last year", "shown_finding"),
    ],
)
def test_stance_and_shown_finding_are_beliefs(quotes, text: str, content: str,  # type: ignore[no-untyped-def]
                                              rule: str) -> None:
    assert _acts(quotes(text)).get(content) == "belief", _acts(quotes(text))
    with switched_off(f"quotes.cues.{rule}"):
        assert content not in _acts(quotes(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # no one who holds a view, a passive, no object
        ("The old beams support the roof of the barn.", "the roof of the barn"),
        ("The senator was backed by the unions in the primary.", "the unions"),
        ("The rising prices back the case for a rate cut.", "the case for a rate cut"),
        # evidence without a finding's source, or without a subject of its own
        ("The latest delays show how difficult building a pipeline has become.",
         "how difficult building a pipeline has become"),
        ("His speech will underline research showing that there have been thousands "
         "of approaches from foreign spies.",
         "that there have been thousands of approaches from foreign spies"),
        ("The video showed the scattered groups of fighters with heavy weapons.",
         "the scattered groups of fighters with heavy weapons"),
    ],
)
def test_no_stance_or_finding(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content not in _acts(quotes(text)), _acts(quotes(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Thousands called for immediate change.", "immediate change"),
        ("It says the plan will fail.", "the plan will fail"),
    ],
)
def test_source_that_cannot_speak(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    with switched_off("quotes.post.page_calibrated"):  # (the rule's cap, not the pages')
        (q,) = [q for q in quotes(text) if q.text == content]
        assert q.confidence <= NON_ACTOR
        with switched_off("quotes.speakers.non_actor"):
            (q,) = [q for q in quotes(text) if q.text == content]
            assert q.confidence > NON_ACTOR


@pytest.mark.parametrize(
    "text",
    ["Officials said the plan will fail.", "The agency said the plan will fail.",
     "Forecasters said the plan will fail.", "The two said the plan will fail."],
)
def test_source_that_speaks_keeps_its_confidence(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    with switched_off("quotes.post.page_calibrated"):  # (the rule's cap, not the pages')
        (q,) = [q for q in quotes(text) if q.text == "the plan will fail"]
    assert q.confidence > NON_ACTOR


def test_one_record_per_act(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("The Kremlin's press service said the bond between the two countries was at "
            "“an unprecedentedly high level” right now.")
    got = {(q.quote_type, q.text) for q in quotes(text)}
    assert ("partial", "an unprecedentedly high level") not in got, got
    assert any(k == "partial" and "“an unprecedentedly high level” right now" in t
               for k, t in got), got
    assert len([q for q in quotes(text) if "high level" in q.text]) == 1
    with switched_off("quotes.post.one_per_act", "quotes.content.partial_clause",
                      "quotes.post.quoted_in_report"):
        # the report and the quotation
        assert len([q for q in quotes(text) if "high level" in q.text]) == 2


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Rishi Sunak said the plan was “a great success” for the town.",
         "the plan was “a great success” for the town"),
        ("Liz Truss will warn that the “consequences range from frustration to loss”.",
         "that the “consequences range from frustration to loss”"),
    ],
)
def test_partial_quote_is_its_clause(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    # (the report of the same cue finds the clause too: switched off here)
    with switched_off("quotes.strategies.reported_speech"):
        assert ("partial", content) in {(q.quote_type, q.text) for q in quotes(text)}
        with switched_off("quotes.content.partial_clause"):
            assert content not in {q.text for q in quotes(text)}


def test_split_quotation_is_one_record(quotes) -> None:  # type: ignore[no-untyped-def]
    text = "“We will not sign it,” the minister said. “Not this year, not next year.”"
    (q,) = quotes(text)
    assert q.text == "We will not sign it,” the minister said. “Not this year, not next year."
    # its segments are the quoted words alone, each at its place in the text
    assert [s.text for s in q.segments] == ["We will not sign it,", "Not this year, not next year."]
    assert all(text[s.start : s.end] == s.text for s in q.segments)
    assert q.to_dict()["segments"][1]["text"] == "Not this year, not next year."
    with switched_off("quotes.marks.joined"):
        assert [q.text for q in quotes(text)] == [
            "We will not sign it,", "Not this year, not next year."]


@pytest.mark.parametrize(
    ("text", "second", "speaker"),
    [
        # a second quotation by another speaker
        ("“It was a hard year,” Ward says.\xa0“We had a fine harvest,” her neighbour Jim "
         "Cole replies.", "We had a fine harvest,", "Jim Cole"),
        # a quotation after a new paragraph, by another speaker
        ("“It was a hard year,” Ward says.\n\n“We had a fine harvest this time,” her "
         "neighbour Jim Cole replies.", "We had a fine harvest this time,", "Jim Cole"),
    ],
)
def test_split_quotation_not_joined(quotes, text: str, second: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    found = {q.text: q for q in quotes(text)}
    assert set(found) == {"It was a hard year,", second}
    sp = found[second].speaker
    assert sp is not None and text[sp.start : sp.end] == speaker
    assert found[second].segments == ()


@pytest.mark.xfail(strict=True, reason="a sentence of narration between the attribution "
                   "and the next quotation is read as part of the attribution (a guard "
                   "that parted them lowered precision on PolNeAR dev half B)")
def test_narration_between_parts_them(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("“It was a hard year,” Ward says. The barn burned down in May. “We lost the "
            "harvest and the barn.”")
    assert {q.text for q in quotes(text)} == {"It was a hard year,",
                                              "We lost the harvest and the barn."}


def test_two_acts_stay_two(quotes) -> None:  # type: ignore[no-untyped-def]
    # the first quotation inside a sentence of "said", the second after "adding"
    text = ("The mayor said the works could be “messy,” adding, “Democracy is messy and "
            "so is rebuilding a bridge.”")
    assert "Democracy is messy and so is rebuilding a bridge." in [
        q.text for q in quotes(text)]


@pytest.mark.parametrize(
    ("text", "content", "most"),
    [
        ("Liz Truss condemned Rishi Sunak for his reversal on China.",
         "Rishi Sunak for his reversal on China", SHAPE_MAX["object"]),
        ("Liz Truss called for an inquiry into the deal.", "an inquiry into the deal",
         SHAPE_MAX["prep"]),
    ],
)
def test_confidence_by_content_shape(quotes, text: str, content: str, most: float) -> None:  # type: ignore[no-untyped-def]
    # a named speaker (0.9) whose report names a target, not what was said (the rules'
    # confidence, before calibration: below)
    with switched_off("quotes.post.calibrated", "quotes.post.page_calibrated"):
        (q,) = [q for q in quotes(text) if q.text == content]
        assert q.confidence == most < REPORT_MAX
        with switched_off("quotes.content.shape_confidence"):
            (q,) = [q for q in quotes(text) if q.text == content]
            assert q.confidence == REPORT_MAX


@pytest.mark.parametrize(
    ("text", "content", "below"),
    [
        # a short report of intent (at most five words), and of an object: under 0.6
        # right on PolNeAR train and dev A, so under the default floor
        ("The senator plans to resign.", "to resign", True),
        ("The senator pushed for a ban.", "a ban", True),
        # a clause said by a named speaker, and a quotation: above it
        ("Senator Ted Cruz said that the new bridge will cut commuting times in half.",
         "that the new bridge will cut commuting times in half", False),
        ("“The vote will be close,” the senator said.", "The vote will be close,", False),
        # a partial quote of a few words: 0.36 right on PolNeAR train and dev A; a long
        # one 0.88
        ("Senator Ted Cruz said the plan was “reckless.”", "the plan was “reckless.”",
         True),
        ("Senator Ted Cruz warned that the new bridge would be “a disaster for every "
         "family who drives to work in the city.”", "that the new bridge would be “a "
         "disaster for every family who drives to work in the city.”", False),
    ],
)
def test_calibrated_confidence(quotes, text: str, content: str, below: bool) -> None:  # type: ignore[no-untyped-def]
    (q,) = [q for q in quotes(text) if q.text == content]
    assert (q.confidence < 0.6) is below, q.confidence
    with switched_off("quotes.post.calibrated", "quotes.post.page_calibrated"):
        (raw,) = [q for q in quotes(text) if q.text == content]
    assert q.confidence <= raw.confidence  # it only ever lowers
    if below:
        assert raw.confidence >= 0.6


def test_quotation_going_on_in_the_next_paragraph_is_one_record(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("“Of course we are going to release our medical records,” Sanders said during "
            "an interview on Sunday.\n\n“Thank God, I am very healthy. We will get the "
            "records out the same way.”")
    (q,) = quotes(text)
    assert q.text.startswith("Of course") and q.text.endswith("the same way.")
    assert [s.text[:9] for s in q.segments] == ["Of course", "Thank God"]
    assert q.speaker is not None and q.speaker.phrase is not None
    assert q.speaker.phrase.text == "Sanders"
    with switched_off("quotes.marks.carried_on"):
        assert len(quotes(text)) == 2
    # a quotation inside a sentence of its own cue is another act
    text = ("He said the plan was “a disaster for the town,” he said on Monday.\n\n“We "
            "will fight it in every court in the land.”")
    assert len(quotes(text)) == 2


DIRECT = "“The vote will be close,” the senator said."
REPORT = "The senator said the vote would be close."
ACCORDING = "The vote will be close, according to the senator."
ARGUED = "The senator argued the vote would be close."


@pytest.mark.parametrize(("text", "before", "after"), [
    # PolNeAR-calibrated confidences scaled by their cell's share right over its mean
    # confidence on the marked tuning pages: a direct quote at 0.75 by its bin's quotes
    # that no cell takes (direct and partial, right 0.75 at 0.75: kept), the order kept
    # within the bin (0.8 above 0.75), 0.65 -> 0.33 (hidden by the default floor)
    (DIRECT, 0.75, 0.75), (DIRECT, 0.8, 0.8), (DIRECT, 0.65, 0.33),
    # below 0.6 no direct quote was right (0 of 17: Q&A labels, furniture)
    (DIRECT, 0.55, 0.0),
    # never raised: direct quotes at 0.85 and above were right 0.94
    (DIRECT, 0.9, 0.9),
    # reports at 0.85 take their bin's rest (right 0.80)
    (REPORT, 0.85, 0.8), (ACCORDING, 0.85, 0.8),
    # at 0.7-0.85 reports of "said"/"told" and "according to" were right 0.63, those
    # of other speech verbs 0.35 (their own cell): under the default floor
    (REPORT, 0.75, 0.63), (ACCORDING, 0.75, 0.63), (ARGUED, 0.75, 0.35),
])
def test_page_calibrated_confidence(quotes, text: str, before: float, after: float) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from dossier.quotes.post import page_calibrated, page_key

    (q,) = [q for q in quotes(text)]
    assert page_key(q) == {DIRECT: "direct", REPORT: "indirect.say", ARGUED: "indirect.verb",
                           ACCORDING: "indirect.other"}[text]
    (got,) = page_calibrated([replace(q, confidence=before)])
    assert got.confidence == after
    with switched_off("quotes.post.page_calibrated"):
        (got,) = page_calibrated([replace(q, confidence=before)])
        assert got.confidence == before


@pytest.mark.parametrize(
    ("text", "content", "speaks"),
    [
        # an "it" resolved to an organisation speaks under its name
        ("Ithilen Robotics Inc. cut 500 jobs on Tuesday. “We regret the decision, but "
         "the market left us no choice,” it said in a statement.", "We regret the "
         "decision, but the market left us no choice,", True),
        # negatives: an "it" resolved to nobody, or a document's "it read"
        ("The report was published on Monday. “No risk was found,” it read.",
         "No risk was found,", False),
        ("It says the plan will fail.", "the plan will fail", False),
    ],
)
def test_an_organisation_pronoun_speaks(quotes, text: str, content: str,  # type: ignore[no-untyped-def]
                                        speaks: bool) -> None:
    with switched_off("quotes.post.page_calibrated"):  # (the rule's cap, not the pages')
        (q,) = [q for q in quotes(text) if q.text == content]
        assert (q.confidence > NON_ACTOR) is speaks, q
        if speaks:
            assert q.speaker is not None and q.speaker.name == "Ithilen Robotics Inc."
            with switched_off("quotes.speakers.org_pronoun"):
                (q,) = [q for q in quotes(text) if q.text == content]
                assert q.confidence <= NON_ACTOR

