"""Find quotations and reported speech in a parsed article and attribute them.

Direct quotes are found by their marks (curly or straight; a paragraph that opens a
quote and does not close it continues into the next one that opens with a mark, the
UK and US convention). A speech cue (a reporting verb from ``data/quote_cues.toml``)
next to the quote, through the dependency parse, gives the speaker: its subject,
resolved to an actor by the actor stage (so "she" and "the spy chief" come out as
people). A quote inside the clause of a cue ("warned that the “consequences …”") is
partial; a paragraph that is only a quotation continues the last speaker; colons and
dashes attribute whole paragraphs and quotations. Without marks, a cue (lists in the
data file, by the shape of their content: clause, infinitive, object, preposition,
noun, adjective, "according to") and its complement in the parse give an indirect
report, whose source may be an unlinked noun phrase ("officials", "a new poll").
Short quotations with no cue (scare quotes, titles, nicknames) are not quotes.

The rooms (each holds its rules, ``BOOK`` in ``book.py``): ``marks`` (quotation
marks), ``lexicon`` and ``cues`` (the cue words; finding and checking a quotation's
cue), ``speakers``, ``mentions`` and ``sources`` (who speaks), ``clauses`` and
``objects`` (the shapes of content), ``marked``, ``reported`` and ``paragraphs``
(the attribution strategies), ``post`` (passes over an article's quotes).
"""

from __future__ import annotations

from dossier.gazetteer import Geography
from dossier.parse import ParsedArticle
from dossier.parse.tree import forget, walk
from dossier.quotes.book import in_order
from dossier.quotes.bounds import framing_set_off
from dossier.quotes.marked import marked_quotations
from dossier.quotes.marks import quote_spans
from dossier.quotes.paragraphs import according_to_clauses, colon_paragraphs, evidence_clauses
from dossier.quotes.post import (
    calibrated,
    nested_pronouns,
    one_per_act,
    outer_reports,
    page_calibrated,
    quoted_in_report,
)
from dossier.quotes.reported import reported_speech
from dossier.quotes.view import ArticleView
from dossier.records import Quote

__all__ = ["extract_quotes", "quote_spans"]

in_order()


def extract_quotes(parsed: ParsedArticle, geo: Geography) -> list[Quote]:
    """Direct, partial and indirect quotes of one parsed article."""
    walk(parsed.doc, parsed.kids)
    try:
        return _quotes(parsed, geo)
    finally:
        forget()  # the parse walks' cache lets go of the doc


def _quotes(parsed: ParsedArticle, geo: Geography) -> list[Quote]:
    view = ArticleView(parsed, geo)
    marked = quote_spans(view.text)
    out = marked_quotations(view, marked)
    # what the quotes so far cover, in text offsets: no later strategy takes it again
    quoted = [(view.local(q.start), view.local(q.end)) for q in out]
    for strategy in (colon_paragraphs, according_to_clauses):
        found = strategy(view, quoted)
        out += found
        quoted += [(view.local(q.start), view.local(q.end)) for q in found]
    out += evidence_clauses(view, quoted)  # (a finding in a poll leaves room for a report)
    partial = {(view.local(q.start), view.local(q.end)) for q in out
               if q.quote_type == "partial"}
    out += reported_speech(view, marked, quoted, partial)
    out.sort(key=lambda q: q.start)
    return page_calibrated(calibrated(framing_set_off(quoted_in_report(one_per_act(
        outer_reports(nested_pronouns(out, view)))))))
