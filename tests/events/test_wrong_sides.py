"""Wrong sides of events (issue 19, session 23; ``events/sides.py`` and
``events/syntax.py``): the one who dies of violence is the one acted upon, an agent
after an organisation's name is no agent of the article's state, the troops or envoys
an actor sends are its own, a passive verb joined to an active one is passive, and a
past tense joined to a verb under "would" does not share its subject; session 24: the
body named before an agent noun, the members of "the nations of X and Y", "the leaders
of the two countries", an agent coordinated with another state, a paragraph naming the
people of the article's state. Made-up
sentences: positives (the rule acts) and negatives (the same kind of sentence it must
leave alone)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.rules import switched_off

Dyad = tuple[str, "str | None", "str | None"]


def dyads(text: str) -> set[tuple[str, str | None, str | None]]:
    an = analysers()
    evs = extract_events(an.read(text, published=date(2024, 5, 16)), an.geo)
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs}


# (rule, sentence, a dyad with the rule on, a dyad with it off; None: none)
POSITIVES = [
    ("violent_death_sides", "Two Egyptian soldiers died in a Hamas rocket attack on Sunday.",
     ("190", "PSEREB", "EGYMIL"), None),
    ("violent_death_sides", "Two Israeli soldiers died in clashes with Hamas on Sunday.",
     ("190", "PSEREB", "ISRMIL"), ("190", "ISRMIL", "PSEREB")),
    ("violent_death_sides", "A Kenyan police officer died in an attack by al-Shabaab "
     "fighters.", ("190", "---UAF", "KENCOP"), None),
    # no attacker named: no event, not the dead as the attacker
    ("violent_death_sides", "Hosni Mubarak died in an attack on his convoy.", None,
     ("190", "EGY", None)),
    ("named_body_agent", "Turkey is drilling off Cyprus. Turkey angered Greece. Greek prime "
     "minister Kyriakos Mitsotakis, speaking to the Atlantic Council think tank, called "
     "the deal void.", ("040", "GRCGOV", None), ("040", "GRCGOV", "TURNGO")),
    # session 24 (Wikinews 2020 tuning sheet): the body named, not its agent noun
    ("uncoded_body", "Turkey is drilling off Cyprus. Turkey angered Greece. Greek prime "
     "minister Kyriakos Mitsotakis, speaking to the Atlantic Council think tank, called "
     "the deal void.", ("040", "GRCGOV", None), ("040", "GRCGOV", "---NGO")),
    # the members a plural reference's "of" phrase names; the leaders of a pair of states
    ("named_members", "Bahrain and Kosovo recognized Israel. The formerly antagonistic "
     "nations of Serbia and Kosovo opened economic ties.", ("050", "SRB", "KSV"),
     ("050", "ISR", "KSV")),
    ("leaders_of_pair", "Turkey and Greece had poor relations, but the leaders of the two "
     "countries spoke by telephone on Friday.", ("040", "TURGOV", "GRCGOV"), None),
    # an agent coordinated with another state; a paragraph that names the focus's people
    ("other_state_coordinated", "Norway mediated talks between Colombia and the rebels.",
     ("045", "NOR", "---REB"), ("045", "NOR", "NORREB")),
    # a common noun named right after
    ("identified_as", "Thames Valley Police soon arrived and detained the man, later "
     "identified as Khairi Saadallah.", ("173", "GBRCOP", None), ("173", "GBRCOP", "---CVL")),
    ("focus_actor", "The election was held in the United States on Tuesday.\n\nAccording "
     "to CNN, multiple officials pressured Trump not to commute the sentence.",
     ("100", "USAGOV", "USAPTY"), ("100", "---GOV", "USAPTY")),
    ("conj_passive", "Turkey criticised Greece and was condemned by Egypt.",
     ("111", "EGY", "TUR"), None),
    ("unshared_modal", "Hawkins predicted President Trump would lose in a landslide and "
     "asked voters to vote.", None, ("020", "USAPTY", "---CVL")),
    ("guessed_agent_sent", "France and Sudan sent envoys to Aden.", None,
     ("042", "SDN", "FRAGOV")),
    ("guessed_agent_sent", "Kenya and Uganda sent troops to Somalia.", None,
     ("070", "UGA", "KENMIL")),
]
# (rule, sentence): the rule changes nothing
NEGATIVES = [
    # a death from no violence: no event (uses.death); who kills is still the source
    ("violent_death_sides", "Hosni Mubarak died in a military hospital in Cairo."),
    ("violent_death_sides", "Hamas fighters killed two Israeli soldiers on Sunday."),
    # a person's name before the agent; a country named
    ("named_body_agent", "Iran angered the US. Trump administration officials criticised "
     "Iran."),
    ("named_body_agent", "Israeli police arrested two Palestinian activists."),
    # a verb with its own subject; a plain verb under the same "would"
    ("conj_passive", "Turkey was criticised by Greece and condemned by Egypt."),
    ("unshared_modal", "Hawkins said Trump would lose the vote and ask Iran for help."),
    # the troops of the source's own named country; an army supplied
    ("guessed_agent_sent", "The United States sent troops to Poland."),
    ("guessed_agent_sent", "Kenya is at war. The government supplied the army with "
     "weapons."),
    # a place's name before the agent; a pair named before; no plural reference
    ("uncoded_body", "Police in Kenya arrested Ugandan journalists."),
    ("named_members", "Xi Jinping met Vladimir Putin in Moscow. The two countries signed an "
     "energy agreement."),
    ("named_members", "The presidents of Iran and Iraq criticized the United States."),
    ("leaders_of_pair", "Hamas fired rockets. The leaders of Hamas criticized Israel."),
    # no person named
    ("identified_as", "Police in Kenya identified the man as a suspect and arrested him."),
    # the article's own state coordinated; a paragraph that names another state too
    ("other_state_coordinated", "Protests spread across Colombia. Colombia and the rebels "
     "signed a peace deal in Havana."),
    ("focus_actor", "The election was held in the United States on Tuesday.\n\nDonald "
     "Trump met Recep Tayyip Erdogan in Ankara. Officials criticized Iran."),
]


@pytest.mark.parametrize(("rule", "text", "on", "off"), POSITIVES,
                         ids=[f"{p[0]}-{p[1][:30]}" for p in POSITIVES])
def test_rule_sets_the_side(rule: str, text: str, on: Dyad | None, off: Dyad | None) -> None:
    with_rule = dyads(text)
    with switched_off(f"events.arguments.{rule}"):
        without = dyads(text)
    if on is not None:
        assert on in with_rule and on not in without, (with_rule, without)
    if off is not None:
        assert off in without and off not in with_rule, (with_rule, without)


def test_the_dead_is_never_the_attacker() -> None:
    for rule, text, _, _ in POSITIVES:
        if rule == "violent_death_sides":
            assert not any(d[0] == "190" and d[2] is None for d in dyads(text)), text


@pytest.mark.parametrize(("rule", "text"), NEGATIVES, ids=[f"{n[0]}-{n[1][:30]}"
                                                           for n in NEGATIVES])
def test_other_sentences_unchanged(rule: str, text: str) -> None:
    with switched_off(f"events.arguments.{rule}"):
        without = dyads(text)
    assert dyads(text) == without
