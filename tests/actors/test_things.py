"""Things NER took for actors, and places and teams read as states
(dossier.actors.things): each rule on and off, with sentences it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

TOUR = ("The band's tour opens with a concert in Glasgow, and tickets sold out. "
        "The singer said the album would follow. ")


def _found(link, text: str, surface: str) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """The first mention written ``surface``: its actor (``local:<type>`` for an unknown
    one) and type, or None."""
    m = next((m for m in link(text, date(2023, 6, 1)) if m.text == surface), None)
    local = m is not None and m.actor_id.startswith("local:")
    return None if m is None else (f"local:{m.type}" if local else m.actor_id, m.type)


@pytest.mark.parametrize(
    ("rule", "text", "surface", "without"),
    [
        ("thing_head", "NASA said the SLS rocket will fly in May.", "the SLS",
         ("local:org", "org")),
        ("thing_head", "The patients had Lyme Disease, doctors said.", "Lyme Disease",
         ("local:org", "org")),
        ("common_words_name", "The game is called Fallen Order, and Fallen Order sold well.",
         "Fallen Order", ("local:person", "person")),
        ("common_words_name", "With the installation Starry Night, the duo lit the canal.",
         "Starry Night", ("local:person", "person")),
        ("eponym", "She was diagnosed with Lou Gehrig's disease last year.", "Lou Gehrig",
         ("local:person", "person")),
        ("city_named_person", "São Paulo was covered in smoke, residents said.", "São Paulo",
         ("local:person", "person")),
        ("club_named_person", "Johnson scored twice for Leeds United on Saturday.",
         "Leeds United", ("local:person", "person")),
        ("district_named_person", "Walsall North | Eddie Hughes | York Outer | Julian Sturdy",
         "York Outer", ("local:person", "person")),
        ("district_named_person", "Wichita North's Miguel Bernal took home first in diving.",
         "Wichita North", ("local:person", "person")),
        ("team_of_country", "The Brazil coach said the team would win the World Cup match.",
         "Brazil", ("BRA", "state")),
        ("team_of_country", "Germany's players trained before the match on Sunday.",
         "Germany", ("DEU", "state")),
        ("brand_product", "Xbox Game Pass went down on Monday.", "Xbox Game Pass",
         ("local:person", "person")),
        ("brand_product", "He bought Pokemon Sword for his son.", "Pokemon Sword",
         ("local:person", "person")),
        ("brand_product", "The iPhone XS Max costs more.", "XS Max",
         ("local:person", "person")),
        ("tour_stop", TOUR + "London, Dublin and Paris gigs follow.", "Dublin",
         ("IRL", "state")),
        ("tour_stop", "Taylor Swift will play London on Friday.", "London",
         ("GBR", "state")),
    ],
)
def test_a_thing_rule_on_and_off(link, rule: str, text: str, surface: str,  # type: ignore[no-untyped-def]
                                 without: tuple[str, str]) -> None:
    assert _found(link, text, surface) is None
    with switched_off(f"actors.names.{rule}"):
        assert _found(link, text, surface) == without
    assert _found(link, text, surface) is None


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # a name that says something, a known surname, a surname alone later
        ("Tom Hill said the plan would fail.", "Tom Hill", ("local:person", "person")),
        ("Julian Knight said the committee would meet.", "Julian Knight",
         ("local:person", "person")),
        ("Greedy Williams played well. Williams was flagged once.", "Greedy Williams",
         ("local:person", "person")),
        # a first word that is also a town's name
        ("Kanye West said the album was done.", "Kanye West", ("local:person", "person")),
        ("Adam North said the album was done.", "Adam North", ("local:person", "person")),
        # a maker's people: a common noun between the brand and the name
        ("Nintendo president Shuntaro Furukawa said sales rose.", "Shuntaro Furukawa",
         ("local:person", "person")),
        ("Sony boss Kenichiro Yoshida spoke on Monday.", "Kenichiro Yoshida",
         ("local:person", "person")),
        ("Tim Cook said the iPhone sold well.", "Tim Cook", ("local:person", "person")),
        # a person's own lawyer, not a law
        ("Gordon Moore's lawyer declined to comment.", "Gordon Moore",
         ("local:person", "person")),
        # players of a market, not of a side
        ("Germany's players in the bond market sold shares on Monday.", "Germany",
         ("DEU", "state")),
        # a capital acting, in no tour story
        ("London said it would impose sanctions on Moscow.", "London", ("GBR", "state")),
        ("Beijing plays a key role in the talks.", "Beijing", ("CHN", "state")),
        # in a tour story, a capital that speaks is still its government
        (TOUR + "London said the concert could go ahead.", "London", ("GBR", "state")),
    ],
)
def test_names_the_thing_rules_leave_alone(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                           actor: tuple[str, str]) -> None:
    assert _found(link, text, surface) == actor


GAP = pytest.mark.xfail(strict=True, reason="a famous bare surname given to an ordinary "
                        "person keeps the famous link: session 17's ordinary_namesake rule "
                        "changed no record on any page set and was taken out")


@pytest.mark.parametrize(("text", "surface", "namesake"), [
    pytest.param("Police said a man named Trump was arrested in Leeds.", "Trump", True,
                 marks=GAP),
    pytest.param("Mr. Biden, a plumber from Ohio, said his van was stolen.", "Mr. Biden", True,
                 marks=GAP),
    ("Biden, a Democrat, said the bill would pass.", "Biden", False),
])
def test_a_famous_surname_given_to_an_ordinary_person(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                      namesake: bool) -> None:
    m = next(m for m in link(text, date(2023, 6, 1)) if m.text == surface)
    assert (m.confidence < 0.6) is namesake


def _surname_alone_walk(span):  # type: ignore[no-untyped-def]
    """The walk over every token that surname_alone replaced (session 21)."""
    doc, last, first = span.doc, span[-1].text, span[0].text
    return any(t.text == last and (t.i == 0 or doc[t.i - 1].text != first)
               and not (t.i + 1 < len(doc) and doc[t.i + 1].like_num)
               for t in doc if t.i != span.end - 1)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        # the last word alone elsewhere, before or after the name
        ("Greedy Williams won . Williams was flagged .", 0, 2, True),
        ("Williams was flagged . Greedy Williams won .", 4, 6, True),
        # only after the same first word, or before a number: no surname
        ("Greedy Williams won . Greedy Williams lost .", 0, 2, False),
        ("Order 66 came . Order 66 went .", 0, 1, False),
        ("Executive Order came . Order 66 went .", 0, 2, False),
        # at the document's first and last places
        ("Williams said Greedy Williams", 2, 4, True),
        ("Greedy Williams met Williams", 0, 2, True),
        # nowhere else, a one-word name, case that differs
        ("Greedy Williams won the fight .", 0, 2, False),
        ("Williams won", 0, 1, False),
        ("Greedy Williams met WILLIAMS and williams", 0, 2, False),
    ],
)
def test_surname_alone_reads_the_token_array_as_the_walk_did(
        text: str, start: int, end: int, expected: bool) -> None:
    import spacy

    from dossier.actors.things import surname_alone

    span = spacy.blank("en")(text)[start:end]
    assert surname_alone(span) is expected
    assert _surname_alone_walk(span) is expected
