"""Where a run's results go: the :class:`Sink` interface (the store implements it),
the :class:`RunSummary` of a run, and the sinks of the ``dossier`` commands that run
the pipeline (``ingest``, ``extract``).

Kept apart from :mod:`dossier.pipeline` so that ``dossier --help`` and the commands
that only read the store do not import the pipeline."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dossier.records import Document, DocumentResult, Problem
from dossier.settings import model_language


@dataclass
class RunSummary:
    files: set[str] = field(default_factory=set)
    documents: int = 0
    already_stored: int = 0
    repeated: int = 0  # documents given again in the same run (read once)
    unanalysed: int = 0  # documents stored without their NLP (it failed)
    articles: int = 0
    duplicates: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def add(self, result: DocumentResult) -> None:
        self.files.add(result.document.source)
        self.documents += 1
        self.articles += len(result.articles)
        self.duplicates += sum(1 for a in result.articles if a.duplicate_of)
        self.dropped.update(d.reason for d in result.dropped)
        self.mentions += len(result.mentions)
        self.quotes += len(result.quotes)
        self.events += sum(1 for e in result.events if not e.negated)
        self.problems.extend(result.problems)
        self.unanalysed += result.nlp_error is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": len(self.files), "documents": self.documents,
            "already_stored": self.already_stored, "repeated": self.repeated,
            "unanalysed": self.unanalysed, "articles": self.articles,
            "duplicates": self.duplicates, "mentions": self.mentions, "quotes": self.quotes,
            "events": self.events,
            "dropped": dict(self.dropped),
            "problems": [p.to_dict() for p in self.problems],
        }


class Sink:
    """Where results go. The store and the JSON Lines writer implement this."""

    # whether it keeps the articles' MinHash signatures (the store does): a run
    # for a sink that does not computes them only to compare articles
    keeps_fingerprints = True

    def seen(self, doc: Document) -> bool:
        return False

    def write(self, result: DocumentResult) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class Collect(Sink):
    """Passes results on, keeping what the summary and the progress lines need: the
    first article records, articles left out of the NLP for their language, negated
    events and the number of documents written."""

    def __init__(self, inner: Sink, settings: dict[str, Any], keep: int = 50) -> None:
        self.inner, self.keep = inner, keep
        self.keeps_fingerprints = inner.keeps_fingerprints
        self.articles: list[dict[str, Any]] = []
        self.model_lang = model_language(settings)
        self.not_analysed: Counter[str] = Counter()
        self.negated = 0
        self.written = 0

    def seen(self, doc: Document) -> bool:
        return self.inner.seen(doc)

    def write(self, result: DocumentResult) -> None:
        self.inner.write(result)
        self.written += 1
        self.negated += sum(1 for e in result.events if e.negated)
        for a in result.articles:
            if a.duplicate_of is None and a.language and a.language != self.model_lang:
                self.not_analysed[a.language] += 1
            if len(self.articles) < self.keep:
                self.articles.append(a.to_dict(with_text=True))

    def summary_dict(self, summary: RunSummary) -> dict[str, Any]:
        return {**summary.to_dict(), "negated_events": self.negated,
                "not_analysed_languages": dict(self.not_analysed)}


class JsonlSink(Sink):
    """Every record of a result as one JSON line on stdout (``dossier extract``)."""

    keeps_fingerprints = False

    def write(self, result: DocumentResult) -> None:
        out = sys.stdout
        for rec in result.records():
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
