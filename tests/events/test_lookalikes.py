"""Words that look like a side or an event of one kind and are another
(``events.lookalikes``, the think tank of ``[agents]``, a final as sport):
positives and negatives, sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.records import Event


def dyads(evs: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


# (sentence, source code wanted)
TANKS = [
    ("A Washington think tank criticised Russia for the invasion.", "USANGO"),
    # negative: armour stays the forces that use it
    ("Israeli tanks shelled Gaza on Monday.", "ISRMIL"),
]


@pytest.mark.parametrize(("text", "source"), TANKS, ids=[t[0] for t in TANKS])
def test_think_tank(events, text: str, source: str) -> None:
    assert {e.source_actor and e.source_actor.code for e in events(text)} == {source}


# (sentence, code, modality): a schedule is an intention announced (03x), not the act
# (lookalikes.scheduled); shown (confidence at the default floor or above)
SCHEDULED = [
    ("Macron is scheduled to meet Xi in Paris.", "036", "future"),
    ("Japan is slated to send aid to Turkey.", "033", "future"),
    # negative: the act done
    ("Macron met Xi in Paris.", "040", "asserted"),
]


@pytest.mark.parametrize(("text", "code", "mode"), SCHEDULED, ids=[d[0] for d in SCHEDULED])
def test_scheduled(events, text: str, code: str, mode: str) -> None:
    evs = [e for e in events(text) if e.code == code and not e.negated]
    assert evs, [(e.code, e.confidence) for e in events(text)]
    assert all(e.confidence >= 0.6 for e in evs), [e.confidence for e in evs]
    assert {e.modality for e in evs} == {mode}


# (sentence, a dyad that must not be there, one that must): own forces sent are no
# target (lookalikes.own_forces_sent)
SIDES = [
    ("The United States sent troops to Poland.", ("070", "USA", "USAMIL"), ("070", "USA", "POL")),
    ("Britain sent two warships to the Gulf.", ("070", "GBR", "GBRMIL"), None),
    # negatives: the recipient of "with", another country's forces stay
    ("China provided weapons to Russia.", None, ("070", "CHN", "RUS")),
    ("Russia supplied the Syrian army with weapons.", None, ("070", "RUS", "SYRMIL")),
    # own envoys sent are no target (lookalikes.own_envoy_sent, session 21); negatives:
    # one sent a letter, another country's official
    ("The United States sent Secretary of State Antony Blinken to join the meeting.",
     ("070", "USA", "USAGOV"), None),
    ("Britain sent its ambassador to Iran.", ("050", "GBR", "GBRGOV"), ("050", "GBR", "IRN")),
    ("President Joe Biden sent Antony Blinken a letter.", None, ("040", "USAGOV", "USAGOV")),
    ("Russia sent the Syrian president a message.", None, ("040", "RUS", "SYRGOV")),
    # condolences are an empathetic comment, not aid (event_patterns.toml, session 21)
    ("Vladimir Putin sent his condolences to Recep Tayyip Erdogan.",
     ("070", "RUSGOV", "TURGOV"), ("018", "RUSGOV", "TURGOV")),
    ("Russia offered its sympathies to Iran.", None, ("018", "RUS", "IRN")),
    ("Japan sent aid to Turkey.", None, ("070", "JPN", "TUR")),
    # an interview given consults no one (precision.interview_given); negatives: a call,
    # a meeting at a conference
    ("Joe Biden spoke to Wikinews in an interview.", ("040", "USAGOV", None), None),
    ("Joe Biden spoke to Vladimir Putin in a phone call.", None, ("040", "USAGOV", "RUSGOV")),
    ("Joe Biden met Vladimir Putin in Geneva.", None, ("040", "USAGOV", "RUSGOV")),
]


@pytest.mark.parametrize(("text", "absent", "present"), SIDES, ids=[s[0] for s in SIDES])
def test_sides_not_taken(events, text: str, absent: tuple | None, present: tuple | None
                         ) -> None:
    got = dyads(events(text))
    if absent is not None:
        assert absent not in got, got
    if present is not None:
        assert present in got, got


# a final is a game (``precision.sports_sentence``, a noun the tagger calls an adjective)
FINALS = [
    ("Brazil and Argentina clashed in the Copa America final.", False),
    ("Russia accused Ukraine of shelling the plant in the final days of the war.", True),
]


@pytest.mark.parametrize(("text", "coded"), FINALS, ids=[f[0] for f in FINALS])
def test_final_is_sport(events, text: str, coded: bool) -> None:
    assert bool(events(text)) == coded

