"""Frames that make a coded verb no event, or no event yet (issue 19, session 15):
idioms of light verbs, interview questions, life stories, aims of a move or a call,
requests for comment, agreeing with a view, warnings of a risk
(``dossier.events.frames``). Every rule: its sentence loses the event with the rule on
and keeps it off (tests/events/test_rules.py lists these rules as shown here), and
sentences of the same shape that are events stay coded. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.records import Event
from dossier.rules import BOOKS, switched_off


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


def modes(evs: list[Event]) -> set[tuple[str, str]]:
    return {(e.code, e.modality) for e in evs}


# (rule, sentence, the event coded with the rule off and not with it on)
DROPPED = [
    ("idiom", "Russia took a tougher stance on Ukraine.", ("171", "RUS", "UKR")),
    ("idiom", "Germany gave France a demonstration of its new tank.", ("070", "DEU", "FRA")),
    ("idiom", "Pakistan gave India an award for its cooperation.", ("070", "PAK", "IND")),
    ("idiom", "India was given an award by Pakistan.", ("070", "PAK", "IND")),
    ("idiom", "British universities met the standards set by the European Union.",
     ("040", "GBREDU", "IGOEUREEC")),
    ("idiom", "The French government has sworn in its new cabinet.", ("110", "FRAGOV", None)),
    # session 21 (Wikinews 2020 tuning sheet): a tally or a post given, a race called
    ("idiom", "The Kenyan president won 39 delegates, giving him a total of 54 delegates.",
     ("070", "KENGOV", "---LEG")),
    ("idiom", "The Kenyan minister was given new posts by the Ugandan president.",
     ("070", None, "KENGOV")),
    ("idiom", "Kenyan television called the election for the Ugandan president.",
     ("0241", "KENMED", "UGAGOV")),
    ("idiom", "Iran took part in the talks with the United States.", ("030", "IRN", "USA")),
    ("interview_question",
     "The Kenyan president asked the Ugandan president whether he would attend.",
     ("026", "KENGOV", "UGAGOV")),
    ("interview_question",
     "Asked why Russia had not withdrawn, the German chancellor said talks continued.",
     ("0256", "DEUGOV", "RUS")),
    ("interview_question", "Kenya asked Uganda about the border.", ("020", "KEN", "UGA")),
    ("interview_question", "The Kenyan president asked Uganda's president, \"Will you attend?\"",
     ("026", "KENGOV", "UGAGOV")),
    ("life_story", "Angela Merkel attended the University of Leipzig.", ("040", "DEUGOV", None)),
    ("life_story", "Angela Merkel served as an adviser to the French government.",
     ("060", "DEUGOV", "FRAGOV")),
    ("comment_request", "The BBC has contacted the French government for comment.",
     ("040", "GBRMED", "FRAGOV")),
    ("comment_request", "Reuters asked Russia for comment.", ("020", "GBRMED", "RUS")),
    ("comment_request", "The Kremlin declined to be interviewed.", ("120", "RUSGOV", None)),
    ("agreed_view", "The French ambassador agreed that the talks had failed.",
     ("030", "FRAGOV", None)),
    ("agreed_view", "The French ambassador agreed: the talks had failed.",
     ("030", "FRAGOV", None)),
    ("risk_warning", "Boris Johnson warned on Monday that the sector is facing mass job cuts.",
     ("130", "GBRGOV", None)),
]

# Events of the same shape that stay coded with every rule on: the negatives.
KEPT = [
    ("Germany gave Ukraine tanks.", ("070", "DEU", "UKRMIL")),
    ("The United States gave Israel military aid.", ("070", "USA", "ISR")),
    ("Russia took Crimea in 2014.", ("171", "RUS", None)),
    ("Russia met Chinese officials in Beijing.", ("040", "RUS", "CHNGOV")),
    ("British troops met the Iraqi army at the border.", ("040", "GBRMIL", "IRQMIL")),
    ("Kenya asked Uganda to extradite the suspects.", ("0213", "KEN", "UGA")),
    ("The Kenyan president asked that Uganda extradite the suspects.",
     ("0213", "KENGOV", "UGA")),
    ("The Kenyan president asked Uganda for a loan.", ("020", "KENGOV", "UGA")),
    ("Angela Merkel attended the summit with Vladimir Putin.", ("044", "DEUGOV", "RUSGOV")),
    ("Germany served as a mediator between Russia and Ukraine.", ("060", "DEU", "RUS")),
    ("The French Senate gave Parliament a veto over treaties with Britain.",
     ("070", "FRALEG", "GBRLEG")),
    ("Iran refused to discuss its nuclear programme with the IAEA.",
     ("120", "IRN", "IGOUNOIAE")),
    ("The Kremlin declined to discuss the talks with Ukraine.", ("120", "RUSGOV", None)),
    ("Iran agreed with Britain on a prisoner swap.", ("030", "IRN", "GBR")),
    ("Iran agreed that Britain could inspect the site.", ("030", "IRN", None)),
    ("Iran warned Israel against any attack.", ("130", "IRN", "ISR")),
    ("Boris Johnson warned that he would punish Russia.", ("137", "GBRGOV", "RUS")),
]

# (sentence, the event kept as intended with the rule on, asserted with it off)
@pytest.fixture(scope="module")
def read():  # type: ignore[no-untyped-def]
    an = analysers()
    return lambda text: (an.read(text), an.geo)


@pytest.mark.parametrize(("rule", "text", "dyad"), DROPPED,
                         ids=[f"{r}:{t[:30]}" for r, t, _ in DROPPED])
def test_frame_drops_the_event(read, rule: str, text: str,  # type: ignore[no-untyped-def]
                               dyad: tuple) -> None:
    parsed, geo = read(text)
    assert dyad not in dyads(extract_events(parsed, geo))
    with switched_off(f"events.frames.{rule}"):
        assert dyad in dyads(extract_events(parsed, geo))


@pytest.mark.parametrize(("text", "dyad"), KEPT, ids=[t[:40] for t, _ in KEPT])
def test_events_of_the_same_shape_stay(read, text: str,  # type: ignore[no-untyped-def]
                                       dyad: tuple) -> None:
    parsed, geo = read(text)
    assert dyad in dyads(extract_events(parsed, geo))


def test_every_frame_rule_is_tested_here() -> None:
    keys = {r.key.rsplit(".", 1)[-1] for r in BOOKS["events"]
            if r.key.startswith("events.frames.")}
    assert keys == {r for r, _, _ in DROPPED}
