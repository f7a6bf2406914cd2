"""Role descriptions (dossier.actors.roles): "the Russian president", "the former
prime minister", campaign roles, "<noun> of <organisation>", "the country", "the
Republican", "her successor": (text, date, surface, expected actor) tables, with
negatives (expected None: not linked to anyone in the gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Mention
from dossier.rules import switched_off

SEPT16 = date(2016, 9, 26)
FEB16 = date(2016, 2, 1)
D2024 = date(2024, 5, 16)


def find(mentions: list[Mention], surface: str) -> Mention | None:
    return next((m for m in mentions if m.text == surface), None)


@pytest.mark.parametrize(
    ("text", "on", "surface", "actor_id", "via"),
    [
        ("The Russian president is on a state visit.", D2024, "The Russian president",
         "vladimir-putin", "role"),
        ("The Russian president is on a state visit.", date(2010, 3, 1),
         "The Russian president", "dmitry-medvedev", "role"),
        ("Liz Truss has condemned Rishi Sunak. The former prime minister will hit out at "
         "her successor.", date(2023, 4, 10), "The former prime minister", "liz-truss", "role"),
        ("Ken McCallum gave his annual update. The spy chief will warn of threats.",
         date(2022, 11, 16), "The spy chief", "ken-mccallum", "role"),
        # a country's name (not only its adjective) before the role
        ("The US president spoke to the French president.", date(2015, 6, 1),
         "The US president", "barack-obama", "role"),
        ("The U.S. president spoke on Tuesday.", date(2015, 6, 1), "The U.S. president",
         "barack-obama", "role"),
        ("The UK prime minister flew to Beijing.", date(2018, 1, 30),
         "The UK prime minister", "theresa-may", "role"),
        ("The United States president spoke on Tuesday.", date(2015, 6, 1),
         "The United States president", "barack-obama", "role"),
        ("The US secretary of state flew to Beijing.", date(2023, 6, 18),
         "The US secretary of state", "antony-blinken", "role"),
    ],
)
def test_role_descriptions(link, text, on, surface, actor_id, via) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    assert m is not None, surface
    assert (m.actor_id, m.via) == (actor_id, via)


@pytest.mark.parametrize(
    ("text", "on", "actor_id"),
    [
        ("Liz Truss has condemned Rishi Sunak. The former prime minister will hit out at "
         "her successor.", date(2024, 5, 16), "rishi-sunak"),
        ("Boris Johnson praised his predecessor.", date(2020, 1, 1), "theresa-may"),
        ("Theresa May spoke. Her predecessor David Cameron listened.", date(2018, 1, 1),
         "david-cameron"),
        # no successor yet on the date; a company's chief is nobody's in the gazetteer
        ("Joe Biden met his successor.", date(2024, 6, 1), None),
        ("The company chief praised her successor.", date(2024, 6, 1), None),
    ],
)
def test_successor_and_predecessor_follow_the_office(link, text, on, actor_id) -> None:  # type: ignore[no-untyped-def]
    ms = link(text, on)
    m = find(ms, "successor") or find(ms, "predecessor")
    assert (m.actor_id if m is not None else None) == actor_id


def test_role_outside_its_dates_is_not_that_holder(link) -> None:  # type: ignore[no-untyped-def]
    m = find(link("The British prime minister flew to Washington.", date(2021, 6, 1)),
             "The British prime minister")
    assert m is not None and m.actor_id == "boris-johnson"  # not Sunak, not Truss


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a company's president is not a head of state
        ("The company's president said profits rose sharply this year.",
         "The company's president"),
        ("The company's president said profits rose sharply this year.", "president"),
        # a generic role with no article and no country is not resolved
        ("He wants to be president one day.", "president"),
        # a title before a name: the name links, not the role
        ("US President Joe Biden spoke on Tuesday.", "US President"),
    ],
)
def test_negatives_not_linked(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert find(link(text, D2024), surface) is None


def test_without_date_latest_holder_and_record_says_so(link) -> None:  # type: ignore[no-untyped-def]
    m = find(link("The Russian president spoke."), "The Russian president")
    assert m is not None and m.actor_id == "vladimir-putin" and m.date_basis == "latest"


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
SEPT19 = date(2019, 9, 1)


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


OF = "actors.roles.country_after_of"
POSS = "actors.roles.possessor_of_office"
OTHER = "actors.roles.another_office"


@pytest.mark.parametrize(("rule", "text", "surface", "with_rule", "without"), [
    # "of <country>" names the office's state, whoever is in the story
    (OF, "Donald Trump spoke to reporters. The President of Russia said talks would go on.",
     "The President", "vladimir-putin", "donald-trump"),
    (OF, "Donald Trump met Vladimir Putin. The president of France said he was worried.",
     "The president", "emmanuel-macron", "vladimir-putin"),
    (OF, "Boris Johnson spoke on Friday. The prime minister of Britain said talks would go on.",
     "The prime minister", "boris-johnson", "boris-johnson"),
    # the story's own state named so stays its holder
    (OF, "Donald Trump spoke on Friday. The president of the United States said no.",
     "The president", "donald-trump", "donald-trump"),
    # no state after "of", a state's possession, a body's name: the rule does not apply
    (OF, "Donald Trump spoke on Friday. The president said talks would go on.",
     "The president", "donald-trump", "donald-trump"),
    (OF, "Donald Trump spoke. The president of Russia's biggest bank said rates would rise.",
     "The president", "donald-trump", "donald-trump"),
    (OF, "Donald Trump spoke. Ann Lee, the president of the American Farm Bureau, said no.",
     "the president", None, None),
    # a state's possessive before a role title: that state's office, one mention
    (POSS, "Britain's prime minister said the talks failed.", "Britain's prime minister",
     "boris-johnson", None),
    (POSS, "Donald Trump spoke. Russia's foreign minister said the talks failed.",
     "Russia's foreign minister", "sergey-lavrov", None),
    # a possessive of no state or party, a state's name before no role
    (POSS, "The company's president said the talks failed.", "The company's president",
     None, None),
    (POSS, "Russia's economy grew last year.", "Russia", "RUS", "RUS"),
    # another state's office named so is no antecedent of the story's bare role
    (OTHER, "Donald Trump and Mike Pence spoke on Friday. Ukraine’s president said he was "
     "worried. The case against the president is strong.", "the president",
     "donald-trump", "volodymyr-zelenskyy"),
    (OTHER, "Donald Trump and Mike Pence spoke on Friday. The Ukrainian president said he "
     "was worried. The case against the president is strong.", "the president",
     "donald-trump", "volodymyr-zelenskyy"),
    # the story's own state's office stays its antecedent
    (OTHER, "Donald Trump spoke on Friday. The US president said he was worried. The case "
     "against the president is strong.", "the president", "donald-trump", "donald-trump"),
])
def test_a_role_of_a_named_state_is_that_states_office(link, rule: str, text: str,  # type: ignore[no-untyped-def]
                                                        surface: str, with_rule: str | None,
                                                        without: str | None) -> None:
    def who() -> str | None:
        m = find(link(text, SEPT19), surface)
        return None if m is None else m.actor_id

    assert who() == with_rule
    with switched_off(rule):
        assert who() == without


def test_a_bare_role_after_another_states_office_stays_the_storys(link) -> None:  # type: ignore[no-untyped-def]
    text = ("Donald Trump spoke on Friday. Democrats asked about his call with the president "
            "of Ukraine. The case against the president is strong.")

    def who() -> list[str]:
        return [m.actor_id for m in link(text, SEPT19) if m.text == "the president"]

    assert who() == ["volodymyr-zelenskyy", "donald-trump"]
    with switched_off("actors.roles.country_after_of"):
        assert who() == ["donald-trump", "donald-trump"]
