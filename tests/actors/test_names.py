"""Names: gazetteer names and aliases, titles, surnames, first names, misspellings,
metonyms and unknown names (dossier.actors.names, dossier.actors.people):
(text, date, surface, expected actor) tables, with negatives."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.gazetteer import load_gazetteer, norm
from dossier.records import Mention
from dossier.rules import switched_off

D2024 = date(2024, 5, 16)
SEPT16 = date(2016, 9, 26)


def find(mentions: list[Mention], surface: str) -> Mention | None:
    return next((m for m in mentions if m.text == surface), None)


@pytest.mark.parametrize(
    ("text", "on", "surface", "actor_id", "via"),
    [
        ("Vladimir Putin arrived in China on Thursday.", D2024, "Vladimir Putin",
         "vladimir-putin", "name"),
        ("Rishi Sunak spoke. Later Sunak said more.", date(2023, 1, 5), "Sunak", "rishi-sunak",
         "name"),
        ("President Xi thanked the delegation.", D2024, "President Xi", "xi-jinping", "title"),
        ("China’s president Xi Jiinping agreed.", D2024, "Xi Jiinping", "xi-jinping", "fuzzy"),
        ("Beijing supplies Moscow with equipment.", D2024, "Beijing", "CHN", "metonym"),
        ("Beijing supplies Moscow with equipment.", D2024, "Moscow", "RUS", "metonym"),
        ("The Kremlin said the talks went well.", D2024, "The Kremlin", "rus-kremlin",
         "metonym"),
        ("Liz Truss spoke in Taiwan. She said the west must act.", date(2023, 5, 17), "She",
         "liz-truss", "pronoun"),
        ("Sir Jeremy Fleming, the head of GCHQ, spoke. He said Russia had erred.",
         date(2022, 3, 31), "He", "jeremy-fleming", "pronoun"),
        ("GCHQ warned of cyber attacks.", D2024, "GCHQ", "gbr-gchq", "alias"),
        # an organisation's one-word alias that is the surname of a person in the story
        ("Michael Bloomberg criticised Donald Trump. Bloomberg also attacked Bernie "
         "Sanders.", D2024, "Bloomberg", "michael-bloomberg", "name"),
        ("Bloomberg reported that China would retaliate.", D2024, "Bloomberg",
         "usa-bloomberg", "alias"),
        ("Bloomberg reported on Monday that Michael Bloomberg would run.", D2024, "Bloomberg",
         "usa-bloomberg", "alias"),
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
    ("text", "on", "surface", "expected"),
    [
        # a title picks the namesake who held the office
        ("Gennifer Flowers had an affair with President Clinton. Hillary Clinton spoke.",
         SEPT16, "President Clinton", "bill-clinton"),
        ("Hillary Clinton spoke. Flowers had an affair with President Clinton.", SEPT16,
         "President Clinton", "bill-clinton"),
        ("Hillary Clinton spoke. Later Clinton said more.", SEPT16, "Clinton",
         "hillary-clinton"),
        # namesakes in office at once: the higher office ("Obama" is not the first lady)
        ("Obama had a ten-point lead among high earners.", SEPT16, "Obama", "barack-obama"),
        # a surname NER took for an organisation, or missed in a title-case headline
        ("Caddell discussed polls, including ones showing Trump leading nationally.", SEPT16,
         "Trump", "donald-trump"),
        ("Pence: Gennifer Flowers Won't Be at Debate", SEPT16, "Pence", "mike-pence"),
        # a known full name at the end of a longer PERSON entity
        ("It was harder than working Crooked Hillary Clinton, Trump said.", SEPT16,
         "Hillary Clinton", "hillary-clinton"),
        ("Volodymyr Zelensky spoke in Kyiv.", D2024, "Volodymyr Zelensky",
         "volodymyr-zelenskyy"),
        # a transcript's speaker label in capitals, of someone already named
        ('Chris Wallace asked Mike Pence. "PENCE: Well, look, you know."', SEPT16, "PENCE",
         "mike-pence"),
        # negatives: capitals of someone not in the story, or an acronym, stay as they are
        ('Mike Pence spoke. "SMITHERS: That is wrong."', SEPT16, "SMITHERS", None),
        ("Mike Pence spoke. NATO and the USA agreed.", SEPT16, "NATO", "IGOWSTNAT"),
        # negatives: a surname NER did not call a person, of someone abroad
        ("Barack Obama said so on Fox on Tuesday.", date(2011, 3, 1), "Fox", None),
        # negatives: a surname nobody holds in office near the date stays unlinked
        ("Pence: Gennifer Flowers Won't Be at Debate", date(2030, 1, 1), "Pence", None),
    ],
)
def test_titles_and_surnames(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    if expected is None:
        assert m is None or m.actor_id.startswith("local:")
    else:
        assert m is not None and m.actor_id == expected


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        # an ambiguous party name goes to the story's country
        ("Green Party candidate Jill Stein spoke. Donald Trump did too.", SEPT16, "Green Party",
         "usa-green-party"),
        ("Keir Starmer spoke. The Green Party said he was wrong.", D2024, "The Green Party",
         "gbr-greens"),
    ],
)
def test_ambiguous_org_names_go_to_the_storys_country(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, on), surface)
    assert m is not None and m.actor_id == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # gazetteer facts: each National Security Council's own acronym, by the story's
    # country (organisations.tsv); Beto O'Rourke (people.tsv)
    ("Donald Trump spoke. Vindman was told to go straight to the NSC legal counsel.",
     "the NSC", "usa-nsc"),
    ("Boris Johnson chaired the NSC in London on Monday.", "the NSC", "gbr-nsc"),
    ("Former Texas congressman Beto O'Rourke ended his campaign.", "Beto O'Rourke",
     "beto-orourke"),
    ("Beto O'Rourke spoke in El Paso. O'Rourke said he was proud.", "O'Rourke",
     "beto-orourke"),
    # no country to tell which council: left unknown
    ("The NSC met on Monday to discuss the vote.", "The NSC", "local"),
])
def test_gazetteer_facts_of_session_16(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                       expected: str) -> None:
    m = find(link(text, date(2019, 11, 19)), surface)
    assert m is not None
    assert ("local" if m.actor_id.startswith("local:") else m.actor_id) == expected


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


@pytest.mark.parametrize(
    "written",
    ["xi jiinping", "xi jinping", "rishi sunakk", "vladimir putln", "joe bidn",
     "emmanuel macron jr", "zz", "maria gonzalvez", "a much longer name than any known name"],
)
def test_fuzzy_search_scores_only_reachable_lengths_alike(written: str) -> None:
    """The typo search skips names whose length cannot reach the cut-off: its answer
    must be what scoring every known name gives (hits and misses alike)."""
    from rapidfuzz import fuzz, process

    from dossier.actors.article import FuzzyNames

    fuzzy = FuzzyNames.of(load_gazetteer())
    for cutoff in (88.0, 70.0):
        assert fuzzy.closest(written, cutoff) == process.extractOne(
            written, fuzzy.keys, scorer=fuzz.ratio, score_cutoff=cutoff)
    assert fuzzy.closest(written, 88.0, words=9) is None  # too few words: no search


@pytest.mark.parametrize(("text", "surface", "joined"), [
    # a surname of several words ending an unknown person's name is that person
    ("James Van Der Beek has been eliminated from the show. Van Der Beek was eliminated "
     "in what the host called a shock.", "Van Der Beek", True),
    # another person's full name is not
    ("James Van Der Beek has been eliminated from the show. Anna Der Beek was eliminated "
     "in what the host called a shock.", "Anna Der Beek", False),
])
def test_an_unknown_persons_surname_of_several_words(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                    joined: bool) -> None:
    def name() -> str:
        return next(m.actor_name for m in link(text, D2024) if m.text == surface)

    assert (name() == "James Van Der Beek") is joined
    with switched_off("actors.names.same_local_person"):
        assert name() == surface


@pytest.mark.parametrize(("text", "surface", "kind"), [
    # a CAMEO region is typed as the gazetteer lists it, not as an organisation
    ("Leaders of Europe met on Monday. Europe said it would act.", "Europe", "region"),
    ("The European Union said the Middle East needs peace.", "the Middle East", "region"),
    ("Latin America condemned the coup.", "Latin America", "region"),
    # blocs and organisations keep their types
    ("The European Union said the Middle East needs peace.", "The European Union", "org"),
    ("The West imposed sanctions on Russia.", "The West", "bloc"),
])
def test_a_region_is_typed_a_region(link, text: str, surface: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    m = find(link(text, date(2019, 11, 19)), surface)
    assert m is not None and m.type == kind
