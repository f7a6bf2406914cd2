"""Link every actor mention in an article to a canonical actor.

Within one article, in reading order, each token is offered to the passes of
:data:`PASSES` it opens, in turn, until one links (or takes) something there: gazetteer names
and aliases with their titles, role descriptions, entities (surnames, first names,
misspellings, unknown names), short forms and age descriptions, "the country",
"the Republican", "her successor", pronouns, and surnames NER missed. The rooms:

- :mod:`dossier.actors.names`: names, aliases, titles, fuzzy typos, metonyms,
  entity linking through the gazetteer, local actors for unknown names;
- :mod:`dossier.actors.roles`: role descriptions and their dated holders;
- :mod:`dossier.actors.coref`: antecedents and group references, nominals, pronouns.

They read and write one :class:`~dossier.actors.article.Article` (the per-article
state); their rules are registered in ``dossier.actors.cues.BOOK``. Unknown people
and organisations get a stable local actor instead of a guess.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.attrs import IS_UPPER, LOWER, POS
from spacy.language import Language
from spacy.tokens import Span, Token

from dossier.actors import acronyms, names, namesakes, roles
from dossier.actors.article import Article, FuzzyNames
from dossier.actors.coref import nominals, pronouns
from dossier.actors.cues import BOOK, GROUPS
from dossier.actors.evidence import lone_unknown_name
from dossier.actors.governments import link_government
from dossier.actors.nonactors import take_nonactors
from dossier.actors.phrases import LazyPhrases
from dossier.actors.things import learn_word_classes
from dossier.gazetteer import Gazetteer
from dossier.parse import ParsedArticle
from dossier.parse.tree import column, forget, walk
from dossier.records import Mention

Run = Callable[[Article, Token], int | None]


@dataclass(frozen=True)
class Pass:
    """A pass: given the article and a free token, ``run`` says where reading goes on
    when it linked or took something there (else None: the next pass tries). It is
    offered only the tokens that open it: a match starting there (``at``: "name",
    "entity", "role"), a word (``words``, lower-cased), a part of speech (``pos``), or
    a word in capitals."""

    run: Run
    at: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    capitals: bool = False


def _on(*items: str) -> frozenset[str]:
    return frozenset(items)


PASSES: tuple[Pass, ...] = (
    Pass(acronyms.link_defined, capitals=True),  # "the Ithilen Trade Council (ITC) … ITC"
    Pass(link_government, at=_on("name", "entity")),  # "the Obama administration"
    Pass(roles.link_role_over_name, at=_on("name")),  # "the GOP nominee": the role
    Pass(names.link_known, at=_on("name")),  # gazetteer names, aliases, titles, metonyms
    Pass(names.link_entity, at=_on("entity")),  # surnames, first names, typos, unknown
    Pass(roles.link_role_title, at=_on("role")),  # "the Russian president"
    Pass(roles.link_the_country, words=_on("the", "this", "our")),  # "this country"
    Pass(roles.link_party_member, words=_on("the")),  # "The Republican said"
    Pass(nominals.link_short_form, words=_on("the")),  # "the Post"
    Pass(nominals.age_description, words=_on("the")),  # "The 56-year-old said"
    Pass(nominals.title_description, words=_on("the")),  # "the governor said"
    Pass(roles.link_successor, pos=_on("NOUN")),  # "her successor"
    Pass(pronouns.link_pronoun, pos=_on("PRON")),  # he/she, it, they (read here only)
    Pass(names.transcript_label, capitals=True),  # "PENCE: Well, look"
    Pass(names.missed_surname, pos=_on("PROPN")),  # "the Trump campaign"
    Pass(namesakes.surname_read_as_noun, pos=_on("NOUN")),  # "Trump granted him a pardon"
    Pass(names.surname_in_office, pos=_on("PROPN")),  # "Trump Leads In Florida"
)
_WORDS = frozenset().union(*(p.words for p in PASSES))
_POS = frozenset().union(*(p.pos for p in PASSES))


@cache
def _passes_for(name: bool, entity: bool, role: bool, word: str, pos: str,
                capitals: bool) -> tuple[Pass, ...]:
    """The passes a token with these features opens, in order."""
    return tuple(p for p in PASSES if (name and "name" in p.at) or (entity and "entity" in p.at)
                 or (role and "role" in p.at) or word in p.words or pos in p.pos
                 or (capitals and p.capitals))

# the rule book room by room: names, roles, coreference
BOOK.rules.sort(key=lambda r: GROUPS.index(r.group))


class Linker:
    """Matchers compiled once per (pipeline, gazetteer)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.g = gazetteer
        phrases = list(gazetteer.all_phrases()) + list(gazetteer.metonyms_surface())
        # "the West" opens sentences as "The West"
        phrases += ["The" + p[3:] for p in phrases if p.startswith("the ")]
        # news copy types "People’s Liberation Army" with a curly apostrophe
        phrases += [p.replace("'", "’") for p in phrases if "'" in p]
        # (patterns join the matchers as documents need them: dossier.actors.phrases)
        self.names = LazyPhrases(nlp, "NAME", phrases, attr="ORTH")
        self.roles = LazyPhrases(nlp, "ROLE", sorted(gazetteer.role_titles), attr="LOWER")
        self.fuzzy = FuzzyNames.of(gazetteer)
        learn_word_classes(nlp)  # English adjectives and nouns: actors.things

    def link(self, parsed: ParsedArticle) -> list[Mention]:
        """The article's mentions, in text order (also set on ``parsed``)."""
        walk(parsed.doc, parsed.kids)
        try:
            return self._link(parsed)
        finally:
            forget()  # the parse walks' cache lets go of the doc

    def _link(self, parsed: ParsedArticle) -> list[Mention]:
        a = self.article(parsed)
        tokens = parsed.tokens
        # the tokens a word, a part of speech or capitals open passes at (the others
        # only when a match starts there), read from the article's columns: the rest
        # are not made Tokens, and no Token's strings are read
        word_at, pos_at = parsed.where_each(LOWER, _WORDS), parsed.where_each(POS, _POS)
        upper = set(column(parsed.doc, IS_UPPER).nonzero()[0].tolist())
        opens = upper.union(word_at, pos_at)
        # the read visits only these, in order (a match moves it on to where it ends)
        starts = sorted(opens.union(a.names_at, a.ents_at, a.roles_at))
        k = 0
        while k < len(starts):
            i = starts[k]
            if a.taken[i]:
                k += 1
                continue
            tok = tokens[i]
            for p in _passes_for(i in a.names_at, i in a.ents_at, i in a.roles_at,
                                 word_at.get(i, ""), pos_at.get(i, ""), i in upper):
                if (nxt := p.run(a, tok)) is not None:
                    k = bisect_left(starts, nxt)
                    break
            else:
                k += 1
        lone_unknown_name(a)
        mentions = sorted(a.out, key=lambda m: m.start)
        parsed.set_mentions(mentions)
        return mentions

    def article(self, parsed: ParsedArticle) -> Article:
        """The article's state before reading: what the matchers and NER found."""
        a = Article(parsed, self.g, self.fuzzy)
        doc = a.doc
        a.name_spans = sorted((Span(doc, s, e) for _, s, e in self.names(doc)),
                              key=lambda sp: (sp.start, -(sp.end - sp.start)))
        a.roles_at = {s: Span(doc, s, e) for _, s, e in self.roles(doc)}
        for s, (sp, keys) in roles.org_phrase_roles(a).items():
            a.roles_at[s] = sp
            a.org_roles[s] = keys
        for sp in a.name_spans:
            if sp.start not in a.names_at or len(sp) > len(a.names_at[sp.start]):
                a.names_at[sp.start] = sp
        a.ents_at = names.entity_spans(a)
        take_nonactors(a)  # page furniture, titles of works
        acronyms.read_definitions(a)  # "the Space Launch System (SLS)": a thing's
        for s in [s for s, sp in a.names_at.items()
                  if (ent := a.ents_at.get(s)) is not None and names.ner_longer_name(a, sp, ent)]:
            del a.names_at[s]  # "China Daily": NER saw a longer name holding a country's
        return a
