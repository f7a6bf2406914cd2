"""dossier.parse.sentences: ``Token.sent`` and ``Span.sent`` looked up from the sentence
starts give the spans spaCy's own walk gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dossier.parse.sentences import install


@pytest.fixture(scope="module")
def vocab():  # type: ignore[no-untyped-def]
    return spacy.blank("en").vocab


WORDS = "Kyiv said talks went well . Moscow disagreed . No . The envoy left on Monday".split()


@pytest.mark.parametrize("starts", [
    [True, False, False, False, False, False, True, False, False, True, False, True,
     False, False, False, False],  # four sentences, the last to the end
    [True] + [False] * 15,  # one sentence
    [None, False, False, False, False, False, True, False, False, True, True, True,
     False, False, False, False],  # the first token's start unset; one-word sentences
    [True] * 16,  # every token a sentence
])
def test_every_token_and_span_gets_the_sentence_spacy_finds(vocab, starts) -> None:  # type: ignore[no-untyped-def]
    plain = Doc(vocab, words=WORDS, sent_starts=starts)
    hooked = Doc(vocab, words=WORDS, sent_starts=starts)
    install(hooked)
    assert "sent" in hooked.user_token_hooks and "sent" in hooked.user_span_hooks
    n = len(WORDS)
    for i in range(n):
        want = plain[i].sent
        assert (hooked[i].sent.start, hooked[i].sent.end) == (want.start, want.end)
        for j in range(i, n + 1):  # spans, empty ones and those across sentences too
            want = plain[i:j].sent
            got = hooked[i:j].sent
            assert (got.start, got.end, got.label) == (want.start, want.end, want.label)


def test_a_document_without_sentences_keeps_spacy_s_own(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = Doc(vocab, words=["no", "parse"])
    install(doc)
    assert not doc.user_token_hooks and not doc.user_span_hooks
    with pytest.raises(ValueError):
        _ = doc[0].sent


def test_a_document_made_from_a_span_finds_its_own_sentences(vocab) -> None:  # type: ignore[no-untyped-def]
    starts = [True, False, False, False, False, False, True, False, False, True, False,
              True, False, False, False, False]
    doc = Doc(vocab, words=WORDS, sent_starts=starts)
    install(doc)
    part = doc[4:12].as_doc()  # (spaCy copies the hooks)
    plain = Doc(vocab, words=WORDS, sent_starts=starts)[4:12].as_doc()
    assert [(t.sent.start, t.sent.end) for t in part] == [
        (t.sent.start, t.sent.end) for t in plain]
