"""Wire the stages: read → clean → segment → deduplicate → NLP (actors, quotes,
events) → sink.

``clean_document`` makes a Document's articles and dropped spans; ``analyse``
parses its articles once with spaCy and adds mentions, quotes and events;
``process_document`` does both. ``run`` drives a batch one document at a time, so
memory stays bounded by the largest document, optionally with the NLP in worker
processes, and hands each result to a sink (the store or a JSON Lines writer). A
document that fails never costs the rest of the batch.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dossier.clean.boilerplate import classify
from dossier.clean.dedup import Deduplicator
from dossier.clean.paragraphs import paragraph_spans
from dossier.clean.segment import segment
from dossier.ingest import ReadOptions, read_inputs
from dossier.records import Article, Document, DocumentResult, Dropped, Problem, content_id
from dossier.settings import load_settings


def read_options(settings: dict[str, Any]) -> ReadOptions:
    return ReadOptions(
        published=settings["published"],
        max_file_bytes=int(settings["max_file_mb"]) * 1024 * 1024,
        jsonl_text_field=settings["jsonl_text_field"],
        jsonl_title_field=settings["jsonl_title_field"],
        jsonl_date_field=settings["jsonl_date_field"],
        jsonl_url_field=settings["jsonl_url_field"],
        follow_local_links=bool(settings["follow_local_links"]),
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, offline), None if too short."""
    sample = text[:4000]
    if len(sample.split()) < 5:
        return None
    import py3langid

    lang, _ = py3langid.classify(sample)
    return str(lang)


def process_document(
    doc: Document, settings: dict[str, Any], dedup: Deduplicator | None = None
) -> DocumentResult:
    """Everything the pipeline makes of one document (no I/O)."""
    result = clean_document(doc, settings, dedup)
    if settings.get("nlp", True):
        analyse(result, settings)
    return result


def clean_document(
    doc: Document, settings: dict[str, Any], dedup: Deduplicator | None = None
) -> DocumentResult:
    """Articles and dropped spans of one document: the stages before NLP."""
    result = DocumentResult(doc)
    text = doc.text
    spans = paragraph_spans(text)
    reasons = classify(text, spans)
    content = [s for s, r in zip(spans, reasons, strict=True) if r is None]
    if not content:
        result.problems.append(Problem(doc.source, "no article text left after cleaning",
                                       "warning"))
    single = doc.single_article or not settings.get("segment_text", True)
    if single or not content:
        groups = [content] if content else []
    else:
        starts = segment(
            [text[s.start : s.end] for s in content],
            threshold=settings.get("segment_threshold"),
            min_paragraphs=int(settings["segment_min_paragraphs"]),
        )
        bounds = [*starts, len(content)]
        groups = [content[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]

    for group in groups:
        if doc.single_article:
            start, end = 0, len(text)
        elif single:
            start, end = content[0].start, content[-1].end
        else:
            start, end = group[0].start, group[-1].end
        body = text[start:end]
        art_id = content_id(doc.id, str(start), str(end))
        dup_of = dup_kind = None
        if dedup is not None:
            dup_of, dup_kind, h, sig = dedup.check(art_id, body)
            result.fingerprints[art_id] = (h, sig)
        result.articles.append(
            Article(
                id=art_id, source=doc.source, document_id=doc.id, start=start, end=end,
                text=body, title=doc.title, published=doc.published, url=doc.url,
                language=doc.language or detect_language(body), author=doc.author,
                site=doc.site, locator=doc.locator, duplicate_of=dup_of,
                duplicate_kind=dup_kind,  # type: ignore[arg-type]
                offsets_in_article=doc.format != "text",
            )
        )
    for s, r in zip(spans, reasons, strict=True):
        if r is None:
            continue
        inside = next((a.id for a in result.articles if a.start <= s.start < a.end), None)
        result.dropped.append(Dropped(doc.source, doc.id, s.start, s.end, r,
                                      text[s.start : s.end], inside))
    for note in doc.notes:
        result.problems.append(Problem(doc.source, note, "warning"))
    return result


def masked_text(article: Article, dropped: list[Dropped]) -> str:
    """The article text with dropped spans blanked out, offsets unchanged."""
    chars = list(article.text)
    for d in dropped:
        if d.article_id == article.id:
            for i in range(d.start - article.start, d.end - article.start):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def analyse(result: DocumentResult, settings: dict[str, Any]) -> None:
    """Actor mentions, quotes and events for every article that is not a duplicate
    and is in the model's language (an English model says nothing true about an
    Indonesian article)."""
    from dossier.actors.link import linker_for
    from dossier.events.extract import extract_events
    from dossier.quotes.extract import extract_quotes

    linker = linker_for(settings.get("spacy_model"), _gazetteer_files(settings))
    lang = linker.nlp.lang
    todo = [a for a in result.articles
            if a.duplicate_of is None and (a.language is None or a.language == lang)]
    texts = (masked_text(a, result.dropped) for a in todo)
    for art, doc in zip(todo, linker.nlp.pipe(texts, batch_size=16), strict=True):
        mentions = linker.link(doc, source=art.source, article_id=art.id, offset=art.start,
                               published=_published(art.published))
        result.mentions.extend(mentions)
        result.quotes.extend(extract_quotes(doc, mentions, source=art.source,
                                            article_id=art.id, offset=art.start))
        result.events.extend(extract_events(doc, mentions, source=art.source,
                                            article_id=art.id, offset=art.start,
                                            published=_published(art.published)))


def _gazetteer_files(settings: dict[str, Any]) -> tuple[Path, ...]:
    value = settings.get("gazetteer_files") or ""
    return tuple(Path(p.strip()) for p in str(value).split(",") if p.strip())


@dataclass
class RunSummary:
    files: set[str] = field(default_factory=set)
    documents: int = 0
    already_stored: int = 0
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": len(self.files), "documents": self.documents,
            "already_stored": self.already_stored, "articles": self.articles,
            "duplicates": self.duplicates, "mentions": self.mentions, "quotes": self.quotes,
            "events": self.events,
            "dropped": dict(self.dropped),
            "problems": [p.to_dict() for p in self.problems],
        }


class Sink:
    """Where results go. The store and the JSON Lines writer implement this."""

    def seen(self, doc: Document) -> bool:
        return False

    def write(self, result: DocumentResult) -> None:  # pragma: no cover - interface
        raise NotImplementedError


def run(
    inputs: Iterable[str | Path],
    sink: Sink,
    settings: dict[str, Any] | None = None,
    dedup: Deduplicator | None = None,
    progress: Callable[[str], None] | None = None,
) -> RunSummary:
    """Process every input into ``sink``; bad files become Problems in the summary."""
    settings = settings or load_settings()
    if dedup is None:
        dedup = Deduplicator(float(settings["near_duplicate_threshold"]),
                             int(settings["minhash_permutations"]))
    summary = RunSummary()
    workers = int(settings.get("workers", 1) or 0)
    if workers <= 0:
        workers = os.cpu_count() or 1
    nlp = bool(settings.get("nlp", True))
    pool = _pool(workers, settings) if nlp and workers > 1 else None
    pending: deque[tuple[DocumentResult, Future[DocumentResult] | None]] = deque()

    def finish(result: DocumentResult, future: Future[DocumentResult] | None) -> None:
        if future is not None:
            try:
                result = future.result()
            except Exception as exc:  # keep the articles, say what failed
                result.problems.append(Problem(
                    result.document.source, f"NLP failed: {type(exc).__name__}: {exc}"))
        sink.write(result)
        summary.add(result)

    try:
        for item in read_inputs(inputs, read_options(settings)):
            if isinstance(item, Problem):
                summary.problems.append(item)
                summary.files.add(item.source)
                continue
            if progress:
                progress(item.source)
            if sink.seen(item):
                summary.already_stored += 1
                summary.files.add(item.source)
                continue
            try:
                result = clean_document(item, settings, dedup)
                if nlp and pool is None:
                    analyse(result, settings)
            except Exception as exc:  # one bad document must not cost the batch
                summary.problems.append(Problem(
                    item.source, f"could not process"
                    f"{' ' + item.locator if item.locator else ''}: {type(exc).__name__}: {exc}"))
                continue
            if pool is None:
                finish(result, None)
                continue
            # NLP in worker processes, writes here, in input order, a bounded window ahead
            pending.append((result, pool.submit(_analyse, result)))
            while len(pending) > 2 * workers:
                finish(*pending.popleft())
        while pending:
            finish(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary


_WORKER_SETTINGS: dict[str, Any] = {}


def _pool(workers: int, settings: dict[str, Any]) -> ProcessPoolExecutor:
    """Worker processes that each load the model once (fork where the OS has it)."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method),
                               initializer=_init_worker, initargs=(settings,))


def _init_worker(settings: dict[str, Any]) -> None:
    from threadpoolctl import threadpool_limits

    from dossier.actors.link import linker_for

    # one BLAS thread per worker: N workers × multithreaded BLAS oversubscribe the cores
    threadpool_limits(1)
    _WORKER_SETTINGS.update(settings)
    linker_for(settings.get("spacy_model"), _gazetteer_files(settings))


def _analyse(result: DocumentResult) -> DocumentResult:
    analyse(result, _WORKER_SETTINGS)
    return result
