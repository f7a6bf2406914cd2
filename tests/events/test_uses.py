"""Uses of a coded verb that are no political event (``events/uses.py``, session 22):
deaths, dismissals, records outdone, press conferences held; and the figurative
phrases added with them (a patient discharged, lives claimed). Positives and
negatives, sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.records import Event


def dyads(evs: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


def roots(evs: list[Event]) -> set[str]:
    return {e.root for e in evs if not e.negated}


# (sentence, a CAMEO root that must not be coded, one that must; None: no check)
USES = [
    # uses.death: the one who dies acts on no one
    ("Former Indian president Ravi Menon died on Monday.", "19", None),
    # negatives: a death in a fight with someone named, a killing (the dead its target:
    # arguments.violent_death_sides, tests/events/test_wrong_sides.py)
    ("Two Israeli soldiers died in clashes with Hamas.", None, "19"),
    ("A Palestinian prisoner died as a result of torture in Israeli police custody.", None,
     "19"),
    ("Russian troops killed three Ukrainian soldiers.", None, "19"),
    # uses.dismissal: a person fired loses a job
    ("The Trump campaign called for CNN to fire Joe Lockhart.", "19", None),
    ("President Joe Biden fired FBI director Christopher Wray.", "19", None),
    ("Kenyan President William Ruto fired the interior minister.", "19", None),
    # negatives: fire aimed at someone
    ("Hamas fired rockets at Israel.", None, "19"),
    ("Syrian troops fired on protesters in Homs.", None, "19"),
    # uses.outdone: a record bested, an objection overcome, a market dominated
    ("Libertarian nominee Gary Johnson bested that performance in 2016.", "19", None),
    ("Russia dominates the gas market in Europe.", "19", None),
    ("Ukraine overcame Russia's objections.", "19", None),
    # negative: an armed side
    ("Israeli troops overcame Hamas fighters in Gaza.", None, "19"),
    # uses.press_event: a press conference held consults no one
    ("Joe Biden held his first press conference since the pandemic.", "04", None),
    ("FBI director Christopher Wray held a news conference on Monday.", "04", None),
    # negatives: talks held, a press conference with another leader
    ("Iran held talks with Iraq.", None, "04"),
    ("Joe Biden held a press conference with Emmanuel Macron in Paris.", None, "04"),
    # uses.press_named: a news outlet the gazetteer does not know is the press
    ("Amar Patel spoke to Wikinews in August.", "04", None),
    ("Senator Jane Ward spoke to the Carolina Herald on Monday.", "04", None),
    # negative: a leader spoken to
    ("Joe Biden spoke to Emmanuel Macron on Monday.", None, "04"),
    # figurative (session 22): a patient discharged
    ("Trump was released from the hospital on Monday.", "08", None),
    # negative: prisoners released
    ("Israel released 20 Palestinian prisoners from prison.", None, "08"),
]


@pytest.mark.parametrize(("text", "absent", "present"), USES, ids=[u[0] for u in USES])
def test_uses(events, text: str, absent: str | None, present: str | None) -> None:
    got = roots(events(text))
    if absent is not None:
        assert absent not in got, dyads(events(text))
    if present is not None:
        assert present in got, dyads(events(text))


# (sentence, a source code that must not be there, one that must): "both sides" are the
# last two actors named (arguments.sides_not_states, session 22)
BOTH_SIDES = [
    ("France and Sudan sent envoys to Aden last year. The Southern Transitional Council "
     "is in conflict with the government. Both sides also oppose Houthi rebels.", "FRA", None),
    # negative: two leaders met, their states are the sides
    ("Vladimir Putin met Xi Jinping in Moscow. Both sides condemned the United States.",
     None, "CHN"),
]


@pytest.mark.parametrize(("text", "absent", "present"), BOTH_SIDES,
                         ids=[b[0][-40:] for b in BOTH_SIDES])
def test_both_sides(events, text: str, absent: str | None, present: str | None) -> None:
    sources = {e.source_actor and e.source_actor.code for e in events(text)
               if e.trigger.text in ("oppose", "condemned")}
    if absent is not None:
        assert absent not in sources, sources
    if present is not None:
        assert present in sources, sources


# (sentence, target code that must not be there, one that must): a quoted phrase that
# characterises is no side (precision.quoted_side, session 22); a quoted object is
QUOTED = [
    ('Donald Trump hailed the agreements as the "dawn of a new Middle East."', "MEA", None),
    ('The mayor of London, Sadiq Khan, thanked "the police, security and emergency '
     'services staff for their swift response".', None, "---COP"),
]


@pytest.mark.parametrize(("text", "absent", "present"), QUOTED, ids=[q[0][:40] for q in QUOTED])
def test_quoted_side(events, text: str, absent: str | None, present: str | None) -> None:
    targets = {e.target_actor and e.target_actor.code for e in events(text)}
    if absent is not None:
        assert absent not in targets, targets
    if present is not None:
        assert present in targets, targets
