"""The speaker's source phrase, and speakers whose phrase is headed by a group or role
around a person ("aides to Clinton") rather than by that person.

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Quote

ON = date(2016, 2, 1)  # the people named are those of the 2016 campaign


def _one(text: str, qs: list[Quote], content: str) -> Quote:
    found = [q for q in qs if q.text == content]
    assert found, [(q.text, q.speaker) for q in qs]
    return found[0]


def _mention(text: str, q: Quote) -> str:
    assert q.speaker is not None
    return text[q.speaker.start : q.speaker.end]


def _phrase(text: str, q: Quote) -> str:
    assert q.speaker is not None
    ph = q.speaker.phrase
    assert ph is not None and text[ph.start : ph.end] == ph.text
    return ph.text


@pytest.mark.parametrize(
    ("text", "content", "mention", "phrase"),
    [
        # apposition: the comma that closes it is part of the phrase (PolNeAR's way)
        ("Ryan, a policy-focused conservative, said the budget would be balanced within "
         "ten years.", "the budget would be balanced within ten years", "Ryan",
         "Ryan, a policy-focused conservative,"),
        ("Tim Walz, 58, said the budget would be balanced within ten years.",
         "the budget would be balanced within ten years", "Tim Walz", "Tim Walz, 58,"),
        # an apposition the parser read as the name's head: the whole phrase
        ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
         "“We will not stop until the truth comes out about all of this.”",
         "We will not stop until the truth comes out about all of this.", "Jake Sullivan",
         "her senior policy adviser, Jake Sullivan,"),
        # titles and modifiers before the name
        ("Texas Sen. Ted Cruz said the deal would hurt American workers badly.",
         "the deal would hurt American workers badly", "Sen. Ted Cruz",
         "Texas Sen. Ted Cruz"),
        ("Judge Berman said the suspension could not stand under the contract.",
         "the suspension could not stand under the contract", "Berman", "Judge Berman"),
        # one phrase the parser split into two subjects: one phrase, the name speaks
        ("Vatican spokesman the Rev. Federico Lombardi said the pope did not intend to "
         "intervene in the election.", "the pope did not intend to intervene in the election",
         "Federico Lombardi", "Vatican spokesman the Rev. Federico Lombardi"),
        # a long noun phrase: the pollster named in it is the actor, the phrase all of it
        ("Early results of the exit poll conducted by Edison Research for the networks "
         "found that Trump led among evangelicals.", "that Trump led among evangelicals",
         "Edison Research",
         "Early results of the exit poll conducted by Edison Research for the networks"),
        # a noun phrase that names no actor: mention and phrase are the whole of it
        ("A survey of likely voters released on Monday found that the race was tied in "
         "both states.", "that the race was tied in both states",
         "A survey of likely voters released on Monday",
         "A survey of likely voters released on Monday"),
        # a plain name, a pronoun and a relative: the phrase is the mention
        ("Hillary Clinton said the emails were never classified at the time.",
         "the emails were never classified at the time", "Hillary Clinton",
         "Hillary Clinton"),
        ("She said the system was rigged against working families across the country.",
         "the system was rigged against working families across the country", "She", "She"),
        ("The crowd cheered for Bernie Sanders, who said the system was rigged against "
         "working families.", "the system was rigged against working families", "who",
         "who"),
        # a dateline or a quotation the parser ran into the subject is not part of it
        ("MACAU (Reuters) – Top Republican Party donor Sheldon Adelson said on Tuesday "
         "he would back the nominee.", "on Tuesday he would back the nominee",
         "Sheldon Adelson", "Top Republican Party donor Sheldon Adelson"),
        ("“That’s a legitimate concern for all of us here,” Sarandon, 69, said.",
         "That’s a legitimate concern for all of us here,", "Sarandon", "Sarandon, 69,"),
    ],
)
def test_source_phrase(quotes, text: str, content: str, mention: str, phrase: str) -> None:  # type: ignore[no-untyped-def]
    q = _one(text, quotes(text, ON), content)
    assert _mention(text, q) == mention
    assert _phrase(text, q) == phrase


@pytest.mark.parametrize(
    ("text", "content", "not_phrase"),
    [
        # no comma is added after a phrase that has none inside
        ("Clinton, said the emails were never classified at the time.",
         "the emails were never classified at the time", "Clinton,"),
        # the quotation before an inverted subject is not in the phrase
        ("“That’s a legitimate concern for all of us here,” Sarandon, 69, said.",
         "That’s a legitimate concern for all of us here,",
         "“That’s a legitimate concern for all of us here,” Sarandon, 69,"),
    ],
)
def test_source_phrase_not(quotes, text: str, content: str, not_phrase: str) -> None:  # type: ignore[no-untyped-def]
    qs = [q for q in quotes(text, ON) if q.text == content and q.speaker]
    assert all(q.speaker.phrase.text != not_phrase for q in qs)  # type: ignore[index]


def test_phrase_holds_mention(quotes) -> None:  # type: ignore[no-untyped-def]
    """Every speaker has a phrase; but for a relative pronoun, it holds the mention."""
    text = ("Ryan, a policy-focused conservative, said the budget would be balanced. "
            "“We will get there,” he added. Aides to Clinton said she would not attend "
            "the debate. Texas Sen. Ted Cruz vowed to repeal the law.")
    qs = [q for q in quotes(text, ON) if q.speaker]
    assert len(qs) >= 4
    for q in qs:
        sp = q.speaker
        assert sp is not None and sp.phrase is not None
        assert set(sp.to_dict()["phrase"]) == {"start", "end", "text"}
        assert sp.phrase.start <= sp.start < sp.end <= sp.phrase.end


@pytest.mark.parametrize(
    ("text", "content", "name", "actor_id", "about"),
    [
        # a group or role around a person: the phrase speaks, unlinked; the person
        # named inside it is what the quote is about
        ("Aides to Clinton said the candidate would not attend the debate in Iowa.",
         "the candidate would not attend the debate in Iowa", "Aides to Clinton", None,
         "hillary-clinton"),
        ("Clinton’s campaign said the system was rigged against working families.",
         "the system was rigged against working families", "Clinton’s campaign", None,
         "hillary-clinton"),
        ("The Christie supporter said the governor had done nothing wrong on the bridge.",
         "the governor had done nothing wrong on the bridge", "The Christie supporter",
         None, "chris-christie"),
        ("Clinton's spokesman said the emails were never classified at the time.",
         "the emails were never classified at the time", "Clinton's spokesman", None,
         "hillary-clinton"),
        ("The Sanders campaign said the senator would stay in the race until the "
         "convention.", "the senator would stay in the race until the convention",
         "The Sanders campaign", None, "bernie-sanders"),
        # the person the phrase names by apposition speaks
        ("Clinton’s campaign chairman, John Podesta, said the emails were stolen by "
         "foreign hackers.", "the emails were stolen by foreign hackers", "John Podesta",
         "john-podesta", None),
        # the person named is the head: the person speaks
        ("Hillary Clinton said the emails were never classified at the time.",
         "the emails were never classified at the time", "Hillary Clinton",
         "hillary-clinton", None),
        ("Clinton said the system was rigged against working families.",
         "the system was rigged against working families", "Hillary Clinton",
         "hillary-clinton", None),
        # a state the gazetteer knows speaks through its own office, which is named
        # (quotes.speakers.state_body: the actor stays the state, coded RUSGOV)
        ("Russia's foreign ministry said the sanctions would be answered in kind.",
         "the sanctions would be answered in kind", "Russia's foreign ministry", "RUS", None),
    ],
)
def test_around_speaker(quotes, text: str, content: str, name: str,  # type: ignore[no-untyped-def]
                        actor_id: str | None, about: str | None) -> None:
    q = _one(text, quotes(text, ON), content)
    assert q.speaker is not None
    assert q.speaker.name == name
    assert q.speaker.actor_id == actor_id
    if actor_id is None:
        assert q.speaker.via == "unlinked"
        assert q.speaker.phrase.text == name
    if about is not None:
        assert about in q.about


def test_spokesman_with_name(quotes) -> None:  # type: ignore[no-untyped-def]
    """"Clinton's spokesman Brian Fallon": Fallon speaks (an actor of the article),
    not Clinton; the phrase is the whole of it."""
    text = "Clinton's spokesman Brian Fallon said the emails were never classified at the time."
    q = _one(text, quotes(text, ON), "the emails were never classified at the time")
    assert q.speaker is not None
    assert q.speaker.name == "Brian Fallon"
    assert q.speaker.actor_id not in (None, "hillary-clinton")
    assert q.speaker.phrase.text == "Clinton's spokesman Brian Fallon"


@pytest.mark.parametrize(
    ("text", "content", "not_actor", "phrase"),
    [
        ("Aides to Clinton said the candidate would not attend the debate in Iowa.",
         "the candidate would not attend the debate in Iowa", "hillary-clinton",
         "Aides to Clinton"),
        ("Clinton’s campaign manager said the system was rigged against working families.",
         "the system was rigged against working families", "hillary-clinton",
         "Clinton’s campaign manager"),
        ("A top Donald Trump adviser said the wall would be paid for within a year.",
         "the wall would be paid for within a year", "donald-trump",
         "A top Donald Trump adviser"),
        ("Trump's lawyers said the case would be thrown out by the appeals court.",
         "the case would be thrown out by the appeals court", "donald-trump",
         "Trump's lawyers"),
        # a person's possessive pronoun before a common noun: not that person
        ("Tad Devine ran the race. His boss said the campaign would go on until July.",
         "the campaign would go on until July", "local:", "His boss"),
    ],
)
def test_around_not_person(quotes, text: str, content: str, not_actor: str,  # type: ignore[no-untyped-def]
                           phrase: str) -> None:
    qs = quotes(text, ON)
    for q in qs:
        if q.text == content and q.speaker is not None:
            assert not (q.speaker.actor_id or "").startswith(not_actor), q.speaker
    # the phrase itself speaks, unlinked
    assert [(q.speaker.name, q.speaker.actor_id) for q in qs
            if q.text == content and q.speaker is not None] == [(phrase, None)]
