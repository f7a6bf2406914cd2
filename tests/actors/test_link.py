"""Linking: (text, date, expected actor) tables, with negatives."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.gazetteer import load_gazetteer, norm
from dossier.records import Mention


@pytest.fixture(scope="module")
def link():  # type: ignore[no-untyped-def]
    an = analysers()

    def run(text: str, on: date | None = None) -> list[Mention]:
        return an.read(text, published=on).mentions

    return run


def find(mentions: list[Mention], surface: str) -> Mention | None:
    return next((m for m in mentions if m.text == surface), None)


D2024 = date(2024, 5, 16)


@pytest.mark.parametrize(
    ("text", "on", "surface", "actor_id", "via"),
    [
        ("Vladimir Putin arrived in China on Thursday.", D2024, "Vladimir Putin",
         "vladimir-putin", "name"),
        ("Rishi Sunak spoke. Later Sunak said more.", date(2023, 1, 5), "Sunak", "rishi-sunak",
         "name"),
        ("President Xi thanked the delegation.", D2024, "President Xi", "xi-jinping", "title"),
        ("China’s president Xi Jiinping agreed.", D2024, "Xi Jiinping", "xi-jinping", "fuzzy"),
        ("The Russian president is on a state visit.", D2024, "The Russian president",
         "vladimir-putin", "role"),
        ("The Russian president is on a state visit.", date(2010, 3, 1),
         "The Russian president", "dmitry-medvedev", "role"),
        ("Liz Truss has condemned Rishi Sunak. The former prime minister will hit out at "
         "her successor.", date(2023, 4, 10), "The former prime minister", "liz-truss", "role"),
        ("Ken McCallum gave his annual update. The spy chief will warn of threats.",
         date(2022, 11, 16), "The spy chief", "ken-mccallum", "role"),
        ("Beijing supplies Moscow with equipment.", D2024, "Beijing", "CHN", "metonym"),
        ("Beijing supplies Moscow with equipment.", D2024, "Moscow", "RUS", "metonym"),
        ("The Kremlin said the talks went well.", D2024, "The Kremlin", "rus-kremlin",
         "metonym"),
        ("Liz Truss spoke in Taiwan. She said the west must act.", date(2023, 5, 17), "She",
         "liz-truss", "pronoun"),
        ("Sir Jeremy Fleming, the head of GCHQ, spoke. He said Russia had erred.",
         date(2022, 3, 31), "He", "jeremy-fleming", "pronoun"),
        ("GCHQ warned of cyber attacks.", D2024, "GCHQ", "gbr-gchq", "alias"),
        # a country's name (not only its adjective) before the role
        ("The US president spoke to the French president.", date(2015, 6, 1),
         "The US president", "barack-obama", "role"),
        ("The U.S. president spoke on Tuesday.", date(2015, 6, 1), "The U.S. president",
         "barack-obama", "role"),
        ("The UK prime minister flew to Beijing.", date(2018, 1, 30),
         "The UK prime minister", "theresa-may", "role"),
        ("The United States president spoke on Tuesday.", date(2015, 6, 1),
         "The United States president", "barack-obama", "role"),
        ("The US secretary of state flew to Beijing.", date(2023, 6, 18),
         "The US secretary of state", "antony-blinken", "role"),
    ],
)
def test_links(link, text, on, surface, actor_id, via) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    assert m is not None, surface
    assert (m.actor_id, m.via) == (actor_id, via)


@pytest.mark.parametrize(
    ("text", "on", "surface", "code"),
    [
        # a sitting president running again is still the president (GOV, not PTY)
        ("President Joe Biden spoke on Tuesday.", date(2023, 6, 1), "President Joe Biden",
         "USAGOV"),
        # the candidate before he held office
        ("Joe Biden spoke on Tuesday.", date(2020, 6, 1), "Joe Biden", "USAPTY"),
    ],
)
def test_an_office_comes_before_a_candidacy(link, text, on, surface, code) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    assert m is not None and m.code == code


@pytest.mark.parametrize(
    ("text", "on", "actor_id"),
    [
        ("Liz Truss has condemned Rishi Sunak. The former prime minister will hit out at "
         "her successor.", date(2024, 5, 16), "rishi-sunak"),
        ("Boris Johnson praised his predecessor.", date(2020, 1, 1), "theresa-may"),
        ("Theresa May spoke. Her predecessor David Cameron listened.", date(2018, 1, 1),
         "david-cameron"),
        # no successor yet on the date; a company's chief is nobody's in the gazetteer
        ("Joe Biden met his successor.", date(2024, 6, 1), None),
        ("The company chief praised her successor.", date(2024, 6, 1), None),
    ],
)
def test_successor_and_predecessor_follow_the_office(link, text, on, actor_id) -> None:  # type: ignore[no-untyped-def]
    ms = link(text, on)
    m = find(ms, "successor") or find(ms, "predecessor")
    assert (m.actor_id if m is not None else None) == actor_id


def test_role_outside_its_dates_is_not_that_holder(link) -> None:  # type: ignore[no-untyped-def]
    m = find(link("The British prime minister flew to Washington.", date(2021, 6, 1)),
             "The British prime minister")
    assert m is not None and m.actor_id == "boris-johnson"  # not Sunak, not Truss


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a company's president is not a head of state
        ("The company's president said profits rose sharply this year.",
         "The company's president"),
        ("The company's president said profits rose sharply this year.", "president"),
        # a generic role with no article and no country is not resolved
        ("He wants to be president one day.", "president"),
        # a title before a name: the name links, not the role
        ("US President Joe Biden spoke on Tuesday.", "US President"),
    ],
)
def test_negatives_not_linked(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert find(link(text, D2024), surface) is None


def test_china_the_porcelain_is_not_china(link) -> None:  # type: ignore[no-untyped-def]
    ms = link("She set the table with her best china and silver.", D2024)
    assert all(m.actor_id != "CHN" for m in ms)


def test_jordan_the_person_is_not_the_country(link) -> None:  # type: ignore[no-untyped-def]
    ms = link("Michael Jordan scored 30 points. Jordan then left the arena.", D2024)
    assert all(m.actor_id != "JOR" for m in ms)
    assert find(ms, "Jordan") is not None and find(ms, "Jordan").type == "person"  # type: ignore[union-attr]


def test_unknown_person_stays_unlinked(link) -> None:  # type: ignore[no-untyped-def]
    ms = link("Maria Gonzalvez, a local baker, said prices rose. Gonzalvez was upset.", D2024)
    first, second = find(ms, "Maria Gonzalvez"), find(ms, "Gonzalvez")
    assert first is not None and first.via == "unlinked" and first.qid is None
    assert first.actor_id.startswith("local:")
    assert second is not None and second.actor_id == first.actor_id  # same chain


def test_place_as_location_is_not_an_actor(link) -> None:  # type: ignore[no-untyped-def]
    ms = link("Putin is on a two-day state visit to Beijing.", D2024)
    assert find(ms, "Beijing") is None


def test_without_date_latest_holder_and_record_says_so(link) -> None:  # type: ignore[no-untyped-def]
    m = find(link("The Russian president spoke."), "The Russian president")
    assert m is not None and m.actor_id == "vladimir-putin" and m.date_basis == "latest"


def test_codes_carry_country_and_sector(link) -> None:  # type: ignore[no-untyped-def]
    ms = link("Ken McCallum spoke. MI5 warned. Xinhua reported it.", date(2022, 11, 16))
    assert find(ms, "Ken McCallum").code == "GBRSPY"  # type: ignore[union-attr]
    assert find(ms, "MI5").code == "GBRSPY"  # type: ignore[union-attr]
    assert find(ms, "Xinhua").country == "CHN"  # type: ignore[union-attr]


def test_user_gazetteer_adds_a_person(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "people.tsv"
    f.write_text("id\tname\taliases\tsurname\tgender\tcountry\tqid\tborn\n"
                 "ana-ruiz\tAna Ruiz\t\tRuiz\tfemale\tESP\t\t1970\n", encoding="utf-8")
    g = load_gazetteer((f,))
    assert [a.id for a in g.by_name("Ana Ruiz")] == ["ana-ruiz"]
    assert norm("The Kremlin’s") == "kremlin"
