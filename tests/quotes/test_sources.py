"""Sources of reports: nested pronoun subjects, subjects across paragraph breaks,
and cues whose speaker sits outside their own clause.

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors.link import linker_for
from dossier.quotes.extract import extract_quotes
from dossier.records import Quote


@pytest.fixture(scope="module")
def quotes():  # type: ignore[no-untyped-def]
    linker = linker_for(None)

    def run(text: str, on: date = date(2024, 5, 16)) -> list[Quote]:
        doc = linker.nlp(text)
        mentions = linker.link(doc, source="t", article_id="a", published=on)
        return extract_quotes(doc, mentions, source="t", article_id="a")

    return run


def _speakers(text: str, qs: list[Quote], content: str) -> list[str | None]:
    return [text[q.speaker["start"] : q.speaker["end"]] if q.speaker else None
            for q in qs if q.text == content]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a pronoun subject in the clause of a speech verb: the named subject speaks
        ("The mayor says she wants to rebuild the old bridge before the winter.",
         "to rebuild the old bridge before the winter", "The mayor"),
        ("Rishi Sunak said he wants to cut taxes before the next election.",
         "to cut taxes before the next election", "Rishi Sunak"),
        # an unlinked subject: the pronoun is the subject, whoever was named before
        ("Liz Truss left early. The actress said she wants to move to Paris next year.",
         "to move to Paris next year", "The actress"),
        ("Local officials say they expect the river to flood again this spring.",
         "the river to flood again this spring", "Local officials"),
        # a timestamp line the parser joined to the next sentence is no subject
        ("9:30 p.m.\n\nThe governor says the state will appeal the ruling next week.",
         "the state will appeal the ruling next week", "The governor"),
    ],
)
def test_source_found(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert speaker in _speakers(text, qs, content), [
        (q.text, q.speaker and text[q.speaker["start"] : q.speaker["end"]]) for q in qs]


@pytest.mark.parametrize(
    ("text", "content", "not_speaker"),
    [
        # the pronoun is someone else: a singular subject and "they"
        ("The mayor says they want to rebuild the old bridge before the winter.",
         "to rebuild the old bridge before the winter", "The mayor"),
        # the pronoun resolves to another person than the subject of the speech verb
        ("Liz Truss spoke first. Rishi Sunak said she wants to cut taxes before the "
         "next election.", "to cut taxes before the next election", "Rishi Sunak"),
        # a timestamp is never a speaker
        ("9:30 p.m.\n\nThe governor says the state will appeal the ruling next week.",
         "the state will appeal the ruling next week", "p.m."),
    ],
)
def test_source_not(quotes, text: str, content: str, not_speaker: str) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(text)
    assert not_speaker not in _speakers(text, qs, content)
