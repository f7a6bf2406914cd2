"""Typed records that flow between stages. Every record knows where its words are.

Offsets (``start``/``end``) are Python string indices, end exclusive, into
``Document.text``: the decoded text of a plain-text file, or the extracted main
text of an HTML page, WARC record, feed item or JSON Lines row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal

Format = Literal["text", "html", "warc", "jsonl", "feed", "parquet"]


def content_id(*parts: str | bytes, length: int = 16) -> str:
    """A stable hex id from content (sha256, truncated). Same content, same id."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x1f")
    return h.hexdigest()[:length]


class _ByFields:
    """A frozen record pickled as its class and its field values, in order
    (``cls(*values)``), as worker processes send records to the main process: the
    dataclass's own pickling of a frozen slotted class lists its fields anew for every
    object, then sets each field in a Python loop (``_dataclass_getstate`` and
    ``_setstate``); the worker's side of the hand-over took 2.5 times the instructions
    that way (benchmarks/instructions.py main). The object made back is equal."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        cls = type(self)
        values = _VALUES.get(cls)
        if values is None:
            values = _VALUES[cls] = _values_of(cls)
        return cls, values(self)


_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _values_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a record's field values in ``__init__``'s order."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if not all(f.init for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__} has a field __init__ does not take")
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)


@dataclass(frozen=True, slots=True)
class Span(_ByFields):
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Document(_ByFields):
    """One unit of input text as a reader yields it.

    A plain-text file is one Document (it may hold many articles). An HTML page, a
    WARC response record, a feed item or a JSON Lines row is one Document holding one
    article (``single_article=True``: never segmented further).
    """

    id: str  # content hash of the raw bytes (plus locator for records inside a container)
    source: str  # path of the file it came from
    text: str
    format: Format
    single_article: bool = False
    locator: str | None = None  # WARC record id, feed item id, JSONL line number
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD when known
    url: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    notes: tuple[str, ...] = ()  # e.g. "repaired mojibake", "replaced 3 invalid bytes"
    # A part of a streamed text file: where its text starts in the whole file (in
    # characters) and whether more parts follow.
    offset: int = 0
    more: bool = False


@dataclass(frozen=True, slots=True)
class Article(_ByFields):
    id: str
    source: str
    document_id: str
    start: int
    end: int
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    site: str | None = None
    locator: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: Literal["exact", "near"] | None = None
    # Whether offsets point into the extracted article text (HTML-like inputs): then
    # the record carries that text in the extraction contract.
    offsets_in_article: bool = False

    def to_dict(self, with_text: bool | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": "article",
            "id": self.id,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "language": self.language,
            "duplicate_of": self.duplicate_of,
            "author": self.author,
            "site": self.site,
            "locator": self.locator,
            "document_id": self.document_id,
        }
        if with_text if with_text is not None else self.offsets_in_article:
            d["text"] = self.text
        return d


@dataclass(frozen=True, slots=True)
class Dropped(_ByFields):
    """A span removed from the text, with the reason. Nothing is lost silently."""

    source: str
    document_id: str
    start: int
    end: int
    reason: str  # ad-marker, consent-notice, embed-echo, embed-chrome, site-chrome, empty
    text: str
    article_id: str | None = None  # the article it lay inside, if any

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "dropped",
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
            "text": self.text,
            "document_id": self.document_id,
            "article_id": self.article_id,
        }


# A mention's link is trusted from this confidence up (on the PolNeAR dev gold about
# nine in ten such links are right: docs/actors.md); below it a quote keeps the phrase
# as its speaker, not the actor's name.
TRUSTED_LINK = 0.7


@dataclass(frozen=True, slots=True)
class Mention(_ByFields):
    """A span that names or points at an actor, and the actor it resolves to.

    ``via`` says how: name, alias, title, role, pronoun, metonym, fuzzy or unlinked.
    Mentions of one actor in one article form a coreference chain (``chain``).
    """

    source: str
    article_id: str
    start: int
    end: int
    text: str
    actor_id: str
    actor_name: str
    qid: str | None
    code: str | None
    country: str | None
    sector: str | None
    type: str  # person | org | state | bloc | region | group
    via: str
    chain: str
    # "published"; "text" when the article has no date and one was read in its text;
    # "latest" when neither (the most recent holder of a role is taken)
    date_basis: str = "published"
    # How sure the link is (0–1): an exact name 0.95, a pronoun or role lower; an
    # unlinked phrase is sure of its words, not of an identity. Below TRUSTED_LINK a
    # link names no speaker.
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "mention", **{k: getattr(self, k) for k in self.__slots__}}


def plain(value: Any) -> Any:
    """A nested record as its JSON shape (``to_dict``), anything else as it is."""
    return value.to_dict() if hasattr(value, "to_dict") else value


class _Part(_ByFields):
    """A part of a record (a speaker, a cue, an actor reference …): its JSON shape is
    its fields in order, so the records' JSON is what it was with plain dicts."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        names: tuple[str, ...] = self.__slots__  # type: ignore[attr-defined]
        return {k: plain(getattr(self, k)) for k in names}


@dataclass(frozen=True, slots=True)
class TextSpan(_Part):
    """Words of the source: offsets into it and the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Speaker(_Part):
    """Who a quote is attributed to: the resolved actor and the mention that names
    them (``start``/``end``), with the whole source phrase PolNeAR-style, and the
    speaker's CAMEO-style code when known ("CHNGOV" for "China's commerce ministry":
    the body is named, the code is its state's government)."""

    name: str
    actor_id: str | None
    qid: str | None
    start: int
    end: int
    via: str
    phrase: TextSpan | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Cue(_Part):
    """The word that introduces speech ("said", "according to")."""

    text: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ReportedVia(_Part):
    """Who relayed the speech ("Xinhua reported that Xi said …" → Xinhua)."""

    name: str
    actor_id: str | None


@dataclass(frozen=True, slots=True)
class ActorRef(_Part):
    """An event's source or target: the actor and its CAMEO code parts."""

    name: str
    actor_id: str | None
    code: str | None
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Trigger(_Part):
    """The word that carries an event's action."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Location(_Part):
    """Where an event happened."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Quote(_ByFields):
    """Who said what: the content span, the speaker mention and the cue."""

    source: str
    article_id: str
    start: int
    end: int
    text: str
    quote_type: str  # direct | partial | indirect
    speaker: Speaker | None
    cue: Cue | None
    tense: str  # past | present | future
    reported_via: ReportedVia | None
    about: tuple[str, ...]
    confidence: float
    # What kind of act the cue reports: "speech" (said, told, wrote, announced,
    # according to …) or "belief" (thinks, believes, hopes, sees: an attitude the
    # article ascribes, not words spoken). Default views show speech only.
    act: str = "speech"
    # The quoted parts of one act of speech split by its attribution ("“…,” he said.
    # “…”"): start/end and text above run from the first part to the last, the
    # attribution inside; empty when the quote is one piece.
    segments: tuple[TextSpan, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": "quote", **{k: plain(getattr(self, k)) for k in self.__slots__}}
        d["about"] = list(self.about)
        d["segments"] = [s.to_dict() for s in self.segments]
        return d


@dataclass(frozen=True, slots=True)
class Event(_ByFields):
    """A coded event: source actor, action, target actor, in one evidence sentence."""

    source: str
    article_id: str
    start: int
    end: int
    code: str  # CAMEO, leading zeros kept
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    source_actor: ActorRef | None
    target_actor: ActorRef | None
    trigger: Trigger
    negated: bool
    modality: str  # asserted | future | hypothetical | intended
    date: str | None
    date_precision: str  # day | week (its Monday) | month | year | article | none
    location: Location | None
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "event", **{k: plain(getattr(self, k)) for k in self.__slots__}}


@dataclass(frozen=True, slots=True)
class Problem(_ByFields):
    """An input that could not be read (wholly or in part), for the run summary."""

    source: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "problem", **asdict(self)}


@dataclass(slots=True)
class DocumentResult:
    """Everything the pipeline made of one Document: the unit written in one transaction."""

    document: Document
    articles: list[Article] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # article id -> (normalised text hash, MinHash signature bytes), from dedup
    fingerprints: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    # Whether the NLP ran over every article it should (duplicates and articles in
    # another language have nothing to run), and why it did not when it failed: the
    # store keeps the document's state, and a re-ingest retries a failed one.
    analysed: bool = False
    nlp_error: str | None = None

    @property
    def state(self) -> str:
        """"analysed", "failed" (the NLP broke on it) or "stored" (NLP not run)."""
        return "failed" if self.nlp_error else "analysed" if self.analysed else "stored"

    def records(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [a.to_dict() for a in self.articles]
        out.extend(d.to_dict() for d in self.dropped)
        out.extend(m.to_dict() for m in self.mentions)
        out.extend(q.to_dict() for q in self.quotes)
        out.extend(e.to_dict() for e in self.events)
        return out
