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

import gc
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from dossier.cache import compiled
from dossier.children import die_with_parent
from dossier.clean.chunk import article_pieces, needs_pieces
from dossier.clean.dedup import Deduplicator
from dossier.ingest import ReadOptions
from dossier.ingest.parallel import read_ahead
from dossier.records import Article, Document, DocumentResult, Dropped, Problem, content_id
from dossier.settings import load_settings, model_language
from dossier.sinks import RunSummary, Sink


def read_options(settings: dict[str, Any]) -> ReadOptions:
    return ReadOptions(
        published=settings["published"],
        max_file_bytes=int(settings["max_file_mb"]) * 1024 * 1024,
        jsonl_text_field=settings["jsonl_text_field"],
        jsonl_title_field=settings["jsonl_title_field"],
        jsonl_date_field=settings["jsonl_date_field"],
        jsonl_url_field=settings["jsonl_url_field"],
        follow_local_links=bool(settings["follow_local_links"]),
        stream_chunk_bytes=int(float(settings["stream_chunk_mb"]) * 2**20),
        max_unpack_ratio=int(settings.get("max_unpack_ratio", 100)),
        max_file_seconds=float(settings.get("max_file_seconds", 3600.0)),
        max_unpacked_bytes=int(float(settings.get("max_unpacked_mb") or 0) * 2**20),
    )


# How far (log-probability per word) the model's language may score below the best
# one and still be taken: a short English sentence made mostly of names ("Putin met
# Xi in Beijing.") scores a little better as Javanese or Pidgin (0.3-1.5 per word),
# while a sentence in another language scores far better in it (6-20 per word).
PREFER_PER_WORD = 3.0
# How many characters of a text its language is told from (py3langid reads them
# byte by byte in Python: the main process's largest cost per article).
LANGUAGE_SAMPLE = 1500


def detect_language(text: str, prefer: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, offline), None if too short.
    ``prefer`` (the model's language) wins when it scores within
    :data:`PREFER_PER_WORD` per word of the best: short texts of names fool the
    identifier, and a wrong guess would leave the article unanalysed. The first
    :data:`LANGUAGE_SAMPLE` characters are read: on 1,013 PolNeAR and 179 Scrapinghub
    articles they decide as the first 4,000 did, in ~55 % of the time."""
    sample = text[:LANGUAGE_SAMPLE]
    words = len(sample.split())
    if words < 5:
        return None
    identifier = _language_identifier()
    if prefer is None:
        return str(identifier.classify(sample)[0])
    scores = dict(identifier.rank(sample))
    best = max(scores, key=scores.__getitem__)
    if prefer in scores and scores[best] - scores[prefer] <= PREFER_PER_WORD * words:
        return prefer
    return str(best)


def article_language(declared: str | None, text: str, settings: dict[str, Any]) -> str | None:
    """The language a page, feed or JSON row declares, as its primary subtag ("en-US"
    is "en", the model's "en"; else such an article was never analysed), unless its
    text is clearly in another (a German page whose template says ``lang="en"`` is
    German: an English model would make persons of its nouns); with none declared,
    the text's, the model's language preferred (:func:`detect_language`)."""
    if not declared or not declared.strip():
        return detect_language(text, model_language(settings))
    code = declared.strip().replace("_", "-").split("-")[0].lower()
    found = detect_language(text, code)
    return code if found in (None, code) else found


@cache
def _language_identifier() -> Any:
    """py3langid's identifier. Unpacking its model (xz) takes ~0.5 s, a run's largest
    cost before the NLP; the unpacked tables are kept in the user's cache (~70 MB) and
    read in place (``mapped``: ~0.02 s to open, where reading them back took ~0.13 s
    of CPU; a text reads the rows of the features it has; :mod:`dossier.cache`)."""
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    # (the package's own version string: importlib.metadata costs ~0.03 s to import)
    ptc, pc, classes, nextmove, output, row = compiled(
        "langid", [py3langid.__version__, model.read_bytes()],
        lambda: _identifier_tables(LanguageIdentifier.from_model_file(model)), mapped=True)
    # the state table as py3langid's own array gives it: an item a Python int
    return LanguageIdentifier(ptc, pc, classes, memoryview(nextmove), output, tk_row=row)


def _identifier_tables(identifier: Any) -> tuple[Any, ...]:
    """What makes py3langid's identifier, its state table (an ``array``) as a numpy
    array over the same bytes, so that it is kept mapped too."""
    import numpy as np

    nextmove = identifier.tk_nextmove
    return (identifier.nb_ptc, identifier.nb_pc, list(identifier.nb_classes),
            np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode)),
            identifier.tk_output, identifier.tk_row)


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
    result = split_document(doc, settings)
    if dedup is not None:
        deduplicate(result, dedup)
    return result


def split_document(doc: Document, settings: dict[str, Any]) -> DocumentResult:
    """Clean and segment one document into articles and dropped spans (no dedup)."""
    # here, not at the top: a run forks its NLP worker first, and the worker needs none
    # of them (what is imported before the fork delays the worker's start)
    from dossier.clean.boilerplate import classify
    from dossier.clean.paragraphs import paragraph_spans
    from dossier.clean.segment import segment

    result = DocumentResult(doc)
    text = doc.text
    spans = paragraph_spans(text)
    reasons = classify(text, spans)
    content = [s for s, r in zip(spans, reasons, strict=True) if r is None]
    if not content and not doc.more:
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
        result.articles.append(
            Article(
                id=content_id(doc.id, str(start), str(end)), source=doc.source,
                document_id=doc.id, start=start, end=end,
                text=body, title=doc.title, published=doc.published, url=doc.url,
                language=article_language(doc.language, body, settings),
                author=doc.author,
                site=doc.site, locator=doc.locator,
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


def deduplicate(result: DocumentResult, dedup: Deduplicator) -> None:
    """Mark each article that repeats one seen before; keep every fingerprint."""
    for i, art in enumerate(result.articles):
        dup_of, dup_kind, h, sig = dedup.check(art.id, art.text)
        if sig is not None:
            result.fingerprints[art.id] = (h, sig)
        if dup_of is not None:
            result.articles[i] = replace(art, duplicate_of=dup_of,
                                         duplicate_kind=dup_kind)  # type: ignore[arg-type]


# -- streamed text files: parts stitched back into whole articles -------------------

def stitch(items: Iterable[Document | Problem], settings: dict[str, Any]
           ) -> Iterator[Document | DocumentResult | Problem]:
    """Pass documents through, but clean the parts of a streamed text file here: every
    article of a part but the last is final; the last may run on into the next part,
    so its text is carried over and cleaned again with it. Results come out cleaned
    and segmented, not yet deduplicated."""
    limit = 4 * int(float(settings["stream_chunk_mb"]) * 2**20)
    carry: Document | None = None
    for item in items:
        if carry is not None and (isinstance(item, Problem) or item.source != carry.source):
            # the stream ended early (a broken gzip): what was carried is final
            yield from _clean_part(replace(carry, more=False), settings)
            carry = None
        if isinstance(item, Problem) or (carry is None and not item.more
                                         and item.offset == 0):
            yield item
            continue
        if carry is not None:
            item = _join(carry, item)
            carry = None
        if not item.more:
            yield from _clean_part(item, settings)
            continue
        try:
            result = split_document(item, settings)
        except Exception as exc:
            yield _failed(item, exc)
            continue
        arts = result.articles
        cut = arts[-1].start if len(arts) >= 2 else (0 if arts else len(item.text))
        if len(item.text) - cut > limit:  # one endless "article": stop carrying it
            cut = len(item.text)
        if cut > 0:
            yield _head(result, cut)
        if cut < len(item.text):
            carry = _slice(item, cut, len(item.text), more=True)
    if carry is not None:
        yield from _clean_part(replace(carry, more=False), settings)


def _clean_part(doc: Document, settings: dict[str, Any]) -> Iterator[DocumentResult | Problem]:
    try:
        result = split_document(doc, settings)
    except Exception as exc:
        yield _failed(doc, exc)
        return
    yield in_file(result)


def in_file(result: DocumentResult) -> DocumentResult:
    """A streamed part's articles and dropped spans at offsets into the whole file
    (``split_document`` gives them in the part's text): every record found in them
    then points at its words in the file, as those of an unstreamed file do."""
    shift = result.document.offset
    if shift:
        result.articles = [replace(a, start=a.start + shift, end=a.end + shift)
                           for a in result.articles]
        result.dropped = [replace(d, start=d.start + shift, end=d.end + shift)
                          for d in result.dropped]
    return result


def _failed(doc: Document, exc: Exception) -> Problem:
    where = f" {doc.locator}" if doc.locator else ""
    return Problem(doc.source, f"could not process{where}: {type(exc).__name__}: {exc}")


def _slice(doc: Document, start: int, end: int, more: bool) -> Document:
    offset = doc.offset + start
    return replace(doc, id=content_id(doc.id, str(start), str(end)), text=doc.text[start:end],
                   offset=offset, more=more, notes=doc.notes if start == 0 else (),
                   locator=f"chars {offset}-{offset + end - start}")


def _join(carry: Document, part: Document) -> Document:
    text = carry.text + part.text
    return replace(part, id=content_id(carry.id, part.id), text=text, offset=carry.offset,
                   notes=carry.notes + part.notes,
                   locator=f"chars {carry.offset}-{carry.offset + len(text)}")


def _head(result: DocumentResult, cut: int) -> DocumentResult:
    """The part of a cleaned result before ``cut``, as a document of its own."""
    doc = _slice(result.document, 0, cut, more=False)
    ids = {a.id: content_id(doc.id, str(a.start), str(a.end))
           for a in result.articles if a.start < cut}
    head = DocumentResult(doc)
    head.articles = [replace(a, id=ids[a.id], document_id=doc.id, locator=doc.locator)
                     for a in result.articles if a.id in ids]
    head.dropped = [replace(d, document_id=doc.id,
                            article_id=ids.get(d.article_id) if d.article_id else None)
                    for d in result.dropped if d.start < cut]
    head.problems = list(result.problems)
    return in_file(head)


def masked_text(article: Article, dropped: list[Dropped]) -> str:
    """The article text with dropped spans blanked out, offsets unchanged."""
    # a piece of an article (clean.chunk) shares its id: only spans inside it count
    inside = [d for d in dropped if d.article_id == article.id
              and d.start < article.end and d.end > article.start]
    if not inside:  # (most articles: the text as it is, not copied a character at a time)
        return article.text
    chars = list(article.text)
    for d in inside:
        for i in range(max(d.start, article.start) - article.start,
                       min(d.end, article.end) - article.start):
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
    analyse_many([result], settings)


def analyse_many(results: list[DocumentResult], settings: dict[str, Any]) -> None:
    """:func:`analyse` for several documents in one ``nlp.pipe`` stream: a feed's or a
    crawl's one-article documents parse in batches, as spaCy runs fastest (one
    article a call is ~15% slower)."""
    from dossier.analysis import Where, analysers, gazetteer_files
    from dossier.events.learned import use_model

    use_model(settings.get("events_model"))
    an = analysers(settings.get("spacy_model"), gazetteer_files(settings))
    lang = an.nlp.lang
    todo = [(r, a) for r in results for a in r.articles
            if a.duplicate_of is None and (a.language is None or a.language == lang)]
    texts = (masked_text(a, r.dropped) for r, a in todo)
    where = (Where(a.source, a.id, a.start, _published(a.published)) for _, a in todo)
    for (result, _), (mentions, quotes, events) in zip(todo, an.analyse_texts(texts, where),
                                                         strict=True):
        result.mentions.extend(mentions)
        result.quotes.extend(quotes)
        result.events.extend(events)


def cleaned(
    inputs: Iterable[str | Path],
    sink: Sink,
    settings: dict[str, Any],
    dedup: Deduplicator,
    summary: RunSummary,
    progress: Callable[[str], None] | None = None,
    busy: set[str] | None = None,
) -> Iterator[DocumentResult]:
    """Read, clean, segment and deduplicate, in input order: every document not yet in
    ``sink``, ready for NLP. Bad files and documents become Problems in ``summary``.
    A document given twice in one run (the same file under two names) is read once:
    ``busy`` holds the ids of documents still on their way to the sink."""
    recent = _Recent(int(settings.get("dedup_window", 100_000)))
    documents = read_ahead(inputs, read_options(settings), int(settings.get("read_workers", 1)))
    for item in stitch(documents, settings):
        if isinstance(item, Problem):
            summary.problems.append(item)
            summary.files.add(item.source)
            continue
        doc = item if isinstance(item, Document) else item.document
        if progress:
            progress(doc.source)
        if doc.id in recent or (busy is not None and doc.id in busy):
            summary.repeated += 1
            summary.files.add(doc.source)
            continue
        if sink.seen(doc):
            summary.already_stored += 1
            summary.files.add(doc.source)
            continue
        recent.add(doc.id)
        try:
            if isinstance(item, Document):
                result = clean_document(item, settings, dedup)
            else:
                result = item
                deduplicate(result, dedup)
        except Exception as exc:  # one bad document must not cost the batch
            summary.problems.append(_failed(doc, exc))
            continue
        yield result


class _Recent:
    """The latest ``size`` document ids of a run (memory stays bounded)."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.order: deque[str] = deque()
        self.ids: set[str] = set()

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.ids

    def add(self, doc_id: str) -> None:
        self.order.append(doc_id)
        self.ids.add(doc_id)
        if len(self.order) > self.size:
            self.ids.discard(self.order.popleft())


def analyse_safely(result: DocumentResult, settings: dict[str, Any]) -> DocumentResult:
    """:func:`analyse`, but a failure keeps the articles and says what failed."""
    try:
        analyse(result, settings)
        result.analysed = True
    except Exception as exc:
        _forget_nlp(result)
        nlp_failed(result, f"{type(exc).__name__}: {exc}")
    return result


def nlp_failed(result: DocumentResult, why: str) -> None:
    """Mark the document's NLP as failed: its articles are kept and stored, the
    problem is reported, and the store's state makes a re-ingest retry it."""
    result.analysed = False
    result.nlp_error = why
    result.problems.append(Problem(result.document.source, f"NLP failed: {why}"))


def analyse_all_safely(results: list[DocumentResult], settings: dict[str, Any]
                       ) -> list[DocumentResult]:
    """:func:`analyse_many`; if it fails, each document again on its own, so that one
    bad document costs only itself."""
    try:
        analyse_many(results, settings)
        for result in results:
            result.analysed = True
    except Exception:
        for result in results:
            _forget_nlp(result)
            analyse_safely(result, settings)
    return results


def _forget_nlp(result: DocumentResult) -> None:
    result.mentions.clear()
    result.quotes.clear()
    result.events.clear()


def run(
    inputs: Iterable[str | Path],
    sink: Sink,
    settings: dict[str, Any] | None = None,
    dedup: Deduplicator | None = None,
    progress: Callable[[str], None] | None = None,
) -> RunSummary:
    """Process every input into ``sink``; bad files become Problems in the summary.

    The NLP runs in worker processes while this process reads, cleans and writes, in
    input order, a bounded window ahead: ``workers`` of them, or with ``workers`` = 1
    one (the guard: a crash in native code or a stuck document costs that document,
    not the run). With ``workers`` = 0 one runs until the batch has enough text to
    pay for one per core. The first worker starts with the run, so that it loads the
    model while this process reads and cleans; one never given a job is ended at once
    at the end. A job still running after ``max_document_seconds`` has its
    worker killed and replaced; its documents run again alone, and the one that takes
    too long again is stored as failed.
    """
    settings = settings or load_settings()
    if settings.get("nlp", True):  # a model not there: one error now, not one a document
        from dossier.models import check_models

        check_models(settings)
    if dedup is None:
        dedup = Deduplicator.from_settings(settings, signatures=sink.keeps_fingerprints)
    summary = RunSummary()
    nlp = bool(settings.get("nlp", True))
    workers = int(settings.get("workers", 1) or 0)
    auto = workers <= 0
    if auto:
        workers = os.cpu_count() or 1
    wait_chars = int(settings.get("parallel_min_chars", 0)) if auto else 0
    limit = float(settings.get("max_document_seconds") or 0) or None
    pool: ProcessPoolExecutor | None = None
    # processes in the pool: one (the guard) until `workers` pay for themselves
    size = 1 if wait_chars > 0 else workers
    worked: set[ProcessPoolExecutor] = set()  # the pools that were given a job
    # when each future was submitted, and to which pool
    submitted: dict[Future[list[DocumentResult]], tuple[float, ProcessPoolExecutor]] = {}
    # each pool's first call: done once a worker has started (loaded the model), a
    # time that does not count against a job's max_document_seconds
    started: dict[ProcessPoolExecutor, Future[float]] = {}
    # what each future was given: a worker's death is survived by running it again
    given: dict[Future[list[DocumentResult]], list[DocumentResult]] = {}
    rescued: dict[Future[list[DocumentResult]], list[DocumentResult]] = {}
    in_flight_ids: set[str] = set()
    # each document with its jobs: a future of a list of results and the index of
    # this document's job in it (short documents share a job; a long one has several)
    pending: deque[tuple[DocumentResult, list[tuple[Future[list[DocumentResult]], int]]]] \
        = deque()
    group: list[DocumentResult] = []  # short documents for one NLP job, in input order
    group_since, group_chars = 0.0, 0
    seen_chars = 0

    def finish(result: DocumentResult) -> None:
        sink.write(result)
        in_flight_ids.discard(result.document.id)
        summary.add(result)

    def new_pool(old: ProcessPoolExecutor | None) -> ProcessPoolExecutor:
        if old is None:
            fresh = _pool(size, settings)
        else:
            fresh = _fresh_pool(old, size, settings)
            started.pop(old, None)
        started[fresh] = fresh.submit(time.monotonic)
        return fresh

    def submit(jobs: list[DocumentResult]) -> Future[list[DocumentResult]]:
        nonlocal pool
        if pool is None:
            pool = new_pool(None)
        try:
            future = pool.submit(_analyse_all, jobs)
        except BrokenProcessPool:  # a worker died since the last job: a fresh pool
            pool = new_pool(pool)
            future = pool.submit(_analyse_all, jobs)
        given[future] = jobs
        submitted[future] = (time.monotonic(), pool)
        worked.add(pool)
        return future

    def end(old: ProcessPoolExecutor) -> None:
        """Shut a pool down; one never given a job may still be loading the model:
        its worker is ended rather than waited for."""
        started.pop(old, None)
        if old in worked:
            old.shutdown(cancel_futures=True)
        else:
            _kill_workers(old)
            old.shutdown(wait=False, cancel_futures=True)

    def result_of(future: Future[list[DocumentResult]]) -> list[DocumentResult]:
        """The future's results, within ``max_document_seconds`` of its submission;
        past that its worker (and the pool's others) is killed: TimeoutError."""
        nonlocal pool
        since, owner = submitted[future]
        left = None
        if limit is not None:
            ready = started.get(owner)
            if ready is not None:  # a worker's start is not the job's time
                since = max(since, ready.result())
            left = max(0.0, since + limit - time.monotonic())
        try:
            return future.result(timeout=left)
        except TimeoutError:
            if owner is pool:  # (a pool replaced since has lost its workers already)
                _kill_workers(owner)
                pool = new_pool(owner)
            raise

    def outcome(future: Future[list[DocumentResult]]) -> list[DocumentResult]:
        """The future's results; if its worker died or was killed for taking too long,
        each of its jobs again alone in a fresh worker, and a job that kills that one
        too, or takes too long again, is a failed analysis."""
        nonlocal pool
        if future in rescued:
            return rescued[future]
        try:
            return result_of(future)
        except (BrokenProcessPool, CancelledError, TimeoutError):
            pass
        out = []
        for job in given[future]:
            try:
                out.append(result_of(submit([job]))[0])
            except (BrokenProcessPool, CancelledError, TimeoutError) as exc:
                if not isinstance(exc, TimeoutError):
                    pool = new_pool(pool)
                lost = DocumentResult(job.document, articles=job.articles, dropped=job.dropped)
                nlp_failed(lost, too_slow(limit or 0) if isinstance(exc, TimeoutError)
                           else WORKER_DIED)
                out.append(lost)
        rescued[future] = out
        return out

    def finish_futures(result: DocumentResult,
                       futures: list[tuple[Future[list[DocumentResult]], int]]) -> None:
        try:
            jobs = [outcome(f)[k] for f, k in futures]
        except Exception as exc:  # keep the articles, say what failed
            nlp_failed(result, f"{type(exc).__name__}: {exc}")
            jobs = []
        finish(merge_jobs(result, jobs))
        for f, _k in futures:
            if not any(f is g for _, fs in pending for g, _ in fs):
                given.pop(f, None)
                rescued.pop(f, None)
                submitted.pop(f, None)

    def flush_group() -> None:
        """Analyse the short documents gathered so far (one job), in input order."""
        nonlocal group_chars
        group_chars = 0
        if not group:
            return
        future = submit(list(group))
        pending.extend((r, [(future, k)]) for k, r in enumerate(group))
        group.clear()

    def in_flight() -> int:
        return len({id(f) for _, fs in pending for f, _ in fs})

    try:
        if nlp:  # the worker loads the model while this process reads and cleans
            pool = new_pool(None)
        for result in cleaned(inputs, sink, settings, dedup, summary, progress,
                              busy=in_flight_ids):
            in_flight_ids.add(result.document.id)
            if not nlp:
                finish(result)
                continue
            chars = sum(len(a.text) for a in result.articles)
            seen_chars += chars
            if size < workers and seen_chars >= wait_chars:
                flush_group()  # what came before the workers, first, in the guard
                while pending:
                    finish_futures(*pending.popleft())
                if pool is not None:
                    end(pool)
                pool, size = None, workers
            cut = needs_pieces(result.articles)  # too long to parse whole: in pieces
            jobs = nlp_jobs(result)
            if len(jobs) > 1 or cut:
                flush_group()  # a long dump: its jobs over the workers
                pending.append((result, [(submit([job]), 0) for job in jobs]))
            else:
                if not group:
                    group_since = time.monotonic()
                group.append(result)
                group_chars += chars
                if group_chars >= JOB_CHARS or time.monotonic() - group_since > GROUP_SECONDS:
                    flush_group()  # enough text for a job, or a slow stream
            while in_flight() > 2 * size:
                finish_futures(*pending.popleft())
        flush_group()
        while pending:
            finish_futures(*pending.popleft())
    finally:
        if pool is not None:
            end(pool)
    return summary


# Short documents wait at most this long (checked as the next one comes) for enough
# text to make one NLP job: a slow stream is not held back.
GROUP_SECONDS = 2.0

# Article text sent to a worker in one job: a long dump's articles are spread over
# the workers instead of keeping one busy while the others wait.
JOB_CHARS = 40_000


def nlp_jobs(result: DocumentResult, job_chars: int | None = None) -> list[DocumentResult]:
    """The document's articles in groups of about ``job_chars`` characters, each a
    result of its own without the document text (the articles carry theirs). An
    article too long to parse whole comes as pieces (:mod:`dossier.clean.chunk`)."""
    job_chars = job_chars or JOB_CHARS
    doc = replace(result.document, text="")
    jobs: list[DocumentResult] = []
    group: list[Article] = []
    dropped: list[Dropped] = []
    size = 0
    for art in result.articles:
        for piece, inside in article_pieces(art, result.dropped):
            group.append(piece)
            dropped.extend(inside)
            size += len(piece.text)
            if size >= job_chars:
                jobs.append(DocumentResult(doc, articles=group, dropped=dropped))
                group, dropped, size = [], [], 0
    if group or not jobs:
        jobs.append(DocumentResult(doc, articles=group, dropped=dropped))
    return jobs


def merge_jobs(result: DocumentResult, jobs: list[DocumentResult]) -> DocumentResult:
    """Add the NLP records of a document's jobs to ``result``, in job order; if any
    job failed, none are added (all or nothing, as in one process) and the failure
    is the document's problem."""
    failed = any(job.problems for job in jobs)  # only a failure makes a problem
    for job in jobs:
        result.problems.extend(job.problems)
        if not failed:
            result.mentions.extend(job.mentions)
            result.quotes.extend(job.quotes)
            result.events.extend(job.events)
    if failed or not jobs:
        result.nlp_error = result.nlp_error or next(
            (j.nlp_error for j in jobs if j.nlp_error), "a job of it failed")
        result.analysed = False
    else:
        result.analysed = all(job.analysed for job in jobs)
    return result


def too_slow(seconds: float) -> str:
    """Why a document's NLP failed when it took too long twice."""
    return (f"the NLP took longer than {seconds:g} s (max_document_seconds), twice: its "
            "worker process was killed")


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's worker processes now (one is stuck on a job; the pool cannot end
    one alone): their jobs fail and run again in a fresh pool."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.kill()


# Why a document's NLP failed when its worker process died on it twice.
WORKER_DIED = ("the NLP worker process died on it (killed, out of memory or crashed "
               "in native code), twice")


_WORKER_SETTINGS: dict[str, Any] = {}


def _pool(workers: int, settings: dict[str, Any]) -> ProcessPoolExecutor:
    """Worker processes that each load the model once (fork where the OS has it)."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method),
                               initializer=_init_worker, initargs=(settings,))


def _fresh_pool(broken: ProcessPoolExecutor, workers: int,
                settings: dict[str, Any]) -> ProcessPoolExecutor:
    """A new pool for one whose worker died (its other workers are ended too)."""
    broken.shutdown(wait=False, cancel_futures=True)
    return _pool(workers, settings)


def _init_worker(settings: dict[str, Any]) -> None:
    die_with_parent()  # first: loading the model takes seconds
    # Loading makes many objects the garbage collector walks again and again (~0.1 s
    # of CPU of the start-up); what is loaded lives as long as the worker, so it is
    # then moved out of the collector's sight (gc.freeze: a full collection 0.05 s ->
    # 0.00 s) and the collector runs again as before.
    gc.disable()
    from threadpoolctl import threadpool_limits

    from dossier.quickimport import install

    install()  # a worker is Dossier's own process: spaCy comes without its command line
    from dossier.analysis import analysers, gazetteer_files

    # one BLAS thread per worker: N workers × multithreaded BLAS oversubscribe the
    # cores, and one worker's second thread competes with this process's reading; a
    # busy machine made the guard's first sentence cost 0.17 s of CPU instead of 0.01
    threadpool_limits(1)
    _WORKER_SETTINGS.update(settings)
    try:
        analysers(settings.get("spacy_model"), gazetteer_files(settings))
    finally:
        gc.freeze()
        gc.enable()


def _analyse_all(results: list[DocumentResult]) -> list[DocumentResult]:
    return analyse_all_safely(results, _WORKER_SETTINGS)
