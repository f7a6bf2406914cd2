"""A person's name NER tagged as an organisation (actors.names.person_tagged_org):
a person's role in apposition or just before the name makes it a person, so "he"
after it is that person; an organisation's noun leaves it an organisation. And the
mirror (actors.names.org_tagged_person): an organisation's noun in apposition makes a
name NER tagged as a person an organisation."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

D2019 = date(2019, 9, 1)
RULE = "actors.names.person_tagged_org"
ORG_RULE = "actors.names.org_tagged_person"


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
    # the mirror (ORG_RULE): an organisation's noun in apposition (NER: PERSON)
    ("Quorra Labs, a chip firm, said on Monday it would cut 200 jobs.", "Quorra Labs",
     "org", "person"),
    ("Dara Venn, a startup in Ohio, said it would hire 40 people.", "Dara Venn", "org",
     "person"),
    # a person's role in apposition leaves a person one
    ("Marta Quillon, a bank economist, said growth would slow.", "Marta Quillon", "person",
     "org"),
    ("Marta Quillon, the company's founder, said growth would slow.", "Marta Quillon",
     "person", "org"),
    ("Tom Hale, a Boston Globe reporter, wrote the story.", "Tom Hale", "person", "person"),
    # a noun someone owns: a list misread as an apposition
    ("A row involving Marla Quist, her former record label and two politicians grew.",
     "Marla Quist", "person", "person"),
])
def test_a_role_or_an_org_noun_beside_a_name_gives_its_kind(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                            with_rule: str,
                                                            without: str) -> None:
    def kind() -> str:
        return next(m for m in link(text, D2019) if m.text == surface).type

    assert kind() == with_rule
    with switched_off(RULE, ORG_RULE):
        assert kind() == without


def test_he_after_the_name_is_that_person(link) -> None:  # type: ignore[no-untyped-def]
    text = ("Donald Trump raised tariffs on Monday. Eswar Prasad, a trade professor at "
            "Cornell University, said the move was risky. “It will hurt farmers,” he said.")

    def he() -> str:
        return next(m for m in link(text, D2019) if m.text == "he").actor_name

    assert he() == "Eswar Prasad"
    with switched_off(RULE):
        assert he() == "Donald Trump"


def test_it_after_the_described_org_is_the_org(link) -> None:  # type: ignore[no-untyped-def]
    text = "Quorra Labs, a chip firm, said on Monday it would cut 200 jobs."
    it = next(m for m in link(text, D2019) if m.text == "it")
    assert it.type == "org" and it.actor_name == "Quorra Labs"
    assert it.confidence >= 0.6  # described as an organisation: at the views' floor
