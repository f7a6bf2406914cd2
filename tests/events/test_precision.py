"""Precision rules (issue 19): non-actors, places that modify a noun, sport, business
and figurative uses of conflict verbs, wishes and questions, negation scope, and the
confidence of events with an unknown side. Each row: a sentence (written for these
tests), and an event that must be coded — or must not be — with what it must carry."""

from __future__ import annotations

import pytest

from dossier.records import Event


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


# (sentence, an event that must not be coded)
NOT_CODED = [
    ("The dieback disease is killing New Zealand's native kauri trees.", ("190", None, "NZL")),
    ("A photographer and Navy veteran is fighting Canada in court.", ("190", None, None)),
    ("Israeli soldiers fired two 120 mm rounds at the reporters.", ("190", "ISRMIL", None)),
    ("Egypt opposed the Madrid peace talks.", ("125", "EGY", "ESP")),
    ("Russia beat Croatia on Monday.", ("190", "RUS", "HRV")),
    ("Serbia criticised Croatia after the 2-1 defeat in the World Cup match.",
     ("111", "SRB", "HRV")),
    ("Argentina thanked Brazil for the football match.", ("051", "ARG", "BRA")),
    ("Chinese companies agreed to invest in American firms.", ("030", "CHNBUS", None)),
    ("The United States hopes to hammer out an agreement with Iran.", ("190", "USA", "IRN")),
    # the owner of a relative, a business or a belonging is not the actor
    ("Putin's daughter met the Chinese ambassador.", ("040", "RUSGOV", "CHNGOV")),
    ("Russia's economy hit China hard.", ("190", "RUS", "CHN")),
    # a line linking to another story
    ("Read more: Russia attacked Ukraine on Monday.", ("190", "RUS", "UKR")),
    ("SEE MORE: Chinese police crushed protests in Hong Kong.", ("175", "CHNCOP", None)),
    # tariffs are no coercion, force on a protest is no military force
    ("The United States imposed tariffs on Chinese steel.", ("163", "USA", "CHN")),
    ("Beijing retaliated with tariffs on American soybeans.", ("190", "CHN", "USA")),
    ("Israeli soldiers attacked Palestinian protesters in Hebron.", ("190", "ISRMIL", "PSEOPP")),
    # commerce and products passed by a regulator or put on the market
    ("The FDA approved Pfizer's vaccine for children on Monday.", ("080", "USAGOVHLH", "---CVL")),
    ("Moscow awarded a contract to Rosatom to build a plant in Egypt.",
     ("0312", "RUS", "RUSGOVBUS")),
]
# (sentence, an event that must still be coded): the negatives of the rules above
CODED = [
    ("Israeli soldiers fired rockets at Lebanese villages.", ("194", "ISRMIL", "LBNCVL")),
    ("Israeli army bulldozers demolished Palestinian homes.", ("1712", "ISRMIL", "PSE")),
    ("Syria fired rockets at Israel.", ("194", "SYR", "ISR")),
    ("Israeli soldiers beat Palestinian protesters.", ("175", "ISRMIL", "PSEOPP")),
    ("Nigerian authorities jailed separatists for playing in a football tournament.",
     ("173", "NGAGOV", "---REB")),
    ("Serbia criticised Croatia on Monday.", ("111", "SRB", "HRV")),
    ("Putin's spokesman attacked Ukraine.", ("190", "RUSGOV", "UKR")),
    ("Russia's army attacked Ukraine.", ("190", "RUSMIL", "UKR")),
    ("Russia attacked Ukraine on Monday.", ("190", "RUS", "UKR")),
    ("The United States imposed tariffs on Chinese steel.", ("160", "USA", "CHN")),
    ("The United States imposed sanctions on Iran.", ("163", "USA", "IRN")),
    ("Israeli soldiers attacked Palestinian protesters in Hebron.", ("175", "ISRMIL", "PSEOPP")),
    ("Israeli soldiers attacked Palestinian fighters in Gaza.", ("190", "ISRMIL", "PSEUAF")),
    # approving a plan or a loan, launching an attack: no product
    ("The World Bank approved a loan to Ghana.", ("0311", "IGOUNODEVWBK", "GHA")),
    ("Russia launched an attack on Ukraine.", ("190", "RUS", "UKR")),
    # the article's state, given by a city of it in the paragraph
    ("Protests spread across China.\nIn Shanghai the police cracked down on demonstrators.",
     ("175", "CHNCOP", "CHNOPP")),
]


@pytest.mark.parametrize(("text", "dyad"), NOT_CODED, ids=[t[:40] for t, _ in NOT_CODED])
def test_no_political_event(events, text: str, dyad: tuple) -> None:  # type: ignore[no-untyped-def]
    assert dyad not in dyads(events(text))


@pytest.mark.parametrize(("text", "dyad"), CODED, ids=[t[:40] for t, _ in CODED])
def test_still_coded(events, text: str, dyad: tuple) -> None:  # type: ignore[no-untyped-def]
    assert dyad in dyads(events(text))


# (sentence, code, expected modality or "negated"/"asserted-not-negated")
MODALITY = [
    ("The United States hopes that Iran can attack Israel.", "190", "intended"),
    ("Russia blocked aid in an attempt to force the United States to leave Syria.", None, None),
    ("The minister dodged questions on whether China attacked Taiwan.", "190", "hypothetical"),
    ("Iran attacked Israel on Monday.", "190", "asserted"),
    ("Donald Trump has been eager to withdraw American troops from Syria.", "087", "intended"),
]


@pytest.mark.parametrize(("text", "code", "mode"), MODALITY, ids=[t[:40] for t, *_ in MODALITY])
def test_wishes_and_questions_are_not_asserted(events, text: str, code: str | None,  # type: ignore[no-untyped-def]
                                               mode: str | None) -> None:
    evs = events(text)
    if code is None:  # nothing asserted of a material kind
        assert not [e for e in evs if e.modality == "asserted" and e.quad_class in (2, 4)]
    else:
        assert {e.modality for e in evs if e.code == code} == {mode}


NEGATION = [
    # the demand stands: "does not deny" takes back nothing, and not its conjunct
    ("The party does not deny that the bill is flawed, but is demanding that Britain "
     "withdraw its troops.", "1056", False),
    ("Sudan will halt its obstruction and cooperate with the United Nations.", "060", False),
    ("Pakistan was criticised for its failure to crack down on Indian militants.", "175", True),
    ("China refused to criticise Russia.", "111", True),
]


@pytest.mark.parametrize(("text", "code", "neg"), NEGATION, ids=[t[:40] for t, *_ in NEGATION])
def test_negation_scope(events, text: str, code: str, neg: bool) -> None:  # type: ignore[no-untyped-def]
    found = [e.negated for e in events(text) if e.code == code]
    assert found and all(n is neg for n in found)


CONFIDENCE = [
    # both sides in a country, by a Dossier pattern: the highest
    ("Taiwan criticised China.", "111", 0.7, 1.0),
    # supposed, wished, told in a relative clause: hidden
    ("If China invades Taiwan, the US would sanction China.", "163", 0.0, 0.4),
    ("Russia wants to attack Ukraine.", "13", 0.0, 0.4),
    ("Germany said Russia must withdraw its troops from Ukraine.", "087", 0.0, 0.4),
    ("The aid that Germany gave to Ukraine was large.", "070", 0.0, 0.4),
    # an intention announced, a threat: shown
    ("Spain will send medical aid to Morocco.", "033", 0.6, 1.0),
    ("Russia threatened to attack Ukraine.", "138", 0.6, 1.0),
    ("Russia attacked Ukraine on Monday.", "190", 0.6, 1.0),
    # an attack with no known attacker, and two people of no known country: hidden
    ("Two Russian soldiers were killed in Syria.", "190", 0.0, 0.4),
    ("John Miller met Sarah Jones in London.", "040", 0.0, 0.4),
    # a protest names its source alone: kept, below the floor (on the dev sets the
    # gold names a target for nearly every one-sided record: 1 in 18 right)
    ("Students in Kenya rallied on Monday.", "140", 0.1, 0.2),
    # a doubt caps the confidence, never raises it: supposed, of no known country
    ("Smith is likely to attack Jones.", "190", 0.0, 0.1),
    ("Russia is likely to attack Ukraine.", "190", 0.2, 0.25),
]


@pytest.mark.parametrize(("text", "code", "low", "high"), CONFIDENCE,
                         ids=[t[:40] for t, *_ in CONFIDENCE])
def test_confidence(events, text: str, code: str, low: float, high: float) -> None:  # type: ignore[no-untyped-def]
    found = [e.confidence for e in events(text) if e.code.startswith(code[:2])]
    assert found and all(low <= c <= high for c in found), found


# (sentence, the source code of its event): a generic state agent given only the
# article's state takes no country from the event's own target
# (arguments.guess_is_other_side); negatives: a country the text names, a domestic
# target, a group that may rise against its own state.
OWN_SIDE = [
    ("Governments typically impose sanctions on Iran after such tests.", "---GOV"),
    ("Protests spread across Iran. The police criticised Iran.", "---COP"),
    ("Iranian police criticised Iran.", "IRNCOP"),
    ("Protests spread across Iran. In Tehran the police arrested protesters.", "IRNCOP"),
    ("Protests spread across China. In Shanghai the police cracked down on "
     "demonstrators.", "CHNCOP"),
    ("Fighting spread across Kenya. The rebels said they attacked Kenya.", "KENREB"),
]


@pytest.mark.parametrize(("text", "source"), OWN_SIDE, ids=[t[:40] for t, _ in OWN_SIDE])
def test_a_group_is_not_its_own_target(events, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    found = {e.source_actor.code for e in events(text) if e.source_actor}
    assert found == {source}, found


@pytest.mark.parametrize(("confidence", "source"), [(0.3, None), (0.9, "TWN")])
def test_unsure_mention_is_no_side(confidence: float, source: str | None) -> None:
    """A mention the actor stage is unsure of (below MIN_MENTION_CONFIDENCE) names no
    side; a sure one does."""
    from dataclasses import replace

    from dossier.analysis import analysers
    from dossier.events.extract import extract_events

    an = analysers()
    parsed = an.read("Taiwan criticised China.")
    parsed.set_mentions([replace(m, confidence=confidence) if m.text == "Taiwan" else m
                         for m in parsed.mentions])
    found = {(e.code, e.source_actor and e.source_actor.code)
             for e in extract_events(parsed, an.geo)}
    assert ("111", "TWN") in found if source else ("111", "TWN") not in found
