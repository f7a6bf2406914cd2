"""Speakers another phrase stands for (issue 18, session 18). A medium that names the
body it cites relays that body's words (``quotes.speakers.cited_source``): the speaker
is the body, the medium its ``reported_via``; a medium citing no body ("sources",
"documents"), itself, or a speaker that is no medium keeps the speaker. The one a
report quotes "as saying" speaks (``quotes.speakers.quoted_as``). "The Florida
senator" is the one person the paragraph before names (``quotes.speakers.named_before``).
Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off

RULE = "quotes.speakers.cited_source"


def said(qs: list[Quote], start: str) -> tuple[str | None, str | None]:
    q = next(q for q in qs if q.text.startswith(start))
    return (q.speaker.name if q.speaker else None,
            q.reported_via.name if q.reported_via else None)


@pytest.mark.parametrize(("text", "start", "speaker", "relay", "without"), [
    ("Two people were taken to hospital in Ithilen province, the Xinhua news agency "
     "said, citing the regional health commission.", "Two people",
     "the regional health commission", "Xinhua", "Xinhua"),
    ("The border will close on Monday, Reuters reported, citing the Interior Ministry.",
     "The border", "Interior Ministry", "Reuters", "Reuters"),
    ("The northern pipeline will shut for repairs, the Interfax news agency said on "
     "Friday, citing Gazprom.", "The northern pipeline", "Gazprom", "Interfax",
     "Interfax"),
])
def test_a_medium_relays_the_body_it_cites(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                           speaker: str, relay: str, without: str) -> None:
    assert said(quotes(text), start) == (speaker, relay)
    with switched_off(RULE):
        assert said(quotes(text), start)[0] == without


@pytest.mark.parametrize(("text", "start", "speaker"), [
    pytest.param("The deal is off, the Wall Street Journal reported, citing people "
                 "familiar with the matter.", "The deal", "Wall Street Journal",
                 id="no body cited: people"),
    pytest.param("The border will close on Monday, Reuters reported, citing internal "
                 "documents.", "The border", "Reuters", id="no body cited: documents"),
    pytest.param("“It is a reflection of anger,” Senator Jane Ithil said, citing the "
                 "Interior Ministry.", "It is a reflection", "Jane Ithil",
                 id="a speaker that is no medium"),
    pytest.param("Ithilen Widgets cut 300 jobs on Monday. The plant will close in May, the "
                 "Ithilen Times reported, citing the company.", "The plant", "Ithilen Times",
                 id="the medium itself, 'the company' read as the paper"),
])
def test_a_medium_citing_no_body_keeps_the_speaker(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                                   speaker: str) -> None:
    on = said(quotes(text), start)
    with switched_off(RULE):
        assert said(quotes(text), start) == on  # the rule changes nothing here
    assert on[0] == speaker


@pytest.mark.parametrize(("text", "start", "speaker", "relay", "without"), [
    ("“We will not allow this,” Reuters quoted the foreign ministry as saying.",
     "We will not", "the foreign ministry", "Reuters", "Reuters"),
    ("CNN quoted an American witness as saying he saw one person in the truck.",
     "he saw", "an American witness", "CNN", "CNN"),
    ("The Ministry of Health of Gondor closed the schools on Monday. Reuters quoted the "
     "ministry as saying the schools would reopen in May.", "the schools would",
     "Ministry of Health of Gondor", "Reuters", "Reuters"),
])
def test_the_one_quoted_as_saying_speaks(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                         speaker: str, relay: str, without: str) -> None:
    assert said(quotes(text), start) == (speaker, relay)
    with switched_off("quotes.speakers.quoted_as"):
        assert said(quotes(text), start)[0] == without


@pytest.mark.parametrize(("text", "start", "speaker"), [
    # the passive: the one quoted is the subject already
    ("“Our method succeeds where others fail,” Braynard is quoted as saying.",
     "Our method", "Braynard"),
    # "as saying" after another verb
    ("Reuters described the minister as saying little about the talks.", None, None),
])
def test_quoted_as_saying_only_after_quote(quotes, text: str, start: str | None,  # type: ignore[no-untyped-def]
                                           speaker: str | None) -> None:
    qs = quotes(text)
    if start is None:
        assert all(q.speaker is None or q.speaker.name != "the minister" for q in qs)
    else:
        assert said(qs, start)[0] == speaker


@pytest.mark.parametrize(("text", "start", "with_rule", "without", "floor"), [
    # (a report of "predict" is worth 0.35 on the tuning pages, whoever speaks)
    ("Marco Rubio says the race has three candidates.\nThe Florida senator is predicting "
     "that he will win the nomination.", "that he will win", "Marco Rubio",
     "The Florida senator", 0.3),
    ("Eric Holcomb did not attend the rally.\nThe governor said he was waiting for a "
     "report.", "he was waiting", "Eric Holcomb", "The governor", 0.6),
    # a partial quote of the person found (0.27 when the rule gave UNLINKED, not RESOLVED)
    ("Bernie Sanders spoke in Iowa on Monday.\n\nLast winter, the independent Vermont "
     "senator said, the press considered him a “lost cause,” but now they cannot ignore "
     "him.", "Last winter", "Bernie Sanders", "the independent Vermont senator", 0.6),
])
def test_a_title_is_the_one_person_named_before(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                                with_rule: str, without: str,
                                                floor: float) -> None:
    assert said(quotes(text), start)[0] == with_rule
    # the person found speaks as a resolved role (RESOLVED)
    assert next(q for q in quotes(text) if q.text.startswith(start)).confidence >= floor
    with switched_off("quotes.speakers.named_before"):
        assert said(quotes(text), start)[0] == without


@pytest.mark.parametrize(("text", "start"), [
    # two people named: either could be meant
    ("Marco Rubio attacked Donald Trump on Monday.\nThe Florida senator said that he would "
     "win the nomination.", "that he would"),
    # the noun used before for someone unnamed
    ("A senator from Ohio spoke on Monday. Eric Holcomb did not attend the rally.\nThe "
     "senator said he was waiting for a report.", "he was waiting"),
    # a possessor makes it someone else
    ("Eric Holcomb did not attend the rally.\nThe governor's lawyer said he was waiting "
     "for a report.", "he was waiting"),
])
def test_a_title_with_two_people_before_stays(quotes, text: str, start: str) -> None:  # type: ignore[no-untyped-def]
    name = said(quotes(text), start)[0]
    assert name is None or name.lower().startswith("the ")


CHRONICLE = ("A man was stabbed on a train in Hayward.\nThe San Francisco Chronicle says "
             "police are looking for a man.\nThe man ran from the station. The Chronicle "
             "says he was arrested later.")


def test_the_short_form_of_a_paper_is_the_paper(quotes) -> None:  # type: ignore[no-untyped-def]
    """"The Chronicle" that NER took for a person is the San Francisco Chronicle named
    before (``quotes.speakers.org_short_form``)."""
    assert said(quotes(CHRONICLE), "he was arrested")[0] == "San Francisco Chronicle"
    with switched_off("quotes.speakers.org_short_form"):
        assert said(quotes(CHRONICLE), "he was arrested")[0] == "Chronicle"


@pytest.mark.parametrize("text", [
    # no "the": a name
    "A man was stabbed on a train in Hayward.\nThe San Francisco Chronicle says police "
    "are looking for a man.\nThe man ran from the station. Chronicle says he was arrested "
    "later.",
    # no organisation named before whose name ends in the word
    "A man was stabbed on a train in Hayward.\nThe man ran from the station. The "
    "Chronicle says he was arrested later.",
])
def test_a_short_form_needs_the_and_one_organisation(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    name = said(quotes(text), "he was arrested")[0]
    assert name != "San Francisco Chronicle"
