"""Linking precision (issue 18): places that are not the state of their name, fuzzy
matches that only repair typos, page furniture, titles of works and word pieces
that are no actors, a person's name before "administration", role titles of another
country, undated articles dated from their text, confidences and the trusted
threshold, and a speaker named only by a trusted link. Sentences written for these
tests; (text, date, surface, expected) tables with negatives."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors.cues import cues
from dossier.actors.dates import date_in_text
from dossier.actors.names import a_typo
from dossier.analysis import analysers
from dossier.records import TRUSTED_LINK, Mention
from dossier.rules import switched_off

D2019 = date(2019, 3, 1)
SEPT16 = date(2016, 9, 26)


def found(mentions: list[Mention], surface: str) -> str | None:
    m = next((m for m in mentions if m.text == surface), None)
    if m is None:
        return None
    return "local" if m.actor_id.startswith("local:") else m.actor_id


@pytest.mark.parametrize(
    ("text", "on", "surface", "expected"),
    [
        # a state of a federation, not the country of that name
        ("The storm hit Atlanta, Georgia, on Monday.", D2019, "Georgia", None),
        ("Georgia's governor signed the bill.", D2019, "Georgia", None),
        ("Donald Trump held a rally in Georgia.", D2019, "Georgia", None),
        ("The law of the state of Georgia is clear.", D2019, "Georgia", None),
        # ... but the country when the text says so (its capital, its demonym)
        ("Russia invaded Georgia, and Tbilisi protested.", D2019, "Georgia", "GEO"),
        ("Putin met the Georgian leader. Georgia wants to join NATO.", D2019, "Georgia",
         "GEO"),
        # a longer place name holding a state's or a bloc's
        ("He moved to New Jersey last year.", D2019, "Jersey", None),
        ("He moved to New Jersey last year.", D2019, "New Jersey", None),
        ("Schools in Western Australia closed.", D2019, "Western", None),
        ("Jersey is a Crown dependency.", D2019, "Jersey", "JEY"),
        ("Mexico and Canada signed the deal.", D2019, "Mexico", "MEX"),
        # fuzzy matching repairs typos only
        ("China’s president Xi Jiinping agreed.", date(2024, 5, 16), "Xi Jiinping",
         "xi-jinping"),
        ("Bill Barrow contributed to this report.", D2019, "Bill Barrow", "local"),
        # page furniture, titles of works and word pieces are no actors
        ("More from The Nation\nTrump said no.", D2019, "The Nation", None),
        ("Read more: Putin says no\nPutin said yes.", D2019, "Putin", "vladimir-putin"),
        ("She loved the 2006 film The Queen.", D2019, "The Queen", None),
        ("He was un-angry about it.", D2019, "un", None),
        ("The UN-backed plan failed.", D2019, "The UN", "IGOUNO"),
        # a region's word inside an organisation's name NER found is no mention
        ("Anezina Solomonidou, a European Space Agency research fellow, said so.", D2019,
         "European", None),
        ("European leaders met in Brussels.", D2019, "European", "EUR"),
        # the idiom "that's it" refers to nothing
        ("The president said China must make a deal. If they don't, that's it.", D2019,
         "it", None),
        ("China said it must make a deal.", D2019, "it", "CHN"),
        # "the company": the one fitting organisation named just before
        ("Home Depot cut 300 jobs on Monday. The company said demand had fallen.", D2019,
         "The company", "local"),
        ("The Ministry of Defence spoke. The ministry said the drills were over.", D2019,
         "The ministry", "gbr-mod"),
        ("Home Depot cut jobs. Walmart cut prices. The company said demand had fallen.",
         D2019, "The company", None),  # two companies: nobody
        ("The Ministry of Defence spoke. The company said the drills were over.", D2019,
         "The company", None),  # a ministry is no company
        # the BBC, named as a modifier; an unknown party is no corporation
        ("Protests against the country's Communist Party grew. A BBC journalist was beaten, "
         "according to the corporation.", D2019, "the corporation", "gbr-bbc"),
        # an object pronoun is not its clause's subject, however that subject is written
        ("Alexander Vindman spoke. Vindman reported to him.", D2019, "him", None),
        ("Putin met Xi and praised him.", D2019, "him", "xi-jinping"),
        # a he/she inside a quotation is not its speaker
        ("Tim Cook spoke about Steve Jobs. “I can feel him here,” Cook said.", D2019, "him",
         "local"),
        ("Tim Cook spoke. “I can feel him here,” Cook said.", D2019, "him", None),
        # a person's name before "administration" is the government
        ("Obama administration officials said the plan would fail.", SEPT16, "Obama", None),
        # an unknown person keeps the full name; "Miss Universe" is no part of it
        ("Trump attacked a former Miss Universe Alicia Marquez. Marquez said she was hurt.",
         SEPT16, "Alicia Marquez", "local"),
        ("Trump attacked a former Miss Universe Alicia Marquez. Marquez said she was hurt.",
         SEPT16, "Universe Alicia Marquez", None),
    ],
)
def test_links_and_non_links(link, text, on, surface, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text, on), surface) == expected


def test_administration_is_the_government_of_the_persons_country(link) -> None:  # type: ignore[no-untyped-def]
    m = next(m for m in link("The Obama administration said no.", SEPT16)
             if "administration" in m.text)
    assert (m.text, m.actor_name, m.code, m.type) == (
        "The Obama administration", "Obama administration", "USAGOV", "org")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a role title the story's country calls otherwise is another country's office
        ("Donald Trump and Mike Pompeo spoke about Venezuela. The interior minister said "
         "the protests were illegal.", "The interior minister", None),
        ("Donald Trump spoke. The homeland security secretary said the protests were "
         "illegal.", "The homeland security secretary", "kirstjen-nielsen"),
        ("Rishi Sunak spoke. The home secretary said no.", "The home secretary",
         "sajid-javid"),
    ],
)
def test_role_titles_of_another_country(link, text, surface, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text, D2019), surface) == expected


@pytest.mark.parametrize(
    ("written", "known", "repeated", "typo"),
    [
        ("xi jiinping", "xi jinping", False, True),
        ("vladimir putn", "vladimir putin", False, True),
        ("bill barrow", "william barr", False, False),  # another first name
        ("mark werner", "mark warner", True, False),  # spelt so twice: a name
        ("putin", "putin", False, False),  # one word
        ("xi jin ping", "xi jinping", False, False),  # not as many words
    ],
)
def test_a_typo(written: str, known: str, repeated: bool, typo: bool) -> None:
    assert a_typo(written, known, repeated) is typo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, Nov. 3, 2019 — The talks began. On Jan. 2, 2018 they had stalled.",
         date(2019, 11, 3)),
        ("On 5 September 2022 Liz Truss won.", date(2022, 9, 5)),
        ("The 2016 campaign was long; in 2016 and 2012 he ran.", date(2016, 7, 1)),
        ("In 2015 he visited; the 2012 talks failed.", None),  # a year named once
        ("No date here at all.", None),
        ("On Feb. 30, 2019 nothing happened.", None),  # no such day
    ],
)
def test_date_in_text(text: str, expected: date | None) -> None:
    assert date_in_text(text) == expected


def test_an_undated_article_is_read_on_the_date_its_text_gives(link) -> None:  # type: ignore[no-untyped-def]
    text = "Rishi Sunak spoke. The prime minister said no."
    dated = link("LONDON, July 1, 2019 — " + text, None)
    m = next(m for m in dated if m.text == "The prime minister")
    assert (m.actor_id, m.date_basis) == ("theresa-may", "text")
    latest = next(m for m in link(text, None) if m.text == "The prime minister")
    assert latest.date_basis == "latest" and latest.actor_id != "theresa-may"


@pytest.mark.parametrize(
    ("text", "on", "surface", "low", "high"),
    [
        ("Vladimir Putin arrived in China.", D2019, "Vladimir Putin", 0.9, 1.0),
        ("Jane Kaufman filed the suit. Kaufman said it was wrong.", D2019, "Kaufman",
         TRUSTED_LINK, 0.9),
        ("The FBI said it would investigate.", D2019, "it", 0.85, 1.0),
        ("The Ithilen Trade Council said no.", D2019, "the Ithilen Trade Council", 0.0,
         TRUSTED_LINK - 0.01),
    ],
)
def test_confidence_follows_the_evidence(link, text, on, surface, low, high) -> None:  # type: ignore[no-untyped-def]
    m = next((m for m in link(text, on) if m.text.lower() == surface.lower()), None)
    assert m is not None and low <= m.confidence <= high, (surface, m)


def test_a_chain_is_no_surer_than_its_name(link) -> None:  # type: ignore[no-untyped-def]
    ms = link("Nomura said the order favoured banks and named SBI as its key beneficiary.",
              D2019)
    name = next(m for m in ms if m.text == "Nomura")
    its = next(m for m in ms if m.text == "its")
    assert its.actor_id == name.actor_id and its.confidence <= name.confidence < TRUSTED_LINK


def test_confidences_are_probabilities_and_the_threshold_splits_them() -> None:
    table = cues().confidence
    assert all(0.0 < c <= 1.0 for c in table.values())
    assert min(table.values()) < TRUSTED_LINK <= max(table.values())


@pytest.mark.parametrize(
    ("text", "speaker", "actor"),
    [
        # two senators, equally salient: "he" stays unresolved and names nobody
        # (coordinated subjects are both subjects: actors.coref.conjunct_role)
        ("Tim Kaine and Mark Warner spoke. “We will win,” he said.", "he", None),
        # the subject of the sentence that leads into the quotation speaks
        ("Tim Kaine spoke. Mark Warner spoke. “We will win,” he said.", "Mark Warner",
         "local"),
        # the speaker of the quotation before speaks on
        ("Tim Kaine spoke at the hearing. Mark Warner said the bill would pass. “We will "
         "win,” he said.", "Mark Warner", "local"),
        # an unknown organisation (a low-confidence link) is named as the article names
        # it ("the" aside), not linked to an actor
        ("The Ithilen Trade Council said the tariffs would hurt.",
         "Ithilen Trade Council", None),
    ],
)
def test_only_a_trusted_link_names_a_speaker(text: str, speaker: str, actor: str | None
                                             ) -> None:
    an = analysers()
    parsed = an.read(text, published=D2019)
    _, quotes, _ = an.analyse(parsed)
    q = quotes[-1]
    got = None if q.speaker.actor_id is None else (
        "local" if q.speaker.actor_id.startswith("local:") else q.speaker.actor_id)
    assert (q.speaker.name, got) == (speaker, actor)


@pytest.mark.parametrize(("text", "surface", "lone"), [
    # nothing in the article shows the name acting: a game, a product, a name in a list
    ("The bundle comes with Mario Kart Deluxe and a case.", "Mario Kart Deluxe", True),
    ("The talks included Jane Kaufman and others.", "Jane Kaufman", True),
    ("The talks went on, according to Jane Kaufman.", "Jane Kaufman", True),
    # the subject of a verb, a later surname, a title or role noun, an apposition
    ("Jane Kaufman filed the suit.", "Jane Kaufman", False),
    ("The talks included Jane Kaufman. Kaufman was late.", "Jane Kaufman", False),
    ("The talks included Jane Kaufman. She was late.", "Jane Kaufman", False),
    ("Gov. Jane Kaufman was not there.", "Jane Kaufman", False),
    ("Company spokeswoman Jane Kaufman declined to comment.", "Jane Kaufman", False),
    ("The work Starry Heights Deluxe is on show.", "Starry Heights Deluxe", True),
    ("Jane Kaufman, a lawyer, was not at the talks.", "Jane Kaufman", False),
])
def test_a_lone_unknown_name_is_less_sure(link, text: str, surface: str, lone: bool) -> None:  # type: ignore[no-untyped-def]
    table = cues().confidence

    def confidence() -> float:
        return next(m for m in link(text, D2019) if m.text == surface).confidence

    assert confidence() == (table["unlinked_person_lone"] if lone else table["unlinked_person"])
    with switched_off("actors.names.lone_unknown_name"):
        assert confidence() == table["unlinked_person"]
    assert table["unlinked_person_lone"] < TRUSTED_LINK <= table["unlinked_person"]
