"""What kind of thing a name is (dossier.actors.kinds and the credit lines of
dossier.actors.nonactors): each rule on and off, with sentences it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

D2019 = date(2019, 11, 20)
# sentences that make a story about a sport throughout (actors.kinds.SPORTS_STORY words)
SPORTS = ("The tennis tournament went on in Madrid. After the doubles match and a tiebreak, "
          "the squad reached the semifinal of the cup. ")


def _found(link, text: str, surface: str) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """The actor (``local:<type>`` for an unknown one) and type of the first mention
    written ``surface``; None when there is none."""
    m = next((m for m in link(text, D2019) if m.text == surface), None)
    if m is None:
        return None
    actor = f"local:{m.type}" if m.actor_id.startswith("local:") else m.actor_id
    return actor, m.type


@pytest.mark.parametrize(
    ("rule", "text", "surface", "with_rule", "without"),
    [
        # a national team is no state
        ("national_team", "Germany defeated Italy 2-1 in Milan on Saturday.", "Italy",
         None, ("ITA", "state")),
        ("national_team", "Australia beat Colombia in the Davis Cup on Tuesday.",
         "Colombia", None, ("COL", "state")),
        ("national_team", "France thrashed Brazil 4-0 in the final.", "France", None,
         ("FRA", "state")),
        # the Moon is no Moon Jae-in
        ("common_word_surname", "The Moon landing was in 1969.", "Moon", None,
         ("moon-jae-in", "person")),
        ("common_word_surname", "Photos: Europa, Mysterious Icy Moon of Jupiter", "Moon",
         None, ("moon-jae-in", "person")),
        ("common_word_surname", "Rocks from the Moon were found. The Moon is far away.",
         "Moon", None, ("moon-jae-in", "person")),
        ("common_word_surname", "Moon Jae-in spoke on Monday. The Moon is far away.", "Moon",
         None, ("moon-jae-in", "person")),
        # part of a longer name; a product word that is also an organisation's alias
        ("inside_longer_name", "Alexander Vindman is the White House National Security "
         "Council Ukraine expert.", "Security Council", None,
         ("un-security-council", "org")),
        ("known_product_word", "It is a gaming monitor with RGB lighting.", "RGB", None,
         ("prk-rgb", "org")),
        # a product, programme, index or standard is no organisation
        ("product_name", "The messaging app Signal said it would leave.", "Signal", None,
         ("local:org", "org")),
        ("product_name", "The Medicaid program covers millions of people.", "The Medicaid",
         None, ("local:org", "org")),
        ("product_name", "The Mavic Mini is the ideal drone for beginners.", "Mavic Mini",
         None, ("local:person", "person")),
        ("product_name", 'King of Monitors: 35% Off Dell Alienware AW3418DW 34" 3440x1440 '
         "Curved Gaming Monitor", "Dell Alienware", None, ("local:person", "person")),
        # no person's name: words joined by an underscore (a score: product_name)
        ("not_a_person_name", "Composer_Kim Cheol Hwan, Art Director_Park Dong Woo, "
         "Lighting Design_Sin Ho.", "Art Director_Park Dong Woo", None,
         ("local:person", "person")),
        # a document's title is no organisation (its owner speaks)
        ("document_title", "The IMF's World Economic Outlook said growth would slow.",
         "World Economic Outlook", None, ("local:org", "org")),
        ("document_title", "According to the Human Development Report, life expectancy "
         "rose.", "the Human Development Report", None, ("local:org", "org")),
        # a platform as a place to post is no actor; as a subject it is a company
        ("platform_use", "Kejriwal turned to Twitter to describe the city.", "Twitter", None,
         ("local:org", "org")),
        ("company_named_person", "SpaceX launched a rocket on Tuesday.", "SpaceX",
         ("local:org", "org"), ("local:person", "person")),
        ("company_named_person", "Twitter said it removed the post.", "Twitter",
         ("local:org", "org"), ("local:person", "person")),
        ("company_name_end", "Dick Clark Productions denies that anything was agreed.",
         "Dick Clark Productions", ("local:org", "org"), ("local:person", "person")),
        # a first name and surname NER called an organisation is a person
        ("person_named_org", "The shares fell, said Megan Davies, citing data.",
         "Megan Davies", ("local:person", "person"), ("local:org", "org")),
        # in a story about a sport throughout, a country as a side is a team
        ("team_in_sports_story", SPORTS + "Spain will be back in action on Wednesday "
         "against defending champion Croatia.", "Croatia", None, ("HRV", "state")),
        # a capital's word ending a longer name (an airline) is no metonym
        ("inside_named_thing", "Kazakhstan's Air Astana ordered jets on Monday.", "Astana",
         None, ("KAZ", "state")),
        # a possessive with no noun after a bare surname is a shop
        ("shop_possessive", "Home Depot reported third-quarter earnings that topped "
         "estimates as revenue fell short, sending shares lower ahead of the opening bell. "
         "Rival Lowe's was also lower following the results.", "Lowe", None,
         ("philip-lowe", "person")),
        # a word another capitalised word runs into, or in capitals, is no surname
        ("word_of_another_name", "Maria Gonzalvez said the plan would work. Officials "
         "praised the Central Gonzalvez again.", "Gonzalvez", None, ("local:person", "person")),
        ("word_of_another_name", "Maria Kessler spoke on Monday. The KESSLER rules apply to "
         "banks.", "KESSLER", None, ("local:person", "person")),
        # an unknown name dropped as no actor leaves no local actor to join
        ("forget_dropped_local", "In the revamped Davis Cup format debuting this year, teams "
         "play only two singles. The United States lost to Canada for the first time in the "
         "Davis Cup after a long match.", "Cup", None, ("local:person", "person")),
        # a credit line names no actor
        ("credit_lines", "The talks ended.\n(Reporting by Greg Roumeliotis; Editing by "
         "Martin Howell)", "Greg Roumeliotis", None, ("local:person", "person")),
        ("credit_lines", "The talks ended.\nPhoto: John Smith/Getty Images", "John Smith",
         None, ("local:person", "person")),
    ],
)
def test_a_kind_rule_on_and_off(link, rule: str, text: str, surface: str,  # type: ignore[no-untyped-def]
                                with_rule: tuple[str, str] | None,
                                without: tuple[str, str] | None) -> None:
    assert _found(link, text, surface) == with_rule
    with switched_off(f"actors.names.{rule}"):
        assert _found(link, text, surface) == without
    assert _found(link, text, surface) == with_rule


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # a war, not a match; a country's name that is no subject or object of the match
        ("Russia beat Ukraine's forces back from the city, officials said.", "Russia",
         ("RUS", "state")),
        ("Russia and Ukraine will face each other in talks, officials said.", "Russia",
         ("RUS", "state")),
        # the person in the story, and named with a title
        ("Moon Jae-in spoke on Monday. Supporters of Moon cheered.", "Moon",
         ("moon-jae-in", "person")),
        ("President Moon said the talks would go on.", "President Moon",
         ("moon-jae-in", "person")),
        ("Pence said the talks failed.", "Pence", ("mike-pence", "person")),
        ("The UN Security Council met on Monday.", "Security Council",
         ("un-security-council", "org")),
        ("The Chinese Communist Party said no.", "The Chinese Communist Party",
         ("chn-ccp", "org")),
        ("Louisiana Democrats re-elected the governor.", "Democrats",
         ("usa-democrats", "org")),
        # an organisation named as one; a platform acting
        ("Police arrested members of the Ithilen Trade Council.", "the Ithilen Trade Council",
         ("local:org", "org")),
        ("Twitter said it removed the post.", "Twitter", ("local:org", "org")),
        # a player before a score; a surname that ends a product line's name elsewhere
        ("Denis Shapovalov defeated Taylor Fritz 7-6 (6), 6-3.", "Taylor Fritz",
         ("local:person", "person")),
        ("Anna Prime said the plan would fail.", "Anna Prime", ("local:person", "person")),
        # a real person's name with a capital inside; a credit inside a sentence
        ("DeShawn Carter said the plan would fail.", "DeShawn Carter",
         ("local:person", "person")),
        ("According to reporting by The New York Times, Donald Trump left.", "Donald Trump",
         ("donald-trump", "person")),
        # a nationality in a story about a sport; a country as a side in a short one
        (SPORTS + "Serbia's Novak Djokovic will play on Wednesday.", "Serbia",
         ("SRB", "state")),
        ("The tennis tournament went on. Spain will be back in action on Wednesday against "
         "Croatia.", "Croatia", ("HRV", "state")),
        # a capital that acts; a person's possessive; a surname after a word of no name
        ("Astana said it would order jets.", "Astana", ("KAZ", "state")),
        ("Lowe's remarks on interest rates moved the market on Tuesday.", "Lowe",
         ("philip-lowe", "person")),
        ("Maria Kessler spoke on Monday. Later Kessler said no.", "Kessler",
         ("local:person", "person")),
        # a news outlet ending in a document's word; a body named "… Council"
        ("U.S. News & World Report ranked the college first.", "U.S. News & World Report",
         ("local:org", "org")),
        ("The Ithilen Trade Council said exports rose.", "The Ithilen Trade Council",
         ("local:org", "org")),
        # a name typed with a curly apostrophe is the gazetteer's
        ("China's ambassador said the People’s Liberation Army could be deployed.",
         "the People’s Liberation Army", ("chn-pla", "org")),
    ],
)
def test_names_the_kind_rules_leave_alone(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                          actor: tuple[str, str] | None) -> None:
    assert _found(link, text, surface) == actor


@pytest.mark.parametrize(("text", "surface", "surer"), [
    # a name starting with an organisation in the story: its product or a member
    ("Samsung cut prices. Samsung Galaxy Note sales rose.", "Samsung Galaxy Note", False),
    ("Maria Lopez said the plan would fail.", "Maria Lopez", True),
])
def test_a_name_starting_with_an_organisation_is_less_sure(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                           surer: bool) -> None:
    def confidence() -> float | None:
        m = next((m for m in link(text, D2019) if m.text == surface), None)
        return None if m is None else m.confidence

    # (Samsung is a product brand too: actors.names.brand_product takes "Samsung Galaxy
    # Note" out altogether; this test is of the organisation's prefix alone)
    with switched_off("actors.names.brand_product"):
        low = confidence()
        # (a lone unknown name is less sure too: actors.names.lone_unknown_name)
        with switched_off("actors.names.org_prefixed_person", "actors.names.lone_unknown_name"):
            assert confidence() == (low if surer else 0.8)
    assert low is not None and (low > 0.6) is surer


@pytest.mark.parametrize(("text", "grouped"), [
    # a person's name modifying a group noun: the group acts
    ("Joe Biden spoke on Monday. Biden aides said the plan was dead.", True),
    ("Joe Biden spoke on Monday. Biden said the plan was dead.", False),
])
def test_a_person_modifying_a_group_is_hidden_by_default(link, text: str,  # type: ignore[no-untyped-def]
                                                         grouped: bool) -> None:
    def confidence() -> float:
        return [m for m in link(text, D2019) if m.text == "Biden"][0].confidence

    low = confidence()
    with switched_off("actors.names.group_modifier"):
        assert (confidence() > low) is grouped
    assert (low < 0.6) is grouped


@pytest.mark.parametrize(("text", "surface", "n", "linked"), [
    # another country owns or qualifies the abbreviation, or the story names its body so
    # or in full and never this agency by its country or full name: not the US agency
    ("China's CDC said the virus had spread to 20 provinces.", "CDC", 0, False),
    ("Beijing locked down Wuhan. The Chinese CDC published a study of 72,000 cases.",
     "CDC", 0, False),
    ("Africa CDC said the virus had reached Nigeria.", "CDC", 0, False),
    ("China's CDC said 500 new cases were found. The CDC said the virus was slowing.",
     "The CDC", 0, False),
    ("The Chinese Center for Disease Control and Prevention said the outbreak was "
     "slowing. The CDC said 500 new cases were reported on Monday.", "The CDC", 0, False),
    # negatives: the agency's own country, its full name, a story of another country that
    # quotes it, a bloc's body, another agency's abbreviation
    ("The US CDC said the risk was low.", "CDC", 0, True),
    ("The CDC said the virus had spread across China. Xi Jinping visited Wuhan.",
     "The CDC", 0, True),
    ("The US Centers for Disease Control and Prevention said it was watching China. The "
     "CDC said the risk was low.", "The CDC", 0, True),
    ("South Korea's KCDC reported 500 cases. The CDC in Atlanta said the risk was low.",
     "The CDC", 0, True),
    ("China's CDC said the virus was slowing. The US CDC said the risk was low.", "CDC", 0,
     True),
    ("Russian hackers targeted the election, the FBI said. Vladimir Putin denied it.",
     "the FBI", 0, True),
    ("The EU said Russia must withdraw. Vladimir Putin rejected the demand.", "The EU", 0,
     True),
])
def test_another_countrys_agency_is_not_this_one(link, text: str, surface: str, n: int,  # type: ignore[no-untyped-def]
                                                 linked: bool) -> None:
    def known() -> list[str]:
        return [m.actor_id for m in link(text, D2019) if m.text == surface
                and not m.actor_id.startswith("local:")]

    assert (len(known()) > n) is linked
    with switched_off("actors.names.another_countrys_agency"):
        assert len(known()) > n  # the gazetteer's agency, whatever the words around
