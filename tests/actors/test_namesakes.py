"""A surname written alone when the story names several people who bear it
(dossier.actors.namesakes): the principal one, or the one named in the last sentences.
Made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.rules import switched_off

ON = date(2020, 9, 1)


def _last(link, text: str, surface: str) -> str:  # type: ignore[no-untyped-def]
    """The actor of the last mention written ``surface``."""
    return [m.actor_id for m in link(text, ON) if m.text == surface][-1]


@pytest.mark.parametrize(
    ("text", "surname", "actor", "without"),
    [
        # the person named most, not the family member named last
        ("President Donald Trump spoke in Ohio on Monday. He attacked his rivals. "
         "Melania Trump joined him on the stage later. The crowd cheered loudly. "
         "The band played for an hour. Fireworks lit the sky. On Tuesday, Trump said "
         "the rally was a success.",
         "Trump", "donald-trump", "melania-trump"),
        ("Donald Trump and his wife Melania Trump tested positive, as did his "
         "daughter Ivanka Trump.\n\nTrump posted the news on social media.",
         "Trump", "donald-trump", "ivanka-trump"),
    ],
)
def test_a_surname_goes_to_the_principal_namesake(link, text: str, surname: str,  # type: ignore[no-untyped-def]
                                                  actor: str, without: str) -> None:
    assert _last(link, text, surname) == actor
    with switched_off("actors.names.principal_namesake"):
        assert _last(link, text, surname) == without


@pytest.mark.parametrize(
    ("text", "surname", "actor"),
    [
        # the one namesake named in the last sentences (a live blog's new item)
        ("Gary Johnson spoke in Ohio. Johnson attacked his rivals. Johnson said he would "
         "win. The race went on. Voters were tired. Polls were bad. Homeland Security "
         "Secretary Jeh Johnson says hackers attacked. Johnson tells MSNBC that more "
         "attacks will come.", "Johnson", "jeh-johnson"),
        # one person of that surname in the story: that one
        ("Melania Trump visited a school in Ohio. Trump said the children were kind.",
         "Trump", "melania-trump"),
        # a title tells them apart
        ("Bill Clinton spoke first. Hillary Clinton spoke after him. "
         "Mrs. Clinton thanked the crowd.", "Mrs. Clinton", "hillary-clinton"),
    ],
)
def test_namesakes_the_rule_leaves_alone(link, text: str, surname: str,  # type: ignore[no-untyped-def]
                                         actor: str) -> None:
    assert _last(link, text, surname) == actor
    with switched_off("actors.names.principal_namesake"):
        assert _last(link, text, surname) == actor


def test_a_surname_read_as_a_noun(link) -> None:  # type: ignore[no-untyped-def]
    text = ("President Donald Trump signed the order on Monday. Critics said it was "
            "unfair. Trump granted the banker a full pardon.")
    assert [m.actor_id for m in link(text, ON) if m.text == "Trump"] == ["donald-trump"]
    with switched_off("actors.names.surname_read_as_noun"):
        assert not [m for m in link(text, ON) if m.text == "Trump"]


@pytest.mark.parametrize(
    "text",
    [
        # nobody of that surname in the story
        "The card game went on late. Trump cards were played all night.",
        "The card game went on late. Trump was called by the dealer twice.",
        # the word modifies a noun, it is no subject
        "President Donald Trump signed the order on Monday. Trump cards were played later.",
    ],
)
def test_words_read_as_nouns_the_rule_leaves_alone(link, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [(m.text, m.actor_id) for m in link(text, ON)]
    with switched_off("actors.names.surname_read_as_noun"):
        assert [(m.text, m.actor_id) for m in link(text, ON)] == found
