"""Sentences the parser left without a verb: the name they open with is still their
subject, for the salience of :mod:`dossier.actors.coref.pronouns`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from dossier.actors.cues import BOOK
from dossier.parse.tree import children


@BOOK.rule("coref", off=False)
def fragment_subject(root: Any, span: Span) -> bool:
    """A name that opens its sentence and that the parser made the sentence's root,
    with a relative clause set off by a comma after it, is the sentence's main subject:
    "Buckley, who hadn't sung in years, worried about the song, especially given that
    she had no background in it" (parsed with "worried" as an adjective; the "she" is
    Buckley's). Not a name alone on its line (a caption, a byline) nor one with no
    "who" clause ("Jessie Buckley in a scene from the film")."""
    if root.dep_ != "ROOT" or root.pos_ != "PROPN" or span.end >= len(span.doc):
        return False
    sent = root.sent
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.i != span.start or span.doc[span.end].text != ",":
        return False
    return any(c.dep_ == "relcl" and c.i > root.i for c in children(root)) and (
        sent[-1].text == "." or sent[-1].is_space and len(sent) > 1 and sent[-2].text == ".")
