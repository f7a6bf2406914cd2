"""Coverage rules (issue 19, session 12): actions the coder used to drop. Each row: a
sentence (written for these tests) and an event, with its confidence, that must be
coded — or must not be."""

from __future__ import annotations

import pytest

from dossier.records import Event


def coded(evs: list[Event]) -> set[tuple[str, str | None, str | None, float]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code, e.confidence)
            for e in evs if not e.negated}


# (sentence, (code, source, target, confidence) that must be coded)
CODED = [
    # coding.unnamed_target: a hostile action on no actor is kept with an unknown
    # target, below the default min_confidence
    ("Syrian government missiles struck a rebel-held area near the border.",
     ("190", "SYR", None, 0.1)),
    # (the people repressed are its target: arguments.repressed_people, session 14)
    ("Kenyan police detained a man on Tuesday.", ("173", "KENCOP", "---CVL", 0.65)),
    ("Russian soldiers killed dozens of people in a village.", ("190", "RUSMIL", None, 0.1)),
    ("Russia criticised the decision.", ("111", "RUS", None, 0.1)),
    # its negatives: a named target is still the target
    ("Germany provided aid to the victims.", ("070", "DEU", "DEUCVL", 0.65)),  # guessed
    # patterns.ordered_action: what is ordered is the event, its orderer the source
    ("Russia ordered an investigation into Ukraine.", ("090", "RUS", "UKR", 0.6)),
    ("President Biden ordered sanctions on Russia.", ("163", "USAGOV", "RUS", 0.6)),
    # coding.said_must: saying another must act is a demand, coded by what is demanded
    ("Russia says Israel must end attacks on Syria.", ("100", "RUS", "ISR", 0.75)),
    ("France said Germany must provide aid to Greece.", ("103", "FRA", "DEU", 0.75)),
    # a verb pattern's object may be the object of its particle: going on strike
    ("Nigerian doctors went on strike against the government.",
     ("143", "NGAHLH", "---GOV", 0.65)),
    ("Kenyan dock workers went on strike on Monday.", ("143", "KENLAB", None, 0.15)),
    ("Putin went on a visit to China.", ("042", "RUSGOV", "CHN", 0.75)),
    # ending a strike is yielding; announced as not to be done, a refusal
    ("Kenyan dock workers said they will not end the strike until their pay is raised.",
     ("124", "KENLAB", None, 0.1)),
    ("Nigerian doctors called off the strike.", ("080", "NGAHLH", None, 0.1)),
    # defending a policy is verbal support of its owner; granting asylum is aid
    ("Mexican President Lopez Obrador defended Brazil's immigration policy.",
     ("052", "MEXGOV", "BRA", 0.75)),
    ("Ecuador granted asylum to the Australian journalist.", ("075", "ECU", "AUSMED", 0.75)),
]
# (sentence, a code that must not be coded at all)
NOT_CODED = [
    # cooperation needs the one it is for; a relative clause describes
    ("Germany paid the bill.", "061"),
    ("The sanctions that Russia has imposed on the region are harsh.", "163"),
    ("Russian soldiers were sleeping.", "190"),
    ("Russia will criticise the decision.", "111"),  # a modal: no one criticised yet
    ("Sunak struck a more conciliatory tone.", "190"),  # not_unnamed_targets: figurative
    ("Egypt blocked aid at the border.", "170"),  # aid for whom?
    ("Britain urged an investigation into Russia.", "090"),  # asked for, not ordered
    ("President Biden ordered sanctions on Russia.", "100"),  # no demand: the sanctions
    ("Egypt said it must respond to the attack.", "100"),  # the speaker must: no demand
    ("Russia says Israel will end attacks on Syria.", "100"),  # no obligation
    ("Kenyan teachers ended their lessons on Monday.", "080"),  # no strike ended
    ("Mexican President Lopez Obrador defended Brazil's immigration policy.", "074"),
    ("Ecuador granted visas to Australian journalists.", "075"),  # no asylum
]


@pytest.mark.parametrize(("text", "event"), CODED)
def test_coded(events, text: str, event: tuple) -> None:  # type: ignore[no-untyped-def]
    assert event in coded(events(text))


@pytest.mark.parametrize(("text", "code"), NOT_CODED)
def test_not_coded(events, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert code not in {e.code for e in events(text)}
