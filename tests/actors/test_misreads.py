"""Links no attentive reader would make (dossier.actors.misreads and
actors.coref.administration_not_agency): each rule on and off on made-up sentences, and
sentences it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

ON = date(2016, 6, 1)


@pytest.mark.parametrize(
    ("rule", "text", "surface", "without"),
    [
        ("actors.coref.administration_not_agency",
         "NASA launched a probe on Monday. The administration said the mission would cost "
         "more.", "The administration", ("usa-nasa", "org")),
        ("actors.coref.administration_not_agency",
         "The FDA approved the drug on Friday. The administration said it would appeal.",
         "The administration", ("usa-fda", "org")),
        ("actors.names.other_initials",
         "Former President George H.W. Bush said he would vote for her.",
         "President George H.W. Bush", ("george-w-bush", "person")),
        ("actors.names.other_initials", "Former President George HW Bush spoke on Monday.",
         "President George HW Bush", ("george-w-bush", "person")),
        ("actors.names.pageant_title",
         "The senator mocked a former Miss Universe at the rally on Monday.",
         "Universe", ("local:person", "person")),
        ("actors.names.pageant_title", "Machado said Miss Universe had been a hard job.",
         "Miss Universe", ("local:person", "person")),
        ("actors.names.pageant_title", "She won Miss Texas in 2009 and Miss America in 2010.",
         "Miss America", ("local:person", "person")),
        ("actors.names.pageant_title", "The Miss Teen USA pageant was held in Memphis.",
         "USA", ("USA", "state")),
        ("actors.names.capital_as_federal_state",
         "Colorado, Washington, Alaska and Oregon legalised cannabis first.",
         "Washington", ("USA", "state")),
        ("actors.names.capital_as_federal_state",
         "Four states had legalised cannabis by 2016: Colorado,Washington, Alaska, and Oregon.",
         "Washington", ("USA", "state")),
        ("actors.names.capital_as_federal_state",
         "Washington's governor signed the bill on Friday.", "Washington", ("USA", "state")),
        ("actors.names.capital_as_federal_state",
         "The Washington legislature passed the bill.", "Washington", ("USA", "state")),
    ],
)
def test_a_misread_rule_on_and_off(found_on, rule: str, text: str, surface: str,  # type: ignore[no-untyped-def]
                                   without: tuple[str, str]) -> None:
    assert found_on(text, surface, ON) is None
    with switched_off(rule):
        assert found_on(text, surface, ON) == without
    assert found_on(text, surface, ON) is None


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # "the agency" still refers back to the agency; "the administration" only to no agency
        ("The FDA approved the drug on Friday. The agency said it was safe.", "The agency",
         ("usa-fda", "org")),
        ("NASA launched a probe. The commission said it would review the launch.", "NASA",
         ("usa-nasa", "org")),
        # a person's government and the White House are the government of the day
        ("Officials said the Obama administration expanded the program. The administration "
         "said it would help families.", "The administration", ("local:org", "org")),
        ("The White House said on Monday that the deal was done. The administration said "
         "it would sign.", "The administration", ("usa-white-house", "org")),
        # a typo in a full word is still the known person
        ("China’s president Xi Jiinping agreed.", "Xi Jiinping", ("xi-jinping", "person")),
        # "Miss" before a surname is a person
        ("Miss Grant said the school would close on Friday.", "Grant",
         ("local:person", "person")),
        # Washington that acts, or is the capital of talks, is the United States
        ("Talks between Washington and Beijing stalled on Monday.", "Washington",
         ("USA", "state")),
        ("Washington's political climate soured after the call.", "Washington",
         ("USA", "state")),
        ("Washington imposed sanctions on Iran and Syria on Monday.", "Washington",
         ("USA", "state")),
        ("Moscow, Beijing and Washington traded accusations on Monday.", "Washington",
         ("USA", "state")),
    ],
)
def test_names_the_misread_rules_leave_alone(found_on, text: str, surface: str,  # type: ignore[no-untyped-def]
                                             actor: tuple[str, str]) -> None:
    assert found_on(text, surface, ON) == actor


def test_a_capital_after_a_city_is_the_state(link) -> None:  # type: ignore[no-untyped-def]
    """The first "Washington" acts (the United States), the second is where a city is."""
    text = "Washington said the sanctions would stay. The rabbi lives in Olympia, Washington."
    assert [m.actor_id for m in link(text, ON) if m.text == "Washington"] == ["USA"]
    with switched_off("actors.names.capital_as_federal_state"):
        assert [m.actor_id for m in link(text, ON) if m.text == "Washington"] == ["USA", "USA"]


def _confidence(link, text: str, surface: str) -> float | None:  # type: ignore[no-untyped-def]
    return next((m.confidence for m in link(text, ON) if m.text == surface), None)


@pytest.mark.parametrize(
    ("text", "surface", "doubtful"),
    [
        ("Moderators Ignore Clinton Scandals. The debate went on for two hours and the "
         "moderators asked about taxes.", "Ignore Clinton", True),
        ("Clinton Aide Says Trump Should Win GOP Nomination. Donald Trump will not win, he "
         "said.", "Trump Should", True),
        # the name written again in prose; a sentence of prose; a list of names
        ("And Rand Paul At The GOP Debate. Sen. Rand Paul said the plan would fail.",
         "Rand Paul", False),
        ("Jane Roe Says She Will Run For Senate In Ohio. Jane Roe told reporters on Monday "
         "that she would.", "Jane Roe", False),
        ("Maria Lopez, a baker from Ohio, said the plan would fail.", "Maria Lopez", False),
        ("Celebrities Julianne Moore, Kerry Washington and Amy Schumer signed the letter.",
         "Julianne Moore", False),
    ],
)
def test_words_of_a_title_case_heading_are_a_doubtful_person(  # type: ignore[no-untyped-def]
        link, text: str, surface: str, doubtful: bool) -> None:
    assert (_confidence(link, text, surface) < 0.6) is doubtful  # type: ignore[operator]
    if doubtful:
        with switched_off("actors.names.heading_words_person"):
            assert (_confidence(link, text, surface) or 0.0) >= 0.6
