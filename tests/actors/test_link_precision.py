"""Mention links an analyst can rely on (issue 18, session 23): a title's opening word
belongs to the title, a surname the tagger read as a noun before a verb it read as an
adjective is the person, a passage in another script or a common word makes no actor,
and a maker's product is no organisation. Each rule on and off on made-up sentences,
and sentences it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

ON = date(2020, 6, 1)


def _found(link, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.actor_id) for m in link(text, ON)]


@pytest.mark.parametrize(
    ("text", "with_rule", "without"),
    [
        ("The clinic was opened by First Lady Melania Trump on Monday.",
         "First Lady Melania Trump", "Lady Melania Trump"),
        ("Deputy Prime Minister Chrystia Freeland spoke on Monday.",
         "Deputy Prime Minister Chrystia Freeland", "Prime Minister Chrystia Freeland"),
        ("First Minister Nicola Sturgeon spoke in Edinburgh on Monday.",
         "First Minister Nicola Sturgeon", "Minister Nicola Sturgeon"),
    ],
)
def test_a_title_opener(link, text: str, with_rule: str,  # type: ignore[no-untyped-def]
                        without: str) -> None:
    assert with_rule in [m.text for m in link(text, ON)]
    with switched_off("actors.names.title_opener"):
        found = [m.text for m in link(text, ON)]
        assert without in found and with_rule not in found


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # in lower case the words are a description, no title
        ("The first lady Melania Trump spoke on Monday.", "Melania Trump"),
        # an opener before a plain name is no title
        ("Deputy Jane Roe and President Donald Trump spoke on Monday.", "President Donald Trump"),
        ("Vice President Mike Pence spoke on Monday.", "Vice President Mike Pence"),
    ],
)
def test_title_opener_leaves_alone(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert surface in [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump spoke on Monday. Trump encouraged voters to stay calm.",
        "Donald Trump spoke on Monday. Trump defended voters who stayed calm.",
    ],
)
def test_a_surname_before_a_verb_read_as_adjective(link, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(link, text).count(("Trump", "donald-trump")) == 1
    with switched_off("actors.names.verb_read_as_adjective"):
        assert ("Trump", "donald-trump") not in _found(link, text)


@pytest.mark.parametrize(
    "text",
    [
        # a noun after the word: no verb
        "Donald Trump spoke on Monday. Trump cards were played later.",
        # nobody of that surname in the story
        "The card game went on late. Trump encouraged players to stay calm.",
        # a plain adjective after the word
        "Gordon Brown spoke on Monday. Brown leaves covered the path.",
    ],
)
def test_verb_read_as_adjective_leaves_alone(link, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _found(link, text)
    with switched_off("actors.names.verb_read_as_adjective"):
        assert _found(link, text) == found


def _unlettered(link, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [t for t, _ in _found(link, text) if not any("a" <= c.lower() <= "z" for c in t)]


@pytest.mark.parametrize(
    "text",
    [
        "The volunteers said: हमें नहीं चाहिए, ऐसा बोलते थे। Then they left.",
        "मैं एक दिन हाँ एक दिन ना लूँ। मतलब आज जो गोली खाया, कल नहीं खाता था।",
    ],
)
def test_a_passage_in_another_script_makes_no_actor(link, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _unlettered(link, text) == []
    with switched_off("actors.names.foreign_script"):
        assert _unlettered(link, text)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Tamara Dogandžić said the bones were old.", "Tamara Dogandžić"),
        ("Jiří Novák said the court was open.", "Jiří Novák"),
    ],
)
def test_foreign_script_leaves_latin_names(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert surface in [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The new law changed how farmers plant rice. Rice production takes place in two "
         "stages.", "Rice"),
        ("The meth problem grew last year. Meth said the campaign was good.", "Meth"),
    ],
)
def test_a_common_word_is_no_name(link, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in [m.text for m in link(text, ON)]
    with switched_off("actors.names.common_word_name"):
        assert word in [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # never written in lower case
        ("Quorra said the plan would work.", "Quorra"),
        # a name in full is no common word
        ("The bakers baked rice cakes. Maria Rice said the plan would work.", "Maria Rice"),
    ],
)
def test_common_word_name_leaves_alone(link, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word in [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Apple said sales rose. It comes with Apple CarPlay and a screen.", "Apple CarPlay"),
        ("Amazon said sales rose. In Europe, there will be integrated Amazon Alexa support.",
         "Amazon Alexa"),
        ("Amazon said sales rose. Amazon Echo Buds for $130 are cheap.", "Amazon Echo Buds"),
    ],
)
def test_a_makers_product_is_no_organisation(link, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name not in [m.text for m in link(text, ON)]
    with switched_off("actors.names.maker_product"):
        assert name in [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a word of the name says a body
        ("Amazon said sales rose. Amazon Studios said the film would open.", "Amazon Studios"),
        # a subject that speaks is a body
        ("Google said it would act. Google DeepMind said the model was safe.",
         "Google DeepMind"),
        # no maker in the story
        ("Quorra Trade Ventures said it would act.", "Quorra Trade Ventures"),
    ],
)
def test_maker_product_leaves_alone(link, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in [m.text for m in link(text, ON)]


# -- session 24 ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "text", "name"),
    [
        ("noun_abbreviation", "Arthur Jackson caught two TD passes for the Eagles.", "TD"),
        ("noun_abbreviation", "The laptop has 8GB of RAM and an IPS panel.", "RAM"),
        ("maker_named_product", "Google launched Google Stadia on Tuesday. Stadia is "
         "Google's attempt to make cloud gaming happen.", "Stadia"),
        ("interviewer_label", "Wikinews spoke to Zara Kay. ((WN)) How did it go? "
         "((Zara Kay)) It went well.", "WN"),
        ("lower_case_end", "Same here Jaya. Are you okay? ((Jaya)) Ya ya. ((WN)) Can you "
         "please tell me about yourself?", "Ya ya."),
        ("foreign_script", "हम ख़ुद precaution लिए, जैसे कि, हमारे organisation ने हमें "
         "बताया था कैसे रहना है।", "हमारे organisation ने हमें"),
    ],
)
def test_a_thing_or_a_label_is_no_actor(link, rule: str, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name not in [m.text for m in link(text, ON)]
    with switched_off(f"actors.names.{rule}"):
        assert name in [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an acronym of a body, not of a common noun
        ("The NYAG opened a probe into the company.", "The NYAG"),
        # a person after a maker's possessive
        ("Apple said sales rose. Apple's Tim Cook spoke. Tim Cook said it was fine.",
         "Tim Cook"),
        # never written after a maker
        ("Quorra said the plan would work.", "Quorra"),
        # a name whose last word is lower case but not all of it
        ("Nabil Hasan al-Quaety, a journalist, died on Tuesday in Aden.",
         "Nabil Hasan al-Quaety"),
        # a name labelled so in a transcript
        ("Wikinews spoke to Zara Kay. ((WN)) How did it go? ((Zara Kay)) It went well.",
         "Zara Kay"),
    ],
)
def test_the_session_24_thing_rules_leave_alone(link, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in [m.text for m in link(text, ON)]


def test_a_makers_division_is_a_body(link) -> None:  # type: ignore[no-untyped-def]
    text = "GE said profits rose. The scanners were made by GE Healthcare in Chicago."
    assert "GE Healthcare" in [m.text for m in link(text, ON)]
    with switched_off("actors.names.maker_division"):
        assert "GE Healthcare" not in [m.text for m in link(text, ON)]


@pytest.mark.parametrize(
    ("text", "pronoun", "kept", "without"),
    [
        # the car's "it" (the second: the first is Nissan saying what it will do)
        ("The new Nissan Sentra is here. Nissan says it will offer better gas mileage, "
         "and it also gets a new rear suspension.", "it", 1, 2),
        # its, a known body
        ("Apple said sales rose. Apple makes phones, and its phones sell well.", "its", 1, 1),
        ("The FBI opened a case on Monday. It has many agents.", "It", 1, 1),
    ],
)
def test_it_for_an_unknown_organisation(link, text: str, pronoun: str, kept: int,  # type: ignore[no-untyped-def]
                                        without: int) -> None:
    assert [m.text for m in link(text, ON)].count(pronoun) == kept
    with switched_off("actors.coref.it_for_unknown_org"):
        assert [m.text for m in link(text, ON)].count(pronoun) == without


def test_a_labelled_speaker_is_a_person(link) -> None:  # type: ignore[no-untyped-def]
    text = ("Wikinews caught up with Dr Christian Keysers and Dr Valeria Gazzola, two of "
            "the authors. ((WN)) How did it go? ((Valeria Gazzola)) It went well.")
    assert [m.type for m in link(text, ON) if m.text == "Valeria Gazzola"] == ["person"]
    with switched_off("actors.names.titled_person"):  # (which makes "Dr Valeria …" her)
        assert [m.type for m in link(text, ON) if m.text == "Valeria Gazzola"] == ["person"]
        with switched_off("actors.names.labelled_speaker"):
            assert [m.type for m in link(text, ON) if m.text == "Valeria Gazzola"] == ["org"]


@pytest.mark.parametrize(
    ("rule", "text", "surface", "with_rule", "without"),
    [
        ("titled_person", "Wikinews caught up with Dr Christian Keysers and Dr Valeria "
         "Gazzola, two of the authors.", "Dr Valeria Gazzola", "person", "org"),
        ("surname_of_story_person", "Gloria La Riva spoke first. Carroll agreed with La "
         "Riva, saying jobs matter.", "La Riva", "person", "org"),
        ("entity_norm_name", "The U.S. Supreme Court ruled on Monday.",
         "The U.S. Supreme Court", "usa-supreme-court", "local:org"),
    ],
)
def test_a_person_or_a_known_body_ner_mistyped(link, rule: str, text: str, surface: str,  # type: ignore[no-untyped-def]
                                               with_rule: str, without: str) -> None:
    def kinds() -> list[str]:
        return [m.type if with_rule in ("person", "org") else
                ("local:org" if m.actor_id.startswith("local:") else m.actor_id)
                for m in link(text, ON) if m.text == surface]
    assert kinds() == [with_rule]
    with switched_off(f"actors.names.{rule}"):
        assert kinds() == [without]


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        # a one-word name NER never calls a person is no surname of the story's person
        ("Jane Ford spoke on Monday. Ford Motor said its sales rose.", "Ford Motor", "org"),
        # a title before one word
        ("He drank Dr Pepper on Monday.", "Dr Pepper", None),
    ],
)
def test_mistyped_rules_leave_alone(link, text: str, surface: str, kind: str | None) -> None:  # type: ignore[no-untyped-def]
    assert next((m.type for m in link(text, ON) if m.text == surface), None) == kind
