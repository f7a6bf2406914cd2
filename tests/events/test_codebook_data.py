"""Codes the CAMEO codebook settles through the data files (issue 19, session 24):
economic sanctions and tariffs eased (085), a blockade lifted (0872), lawsuits (115),
human shields (184), a protest announced (133), rejecting another's proposal (12x, the
proposer the target), and a call made to reassure (051, rule
``events.coding.called_to_support``). Made-up sentences, positives and negatives."""

from __future__ import annotations

import pytest

from dossier.records import Event
from dossier.rules import switched_off

Fact = tuple[str, str | None, str | None]


def facts(evs: list[Event]) -> set[Fact]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


# (sentence, a fact that must be coded, one that must not; None: no check)
CODES: list[tuple[str, Fact | None, Fact | None]] = [
    # economic sanctions, tariffs eased: 085 (RETREAT), not 081's administrative ones
    ("Germany lifted sanctions against Iran on Wednesday.", ("085", "DEU", "IRN"),
     ("081", "DEU", "IRN")),
    ("The United States rolled back tariffs on Chinese steel.", ("085", "USA", "CHN"), None),
    # a military blockade lifted: 0872
    ("The Israeli army lifted the blockade on Palestinian lorries.",
     ("0872", "ISRMIL", "PSE"), ("081", "ISRMIL", "PSE")),
    # negatives: a curfew lifted stays 081; tariffs imposed stay a sanction
    ("Kenya lifted the curfew in Nairobi.", ("081", "KEN", None), None),
    ("Kenya imposed tariffs on Ugandan sugar.", ("160", "KEN", "UGA"), ("085", "KEN", "UGA")),
    # suing is a lawsuit (115), not an arrest (173); in the passive too
    ("A Kenyan businessman sued the Ugandan government over the seized land.",
     ("115", "KENBUS", "UGAGOV"), ("173", "KENBUS", "UGAGOV")),
    ("The Ugandan government was sued by a Kenyan businessman.",
     ("115", "KENBUS", "UGAGOV"), None),
    # human shields: 184; people held elsewhere are no shields
    ("Ugandan rebels are holding Kenyan villagers as human shields.",
     ("184", "UGAREB", "KENCVL"), None),
    ("Ugandan rebels are holding Kenyan villagers in a camp.", None,
     ("184", "UGAREB", "KENCVL")),
    # a protest announced is a threat of protest (133); a protest done stays 14x
    ("Kenyan teachers said they would protest against the Kenyan government.",
     ("133", "KENEDU", "KENGOV"), ("140", "KENEDU", "KENGOV")),
    ("Kenyan opposition parties said they would boycott the elections.",
     ("133", "KENOPP", None), ("143", "KENOPP", None)),
    ("Kenyan teachers protested against the Kenyan government.",
     ("140", "KENEDU", "KENGOV"), None),
    # rejecting what another proposes rejects the proposer
    ("Uganda rejected Kenya's proposal for a ceasefire.", ("120", "UGA", "KEN"), None),
    ("Uganda rejected a proposal from Kenya.", ("120", "UGA", "KEN"), None),
    ("Uganda rejected the report.", None, ("120", "UGA", "KEN")),
]


@pytest.mark.parametrize(("text", "present", "absent"), CODES, ids=[c[0][:50] for c in CODES])
def test_codebook_data(events, text: str, present: Fact | None,  # type: ignore[no-untyped-def]
                       absent: Fact | None) -> None:
    got = facts(events(text))
    if present is not None:
        assert present in got, got
    if absent is not None:
        assert absent not in got, got


CALLS: list[tuple[str, Fact, Fact | None]] = [
    # a call made to reassure or congratulate is support (051), whoever is called
    ("The Kenyan president called his Ugandan counterpart on Wednesday to congratulate him.",
     ("051", "KENGOV", "UGA"), ("020", "KENGOV", "UGA")),
    # negative: a call on someone to reassure others stays an appeal
    ("The Kenyan president called on his Ugandan counterpart to reassure the refugees.",
     ("022", "KENGOV", "UGA"), None),
]


@pytest.mark.parametrize(("text", "present", "before"), CALLS, ids=[c[0][:50] for c in CALLS])
def test_called_to_support(events, text: str, present: Fact,  # type: ignore[no-untyped-def]
                           before: Fact | None) -> None:
    assert present in facts(events(text))
    if before is not None:
        with switched_off("events.coding.called_to_support"):
            assert before in facts(events(text))
