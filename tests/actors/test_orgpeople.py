"""A person's name NER tagged as an organisation (actors.names.person_tagged_org):
a person's role in apposition or just before the name makes it a person, so "he"
after it is that person; an organisation's noun leaves it an organisation."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

D2019 = date(2019, 9, 1)
RULE = "actors.names.person_tagged_org"


@pytest.mark.parametrize(("text", "surface", "with_rule", "without"), [
    # a person's role in apposition (NER: ORG)
    ("Donald Trump raised tariffs on Monday. Eswar Prasad, a trade professor at Cornell "
     "University, said the move was risky.", "Eswar Prasad", "person", "org"),
    ("Eswar Prasad, the bank's chief economist, said growth would slow.", "Eswar Prasad",
     "person", "org"),
    # a person's role just before the name, and the surname after it
    ("Job cuts will come, said the firm's executive chair Marcelo Claure in an email.",
     "Marcelo Claure", "person", "org"),
    ("Job cuts will come, said the firm's executive chair Marcelo Claure in an email. "
     "Next steps will come on Friday, Claure said.", "Claure", "person", "org"),
    # an organisation's noun leaves an organisation one
    ("Kestrel Dynamics, a Boston startup, said on Monday it had raised money.",
     "Kestrel Dynamics", "org", "org"),
    ("Brightwater Capital, the company's financial adviser, said the deal was fair.",
     "Brightwater Capital", "org", "org"),
    ("Lazard, the bank's financial adviser, declined to comment.", "Lazard", "org", "org"),
    # a role word before the name that belongs to another noun
    ("Shares rose, chief Kestrel Dynamics analyst Ann Lee said.", "Kestrel Dynamics",
     "org", "org"),
])
def test_a_person_role_makes_an_org_tagged_name_a_person(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                         with_rule: str,
                                                         without: str) -> None:
    def kind() -> str:
        return next(m for m in link(text, D2019) if m.text == surface).type

    assert kind() == with_rule
    with switched_off(RULE):
        assert kind() == without


def test_he_after_the_name_is_that_person(link) -> None:  # type: ignore[no-untyped-def]
    text = ("Donald Trump raised tariffs on Monday. Eswar Prasad, a trade professor at "
            "Cornell University, said the move was risky. “It will hurt farmers,” he said.")

    def he() -> str:
        return next(m for m in link(text, D2019) if m.text == "he").actor_name

    assert he() == "Eswar Prasad"
    with switched_off(RULE):
        assert he() == "Donald Trump"
