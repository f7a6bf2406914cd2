"""What the linker knows of one article while it reads it, and the run's indexes.

:class:`Article` is the per-article state every room reads and writes: the actors
seen so far (antecedents, :class:`Seen`), the local actors for unknown names, which
tokens are taken by a mention, the mentions made, and the matches found before the
reading starts. Rooms are functions of an ``Article``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz, process
from spacy.attrs import IS_ALPHA, IS_LOWER, ORTH
from spacy.tokens import Span

from dossier.actors.dates import date_in_text
from dossier.gazetteer import Actor, Gazetteer, norm
from dossier.parse import ParsedArticle
from dossier.records import Mention

LOCAL_ID_LENGTH = 10  # hex digits of a local actor's id
FOUND_MAX = 100_000  # names whose closest gazetteer name is kept (FuzzyNames)


@dataclass(frozen=True, eq=False)
class FuzzyNames:
    """The normalised names and aliases of the gazetteer's people, for misspellings,
    normalised when a search first needs them (a process's first documents seldom
    do: start-up is spared it)."""

    gazetteer: Gazetteer

    @classmethod
    def of(cls, gazetteer: Gazetteer) -> FuzzyNames:
        return cls(gazetteer)

    @cached_property
    def _names(self) -> tuple[list[str], list[str]]:
        people = [a for a in self.gazetteer.actors.values() if a.type == "person"]
        return ([norm(a.name) for a in people] + [norm(al) for a in people for al in a.aliases],
                [a.id for a in people] + [a.id for a in people for _ in a.aliases])

    @property
    def keys(self) -> list[str]:
        """The normalised names, then the aliases."""
        return self._names[0]

    @property
    def ids(self) -> list[str]:
        """The actor id of each of :attr:`keys`."""
        return self._names[1]

    def closest(self, written: str, cutoff: float, words: int = 1
                ) -> tuple[str, float, int] | None:
        """The name closest to ``written`` (rapidfuzz ratio ≥ ``cutoff``): name, score,
        index; None at once for a name of fewer than ``words`` words."""
        if len(written.split()) < words:
            return None
        # the same unknown names come back, in an article and in a run: each is
        # searched once (the table is cleared past ``FOUND_MAX`` names)
        found = self._found.get((written, cutoff))
        if found is None:
            if len(self._found) >= FOUND_MAX:
                self._found.clear()
            found = self._found[written, cutoff] = self._search(written, cutoff)
        return found or None

    @cached_property
    def _found(self) -> dict[tuple[str, float], tuple[str, float, int] | tuple[()]]:
        return {}

    def _search(self, written: str, cutoff: float) -> tuple[str, float, int] | tuple[()]:
        """The closest name, score, index, or () if none reaches ``cutoff``."""
        # a name of another length is as far as the difference at least: only the
        # names of lengths that can reach the cut-off are scored, in order (ties go to
        # the first), the lists kept by length and cut-off
        keys, index = self._near.get((len(written), cutoff)) or self._lengths(len(written), cutoff)
        hit = process.extractOne(written, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        return () if hit is None else (hit[0], hit[1], index[hit[2]])

    @cached_property
    def _near(self) -> dict[tuple[int, float], tuple[list[str], list[int]]]:
        return {}

    def _lengths(self, n: int, cutoff: float) -> tuple[list[str], list[int]]:
        index = [i for i, k in enumerate(self.keys)
                 if 100 * (1 - abs(n - len(k)) / (n + len(k))) >= cutoff - 0.01]
        self._near[n, cutoff] = [self.keys[i] for i in index], index
        return self._near[n, cutoff]


@dataclass
class Seen:
    """An actor mentioned so far: a candidate antecedent."""

    actor: Actor
    token: int  # index of the mention's head token
    subject: bool
    main_subject: bool = False  # subject of the sentence's main verb
    quoted: bool = False  # inside a quotation
    oblique: bool = False  # a possessor or prepositional object ("Chelsea's apartment")
    start: int = -1  # the mention's tokens
    end: int = -1


@dataclass(eq=False)
class Article:
    """One article being linked."""

    parsed: ParsedArticle
    g: Gazetteer
    fuzzy: FuzzyNames
    seen: list[Seen] = field(default_factory=list)
    local: dict[str, Actor] = field(default_factory=dict)  # unknown names → local actors
    out: list[Mention] = field(default_factory=list)
    groups: dict[int, list[Actor]] = field(default_factory=dict)  # coordinations
    org_heads: dict[str, Actor] = field(default_factory=dict)  # head word(s) of an org's name
    # found before reading: gazetteer names (all, and the longest at each token),
    # entities, role titles, and "<noun> of <organisation>" roles with their keys
    name_spans: list[Span] = field(default_factory=list)
    names_at: dict[int, Span] = field(default_factory=dict)
    ents_at: dict[int, Span] = field(default_factory=dict)
    roles_at: dict[int, Span] = field(default_factory=dict)
    org_roles: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)
    signs: dict[str, bool] = field(default_factory=dict)  # a state's capital or demonym seen
    # an agency's abbreviation named as another country's body (bodies.others_named)
    others_bodies: dict[tuple[str, str], bool] = field(default_factory=dict)
    # unknown people named in full: the index of their mention in ``out``, and its span
    unlinked_people: list[tuple[int, Span]] = field(default_factory=list)
    # the titles the story gives a person seen, by the mention's head, start and end
    titles: dict[tuple[int, int, int], frozenset[str]] = field(default_factory=dict)
    # people named by a state's office, by id: the state ("Ukraine's president", "the
    # Ukrainian president": actors.roles.another_office)
    offices: dict[str, str] = field(default_factory=dict)
    # the he/she linked to each person so far, by id (coref.gender.story_gender)
    pronoun_genders: dict[str, set[str]] = field(default_factory=dict)
    # acronyms the article defines for what may be an organisation, and their
    # expansions ("the Ithilen Trade Council (ITC)": actors.acronyms)
    defined: dict[str, Span] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.doc = self.parsed.doc
        self.date = self.parsed.published
        self.basis = "published"
        if self.date is None:
            self.date = date_in_text(self.parsed.text)
            self.basis = "text" if self.date else "latest"
        self.quoted = self.parsed.quoted
        # the article's tokens, made once (``a.tokens[i]`` makes a new Token at each call)
        self.tokens = self.parsed.tokens
        self.taken = [False] * len(self.doc)
        self._sent_starts: list[int] | None = None
        self._doc_focus: str | None = None
        self._lower_words: frozenset[str] | None = None
        self._ent_labels: dict[str, dict[str, int]] | None = None

    def span(self, start: int, end: int) -> Span:
        return Span(self.doc, start, end)

    def skip(self, span: Span) -> None:
        """Take the tokens of ``span`` without a mention ("a visit to Beijing")."""
        for i in range(span.start, span.end):
            self.taken[i] = True

    def sentence_floor(self, i: int) -> int:
        """First token of the sentence before the one holding token ``i``."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        starts = self._sent_starts
        k = bisect_right(starts, i) - 1
        return starts[max(k - 1, 0)]

    def sentences_back(self, i: int, n: int) -> int:
        """First token of the sentence ``n`` sentences before the one holding ``i``."""
        self.sentence_floor(i)
        starts = self._sent_starts or [0]
        return starts[max(bisect_right(starts, i) - 1 - n, 0)]

    def title_before(self, span: Span) -> str:
        """The capitalised word before ``span``, lower-cased, without its full stop."""
        if span.start == 0:
            return ""
        prev = self.tokens[span.start - 1]
        return prev.lower_.rstrip(".") if prev.is_title else ""

    def in_story(self, actor: Actor) -> bool:
        return any(s.actor.id == actor.id for s in self.seen)

    def focus_country(self) -> str | None:
        """The country of most of the story's people (else of its states); before
        any, of the people the whole article names in full."""
        for types in (("person",), ("state",)):
            counts: dict[str, int] = {}
            for m in self.out:
                if m.country and m.type in types and not m.actor_id.startswith("local:"):
                    counts[m.country] = counts.get(m.country, 0) + 1
            if counts:
                return max(counts, key=counts.__getitem__)
        return self.doc_focus

    @property
    def lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case (``nonactors.common_word_name``)."""
        if self._lower_words is None:  # (read off the columns: no Token, no flag call)
            cols = self.doc.to_array([IS_LOWER, IS_ALPHA, ORTH])
            orths = set(cols[(cols[:, 0] != 0) & (cols[:, 1] != 0), 2].tolist())
            strings = self.doc.vocab.strings
            self._lower_words = frozenset(strings[v] for v in orths)
        return self._lower_words

    @property
    def ent_labels(self) -> dict[str, dict[str, int]]:
        """How often NER labelled each entity's text (its possessive cut) so, by label
        (``kinds.person_by_labels``)."""
        if self._ent_labels is None:
            labels: dict[str, dict[str, int]] = {}
            for e in self.doc.ents:
                end = e.end
                while end > e.start and self.tokens[end - 1].text in ("'s", "’s", "'", "’"):
                    end -= 1
                key = self.doc[e.start:end].text
                by = labels.setdefault(key, {})
                by[e.label_] = by.get(e.label_, 0) + 1
            self._ent_labels = labels
        return self._ent_labels

    @property
    def doc_focus(self) -> str | None:
        if self._doc_focus is None:
            counts: dict[str, int] = {}
            for sp in self.name_spans:
                actors = self.g.by_name(sp.text)
                if len(actors) == 1 and actors[0].type == "person" and actors[0].country:
                    c = actors[0].country
                    counts[c] = counts.get(c, 0) + 1
            self._doc_focus = max(counts, key=counts.__getitem__) if counts else ""
        return self._doc_focus or None


def main_clause(verb: Any) -> bool:
    """Whether ``verb`` heads a main clause ("... and the treaty says" too)."""
    return bool(verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
