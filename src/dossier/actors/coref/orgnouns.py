"""The actor stage's rule for "the company", "the ministry" … (the resolver itself is
:mod:`dossier.parse.orgnouns`, shared with the quote stage)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from dossier.actors.cues import BOOK
from dossier.parse.article import ParsedArticle
from dossier.parse.orgnouns import Linked, resolve
from dossier.records import Mention


@BOOK.rule("coref", off=None)
def org_nominal(parsed: ParsedArticle, mentions: Sequence[Mention], span: Span,
                linked: Linked) -> Mention | None:
    """"The company", "the ministry", "the agency" … is the nearest organisation of a
    fitting kind named before it ("Ithilen Widgets Ltd cut 300 jobs. … the company
    said": Ithilen Widgets Ltd); its cases are those of
    :func:`dossier.parse.orgnouns.resolve`."""
    return resolve(parsed, mentions, span, linked)
