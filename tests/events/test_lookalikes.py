"""Words that look like a side or an event of one kind and are another
(``events.lookalikes``, ``datelines.dash_aside``, the think tank of ``[agents]``):
positives and negatives, sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.records import Event


def dyads(evs: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


def codes(evs: list[Event]) -> set[str]:
    return {e.code for e in evs}


# (sentence, a code that must not be there, a dyad that must be there or None)
MESSAGES = [
    ("The White House sent a memo to Congress on Tuesday.", "070", None),
    ("Mexico delivered a speech to the General Assembly.", "070", None),
    ("The Pentagon gave a briefing to Congress.", "070", None),
    ("Russia sent a note to Japan.", "070", None),
    ("China delivered a statement to the United Nations.", "070", None),
    # negatives: goods and troops sent stay aid; a letter is PETRARCH2's consultation
    ("Britain sent aid to Jordan.", None, ("070", "GBR", "JOR")),
    ("Germany delivered tanks to Ukraine.", None, ("070", "DEU", "UKR")),
    ("The State Department sent a letter to the Russian embassy.", None,
     ("040", "USAGOV", "RUSGOV")),
    ("The Kremlin sent a message of congratulations to Turkey.", None, ("040", "RUSGOV", "TUR")),
]


@pytest.mark.parametrize(("text", "absent", "present"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_message_not_aid(events, text: str, absent: str | None,
                         present: tuple[str, str, str] | None) -> None:
    evs = events(text)
    if absent is not None:
        assert absent not in codes(evs), dyads(evs)
    if present is not None:
        assert present in dyads(evs), dyads(evs)


# (sentence, the source code wanted)
ADMINISTRATION = [
    ("NASA launched a probe to Mars. The administration criticised China for the test.",
     "USAGOV"),
    ("The FDA approved a drug. The administration accused Russia of hacking.", "USAGOV"),
    # negatives: the agency named in full, or by its acronym, is the agency
    ("The Food and Drug Administration accused Russia of hacking.", "USAGOVHLH"),
    ("The FDA approved a drug. The FDA accused Russia of hacking.", "USAGOVHLH"),
]


@pytest.mark.parametrize(("text", "source"), ADMINISTRATION, ids=[a[0] for a in ADMINISTRATION])
def test_agency_short_form(events, text: str, source: str) -> None:
    evs = [e for e in events(text) if e.root in ("11",)]
    assert {e.source_actor and e.source_actor.code for e in evs} == {source}
    if source == "USAGOV":
        assert all(e.source_actor and e.source_actor.actor_id is None for e in evs)


# (sentence, source code wanted: the name before the dash, or None when it is a dateline)
DASHES = [
    ("NATO – the alliance of 32 nations – warned Russia against an attack.", "IGOWSTNAT"),
    ("NATO — the military alliance — condemned Russia on Friday.", "IGOWSTNAT"),
    # negatives: datelines keep their place out of the event
    ("WASHINGTON – Senator Jane Ward criticised Vladimir Putin.", None),
    ("TEHRAN -- Iran condemned the United States on Monday.", "IRN"),
    ("KABUL (Reuters) - the Afghan army attacked Pakistan on Monday.", "AFGMIL"),
]


@pytest.mark.parametrize(("text", "source"), DASHES, ids=[d[0] for d in DASHES])
def test_dash_aside(events, text: str, source: str | None) -> None:
    evs = events(text)
    assert evs
    got = {e.source_actor and e.source_actor.code for e in evs}
    if source is None:
        assert not got & {"USA", "USAGOV"}, got  # no source from the dateline
    else:
        assert got == {source}, got


# (sentence, source code wanted)
TANKS = [
    ("A Washington think tank criticised Russia for the invasion.", "USANGO"),
    # negative: armour stays the forces that use it
    ("Israeli tanks shelled Gaza on Monday.", "ISRMIL"),
]


@pytest.mark.parametrize(("text", "source"), TANKS, ids=[t[0] for t in TANKS])
def test_think_tank(events, text: str, source: str) -> None:
    assert {e.source_actor and e.source_actor.code for e in events(text)} == {source}


# (sentence, code, confidence below the default floor, modality) — None: not checked
DOUBTED = [
    # questions
    ("Will China invade Taiwan in 2027?", "138", True, None),
    ("Did Trump threaten Iran?", "130", True, None),
    ("Why did Russia attack Ukraine?", "190", True, None),
    ("Russia attacked Ukraine, the minister said.", "190", False, None),
    # plans told by others
    ("Iran reportedly plans to attack Israel.", "138", True, None),
    ("Hamas is believed to be preparing to attack Israel.", "138", True, None),
    ("Iran plans to attack Israel.", "138", False, None),
    # depictions
    ("The novel tells how Britain invaded Iceland.", "190", True, None),
    ("The new series portrays American soldiers attacking Iraq.", "190", True, None),
    ("Footage shows Israeli soldiers attacking Palestinians in Hebron.", "190", False, None),
    # schedules: an intention announced (03x), not the act
    ("Macron is scheduled to meet Xi in Paris.", "036", False, "future"),
    ("Japan is slated to send aid to Turkey.", "033", False, "future"),
    ("Macron met Xi in Paris.", "040", False, "asserted"),
]


@pytest.mark.parametrize(("text", "code", "hidden", "mode"), DOUBTED, ids=[d[0] for d in DOUBTED])
def test_doubted_and_scheduled(events, text: str, code: str, hidden: bool,
                               mode: str | None) -> None:
    evs = [e for e in events(text) if e.code == code and not e.negated]
    assert evs, [(e.code, e.confidence) for e in events(text)]
    assert all((e.confidence < 0.6) == hidden for e in evs), [e.confidence for e in evs]
    if mode is not None:
        assert {e.modality for e in evs} == {mode}


# (sentence, a dyad that must not be there, one that must): own forces sent are no
# target (lookalikes.own_forces_sent), a topic is no side (lookalikes.topic_of_noun)
SIDES = [
    ("The United States sent troops to Poland.", ("070", "USA", "USAMIL"), ("070", "USA", "POL")),
    ("Britain sent two warships to the Gulf.", ("070", "GBR", "GBRMIL"), None),
    ("Iran hosted a conference on Palestine in Tehran.", ("053", "IRN", "PSE"), None),
    ("Germany held talks on Ukraine with France.", ("046", "DEU", "UKR"), ("046", "DEU", "FRA")),
    # negatives: the recipient of "with", another country's forces, aimed nouns stay
    ("China provided weapons to Russia.", None, ("070", "CHN", "RUS")),
    ("Russia supplied the Syrian army with weapons.", None, ("070", "RUS", "SYRMIL")),
    ("The United States imposed sanctions on Russia.", None, ("163", "USA", "RUS")),
    ("Russia launched an attack on Ukraine.", None, ("190", "RUS", "UKR")),
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


# (sentence, negated): "has yet to" is not done (lookalikes.not_yet)
YET = [
    ("Russia has yet to attack Finland.", True),
    ("China is yet to sign the deal with Brazil.", True),
    ("Russia has attacked Finland yet again.", False),
    ("Russia attacked Finland.", False),
]


@pytest.mark.parametrize(("text", "negated"), YET, ids=[y[0] for y in YET])
def test_not_yet(events, text: str, negated: bool) -> None:
    evs = events(text)
    assert evs and all(e.negated == negated for e in evs)
