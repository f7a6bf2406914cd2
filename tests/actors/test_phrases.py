"""Lazy phrase matchers: the matches of a full PhraseMatcher, with only the
patterns a document's first tokens call for."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from dossier.actors.phrases import LazyPhrases
from dossier.parse import load_nlp

PHRASES = ["Vladimir Putin", "Putin", "the Kremlin", "The Kremlin", "New York Times",
           "New York", "U.S.", "prime minister", "Prime Minister of Japan", "NATO's",
           "Zorblax Holdings"]  # (words the vocabulary has not met)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch
          ) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch_module.setenv("DOSSIER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def nlp(cache: Path) -> object:
    return load_nlp(None)


@pytest.fixture(scope="module")
def monkeypatch_module():  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def _full(nlp, attr: str, doc):  # type: ignore[no-untyped-def]
    m = PhraseMatcher(nlp.vocab, attr=attr)
    m.add("K", list(nlp.tokenizer.pipe(PHRASES)))
    return m(doc)


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
@pytest.mark.parametrize("text", [
    "Vladimir Putin told the Kremlin that the New York Times lied.",
    "THE PRIME MINISTER OF JAPAN met the U.S. envoy in New York.",
    "NATO's chief spoke; Putin did not.",
    "Nothing here names anyone at all.",  # none: nothing is added
    "putin and new york in lower case",  # only LOWER matches these
    "ZORBLAX holdings rose; Zorblax Holdings fell.",  # the pattern's ids, new words
])
def test_same_matches_as_a_full_matcher(nlp, attr: str, text: str) -> None:  # type: ignore[no-untyped-def]
    lazy = LazyPhrases(nlp, "K", PHRASES, attr=attr)
    for _ in range(2):  # the second time with the patterns already in
        doc = nlp.make_doc(text)
        assert lazy(doc) == _full(nlp, attr, doc)


def test_only_the_groups_a_document_opens_are_added(nlp, cache: Path) -> None:  # type: ignore[no-untyped-def]
    lazy = LazyPhrases(nlp, "K", PHRASES, attr="ORTH")
    assert sum(map(len, lazy.waiting.values())) == len(PHRASES)
    lazy(nlp.make_doc("Putin spoke in New York."))  # "Putin" and "New" open groups
    assert sorted(w for ws in lazy.waiting.values() for w in ws) == sorted(
        tuple(t.orth for t in nlp.make_doc(p)) for p in PHRASES
        if not p.startswith(("Putin", "New ")))
    # the tokenizations come from the cache (nothing new is written), whole again
    entries = sorted(cache.glob("phrases-k-*.pickle"))
    assert entries and sum(map(len, LazyPhrases(nlp, "K", PHRASES, "ORTH").waiting.values())
                           ) == len(PHRASES)
    assert sorted(cache.glob("phrases-k-*.pickle")) == entries


@pytest.mark.parametrize("texts", [
    ["Putin spoke in New York."],
    ["Putin spoke.", "Nothing here.", "The New York Times and NATO.", "Putin again."],
    ["Nothing here names anyone at all."],
])
def test_table_of_waiting_groups_follows_what_is_taken(nlp, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The table a document's token ids are looked up in marks the low bits of the
    groups still waiting, and only those, after each document (kept up as groups are
    taken, not made again)."""
    lazy = LazyPhrases(nlp, "K", PHRASES, attr="ORTH")
    for text in texts:
        lazy(nlp.make_doc(text))
        marked = {k & 0xFFFF for k in lazy.waiting}
        assert set(lazy.opens.nonzero()[0].tolist()) == marked
