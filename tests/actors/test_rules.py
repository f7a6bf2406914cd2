"""The actor stage's rule book: every rule named, documented with its example, and
switchable; switched off, a rule no longer does what its example says (a table of
rule, text, date, surface, with the rule and without it)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors.cues import BOOK, GROUPS
from dossier.actors.link import PASSES
from dossier.rules import switched_off

D2024 = date(2024, 5, 16)
SEPT16 = date(2016, 9, 26)
D2019 = date(2019, 3, 1)
D2021 = date(2021, 1, 1)
# a run of quotations of over 150 tokens between a speaker and "he added"
LONG_RUN = ("Mark Warner spoke to reporters on Monday.\n\n“Nobody can say we rushed it,” "
            "Warner said.{between} “" + "We listened to the industry, we listened to the "
            "unions, and we listened to the people. " * 10 + "”\n\n“We owe the families "
            "nothing less,” he added.")


def test_every_rule_has_a_group_and_an_example() -> None:
    rules = list(BOOK)
    assert len(rules) > 40
    assert [r.group for r in rules] == sorted((r.group for r in rules), key=GROUPS.index)
    for r in rules:
        assert r.group in GROUPS, r.key
        assert any(q in r.doc for q in ('"', "“")), f"{r.key}: no example in its docstring"


def test_every_pass_is_documented_and_runs_once() -> None:
    runs = [p.run for p in PASSES]
    assert len(set(runs)) == len(runs)
    assert all(run.__doc__ for run in runs)


@pytest.mark.parametrize(
    ("rule", "text", "on", "surface", "with_rule", "without"),
    [
        ("actors.names.misspelt_name", "China’s president Xi Jiinping agreed.", D2024,
         "Xi Jiinping", ("xi-jinping", "fuzzy"), "local"),
        ("actors.names.title_office", "Hillary Clinton spoke. Flowers had an affair with "
         "President Clinton.", SEPT16, "President Clinton", ("bill-clinton", "title"),
         ("hillary-clinton", "title")),
        ("actors.names.title_gender", "Sarah Sanders spoke. Mr Sanders said no.", SEPT16,
         "Mr Sanders", ("bernie-sanders", "title"), ("sarah-huckabee-sanders", "title")),
        ("actors.names.senior_office", "Obama had a ten-point lead among high earners.",
         SEPT16, "Obama", ("barack-obama", "name"), "local"),
        ("actors.names.place_not_actor", "Putin is on a two-day state visit to Beijing.",
         D2024, "Beijing", None, ("CHN", "metonym")),
        ("actors.names.place_not_actor", "I reached Mexico via Moscow and Paris on May 15.",
         D2024, "Paris", None, ("FRA", "metonym")),
        ("actors.names.surname_over_alias", "Michael Bloomberg criticised Donald Trump. "
         "Bloomberg also attacked Bernie Sanders.", D2024, "Bloomberg",
         ("michael-bloomberg", "name"), ("usa-bloomberg", "alias")),
        ("actors.roles.holder_on_date", "The Russian president is on a state visit.", D2024,
         "The Russian president", ("vladimir-putin", "role"), None),
        # a role title of a body the gazetteer does not know is that body's office
        ("actors.roles.office_of_unknown_body", "Donald Trump spoke. Zippy Duvall, the "
         "president of the American Farm Bureau, said farmers faced losses.", D2019,
         "the president", None, ("donald-trump", "role")),
        ("actors.roles.office_of_unknown_body", "Donald Trump spoke. The president of the "
         "United States said no.", D2019, "The president",
         ("donald-trump", "role"), ("donald-trump", "role")),
        # an unknown "organisation" that starts a role title is (a piece of) the title
        ("actors.names.title_piece", "Vindman was told by former National Security Adviser "
         "John Bolton to go to the lawyers.", D2019, "National Security", None, "local"),
        ("actors.names.title_piece", "Donald Trump spoke. The National Security Adviser "
         "said the talks were over.", D2019, "The National Security Adviser",
         ("john-bolton", "role"), "local"),
        ("actors.names.title_piece", "Donald Trump spoke. FBI Director Christopher Wray "
         "said the bureau would act.", D2019, "FBI", ("usa-fbi", "alias"),
         ("usa-fbi", "alias")),
        # a club's name is no state acting
        ("actors.names.club_names", "Fans said Real Madrid would sign him in June.", D2019,
         "Real Madrid", "local", "local"),
        ("actors.names.club_names", "Real Madrid won on Sunday, and Madrid fans cheered.",
         D2019, "Madrid", None, ("ESP", "metonym")),
        ("actors.roles", "The Russian president is on a state visit.", D2024,
         "The Russian president", ("vladimir-putin", "role"), None),
        ("actors.coref.short_form", "The Washington Post ran the story. The Post sent its "
         "reporter.", SEPT16, "The Post", ("usa-washington-post", "alias"), "local"),
        ("actors.coref.age_description", "Police named the driver as Liz Truss. The "
         "47-year-old was released on bail.", D2024, "The 47-year-old",
         ("liz-truss", "pronoun"), None),
        ("actors.coref.title_description", "Gov. Eric Holcomb signed the bill. The "
         "governor said it was fair.", D2024, "The governor", "local", None),
        ("actors.coref.conjunct_role", "Tim Kaine and Mark Warner spoke. Then he left.",
         D2024, "he", None, ("tim-kaine", "pronoun")),
        ("actors.coref.expletive_it", "The FBI met on Monday. It seems that the leak was "
         "serious.", D2024, "It", None, ("usa-fbi", "pronoun")),
        ("actors.coref.controller", "The FBI warned Congress to boost its security.", D2024,
         "its", ("usa-congress", "pronoun"), ("usa-fbi", "pronoun")),
        ("actors.coref.object_clause_head", "The Kremlin denied it.", D2024, "it", None,
         ("rus-kremlin", "pronoun")),
        ("actors.coref", "The FBI said it would investigate the leak.", D2024, "it",
         ("usa-fbi", "pronoun"), None),
        # linking precision (issue 18)
        ("actors.names.a_typo", "Bill Barrow contributed to this report.", D2019,
         "Bill Barrow", "local", ("william-barr", "fuzzy")),
        ("actors.names.part_of_longer_place", "He moved to New Jersey last year.", D2019,
         "Jersey", None, ("JEY", "name")),
        ("actors.names.subnational_place", "Georgia's governor signed the bill.", D2019,
         "Georgia", None, ("GEO", "name")),
        ("actors.names.furniture_lines", "Donald Trump spoke in Ohio.\nMore from The Nation",
         D2019, "The Nation", None, ("USA", "role")),
        ("actors.names.furniture_lines", "Donald Trump spoke in Ohio.\n© 2019 Associated "
         "Press", D2019, "Associated Press", None, ("usa-ap", "name")),
        ("actors.names.furniture_lines", "Donald Trump spoke in Ohio.\nFollow AP's full "
         "coverage of the trade war", D2019, "AP", None, ("usa-ap", "alias")),
        ("actors.names.work_titles", "Boris Johnson spoke. She loved the film The Queen.",
         D2021, "The Queen", None, ("elizabeth-ii", "role")),
        ("actors.names.work_titles", "Boris Johnson spoke. She watched “The Queen” twice.",
         D2021, "The Queen", None, ("elizabeth-ii", "role")),
        ("actors.names.word_piece", "The nato-led mission ended.", D2019, "The nato", None,
         "local"),
        ("actors.names.link_government", "Obama administration officials said the plan "
         "would fail.", SEPT16, "Obama", None, ("barack-obama", "name")),
        ("actors.names.name_from_first_name", "Trump attacked a former Miss Universe Alicia "
         "Marquez.", SEPT16, "Alicia Marquez", "local", None),
        # a double first name stays whole (not "Ann Inaba"); a title before one does not
        ("actors.names.double_first_name", "He danced for judges Len Goodman, Bruno Tonioli "
         "and Carrie Ann Inaba on Monday.", D2019, "Carrie Ann Inaba", "local", None),
        ("actors.names.double_first_name", "Trump attacked a former Miss Universe Ann "
         "Machado.", SEPT16, "Ann Machado", "local", "local"),
        ("actors.roles.title_of_another_country", "Donald Trump and Mike Pompeo spoke about "
         "Venezuela. The interior minister said the protests were illegal.", D2019,
         "The interior minister", None, ("kirstjen-nielsen", "role")),
        ("actors.roles.date_in_text", "LONDON, July 1, 2019 — Rishi Sunak spoke. The prime "
         "minister said no.", None, "The prime minister", ("theresa-may", "role"),
         ("rishi-sunak", "role")),
        ("actors.coref.org_nominal", "Home Depot cut 300 jobs on Monday. The company said "
         "demand had fallen.", D2019, "The company", "local", None),
        ("actors.coref.speaker_of_quote", "Tim Cook spoke. “I can feel him here,” Cook said.",
         D2019, "him", None, "local"),
        ("actors.coref.that_is_it", "The president said China must make a deal. If they "
         "don't, that's it.", D2019, "it", None, ("CHN", "pronoun")),
        ("actors.coref.close_runner_up", "Tim Kaine spoke. Mark Warner spoke. Then he left.",
         D2019, "he", None, "local"),
        ("actors.coref.closes_quote", "Tim Kaine spoke at the hearing. Mark Warner said the "
         "bill would pass. “We will win,” he said.", D2019, "he", "local", None),
        # "he added" after a run of quotations longer than a pronoun's usual reach goes
        # on with the one who spoke (a woman named since is no rival)
        ("actors.coref.continues_speaker", LONG_RUN.format(between=""), D2019, "he",
         "local", None),
        ("actors.coref.continues_speaker", LONG_RUN.format(
            between=" Maria Lopez nodded."), D2019, "he", "local", None),
        # word pieces of a region's name, national teams, a pronoun of a thing
        ("actors.names.compass_region", "VW will sell the wagon in North America next "
         "year.", D2019, "America", None, ("USA", "alias")),
        ("actors.names.compass_region", "The patient came from Inner Mongolia.", D2019,
         "Mongolia", None, ("MNG", "name")),
        ("actors.names.region_name_goes_on", "Minnesota has a one-game lead in the West "
         "Division on Wisconsin.", D2019, "the West", None, ("WST", "name")),
        ("actors.names.national_team", "Herbert and Mahut secured France an opening win "
         "in the Davis Cup tennis match.", D2019, "France", None, ("FRA", "name")),
        ("actors.names.national_body", "Donald Trump spoke on Monday. Democrats want the "
         "Senate to remove him.", D2019, "the Senate", ("usa-senate", "alias"), "local"),
        ("actors.names.national_body", "Narendra Modi spoke. The Supreme Court banned "
         "firecrackers in Delhi.", D2019, "The Supreme Court", ("ind-supreme-court",
                                                                 "alias"), "local"),
        ("actors.names.foreign_body", "Senator Ahmad Lawan mourned a former Speaker of "
         "the House of Representatives.", D2019, "the House of Representatives", None,
         ("usa-house", "alias")),
        # the surname NER missed of an unknown person named in full before, and not when
        # two unknown people share it or it starts another name
        ("actors.names.missed_local_surname", "Jack Buser, director for games at Google, "
         "spoke on Monday. “We will win,” Buser said.", D2019, "Buser", "local", None),
        ("actors.names.missed_local_surname", "Jack Buser and Anna Buser spoke on Monday. "
         "“We will win,” Buser said.", D2019, "Buser", None, None),
    ],
)
def test_a_rule_switched_off_no_longer_fires(link, rule, text, on, surface, with_rule,  # type: ignore[no-untyped-def]
                                             without) -> None:
    def found() -> tuple[str, str] | str | None:
        m = next((m for m in link(text, on) if m.text == surface), None)
        if m is None:
            return None
        return "local" if m.actor_id.startswith("local:") else (m.actor_id, m.via)

    assert found() == with_rule
    with switched_off(rule):
        assert found() == without
    assert found() == with_rule


@pytest.mark.parametrize(("text", "surface", "named"), [
    # a list of links that lost its spaces names the person before the glue
    ("Rep. Ilhan OmarIlhan OmarHillicon Valley: Progressives oppose the bill. Omar said "
     "she would vote no.", "Omar", "Ilhan Omar"),
    ("Kristi NoemKristi Lynn NoemSouth Dakota governor. Noem said the ad worked.",
     "Noem", "Kristi Noem"),
])
def test_a_glued_name_is_the_person_before_the_glue(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                     named: str) -> None:
    glued = next(m for m in link(text, D2019) if "Omar" in m.text or "Noem" in m.text)
    assert glued.actor_name == named
    assert next(m for m in link(text, D2019) if m.text == surface).actor_name == named
    with switched_off("actors.names.glued_name"):
        glued = next(m for m in link(text, D2019) if "Omar" in m.text or "Noem" in m.text)
        assert glued.actor_name != named


THING = "actors.coref.thing_pronoun"
PLACE = "actors.names.state_as_place"
THING_OF = "actors.names.state_as_modifier"
REGION_OF = "actors.names.region_as_modifier"
GONE_TO = "actors.names.state_as_destination"
DATELINE = "actors.names.dateline"
FIRST_NAME = "actors.names.capital_as_first_name"


@pytest.mark.parametrize(("rule", "text", "surface", "lowered"), [
    (THING, "Bloomberg News reported that WeWork faced scrutiny over whether it violated "
     "the rules.", "it", 0.55),
    (THING, "The FBI met on Monday. It will investigate the leak.", "It", 0.55),
    # what the organisation says of itself, a person
    (THING, "The FBI said it would investigate the leak.", "it", None),
    (THING, "Donald Trump said he would raise tariffs.", "he", None),
    # a country or region named only as where: kept, below the default views' floor
    (PLACE, "Hospitals in Belgium were full on Monday.", "Belgium", 0.5),
    (PLACE, "The wars in Afghanistan and Iraq cost billions.", "Iraq", 0.5),
    (PLACE, "A Britain-based charity said the talks failed.", "Britain", 0.5),
    (PLACE, "A Russia-born artist opened a show.", "Russia", 0.5),
    (PLACE, "Trade in Europe grew last year.", "Europe", 0.5),
    (PLACE, "Growing cities like Karachi, Pakistan, face smog.", "Pakistan", 0.5),
    # a state or region that acts or is acted upon
    (PLACE, "Belgium said it would send doctors.", "Belgium", None),
    (PLACE, "Sanctions on Iran hurt its economy.", "Iran", None),
    (PLACE, "Aid to Ukraine rose last year.", "Ukraine", None),
    (PLACE, "The president of Ukraine spoke on Monday.", "Ukraine", None),
    (PLACE, "Europe's leaders met in Brussels.", "Europe", None),
    (PLACE, "In Paris, France said it would act.", "France", None),
    (PLACE, "Russia, China and Iran said no.", "China", None),
    (PLACE, "Putin and Xi lashed out at the US on Monday.", "US", None),
    # a country as where a thing, a market, a company is; an event's or road's name; a
    # player's nationality
    (THING_OF, "Nine US companies were eligible to bid for contracts.", "US", 0.5),
    (THING_OF, "Chinese purchases of US farm goods rose last year.", "US", 0.5),
    (THING_OF, "The U.S. benchmark S&P 500 index was little changed.", "U.S.", 0.5),
    (THING_OF, "Hong Kong's exchange operates a system of ballots.", "Hong Kong", 0.5),
    (THING_OF, "A big reason that China's air has cleared up is the rules.", "China", 0.5),
    (THING_OF, "The base sits on the Baghdad-Damascus highway near the border.",
     "Damascus", 0.5),
    (THING_OF, "Brazil star Neymar was among the crowd.", "Brazil", 0.5),
    (THING_OF, "US pricing for the new sedan has not been set.", "US", 0.5),
    # the inverted list: any head but one through which a state acts
    (THING_OF, "He works as a U.S. broker in New York.", "U.S.", 0.5),
    (THING_OF, "U.S. real income fell last year.", "U.S.", 0.5),
    (THING_OF, "Big name US politicians backed the bill.", "US", 0.5),
    (THING_OF, "U.S. stocks fell on Monday.", "U.S.", 0.5),
    (THING_OF, "The U.S. energy giant Chevron Corp cut jobs.", "U.S.", 0.5),
    (THING_OF, "The law applies in several U.S. states.", "U.S.", 0.5),
    (THING_OF, "Bankers praised China's financial services industry.", "China", 0.5),
    # the state's own people, bodies and acts
    (THING_OF, "US officials said the talks failed.", "US", None),
    (THING_OF, "China's foreign ministry said the talks failed.", "China", None),
    (THING_OF, "Britain's army sent more troops.", "Britain", None),
    (THING_OF, "Russia's invasion of Ukraine began in 2022.", "Russia", None),
    (THING_OF, "China's economy grew last year.", "China", None),
    (THING_OF, "The US government said it would act.", "US", None),
    (THING_OF, "U.S. prosecutors charged him with fraud.", "U.S.", None),
    (THING_OF, "U.S. lawmakers passed the bill on Monday.", "U.S.", None),
    (THING_OF, "US sanctions on Iran hurt its economy.", "US", None),
    (THING_OF, "The China-US trade deal was signed on Monday.", "US", None),
    (THING_OF, "The U.S. Chinook helicopter was shot down.", "U.S.", None),
    (THING_OF, "It was a U.S. policy problem.", "U.S.", None),
    (THING_OF, "A man threatened to kill U.S. Rep. Ilhan Omar in March.", "U.S.", None),
    (THING_OF, "U.S. Attorney Erin Nealy Cox said the case was strong.", "U.S.", None),
    # a region or a bloc-region modifying a noun through which none of its states acts
    (REGION_OF, "The car was tested on the European test cycle last year.", "the European",
     0.5),
    (REGION_OF, "Asian shares rose, European markets fell.", "European", 0.5),
    (REGION_OF, "The group freed two Western hostages on Monday.", "Western", 0.5),
    # its states acting: their people, bodies, acts, nations and allies
    (REGION_OF, "European leaders agreed on a deal.", "European", None),
    (REGION_OF, "European nations backed the plan.", "European", None),
    (REGION_OF, "Western sanctions hurt the economy.", "Western", None),
    (REGION_OF, "Western governments condemned the attack.", "Western governments", None),
    (REGION_OF, "Western allies sent more aid.", "Western allies", None),
    # a country left, gone to or come from
    (GONE_TO, "American troops will leave Syria next month.", "Syria", 0.5),
    (GONE_TO, "He sent me to Mexico on May 2.", "Mexico", 0.5),
    (GONE_TO, "They were deported to Mexico last year.", "Mexico", 0.5),
    (GONE_TO, "He moved to Canada in 2010.", "Canada", 0.5),
    # the state as an event's target
    (GONE_TO, "The president visited China on Monday.", "China", None),
    (GONE_TO, "Russia sent troops to Syria in 2015.", "Syria", None),
    (GONE_TO, "Britain returned the territory to China in 1997.", "China", None),
    (GONE_TO, "Mexico sent troops to the border.", "Mexico", None),
    (GONE_TO, "The United States imposed tariffs on Chinese goods.", "United States", None),
    # a dateline
    (DATELINE, "Washington, DC, United States: Getting to the Moon is hard.",
     "United States", 0.5),
    (DATELINE, "Britain — once a great power — said it would act.", "Britain", None),
    # a capital that is a person's first name
    (FIRST_NAME, "The Conservative MP Victoria Atkins spoke on Monday.", "Victoria", 0.3),
    (FIRST_NAME, "Victoria said on Monday it would act.", "Victoria", None),
])
def test_a_link_of_a_thing_or_a_place_is_less_sure(link, rule: str, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                   lowered: float | None) -> None:
    def confidence() -> float:
        return next(m for m in link(text, D2019) if m.text == surface).confidence

    with switched_off(rule):
        as_actor = confidence()
    assert as_actor >= 0.7  # shown in the default view with the rule off
    assert confidence() == (as_actor if lowered is None else lowered)


@pytest.mark.parametrize(("text", "surface", "actor"), [
    # a country after a compass word that makes a name of its own, a region that acts
    ("Kim Jong Un spoke. North Korea fired a missile.", "North Korea", "PRK"),
    ("The talks in America ended.", "America", "USA"),
    ("The West imposed sanctions on Russia.", "The West", "WST"),
    ("Europe's leaders met in Brussels.", "Europe", "EUR"),
    # a country in a sentence about no sport
    ("Russia beat back Ukraine's forces near Kharkiv.", "Russia", "RUS"),
    # PTI: the story's country picks the news agency or the party
    ("Narendra Modi spoke in Delhi on Tuesday, PTI reported.", "PTI", "ind-pti"),
    ("Imran Khan spoke in Lahore. PTI leads the polls.", "PTI", "pak-pti"),
    # a body of a story of no country, a name with a capital inside
    ("Senate President Bukola Saraki read the letters while the Senate was on recess.",
     "the Senate", "local"),
    ("Corey LaJoie and Ron DeSantis spoke.", "Corey LaJoie", "local"),
    # a body of a country the story names otherwise
    ("Donald Trump spoke. The House of Representatives voted.",
     "The House of Representatives", "usa-house"),
    ("The US House voted on Monday.", "The US House", "usa-house"),
    # transnational NGOs and agencies (Phoenix's NGO codes), a party and a guard by kind
    ("The International Committee of the Red Cross said the camps were full.",
     "The International Committee of the Red Cross", "NGOHLHIRC"),
    ("Amnesty International and Human Rights Watch criticised Iran.", "Human Rights Watch",
     "NGOHRIHRW"),
    ("Doctors Without Borders (MSF) said the clinics were full.", "MSF", "NGOHLHMSF"),
    ("The European Space Agency said the launch was late.", "The European Space Agency",
     "IGOESA"),
    ("Xi Jinping spoke in Beijing. The Communist Party said it would respond.",
     "The Communist Party", "chn-ccp"),
    ("Donald Trump spoke. Adam Schiff said the National Guard was deployed.",
     "the National Guard", "usa-national-guard"),
    ("Donald Trump spoke. Adam Schiff said no.", "Adam Schiff", "adam-schiff"),
    # a national Red Cross society (the other ESA, a law's: tests/actors/test_acronyms.py)
    ("The American Red Cross helped the families.", "The American Red Cross", "local"),
])
def test_names_near_word_pieces_and_teams_stay(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                               actor: str) -> None:
    m = next((m for m in link(text, D2019) if m.text == surface), None)
    assert m is not None
    assert ("local" if m.actor_id.startswith("local:") else m.actor_id) == actor


@pytest.mark.parametrize(("text", "surface", "named"), [
    ("Police jailed members of the Movement for the Actualization of the Sovereign State of "
     "Biafra.", "the Movement for the Actualization of the Sovereign State of Biafra", True),
    ("Gamers can now play on Stadia at home.", "Stadia", False),
])
def test_an_org_named_as_one_is_surer(link, text: str, surface: str, named: bool) -> None:  # type: ignore[no-untyped-def]
    def confidence() -> float | None:
        m = next((m for m in link(text, D2019) if m.text == surface), None)
        return None if m is None else m.confidence

    surer = confidence()
    assert surer is not None
    with switched_off("actors.names.org_named"):
        assert confidence() == (0.4 if named else surer)
    assert (surer > 0.5) is named


@pytest.mark.parametrize(("text", "surface", "actor"), [
    # a surname modifying a noun after "the", a surname with no "the"; a known name
    # starting with "the"
    ("Donald Trump spoke. The Trump campaign said no.", "Trump", "donald-trump"),
    ("Moon Jae-in spoke. On Monday Moon said no.", "Moon", "moon-jae-in"),
    ("Xi Jinping spoke. Xinhua reported that the Xi said no.", "Xi", "xi-jinping"),
    ("Fiona Hill spoke. The Hill reported that the talks failed.", "The Hill",
     "usa-the-hill"),
    # a line of news that starts like furniture; a correspondent inside a sentence
    ("Copyright law changed, Donald Trump said.", "Donald Trump", "donald-trump"),
    ("Following the talks, Donald Trump left.", "Donald Trump", "donald-trump"),
    ("Jane Doe, the BBC's diplomatic correspondent, said the talks ended.", "Jane Doe",
     "local"),
])
def test_names_that_look_like_nonactors_stay(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                             actor: str) -> None:
    m = next((m for m in link(text, D2019) if m.text == surface), None)
    assert m is not None
    assert ("local" if m.actor_id.startswith("local:") else m.actor_id) == actor

