"""Reported speech, beliefs and stances without quotation marks (issue 4), and the
attribution shapes PolNeAR marks: clause, parenthetical, infinitive, object,
prepositional, noun and adjective cues, "according to", dashes and colons.

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off

NESTED_LOSS = pytest.mark.xfail(strict=True, reason=(
    "a report by another speaker inside a report is dropped as the outer speaker's "
    "account (quotes.post.outer_reports; on PolNeAR train such reports had the "
    "right source 14-45% of the time): a noun report with an owner is its loss"))


def _speaker_text(text: str, q: Quote) -> str:
    assert q.speaker is not None
    return text[q.speaker.start : q.speaker.end]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "qtype"),
    [
        # beliefs and verbs of judgement with a clausal complement
        ("The mayor believes that the new bridge will cut commuting times in half.",
         "that the new bridge will cut commuting times in half", "The mayor", "indirect"),
        ("Several economists warned that the tariffs would raise prices for families.",
         "that the tariffs would raise prices for families", "Several economists",
         "indirect"),
        # nominal sources: a poll, a report, documents
        # (a poll that "shows" is evidence, no quote: tests/quotes/test_acts.py)
        ("A new poll found that the governor trails her challenger by six points.",
         "that the governor trails her challenger by six points", "A new poll",
         "indirect"),
        ("The audit found that the agency had overpaid its contractors for years.",
         "that the agency had overpaid its contractors for years", "The audit", "indirect"),
        # common-noun speakers, sentence-final and parenthetical attributions
        ("The factory will close before the end of the year, officials said.",
         "The factory will close before the end of the year", "officials", "indirect"),
        ("The new rules, the minister said, would apply to every school in the county.",
         "The new rules, the minister said, would apply to every school in the county",
         "the minister", "indirect"),
        # intentions and requests with an infinitive
        ("The senator vowed to block the nomination in committee.",
         "to block the nomination in committee", "The senator", "indirect"),
        ("The union urged its members to reject the latest offer.",
         "its members to reject the latest offer", "The union", "indirect"),
        # stances and evaluations with an object, and prepositional content
        ("The chancellor criticized the central bank's decision to raise rates.",
         "the central bank's decision to raise rates", "The chancellor", "indirect"),
        ("Protesters called for an independent inquiry into the shooting.",
         "an independent inquiry into the shooting", "Protesters", "indirect"),
        # a passive with its agent: the agent speaks about the subject
        ("The new curriculum was criticized by several teachers' unions.",
         "The new curriculum", "several teachers' unions", "indirect"),
        # a noun cue owned by its source, an attitude adjective
        ("The governor's claim that the budget was balanced drew scorn from reporters.",
         "that the budget was balanced", "The governor", "indirect"),
        pytest.param("Reporters questioned the governor's claim that the budget was "
                     "balanced.", "that the budget was balanced", "the governor",
                     "indirect", marks=NESTED_LOSS),
        ("The coach was confident that his team would reach the final.",
         "that his team would reach the final", "The coach", "indirect"),
        # according to any noun phrase
        ("According to the latest census, the city grew by twelve percent in a decade.",
         "the city grew by twelve percent in a decade", "the latest census", "indirect"),
        # unresolved pronoun sources of reports
        ("The committee published its findings. It says the program wasted millions.",
         "the program wasted millions", "It", "indirect"),
    ],
)
def test_reported_found(quotes, text: str, content: str, speaker: str, qtype: str) -> None:  # type: ignore[no-untyped-def]
    found = [q for q in quotes(text) if q.quote_type == qtype and q.text == content]
    assert found, [(q.quote_type, q.text) for q in quotes(text)]
    q = found[0]
    assert text[q.start : q.end] == content
    assert _speaker_text(text, q) == speaker
    assert q.cue is None or q.cue.lemma


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a dash closes the quotation and names the speaker
        ("“We will not leave until the factory reopens.” ― Maria Lopez",
         "We will not leave until the factory reopens.", "Maria Lopez"),
        # a paragraph opened by ” (a typo for “)
        ("”The water has been brown for a month.” ― Daniel Okafor",
         "The water has been brown for a month.", "Daniel Okafor"),
        # transcripts and colon headlines
        ("HARRIS: We have to finish the job we started four years ago.",
         "We have to finish the job we started four years ago.", "HARRIS"),
        # a block quotation after "X added:"
        ("The councillor added:\n\nNobody on this street was asked before the works began.",
         "Nobody on this street was asked before the works began.", "The councillor"),
        ("Residents met on Monday. Their spokeswoman, Ann Reilly, said:\n\nWe were never "
         "consulted. The council decided everything behind closed doors.",
         "We were never consulted. The council decided everything behind closed doors.",
         "Ann Reilly"),
        # a question closing its sentence, the cue parsed as a sentence of its own (the
        # quotation after it goes on: one record, issue 20)
        ("“How long must the families of this town wait for answers?” Rishi Sunak said. "
         "“They deserve better.”",
         "How long must the families of this town wait for answers?” Rishi Sunak said. "
         "“They deserve better", "Rishi Sunak"),
        # two apostrophes as quotation marks (''…''), as some news archives print them
        ("''The harbour will be ready before the summer season,'' Rishi Sunak said.",
         "The harbour will be ready before the summer season,", "Rishi Sunak"),
        # a short quotation joined to an unlinked speaker by punctuation
        ("“Never again,” a spokesman said.", "Never again,", "a spokesman"),
    ],
)
def test_marked_attributions(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    # (the parser may read a one-sentence block as the cue's clause: same attribution)
    found = [q for q in quotes(text) if q.text.rstrip(".,") == content.rstrip(".,")]
    assert found, [(q.quote_type, q.text) for q in quotes(text)]
    assert _speaker_text(text, found[0]) == speaker


def test_relative_pronoun_is_the_span_and_the_antecedent_the_actor(quotes) -> None:  # type: ignore[no-untyped-def]
    text = "Reporters spoke to Rishi Sunak, who said the economy would recover by spring."
    (q,) = [q for q in quotes(text) if q.quote_type == "indirect"]
    assert q.speaker is not None and q.speaker.actor_id == "rishi-sunak"
    assert _speaker_text(text, q) == "who"


def test_nested_report_is_kept_as_the_same_speakers_only(quotes) -> None:  # type: ignore[no-untyped-def]
    # the minister's promise is the spokesman's account of it, not a second record
    text = "A spokesman says the minister promised to review the decision next week."
    got = {(_speaker_text(text, q), q.text) for q in quotes(text)}
    assert got == {("A spokesman", "the minister promised to review the decision next week")}
    # the same speaker's saying and wanting: one act, the saying (PolNeAR marks the
    # outer report only; issue 20, ``post.said_within``)
    text = "The mayor says she wants to rebuild the old bridge before the winter."
    got = {(_speaker_text(text, q), q.text) for q in quotes(text)}
    assert got == {("The mayor", "she wants to rebuild the old bridge before the winter")}
    with switched_off("quotes.post.said_within"):
        got = {(_speaker_text(text, q), q.text) for q in quotes(text)}
        assert ("The mayor", "to rebuild the old bridge before the winter") in got


@pytest.mark.parametrize(
    "text",
    [
        # actions, not attributions
        "The council tried to repair the road before the winter storms arrived.",
        "The company released its quarterly results on Tuesday morning.",
        # no source: expletive, passive without agent, first and second person
        "It was reported that the bridge would close for repairs next month.",
        "The new curriculum was criticized last week and then quietly withdrawn.",
        "There is no doubt that the bridge will close for repairs next month.",
        "I think that the bridge will close for repairs next month.",
        "You know that the bridge will close for repairs next month.",
        # an unresolved it/they with a verb of thought, not of speech
        "It took years, but slowly they realised that the town had changed for good.",
        # a noun cue with no owner or an unresolved one, an adjective that is no attitude
        "Their support for the new stadium surprised everyone at the meeting.",
        "The claim that the bridge will close has spread quickly online.",
        "The bridge was closed for repairs in the spring.",
        # a prepositional report that is only a title or a scare quote
        "Students asked about “the Great Gatsby” after the lesson ended.",
        # a colon after something that is not a name
        "Correction: An earlier version of this story misstated the date.",
        "Stealth Over Health: The Hidden Cost Of Hospital Parking Fees",
        # apostrophes that are no quotation marks
        "The players' union and the owners' group met again on Friday.",
        # a dash not after a quotation
        "The river rose quickly ― Maria Lopez watched from the bridge.",
        # a speech act that did not happen
        "Xi Jinping has not publicly condemned the invasion of Ukraine.",
        "The mayor did not say that the bridge would close next month.",
        "Senator Warren never criticised the new trade agreement in public.",
    ],
)
def test_not_reports(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(q.quote_type, q.text) for q in quotes(text)] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an attribution set off by commas inside the sentence (content.set_off)
        ("Nor does the mayor have any plans, advisers say, to raise taxes before the "
         "election.", "Nor does the mayor have any plans, advisers say, to raise taxes "
         "before the election"),
        # quoted words in an "according to" sentence: the sentence's clause
        # (content.according_clause); a whole quotation stays as it is
        ("The move reeks of “fear” and desperation, according to two aides of the "
         "senator.", "The move reeks of “fear” and desperation"),
        ("According to the mayor, “the bridge will not open before the winter comes.”",
         "the bridge will not open before the winter comes."),
    ],
)
def test_content_bounds(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content in {q.text for q in quotes(text)}, [q.text for q in quotes(text)]


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # a partial quotation inside the same speaker's report of another cue
        ("The mayor called the plan “reckless” and said it would fail.", "reckless"),
        ("The senator urged residents to “stay calm” and said help was coming.",
         "stay calm"),
    ],
)
def test_quoted_words_in_a_report_are_its_words(quotes, text: str, alone: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert alone not in {q.text for q in qs}
    assert any(alone in q.text and q.quote_type == "partial" for q in qs), [
        (q.quote_type, q.text) for q in qs]


@pytest.mark.parametrize(
    "text",
    [
        # "it" as subject, an agent who is named, a speech to come (the speaker's)
        "It is expected that the bank will raise its rates in June.",
        "The senator is expected by analysts to win the primary easily.",
        "The mayor is expected to say that the bridge will close for the winter.",
    ],
)
def test_no_unnamed_passive(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [q for q in quotes(text) if q.speaker is None and "expected" in q.text]


def test_unnamed_passive_is_a_belief_below_the_floor(quotes) -> None:  # type: ignore[no-untyped-def]
    (q,) = quotes("Mrs. Lee is not expected to publicly pressure her rival to quit the race.")
    assert q.speaker is None and q.act == "belief" and q.confidence <= 0.5
    assert q.text == "Mrs. Lee is not expected to publicly pressure her rival to quit the race"


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause with an object, not an attribution set off by commas
        "The mayor, who said nothing, left the hall before the vote on Tuesday.",
        # nothing but a time after the second comma
        "The council met again, the mayor said, on Tuesday.",
    ],
)
def test_not_set_off(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    # (no content that holds its attribution: "the mayor said", "who said nothing")
    assert not [q for q in quotes(text) if " said" in q.text], [q.text for q in quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a passive with its subject, a question with its asker named
        "The mayor was asked about the bridge on Tuesday.",
        "Reporters asked if the bridge would close before the winter.",
        # the participle does not open the sentence
        "The mayor left the hall, asked about the bridge once again.",
    ],
)
def test_no_unnamed_question(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [q for q in quotes(text) if q.speaker is None], [q.text for q in quotes(text)]


# The walk of reported_cues() skips every verb whose lemma is not in verb_lemmas()
# (most verbs) before it reads any list: a verb list the walk reads must be in it, or
# its verbs are silently never cues.
@pytest.mark.parametrize("field", ["verbs", "clausal", "intent", "objects", "preps",
                                   "as_verbs", "reporting"])
def test_every_verb_list_the_walk_reads_is_in_verb_lemmas(field: str) -> None:
    from dossier.quotes.lexicon import cues, verb_lemmas

    words = frozenset(getattr(cues(), field))
    assert words, field
    assert words <= verb_lemmas(), sorted(words - verb_lemmas())[:5]


def test_the_walk_reads_only_lists_verb_lemmas_covers() -> None:
    """The lists named after the skip in reported_cues() are the ones tested above."""
    import inspect
    import re

    from dossier.quotes.reported import reported_cues

    src = inspect.getsource(reported_cues)
    after_skip = src[src.index("verb_lemmas()"):]
    read = set(re.findall(r"\bc\.(\w+)", after_skip))
    filters = {"unsaid_when_negated", "complement_objects"}  # narrow, never widen
    assert read - filters <= {"verbs", "clausal", "intent", "objects", "preps",
                              "as_verbs", "reporting"}, read


@pytest.mark.parametrize("word", [
    "hopes", "hoped", "hoping", "says", "said", "warns", "warned", "warning", "notes",
    "stressed", "stresses", "writing", "claims", "ed", "s", "ing", "", "is", "sing",
    "bed", "gas", "thinks", "cats", "zzzing", "statesmen",
])
def test_stripped_cue_is_any_stem_a_verb_cue(word: str) -> None:
    # written out for speed: the same answer as any() over _stems
    from dossier.quotes.lexicon import _stems, stripped_cue, verb_lemmas

    assert stripped_cue(word) is any(c in verb_lemmas() for c in _stems(word))
