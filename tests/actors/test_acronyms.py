"""Acronyms an article defines (dossier.actors.acronyms): a thing's names no actor
anywhere in the article, an organisation's is that organisation; each rule on and off,
with sentences they must leave alone. Made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

DAY = date(2023, 6, 1)


def _actors(link, text: str, surface: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The actor of every mention written ``surface`` (``local:<type>:<name>`` for an
    unknown one)."""
    return [f"local:{m.type}:{m.actor_name}" if m.actor_id.startswith("local:") else m.actor_id
            for m in link(text, DAY) if m.text == surface]


@pytest.mark.parametrize(("text", "surface"), [
    ("NASA's Space Launch System (SLS) will carry Orion. The SLS rocket is late, "
     "and SLS costs billions.", "SLS"),
    ("Binge eating disorder (BED) affects millions. People with BED often hide it, "
     "said Dr. Jane Roe.", "BED"),
    ("NASA's Commercial Lunar Payload Services (CLPS) initiative pays firms. CLPS has "
     "hired two companies.", "CLPS"),
    ("Astronomers traced a fast radio burst (FRB) to a distant galaxy. Scientists at the "
     "observatory said FRB signals could help them map the universe.", "FRB"),
    # a law's acronym, no alias of the European Space Agency either
    ("The Endangered Species Act (ESA) protects wolves.", "ESA"),
    ("Shops must show the recommended retail price (RRP) rules. The RRP was cut by Currys.",
     "RRP"),
])
def test_a_things_acronym_names_no_actor(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert _actors(link, text, surface) == []
    with switched_off("actors.names.thing_acronym"):
        assert _actors(link, text, surface)
    assert _actors(link, text, surface) == []


def test_a_things_expansion_names_no_actor_either(link) -> None:  # type: ignore[no-untyped-def]
    text = ("NASA's Commercial Lunar Payload Services (CLPS) initiative pays firms. CLPS has "
            "hired two companies.")
    assert _actors(link, text, "Commercial Lunar Payload Services") == []
    assert _actors(link, text, "NASA") == ["usa-nasa"]


@pytest.mark.parametrize(("text", "surface", "before", "after"), [
    # a known organisation's acronym the gazetteer lacks
    ("The Commission on Presidential Debates (CPD) set the dates. CPD said the first debate "
     "would be in Ohio.", "CPD", "local:org:CPD", "usa-debate-commission"),
    # letters the gazetteer gives another body: the article's own wins
    ("The Ithilen Criminal Court (ICC) met on Monday. ICC judges said the case would go on.",
     "ICC", "IGOJUDICC", "local:org:Ithilen Criminal Court"),
    # an unknown organisation's acronym joins its chain
    ("The Ithilen Trade Council (ITC) met. ITC officials said the deal was done.", "ITC",
     "local:org:ITC", "local:org:Ithilen Trade Council"),
])
def test_an_organisations_acronym_is_that_organisation(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                       before: str, after: str) -> None:
    assert set(_actors(link, text, surface)) == {after}
    with switched_off("actors.names.acronym_of_org"):
        assert set(_actors(link, text, surface)) == {before}


@pytest.mark.parametrize(("text", "surface", "actors"), [
    # no definition: the gazetteer's reading stands
    ("ICC judges said the case would go on.", "ICC", ["IGOJUDICC"]),
    # an expansion ending in an organisation's word is no thing, whatever follows
    ("The Ithilen Space Agency (ISA) mission will fly. ISA said it was ready.", "ISA",
     ["local:org:Ithilen Space Agency"] * 2),
    # letters that are no initials of the words before ("Apple TV" is not ATV)
    ("Apple TV (ATV) is cheap. ATV sold well.", "ATV", ["local:org:ATV"] * 2),
    # an acronym used before its definition keeps its own reading
    ("ITC said on Monday that the deal was done.", "ITC", ["local:org:ITC"]),
])
def test_acronyms_the_rules_leave_alone(link, text: str, surface: str,  # type: ignore[no-untyped-def]
                                        actors: list[str]) -> None:
    assert _actors(link, text, surface) == actors


@pytest.fixture(scope="module")
def link_second_eu(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A linker whose user gazetteer adds a second body named "European Union" (as
    PETRARCH2's actor dictionary does), so that the name alone is ambiguous."""
    from dossier.analysis import analysers

    gaz = tmp_path_factory.mktemp("gaz") / "organisations.tsv"
    gaz.write_text("id\tname\taliases\tcountry\tsector\tcode\tqid\ttype\tnotes\n"
                   "user-eu\tEuropean Union\t\tIGO\tEEU\tIGOEEU\t\torg\t\n", encoding="utf-8")
    an = analysers(None, (gaz,))
    return lambda text: an.read(text, published=DAY).mentions


@pytest.mark.parametrize(("text", "surface", "known"), [
    # the acronym's own link to the known body stands
    ("The Philippines and the European Union (EU) agree on arbitration.", "EU", True),
    # an acronym the gazetteer does not give that body joins the unlinked expansion
    ("The European Union (EUN) met. EUN officials said little.", "EUN", False),
])
def test_a_known_bodys_acronym_keeps_its_link_when_its_name_is_ambiguous(
        link_second_eu, text: str, surface: str, known: bool) -> None:  # type: ignore[no-untyped-def]
    ids = [m.actor_id for m in link_second_eu(text) if m.text.endswith(surface)]
    assert ids
    assert all(not i.startswith("local:") for i in ids) is known
