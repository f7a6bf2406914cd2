"""Shown events that were no event or had the wrong side (issue 19, session 21): a
campaign pledge ("If elected, X will …"), what an actor does by habit ("typically",
"has long"), a stance the source's side holds read as its target, and opponents of an
actor taken for the actor. Each row: a sentence written for these tests, the rule, and
the record expected with the rule on — positives (the rule acts) and negatives (the
same kind of sentence that it must leave alone). tests/events/test_rules.py switches
each rule off."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.records import Event
from dossier.rules import switched_off

FLOOR = 0.6  # settings' default min_confidence


def records(text: str) -> set[tuple[str, str | None, str | None, str, bool]]:
    """(code, source code, target code, modality, shown) of each non-negated event."""
    an = analysers()
    evs: list[Event] = extract_events(an.read(text, published=date(2024, 5, 16)), an.geo)
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code, e.modality, e.confidence >= FLOOR)
            for e in evs if not e.negated}


# (rule, sentence, record with the rule on, is the rule what makes it so?)
ROWS = [
    # a pledge on gaining office: hidden
    ("modality.election_condition", "If elected, Joe Biden will impose sanctions on Russia.",
     ("1312", "USAGOV", "RUS", "hypothetical", False), True),
    ("modality.election_condition", "If he wins the election, Joe Biden will meet Vladimir "
     "Putin.", ("036", "USAGOV", "RUSGOV", "hypothetical", False), True),
    # "if he wins", in reported speech
    ("modality.election_condition", "Trump said that if he wins, he will impose tariffs on "
     "China.", ("1312", "USAPTY", "CHN", "hypothetical", False), True),
    # a condition on another's act is a threat
    ("modality.election_condition", "Joe Biden will impose sanctions on Russia if Moscow "
     "attacks Ukraine.", ("1312", "USAGOV", "RUS", "future", True), False),
    # a past election is no condition; a war won is no office
    ("modality.election_condition", "Joe Biden will meet Vladimir Putin after he wins the "
     "election.", ("036", "USAGOV", "RUSGOV", "future", True), False),
    ("modality.election_condition", "If Iran wins the war, it will attack Israel.",
     ("138", "IRN", "ISR", "future", True), False),
    # what an actor does as a rule, or has long done: a description, hidden
    ("modality.habitual", "China typically sends aid to African countries.",
     ("070", "CHN", "AFR", "asserted", False), True),
    ("modality.habitual", "Iran usually condemns Israel after such attacks.",
     ("111", "IRN", "ISR", "asserted", False), True),
    # "has long"
    ("modality.habitual", "China has long supported Pakistan.",
     ("051", "CHN", "PAK", "asserted", False), True),
    # news, and a repeated act, stay shown
    ("modality.habitual", "China sent aid to Kenya on Monday.",
     ("070", "CHN", "KEN", "asserted", True), False),
    ("modality.habitual", "The United States has repeatedly criticized China.",
     ("111", "USA", "CHN", "asserted", True), False),
    # "as long as" is a condition, no habit
    ("modality.habitual", "Russia is willing to withdraw its troops from Poland as long as "
     "NATO withdraws.", ("0356", "RUS", "POL", "intended", True), False),
    # opponents of X are X's opposition, not X: as the source, as the target
    ("arguments.opponents_of", "Political opponents of the Maldives government clashed "
     "with police.", ("190", "MDVOPP", "MDVCOP", "asserted", True), True),
    ("arguments.opponents_of", "Police arrested opponents of the Belarusian government.",
     ("173", "---COP", "BLROPP", "asserted", True), True),
    # members are a part of it (``partitive``)
    ("arguments.opponents_of", "Members of the Kenyan government accused Uganda of fraud.",
     ("112", "KENGOV", "UGA", "asserted", True), False),
    # a stance held by the source's side is no target
    ("arguments.owned_stance", "Antonio Guterres reiterated the U.N.'s commitment to "
     "supporting Lebanon.", ("030", "IGOUNOGOV", None, "asserted", False), True),
    ("arguments.owned_stance", "Erdogan reiterated Turkey's support for the rebels in Libya.",
     ("051", "TURGOV", "LBYREB", "asserted", True), False),
    # another side's stance, another person's, and a policy (no stance) stay targets
    ("arguments.owned_stance", "The EU welcomed Turkey's support for the Libyan "
     "government.", ("051", "IGOEUREEC", "TUR", "asserted", True), False),
    ("arguments.owned_stance", "Hillary Clinton criticized Donald Trump's support for the "
     "plan.", ("111", "USA", "USAPTY", "asserted", True), False),
    ("arguments.owned_stance", "Lopez Obrador defended Mexico's immigration policy.",
     ("052", "MEXGOV", "MEX", "asserted", True), False),
]


@pytest.mark.parametrize(("rule", "text", "record", "by_rule"), ROWS,
                         ids=[f"{r[0]}:{r[1][:40]}" for r in ROWS])
def test_record(rule: str, text: str, record: tuple, by_rule: bool) -> None:
    """With the rule on, a positive's record is the one written, not there with the rule
    off; a negative's is there, with the rule on and off."""
    with switched_off(f"events.{rule}"):
        without = records(text)
    assert record in records(text)
    assert (record not in without) == by_rule, without
