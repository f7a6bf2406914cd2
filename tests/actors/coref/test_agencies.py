"""Government agencies, departments and police forces (issue 18): the gazetteer knows
them by name and initials with their CAMEO code, and a noun for their kind ("the
agency", "the department", "the force", "police") is the one named before — only one
of that kind, and only a body of that kind. Each table has its negatives."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.records import Mention
from dossier.rules import switched_off

D = date(2024, 5, 16)


def first(mentions: list[Mention], surface: str) -> Mention | None:
    return next((m for m in mentions if m.text == surface), None)


@pytest.mark.parametrize(("text", "surface", "actor", "code"), [
    ("NASA delayed the launch on Monday.", "NASA", "usa-nasa", "USAGOV"),
    ("Agents of CBP detained 40 people.", "CBP", "usa-cbp", "USACOP"),
    ("The Food and Drug Administration approved the drug.", "The Food and Drug "
     "Administration", "usa-fda", "USAGOVHLH"),
    ("The EPA issued a rule.", "The EPA", "usa-epa", "USAGOVENV"),
    ("Health Canada recalled the toys.", "Health Canada", "can-health-canada", "CANGOVHLH"),
    ("Ofcom fined the broadcaster.", "Ofcom", "gbr-ofcom", "GBRGOV"),
    ("Greater Manchester Police arrested a man.", "Greater Manchester Police",
     "gbr-gmp", "GBRCOP"),
    # negatives: a common word in lower case, a state's name, initials left out
    # because they name something else in news (FCA: Fiat Chrysler)
    ("The roads were covered in ice on Monday.", "ice", None, None),
    ("Georgia passed a law on Monday.", "Georgia", "GEO", "GEO"),
    ("FCA recalled 300,000 cars on Monday.", "FCA", "not gbr-fca", None),
])
def test_agencies_are_known_with_their_code(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                            actor: str | None, code: str | None) -> None:
    m = first(link(text, D), surface)
    if actor is None:
        assert m is None
    elif actor.startswith("not "):
        assert m is None or m.actor_id != actor[4:]
    else:
        assert m is not None and (m.actor_id, m.code) == (actor, code)


NOMINAL = ("actors.coref.org_nominal",)
SHORT = ("actors.coref.short_form", "actors.coref.org_nominal")


@pytest.mark.parametrize(("text", "surface", "actor", "rule"), [
    ("NASA delayed the launch on Monday. The agency said the weather was bad.",
     "The agency", "usa-nasa", NOMINAL),
    ("Officers of U.S. Customs and Border Protection detained 40 people. The agency "
     "said they had crossed at night.", "The agency", "usa-cbp", NOMINAL),
    ("The Department of Homeland Security issued new rules. The department said they "
     "take effect at once.", "The department", "usa-dhs", SHORT),
    ("The Secret Service closed the road. The service said it would reopen on Friday.",
     "The service", "usa-secret-service", NOMINAL),
    ("The Metropolitan Police arrested a man in London. The force said he was held.",
     "The force", "gbr-met-police", NOMINAL),
    ("The Metropolitan Police arrested a man in London. The police said he was held.",
     "The police", "gbr-met-police", SHORT),
    # ("the department" after a department's name, "the police" after a force's, is
    # its short form, actors.coref.short_form, else the resolver's)
    # negatives: two agencies in one sentence; only a legislature, a government office
    # or a ministry before a narrower noun
    ("NASA delayed the launch and the FBI opened an inquiry. The agency said the "
     "weather was bad.", "The agency", None, NOMINAL),
    ("Congress passed the bill on Monday. The agency said it would comply.",
     "The agency", None, NOMINAL),
    ("The White House spoke on Monday. The police said two men were held.",
     "The police", None, NOMINAL),
    ("The Home Office issued new rules. The court said they were unlawful.",
     "The court", None, NOMINAL),
])
def test_a_noun_for_a_kind_is_the_body_named_before(  # type: ignore[no-untyped-def]
        link, text: str, surface: str, actor: str | None, rule: tuple[str, ...]) -> None:
    m = first(link(text, D), surface)
    assert (m.actor_id if m is not None else None) == actor
    if actor is not None:
        with switched_off(*rule):
            m = first(link(text, D), surface)
            assert m is None or m.actor_id != actor
