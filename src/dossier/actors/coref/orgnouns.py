"""The actor stage's rule for "the company", "the ministry" … (the resolver itself is
:mod:`dossier.parse.orgnouns`, shared with the quote stage)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from dossier.actors.cues import BOOK
from dossier.parse.article import ParsedArticle
from dossier.parse.orgnouns import Linked, resolve
from dossier.parse.orgnouns import described_here as _described_here
from dossier.parse.orgnouns import missed_again as _missed_again
from dossier.parse.orgnouns import subject_first as _subject_first
from dossier.records import Mention


@BOOK.rule("coref", off=None)
def org_nominal(parsed: ParsedArticle, mentions: Sequence[Mention], span: Span,
                linked: Linked) -> Mention | None:
    """"The company", "the ministry", "the agency" … is the nearest organisation of a
    fitting kind named before it ("Ithilen Widgets Ltd cut 300 jobs. … the company
    said": Ithilen Widgets Ltd); its cases are those of
    :func:`dossier.parse.orgnouns.resolve`."""
    return resolve(parsed, mentions, span, linked)


@BOOK.rule("coref", off=False)
def described_here(noun: Token) -> bool:
    """A noun for a kind of organisation with a relative clause or an apposition
    introduces one rather than referring back: "Big Machine denied it. The company that
    runs the AMAs, Dick Clark Productions, denies that anything is sorted" (not Big
    Machine; :func:`dossier.parse.orgnouns.described_here`)."""
    return _described_here(noun)


@BOOK.rule("coref", off=[])
def org_named_again(parsed: ParsedArticle, lo: int, hi: int, m: Mention, linked: Linked
                    ) -> list[Token]:
    """An organisation named again as a subject that no mention took is the same one,
    not a rival: "WeWork founder Adam Neumann … WeWork is headquartered in New York. A
    company spokesperson said" is WeWork
    (:func:`dossier.parse.orgnouns.missed_again`)."""
    return _missed_again(parsed, lo, hi, m, linked)


@BOOK.rule("coref", off=None)
def subject_org(fits: Sequence[tuple[Mention, Token]]) -> Mention | None:
    """Of organisations that fit "the company" in one sentence, its main subject when
    every other is in a prepositional phrase: "VW has done away with plastic inserts in
    favour of more AppleSkin. The automaker says …" is VW
    (:func:`dossier.parse.orgnouns.subject_first`)."""
    return _subject_first(fits)
