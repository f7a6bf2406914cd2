"""The NLP stages put together: parse once, then actors, quotes and events read the
same :class:`~dossier.parse.ParsedArticle`, with one gazetteer and one geography
built per run from the user's files (``--gazetteer``).

    an = analysers(model, gazetteer_files(settings))
    for mentions, quotes, events in an.analyse_texts(texts, metas):
        ...
    mentions, quotes, events = an.analyse(text, Where(source, article_id, offset))

Text of any length may be given to ``analyse_texts`` and ``analyse``: one too long
for the parser is cut first, as the pipeline cuts it (:mod:`dossier.clean.chunk`).
``parse`` takes each text whole (for text known to be short: a sentence, a test).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from dossier.actors.link import Linker
from dossier.clean.chunk import PIECE_MAX_CHARS, pieces
from dossier.events.extract import extract_events
from dossier.gazetteer import Gazetteer, Geography, geography
from dossier.parse import ParsedArticle, load_nlp
from dossier.quotes.extract import extract_quotes
from dossier.records import Event, Mention, Quote, Span


def gazetteer_files(settings: dict[str, Any]) -> tuple[Path, ...]:
    """The user's gazetteer files named by the ``gazetteer_files`` setting."""
    value = settings.get("gazetteer_files") or ""
    return tuple(Path(p.strip()) for p in str(value).split(",") if p.strip())


@dataclass(frozen=True, slots=True)
class Where:
    """Where a parsed text comes from: its source, article and offset into the source."""

    source: str
    article_id: str
    offset: int = 0
    published: date | None = None


@dataclass(frozen=True)
class Analysers:
    """The model, the gazetteer with its geography, and the matchers compiled over
    them: built once per process."""

    nlp: Language
    geo: Geography
    linker: Linker

    @property
    def gazetteer(self) -> Gazetteer:
        return self.geo.gazetteer

    def parse(self, texts: Iterable[str], where: Iterable[Where], batch_size: int = 16
              ) -> Iterator[ParsedArticle]:
        """Parse texts in ``nlp.pipe`` batches (as spaCy runs fastest)."""
        texts, given = itertools.tee(texts)
        for doc, text, w in zip(self.nlp.pipe(texts, batch_size=batch_size), given, where,
                                strict=True):
            yield ParsedArticle(doc, w.source, w.article_id, w.offset, w.published,
                                parsed_text=text)

    def analyse(self, parsed: ParsedArticle | str, where: Where | None = None
                ) -> tuple[list[Mention], list[Quote], list[Event]]:
        """Actors first (they set ``parsed.mentions``), then quotes and events. Given
        text (with ``where`` it comes from), it is parsed first, in pieces if it is
        too long for the parser (:meth:`analyse_texts`)."""
        if isinstance(parsed, str):
            return next(self.analyse_texts([parsed], [where or Where("t", "a")]))
        mentions = self.linker.link(parsed)
        return mentions, extract_quotes(parsed, self.geo), extract_events(parsed, self.geo)

    def analyse_texts(self, texts: Iterable[str], where: Iterable[Where], batch_size: int = 16
                      ) -> Iterator[tuple[list[Mention], list[Quote], list[Event]]]:
        """The records of each text, in order. A text too long to parse whole (over
        the model's ``max_length``, a line of over 10,000 characters, a run of over
        1,000 without white space) is cut at sentence, else clause, else white-space
        boundaries (:func:`dossier.clean.chunk.pieces`, as the pipeline cuts it); each
        piece is parsed and analysed at its offset, so every record points into the
        text (plus ``where.offset``); what is lost is context across a cut."""
        limit = min(PIECE_MAX_CHARS, self.nlp.max_length)
        items = ((i, text[s.start : s.end], replace(w, offset=w.offset + s.start))
                 for i, (text, w) in enumerate(zip(texts, where, strict=True))
                 for s in pieces(text, limit) or [Span(0, 0)])
        ids, piece_texts, wheres = itertools.tee(items, 3)
        parsed = self.parse((t for _, t, _ in piece_texts), (w for _, _, w in wheres),
                            batch_size)
        for _, group in itertools.groupby(zip((i for i, _, _ in ids), parsed, strict=True),
                                          key=lambda pair: pair[0]):
            mentions: list[Mention] = []
            quotes: list[Quote] = []
            events: list[Event] = []
            for _, piece in group:
                m, q, e = self.analyse(piece)
                mentions += m
                quotes += q
                events += e
            yield mentions, quotes, events

    def read(self, text: str, *, source: str = "t", article_id: str = "a",
             published: date | None = None) -> ParsedArticle:
        """One text parsed and linked: for tests, evaluations and notebooks."""
        parsed = next(self.parse([text], [Where(source, article_id, 0, published)]))
        self.linker.link(parsed)
        return parsed


@cache
def analysers(model: str | None = None, gazetteer_files: tuple[Path, ...] = ()) -> Analysers:
    """The analysers for a spaCy pipeline and the gazetteer with these user files."""
    nlp = load_nlp(model)
    geo = geography(gazetteer_files)
    return Analysers(nlp, geo, Linker(nlp, geo.gazetteer))
