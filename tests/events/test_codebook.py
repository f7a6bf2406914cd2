"""Codes and sides the CAMEO codebook settles (``events/codebook.py``, session 23):
pardons, mediation, deals told of, policies named, races
called. Positives and negatives, sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.records import Event
from dossier.rules import switched_off

Dyad = tuple[str, str | None, str | None]


def dyads(evs: list[Event]) -> set[Dyad]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


# (rule, sentence, a dyad that must not be coded, one that must; None: no check)
CODES = [
    # codebook.pardon: a formal pardon is a release of persons (0841), not 060/081/080
    ("pardon", "The Russian president granted a pardon to two American sailors.",
     ("081", "RUSGOV", "USA"), ("0841", "RUSGOV", "USA")),
    ("pardon", "The Kenyan president granted the jailed journalist a full pardon.",
     ("060", "KENGOV", "---MED"), ("0841", "KENGOV", "---MED")),
    # a pardon announced: the intention to release persons (0353)
    ("pardon", "President Macron will pardon the jailed activists.",
     ("035", "FRAGOV", "---OPP"), ("0353", "FRAGOV", "---OPP")),
    # negatives: other things granted keep their codes
    ("pardon", "Kenya granted a loan to Uganda.", None, ("071", "KEN", "UGA")),
    ("pardon", "The Tanzanian president granted a visa to the Kenyan minister.", None,
     ("060", "TZAGOV", "KENGOV")),
    # codebook.mediation: mediating is 045, the parties its targets
    ("mediation", "Norway mediated an end to the fighting between Sudan and South Sudan.",
     ("080", "NOR", "SDN"), ("045", "NOR", "SSD")),
    # negatives: an offer to mediate stays an intention (039); a compromise a yielding
    ("mediation", "Qatar offered to mediate between Ethiopia and Eritrea.", None,
     ("039", "QAT", "ETH")),
    ("mediation", "Egypt agreed to a compromise with Sudan.", None, ("030", "EGY", "SDN")),
    # codebook.announced_deal: the teller of a deal between others is no party
    ("announced_deal", "The Kremlin announced a deal between Armenia and Azerbaijan.",
     ("060", "RUSGOV", "ARM"), None),
    ("announced_deal", "The State Department unveiled an agreement between Egypt and Sudan.",
     ("050", "USAGOV", "EGY"), None),
    # negatives: a party's own deal; a deal brokered
    ("announced_deal", "Armenia announced a deal with Azerbaijan.", None, ("060", "ARM", "AZE")),
    ("announced_deal", "The African Union brokered a deal between Ethiopia and Eritrea.", None,
     ("045", "IGOAFRAFU", "ETH")),
    # codebook.race_called: a race called for a candidate is no appeal
    ("race_called", "The AP called Georgia for Joe Biden.", ("020", "USAMED", "USAGOV"), None),
    # negatives: a call on a state; a state called out (criticism)
    ("race_called", "Biden called on Russia to withdraw its troops.", None,
     ("0256", "USAGOV", "RUS")),
    ("race_called", "The UK called out Iran for its attacks on shipping.", None,
     ("111", "GBR", "IRN")),
    # codebook.policy_name: a name that modifies a policy is no side
    ("policy_name", "The German chancellor criticized the China policy of the United States.",
     ("111", "DEUGOV", "CHN"), None),
    # negatives: the policy's owner is the side
    ("policy_name", "The senator defended Trump's policy.", None, ("052", "---LEG", "USAPTY")),
    ("policy_name", "Germany criticized the White House plan.", None, ("111", "DEU", "USAGOV")),
]


@pytest.mark.parametrize(("rule", "text", "absent", "present"), CODES,
                         ids=[c[1][:50] for c in CODES])
def test_codebook(events, rule: str, text: str, absent: Dyad | None,
                  present: Dyad | None) -> None:
    got = dyads(events(text))
    if absent is not None:
        assert absent not in got, got
        with switched_off(f"events.codebook.{rule}"):
            assert absent in dyads(events(text))  # the rule is what removes it
    if present is not None:
        assert present in got, got
