"""dossier.parse.texts: a span's text cut from its document's text is ``span.text``,
and the document's text kept on it is ``doc.text``."""

from __future__ import annotations

import pytest
import spacy

from dossier.parse.texts import doc_text, remember, span_text

TEXTS = [
    "Kyiv said talks went well. Moscow disagreed.\n\nNo.  The envoy left on Monday ",
    "“We will not yield,” the minister said of the plan's  terms.\n",
    "  Leading spaces, a tab\there, and a final word",
    "",
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy.blank("en")


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("kept", [True, False])
def test_every_span_text_is_spacys(nlp, text: str, kept: bool) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    if kept:
        remember(doc, text)
    assert doc_text(doc) == doc.text == text
    for i in range(len(doc) + 1):
        for j in range(i, len(doc) + 1):  # empty spans and whitespace tokens too
            assert span_text(doc[i:j]) == doc[i:j].text


def test_a_document_made_from_a_span_gets_its_own_text(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXTS[0])
    remember(doc, TEXTS[0])
    part = doc[5:12].as_doc()
    assert doc_text(part) == part.text
    assert span_text(part[1:4]) == part[1:4].text
