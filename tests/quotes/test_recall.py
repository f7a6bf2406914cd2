"""The recall round: attribution shapes PolNeAR marks that Dossier missed, each with
cases that must stay no report.

- a quotation after the attribution sentence of the one before it, in the same
  paragraph ("“…,” Kasich replied. “…”"), goes on with the same speaker;
- a stance toward someone named ("Christie endorsed Trump"; `name_object_verbs`);
- "As the Times reported, …" (the clause after a preposed "as" clause);
- a quoted judgement of an object ("called Trump “unhinged.”") is no scare quote;
- infinitives the parser read as purpose clauses ("sought on Wednesday to ease …")
  and "calling for X to …" read as "for" + clause;
- indirect questions ("asked workers if …"; `question_verbs`);
- a participle's noun as the source ("an outside group backing Marco Rubio");
- "X as Y" stances (`as_verbs`: "sees Cruz as a uniter");
- "call out" is criticism ("called out Russia for …"), not "call for";
- findings in a poll or a study ("In a CBS News poll, she led …"; `evidence_nouns`);
- "…, the poll found." at a sentence's end, however the parser attached it.

("said as he claimed", and a pronoun resolved to the actor its report names: on
the demo, tests/quotes/test_demo_quotes.py.)

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from dossier.records import Quote


def _phrase(q: Quote) -> str:
    assert q.speaker is not None
    return q.speaker.phrase.text if q.speaker.phrase else ""


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a quotation that continues after the attribution sentence: one act of speech,
        # one record from its first part to its last (issue 20; PolNeAR marks it so)
        ("“The harbour will be ready in May,” the mayor replied. “I hate to promise it. "
         "But the builders are ahead of schedule.”",
         "The harbour will be ready in May,” the mayor replied. “I hate to promise it. "
         "But the builders are ahead of schedule.", "the mayor"),
        ("“We are not done,” Rishi Sunak said on Thursday during a speech in Leeds. "
         "“Two, we will cut the waiting lists.”",
         "We are not done,” Rishi Sunak said on Thursday during a speech in Leeds. "
         "“Two, we will cut the waiting lists.", "Rishi Sunak"),
        ("“The first loser of such a policy would be the town,” he continued. “Nobody "
         "here wants a wall around the market.”",
         "The first loser of such a policy would be the town,” he continued. “Nobody "
         "here wants a wall around the market.", "he"),
        # a stance toward someone named
        ("In a move that surprised the county, the governor endorsed Sunak last week.",
         "Sunak", "the governor"),
        # a preposed "as" clause
        ("As the Financial Times reported, the council spent more than $1 million on "
         "consultants last year.",
         "the council spent more than $1 million on consultants last year",
         "the Financial Times"),
        # a quoted judgement of an object
        ("On the radio, the senator called the statement “offensive and outlandish.”",
         "the statement “offensive and outlandish.”", "the senator"),
        # an infinitive read as a purpose clause; "calling for X to …"
        ("The senator is seeking on Wednesday to calm his supporters.",
         "to calm his supporters", "The senator"),
        ("The senator, who won both counties, is calling for the two rival candidates to "
         "drop out.",
         "the two rival candidates to drop out", "The senator, who won both counties,"),
        # an indirect question
        ("The candidate shook hands and asked workers if they planned to vote.",
         "if they planned to vote", "The candidate"),
        # the noun a participle describes
        ("Donors gave $25 million to an outside group urging the mayor's re-election.",
         "the mayor's re-election", "an outside group"),
        # "X as Y"
        ("The old activist is upbeat, in part because he sees the senator as a uniter.",
         "the senator as a uniter", "he"),
        # "call out" is criticism: its object and what for
        ("The UK and its allies called out Russia for its attempts to interfere in "
         "elections.", "Russia for its attempts to interfere in elections",
         "The UK and its allies"),
        # a finding in a poll or a study (`evidence_nouns`)
        ("In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 "
         "percent.", "she led Mr. Sanders 56 percent to 32 percent",
         "an early-October CBS News poll"),
        ("Trump has a decisive lead in the polls ahead of the state’s April 19 primary.",
         "Trump has a decisive lead in the polls ahead of the state’s April 19 primary",
         "the polls"),
        # a quoted label the parser put inside the object of "call"
        ("He called anti-Trump protestors “illegals” and “thugs” without proof.",
         "anti-Trump protestors “illegals” and “thugs”", "He"),
        # "…, the poll found." parsed as a relative clause of the last noun
        ("Eighty-four percent of the voters in the county have an unfavorable view of "
         "the mayor, the poll found.",
         "Eighty-four percent of the voters in the county have an unfavorable view of "
         "the mayor", "the poll"),
    ],
)
def test_recall_found(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    got = quotes(text)
    found = [q for q in got if q.text == content]
    assert found, [(q.quote_type, q.text) for q in got]
    assert _phrase(found[0]) == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # words after the attribution that are not a new quotation sentence
        ("“We will win this state,” Kasich said on Monday. The “golden era” is over for "
         "the other side.", "golden era"),
        # a new paragraph is no continuation without a speaker nearby
        ("“We will win this state,” Kasich said on Monday.\n\nThe weather was cold. Voters "
         "queued in the snow. Officials opened late. A sign by the door read “Stay warm”.",
         "Stay warm"),
        # a name after a verb that is no stance toward it: a call, an attack
        ("The president called Olaf Scholz on Tuesday.", "Olaf Scholz"),
        ("The president called Scholz on Tuesday.", "Scholz"),
        ("The prime minister called an early election last spring.", "an early election"),
        ("The army attacked Mosul in the spring.", "Mosul"),
        # an "as" clause that is no attribution
        ("As the crowd cheered, the mayor cut the ribbon at the new bridge.",
         "the mayor cut the ribbon at the new bridge"),
        # the object is the quotation: a title or a scare quote
        ("She asked me about “my language” yesterday.", "me about “my language”"),
        # a purpose clause after an object
        ("The mayor called a meeting to discuss the budget.", "to discuss the budget"),
        # "if" after a verb that asks nothing
        ("The senator will leave if they refuse to attend the talks.",
         "if they refuse to attend the talks"),
        # (a stance is a belief, no speech: tests/quotes/test_acts.py)
        # "see" without "as"; a main clause hung on a reason's verb
        ("The senator saw the protesters outside the hall.", "the protesters"),
        ("The old activist is upbeat about the senator's chances, in part because he "
         "sees the senator as a uniter.",
         "The old activist is upbeat about the senator's chances"),
        # a bare name after a verb whose subject is someone else's ("call on the west
        # to defend Taiwan": the west would defend it)
        ("Elsewhere in her speech, Liz Truss will call on the west to defend Taiwan.",
         "Taiwan"),
        # "call for" is not "call out … for"
        ("The UK and its allies called out Russia for its attempts to interfere in "
         "elections.", "its attempts to interfere in elections"),
        # "in" a speech event, or a clause whose own cue speaks
        ("In a speech in Ohio, Clinton visited a steel factory with workers.",
         "Clinton visited a steel factory with workers"),
        ("In a new study, researchers found that the river was polluted.",
         "researchers found that the river was polluted"),
        # a quoted name inside the object of "call"
        ("She called the “Save Our Schools” hotline.", "the “Save Our Schools” hotline"),
        # a cue followed by more than a time or a place is no sentence-final attribution
        ("Most voters have an unfavorable view of the plan, the poll found in the "
         "county that voted for the mayor twice.", "Most voters have an unfavorable view "
         "of the plan"),
        # a time is no content of a noun or a preposition cue
        ("Clinton weighed in with her support on Tuesday evening, hours after the vote.",
         "Tuesday evening"),
    ],
)
def test_recall_not_reports(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    got = quotes(text)
    assert not [q for q in got if q.text.rstrip(".,") == content.rstrip(".,")], [
        (q.quote_type, q.text) for q in got]
