"""What the default view shows (issue 19, session 19): shapes of wrong shown events
found on the tuning material — an action judged or welcomed told as done, a voter's
stance, the topic of a talk as its side, a dateline's place as the actor, a claim read
as a demand, rivals' quarrels, the enemies of a country as its
people, races and speeches read as fights and aid. Each row: a sentence written
for these tests, the event (code, source code, target code) and whether the default
view shows it; the negatives are the same kinds of sentence told as news. Each rule is
also switched off in tests/events/test_rules.py."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.records import Event

FLOOR = 0.6  # settings' default min_confidence


def shown(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code)
            for e in evs if not e.negated and e.confidence >= FLOOR}


# (rule, sentence, event, shown?)
ROWS = [
    ("judged_act", "Germany welcomed Turkey to mediate between Russia and Ukraine.",
     ("045", "TUR", "RUS"), False),
    ("judged_act", "Turkey mediated between Russia and Ukraine.", ("045", "TUR", "RUS"), True),
    ("judged_act", "The mayor of Boston went to Moscow to attack Vladimir Putin.",
     ("190", "---GOV", "RUSGOV"), True),
    ("vox_pop", "Jane Ward, 44, a nurse from Ohio, is backing Joe Biden.",
     ("051", None, "USAGOV"), False),
    ("vox_pop", "Jane Ward is backing Joe Biden.", ("051", None, "USAGOV"), True),
    ("vox_pop", "Senator Jane Ward, 44, is backing Joe Biden.", ("051", None, "USAGOV"), True),
    ("vox_pop", "Jane Ward, 44, a Republican senator from Ohio, is backing Joe Biden.",
     ("051", None, "USAGOV"), True),
    ("topic_object", "Erdogan met Vladimir Putin in Ankara.", ("040", "TURGOV", "RUSGOV"),
     True),
    ("dateline", "Washington (AFP) – Senator Jane Ward has taken a swipe at Vladimir Putin.",
     ("111", "USA", "RUSGOV"), False),
    ("dateline", "Washington (AFP) – Senator Jane Ward has taken a swipe at Vladimir Putin.",
     ("111", None, "RUSGOV"), True),
    ("dateline", "Moscow criticised Germany – again.", ("111", "RUS", "DEU"), True),
    ("dateline", "LAGOS (Reuters) - Nigerian troops killed 20 Boko Haram fighters in Borno.",
     ("190", "NGAMIL", "---UAF"), True),
    ("dateline", "LAGOS (Reuters) - Nigerian troops killed 20 Boko Haram fighters in Borno.",
     ("190", "GBRMED", "---UAF"), False),
    ("dateline", "Hamas – the group that rules Gaza – attacked Israel.", ("190", "PSEREB", "ISR"),
     True),
    ("claimed_clause", "Germany insists Serbia is sending troops to Kosovo.",
     ("103", "DEU", "SRB"), False),
    ("claimed_clause", "Germany insists Serbia must withdraw its troops.",
     ("1056", "DEU", "SRB"), True),
    ("claimed_clause", "Germany demanded that Serbia withdraw its troops from Kosovo.",
     ("1056", "DEU", "SRB"), True),
    ("claimed_clause", "Officials insist that Joe Biden will win the election.",
     ("100", "---GOV", "USAGOV"), False),
    ("not_by_country_word", "Vladimir Putin backs American adversaries around the world.",
     ("051", "RUSGOV", "USA"), False),
    ("not_by_country_word", "Russian soldiers attacked Ukrainian positions.",
     ("190", "RUSMIL", "UKR"), True),
    ("verbal_attack", "Joe Biden and Bernie Sanders are fighting about taxes.",
     ("190", "USAGOV", "USALEG"), False),
    ("verbal_attack", "Russia and Ukraine are fighting near Bakhmut.", ("190", "RUS", "UKR"),
     True),
    ("verbal_attack", "Israeli soldiers and Hamas fighters clashed in Gaza.",
     ("190", "ISRMIL", "PSEREB"), True),
    # figurative (data: [precision] figurative)
    ("figurative", "Joe Biden and Donald Trump are fighting for second place.",
     ("190", "USAGOV", "USAGOV"), False),
    ("figurative", "Russia and Ukraine are fighting for control of Bakhmut.",
     ("190", "RUS", "UKR"), True),
    ("figurative", "Russia gave a speech to China.", ("070", "RUS", "CHN"), False),
    ("figurative", "Ukraine gave weapons to Poland.", ("070", "UKR", "POL"), True),
]


@pytest.fixture(scope="module")
def an():  # type: ignore[no-untyped-def]
    return analysers()


@pytest.mark.parametrize(("rule", "text", "event", "is_shown"), ROWS,
                         ids=[f"{r[0]}-{'shown' if r[3] else 'hidden'}-{i}"
                              for i, r in enumerate(ROWS)])
def test_shown_by_default(an, rule: str, text: str, event: tuple, is_shown: bool  # type: ignore[no-untyped-def]
                          ) -> None:
    got = shown(extract_events(an.read(text, published=date(2024, 5, 16)), an.geo))
    assert (event in got) is is_shown, got


# (sentence, the topic that is no target, the one consulted)
TOPICS = [("Erdogan discussed Syria with Vladimir Putin.", "SYR", "RUSGOV")]


@pytest.mark.parametrize(("text", "topic", "side"), TOPICS)
def test_topic_object(an, text: str, topic: str, side: str) -> None:  # type: ignore[no-untyped-def]
    """precision.topic_object at any confidence: the talk's topic is no target."""
    targets = {e.target_actor and e.target_actor.code
               for e in extract_events(an.read(text, published=date(2024, 5, 16)), an.geo)}
    assert side in targets and topic not in targets, targets
