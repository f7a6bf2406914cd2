"""The NLP stages put together: parse once, then actors, quotes and events read the
same :class:`~dossier.parse.ParsedArticle`, with one gazetteer and one geography
built per run from the user's files (``--gazetteer``).

    an = analysers(model, gazetteer_files(settings))
    for parsed in an.parse(texts, metas):
        mentions, quotes, events = an.analyse(parsed)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from dossier.actors.link import Linker
from dossier.events.extract import extract_events
from dossier.gazetteer import Gazetteer, Geography, geography
from dossier.parse import ParsedArticle, load_nlp
from dossier.quotes.extract import extract_quotes
from dossier.records import Event, Mention, Quote


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
        for doc, w in zip(self.nlp.pipe(texts, batch_size=batch_size), where, strict=True):
            yield ParsedArticle(doc, w.source, w.article_id, w.offset, w.published)

    def analyse(self, parsed: ParsedArticle) -> tuple[list[Mention], list[Quote], list[Event]]:
        """Actors first (they set ``parsed.mentions``), then quotes and events."""
        mentions = self.linker.link(parsed)
        return mentions, extract_quotes(parsed, self.geo), extract_events(parsed, self.geo)

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
