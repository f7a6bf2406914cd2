"""Pronouns (dossier.actors.coref.pronouns, .expletive, .antecedents): (text, date,
pronoun, expected actor) tables, with negatives.

"it"/"its" go to the salient organisation or state, "they"/"their" to an
organisation, state or coordinated pair; expletive "it" and "they" for people in
general stay unlinked. A pronoun joins its antecedent's coreference chain.
"""

from __future__ import annotations

import gc
import weakref
from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.records import Mention

D = date(2024, 5, 16)


def nth(mentions: list[Mention], surface: str, n: int = 0) -> Mention | None:
    hits = [m for m in mentions if m.text == surface]
    return hits[n] if len(hits) > n else None


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        # it / its -> the organisation or state that is the subject
        ("The FBI said it would investigate the leak.", D, "it", "usa-fbi"),
        ("The FBI said it would investigate. Its director resigned.", D, "Its", "usa-fbi"),
        ("Russia said it was ready to talk.", D, "it", "RUS"),
        ("NATO says its members will spend more on defence.", D, "its", "IGOWSTNAT"),
        ("The Kremlin said it had not been informed.", D, "it", "rus-kremlin"),
        # an infinitive's understood subject: "warned Congress to boost its"
        ("The FBI warned Congress to boost its security.", D, "its", "usa-congress"),
        # the sentence the pronoun is in outweighs the subject of the one before
        ("Russia made threats. These provocations prompted NATO at its July summit to "
         "send troops.", D, "its", "IGOWSTNAT"),
        # they -> an organisation when no plural noun competes
        ("Hamas said they would not release the hostages.", D, "they", "pse-hamas"),
        # they -> a coordinated pair of people, or of states
        ("Hillary Clinton and Tim Kaine said they would win.", date(2016, 9, 1), "they",
         "group:hillary-clinton|tim-kaine"),
        ("Russia, China and Iran said they would hold joint drills.", D, "they",
         "group:CHN|IRN|RUS"),
        # he/she still work, and a plain object pronoun is not its own clause's subject
        ("Putin met Xi and praised him.", D, "him", "xi-jinping"),
        # a relative clause's pronoun goes to the noun it modifies
        ("Antonin Scalia died. Melanie spoke to the Republican nominee for president, who "
         "began his speech by marveling.", date(2016, 9, 26), "his", "donald-trump"),
        # an unknown person's common first name gives the gender: "she" is not Mark Dubin
        ("Hillary Clinton invited Mark Dubin. She says he is a friend.", date(2016, 9, 26),
         "She", "hillary-clinton"),
        ("Hillary Clinton invited Mark Dubin. She says he is a friend.", date(2016, 9, 26),
         "he", "local"),
        # a title or a gendered noun before an unknown name gives the gender
        ("Mrs Okafor met Donald Trump. He thanked her.", D, "He", "donald-trump"),
        ("Mrs Okafor met Donald Trump. He thanked her.", D, "her", "local"),
        ("Donald Trump's spokeswoman Melezia Figueroa said he was right.", D, "he",
         "donald-trump"),
        # free indirect speech: after "X says Y …", a modal or a verb of thinking voices
        # Y's thoughts ("he would not want …", "he may calculate …"), not the speaker's
        ("Jeremy Fleming will say President Xi – who has not publicly condemned the "
         "invasion – has a “more nuanced” view. With “an eye on retaking Taiwan”, he would "
         "not want to do anything which might constrain his actions, while he may "
         "calculate that it actually helps him oppose the US.", D, "him", "xi-jinping"),
        ("Jeremy Fleming will say President Xi – who has not publicly condemned the "
         "invasion – has a “more nuanced” view. With “an eye on retaking Taiwan”, he would "
         "not want to do anything which might constrain his actions.", D, "he",
         "xi-jinping"),
        ("Joe Biden said Xi Jinping has a nuanced view. He would not want to lose face.", D,
         "He", "xi-jinping"),
        ("Joe Biden says Xi Jinping is cautious. He may think that the war helps him.", D,
         "He", "xi-jinping"),
        # … but "X said he would …" is X, speech is the speaker's, and a person named
        # outside a report or of the other gender does not take the pronoun
        ("Joe Biden said he would not want to lose face.", D, "he", "joe-biden"),
        ("Joe Biden said Xi Jinping has a nuanced view. He will say more on Monday.", D,
         "He", "joe-biden"),
        ("Joe Biden said Xi Jinping has a nuanced view. He said he would not want to lose "
         "face.", D, "he", "joe-biden"),
        ("Joe Biden met Xi Jinping. He would not want to lose face.", D, "He", "joe-biden"),
        ("Kamala Harris said Xi Jinping has a nuanced view. She would not want to lose "
         "face.", D, "She", "kamala-harris"),
        # negatives: expletive "it"
        ("It is raining in Moscow, the Kremlin said.", D, "It", None),
        ("It is clear that NATO must act.", D, "It", None),
        ("NATO said it was clear that Russia had erred.", D, "it", None),
        ("Russia said it seems that the talks failed.", D, "it", None),
        ("It was reported that China had cut exports.", D, "It", None),
        ("The EU made it clear that sanctions would stay.", D, "it", None),
        ("The White House said it was time to act.", D, "it", None),
        ("HuffPost spoke to Cyril, who explained how important it is to combat this "
         "narrative.", D, "it", None),
        ("He argued that it was divisions in the Republican Party that were a bigger "
         "hurdle.", D, "it", None),
        ("NATO met. It's not what worked in 2012, the Kremlin said.", D, "It", None),
        # negatives: a plural organisation name is not "it"
        ("Republicans were in the lead in advocating NATO enlargement, as shown by "
         "Gingrich's inclusion of it in his plan.", D, "it", None),
        # negatives: the subject does not bind an object pronoun in its own clause
        ("The Kremlin denied it.", D, "it", None),
        # negatives: "they" for people in general, or for a plural noun
        ("The EU raised prices. Voters are angry and they say bills rose.", D, "they", None),
        ("Apple said its profits rose. They beat forecasts.", D, "They", None),
        ("The FBI warned state officials to boost their security.", D, "their", None),
        # negatives: "they" after a coordination is the coordination, never one of its
        # members when the other is no linked actor
        ("Russia and the government of Ukraine warned their citizens.", D, "their", None),
        ("The FBI and the police of Ohio said they would act.", D, "they", None),
        # negatives: an organisation only in passing (a possessor) is not "they"
        ("Although the Kremlin's press service said the bond between their two countries "
         "was strong, Xi said so.", D, "their", None),
        # negatives: "it" for a thing, not the organisation
        ("The EU signed the deal on Monday, and the treaty says it will cut tariffs.", D,
         "it", None),
        # negatives: a place passed through is not an antecedent
        ("She will speak in Port St. Lucie, Florida. It is the latest of her speeches.", D,
         "It", None),
        # negatives: a person is never "it", an organisation never "he"
        ("Vladimir Putin arrived. It was late.", D, "It", None),
        ("The FBI said he had lied.", D, "he", None),
    ],
)
def test_pronoun(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    m = nth(link(text, on), surface)
    if expected is None:
        assert m is None, (m.actor_id, m.actor_name) if m else None
        return
    assert m is not None, surface
    assert m.via == "pronoun"
    if expected.startswith("group:"):
        assert m.type == "group" and m.actor_id.startswith("local:group:")
        ids = sorted(expected.removeprefix("group:").split("|"))
        # the group's name lists its members
        from dossier.gazetteer import load_gazetteer

        names = {load_gazetteer().actors[i].name for i in ids}
        assert set(m.actor_name.split(" and ")) == names
    elif expected == "local":
        assert m.actor_id.startswith("local:person:")
    else:
        assert m.actor_id == expected


@pytest.mark.parametrize(
    ("text", "antecedent", "pronoun"),
    [
        ("Liz Truss spoke in Taiwan. She said the west must act.", "Liz Truss", "She"),
        ("The FBI said it would investigate the leak.", "The FBI", "it"),
        ("Hillary Clinton and Tim Kaine said they would win.", "Hillary Clinton", "they"),
    ],
)
def test_pronoun_joins_its_antecedents_chain(link, text, antecedent, pronoun) -> None:  # type: ignore[no-untyped-def]
    ms = link(text, date(2016, 9, 1))
    a, p = nth(ms, antecedent), nth(ms, pronoun)
    assert a is not None and p is not None
    if p.type == "group":
        # a group's chain is its own, distinct from each member's
        assert p.chain == f"a:{p.actor_id}" and p.chain != a.chain
    else:
        assert p.chain == a.chain


SUTER = ("Zach Parise had scored just once in ten games. Wild defenseman Ryan Suter, who "
         "joked about Parise's sticks, could see the frustration on his friend's face.\n"
         "“He's used to scoring goals,” he said.")
SINGERS = ("Mary Steenburgen wrote the song. Jessie Buckley sang it. “This song was a gift "
           "to me,” she said. Steenburgen called Buckley's performance stunning. “Music is "
           "in my genes,” she said.")


@pytest.mark.parametrize(
    ("text", "n", "with_rule", "without"),
    [
        # the subject of the sentence leading into the quotation speaks, over an unsure
        # choice or the chain of the one who spoke before
        (SUTER, 0, "Ryan Suter", None),
        (SINGERS, 1, "Mary Steenburgen", "Mary Steenburgen"),
        (SINGERS, 0, "Jessie Buckley", "Mary Steenburgen"),
        # negatives: a quotation opening its paragraph, or a lead-in with no person as
        # subject, leaves the usual choice
        ("Mark Warner said the bill would pass.\n“We will win,” he said.", 0, "Mark Warner",
         "Mark Warner"),
        ("Tim Kaine spoke at the hearing. Mark Warner said the bill would pass. The vote "
         "is on Monday. “We will win,” he said.", 0, "Mark Warner", "Mark Warner"),
    ],
)
def test_lead_in_subject_speaks(link, text, n, with_rule, without) -> None:  # type: ignore[no-untyped-def]
    from dossier.rules import switched_off

    def who() -> str | None:
        he = [m for m in link(text, D) if m.via == "pronoun" and m.text in ("he", "she")]
        closing = [m for m in he if text[m.start - 3 : m.start].strip().endswith(("”", ","))]
        return closing[n].actor_name if len(closing) > n else None

    assert who() == with_rule
    with switched_off("actors.coref.lead_in"):
        assert who() == without


def test_linking_keeps_no_parsed_article_alive() -> None:
    # a per-token helper cached on (doc, index) would hold every article of a stream
    parsed = analysers().read("Rishi Sunak spoke. The 39-year-old said the plan would work.",
                              published=D)
    ref = weakref.ref(parsed.doc)
    del parsed
    gc.collect()
    assert ref() is None


KAINE = ("Tim Kaine, a senator, said the talks would go well, and he said more would follow. "
         "The talks follow a meeting between Donald Trump and his Chinese counterpart.")


@pytest.mark.parametrize(
    ("text", "on", "with_rule", "without"),
    [
        # "X and his Y": the possessive is X's, not the last speaker's
        (KAINE, date(2019, 5, 1), "Donald Trump", "Tim Kaine"),
        ("Boris Johnson spoke first. Later Emmanuel Macron and his wife arrived.",
         date(2019, 5, 1), "Emmanuel Macron", None),  # (without: two could be meant)
        # negatives: no coordination of a name ("the president and his wife" is left to
        # the usual choice), a possessive on the first conjunct
        ("Boris Johnson spoke first. Later the president and his wife arrived.",
         date(2019, 5, 1), "Boris Johnson", "Boris Johnson"),
        ("Boris Johnson spoke first. His aides and Emmanuel Macron arrived later.",
         date(2019, 5, 1), "Boris Johnson", "Boris Johnson"),
    ],
)
def test_conjunct_owner(link, text, on, with_rule, without) -> None:  # type: ignore[no-untyped-def]
    from dossier.rules import switched_off

    def whose() -> str | None:
        m = next((m for m in link(text, on) if m.text in ("his", "His")), None)
        return m.actor_name if m else None

    assert whose() == with_rule
    with switched_off("actors.coref.conjunct_owner"):
        assert whose() == without


WALZ = ("Governor Tim Walz defended the budget on Monday. “It is balanced,” he said.\n\n"
        "{lead} “The numbers do not add up,” he said.")


@pytest.mark.parametrize(
    ("text", "with_rule", "without"),
    [
        # the one person of the pronoun's gender named in the sentence before the
        # quotation speaks it, not the governor who spoke two sentences before
        (WALZ.format(lead="Critics include John Ramsey, a state representative."),
         "John Ramsey", "Tim Walz"),
        (WALZ.format(lead="The plan was attacked by John Ramsey, a state representative."),
         "John Ramsey", "Tim Walz"),
        ("Coach Bill Peters praised the team. “They played hard,” he said.\nThen fans "
         "cheered for Jake Miller after the game.\n“It felt great,” he said.", "Jake Miller",
         "Bill Peters"),
        # named in the paragraph before, a sentence or two back (a possessor there
        # does not count)
        (WALZ.format(lead="John Ramsey, a state representative, has opposed every budget "
                     "since 2015. The district lost 2,000 jobs last year."), "John Ramsey",
         "Tim Walz"),
        (WALZ.format(lead="Critics include John Ramsey, a state representative. Ramsey's "
                     "district lost 2,000 jobs last year."), "John Ramsey", "Tim Walz"),
        # a he/she that opens the quotation, or reports without one
        ("Governor Tim Walz defended the budget on Monday. “It is balanced,” he said.\n\n"
         "Critics include John Ramsey, a state representative. He said: “The numbers do not "
         "add up.”", "John Ramsey", "Tim Walz"),
        ("Governor Tim Walz defended the budget on Monday. “It is balanced,” he said.\n\n"
         "Critics include John Ramsey, a state representative. He said the numbers do not "
         "add up.", "John Ramsey", "Tim Walz"),
        # two men named there, neither the earlier speaker: nobody (precision first)
        (WALZ.format(lead="Critics include John Ramsey and Paul Olsen, two state senators."),
         None, "Tim Walz"),
        # a person of no known gender named there: nobody rather than the governor
        (WALZ.format(lead="Critics include Kerry Vang, a state representative."), None,
         "Tim Walz"),
        # negatives: the earlier speaker named again there, a possessor, a woman, no one
        (WALZ.format(lead="Walz met John Ramsey, a state representative."), "Tim Walz",
         "Tim Walz"),
        (WALZ.format(lead="Reporters asked about John Ramsey's absence."), "Tim Walz",
         "Tim Walz"),
        (WALZ.format(lead="Critics include Maria Lopez, a state representative."),
         "Tim Walz", "Tim Walz"),
        (WALZ.format(lead="The vote is on Friday."), "Tim Walz", "Tim Walz"),
        ("Senator Tim Walz said the bill would pass. Reporters asked about Jim Kaine's "
         "absence. “He is sick,” he said.", "Tim Walz", "Tim Walz"),
        # a person named in another paragraph three sentences up is no rival
        ("Governor Tim Walz defended the budget on Monday. John Ramsey disagreed.\n\nThe "
         "vote is on Friday. The session ends in May. Walz spoke to reporters on Monday. "
         "“We will win,” he said.", "Tim Walz", "Tim Walz"),
    ],
)
def test_the_person_named_just_before_speaks(link, text, with_rule, without) -> None:  # type: ignore[no-untyped-def]
    from dossier.rules import switched_off

    def who() -> str | None:
        last = max(text.rindex("he said"), text.rfind("He said"))
        m = next((m for m in link(text, D) if m.start == last), None)
        return m.actor_name if m is not None else None

    assert who() == with_rule
    with switched_off("actors.coref.named_just_before"):
        assert who() == without


@pytest.mark.parametrize(("first", "gender"), [
    # the census list (data/first_names.tsv) gives the gender the hand list does not
    ("jay", "male"), ("Meghan", "female"), ("gail", "female"), ("travis", "male"),
    # negatives: a name given to both sexes, a surname or place more often than a first
    # name, a name only the hand list knows, a word that is no name
    ("taylor", ""), ("jordan", ""), ("clinton", ""), ("madison", ""), ("mark", ""),
    ("senator", ""),
])
def test_census_first_name(first: str, gender: str) -> None:
    from dossier.actors.people import census_first_name

    assert census_first_name(first.lower()) == gender


KEMP = ("Taylor Kemp took questions on Monday.{between} Later Kemp met Hillary Clinton at "
        "the hall. She thanked him.")
CENSUS = "actors.names.census_first_name"
STORY = "actors.coref.story_gender"
POSSESSOR = "actors.coref.subject_possessor"
WILLIAMS = ("John Williams, an economist, warned of a slowdown on Monday. {} the talks, "
            "including the farm purchases that he showcased last month.")


@pytest.mark.parametrize(("rule", "text", "surface", "with_rule", "without"), [
    # a census first name says an unknown person's gender: "She" is not Jay Inslee
    (CENSUS, "Jay Inslee met Hillary Clinton. She praised him.", "She", "Hillary Clinton",
     "Jay Inslee"),
    (CENSUS, "Meghan Walsh met Donald Trump. He praised her.", "He", "Donald Trump",
     "Meghan Walsh"),
    # negatives: a name of both sexes says nothing; a gazetteer person keeps hers
    (CENSUS, "Taylor Kemp met Hillary Clinton. She praised him.", "She", "Taylor Kemp",
     "Taylor Kemp"),
    (CENSUS, "Hillary Clinton met Jay Inslee. She praised him.", "She", "Hillary Clinton",
     "Hillary Clinton"),
    # a person of no known gender that a "he" went to is a he: the last "She" is Clinton
    (STORY, KEMP.format(between=" He said the plan was sound."), "She", "Hillary Clinton",
     "Taylor Kemp"),
    # … and so is one a title names so ("Mr. Kemp")
    (STORY, "Taylor Kemp took questions on Monday. Later Mr. Kemp met Hillary Clinton at "
     "the hall. She thanked him.", "She", "Hillary Clinton", "Taylor Kemp"),
    # negatives: no pronoun or title said anything; a "he" and a "Mrs." say both
    (STORY, KEMP.format(between=""), "She", "Taylor Kemp", "Taylor Kemp"),
    (STORY, KEMP.format(between=" He said the plan was sound. Mrs. Kemp agreed."), "She",
     "Taylor Kemp", "Taylor Kemp"),
    # the possessor of a subject that is a thing weighs as the subject
    (POSSESSOR, WILLIAMS.format("Mr. Trump's approach has complicated"), "he",
     "Donald Trump", "John Williams"),
    # negatives: a person as the head ("his lawyer" may be meant), an object's possessor
    (POSSESSOR, WILLIAMS.format("Mr. Trump's lawyer has complicated"), "he",
     "John Williams", "John Williams"),
    (POSSESSOR, WILLIAMS.format("The delay of Mr. Trump's plan has complicated"), "he",
     "John Williams", "John Williams"),
])
def test_gender_and_subject_rules(link, rule, text, surface, with_rule,  # type: ignore[no-untyped-def]
                                  without) -> None:
    from dossier.rules import switched_off

    def who() -> str | None:  # the last such pronoun
        hits = [m for m in link(text, D) if m.text == surface]
        return hits[-1].actor_name if hits else None

    assert who() == with_rule
    with switched_off(rule):
        assert who() == without
