"""Role descriptions, titles and short forms: (text, date, surface, expected actor)
tables with negatives (expected None: not linked to anyone in the gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.records import Mention

SEPT16 = date(2016, 9, 26)
FEB16 = date(2016, 2, 1)
D2024 = date(2024, 5, 16)


@pytest.fixture(scope="module")
def link():  # type: ignore[no-untyped-def]
    an = analysers()

    def run(text: str, on: date | None) -> list[Mention]:
        return an.read(text, published=on).mentions

    return run


def find(mentions: list[Mention], surface: str) -> Mention | None:
    return next((m for m in mentions if m.text == surface), None)


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        # campaign roles, by party and date, with nobody in the story yet
        ("The Republican nominee spoke in Ohio on Monday.", SEPT16, "The Republican nominee",
         "donald-trump"),
        ("The GOP nominee complained about his microphone.", SEPT16, "The GOP nominee",
         "donald-trump"),
        ("The Democratic presidential nominee has been endorsed by dozens of papers.", SEPT16,
         "The Democratic presidential nominee", "hillary-clinton"),
        ("The Republican vice presidential nominee was speaking in Indiana.", SEPT16,
         "The Republican vice presidential nominee", "mike-pence"),
        ("Melanie said to the Republican nominee for president that she loved him.", SEPT16,
         "the Republican nominee for president", "donald-trump"),
        ("The Democratic presidential candidate won the debate.", D2024,
         "The Democratic presidential candidate", "joe-biden"),
        # the candidate already in the story
        ("Jill Stein came to Hofstra. Her spokeswoman said the candidate was headed to the "
         "venue.", SEPT16, "the candidate", "jill-stein"),
        # negatives: in the primaries several Republicans were candidates at once
        ("The Republican candidate spoke in Iowa.", FEB16, "The Republican candidate", None),
        # negatives: outside the campaign's dates
        ("The Republican nominee spoke in Ohio.", date(2018, 6, 1), "The Republican nominee",
         None),
        # negatives: a title before a name is not a role description; the name links
        ("Republican vice-presidential nominee Gov. Mike Pence said so.", SEPT16,
         "Republican vice-presidential nominee", None),
        # negatives: no definite article, no description
        ("He wants to be a candidate one day.", SEPT16, "candidate", None),
        # a party word as a noun: the party's person in the story
        ("Donald Trump spoke in Michigan. The Republican is also encouraging his "
         "supporters.", SEPT16, "The Republican", "donald-trump"),
        # negatives: a party word alone is not the nominee
        ("The Republican party met in Cleveland.", SEPT16, "The Republican", None),
        # negatives: nobody of that party in the story yet
        ("Clinton cited the Republican's disrespect for women.", SEPT16, "the Republican",
         None),
        ("Mike Pence met the Democrat.", SEPT16, "the Democrat", None),
    ],
)
def test_campaign_roles(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    if expected is None:
        assert m is None or m.actor_id.startswith("local:"), (m.actor_id if m else None)
    else:
        assert m is not None, surface
        assert m.actor_id == expected and m.via == "role"


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        # a title picks the namesake who held the office
        ("Gennifer Flowers had an affair with President Clinton. Hillary Clinton spoke.",
         SEPT16, "President Clinton", "bill-clinton"),
        ("Hillary Clinton spoke. Flowers had an affair with President Clinton.", SEPT16,
         "President Clinton", "bill-clinton"),
        ("Hillary Clinton spoke. Later Clinton said more.", SEPT16, "Clinton",
         "hillary-clinton"),
        # namesakes in office at once: the higher office ("Obama" is not the first lady)
        ("Obama had a ten-point lead among high earners.", SEPT16, "Obama", "barack-obama"),
        # a surname NER took for an organisation, or missed in a title-case headline
        ("Caddell discussed polls, including ones showing Trump leading nationally.", SEPT16,
         "Trump", "donald-trump"),
        ("Pence: Gennifer Flowers Won't Be at Debate", SEPT16, "Pence", "mike-pence"),
        # a known full name at the end of a longer PERSON entity
        ("It was harder than working Crooked Hillary Clinton, Trump said.", SEPT16,
         "Hillary Clinton", "hillary-clinton"),
        ("Volodymyr Zelensky spoke in Kyiv.", D2024, "Volodymyr Zelensky",
         "volodymyr-zelenskyy"),
        # a transcript's speaker label in capitals, of someone already named
        ('Chris Wallace asked Mike Pence. "PENCE: Well, look, you know."', SEPT16, "PENCE",
         "mike-pence"),
        # negatives: capitals of someone not in the story, or an acronym, stay as they are
        ('Mike Pence spoke. "SMITHERS: That is wrong."', SEPT16, "SMITHERS", None),
        ("Mike Pence spoke. NATO and the USA agreed.", SEPT16, "NATO", "IGOWSTNAT"),
        # negatives: a surname NER did not call a person, of someone abroad
        ("Barack Obama said so on Fox on Tuesday.", date(2011, 3, 1), "Fox", None),
        # negatives: a surname nobody holds in office near the date stays unlinked
        ("Pence: Gennifer Flowers Won't Be at Debate", date(2030, 1, 1), "Pence", None),
    ],
)
def test_titles_and_surnames(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    if expected is None:
        assert m is None or m.actor_id.startswith("local:")
    else:
        assert m is not None and m.actor_id == expected


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        ("The Washington Post ran the story. The Post sent its reporter.", SEPT16, "The Post",
         "usa-washington-post"),
        ("The Commission on Presidential Debates met. The commission says there were issues.",
         SEPT16, "The commission", "usa-debate-commission"),
        # an unknown organisation's short form joins its local chain
        ("The Acme Widget Council met. The council said prices rose.", SEPT16, "The council",
         "local"),
        # an ambiguous party name goes to the story's country
        ("Green Party candidate Jill Stein spoke. Donald Trump did too.", SEPT16, "Green Party",
         "usa-green-party"),
        ("Keir Starmer spoke. The Green Party said he was wrong.", D2024, "The Green Party",
         "gbr-greens"),
        # negatives: a generic head word does not stand for an organisation named before
        ("Islamic State attacked. The state must respond, the minister said.", D2024,
         "The state", None),
        # negatives: no organisation with that head word in the story
        ("The Washington Post ran the story. The commission met.", SEPT16, "The commission",
         None),
    ],
)
def test_short_forms_and_ambiguous_orgs(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    ms = link(text, on)
    m = find(ms, surface)
    if expected is None:
        assert m is None
    elif expected == "local":
        assert m is not None and m.actor_id.startswith("local:org:")
        first = next(x for x in ms if x.actor_id == m.actor_id and x is not m)
        assert first.chain == m.chain
    else:
        assert m is not None and m.actor_id == expected


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        ("Donald Trump said voting fraud is a big problem in this country.", SEPT16,
         "this country", "USA"),
        ("Hillary Clinton spoke of crimes against our country.", SEPT16, "our country", "USA"),
        # "the country": the state just named, not the story's
        ("Vladimir Putin visited China. Xi said the country would help.", D2024,
         "the country", "CHN"),
        # not the subject of its own clause
        ("Rishi Sunak said China poses a challenge, and said the UK needs to evolve its "
         "approach towards the country.", date(2023, 4, 10), "the country", "CHN"),
        # negatives: not a description of a state
        ("Donald Trump likes country music.", SEPT16, "country", None),
        ("A country song played on the radio.", SEPT16, "A country", None),
        # negatives: no state in the story and no country in focus
        ("The band said the country had changed.", SEPT16, "the country", None),
    ],
)
def test_the_country(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    if expected is None:
        assert m is None
    else:
        assert m is not None and m.actor_id == expected and m.type == "state"


D2019 = date(2019, 5, 1)


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        # "<noun> of <organisation>" with words around the name: the role's holder
        ("The head of Britain’s GCHQ spy agency said Russia had miscalculated.", D2019,
         "The head of Britain’s GCHQ spy agency", "jeremy-fleming"),
        ("The head of Britain’s GCHQ spy agency said Russia had miscalculated.", D2024,
         "The head of Britain’s GCHQ spy agency", "anne-keast-butler"),
        # no date: the holder the article names further on, not the latest one
        ("The head of Britain’s GCHQ spy agency said Russia had miscalculated. Sir "
         "Jeremy Fleming said the troops were tired.", None,
         "The head of Britain’s GCHQ spy agency", "jeremy-fleming"),
        # negatives: the phrase names something else inside the organisation
        ("The head of the GCHQ canteen said the soup was cold.", D2019,
         "The head of the GCHQ canteen", None),
        ("The head of the GCHQ canteen said the soup was cold.", D2019, "the GCHQ",
         "gbr-gchq"),
        # the article names two past holders: neither, the latest holder instead
        ("The head of Britain’s GCHQ spy agency spoke. Sir Jeremy Fleming and Robert "
         "Hannigan both led it before.", None,
         "The head of Britain’s GCHQ spy agency", "anne-keast-butler"),
        # the name the article gives holds another office: not the role's holder
        ("The head of Britain’s GCHQ spy agency spoke. Rishi Sunak said little.", None,
         "The head of Britain’s GCHQ spy agency", "anne-keast-butler"),
    ],
)
def test_role_of_organisation_phrase(link, text: str, on: date | None, surface: str,  # type: ignore[no-untyped-def]
                                     expected: str | None) -> None:
    m = find(link(text, on), surface)
    if expected is None:
        assert m is None
    else:
        assert m is not None and m.actor_id == expected, m
